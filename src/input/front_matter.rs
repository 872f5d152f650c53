//! The values of a document's front matter that whosaid reads: `categories`, `tags`, `type`,
//! `layout` (for [article kinds](crate::config)) and `whosaid.disable` (rules off for the
//! document). YAML front matter (`---`) is read with a small reader of the forms sites use
//! (`key: value`, `key: [a, b]`, a `- item` list, one level of nesting, a `{disable: [a]}` flow
//! map); TOML front matter (`+++`) with the toml crate. Anything else in it is ignored: front
//! matter is the site's, and whosaid must not fail on it.

/// True when `d` starts `YYYY-MM` with a month from 01 to 12 (a day or time may follow).
pub fn valid_month(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && matches!(
            &d[5..7],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// The `date` of a Markdown file's front matter (`---` ... `---`, a line `date: 2020-03-01`),
/// when it starts with a date.
pub fn front_matter_date(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if let Some(v) = line.strip_prefix("date:") {
            let v = v.trim().trim_matches(['"', '\'']);
            return valid_month(v).then(|| v.to_string());
        }
    }
    None
}

/// (key, values) pairs, nested keys joined with `.` (`whosaid.disable`), in order.
pub type FrontMatter = Vec<(String, Vec<String>)>;

/// The front matter of `raw`, if it starts with one (after a byte-order mark).
pub fn front_matter(raw: &str) -> FrontMatter {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let Some(len) = super::front_matter_len(raw) else {
        return Vec::new();
    };
    let block = &raw[..len];
    let mut lines = block.lines();
    let first = lines.next().unwrap_or("").trim();
    let body: Vec<&str> = lines.collect();
    // without the closing line
    let body = &body[..body.len().saturating_sub(1)];
    if first == "+++" {
        toml_values(&body.join("\n"))
    } else {
        yaml_values(body)
    }
}

fn toml_values(text: &str) -> FrontMatter {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    fn add(out: &mut FrontMatter, key: String, v: &toml::Value) {
        match v {
            toml::Value::String(s) => out.push((key, vec![s.clone()])),
            toml::Value::Array(a) => out.push((
                key,
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect(),
            )),
            toml::Value::Table(t) => {
                for (k, v) in t {
                    add(out, format!("{key}.{k}"), v);
                }
            }
            _ => {}
        }
    }
    for (k, v) in &table {
        add(&mut out, k.clone(), v);
    }
    out
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(s);
    s.to_string()
}

/// `[a, "b"]` as its items, or a scalar as one value (Jekyll's `categories: news sports` as
/// two: a space-separated list).
fn values(key: &str, v: &str) -> Vec<String> {
    let v = v.trim();
    if let Some(inner) = v.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        return (inner.split(','))
            .map(unquote)
            .filter(|s| !s.is_empty())
            .collect();
    }
    let leaf = key.rsplit('.').next().unwrap_or(key);
    if matches!(leaf, "categories" | "tags") && !v.starts_with(['"', '\'']) {
        return v.split_whitespace().map(String::from).collect();
    }
    let v = unquote(v);
    if v.is_empty() { Vec::new() } else { vec![v] }
}

fn yaml_values(lines: &[&str]) -> FrontMatter {
    let mut out: FrontMatter = Vec::new();
    // the last key at indentation 0 (for nested keys and `- item` lists)
    let mut parent: Option<String> = None;
    let mut list_key: Option<String> = None;
    for line in lines {
        let code = line.split(" #").next().unwrap_or(line);
        if code.trim().is_empty() || code.trim_start().starts_with('#') {
            continue;
        }
        let indent = code.len() - code.trim_start().len();
        let t = code.trim();
        if let Some(item) = t.strip_prefix("- ").or((t == "-").then_some("")) {
            if let Some(k) = &list_key
                && let Some(entry) = out.iter_mut().rev().find(|(key, _)| key == k)
            {
                let v = unquote(item);
                if !v.is_empty() {
                    entry.1.push(v);
                }
            }
            continue;
        }
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        let k = unquote(k);
        let key = match (&parent, indent) {
            (Some(p), i) if i > 0 => format!("{p}.{k}"),
            _ => k.clone(),
        };
        if indent == 0 {
            parent = Some(k.clone());
        }
        let v = v.trim();
        if let Some(inner) = v.strip_prefix('{').and_then(|x| x.strip_suffix('}')) {
            // a flow map: `whosaid: {disable: [a, b]}`
            let mut rest = inner;
            while let Some((mk, after)) = rest.split_once(':') {
                let after = after.trim_start();
                let (mv, next) = if after.starts_with('[') {
                    let end = after.find(']').map_or(after.len(), |e| e + 1);
                    (&after[..end], &after[end..])
                } else {
                    let end = after.find(',').unwrap_or(after.len());
                    (&after[..end], &after[end..])
                };
                let sub = format!("{key}.{}", unquote(mk.trim_start_matches([',', ' '])));
                out.push((sub.clone(), values(&sub, mv)));
                rest = next.trim_start_matches([',', ' ']);
            }
            list_key = None;
            continue;
        }
        out.push((key.clone(), values(&key, v)));
        list_key = Some(key);
    }
    out
}

/// The values of `key`, lower-cased, or none.
pub fn get<'a>(fm: &'a FrontMatter, key: &str) -> impl Iterator<Item = &'a str> {
    fm.iter()
        .filter(move |(k, _)| k == key)
        .flat_map(|(_, v)| v.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(fm: &FrontMatter, key: &str) -> Vec<String> {
        get(fm, key).map(String::from).collect()
    }

    #[test]
    fn reads_the_forms_sites_write() {
        let fm = front_matter(
            "---\nlayout: post\ntitle: \"A: b\"\ncategories: news opinion\ntags: [a, \"b c\"]\n\
             type:\n  - Review\nwhosaid:\n  disable: [single-source, loaded-verb]\n---\nText\n",
        );
        assert_eq!(vals(&fm, "layout"), ["post"]);
        assert_eq!(vals(&fm, "title"), ["A: b"]);
        assert_eq!(vals(&fm, "categories"), ["news", "opinion"]);
        assert_eq!(vals(&fm, "tags"), ["a", "b c"]);
        assert_eq!(vals(&fm, "type"), ["Review"]);
        assert_eq!(
            vals(&fm, "whosaid.disable"),
            ["single-source", "loaded-verb"]
        );
        let fm = front_matter("---\nwhosaid: {disable: [orphan-quote]}\n---\n");
        assert_eq!(vals(&fm, "whosaid.disable"), ["orphan-quote"]);
        let fm =
            front_matter("+++\ncategories = [\"Opinion\"]\n[whosaid]\ndisable = [\"x\"]\n+++\n");
        assert_eq!(vals(&fm, "categories"), ["Opinion"]);
        assert_eq!(vals(&fm, "whosaid.disable"), ["x"]);
        assert!(front_matter("No front matter.\n").is_empty());
    }
}

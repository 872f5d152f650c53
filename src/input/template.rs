//! Template markup of static-site generators, blanked out before a Markdown or HTML file is
//! parsed: Jekyll/Liquid and Jinja tags (`{% ... %}`, `{{ ... }}`, `{# ... #}`), Hugo shortcodes
//! (`{{< ... >}}`, `{{% ... %}}`), the block forms that hold code (`{% highlight %}`,
//! `{% raw %}`, `{% comment %}`, `{% codeblock %}`, Hugo `highlight` and `code`), front matter,
//! and kramdown's attribute lists (`{:.class}` lines) and header-less tables.
//!
//! Blanking means every byte is replaced by a space (line breaks kept), so the masked text has
//! the same length and lines as the file: whatever the Markdown or HTML reader makes of it
//! maps back to the original with the same offsets, and no finding can start inside a
//! template tag, a highlight block or front matter.
//!
//! Example: `The {{ site.title }} reported {% if x %}it{% endif %}.` reads as
//! `The                 reported            it           .`.

/// The block tags whose whole content is code or not for readers (Liquid, Jinja, Octopress).
const CODE_BLOCKS: &[(&str, &str)] = &[
    ("highlight", "endhighlight"),
    ("raw", "endraw"),
    ("comment", "endcomment"),
    ("codeblock", "endcodeblock"),
    ("code", "endcode"),
];

/// Hugo shortcodes whose content is code.
const HUGO_CODE: &[&str] = &["highlight", "code"];

/// The longest template tag looked for (bytes): an unclosed `{%` in prose masks nothing.
const MAX_TAG: usize = 4096;

/// `raw` with template markup, front matter and kramdown furniture blanked out (same length).
pub fn mask(raw: &str) -> String {
    let mut b = raw.as_bytes().to_vec();
    if let Some(n) = super::front_matter_len(raw) {
        blank(&mut b, 0, n);
    }
    mask_blocks(raw, &mut b);
    mask_tags(raw, &mut b);
    mask_kramdown(raw, &mut b);
    // only whole characters were blanked (every range starts and ends at ASCII marks)
    String::from_utf8(b).expect("blanking whole characters keeps UTF-8")
}

/// Blank `b[start..end]`, keeping line breaks.
fn blank(b: &mut [u8], start: usize, end: usize) {
    let end = end.min(b.len());
    for c in &mut b[start..end] {
        if *c != b'\n' && *c != b'\r' {
            *c = b' ';
        }
    }
}

/// The name of the tag `{% name ... %}` or `{{< name ... >}}` (`/name` for a closing one).
fn tag_name(inner: &str) -> &str {
    let inner = inner.trim_matches(|c: char| c == '-' || c == '<' || c == '>' || c == '%');
    inner.split_whitespace().next().unwrap_or("")
}

/// The tags from `open` to `close` at `at` in `s`: the end of the tag (exclusive) and its
/// inner text.
fn tag_at<'s>(s: &'s str, at: usize, open: &str, close: &str) -> Option<(usize, &'s str)> {
    let rest = s.get(at + open.len()..)?;
    let limit = rest.len().min(MAX_TAG);
    let within = rest.get(..limit).unwrap_or(rest);
    let end = within.find(close)?;
    Some((at + open.len() + end + close.len(), &rest[..end]))
}

fn mask_blocks(s: &str, b: &mut [u8]) {
    let mut at = 0;
    while let Some(k) = s[at..].find("{%").map(|k| at + k) {
        let Some((end, inner)) = tag_at(s, k, "{%", "%}") else {
            at = k + 2;
            continue;
        };
        let name = tag_name(inner);
        if let Some((_, closer)) = CODE_BLOCKS.iter().find(|(o, _)| *o == name) {
            // to the end of the closing tag, or the rest of the file if it is never closed
            let close_end = find_closing(s, end, "{%", "%}", closer).unwrap_or(s.len());
            blank(b, k, close_end);
            at = close_end;
        } else {
            at = end;
        }
    }
    let mut at = 0;
    while let Some(k) = s[at..].find("{{<").map(|k| at + k) {
        let Some((end, inner)) = tag_at(s, k, "{{<", ">}}") else {
            at = k + 3;
            continue;
        };
        let name = tag_name(inner);
        if HUGO_CODE.contains(&name) {
            let closer = format!("/{name}");
            let close_end = find_closing(s, end, "{{<", ">}}", &closer).unwrap_or(s.len());
            blank(b, k, close_end);
            at = close_end;
        } else {
            at = end;
        }
    }
}

/// The end of the first tag `open closer ... close` at or after `from`.
fn find_closing(s: &str, from: usize, open: &str, close: &str, closer: &str) -> Option<usize> {
    let mut at = from;
    while let Some(k) = s[at..].find(open).map(|k| at + k) {
        match tag_at(s, k, open, close) {
            Some((end, inner)) if tag_name(inner) == closer => return Some(end),
            Some((end, _)) => at = end,
            None => at = k + open.len(),
        }
    }
    None
}

fn mask_tags(s: &str, b: &mut [u8]) {
    for (open, close) in [
        ("{{<", ">}}"),
        ("{{%", "%}}"),
        ("{%", "%}"),
        ("{{", "}}"),
        ("{#", "#}"),
    ] {
        let mut at = 0;
        while let Some(k) = s[at..].find(open).map(|k| at + k) {
            match tag_at(s, k, open, close) {
                // `{#` is also how kramdown and Pandoc write a header id (`{#intro}`): a
                // Jinja comment has a space after its mark
                Some(_) if open == "{#" && !s[k + 2..].starts_with([' ', '-']) => at = k + 2,
                Some((end, _)) => {
                    blank(b, k, end);
                    at = end;
                }
                None => at = k + open.len(),
            }
        }
    }
}

/// kramdown: attribute-list lines (`{:.lead}`, `{: #id .class}`) and header-less tables (lines
/// of `| cell | cell |` with no `|---|` delimiter row, which CommonMark reads as prose).
fn mask_kramdown(s: &str, b: &mut [u8]) {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in s.split_inclusive('\n') {
        lines.push((at, l));
        at += l.len();
    }
    let is_row = |l: &str| {
        let t = l.trim();
        t.len() > 1 && t.starts_with('|') && t[1..].contains('|')
    };
    let is_delimiter = |l: &str| {
        let t = l.trim();
        t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+'))
    };
    let mut i = 0;
    while i < lines.len() {
        let (start, l) = lines[i];
        let t = l.trim();
        if t.starts_with("{:") && t.ends_with('}') {
            blank(b, start, start + l.len());
            i += 1;
            continue;
        }
        // an attribute list closing a line of prose: `A lead paragraph.{:.lead}`
        if t.ends_with('}')
            && let Some(k) = l.rfind("{:")
            && !l.trim_end()[k..].contains('\n')
        {
            blank(b, start + k, start + l.trim_end().len());
        }
        if is_row(l) {
            let mut j = i;
            while j < lines.len() && is_row(lines[j].1) {
                j += 1;
            }
            if !lines[i..j].iter().any(|(_, l)| is_delimiter(l)) {
                let end = lines[j - 1].0 + lines[j - 1].1.len();
                blank(b, start, end);
            }
            i = j;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shows(raw: &str) -> String {
        let m = mask(raw);
        assert_eq!(m.len(), raw.len());
        assert_eq!(m.matches('\n').count(), raw.matches('\n').count());
        m.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn liquid_and_jinja_tags_are_blanked() {
        assert_eq!(
            shows("The {{ page.title }} said {% if x %}so{% endif %}. {# note #} End."),
            "The said so . End."
        );
        assert_eq!(shows("{%- assign x = 1 -%}\nText."), "Text.");
    }

    #[test]
    fn code_blocks_are_blanked_whole() {
        let raw =
            "Intro.\n\n{% highlight python %}\nprint(\"hi,\" said)\n{% endhighlight %}\n\nAfter.";
        assert_eq!(shows(raw), "Intro. After.");
        let raw = "A.\n{% raw %}{{ x }} \"q\"{% endraw %}\nB.";
        assert_eq!(shows(raw), "A. B.");
        let raw = "A.\n{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"x\")\n{{< /highlight >}}\nB.";
        assert_eq!(shows(raw), "A. B.");
        assert_eq!(shows("A {{< ref \"x.md\" >}} b."), "A b.");
    }

    #[test]
    fn front_matter_and_kramdown_furniture_are_blanked() {
        let raw = "---\nlayout: post\ntitle: \"A\"\n---\nBody.\n{:.lead}\n\n| a | b |\n| c | d |\n\nEnd.{: .note}\n";
        assert_eq!(shows(raw), "Body. End.");
        // a GitHub table (with its delimiter row) is kept for the Markdown reader
        let raw = "| a | b |\n|---|---|\n| c | d |\n";
        assert_eq!(shows(raw), "| a | b | |---|---| | c | d |");
    }

    #[test]
    fn prose_braces_and_unclosed_tags_are_kept() {
        assert_eq!(
            shows("Set {a, b} and {% unclosed"),
            "Set {a, b} and {% unclosed"
        );
        assert_eq!(shows("## Intro {#intro}"), "## Intro {#intro}");
        assert_eq!(
            shows("caf\u{e9} {{ x }} \u{201c}ok\u{201d}"),
            "caf\u{e9} \u{201c}ok\u{201d}"
        );
    }
}

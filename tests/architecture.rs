//! The shape of the source tree, checked from the files themselves: the modules of the library
//! import each other down the pipeline only (no cycle), and no source file grows past the size a
//! reader can hold.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The library's modules, upstream first: a module may use only modules of earlier layers or
/// its own (docs/architecture.md draws the same order).
const LAYERS: &[&[&str]] = &[
    &["span", "error", "hash", "grammar", "decimal"],
    &["input"],
    &["registry"],
    &["model"],
    &["ruleset"],
    &["rule_docs"],
    &["lexicon"],
    &["token"],
    &["segment", "quotes"],
    &["extract"],
    &["resolve"],
    &["links"],
    &["claims"],
    &["frames"],
    &["checks"],
    &["report"],
    &["baseline", "changed", "config", "suppress"],
    &["policy"],
    &["collection"],
    &["lsp"],
];

/// Files of the binary (they use the library as `whosaid::`), the crate root (which wires the
/// stages and may use them all) and test helpers: not part of the graph.
const OUTSIDE: &[&str] = &[
    "main",
    "cli",
    "run",
    "write",
    "gather",
    "registry_cmd",
    "report_cmd",
    "lib",
    "testutil",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("read src") {
        let p = e.expect("dir entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/extract/patterns/poll.rs` -> extract.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").expect("under src");
    let first = rel.components().next().expect("a component");
    let s = first.as_os_str().to_string_lossy();
    s.trim_end_matches(".rs").to_string()
}

/// The code of a file without comments and without its unit tests (they may use what they
/// test with anything upstream or down: a test module is not an import of the stage).
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(l) = lines.next() {
        let t = l.trim_start();
        if t.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod "))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        // (a trailing comment, outside string literals, which code paths are seldom in)
        let code = match l.find("//") {
            Some(k) if !l[..k].contains('"') => &l[..k],
            _ => l,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The modules named by `crate::` paths in `code`, the grouped form `use crate::{a, b::c}` too.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(k) = rest.find("crate::") {
        let before = rest[..k].chars().next_back();
        rest = &rest[k + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // (`whosaid_crate::`, not a path of this crate)
        }
        if let Some(group) = rest.strip_prefix('{') {
            // the first name of each item at depth 0 of the group
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        found.insert(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found
}

/// Every module's imports of other modules of the library: module -> (module, file).
fn import_graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for f in &files {
        let from = module_of(f);
        if OUTSIDE.contains(&from.as_str()) {
            continue;
        }
        let code = code_of(&fs::read_to_string(f).expect("read a source file"));
        let edges = graph.entry(from.clone()).or_default();
        for to in crate_paths(&code) {
            // (items of the crate root, `crate::Checker`, are not a module)
            if to != from && modules.contains(&to) && !OUTSIDE.contains(&to.as_str()) {
                edges.entry(to).or_insert_with(|| f.display().to_string());
            }
        }
    }
    graph
}

/// A cycle of the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(m) {
            Some(2) => return None,
            Some(1) => {
                let at = path.iter().position(|p| p == m).expect("on the path");
                let mut cycle = path[at..].to_vec();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for to in graph.get(m).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(to, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if let Some(c) = visit(m, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_paths_of_crate_are_read() {
    let code = code_of(
        "use crate::lexicon::{Lexicons, cls};\n// use crate::checks;\nuse crate::{model::Analysis, span::{self, Span}};\nlet x = crate::token::lower(w); // crate::report\n",
    );
    let got: Vec<String> = crate_paths(&code).into_iter().collect();
    assert_eq!(got, ["lexicon", "model", "span", "token"]);
    let mut g = BTreeMap::new();
    let edge = |to: &str| BTreeMap::from([(to.to_string(), String::new())]);
    g.insert("a".to_string(), edge("b"));
    g.insert("b".to_string(), edge("c"));
    assert_eq!(find_cycle(&g), None);
    g.insert("c".to_string(), edge("a"));
    assert_eq!(find_cycle(&g).map(|c| c.len()), Some(4));
}

#[test]
fn no_import_cycle_among_modules() {
    let graph = import_graph();
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} -> {} ({})", w[0], w[1], graph[&w[0]][&w[1]]))
            .collect();
        panic!("import cycle: {}", steps.join(", "));
    }
}

#[test]
fn imports_point_down_the_pipeline() {
    let graph = import_graph();
    let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let mut wrong = Vec::new();
    for (from, edges) in &graph {
        let Some(lf) = layer(from) else {
            wrong.push(format!("{from}: a module not in LAYERS"));
            continue;
        };
        for (to, file) in edges {
            match layer(to) {
                Some(lt) if lt < lf => {}
                _ => wrong.push(format!("{from} uses {to} ({file})")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports up the pipeline:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_source_file_over_1200_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, fs::read_to_string(f).expect("read").lines().count()))
        .filter(|(_, n)| *n > 1200)
        .map(|(f, n)| format!("{}: {n} lines", f.display()))
        .collect();
    assert!(
        long.is_empty(),
        "files over 1,200 lines:\n{}",
        long.join("\n")
    );
}

/// The functions of a file and their lengths in lines: from a line `fn name` (at any
/// indentation, with any visibility) to the first line after it that is its indentation and
/// `}`.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let indent = &l[..l.len() - t.len()];
        let t = t
            .strip_prefix("pub(in crate::extract) ")
            .or_else(|| t.strip_prefix("pub(crate) "))
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else {
            continue;
        };
        if l.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        if let Some(end) = (i..lines.len()).find(|&k| lines[k] == close) {
            out.push((name, end - i + 1));
        }
    }
    out
}

#[test]
fn no_function_over_150_lines_in_extract() {
    let sample =
        "fn a() {\n    x\n}\n    pub(in crate::extract) fn b(\n        y: u8,\n    ) {\n    }\n";
    assert_eq!(
        function_lengths(sample),
        [("a".to_string(), 3), ("b".to_string(), 4)]
    );
    let mut files = Vec::new();
    rust_files(Path::new("src/extract"), &mut files);
    assert!(files.len() > 10, "src/extract/ is a folder of modules");
    let mut long = Vec::new();
    for f in &files {
        for (name, n) in function_lengths(&fs::read_to_string(f).expect("read")) {
            if n > 150 {
                long.push(format!("{}: fn {name}: {n} lines", f.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over 150 lines:\n{}",
        long.join("\n")
    );
}

/// Every pattern file is named in the dispatch module's doc (the order) and in the extract
/// module's index (pattern -> file -> example), so that a newcomer finds it in one step.
#[test]
fn every_pattern_file_is_in_the_dispatch_table_and_the_index() {
    let dispatch = fs::read_to_string("src/extract/dispatch.rs").expect("dispatch.rs");
    let index = fs::read_to_string("src/extract/mod.rs").expect("extract/mod.rs");
    let doc = |text: &str| -> String {
        (text.lines())
            .filter(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (dispatch, index) = (doc(&dispatch), doc(&index));
    let mut files = Vec::new();
    rust_files(Path::new("src/extract/patterns"), &mut files);
    let mut missing = Vec::new();
    for f in &files {
        let stem = f.file_stem().expect("a name").to_string_lossy().to_string();
        if stem == "mod" {
            continue;
        }
        if !dispatch.contains(&format!("patterns::{stem}`")) {
            missing.push(format!("{stem}: not in the doc of src/extract/dispatch.rs"));
        }
        if !index.contains(&format!("`patterns/{stem}.rs`")) {
            missing.push(format!("{stem}: not in the index of src/extract/mod.rs"));
        }
        let text = fs::read_to_string(f).expect("read");
        if !text.starts_with("//! **") {
            missing.push(format!("{stem}: no doc comment naming the pattern"));
        }
        if !text.contains("#[cfg(test)]") {
            missing.push(format!("{stem}: no example tests"));
        }
    }
    assert!(files.len() > 10, "the pattern files");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

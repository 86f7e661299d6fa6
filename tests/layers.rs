//! The crate's three layers, checked from the source (ARCHITECTURE.md draws them):
//! - `src/engine/`: typed in, typed out; it names neither the dGC adapter nor the wasm binding, and neither reads nor writes JSON;
//! - `src/dgc/`: the dGC API on top of the engine; it names no part of the wasm binding;
//! - `src/wasm/`: the binding, on top of both.
//!
//! Within a layer, no two modules import each other, directly or through others. Every error type is a
//! `#[non_exhaustive]` enum implementing `std::error::Error` (the 422 body, a list of problems, aside).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as its path relative to `src/` with `/` separators.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src()).expect("under src/");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

fn read(rel: &str) -> String {
    fs::read_to_string(src().join(rel)).expect("source file is readable")
}

/// The code of a file without its comments (line comments and doc comments), so prose may name anything.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The layer-crossing names found in an engine file.
fn engine_reaches(code: &str) -> BTreeSet<&'static str> {
    [
        "crate::dgc",
        "crate::wasm",
        "wasm_bindgen",
        "serde_json",
        "serde",
    ]
    .into_iter()
    .filter(|name| {
        code.match_indices(name).any(|(i, _)| {
            let before = code[..i].chars().last();
            let after = code[i + name.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
    .collect()
}

#[test]
fn the_engine_names_neither_the_adapter_nor_the_binding() {
    let engine = files(&src().join("engine"));
    assert!(engine.len() > 20, "the engine's files were found");
    for rel in engine {
        let reaches = engine_reaches(&code(&read(&rel)));
        assert!(
            reaches.is_empty(),
            "{rel} reaches outside the engine: {reaches:?}"
        );
    }
}

#[test]
fn the_adapter_does_not_name_the_binding() {
    for rel in files(&src().join("dgc")) {
        let code = code(&read(&rel));
        for name in ["crate::wasm", "wasm_bindgen", "js_sys"] {
            assert!(!code.contains(name), "{rel} names {name}");
        }
    }
}

/// The module a file defines, as a crate path (`engine/data/mod.rs` is `crate::engine::data`).
fn module_of(rel: &str) -> String {
    let path = rel.trim_end_matches(".rs").trim_end_matches("/mod");
    format!("crate::{}", path.replace('/', "::"))
}

#[test]
fn no_two_modules_import_each_other() {
    let all: Vec<String> = ["engine", "dgc", "wasm"]
        .iter()
        .flat_map(|layer| files(&src().join(layer)))
        .collect();
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(f)).collect();
    // Each module's imports of other modules of the crate (the longest module path a `crate::` path starts with).
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for rel in &all {
        let from = module_of(rel);
        // Top-level `use super::…` (not a test module's) names a sibling of this module.
        let parent = from
            .rsplit_once("::")
            .map_or("crate", |(p, _)| p)
            .to_owned();
        let code = code(&read(rel))
            .lines()
            .map(|l| match l.strip_prefix("use super::") {
                Some(rest) => format!("use {parent}::{rest}"),
                None => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut deps = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let path: String = code[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let target = modules
                .iter()
                .filter(|m| path == **m || path.starts_with(&format!("{m}::")))
                .max_by_key(|m| m.len());
            if let Some(t) = target {
                if *t != from && !from.starts_with(&format!("{t}::")) {
                    deps.insert(t.clone());
                }
            }
        }
        graph.insert(from, deps);
    }
    // Depth-first search for a cycle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(i) = path.iter().position(|p| p == m) {
            panic!("import cycle: {}", path[i..].join(" -> ") + " -> " + m);
        }
        path.push(m.to_owned());
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, path, done);
        }
        path.pop();
        done.insert(m.to_owned());
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
    assert!(graph.len() > 20, "the modules were found");
}

/// The string literals of Rust source, comments and character literals skipped, escaped line breaks joined.
fn string_literals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            // A character literal ('x', '\n', '\''); otherwise a lifetime.
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            'r' if matches!(chars.get(i + 1), Some('"' | '#'))
                && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                let start = i + 2 + hashes;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[start..].iter().collect();
                let end = rest.find(&close).expect("a closed raw string");
                out.push(rest[..end].to_owned());
                i = start + rest[..end].chars().count() + close.len();
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        if chars[i] == '\n' {
                            while chars[i + 1].is_whitespace() {
                                i += 1;
                            }
                        } else {
                            s.push(chars[i]);
                        }
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a literal reads as a sentence: four words or more, ending with a full stop, or with a reason filled in
/// after a colon ("…: {e}"). Titles and citations end otherwise.
fn is_sentence(s: &str) -> bool {
    let s = s.trim_end();
    s.split_whitespace().count() >= 4
        && (s.ends_with('.') || (s.contains(": ") && s.ends_with('}')))
}

/// The sentence literals of a file, outside its test module (which ends the file by convention).
fn sentences(rel: &str) -> Vec<String> {
    let text = read(rel);
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    string_literals(text)
        .into_iter()
        .filter(|s| is_sentence(s))
        .collect()
}

#[test]
fn every_sentence_of_the_engine_is_in_its_wording_module() {
    let wording = sentences("engine/wording.rs");
    assert!(
        wording
            .iter()
            .any(|s| s == "The observation date is before the birth date."),
        "the scanner reads the wording module"
    );
    for rel in files(&src().join("engine")) {
        if rel == "engine/wording.rs" || rel.starts_with("engine/data/") {
            continue;
        }
        let found = sentences(&rel);
        assert!(
            found.is_empty(),
            "{rel} writes sentences outside engine/wording.rs: {found:?}"
        );
    }
}

#[test]
fn no_sentence_is_written_twice() {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rel in files(&src()) {
        if !rel.starts_with("engine/data/") {
            for s in sentences(&rel) {
                seen.entry(s).or_default().push(rel.clone());
            }
        }
    }
    let twice: Vec<_> = seen.iter().filter(|(_, at)| at.len() > 1).collect();
    assert!(seen.len() > 50, "the sentences were found");
    assert!(
        twice.is_empty(),
        "sentences written more than once: {twice:#?}"
    );
}

/// The 422 body: a list of problems, each with its `type` code, in the dGC API's shape. It is the one error that
/// is not an enum.
const ERROR_BODIES: &[&str] = &["ValidationError"];

/// The names of the types declared by `keyword` (`enum`, `struct`) in `code`, each with the attributes above it.
fn declarations<'a>(code: &'a str, keyword: &str) -> Vec<(&'a str, Vec<&'a str>)> {
    let lines: Vec<&str> = code.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        // Any visibility: `pub`, `pub(crate)`, `pub(super)`, `pub(in …)`.
        let rest = match line.strip_prefix("pub") {
            Some(r) if r.starts_with('(') => r.split_once(") ").map_or(line, |(_, r)| r),
            Some(r) => r.strip_prefix(' ').unwrap_or(line),
            None => line,
        };
        if let Some(name) = rest.strip_prefix(keyword).and_then(|r| r.strip_prefix(' ')) {
            let name = name
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next();
            let attributes = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with("#["))
                .copied()
                .collect();
            out.extend(name.map(|n| (n, attributes)));
        }
    }
    out
}

#[test]
fn every_error_is_a_non_exhaustive_enum_that_implements_error() {
    let (mut enums, mut structs, mut implemented) =
        (BTreeMap::new(), BTreeSet::new(), BTreeSet::new());
    for rel in files(&src()) {
        let code = code(&read(&rel));
        for (name, attributes) in declarations(&code, "enum") {
            enums.insert(name.to_owned(), attributes.contains(&"#[non_exhaustive]"));
        }
        structs.extend(
            declarations(&code, "struct")
                .into_iter()
                .map(|(n, _)| n.to_owned()),
        );
        for (i, _) in code.match_indices("impl std::error::Error for ") {
            let rest = &code[i + "impl std::error::Error for ".len()..];
            implemented.extend(
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .map(String::from),
            );
        }
    }
    assert!(
        implemented.len() >= 8,
        "the errors were found: {implemented:?}"
    );
    for name in &implemented {
        if ERROR_BODIES.contains(&name.as_str()) {
            assert!(structs.contains(name), "{name} is declared");
            continue;
        }
        assert_eq!(
            enums.get(name),
            Some(&true),
            "{name} is an error but not a #[non_exhaustive] enum"
        );
    }
    let named_errors = enums
        .keys()
        .chain(&structs)
        .filter(|n| n.ends_with("Error"));
    for name in named_errors {
        assert!(
            implemented.contains(name),
            "{name} does not implement std::error::Error"
        );
    }
}

//! Rules of the repository that a reader relies on, checked over its text files: no citation of an issue number,
//! and guides that hold what they promise (the README a user guide of at most 300 lines; ARCHITECTURE.md and
//! CONTRIBUTING.md with their sections; every `make` target and file the guides name, there); and no Cargo profile
//! that sets a panic strategy.

use std::fs;
use std::path::{Path, PathBuf};

/// The folders and files whose comments and prose are read (generated data and vendored files are left out).
const SCANNED: &[&str] = &[
    "src",
    "tests",
    "scripts",
    "pkg-template",
    "bench",
    "benches",
    "docs",
    "reference-data",
    "www-demo/src",
    "README.md",
    "ARCHITECTURE.md",
    "CONTRIBUTING.md",
    "SECURITY.md",
    "Makefile",
];

const SKIPPED_DIRS: &[&str] = &["node_modules", "vectors", "out", "target", "dist"];
const EXTENSIONS: &[&str] = &[
    "rs", "js", "mjs", "cjs", "ts", "cts", "jsx", "py", "sh", "md", "R", "html",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let skipped = path
            .file_name()
            .is_some_and(|n| SKIPPED_DIRS.iter().any(|s| n == *s));
        if skipped {
            return;
        }
        for entry in fs::read_dir(path).expect("readable folder") {
            files(&entry.expect("readable folder").path(), out);
        }
    } else if path.file_name().is_some_and(|n| n == "Makefile")
        || path
            .extension()
            .is_some_and(|e| EXTENSIONS.iter().any(|x| e == *x))
    {
        out.push(path.to_path_buf());
    }
}

/// Where `line` cites an issue of a tracker: `issue 7`, `issue #7`, `(#13)` or `#7 §2`.
fn cites_an_issue(line: &str) -> bool {
    let lower = line.to_lowercase();
    let digit_after = |s: &str| {
        s.trim_start_matches('#')
            .starts_with(|c: char| c.is_ascii_digit())
    };
    lower
        .match_indices("issue ")
        .any(|(i, m)| digit_after(&lower[i + m.len()..]))
        || lower.match_indices("(#").any(|(i, _)| {
            let rest = &lower[i + 2..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(')')
        })
        || lower.match_indices('#').any(|(i, _)| {
            let rest = &lower[i + 1..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].trim_start().starts_with('§')
        })
}

#[test]
fn no_comment_or_doc_cites_an_issue_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for p in SCANNED {
        files(&root.join(p), &mut all);
    }
    assert!(all.len() > 100, "the files were found");
    let mut found = Vec::new();
    // This file's own examples are citations on purpose.
    for file in all.iter().filter(|f| !f.ends_with("tests/house_rules.rs")) {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if cites_an_issue(line) {
                let rel = file.strip_prefix(root).unwrap_or(file);
                found.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a reader has no tracker: say what the issue said instead\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_citations() {
    assert!(cites_an_issue("// Issue #7 §1: no caller"));
    assert!(cites_an_issue("Cold start on a slow phone (#13):"));
    assert!(cites_an_issue("see issue 12"));
    assert!(cites_an_issue("(#14 §4)"));
    assert!(!cites_an_issue("color: #333; a list of 7 issues"));
    assert!(!cites_an_issue("the 4th centile (p #)"));
}

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text between backticks in `text`, one span at a time.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The `## ` headings of a Markdown text.
fn headings(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.strip_prefix("## ")).collect()
}

#[test]
fn the_readme_is_a_user_guide_of_at_most_300_lines() {
    let readme = read("README.md");
    assert!(
        readme.lines().count() <= 300,
        "README.md has {} lines",
        readme.lines().count()
    );
    let headings = headings(&readme);
    for wanted in [
        "Install",
        "Use",
        "Replacing the dGC API",
        "FHIR",
        "Command line",
        "Charts",
        "Speed and size",
    ] {
        assert!(
            headings.iter().any(|h| h.starts_with(wanted)),
            "README.md has no section {wanted:?}: {headings:?}"
        );
    }
}

#[test]
fn the_guides_for_engineers_have_their_sections() {
    let architecture = read("ARCHITECTURE.md");
    let sections = headings(&architecture);
    for wanted in ["The call path", "Invariants", "Where changes go"] {
        assert!(
            sections.iter().any(|h| h.starts_with(wanted)),
            "ARCHITECTURE.md has no section {wanted:?}"
        );
    }
    let call_path = architecture
        .split("\n## ")
        .find(|s| s.starts_with("The call path"))
        .unwrap_or_default();
    for step in [
        "encode",
        "parse",
        "Fields",
        "api",
        "calculate",
        "record",
        "build",
    ] {
        assert!(
            call_path.contains(step),
            "ARCHITECTURE.md's call path has no {step:?}"
        );
    }
    let contributing = read("CONTRIBUTING.md");
    let sections = headings(&contributing);
    for wanted in [
        "Make targets",
        "Generated files",
        "Test layers",
        "Adding a response field",
        "Adding a reference",
    ] {
        assert!(
            sections.iter().any(|h| h.starts_with(wanted)),
            "CONTRIBUTING.md has no section {wanted:?}"
        );
    }
}

/// Every `make X` the guides name is a target of the Makefile, and every file or folder ARCHITECTURE.md and
/// CONTRIBUTING.md name (from the root, or from src/ as the map writes them) exists; build outputs under target/
/// and the package's entry points (`centile/chart`) aside.
#[test]
fn what_the_guides_name_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let makefile = read("Makefile");
    let targets: Vec<&str> = makefile
        .lines()
        .filter_map(|l| l.split_once(':').map(|(t, _)| t))
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .collect();
    let mut guides = vec![
        "README.md".to_owned(),
        "ARCHITECTURE.md".to_owned(),
        "CONTRIBUTING.md".to_owned(),
    ];
    for entry in fs::read_dir(root.join("docs")).expect("docs/ is readable") {
        let name = entry
            .expect("docs/ is readable")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".md") {
            guides.push(format!("docs/{name}"));
        }
    }
    let (mut named, mut missing) = (0, Vec::new());
    for guide in &guides {
        let text = read(guide);
        for span in code_spans(&text) {
            for command in span.split(['\n', ';', '&', '|']) {
                if let Some(target) = command.trim().strip_prefix("make ") {
                    let target = target.split_whitespace().next().unwrap_or_default();
                    named += 1;
                    if !targets.contains(&target) {
                        missing.push(format!("{guide}: make {target}"));
                    }
                }
            }
        }
    }
    for guide in ["ARCHITECTURE.md", "CONTRIBUTING.md"] {
        let text = read(guide);
        for span in code_spans(&text) {
            let path = span.trim_end_matches('/');
            let looks_like_a_path = path.contains('/')
                && !path.starts_with("target/")
                && !path.starts_with("centile/")
                && path
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
            if looks_like_a_path {
                named += 1;
                if !root.join(path).exists() && !root.join("src").join(path).exists() {
                    missing.push(format!("{guide}: {span}"));
                }
            }
        }
    }
    assert!(named > 30, "the commands and paths were found ({named})");
    assert!(
        missing.is_empty(),
        "the guides name what is not there:\n{}",
        missing.join("\n")
    );
}

/// `cargo test --release --features cli` needs one build of the library for the binary and the tests alike: with
/// `panic = "abort"` in a profile Cargo built it twice (aborting for the binary, unwinding for the tests) to one file
/// name, as a cdylib's has no hash, and the tests failed to link or to compile. The wasm build aborts on panic anyway.
#[test]
fn no_cargo_profile_sets_a_panic_strategy() {
    let manifest = read("Cargo.toml");
    let set: Vec<&str> = manifest
        .lines()
        .filter(|l| l.split('=').next().map(str::trim) == Some("panic"))
        .collect();
    assert!(set.is_empty(), "Cargo.toml sets a panic strategy: {set:?}");
}

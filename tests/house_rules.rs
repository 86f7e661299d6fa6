//! Rules of the repository that a reader relies on, checked over its text files.

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

//! Every sentence the engine can put in a result survives the RCPCH chart component (7.5.2). Its child/family
//! tooltip rewrites a centile-band sentence as `s.split(' ')`, and if that gives 11 or more words,
//! `join(' ').replace('is ', 'is')` (the first "is " anywhere, e.g. "This height" becomes "Thisheight"). The
//! sentences are enumerated from the engine: every band of every measurement and centile format, and every age
//! comment for every gestation the API accepts. tests/component/ checks the real component in Chromium.

use centile::engine::ages::Gestation;
use centile::engine::centiles::{CentileBand, CentileFormat};
use centile::engine::measurement::{AgeBasis, AgeComment, Comments};
use centile::Method;
use std::collections::BTreeSet;

/// The component's rewrite, as its tooltip code does it (JavaScript's `String.prototype.replace` with a string
/// pattern replaces the first occurrence only).
fn component_rewrite(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    if words.len() >= 11 {
        words.join(" ").replacen("is ", "is", 1)
    } else {
        sentence.to_owned()
    }
}

fn bands() -> BTreeSet<String> {
    // Every code `CentileBand::code` can give: method, format, kind and up to two line indices.
    let codes = Method::ALL.len() * CentileFormat::ALL.len() * 5 * 16 * 16;
    (0..codes as u32)
        .filter_map(CentileBand::from_code)
        .map(|band| band.to_string())
        .collect()
}

fn comments() -> BTreeSet<String> {
    let kinds = [
        AgeComment::TermDueDate,
        AgeComment::PretermUncorrectedAfterTwo,
        AgeComment::TermRangeUncorrected,
        AgeComment::TermUncorrected,
        AgeComment::Corrected,
    ];
    let mut out = BTreeSet::new();
    for kind in kinds {
        for weeks in 22..=44 {
            for days in 0..=6 {
                let comments = Comments {
                    kind,
                    gestation: Gestation { weeks, days },
                };
                for age in [AgeBasis::Corrected, AgeBasis::Chronological] {
                    let (lay, clinician) = comments.sentences(age);
                    out.extend([lay, clinician]);
                }
            }
        }
    }
    out
}

#[test]
fn every_sentence_is_shown_unchanged_by_the_chart_component() {
    let bands = bands();
    let comments = comments();
    // Each band sentence names its measurement and lines; the comments quote the gestation.
    assert!(bands.len() > 400, "{} band sentences", bands.len());
    assert!(comments.len() > 300, "{} comment sentences", comments.len());
    let changed: Vec<String> = bands
        .iter()
        .chain(&comments)
        .filter_map(|s| {
            let shown = component_rewrite(s);
            (shown != *s).then(|| format!("{s}\n  shown as: {shown}"))
        })
        .collect();
    println!(
        "{} band and {} comment sentences checked against the component's rewrite",
        bands.len(),
        comments.len()
    );
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

#[test]
fn the_rewrite_is_the_components() {
    // The component's own failure: an 11-word sentence loses the space after its first "is".
    assert_eq!(
        component_rewrite("This height lies on or close to the 50th centile line."),
        "Thisheight lies on or close to the 50th centile line."
    );
    // Ten words, or no "is ": shown as given.
    assert_eq!(
        component_rewrite("This height lies between the 2nd and 9th centile lines."),
        "This height lies between the 2nd and 9th centile lines."
    );
}

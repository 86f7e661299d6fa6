//! The constants the package's JavaScript shares with the wasm, written as pkg-template/protocol.js, which
//! scripts/build-pkg.mjs puts before pkg-template/api.js in every entry. The file is generated from the Rust
//! definitions below and committed; a unit test fails while it differs (`make protocol` rewrites it), and another
//! checks that every request shape lists exactly the fields its Rust reader reads.

use super::flat::{FICTIONAL_HEADER, MID_PARENTAL_HEADER};
use super::record::{Status, Text, COMMENT_SENTENCES, GESTATION_CODE, RECORD_LEN, TEXTS};
use crate::dgc::api::{
    no_fictional_observation, CHART_REQUEST, FICTIONAL_REQUEST, MEASUREMENTS, MEASUREMENT_ARGS,
    MID_PARENTAL_REQUEST, PERCENTAGE_MEDIAN_BMI_ARGS, SDS_ARGS, THRIVE_REQUEST,
};
use crate::dgc::error::{Loc, ValidationError};
use crate::dgc::fhir::{FHIR_MEASUREMENT, FHIR_OPTIONS};
use crate::dgc::measurement_request::{
    BIRTH_FIELDS, BULK, CALCULATION, GESTATION_DAYS, GESTATION_WEEKS, PASSTHROUGH_FIELDS,
};
use crate::dgc::shape::{Shape, Whole};
use crate::engine::chart::Segment;
use crate::engine::measurement::MeasurementError;
use crate::{Method, Reference, Sex};
use std::fmt::Write;

/// The request shapes, by the name pkg-template/api.js gives them in `SHAPES`.
const SHAPES: [(&str, &Shape); 12] = [
    ("calculation", &CALCULATION),
    ("bulk", &BULK),
    ("chart", &CHART_REQUEST),
    ("midParental", &MID_PARENTAL_REQUEST),
    ("fictional", &FICTIONAL_REQUEST),
    ("sds", &SDS_ARGS),
    ("measurement", &MEASUREMENT_ARGS),
    ("percentageMedianBmi", &PERCENTAGE_MEDIAN_BMI_ARGS),
    ("thrive", &THRIVE_REQUEST),
    ("measurements", &MEASUREMENTS),
    ("fhirMeasurement", &FHIR_MEASUREMENT),
    ("fhirOptions", &FHIR_OPTIONS),
];

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Record => "record",
        Status::Rejected => "rejected",
        Status::General => "general",
    }
}

fn text_name(t: Text) -> &'static str {
    match t {
        Text::Band => "band",
        Text::Comment => "comment",
        Text::Calendar => "calendar",
        Text::DateIso => "dateIso",
        Text::DateLong => "dateLong",
        Text::GestationalAge => "gestationalAge",
        Text::MeasurementError => "measurementError",
    }
}

/// A JavaScript string literal (every text here is printable ASCII without quotes or backslashes).
fn string(s: &str) -> String {
    let plain = |c: char| (c.is_ascii_graphic() || c == ' ') && c != '\'' && c != '\\';
    assert!(s.chars().all(plain), "{s}");
    format!("'{s}'")
}

/// The `loc` and `type` of the 422 a calculation's rejection makes (`From<MeasurementError> for
/// ValidationError`), which the fast path builds in JavaScript.
fn rejection() -> String {
    let e = ValidationError::from(MeasurementError::Metres);
    let d = &e.detail[0];
    let loc: Vec<&str> = d
        .loc
        .iter()
        .map(|l| match l {
            Loc::Key(k) => k.as_str(),
            Loc::Index(_) => unreachable!("a rejection names a field"),
        })
        .collect();
    format!("{{ loc: {}, type: {} }}", list(loc), string(d.kind))
}

/// What the 422 says before the first observation's reason when the reference rejects a whole fictional series.
fn fictional_rejected() -> String {
    let e = no_fictional_observation(&ValidationError::body("", "value_error"));
    string(&e.detail[0].msg)
}

/// A property key: bare when it is an identifier.
fn key(k: &str) -> String {
    let identifier = k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !k.starts_with(|c: char| c.is_ascii_digit());
    if identifier {
        k.into()
    } else {
        string(k)
    }
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(string).collect();
    format!("[{}]", items.join(", "))
}

/// A table from names to numbers.
fn table<'a>(entries: impl IntoIterator<Item = (&'a str, usize)>) -> String {
    let parts: Vec<String> = entries
        .into_iter()
        .map(|(k, v)| format!("{}: {v}", key(k)))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// The code of a caller's name (undefined for any other value, a non-string included), as a `switch`: V8 compiles
/// it to a few comparisons, where indexing a table by a caller's string is a hash lookup each call.
fn lookup<'a>(entries: impl IntoIterator<Item = (&'a str, usize)>) -> String {
    let cases: Vec<String> = entries
        .into_iter()
        .map(|(k, v)| format!("case {}: return {v};", string(k)))
        .collect();
    format!(
        "(name) => {{ switch (name) {{ {} default: return undefined; }} }}",
        cases.join(" ")
    )
}

fn whole(w: Whole) -> String {
    format!("{{ default: {}, lo: {}, hi: {} }}", w.default, w.lo, w.hi)
}

/// A shape as pkg-template/api.js reads it: `0` for any value, `{ field: shape }`, `[shape]` for a list.
fn shape(s: &Shape) -> String {
    match s {
        Shape::Any => "0".into(),
        Shape::List(item) => format!("[{}]", shape(item)),
        Shape::Object(groups) => {
            let fields: Vec<String> = groups
                .iter()
                .flat_map(|g| g.iter())
                .map(|(k, s)| format!("{}: {}", key(k), shape(s)))
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
    }
}

/// The text of pkg-template/protocol.js: one constant a line, documented here and where each is defined (it is
/// shipped in every entry, so it carries no comments beyond its first lines).
pub fn js() -> String {
    let names = |fields: &[(&'static str, Shape)]| list(fields.iter().map(|(k, _)| *k));
    let codes = |names: &[&'static str]| lookup(names.iter().enumerate().map(|(i, n)| (*n, i)));
    let aliases = Reference::ALIASES
        .iter()
        .filter_map(|&(alias, r)| Some((alias, Reference::ALL.iter().position(|&x| x == r)?)));
    let references = Reference::ALL.map(Reference::name);
    let reference_codes = references.iter().copied().zip(0..).chain(aliases);
    let statuses = [Status::Record, Status::General, Status::Rejected];
    let shapes: Vec<String> = SHAPES
        .iter()
        .map(|(name, s)| format!("  {name}: {},\n", shape(s)))
        .collect();
    let constants = [
        (
            "STATUS",
            table(statuses.map(|s| (status_name(s), s as usize))),
        ),
        ("RECORD_LEN", RECORD_LEN.to_string()),
        ("TEXT", table(TEXTS.map(|t| (text_name(t), t as usize)))),
        ("COMMENT_SENTENCES", COMMENT_SENTENCES.to_string()),
        ("GESTATION_CODE", GESTATION_CODE.to_string()),
        ("REFERENCE_NAMES", list(references)),
        ("referenceCode", lookup(reference_codes)),
        ("METHOD_NAMES", list(Method::ALL.map(Method::name))),
        ("methodCode", codes(&Method::ALL.map(Method::name))),
        ("SEX_NAMES", list(Sex::ALL.map(Sex::name))),
        ("sexCode", codes(&Sex::ALL.map(Sex::name))),
        ("SEGMENTS", list(Segment::ALL.map(Segment::name))),
        ("GESTATION_WEEKS", whole(GESTATION_WEEKS)),
        ("GESTATION_DAYS", whole(GESTATION_DAYS)),
        (
            "FICTIONAL_BIRTH_DATE",
            string(&crate::engine::fictional::birth_date().to_string()),
        ),
        ("MID_PARENTAL_HEADER", MID_PARENTAL_HEADER.to_string()),
        ("FICTIONAL_HEADER", FICTIONAL_HEADER.to_string()),
        ("FICTIONAL_REJECTED", fictional_rejected()),
        ("REJECTION", rejection()),
        ("BIRTH_FIELDS", names(BIRTH_FIELDS)),
        ("PASSTHROUGH", names(PASSTHROUGH_FIELDS)),
        ("SHAPES", format!("{{\n{}}}", shapes.concat())),
    ];
    let mut out = String::from(
        "// The constants and the measurement-object builder pkg-template/api.js shares with the wasm, generated from\n\
         // the Rust definitions by src/wasm/protocol.rs and contract.rs (documented there): do not edit.\n\
         // `make protocol` rewrites this file; `cargo test` fails while it differs from them.\n",
    );
    for (name, value) in constants {
        let _ = writeln!(out, "const {name} = {value};");
    }
    out.push_str(&super::contract::builder());
    out
}

/// The lines of pkg-template/index.d.ts around the part generated from `contract`.
const TS_BEGIN: &str = "// ---- generated from src/wasm/contract.rs by `make protocol`: do not edit (`cargo test` fails while it differs)\n";
const TS_END: &str = "// ---- end of the generated part\n";

/// pkg-template/index.d.ts with its generated part made from the Rust definitions (`None` without the markers).
pub fn typescript(committed: &str) -> Option<String> {
    let (head, rest) = committed.split_once(TS_BEGIN)?;
    let (_, tail) = rest.split_once(TS_END)?;
    Some(format!(
        "{head}{TS_BEGIN}{}{TS_END}{tail}",
        super::contract::typescript()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dgc::shape::reads;
    use crate::dgc::value::Value;
    use std::collections::BTreeSet;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/protocol.js");
    const TYPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/index.d.ts");

    /// The JavaScript-facing contract (pkg-template/protocol.js, and the generated part of
    /// pkg-template/index.d.ts) is what the Rust definitions make. `CENTILE_WRITE_PROTOCOL=1` (as `make protocol`
    /// sets it) rewrites both instead.
    #[test]
    fn the_javascript_contract_is_generated_from_rust() {
        let write = std::env::var_os("CENTILE_WRITE_PROTOCOL").is_some();
        let js = js();
        let committed_types = std::fs::read_to_string(TYPES).unwrap_or_default();
        let types =
            typescript(&committed_types).expect("index.d.ts has the generated part's markers");
        if write {
            std::fs::write(PATH, &js).expect("pkg-template/protocol.js is writable");
            std::fs::write(TYPES, &types).expect("pkg-template/index.d.ts is writable");
        }
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(
            committed == js,
            "pkg-template/protocol.js differs from the Rust definitions: run `make protocol` and commit it"
        );
        let committed_types = std::fs::read_to_string(TYPES).unwrap_or_default();
        assert!(
            committed_types == types,
            "pkg-template/index.d.ts differs from the Rust definitions: run `make protocol` and commit it"
        );
    }

    /// Every field path a shape lists, from `root`, list items as `[]`.
    fn paths(s: &Shape, root: &str, out: &mut BTreeSet<String>) {
        match s {
            Shape::Any => {}
            Shape::List(item) => paths(item, &format!("{root}.[]"), out),
            Shape::Object(groups) => {
                for (k, member) in groups.iter().flat_map(|g| g.iter()) {
                    let path = format!("{root}.{k}");
                    out.insert(path.clone());
                    paths(member, &path, out);
                }
            }
        }
    }

    fn value(text: &str) -> Value {
        Value::parse(text).expect("test JSON")
    }

    /// A calculated measurement object, as the readers of measurement objects take it.
    fn measurement_object() -> String {
        let request = value(
            r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":75,"sex":"male","measurement_method":"height"}"#,
        );
        let m = crate::dgc::api::calculation("uk-who", &request).expect("a valid request");
        serde_json::to_string(&m).expect("serialisable")
    }

    /// Each shape lists exactly the fields its Rust reader reads: the readers run on bodies that take every
    /// branch (empty, valid, each optional field present), noting each field read.
    #[test]
    fn shapes_list_exactly_what_the_readers_read() {
        let m = measurement_object();
        let full_observation = r#""observation_date":"2021-01-01","observation_value":9,"bone_age":1,"bone_age_type":"fels","bone_age_sds":0,"bone_age_centile":50,"bone_age_text":"t","events_text":["e"]"#;
        let birth = r#""birth_date":"2020-01-01","sex":"male","measurement_method":"weight""#;
        let run = |name: &str, f: &dyn Fn(&Value), bodies: &[String]| {
            let read = reads::during(|| bodies.iter().for_each(|b| f(&value(b))));
            let shape = SHAPES.iter().find(|(n, _)| *n == name).expect("a shape").1;
            let root = match name {
                "fhirOptions" => "options",
                "measurements" => "body.measurements",
                _ => "body",
            };
            let mut listed = BTreeSet::new();
            paths(shape, root, &mut listed);
            // A field counts as read when it or anything inside it is; reads inside an `Any` field are its own.
            let under_any = |p: &String| listed.iter().any(|l| p.starts_with(&format!("{l}.")));
            let read: BTreeSet<String> = read
                .into_iter()
                .filter(|p| p.starts_with(&format!("{root}.")))
                .filter(|p| listed.contains(p) || !under_any(p))
                .collect();
            assert_eq!(
                read, listed,
                "{name}: fields read (left) and listed (right)"
            );
        };
        let all = |s: &[&str]| s.iter().map(|b| b.to_string()).collect::<Vec<_>>();
        run(
            "calculation",
            &|b| drop(crate::dgc::api::calculation("uk-who", b)),
            &all(&["{}", &format!("{{{birth},{full_observation}}}")]),
        );
        run(
            "bulk",
            &|b| drop(crate::dgc::api::bulk_calculation("uk-who", b)),
            &all(&[&format!(
                "{{{birth},\"observations\":[{{{full_observation}}}]}}"
            )]),
        );
        run(
            "chart",
            &|b| drop(crate::dgc::api::chart_coordinates("uk-who", b)),
            &all(&["{}"]),
        );
        run(
            "midParental",
            &|b| drop(crate::dgc::api::mid_parental_height(b)),
            &all(&["{}"]),
        );
        run(
            "fictional",
            &|b| drop(crate::dgc::api::fictional_child_observations("uk-who", b)),
            &all(&[r#"{"reference":"uk-who"}"#]),
        );
        run(
            "sds",
            &|b| drop(crate::dgc::api::sds_for_measurement(b)),
            &all(&["{}"]),
        );
        run(
            "measurement",
            &|b| drop(crate::dgc::api::measurement_from_sds(b)),
            &all(&["{}"]),
        );
        run(
            "percentageMedianBmi",
            &|b| drop(crate::dgc::api::percentage_median_bmi(b)),
            &all(&["{}"]),
        );
        run(
            "thrive",
            &|b| drop(crate::dgc::api::thrive_line(b)),
            &all(&["{}"]),
        );
        run(
            "measurements",
            &|b| drop(crate::dgc::api::velocity("height", b)),
            &all(&[&format!("[{m}]")]),
        );
        run(
            "fhirMeasurement",
            &|b| drop(crate::dgc::fhir::to_fhir(b, &Value::Null)),
            &all(&[&m]),
        );
        run(
            "fhirOptions",
            &|b| drop(crate::dgc::fhir::to_fhir(&value(&m), b)),
            &all(&["{}"]),
        );
    }
}

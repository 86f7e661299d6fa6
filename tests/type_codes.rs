//! Every 422 `type` code the dGC adapter gives, each from a request that earns it, with the field it names: the
//! codes are the API's (pydantic's), so code written against the server can branch on them. A code written in
//! src/dgc that no request here earns fails the last test.

use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::value::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// A valid calculation body with `field` replaced by `value` (JSON text).
fn calculation_with(field: &str, value: &str) -> String {
    let mut members = vec![
        ("birth_date", "\"2020-01-01\""),
        ("observation_date", "\"2021-01-01\""),
        ("observation_value", "75"),
        ("sex", "\"male\""),
        ("measurement_method", "\"height\""),
    ];
    match members.iter_mut().find(|(k, _)| *k == field) {
        Some(m) => m.1 = value,
        None => members.push((field, value)),
    }
    let body: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("\"{k}\":{v}"))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// The one problem of `e`: its type and the field it names (the last key of its location).
fn only(e: &ValidationError) -> (&'static str, String) {
    assert_eq!(e.detail.len(), 1, "{e:?}");
    let d = &e.detail[0];
    let field = d.loc.iter().rev().find_map(|l| match l {
        Loc::Key(k) => Some(k.clone()),
        Loc::Index(_) => None,
    });
    (
        d.kind,
        field.unwrap_or_else(|| panic!("{e:?} names no field")),
    )
}

/// A request that earns a 422: what it is, the answer, and the type code and field the answer must name.
struct Case {
    what: String,
    answer: Result<(), ValidationError>,
    code: &'static str,
    field: &'static str,
}

impl Case {
    fn new<T>(
        what: impl Into<String>,
        answer: Result<T, ValidationError>,
        code: &'static str,
        field: &'static str,
    ) -> Case {
        Case {
            what: what.into(),
            answer: answer.map(|_| ()),
            code,
            field,
        }
    }

    /// Asserts that the request was refused with exactly its one problem.
    fn check(&self) {
        let e = match &self.answer {
            Err(e) => e,
            Ok(()) => panic!("{} was answered", self.what),
        };
        assert_eq!(
            only(e),
            (self.code, self.field.to_owned()),
            "{}: {e:?}",
            self.what
        );
    }
}

fn value(json: &str) -> Value {
    Value::parse(json).expect("test JSON")
}

/// A calculation whose `field` is `json`.
fn calculation_case(field: &'static str, json: &str, code: &'static str) -> Case {
    let body = calculation_with(field, json);
    Case::new(
        format!("{field} = {json}"),
        api::calculation("uk-who", &value(&body)),
        code,
        field,
    )
}

/// The rules of single fields of the calculation request.
fn field_rules() -> Vec<Case> {
    vec![
        calculation_case("observation_value", "\"tall\"", "float_parsing"),
        calculation_case("observation_value", "true", "float_type"),
        calculation_case("observation_value", "0", "greater_than"),
        calculation_case("observation_value", "1e999", "finite_number"),
        calculation_case("gestation_weeks", "\"forty\"", "int_parsing"),
        calculation_case("gestation_weeks", "true", "int_type"),
        calculation_case("gestation_weeks", "30.5", "int_from_float"),
        calculation_case("gestation_weeks", "21", "greater_than_equal"),
        calculation_case("gestation_days", "7", "less_than_equal"),
        calculation_case("sex", "\"boy\"", "literal_error"),
        calculation_case("measurement_method", "\"length\"", "literal_error"),
        // The server parses the birth date with strptime (a ValueError) and the observation date with pydantic.
        calculation_case("birth_date", "\"2020-02-30\"", "value_error"),
        calculation_case(
            "observation_date",
            "\"2021-02-30\"",
            "date_from_datetime_parsing",
        ),
        calculation_case("observation_date", "20210101", "date_type"),
        calculation_case("bone_age_text", "[1]", "string_type"),
        calculation_case("events_text", "\"clinic\"", "list_type"),
    ]
}

/// Whole requests, the other endpoints, the bulk option, a parent's height and FHIR.
fn request_rules() -> Vec<Case> {
    let bundle = |birth: &str, gender: &str| {
        value(&format!(
            r#"{{"resourceType":"Bundle","type":"collection","entry":[{{"resource":{{"resourceType":"Patient","id":"p","birthDate":"{birth}","gender":"{gender}"}}}}]}}"#
        ))
    };
    let mid_parental = |body: &str| api::mid_parental_height(&value(body));
    let bulk = r#"{"birth_date":"2020-01-01","gestation_weeks":40,"gestation_days":0,"sex":"male","measurement_method":"height","observations":[{"observation_date":"2021-01-01","observation_value":75}],"implausible_value_flags":"maybe"}"#;
    let mut weight_for_length: String =
        calculation_with("measurement_method", "\"weight_for_length\"");
    weight_for_length.insert_str(1, r#""length":72,"height":72,"#);
    vec![
        Case::new(
            "no sex",
            api::calculation(
                "uk-who",
                &value(
                    r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":75,"measurement_method":"height"}"#,
                ),
            ),
            "missing",
            "sex",
        ),
        Case::new(
            "a list for a body",
            api::calculation("uk-who", &value("[]")),
            "model_attributes_type",
            "body",
        ),
        Case::new(
            "an unknown reference",
            api::reference("uk"),
            "enum",
            "reference",
        ),
        Case::new(
            "an object for the measurements",
            api::velocity("height", &value("{}")),
            "list_type",
            "measurements",
        ),
        Case::new(
            "a flags option neither true nor false",
            api::bulk_calculation("uk-who", &value(bulk)),
            "bool_parsing",
            "implausible_value_flags",
        ),
        Case::new(
            "a height beside a length",
            api::calculation("who", &value(&weight_for_length)),
            "extra_forbidden",
            "height",
        ),
        Case::new(
            "a mother's height that is text",
            mid_parental(r#"{"height_maternal":"x","height_paternal":180,"sex":"male"}"#),
            "float_parsing",
            "height_maternal",
        ),
        Case::new(
            "a negative father's height",
            mid_parental(r#"{"height_maternal":160,"height_paternal":-1,"sex":"male"}"#),
            "greater_than_equal",
            "height_paternal",
        ),
        Case::new(
            "a Patient's impossible birth date",
            centile::dgc::fhir::from_fhir(&bundle("2020-13-01", "female")),
            "date_parsing",
            "birthDate",
        ),
        Case::new(
            "a Patient of unknown gender",
            centile::dgc::fhir::from_fhir(&bundle("2020-01-01", "unknown")),
            "literal_error",
            "gender",
        ),
        Case::new(
            "a number for a bundle",
            centile::dgc::fhir::from_fhir(&value("3")),
            "model_type",
            "body",
        ),
    ]
}

#[test]
fn each_field_rule_has_its_type_code() {
    field_rules().iter().for_each(Case::check);
}

#[test]
fn each_request_rule_has_its_type_code() {
    request_rules().iter().for_each(Case::check);
}

/// The type codes the adapter's source writes: its snake_case literals in pydantic's forms (`…_type`,
/// `…_parsing`, `…_error`, `…_forbidden`, `…_from_float`, `greater_than…`, `less_than…`, `missing`,
/// `finite_number`, `enum`), less the request fields that share a form (`bone_age_type`).
fn codes_in_the_source() -> BTreeSet<String> {
    let mut files = vec![PathBuf::from("src/wasm/exports.rs")];
    let mut folders = vec![PathBuf::from("src/dgc")];
    while let Some(folder) = folders.pop() {
        for entry in
            fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(&folder)).expect("readable")
        {
            let name = entry.expect("readable").file_name();
            let path = folder.join(&name);
            match path.extension() {
                Some(e) if e == "rs" => files.push(path),
                None => folders.push(path),
                _ => {}
            }
        }
    }
    let is_code = |s: &str| {
        !s.is_empty()
            && s.split('_')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
            && (["_type", "_parsing", "_error", "_forbidden", "_from_float"]
                .iter()
                .any(|e| s.ends_with(e))
                || s.starts_with("greater_than")
                || s.starts_with("less_than")
                || ["missing", "finite_number", "enum"].contains(&s))
    };
    let (mut literals, mut fields) = (BTreeSet::new(), BTreeSet::new());
    for file in files {
        let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&file))
            .expect("readable");
        for (i, piece) in text.split('"').enumerate() {
            if i % 2 == 1 && is_code(piece) {
                literals.insert(piece.to_owned());
            }
        }
        for (i, _) in text.match_indices("\", Shape::") {
            let name = text[..i].rsplit('"').next().unwrap_or_default();
            fields.insert(name.to_owned());
        }
    }
    assert!(
        fields.len() > 20,
        "the request shapes were read: {fields:?}"
    );
    literals.difference(&fields).cloned().collect()
}

#[test]
fn every_type_code_in_the_source_is_earned_by_a_request() {
    let earned: BTreeSet<String> = field_rules()
        .iter()
        .chain(&request_rules())
        .map(|c| c.code.to_owned())
        .collect();
    let written = codes_in_the_source();
    assert!(written.len() >= 20, "the codes were found: {written:?}");
    let unearned: Vec<_> = written.difference(&earned).collect();
    assert!(
        unearned.is_empty(),
        "type codes no test earns: {unearned:?}"
    );
}

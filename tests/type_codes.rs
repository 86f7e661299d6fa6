//! Every 422 `type` code the dGC adapter gives, each from a request that earns it, with the field it names: the
//! codes are the API's (pydantic's), so code written against the server can branch on them.

use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::value::Value;

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

fn calculation_error(body: &str) -> ValidationError {
    let body = Value::parse(body).expect("test JSON");
    match api::calculation("uk-who", &body) {
        Err(e) => e,
        Ok(_) => panic!("{body:?} was answered"),
    }
}

/// The one problem of `e`: its type and the field it names.
fn only(e: &ValidationError) -> (&'static str, String) {
    assert_eq!(e.detail.len(), 1, "{e:?}");
    let d = &e.detail[0];
    let field = match d.loc.last() {
        Some(Loc::Key(k)) => k.clone(),
        other => panic!("{other:?}"),
    };
    (d.kind, field)
}

#[test]
fn each_field_rule_has_its_type_code() {
    let cases = [
        ("observation_value", "\"tall\"", "float_parsing"),
        ("observation_value", "true", "float_type"),
        ("observation_value", "0", "greater_than"),
        ("gestation_weeks", "\"forty\"", "int_parsing"),
        ("gestation_weeks", "30.5", "int_from_float"),
        ("gestation_weeks", "21", "greater_than_equal"),
        ("gestation_days", "7", "less_than_equal"),
        ("sex", "\"boy\"", "literal_error"),
        ("measurement_method", "\"length\"", "literal_error"),
        // The server parses the birth date with strptime (a ValueError) and the observation date with pydantic.
        ("birth_date", "\"2020-02-30\"", "value_error"),
        (
            "observation_date",
            "\"2021-02-30\"",
            "date_from_datetime_parsing",
        ),
        ("observation_date", "20210101", "date_type"),
        ("bone_age_text", "[1]", "string_type"),
        ("events_text", "\"clinic\"", "list_type"),
    ];
    for (field, value, code) in cases {
        let e = calculation_error(&calculation_with(field, value));
        assert_eq!(
            only(&e),
            (code, field.to_owned()),
            "{field} = {value}: {e:?}"
        );
    }
}

#[test]
fn a_missing_field_is_missing() {
    let e = calculation_error(
        r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":75,"measurement_method":"height"}"#,
    );
    assert_eq!(only(&e), ("missing", "sex".to_owned()));
}

#[test]
fn a_list_where_the_api_wants_one_is_list_type() {
    let e = api::velocity("height", &Value::parse("{}").expect("test JSON"))
        .expect_err("an object is not a list of measurements");
    assert_eq!(only(&e), ("list_type", "measurements".to_owned()));
}

#[test]
fn a_parent_height_names_the_parent_and_the_rule() {
    for (body, problem) in [
        (
            r#"{"height_maternal":"x","height_paternal":180,"sex":"male"}"#,
            ("float_parsing", "height_maternal"),
        ),
        (
            r#"{"height_maternal":160,"height_paternal":-1,"sex":"male"}"#,
            ("greater_than_equal", "height_paternal"),
        ),
    ] {
        let e = api::mid_parental_height(&Value::parse(body).expect("test JSON"))
            .expect_err("a bad parent height");
        assert_eq!(only(&e), (problem.0, problem.1.to_owned()), "{body}");
    }
}

#[test]
fn a_fhir_patient_names_its_element_and_the_rule() {
    let bundle = |birth: &str, gender: &str| {
        Value::parse(&format!(
            r#"{{"resourceType":"Bundle","type":"collection","entry":[{{"resource":{{"resourceType":"Patient","id":"p","birthDate":"{birth}","gender":"{gender}"}}}}]}}"#
        ))
        .expect("test JSON")
    };
    for (b, code, element) in [
        (bundle("2020-13-01", "female"), "date_parsing", "birthDate"),
        (bundle("2020-01-01", "unknown"), "literal_error", "gender"),
    ] {
        let e = centile::dgc::fhir::from_fhir(&b).expect_err("a bad Patient");
        assert_eq!(only(&e), (code, element.to_owned()), "{e:?}");
    }
}

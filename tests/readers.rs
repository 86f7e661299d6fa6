//! A native property test of the request readers (the native counterpart of tests/js/fuzz.mjs):
//! random text into `Value::parse`, and random near-valid and random values into every `api` function. Nothing
//! may panic; every error names where (`body`, `path`) with a non-empty message and carries no input; numbers
//! answered are finite; and the text form the package writes parses back to the value it came from.

use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::value::Value;

mod common;
use common::rng::Rng;

const WORDS: [&str; 16] = [
    "male",
    "female",
    "height",
    "weight",
    "ofc",
    "bmi",
    "uk-who",
    "2020-02-29",
    "2021-02-29",
    "",
    "12",
    " 7 ",
    "toString",
    "true",
    "é\u{1F600}\"\\\n",
    "cole-nine-centiles",
];
const NUMBERS: [f64; 14] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    40.0,
    22.0,
    44.0,
    1e308,
    5e-324,
    1e19,
    f64::NAN,
    f64::INFINITY,
    -3.5,
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth == 0 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 1),
        2 => Value::Number(*rng.pick(&NUMBERS)),
        3 => Value::String((*rng.pick(&WORDS)).into()),
        4 => Value::Unsupported,
        5 => Value::Number(rng.next_u64() as f64 / 1e15),
        6 | 7 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_value(rng, depth - 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(5))
                .map(|_| {
                    (
                        (*rng.pick(&WORDS)).to_string(),
                        random_value(rng, depth - 1),
                    )
                })
                .collect(),
        ),
    }
}

/// The text pkg-template/api.js writes for a value.
fn text(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_nan() => "NaN".into(),
        Value::Number(n) if n.is_infinite() => {
            (if *n > 0.0 { "Infinity" } else { "-Infinity" }).into()
        }
        Value::Number(n) => format!("{n:e}"),
        Value::String(s) => serde_json::to_string(s).unwrap(),
        Value::Unsupported => "?".into(),
        Value::Array(items) => {
            format!("[{}]", items.iter().map(text).collect::<Vec<_>>().join(","))
        }
        Value::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), text(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// Equal, NaN included.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, a), (l, b))| k == l && same(a, b))
        }
        _ => a == b,
    }
}

fn well_formed(e: &ValidationError) {
    assert!(!e.detail.is_empty());
    let json = serde_json::to_value(e).unwrap();
    for (d, j) in e.detail.iter().zip(json["detail"].as_array().unwrap()) {
        assert!(
            matches!(d.loc.first(), Some(Loc::Key(k)) if k == "body" || k == "path"),
            "{d:?}"
        );
        assert!(!d.msg.is_empty() && !d.kind.is_empty());
        assert!(j["input"].is_null());
    }
}

fn check<T>(r: Result<T, ValidationError>, finite: impl Fn(&T) -> bool) {
    match r {
        Ok(v) => assert!(finite(&v)),
        Err(e) => well_formed(&e),
    }
}

fn object(pairs: &[(&str, Value)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect(),
    )
}

/// A valid request for each kind, to mutate field by field.
fn bases() -> Vec<Value> {
    let s = |x: &str| Value::String(x.into());
    let n = Value::Number;
    let birth = [
        ("birth_date", s("2015-03-01")),
        ("observation_date", s("2021-06-15")),
        ("observation_value", n(121.5)),
        ("sex", s("female")),
        ("measurement_method", s("height")),
        ("gestation_weeks", n(33.0)),
        ("gestation_days", n(2.0)),
    ];
    let mut bulk = birth.to_vec();
    bulk.push((
        "observations",
        Value::Array(vec![object(&[
            ("observation_date", s("2021-06-15")),
            ("observation_value", n(121.5)),
        ])]),
    ));
    let measurement = |age: f64, value: f64| {
        object(&[
            (
                "child_observation_value",
                object(&[
                    ("measurement_method", s("height")),
                    ("observation_value", n(value)),
                ]),
            ),
            (
                "measurement_dates",
                object(&[("chronological_decimal_age", n(age))]),
            ),
        ])
    };
    vec![
        object(&birth),
        object(&bulk),
        object(&[
            ("sex", s("male")),
            ("measurement_method", s("bmi")),
            ("centile_format", Value::Array(vec![n(50.0)])),
        ]),
        object(&[
            ("height_maternal", n(165.0)),
            ("height_paternal", n(180.0)),
            ("sex", s("male")),
        ]),
        object(&[
            ("measurement_method", s("weight")),
            ("sex", s("male")),
            ("start_chronological_age", n(1.0)),
            ("end_age", n(3.0)),
            ("measurement_interval_number", n(6.0)),
            ("drift", s("true")),
        ]),
        object(&[
            ("reference", s("uk-who")),
            ("measurement_method", s("ofc")),
            ("sex", s("male")),
            ("age", n(0.5)),
            ("observation_value", n(43.0)),
            ("sds", n(1.0)),
            ("bmi", n(17.0)),
        ]),
        object(&[
            ("sex", s("female")),
            ("start_sds", n(-0.5)),
            ("months", Value::Array(vec![n(1.0), n(2.0)])),
        ]),
        Value::Array(vec![
            measurement(1.0, 75.0),
            measurement(2.0, 86.0),
            measurement(3.0, 95.0),
        ]),
    ]
}

fn mutate(rng: &mut Rng, v: &Value, depth: usize) -> Value {
    match v {
        Value::Object(members) if depth < 3 && !members.is_empty() => {
            let mut members = members.clone();
            let i = rng.below(members.len());
            if rng.below(8) == 0 {
                members.remove(i);
            } else {
                members[i].1 = mutate(rng, &members[i].1, depth + 1);
            }
            Value::Object(members)
        }
        Value::Array(items) if depth < 3 && !items.is_empty() => {
            let mut items = items.clone();
            let i = rng.below(items.len());
            items[i] = mutate(rng, &items[i], depth + 1);
            Value::Array(items)
        }
        _ if rng.below(3) == 0 => v.clone(),
        _ => random_value(rng, 2),
    }
}

#[test]
fn random_text_never_panics_and_written_values_parse_back() {
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"{}[]\",:?\\u0123456789abcdefINnatrul -+.eE";
    for _ in 0..100_000 {
        let bytes: Vec<u8> = (0..rng.below(24)).map(|_| *rng.pick(alphabet)).collect();
        let _ = Value::parse(std::str::from_utf8(&bytes).unwrap());
    }
    for _ in 0..20_000 {
        let v = random_value(&mut rng, 4);
        let parsed = Value::parse(&text(&v)).expect("the package's text parses");
        assert!(same(&parsed, &v), "{v:?}");
    }
}

#[test]
fn every_reader_answers_or_names_the_field() {
    let mut rng = Rng::new(0x2545_F491_4F6C_DD1D);
    let bases = bases();
    let references = [
        "uk-who",
        "who",
        "cdc",
        "turner",
        "turners-syndrome",
        "trisomy-21",
        "trisomy-21-aap",
        "mars",
        "constructor",
    ];
    let finite = |x: &f64| x.is_finite();
    for i in 0..30_000 {
        let base = &bases[i % bases.len()];
        let v = if rng.below(10) == 0 {
            random_value(&mut rng, 4)
        } else {
            mutate(&mut rng, base, 0)
        };
        let reference = *rng.pick(&references);
        match i % bases.len() {
            0 => check(api::calculation(reference, &v), |_| true),
            1 => check(api::bulk_calculation(reference, &v), |_| true),
            2 => check(api::chart_coordinates(reference, &v), |_| true),
            3 => check(api::mid_parental_height(&v), |m| {
                m.mid_parental_height_sds.is_finite()
            }),
            4 => check(api::fictional_child_data(reference, &v), |_| true),
            5 => {
                check(api::sds_for_measurement(&v), finite);
                check(api::measurement_from_sds(&v), finite);
                check(api::percentage_median_bmi(&v), finite);
                check(api::reference_method_sex(&v), |_| true);
                let field = |k: &str| v.get(k).cloned().unwrap_or_default();
                check(api::centile_for_sds(&field("sds")), finite);
                check(api::sds_for_centile_value(&field("age")), finite);
                check(
                    api::bmi_from_height_weight(&field("observation_value"), &field("bmi")),
                    finite,
                );
            }
            6 => check(api::thrive_line(&v), |_| true),
            _ => {
                let method = ["height", "weight", "x"][rng.below(3)];
                check(api::velocity(method, &v), finite);
                check(api::acceleration("height", &v), finite);
            }
        }
    }
}

/// The dGC server's validation type codes and locations (Pydantic's, and its own validators'): our wording, the
/// server's `type` and `loc`; an unknown reference is the server's 404.
#[test]
fn validation_type_codes_are_the_servers() {
    let calculation = |patch: serde_json::Value| {
        let mut body = serde_json::json!({"birth_date": "2020-01-01", "observation_date": "2021-01-01",
            "observation_value": 75.0, "sex": "male", "measurement_method": "height"});
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let value: Value = serde_json::from_value(body).unwrap();
        let e = api::calculation("uk-who", &value).unwrap_err();
        let d = &e.detail[0];
        (serde_json::to_value(&d.loc).unwrap(), d.kind, e.status())
    };
    let at = |key: &str| serde_json::json!(["body", key]);
    for (patch, key, kind) in [
        (
            serde_json::json!({"gestation_weeks": "thirty"}),
            "gestation_weeks",
            "int_parsing",
        ),
        (
            serde_json::json!({"gestation_weeks": [30]}),
            "gestation_weeks",
            "int_type",
        ),
        (
            serde_json::json!({"gestation_weeks": 30.5}),
            "gestation_weeks",
            "int_from_float",
        ),
        (
            serde_json::json!({"gestation_weeks": 45}),
            "gestation_weeks",
            "less_than_equal",
        ),
        (
            serde_json::json!({"gestation_days": -1}),
            "gestation_days",
            "greater_than_equal",
        ),
        (
            serde_json::json!({"observation_value": "tall"}),
            "observation_value",
            "float_parsing",
        ),
        (
            serde_json::json!({"observation_date": "2021-02-30"}),
            "observation_date",
            "date_from_datetime_parsing",
        ),
        (
            serde_json::json!({"observation_date": "01/02/2021"}),
            "observation_date",
            "date_from_datetime_parsing",
        ),
        (
            serde_json::json!({"observation_date": [2021]}),
            "observation_date",
            "date_type",
        ),
        (
            serde_json::json!({"birth_date": "2020/01/01"}),
            "birth_date",
            "value_error",
        ),
        (
            serde_json::json!({"birth_date": "2021-06-01"}),
            "birth_date",
            "value_error",
        ),
        (serde_json::json!({"sex": "other"}), "sex", "literal_error"),
        (
            serde_json::json!({"measurement_method": null}),
            "measurement_method",
            "missing",
        ),
    ] {
        assert_eq!(calculation(patch.clone()), (at(key), kind, 422), "{patch}");
    }
    let parents = |maternal: f64, paternal: f64| {
        let body = serde_json::json!({"height_maternal": maternal, "height_paternal": paternal, "sex": "female"});
        let e = api::mid_parental_height(&serde_json::from_value(body).unwrap()).unwrap_err();
        e.detail
            .iter()
            .map(|d| (serde_json::to_value(&d.loc).unwrap(), d.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        parents(49.0, 246.0),
        [
            (at("height_maternal"), "greater_than_equal"),
            (at("height_paternal"), "less_than_equal")
        ]
    );
    let unknown = api::calculation("who-2006", &Value::Object(Vec::new())).unwrap_err();
    assert_eq!(unknown.status(), 404);
}

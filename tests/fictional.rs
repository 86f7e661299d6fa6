//! Fictional child data against rcpchgrowth 4.6.5 (tests/vectors/fictional_child.json, made by
//! tests/oracle/generate_fictional.py): the same observation dates and values, and the same SDS for every
//! observation, and the same flag (`observation_value_error`) on the observations rcpchgrowth flags.

use centile::dgc::api;
use centile::dgc::value::Value;
use serde_json::Value as Json;

mod common;
use common::{cases, Answer, FictionalCase, SDS_ABS};

#[test]
fn fictional_child_vectors() {
    let mut observations = 0;
    for case in cases::<FictionalCase>("fictional_child.json") {
        let reference = case.reference.as_str();
        let request: Value = serde_json::from_value(case.request.clone()).unwrap();
        let id = format!("{reference} {}", case.request);
        let Answer::Value(want) = &case.series else {
            assert!(
                api::fictional_child_observations(reference, &request).is_err(),
                "{id}: expected an error"
            );
            continue;
        };
        let (_, series) = api::fictional_child_observations(reference, &request).unwrap();
        let got: Vec<(String, f64)> = series
            .iter()
            .map(|o| (o.observation_date.to_string(), o.observation_value))
            .collect();
        let expected: Vec<(String, f64)> = want
            .iter()
            .map(|w| (w.observation_date.clone(), w.observation_value))
            .collect();
        assert_eq!(got, expected, "{id}");
        let objects = api::fictional_child_data(reference, &request).unwrap();
        assert_eq!(objects.len(), want.len(), "{id}");
        for (m, w) in objects.iter().zip(want) {
            assert_eq!(m.observation_error.is_some(), w.flagged, "{id}: flag");
            for (got, want) in [
                (m.corrected.sds, w.corrected_sds),
                (m.chronological.sds, w.chronological_sds),
            ] {
                match (got, want) {
                    (Some(a), Some(b)) => assert!((a - b).abs() <= SDS_ABS, "{id}: {a} vs {b}"),
                    (a, b) => assert_eq!(a, b, "{id}"),
                }
            }
            observations += 1;
        }
    }
    assert!(observations > 3000, "{observations}");
}

/// Velocity and acceleration of each whole series (flagged observations included, as rcpchgrowth takes them).
#[test]
fn velocity_and_acceleration_vectors() {
    let mut compared = 0;
    for case in cases::<FictionalCase>("fictional_child.json") {
        let (Answer::Value(series), Some(dynamics)) = (&case.series, &case.dynamics) else {
            continue;
        };
        let method = case.request["measurement_method"].as_str().unwrap();
        let objects: Value = serde_json::from_value(Json::Array(
            series
                .iter()
                .map(|w| {
                    serde_json::json!({
                        "child_observation_value": {"measurement_method": method, "observation_value": w.observation_value},
                        "measurement_dates": {"chronological_decimal_age": w.chronological_decimal_age},
                    })
                })
                .collect(),
        ))
        .unwrap();
        for (got, want) in [
            (api::velocity(method, &objects), &dynamics[0]),
            (api::acceleration(method, &objects), &dynamics[1]),
        ] {
            match (got, want) {
                (Ok(a), Answer::Value(b)) => {
                    assert!((a - b).abs() <= SDS_ABS * b.abs().max(1.0), "{a} vs {b}")
                }
                (Err(_), Answer::Error(_)) => {}
                (got, want) => panic!("{got:?} vs {want:?}"),
            }
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared}");
}

/// Noise is seeded: the same request gives the same series, another seed another one, and every noisy value stays
/// within the noise range of the noiseless one (before its rounding to 1 dp).
#[test]
fn noise_is_reproducible_and_bounded() {
    let request = |seed: i64, noise: bool| -> Value {
        serde_json::from_value(serde_json::json!({
            "measurement_method": "weight", "sex": "female", "end_age": 4.0, "measurement_interval_type": "weeks",
            "measurement_interval_number": 6, "noise": noise, "noise_range": 0.05, "seed": seed,
        }))
        .unwrap()
    };
    let values = |seed, noise| -> Vec<f64> {
        api::fictional_child_observations("uk-who", &request(seed, noise))
            .unwrap()
            .1
            .iter()
            .map(|o| o.observation_value)
            .collect()
    };
    let (plain, a, b) = (values(1, false), values(7, true), values(8, true));
    assert_eq!(a, values(7, true));
    assert_ne!(a, b);
    assert_eq!(a.len(), plain.len());
    for (noisy, clean) in a.iter().zip(&plain) {
        assert!(
            (noisy - clean).abs() <= clean * 0.05 + 0.1,
            "{noisy} vs {clean}"
        );
    }
}

/// The RCPCH client always sends the body's `reference`: the route's own reference is accepted (WHO included,
/// which the API's list lacks); any other name outside that list is refused.
#[test]
fn body_reference_naming_the_route_is_accepted() {
    let request = |reference: &str| {
        Value::parse(&format!(
            r#"{{"measurement_method":"weight","sex":"male","end_age":2,"reference":"{reference}"}}"#
        ))
        .unwrap()
    };
    let who = api::fictional_child_data("who", &request("who")).unwrap();
    assert!(!who.is_empty());
    assert!(api::fictional_child_data("who", &request("uk-who")).is_ok());
    let refused = api::fictional_child_data("who", &request("trisomy-21-aap")).unwrap_err();
    assert_eq!(refused.detail[0].kind, "literal_error");
}

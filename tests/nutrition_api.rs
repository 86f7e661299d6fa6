//! calculation and bulkCalculation beyond the dGC API: the response shape, the 422s naming the method, the
//! references and the range, IOTF, and the implausible-value flags option.

use centile::dgc::api::{bulk_calculation, calculation};
use centile::dgc::value::Value;
use centile::engine::nutrition::{who, Position};
use serde_json::json;

fn body(v: serde_json::Value) -> Value {
    let mut v = v;
    if let Some(o) = v.as_object_mut() {
        if o.contains_key("observations") {
            o.remove("observation_date");
            o.remove("observation_value");
        }
    }
    Value::parse(&v.to_string()).unwrap()
}

fn child(method: &str, value: f64) -> serde_json::Value {
    json!({"birth_date": "2020-01-01", "observation_date": "2021-01-01", "sex": "female",
           "gestation_weeks": 40, "gestation_days": 0, "measurement_method": method,
           "observation_value": value})
}

#[test]
fn weight_for_length_answers_in_the_dgc_shape_with_its_reading() {
    let mut request = child("weight_for_length", 6.5);
    request["length"] = json!(72.0);
    let m = serde_json::to_value(calculation("who", &body(request)).unwrap()).unwrap();
    assert_eq!(
        m["child_observation_value"]["measurement_method"],
        "weight_for_length"
    );
    assert_eq!(m["provenance"]["growth_reference"], "who");
    let z = m["measurement_calculated_values"]["chronological_sds"]
        .as_f64()
        .unwrap();
    let expected =
        who::weight_for_length_height(centile::Sex::Female, 366, Position::Lying, 72.0, 6.5)
            .unwrap()
            .z;
    assert_eq!(z, expected);
    let beyond = &m["beyond_dgc"];
    assert_eq!(beyond["table"], "WHO 2006 weight-for-length (45-110 cm)");
    assert_eq!(beyond["length_height_read"], 72.0);
    assert_eq!(
        beyond["acute_malnutrition"]["classification"],
        "severe_acute_malnutrition"
    );
}

#[test]
fn errors_name_the_method_the_references_and_the_range() {
    let e = calculation("uk-who", &body(child("arm_circumference", 14.0))).unwrap_err();
    assert_eq!(
        e.detail[0].msg,
        "measurement_method arm_circumference is beyond the dGC API and only in the who reference"
    );
    let mut request = child("weight_for_length", 6.5);
    request["length"] = json!(30.0);
    let e = calculation("cdc", &body(request)).unwrap_err();
    assert!(
        e.detail[0].msg.contains("from 45 to 103.5 cm"),
        "{}",
        e.detail[0].msg
    );
    let e = calculation("who", &body(child("weight_for_height", 9.0))).unwrap_err();
    assert_eq!(e.detail[0].msg, "Field required");
    let e = calculation("iotf", &body(child("weight", 9.0))).unwrap_err();
    assert!(e.detail[0].msg.contains("has bmi only"));
}

#[test]
fn iotf_gives_the_adult_equivalent_and_category() {
    let mut request = child("bmi", 30.0);
    request["observation_date"] = json!("2030-01-01");
    let m = serde_json::to_value(calculation("iotf", &body(request)).unwrap()).unwrap();
    assert_eq!(m["provenance"]["growth_reference"], "iotf");
    assert_eq!(m["beyond_dgc"]["iotf"]["category"], "morbid_obesity");
}

#[test]
fn bulk_adds_flags_on_request() {
    let mut request = child("arm_circumference", 14.0);
    request["implausible_value_flags"] = json!(true);
    request["observations"] = json!([
        {"observation_date": "2021-01-01", "observation_value": 14.0},
        {"observation_date": "2021-01-01", "observation_value": 40.0},
    ]);
    let m = serde_json::to_value(bulk_calculation("who", &body(request)).unwrap()).unwrap();
    let flags =
        |i: usize| m["results"][i]["beyond_dgc"]["implausible_value_flags"]["who"]["flag"].clone();
    assert_eq!(flags(0), serde_json::Value::Null);
    assert_eq!(flags(1), "high");
    let mut weight = child("weight", 14.0);
    weight["implausible_value_flags"] = json!(true);
    weight["observations"] = json!([{"observation_date": "2021-01-01", "observation_value": 17.0}]);
    let m = serde_json::to_value(bulk_calculation("who", &body(weight)).unwrap()).unwrap();
    assert_eq!(
        m["results"][0]["beyond_dgc"]["implausible_value_flags"]["who"]["flag"],
        "high"
    );
    assert!(m["results"][0]["beyond_dgc"].get("table").is_none());
}

//! The wasm-bindgen surface, run by wasm-bindgen-test-runner in Node and (with WASM_BINDGEN_USE_BROWSER=1) in
//! headless Chromium: full measurement objects against the rcpchgrowth 4.6.5 vectors, errors as JavaScript
//! `Error`s in the dGC 422 shape, and a module that keeps working after bad input.
#![cfg(target_arch = "wasm32")]

use centile::wasm;
use serde_json::Value as Json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::SDS_ABS;

const FULL: &str = include_str!("vectors/measurement_full.json");

fn json(value: &JsValue) -> Json {
    serde_json::from_str(&String::from(js_sys::JSON::stringify(value).unwrap())).unwrap()
}

#[wasm_bindgen_test]
fn full_measurement_objects_match_the_oracle() {
    let doc: Json = serde_json::from_str(FULL).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let mut compared = 0;
    for case in cases {
        let got = wasm::calculation(&case["reference"].to_string(), &case["request"].to_string())
            .unwrap();
        let got = json(&got);
        let want = &case["measurement"];
        for (section, keys) in [
            (
                "measurement_dates",
                &[
                    "chronological_decimal_age",
                    "corrected_decimal_age",
                    "chronological_calendar_age",
                    "corrected_calendar_age",
                ][..],
            ),
            (
                "measurement_calculated_values",
                &[
                    "corrected_sds",
                    "corrected_centile",
                    "chronological_sds",
                    "chronological_centile",
                    "corrected_percentage_median_bmi",
                    "chronological_percentage_median_bmi",
                ][..],
            ),
            (
                "birth_data",
                &[
                    "birth_date",
                    "estimated_date_delivery",
                    "estimated_date_delivery_string",
                    "gestation_weeks",
                    "gestation_days",
                ][..],
            ),
        ] {
            for key in keys {
                let (g, w) = (&got[section][key], &want[section][key]);
                match (g.as_f64(), w.as_f64()) {
                    (Some(a), Some(b)) => {
                        assert!((a - b).abs() <= SDS_ABS, "{section}.{key}: {a} vs {b}")
                    }
                    _ => assert_eq!(g, w, "{section}.{key}"),
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 1000);
}

#[wasm_bindgen_test]
fn bad_input_throws_a_422_shaped_error_and_the_module_keeps_working() {
    let bad = [
        r#"{"birth_date":"2020-02-30","observation_date":"2021-01-01","observation_value":70,"sex":"male","measurement_method":"height"}"#,
        r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":"seventy","sex":"male","measurement_method":"height"}"#,
        r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":-3,"sex":"other","measurement_method":"length"}"#,
        r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":0,"sex":"male","measurement_method":"height"}"#,
        r#"[1,2,3]"#,
        r#"null"#,
    ];
    for body in bad {
        let err = wasm::calculation(r#""uk-who""#, body).unwrap_err();
        let err: js_sys::Error = err.into();
        assert_eq!(String::from(err.name()), "CentileError");
        let detail = js_sys::Reflect::get(&err, &"detail".into()).unwrap();
        let detail = json(&detail);
        assert!(!detail.as_array().unwrap().is_empty(), "{body}");
        assert!(
            detail[0]["loc"].is_array()
                && detail[0]["msg"].is_string()
                && detail[0]["type"].is_string()
        );
    }
    let nan = r#"{"reference":"who","measurement_method":"weight","sex":"female","age":NaN,"observation_value":9}"#;
    assert!(wasm::sds_for_measurement(nan).is_err());
    assert!(wasm::calculation(r#""mars""#, "null").is_err());
    // A number where a string belongs, a symbol, or text not in the package's form: a CentileError.
    assert!(wasm::calculation("3", "null").is_err());
    assert!(wasm::calculation("?", "{").is_err());
    assert!(wasm::sds_for_measurements("3", "null", r#""male""#, 0).is_err());
    // An age beyond the reference is answered as the dGC server answers it: the object, with both ages' errors set.
    let beyond = r#"{"birth_date":"2020-01-01","observation_date":"2061-01-01","observation_value":170,"sex":"male","measurement_method":"height"}"#;
    let beyond = json(&wasm::calculation(r#""uk-who""#, beyond).unwrap());
    assert!(beyond["child_observation_value"]["observation_value_error"].is_string());
    assert!(beyond["measurement_calculated_values"]["corrected_sds"].is_null());
    assert!(beyond["measurement_calculated_values"]["chronological_measurement_error"].is_string());
    // Still answering after every failure above.
    let ok = r#"{"birth_date":"2020-01-01","observation_date":"2021-01-01","observation_value":75,"sex":"male","measurement_method":"height"}"#;
    assert!(wasm::calculation(r#""uk-who""#, ok).is_ok());
}

#[wasm_bindgen_test]
fn typed_array_path_agrees_with_the_scalar_path() {
    let ages = [0.5, 1.0, 3.25, 8.0, 25.0];
    let values = [68.0, 75.0, 95.0, 128.0, 170.0];
    // As the package calls it: the ages and values written into the buffer, the SDS read from it, through views
    // of the memory made after each call that may grow it.
    let both = [ages, values].concat();
    let at = wasm::sds_buffer(ages.len()) as u32;
    let view = |offset: u32, len: u32| {
        let memory = js_sys::WebAssembly::Memory::from(wasm::linear_memory()).buffer();
        js_sys::Float64Array::new_with_byte_offset_and_length(&memory, at + 8 * offset, len)
    };
    view(0, 10).copy_from(&both);
    wasm::sds_for_measurements(r#""uk-who""#, r#""height""#, r#""female""#, ages.len()).unwrap();
    let mut out = [0.0; 5];
    view(5, 5).copy_to(&mut out);
    for i in 0..ages.len() {
        let args = format!(
            r#"{{"reference":"uk-who","measurement_method":"height","sex":"female","age":{},"observation_value":{}}}"#,
            ages[i], values[i]
        );
        match wasm::sds_for_measurement(&args) {
            Ok(z) => assert_eq!(z, out[i]),
            Err(_) => assert!(out[i].is_nan()),
        }
    }
}

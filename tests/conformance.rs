//! Golden vectors from rcpchgrowth 4.6.5 (tests/vectors, made by tests/oracle/generate_vectors.py), checked
//! against the native engine: SDS and centiles to 1e-9, ages and dates exactly, and an error exactly where the
//! oracle has one (see docs/differences.md).

use centile::dgc::measurement_request::MeasurementRequest;
use centile::dgc::measurement_response::MeasurementResponse;
use centile::dgc::value::Value;
use centile::engine::ages::calendar_text;
use centile::engine::centiles::{centile, sds_for_centile, Band};
use centile::engine::measurement::{calculate, AgeComment};
use centile::engine::references::AtJoin;
use centile::engine::sds::{
    measurement_from_sds, percentage_median_bmi, sds_for_measurement, RoundingRule,
};
use centile::{Method, Reference, Sex};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt::Write;

mod common;
use common::{
    cases, centile_pairs, Answer, CalculationCase, FullMeasurementCase, MeasurementFromSdsCase,
    PercentageMedianBmiCase, SdsCase, SDS_ABS,
};

/// Collects mismatches so one run reports them all (up to a limit) with counts per reference.
#[derive(Default)]
struct Report {
    cases: BTreeMap<String, usize>,
    failures: usize,
    text: String,
    max_diff: f64,
}

impl Report {
    fn case(&mut self, reference: &str) {
        *self.cases.entry(reference.to_string()).or_default() += 1;
    }
    fn fail(&mut self, what: String) {
        self.failures += 1;
        if self.failures <= 25 {
            let _ = writeln!(self.text, "{what}");
        }
    }
    /// `got` within `tolerance` of `want`, or both absent.
    fn near(&mut self, what: &str, got: Option<f64>, want: Option<f64>, tolerance: f64) -> bool {
        self.close(what, got, &want.into(), tolerance)
    }
    fn close(&mut self, what: &str, got: Option<f64>, want: &Json, tolerance: f64) -> bool {
        match (got, want.as_f64()) {
            (None, None) if want.is_null() => true,
            (Some(g), Some(w)) => {
                let d = (g - w).abs();
                self.max_diff = self.max_diff.max(d);
                if d <= tolerance {
                    true
                } else {
                    self.fail(format!("{what}: got {g:?}, want {w:?}"));
                    false
                }
            }
            _ => {
                self.fail(format!("{what}: got {got:?}, want {want}"));
                false
            }
        }
    }
    fn finish(self, name: &str) {
        println!(
            "{name}: {:?} cases; max |difference| {:e}",
            self.cases, self.max_diff
        );
        assert!(
            self.failures == 0,
            "{name}: {} mismatches\n{}",
            self.failures,
            self.text
        );
    }
}

fn band_key(band: Option<Band>) -> Json {
    match band {
        None => Json::Null,
        Some(Band::WellOutside) => "outside".into(),
        Some(Band::BelowLines) => "below".into(),
        Some(Band::AboveLines) => "above".into(),
        Some(Band::On(c)) => format!("on:{c}").into(),
        Some(Band::Between(a, b)) => format!("between:{a}:{b}").into(),
    }
}

fn comment_key(kind: AgeComment) -> &'static str {
    match kind {
        AgeComment::TermDueDate => "term_due_date",
        AgeComment::PretermUncorrectedAfterTwo => "preterm_uncorrected_after_2",
        AgeComment::TermRangeUncorrected => "term_range_uncorrected",
        AgeComment::TermUncorrected => "term_40_uncorrected",
        AgeComment::Corrected => "corrected",
    }
}

fn method_sex(method: &str, sex: &str) -> Option<(Method, Sex)> {
    Some((Method::parse(method)?, Sex::parse(sex)?))
}

fn to_value(json: &Json) -> Value {
    serde_json::from_value(json.clone()).unwrap()
}

#[test]
fn calculation_vectors() {
    check_calculations("calculation.json");
}

/// Every observation rcpchgrowth answers with an error inside the object (a flagged value, one or both ages
/// without data) is answered with rcpchgrowth's numbers and the same flag (tests/vectors/flagged.json).
#[test]
fn flagged_calculation_vectors() {
    check_calculations("flagged.json");
}

/// The calculation vectors of `file`: an array is rcpchgrowth's object (with, in flagged.json, whether
/// `observation_value_error` is set); "observation_value_error: …" an object flagged so (its numbers are in
/// flagged.json); any other string an error.
fn check_calculations(file: &str) {
    let mut report = Report::default();
    for c in cases::<CalculationCase>(file) {
        report.case(&c.reference);
        let body = c.body();
        let got = Reference::parse(&c.reference)
            .ok_or_else(|| "unknown reference".to_string())
            .and_then(|r| {
                let request =
                    MeasurementRequest::from_value(&to_value(&body)).map_err(|e| e.to_string())?;
                calculate(r, &request.birth, &request.observation).map_err(|e| e.to_string())
            });
        let id = format!("{c:?}");
        match (&c.expected, got) {
            (Answer::Error(why), Ok(m)) if why.starts_with("observation_value_error") => {
                if m.observation_error.is_none() {
                    report.fail(format!("{id}: not flagged"));
                }
            }
            (Answer::Error(_), Err(_)) => {}
            (Answer::Error(why), Ok(_)) => {
                report.fail(format!("{id}: expected an error ({why}), got a result"))
            }
            (Answer::Value(_), Err(e)) => report.fail(format!("{id}: unexpected error {e}")),
            (Answer::Value(w), Ok(m)) => {
                let mut exact = |what: &str, got: Json, want: Json| {
                    if got != want {
                        report.fail(format!("{id} {what}: got {got}, want {want}"));
                    }
                };
                exact(
                    "chronological age",
                    m.chronological_decimal_age.into(),
                    w.chronological_decimal_age.into(),
                );
                exact(
                    "corrected age",
                    m.corrected_decimal_age.into(),
                    w.corrected_decimal_age.into(),
                );
                exact(
                    "edd",
                    m.estimated_date_delivery.to_string().into(),
                    w.estimated_date_delivery.as_str().into(),
                );
                exact(
                    "edd string",
                    m.estimated_date_delivery.long_form().into(),
                    w.estimated_date_delivery_string.as_str().into(),
                );
                exact(
                    "calendar age",
                    calendar_text(
                        m.chronological_calendar_age.0,
                        m.chronological_calendar_age.1,
                    )
                    .into(),
                    w.chronological_calendar_age.as_str().into(),
                );
                exact(
                    "corrected calendar age",
                    m.corrected_calendar_age
                        .map(|(mo, d)| calendar_text(mo, d))
                        .into(),
                    w.corrected_calendar_age.clone().into(),
                );
                let (cw, cd) = m.corrected_gestational_age.unzip();
                exact("cga weeks", cw.into(), w.corrected_gestation_weeks.into());
                exact("cga days", cd.into(), w.corrected_gestation_days.into());
                exact(
                    "comment",
                    comment_key(m.comments.kind).into(),
                    w.comment.as_str().into(),
                );
                exact(
                    "gestation weeks",
                    m.birth.gestation.weeks.into(),
                    w.gestation_weeks.into(),
                );
                exact(
                    "gestation days",
                    m.birth.gestation.days.into(),
                    w.gestation_days.into(),
                );
                if let Some(flag) = w.observation_value_error {
                    exact(
                        "observation_value_error",
                        m.observation_error.is_some().into(),
                        flag.into(),
                    );
                }
                for (age, r, want) in [
                    ("corrected", &m.corrected, &w.corrected),
                    ("chronological", &m.chronological, &w.chronological),
                ] {
                    report.near(&format!("{id} {age} sds"), r.sds, want.sds, SDS_ABS);
                    report.near(
                        &format!("{id} {age} centile"),
                        r.centile,
                        want.centile,
                        SDS_ABS,
                    );
                    let band = band_key(r.band.map(|b| b.band));
                    if band != Json::from(want.band.clone()) {
                        report.fail(format!("{id} {age} band: got {band}, want {:?}", want.band));
                    }
                    if r.error.is_some() != want.error {
                        report.fail(format!("{id} {age} error set: got {:?}", r.error));
                    }
                }
                report.near(
                    &format!("{id} corrected %median"),
                    m.corrected.percentage_median_bmi,
                    w.corrected_percentage_median_bmi,
                    SDS_ABS,
                );
                report.near(
                    &format!("{id} chronological %median"),
                    m.chronological.percentage_median_bmi,
                    w.chronological_percentage_median_bmi,
                    SDS_ABS,
                );
            }
        }
    }
    report.finish(file);
}

#[test]
fn sds_for_measurement_vectors() {
    let mut report = Report::default();
    for c in cases::<SdsCase>("sds_for_measurement.json") {
        report.case(&c.reference);
        let got = match (
            Reference::parse(&c.reference),
            method_sex(&c.measurement_method, &c.sex),
        ) {
            (Some(r), Some((m, s))) => {
                sds_for_measurement(r, c.age, m, s, c.observation_value).ok()
            }
            _ => None,
        };
        report.near(&format!("{c:?}"), got, c.sds.value(), SDS_ABS);
    }
    report.finish("sds_for_measurement");
}

#[test]
fn measurement_from_sds_vectors() {
    let mut report = Report::default();
    for c in cases::<MeasurementFromSdsCase>("measurement_from_sds.json") {
        report.case(&c.reference);
        let got = match (
            Reference::parse(&c.reference),
            method_sex(&c.measurement_method, &c.sex),
        ) {
            (Some(r), Some((m, s))) => measurement_from_sds(
                r,
                c.age,
                m,
                s,
                c.sds,
                RoundingRule::Python,
                AtJoin::OlderTable,
            ),
            _ => Err(centile::engine::sds::CalcError::NotFinite),
        };
        match (&c.measurement, got) {
            (Answer::Error(_), Err(_)) | (Answer::Value(None), Ok(None)) => {}
            (Answer::Value(Some(w)), Ok(Some(g))) if g == *w => {}
            (_, got) => report.fail(format!("{c:?}: got {got:?}")),
        }
    }
    report.finish("measurement_from_sds");
}

#[test]
fn centile_vectors() {
    let vectors = centile_pairs();
    let mut report = Report::default();
    for (sds, want) in vectors.sds_to_centile {
        report.case("sds_to_centile");
        report.close(
            &format!("centile({sds})"),
            Some(centile(sds)),
            &Json::from(want),
            SDS_ABS,
        );
    }
    for (c, want) in vectors.centile_to_sds {
        report.case("centile_to_sds");
        report.close(
            &format!("sds_for_centile({c})"),
            Some(sds_for_centile(c)),
            &Json::from(want),
            SDS_ABS,
        );
    }
    report.finish("centile");
}

#[test]
fn percentage_median_bmi_vectors() {
    let mut report = Report::default();
    for c in cases::<PercentageMedianBmiCase>("percentage_median_bmi.json") {
        report.case(&c.reference);
        let got = match (Reference::parse(&c.reference), Sex::parse(&c.sex)) {
            (Some(r), Some(s)) => percentage_median_bmi(r, c.age, s, c.bmi).ok(),
            _ => None,
        };
        report.near(&format!("{c:?}"), got, c.percentage.value(), SDS_ABS);
    }
    report.finish("percentage_median_bmi");
}

/// Keys whose values are our own sentences: only their presence (null or not) must match the oracle.
const PROSE: [&str; 13] = [
    "centile_band",
    "corrected_centile_band",
    "chronological_centile_band",
    "lay_comment",
    "clinician_comment",
    "clinician_corrected_decimal_age_comment",
    "lay_corrected_decimal_age_comment",
    "clinician_chronological_decimal_age_comment",
    "lay_chronological_decimal_age_comment",
    "observation_value_error",
    "corrected_measurement_error",
    "chronological_measurement_error",
    "age_error",
];

/// Keys the dGC server's response models add, as null, to rcpchgrowth's SDS-chart points.
const SERVER_NULLS: [&str; 2] = ["sds", "observation_error"];

fn compare_json(path: &str, got: &Json, want: &Json, report: &mut Report) {
    let key = path.rsplit('.').next().unwrap_or("");
    match (got, want) {
        (Json::Object(g), Json::Object(w)) => {
            let server_null = |k: &str| {
                path.contains(".sds_data.")
                    && SERVER_NULLS.contains(&k)
                    && !w.contains_key(k)
                    && g[k].is_null()
            };
            let gk: Vec<&String> = g
                .keys()
                .filter(|k| *k != "provenance" && !server_null(k))
                .collect();
            let wk: Vec<&String> = w.keys().collect();
            if gk != wk {
                report.fail(format!("{path}: keys {gk:?} != {wk:?}"));
            }
            for (k, wv) in w {
                if let Some(gv) = g.get(k) {
                    compare_json(&format!("{path}.{k}"), gv, wv, report);
                }
            }
        }
        _ if PROSE.contains(&key) && got.is_null() != want.is_null() => {
            report.fail(format!("{path}: got {got}, want {want}"));
        }
        _ if PROSE.contains(&key) => {}
        (Json::Number(_), Json::Number(w)) if !w.is_i64() || !got.is_i64() => {
            report.close(path, got.as_f64(), want, SDS_ABS);
        }
        _ if got != want => report.fail(format!("{path}: got {got}, want {want}")),
        _ => {}
    }
}

#[test]
fn full_measurement_objects() {
    let mut report = Report::default();
    for (i, case) in cases::<FullMeasurementCase>("measurement_full.json")
        .iter()
        .enumerate()
    {
        report.case(&case.reference);
        let r = Reference::parse(&case.reference).expect("a known reference");
        let request =
            MeasurementRequest::from_value(&to_value(&case.request)).expect("valid request");
        let response = MeasurementResponse {
            object: calculate(r, &request.birth, &request.observation)
                .expect("oracle returned an object"),
            events_text: request.events_text,
        };
        compare_json(
            &format!("case {i}"),
            &serde_json::to_value(&response).unwrap(),
            &case.measurement,
            &mut report,
        );
    }
    report.finish("measurement_full");
}

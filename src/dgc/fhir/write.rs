//! Writing results as FHIR `Observation`s.

use super::codes::{
    beyond_codes, codes, reference_display, Codes, ABSENT, CATEGORY, LOINC, REFERENCE_CODES,
    RESULT_CODES, UCUM, US_CORE,
};
use super::read::text;
use crate::dgc::api;
use crate::dgc::error::{ErrorDetail, Loc, ValidationError};
use crate::dgc::fields::Fields;
use crate::dgc::measurement_response::provenance;
use crate::dgc::shape::Shape;
use crate::dgc::value::Value;
use crate::engine::ages::Date;
use crate::engine::measurement::MeasurementObject;
use crate::engine::nutrition::indicator::BeyondMethod;
use crate::engine::rounding::{decimal_text, text};
use crate::Method;
use serde::Serialize;

/// A FHIR `Coding`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

/// A FHIR `CodeableConcept` with one coding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Concept {
    coding: [Coding; 1],
    text: String,
}

fn concept(system: &'static str, code: &'static str, display: &'static str) -> Concept {
    Concept {
        coding: [Coding {
            system,
            code,
            display,
        }],
        text: display.into(),
    }
}

/// A FHIR `Quantity` in UCUM.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    value: f64,
    unit: &'static str,
    system: &'static str,
    code: &'static str,
}

fn ucum(value: f64, unit: &'static str, code: &'static str) -> Quantity {
    Quantity {
        value,
        unit,
        system: UCUM,
        code,
    }
}

/// A FHIR `Reference`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    reference: String,
}

/// `Observation.meta` with its profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meta {
    profile: [String; 1],
}

/// An annotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    text: String,
}

/// An `Observation.component`: a value, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    code: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_absent_reason: Option<Concept>,
}

impl Component {
    fn new(code: Concept, value: Option<Quantity>) -> Component {
        let absent = value.is_none().then(no_data);
        Component {
            code,
            value_quantity: value,
            data_absent_reason: absent,
        }
    }
}

fn no_data() -> Concept {
    Concept {
        text: "no reference data at this age".into(),
        ..concept(ABSENT, "not-applicable", "Not Applicable")
    }
}

/// A FHIR R4 `Observation` of one result (see [`to_fhir`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    resource_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
    status: &'static str,
    category: [Concept; 1],
    code: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Reference>,
    effective_date_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_absent_reason: Option<Concept>,
    method: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    derived_from: Option<[Reference; 1]>,
    note: [Note; 1],
    component: [Component; 4],
}

/// A result as its Observation needs it, from a measurement object.
pub(super) struct Scored {
    reference: crate::Reference,
    /// The codes of the method measured.
    codes: Codes,
    observation_date: String,
    observation_value: f64,
    /// (SDS, centile) at the corrected age.
    corrected: (Option<f64>, Option<f64>),
    /// (SDS, centile) at the chronological age.
    chronological: (Option<f64>, Option<f64>),
    /// (corrected, chronological) decimal ages.
    ages: (f64, f64),
    /// Who calculated it: engine, version, commit, reference data and fingerprint, when recorded.
    calculated_by: Option<String>,
}

fn calculated_by(
    engine: &str,
    version: &str,
    commit: &str,
    source: &str,
    fingerprint: &str,
) -> String {
    text!(
        "calculated by ",
        engine,
        " ",
        version,
        " (commit ",
        commit,
        "); reference data ",
        source,
        ", SHA-256 ",
        fingerprint
    )
}

impl From<&MeasurementObject> for Scored {
    fn from(m: &MeasurementObject) -> Scored {
        Scored {
            reference: m.reference,
            codes: m
                .beyond
                .as_ref()
                .and_then(|b| b.indicator?.method())
                .and_then(beyond_codes)
                .unwrap_or_else(|| codes(m.birth.method)),
            observation_date: m.observation.observation_date.iso(),
            observation_value: m.observation.observation_value,
            corrected: (m.corrected.sds, m.corrected.centile),
            chronological: (m.chronological.sds, m.chronological.centile),
            ages: (m.corrected_decimal_age, m.chronological_decimal_age),
            calculated_by: Some(calculated_by(
                provenance::ENGINE,
                provenance::VERSION,
                provenance::COMMIT,
                provenance::REFERENCE_DATA,
                crate::engine::data::FINGERPRINT,
            )),
        }
    }
}

/// What [`to_fhir`] reads of a measurement object.
pub(crate) const FHIR_MEASUREMENT: Shape = Shape::Object(&[&[
    (
        "provenance",
        Shape::Object(&[&[
            ("growth_reference", Shape::Any),
            ("calculation_engine", Shape::Any),
            ("reference_data", Shape::Any),
        ]]),
    ),
    (
        "child_observation_value",
        Shape::Object(&[&[
            ("measurement_method", Shape::Any),
            ("observation_value", Shape::Any),
        ]]),
    ),
    (
        "measurement_dates",
        Shape::Object(&[&[
            ("observation_date", Shape::Any),
            ("corrected_decimal_age", Shape::Any),
            ("chronological_decimal_age", Shape::Any),
        ]]),
    ),
    (
        "measurement_calculated_values",
        Shape::Object(&[&[
            ("corrected_sds", Shape::Any),
            ("corrected_centile", Shape::Any),
            ("chronological_sds", Shape::Any),
            ("chronological_centile", Shape::Any),
        ]]),
    ),
]]);

/// The options of [`to_fhir`].
pub(crate) const FHIR_OPTIONS: Shape = Shape::Object(&[&[
    ("subject", Shape::Any),
    ("derivedFrom", Shape::Any),
    ("growthReference", Shape::Any),
]]);

/// The value at `path` inside the measurement object `v`, a path [`FHIR_MEASUREMENT`] lists (not inlined: called
/// for a dozen paths, it would be copied a dozen times into the WebAssembly).
#[inline(never)]
fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    FHIR_MEASUREMENT.get(v, path)
}

/// The finite number at `path` inside `v`.
#[inline(never)]
fn number_at(v: &Value, path: &[&str]) -> Option<f64> {
    match at(v, path) {
        Some(Value::Number(n)) if n.is_finite() => Some(*n),
        _ => None,
    }
}

/// Where `path` is in a `toFhir` body.
fn body_loc(path: &[&str]) -> Vec<Loc> {
    let mut loc = vec![Loc::Key("body".into())];
    loc.extend(path.iter().map(|k| Loc::Key((*k).into())));
    loc
}

/// The SDS (or, with `centile`, the centile) at `path`: none when absent or null; anything else must be a finite
/// number, a centile one from 0 to 100, or it is reported in `detail`.
fn score(m: &Value, path: &[&str], centile: bool, detail: &mut Vec<ErrorDetail>) -> Option<f64> {
    let n = match at(m, path) {
        None | Some(Value::Null) => return None,
        Some(Value::Number(n)) => *n,
        Some(_) => f64::NAN,
    };
    let fits = n.is_finite() && (!centile || (0.0..=100.0).contains(&n));
    if !fits {
        let msg = if centile {
            "A centile must be a number from 0 to 100"
        } else {
            "An SDS must be a finite number"
        };
        detail.push(ErrorDetail::new(body_loc(path), msg, "value_error"));
    }
    fits.then_some(n)
}

impl Scored {
    /// Reads a measurement object (ours, or a dGC API response when `growth_reference` is given).
    fn read(
        m: &Value,
        growth_reference: Option<crate::Reference>,
    ) -> Result<Scored, ValidationError> {
        const METHOD: [&str; 2] = ["child_observation_value", "measurement_method"];
        const VALUE: [&str; 2] = ["child_observation_value", "observation_value"];
        const DATE: [&str; 2] = ["measurement_dates", "observation_date"];
        const REFERENCE: [&str; 2] = ["provenance", "growth_reference"];
        let number = |path: &[&str]| number_at(m, path);
        let name = text(at(m, &METHOD));
        let method = match name.map(|t| (Method::parse(t), BeyondMethod::parse(t))) {
            Some((Some(method), _)) => Some(codes(method)),
            Some((None, Some(beyond))) => beyond_codes(beyond),
            _ => None,
        };
        let value = number(&VALUE);
        let date = text(at(m, &DATE)).and_then(Date::parse);
        let reference =
            growth_reference.or_else(|| text(at(m, &REFERENCE)).and_then(crate::Reference::parse));
        let missing = [
            (&METHOD, method.is_none()),
            (&VALUE, value.is_none()),
            (&DATE, date.is_none()),
            (&REFERENCE, reference.is_none()),
        ];
        let mut detail: Vec<ErrorDetail> = missing
            .into_iter()
            .filter(|(_, bad)| *bad)
            .map(|(path, _)| match name.and_then(BeyondMethod::parse) {
                Some(beyond) if *path == METHOD => {
                    let msg = text!(
                        "No LOINC code is known for ",
                        beyond.name(),
                        ": toFhir does not write it"
                    );
                    ErrorDetail::new(body_loc(path), msg, "value_error")
                }
                _ => {
                    let msg = text!("A measurement object needs a valid ", &path.join("."));
                    ErrorDetail::new(body_loc(path), msg, "missing")
                }
            })
            .collect();
        if value.is_some_and(|v| v <= 0.0) {
            let msg = "A measurement must be a positive number";
            detail.push(ErrorDetail::new(body_loc(&VALUE), msg, "value_error"));
        }
        let values = "measurement_calculated_values";
        let corrected = (
            score(m, &[values, "corrected_sds"], false, &mut detail),
            score(m, &[values, "corrected_centile"], true, &mut detail),
        );
        let chronological = (
            score(m, &[values, "chronological_sds"], false, &mut detail),
            score(m, &[values, "chronological_centile"], true, &mut detail),
        );
        let (Some(method), Some(value), Some(date), Some(reference), true) =
            (method, value, date, reference, detail.is_empty())
        else {
            return Err(ValidationError { detail });
        };
        let engine =
            |k: &str| text(at(m, &["provenance", "calculation_engine", k])).unwrap_or("unknown");
        let data = |k: &str| text(at(m, &["provenance", "reference_data", k])).unwrap_or("unknown");
        Ok(Scored {
            reference,
            codes: method,
            observation_date: date.iso(),
            observation_value: value,
            corrected,
            chronological,
            ages: (
                number(&["measurement_dates", "corrected_decimal_age"]).unwrap_or(f64::NAN),
                number(&["measurement_dates", "chronological_decimal_age"]).unwrap_or(f64::NAN),
            ),
            calculated_by: at(m, &["provenance", "calculation_engine"])
                .is_some()
                .then(|| {
                    calculated_by(
                        engine("name"),
                        engine("version"),
                        engine("commit"),
                        data("source"),
                        data("fingerprint"),
                    )
                }),
        })
    }
}

/// Where a result Observation points: its patient and the Observation it was derived from.
#[derive(Default)]
pub(super) struct Links {
    pub(super) subject: Option<String>,
    pub(super) derived_from: Option<String>,
}

pub(super) fn observation(s: &Scored, links: &Links) -> Observation {
    let Codes {
        centile: (centile_system, centile_code, centile_display),
        profile,
        measurement: (code, display, unit),
    } = s.codes;
    let centile = |c: Option<f64>| c.map(|c| ucum(c, "%", "%"));
    let sds = |z: Option<f64>| z.map(|z| ucum(z, "SDS", "{SDS}"));
    let reference = reference_display(s.reference);
    let (corrected_age, chronological_age) = s.ages;
    // Ages a child can have (a measurement object passed in may carry any number): their text is exact.
    let plausible = |age: f64| age.abs() <= 200.0;
    let note = if plausible(corrected_age) && plausible(chronological_age) {
        text!(
            "Centile and SDS at the corrected age of ",
            &decimal_text(corrected_age, 2),
            " years (chronological age ",
            &decimal_text(chronological_age, 2),
            " years)."
        )
    } else {
        "Centile and SDS at the corrected age.".into()
    };
    Observation {
        resource_type: "Observation",
        meta: profile.filter(|_| links.subject.is_some()).map(|p| Meta {
            profile: [text!(US_CORE, p)],
        }),
        status: "final",
        category: [concept(CATEGORY, "vital-signs", "Vital Signs")],
        code: concept(centile_system, centile_code, centile_display),
        subject: links
            .subject
            .clone()
            .map(|reference| Reference { reference }),
        effective_date_time: s.observation_date.clone(),
        value_quantity: centile(s.corrected.1),
        data_absent_reason: s.corrected.1.is_none().then(no_data),
        method: Concept {
            text: match &s.calculated_by {
                Some(by) => text!(reference, "; ", by),
                None => reference.into(),
            },
            ..concept(REFERENCE_CODES, s.reference.name(), reference)
        },
        derived_from: links
            .derived_from
            .clone()
            .map(|reference| [Reference { reference }]),
        note: [Note { text: note }],
        component: [
            Component::new(
                concept(RESULT_CODES, "sds", "SDS (z-score) at the corrected age"),
                sds(s.corrected.0),
            ),
            Component::new(
                concept(
                    RESULT_CODES,
                    "chronological-centile",
                    "Centile at the chronological age",
                ),
                centile(s.chronological.1),
            ),
            Component::new(
                concept(
                    RESULT_CODES,
                    "chronological-sds",
                    "SDS (z-score) at the chronological age",
                ),
                sds(s.chronological.0),
            ),
            Component::new(
                concept(LOINC, code, display),
                Some(ucum(s.observation_value, unit, unit)),
            ),
        ],
    }
}

/// A FHIR R4 `Observation` for one measurement object: the centile at the corrected age as `valueQuantity` (%)
/// under the LOINC centile code (US Core pediatric profiles for BMI and head circumference when a subject is
/// given), the SDS and the chronological centile and SDS as components coded in [`RESULT_CODES`], the measurement
/// itself as a LOINC component, and the reference, engine version and table fingerprint in `method`.
///
/// `options`: `{subject, derivedFrom, growthReference}` (all optional): the patient reference, the source
/// Observation reference, and the reference name for a measurement object without `provenance`.
///
/// # Errors
/// A 422 when `measurement` is not a measurement object or an option is not a string.
pub fn to_fhir(measurement: &Value, options: &Value) -> Result<Observation, ValidationError> {
    let mut links = Links::default();
    let mut growth_reference = None;
    if *options != Value::Null {
        let mut fields = Fields::new(options, &FHIR_OPTIONS, vec![Loc::Key("options".into())]);
        links.subject = fields.string("subject", false).map(str::to_owned);
        links.derived_from = fields.string("derivedFrom", false).map(str::to_owned);
        let name = fields.string("growthReference", false);
        fields.finish()?;
        growth_reference = name.map(api::reference).transpose()?;
    }
    let scored = Scored::read(measurement, growth_reference)?;
    Ok(observation(&scored, &links))
}

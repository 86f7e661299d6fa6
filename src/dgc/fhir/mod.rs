//! FHIR R4 in and out: a patient's growth `Observation`s read as dGC bulk-calculation requests ([`from_fhir`]),
//! results written as FHIR `Observation`s ([`to_fhir`]), and both at once ([`fhir_calculation`]).
//!
//! Reading follows three rules: every resource that is not used is listed in `ignored` with the reason; units are
//! UCUM codes converted by exact decimal factors; the date of an observation is the calendar date written in its
//! own time zone (`2020-03-01T23:30:00-05:00` is 1 March, never moved to UTC).

mod codes;
mod read;
mod write;

pub use codes::{LOINC, REFERENCE_CODES, RESULT_CODES, UCUM};
pub use read::{from_fhir, FromFhir, Ignored};
pub use write::{
    to_fhir, Coding, Component, Concept, Meta, Note, Observation, Quantity, Reference,
};
#[cfg(test)]
pub(crate) use write::{FHIR_MEASUREMENT, FHIR_OPTIONS};

use super::api::{self, BulkResult};
use super::error::ValidationError;
use super::value::Value;
use crate::Method;
use read::text;
use serde::Serialize;
use write::{observation, Links, Scored};

/// The bulk results of one measurement method.
#[derive(Serialize)]
pub struct MethodResults {
    /// `height`, `weight`, `ofc` or `bmi`.
    pub measurement_method: &'static str,
    /// One entry per observation of the request, in its order: a measurement object or an error entry.
    pub results: Vec<BulkResult>,
    /// The source Observation of each entry (`Observation/id` or its `fullUrl`), in the same order.
    pub sources: Vec<Option<String>>,
}

/// What [`fhir_calculation`] returns.
#[derive(Serialize)]
pub struct FhirCalculation {
    /// The bulk results, one entry per measurement method present.
    pub results: Vec<MethodResults>,
    /// One FHIR Observation per measurement object, `derivedFrom` its source and `subject` the patient.
    pub observations: Vec<Observation>,
    /// Every resource of the bundle not used, and why.
    pub ignored: Vec<Ignored>,
    /// The patient as a reference, when it has one.
    pub patient: Option<String>,
}

/// [`from_fhir`], the bulk calculation of each request against `reference_name`, and [`to_fhir`] of every
/// measurement object.
///
/// # Errors
/// As [`from_fhir`], for an unknown reference, or birth details the bulk calculation rejects (e.g. a gestational
/// age outside 22–44 weeks).
pub fn fhir_calculation(
    reference_name: &str,
    bundle: &Value,
) -> Result<FhirCalculation, ValidationError> {
    api::reference(reference_name)?;
    let read = from_fhir(bundle)?;
    let mut results = Vec::new();
    let mut observations = Vec::new();
    for request in &read.requests {
        let Some(method) = text(request.get("measurement_method")).and_then(Method::parse) else {
            continue;
        };
        let mut response = api::bulk_calculation(reference_name, request)?;
        // An implausible observation, or one without data at either age, derives no SDS Observation: it is
        // reported with the reason, as a rejected calculation is.
        for result in &mut response.results {
            if let BulkResult::Measurement(m) = result {
                if let Some(flag) = m.unscorable() {
                    *result = BulkResult::Error(ValidationError::from(flag).detail.remove(0));
                }
            }
        }
        let sources: Vec<Option<String>> = match request.get("observations") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|o| text(o.get("source")).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        for (result, source) in response.results.iter().zip(&sources) {
            if let BulkResult::Measurement(m) = result {
                let links = Links {
                    subject: read.patient.clone(),
                    derived_from: source.clone(),
                };
                observations.push(observation(&Scored::from(&m.object), &links));
            }
        }
        results.push(MethodResults {
            measurement_method: method.name(),
            results: response.results,
            sources,
        });
    }
    Ok(FhirCalculation {
        results,
        observations,
        ignored: read.ignored,
        patient: read.patient,
    })
}

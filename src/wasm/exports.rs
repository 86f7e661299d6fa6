//! The wasm-bindgen exports: JavaScript arguments to the engine's plain values, and its answers back as
//! JavaScript values or the wire encodings of [`super::record`] and [`super::flat`].

use super::flat;
use super::js_value::{set_static, to_js};
use super::record::{self, Outcome, Status, RECORD_LEN};
use crate::dgc::api;
use crate::dgc::error::{Loc, ValidationError};
use crate::dgc::fhir;
use crate::dgc::value::Value;
use crate::engine::rounding::integer;
use crate::{Method, Reference, Sex};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// A JavaScript `Error` named `CentileError`, with the API's `status` (422, or 404 for an unknown reference) and the
/// dGC `detail` list.
fn error(e: ValidationError) -> JsValue {
    let err = js_sys::Error::new(&e.message());
    err.set_name("CentileError");
    set_static(&err, "status", e.status().into());
    set_static(&err, "detail", to_js(&e.detail));
    err.into()
}

/// An argument as the package's JavaScript wrote it (see `Value::parse`): by then it is plain text, so the wasm
/// never reads a caller's object and no caller's exception can unwind through it.
fn arg(text: &str) -> Value {
    Value::parse(text).unwrap_or(Value::Unsupported)
}

/// A string argument: the reference of a route (`["path", "reference"]`) or a named field of the body.
fn string_arg(text: &str, name: &str) -> Result<String, JsValue> {
    match arg(text) {
        Value::String(s) => Ok(s),
        _ => {
            let place = if name == "reference" { "path" } else { "body" };
            let loc = vec![Loc::Key(place.into()), Loc::Key(name.into())];
            let msg = "Input should be a valid string";
            Err(error(ValidationError::at(loc, msg, "string_type")))
        }
    }
}

fn result<T: Serialize>(r: Result<T, ValidationError>) -> Result<JsValue, JsValue> {
    r.map(|v| to_js(&v)).map_err(error)
}

/// `POST /{reference}/calculation` without the server.
#[wasm_bindgen]
pub fn calculation(reference: &str, request: &str) -> Result<JsValue, JsValue> {
    result(api::calculation(
        &string_arg(reference, "reference")?,
        &arg(request),
    ))
}

/// `POST /{reference}/bulk-calculation` without the server.
#[wasm_bindgen(js_name = bulkCalculation)]
pub fn bulk_calculation(reference: &str, request: &str) -> Result<JsValue, JsValue> {
    result(api::bulk_calculation(
        &string_arg(reference, "reference")?,
        &arg(request),
    ))
}

/// SDS for `{reference, measurement_method, sex, age, observation_value}`.
#[wasm_bindgen(js_name = sdsForMeasurement)]
pub fn sds_for_measurement(args: &str) -> Result<f64, JsValue> {
    api::sds_for_measurement(&arg(args)).map_err(error)
}

/// Measurement for `{reference, measurement_method, sex, age, sds}`.
#[wasm_bindgen(js_name = measurementFromSds)]
pub fn measurement_from_sds(args: &str) -> Result<f64, JsValue> {
    api::measurement_from_sds(&arg(args)).map_err(error)
}

/// Centile (0–100) for an SDS.
#[wasm_bindgen(js_name = centileForSds)]
pub fn centile_for_sds(sds: &str) -> Result<f64, JsValue> {
    api::centile_for_sds(&arg(sds)).map_err(error)
}

/// SDS for a centile.
#[wasm_bindgen(js_name = sdsForCentile)]
pub fn sds_for_centile(centile: &str) -> Result<f64, JsValue> {
    api::sds_for_centile_value(&arg(centile)).map_err(error)
}

/// BMI from height (cm) and weight (kg).
#[wasm_bindgen(js_name = bmiFromHeightWeight)]
pub fn bmi_from_height_weight(height_cm: &str, weight_kg: &str) -> Result<f64, JsValue> {
    api::bmi_from_height_weight(&arg(height_cm), &arg(weight_kg)).map_err(error)
}

/// BMI as a percentage of the median for `{reference, sex, age, bmi}`.
#[wasm_bindgen(js_name = percentageMedianBmi)]
pub fn percentage_median_bmi(args: &str) -> Result<f64, JsValue> {
    api::percentage_median_bmi(&arg(args)).map_err(error)
}

/// SDS for one slice of many (age, value) pairs of one reference, method and sex, in the buffer of [`sds_buffer`]:
/// its first `len` numbers are the ages and the next `len` the values, each of which is replaced by its SDS (NaN
/// where it cannot be placed). The package's JavaScript writes each slice of the caller's arrays there and reads
/// the SDS back.
#[wasm_bindgen(js_name = sdsForMeasurements)]
pub fn sds_for_measurements(
    reference: &str,
    measurement_method: &str,
    sex: &str,
    len: usize,
) -> Result<(), JsValue> {
    let args = Value::Object(vec![
        ("reference".into(), arg(reference)),
        ("measurement_method".into(), arg(measurement_method)),
        ("sex".into(), arg(sex)),
    ]);
    let (r, m, s) = api::reference_method_sex(&args).map_err(error)?;
    SDS_SLICE.with(|b| {
        let mut b = b.borrow_mut();
        let len = len.min(b.len() / 2);
        let (ages, rest) = b.split_at_mut(len);
        if let Some(values) = rest.get_mut(..len) {
            api::sds_for_measurements(r, m, s, ages, values);
        }
    });
    Ok(())
}

/// Byte offset in `linearMemory()` of the buffer of [`sds_for_measurements`], with room for `len` ages and `len`
/// values (the memory may grow).
#[wasm_bindgen(js_name = sdsBuffer)]
pub fn sds_buffer(len: usize) -> usize {
    SDS_SLICE.with(|b| {
        let mut b = b.borrow_mut();
        if b.len() / 2 < len {
            b.resize(len.saturating_mul(2), 0.0);
        }
        b.as_ptr() as usize
    })
}

/// Identifies this build: engine version, reference-data source and fingerprint.
#[wasm_bindgen(js_name = buildInfo)]
pub fn build_info() -> JsValue {
    use crate::dgc::measurement_response::provenance;
    #[derive(Serialize)]
    struct Info {
        name: &'static str,
        version: &'static str,
        commit: &'static str,
        rustc: &'static str,
        reference_data: &'static str,
        reference_data_fingerprint: &'static str,
        verify: &'static str,
    }
    to_js(&Info {
        name: provenance::ENGINE,
        version: provenance::VERSION,
        commit: provenance::COMMIT,
        rustc: option_env!("CENTILE_RUSTC").unwrap_or("unknown"),
        reference_data: provenance::REFERENCE_DATA,
        reference_data_fingerprint: crate::engine::data::FINGERPRINT,
        verify: "The build is reproducible: check out `commit`, run `make pkg` with this `rustc`, and compare pkg/ \
                 with this package byte for byte (SECURITY.md, \"Verifying a package\").",
    })
}

thread_local! {
    /// The record buffer the fast path writes to (read from JavaScript through `linearMemory()`).
    static RECORD: RefCell<[f64; RECORD_LEN]> = const { RefCell::new([0.0; RECORD_LEN]) };
    /// The ages and values of one slice of `sdsForMeasurements` (written and read from JavaScript).
    static SDS_SLICE: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Fast path of `calculation`, answering a [`Status`] number: `Record` when the record buffer holds the result;
/// `General` when the general path must answer (an unusual or malformed request); `Rejected + n` when the
/// calculation answers a 422 whose message is the measurement-error text `n` (the detail is `loc: ["body", "observation_value"]`,
/// `type: "value_error"`). Codes: reference in `Reference::ALL` order, method in `Method::ALL` order, sex in
/// `Sex::ALL` order; dates as the integers `YYYYMMDD` (checked here).
#[wasm_bindgen(js_name = calculationRecord)]
#[allow(clippy::too_many_arguments)]
pub fn calculation_record(
    reference: u32,
    birth_ymd: i32,
    observation_ymd: i32,
    value: f64,
    sex: u32,
    method: u32,
    weeks: i32,
    days: i32,
) -> u32 {
    let (Some(r), Some(s), Some(m)) = (
        Reference::ALL.get(reference as usize).copied(),
        Sex::ALL.get(sex as usize).copied(),
        Method::ALL.get(method as usize).copied(),
    ) else {
        return Status::General as u32;
    };
    match record::record(r, birth_ymd, observation_ymd, value, s, m, weeks, days) {
        Outcome::Record(values) => {
            RECORD.with(|r| *r.borrow_mut() = values);
            Status::Record as u32
        }
        Outcome::Rejected(e) => Status::Rejected as u32 + record::error_index(e),
        Outcome::General => Status::General as u32,
    }
}

/// Byte offset of the record buffer in `linearMemory()`.
#[wasm_bindgen(js_name = recordOffset)]
pub fn record_offset() -> usize {
    RECORD.with(|r| r.as_ptr() as usize)
}

/// Whether an allocation of this instance has failed (the host refused memory): the package asks after a call
/// broke the instance, to throw a `CentileError` rather than the trap.
#[wasm_bindgen(js_name = __centileAllocationFailed)]
pub fn allocation_failed() -> bool {
    super::allocator::allocation_failed()
}

/// The module's linear memory.
#[wasm_bindgen(js_name = linearMemory)]
pub fn linear_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The text a record code names (`kind` in `record::TEXTS` order), or undefined.
#[wasm_bindgen]
pub fn text(kind: u32, code: f64) -> Option<String> {
    record::text(*record::TEXTS.get(kind as usize)?, integer(code)?)
}

/// `POST /{reference}/chart-coordinates`, flattened (see [`flat::segments`]) for the package's JavaScript builder.
#[wasm_bindgen(js_name = chartCoordinatesFlat)]
pub fn chart_coordinates_flat(reference: &str, request: &str) -> Result<Vec<f64>, JsValue> {
    api::chart_coordinates(&string_arg(reference, "reference")?, &arg(request))
        .map(|chart| flat::segments(&chart.segments))
        .map_err(error)
}

/// `chart-coordinates` beyond the dGC API (`api::nutrition_chart_coordinates`; only in the build with them, the
/// package's `centile/nutrition`): the chart, or `null` for a dGC request.
#[cfg(feature = "nutrition")]
#[wasm_bindgen(js_name = nutritionChartCoordinates)]
pub fn nutrition_chart_coordinates(reference: &str, request: &str) -> Result<JsValue, JsValue> {
    result(api::nutrition_chart_coordinates(
        &string_arg(reference, "reference")?,
        &arg(request),
    ))
}

/// `POST /utilities/mid-parental-height`, flattened (see [`flat::mid_parental_height`]) for the package's
/// JavaScript builder.
#[wasm_bindgen(js_name = midParentalHeightFlat)]
pub fn mid_parental_height_flat(request: &str) -> Result<Vec<f64>, JsValue> {
    let m = api::mid_parental_height(&arg(request)).map_err(error)?;
    Ok(flat::mid_parental_height(&m))
}

/// Fictional child data for the package's JavaScript builder (see [`flat::fictional_child`]).
#[wasm_bindgen(js_name = fictionalChildObservations)]
pub fn fictional_child_observations(reference: &str, request: &str) -> Result<Vec<f64>, JsValue> {
    let (birth, observations) =
        api::fictional_child_observations(&string_arg(reference, "reference")?, &arg(request))
            .map_err(error)?;
    Ok(flat::fictional_child(&birth, &observations))
}

/// Velocity (units per year) over the last two measurement objects of a method.
#[wasm_bindgen]
pub fn velocity(measurement_method: &str, measurements: &str) -> Result<f64, JsValue> {
    let method = string_arg(measurement_method, "measurement_method")?;
    api::velocity(&method, &arg(measurements)).map_err(error)
}

/// Acceleration (units per year per year) over the last three measurement objects of a method.
#[wasm_bindgen]
pub fn acceleration(measurement_method: &str, measurements: &str) -> Result<f64, JsValue> {
    let method = string_arg(measurement_method, "measurement_method")?;
    api::acceleration(&method, &arg(measurements)).map_err(error)
}

/// A thrive line (experimental) for `{sex, start_sds, months, target_centile}`.
#[wasm_bindgen(js_name = thriveLine)]
pub fn thrive_line(request: &str) -> Result<JsValue, JsValue> {
    result(api::thrive_line(&arg(request)))
}

/// A FHIR R4 Bundle (or list of resources) of one patient as bulk-calculation requests, one per method.
#[wasm_bindgen(js_name = fromFhir)]
pub fn from_fhir(bundle: &str) -> Result<JsValue, JsValue> {
    result(fhir::from_fhir(&arg(bundle)))
}

/// A FHIR R4 Observation for one measurement object; `options`: `{subject, derivedFrom, growthReference}`.
#[wasm_bindgen(js_name = toFhir)]
pub fn to_fhir(measurement: &str, options: &str) -> Result<JsValue, JsValue> {
    result(fhir::to_fhir(&arg(measurement), &arg(options)))
}

/// `fromFhir`, the bulk calculation of each request, and `toFhir` of every result.
#[wasm_bindgen(js_name = fhirCalculation)]
pub fn fhir_calculation(reference: &str, bundle: &str) -> Result<JsValue, JsValue> {
    result(fhir::fhir_calculation(
        &string_arg(reference, "reference")?,
        &arg(bundle),
    ))
}

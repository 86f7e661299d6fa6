//! The JavaScript-facing operations on plain values: dGC request bodies in, serialisable results or 422-shaped
//! errors out. The wasm binding only converts values; everything it exposes is here and testable natively.

use crate::dgc::error::{ErrorDetail, Loc, ValidationError, UNKNOWN_REFERENCE};
use crate::dgc::fields::Fields;
use crate::dgc::measurement_request::{
    ignore_lengths, MeasurementRequest, BULK, GESTATION_DAYS, GESTATION_WEEKS, OBSERVATION,
};
use crate::dgc::measurement_response::MeasurementResponse;
use crate::dgc::nutrition;
use crate::dgc::shape::{Shape, Whole};
use crate::dgc::value::Value;
use crate::engine::ages::Gestation;
use crate::engine::centiles::{centile, sds_for_centile, CentileFormat};
use crate::engine::chart::{chart, Chart, Lines};
use crate::engine::fictional::{self, FictionalChild, FictionalError, IntervalUnit};
use crate::engine::measurement::{
    calculate, sds_limit, Birth, MeasurementError, MeasurementObject, Observation,
};
use crate::engine::mid_parental::{self, HeightProblem, MidParentalHeight, Parent};
use crate::engine::nutrition::indicator::{self, IOTF};
use crate::engine::references::AtJoin;
use crate::engine::references::NoData;
use crate::engine::rounding::text;
use crate::engine::sds::{self, CalcError, RoundingRule};
use crate::engine::thrive::{self, ThriveLine};
use crate::{Method, Reference, Sex};
use serde::Serialize;

fn body() -> Vec<Loc> {
    vec![Loc::Key("body".into())]
}

/// Resolves a reference name (rcpchgrowth or API route name).
///
/// # Errors
/// An error at `["path", "reference"]` naming the accepted values: the API has no such route (status 404, see
/// [`ValidationError::status`]).
pub fn reference(name: &str) -> Result<Reference, ValidationError> {
    Reference::parse(name).ok_or_else(|| {
        ValidationError::at(
            vec![Loc::Key("path".into()), Loc::Key("reference".into())],
            "Unknown reference: use uk-who, who, cdc, turners-syndrome (or turner), trisomy-21 or trisomy-21-aap",
            UNKNOWN_REFERENCE,
        )
    })
}

/// `POST /{reference}/calculation`.
///
/// # Errors
/// A 422 for an unknown reference, an invalid request, or a value the reference cannot place (see
/// [`calculate`]).
pub fn calculation(
    reference_name: &str,
    request: &Value,
) -> Result<MeasurementResponse, ValidationError> {
    calculation_flagged(reference_name, request, false)
}

/// As [`calculation`], with the implausible-value flags' scores in `beyond` when `with_flags` (what
/// `bulk-calculation`'s `implausible_value_flags` gives each observation; beyond the dGC API).
///
/// # Errors
/// As [`calculation`].
pub fn calculation_flagged(
    reference_name: &str,
    request: &Value,
    with_flags: bool,
) -> Result<MeasurementResponse, ValidationError> {
    // (`&& BUILT_IN`: a constant false without the measurements beyond the dGC API, so their code stays out.)
    if nutrition::is_beyond(reference_name, request)? && nutrition::BUILT_IN {
        if reference_name != IOTF {
            reference(reference_name)?;
        }
        let (object, events_text) = nutrition::calculation(reference_name, request, with_flags)?;
        return Ok(MeasurementResponse {
            object,
            events_text,
        });
    }
    let reference = reference(reference_name)?;
    let request = MeasurementRequest::from_value(request)?;
    let mut object = calculate(reference, &request.birth, &request.observation)?;
    if with_flags && nutrition::BUILT_IN {
        object.beyond = Some(Box::new(dgc_flags(&object)));
    }
    Ok(MeasurementResponse {
        object,
        events_text: request.events_text,
    })
}

/// The implausible-value flags' scores of a dGC measurement object.
pub fn dgc_flags(m: &MeasurementObject) -> indicator::Beyond {
    indicator::dgc_flags(
        m.reference,
        m.birth.method,
        m.birth.sex,
        m.chronological_decimal_age,
        m.observation.observation_value,
        m.chronological.sds,
    )
}

/// One entry of a bulk response: a measurement object, or the reason that observation failed.
#[derive(Serialize)]
#[serde(untagged)]
pub enum BulkResult {
    /// The calculation succeeded.
    Measurement(Box<MeasurementResponse>),
    /// The observation was invalid or could not be placed.
    Error(ErrorDetail),
}

/// The bulk response body.
#[derive(Serialize)]
pub struct BulkResponse {
    /// One entry per observation, in order.
    pub results: Vec<BulkResult>,
}

/// `POST /{reference}/bulk-calculation`: one child, many observations; a failing observation gets an error entry
/// in its place. There is no cap on the number of observations.
///
/// # Errors
/// A 422 for an unknown reference, invalid birth details, or a missing or empty `observations` list.
pub fn bulk_calculation(
    reference_name: &str,
    request: &Value,
) -> Result<BulkResponse, ValidationError> {
    let beyond = nutrition::is_beyond(reference_name, request)? && nutrition::BUILT_IN;
    let dgc_reference = if beyond && reference_name == IOTF {
        None
    } else {
        Some(reference(reference_name)?)
    };
    let mut fields = Fields::new(request, &BULK, body());
    let birth = match dgc_reference {
        Some(reference) if !beyond => Birth::read(&mut fields).map(|b| (b, Err(reference))),
        _ => nutrition::read_birth(reference_name, &mut fields).map(|(b, i)| (b, Ok(i))),
    };
    let with_flags = fields
        .boolean("implausible_value_flags", false)
        // (constant false where not built in: is_beyond refused a true, and the flags' code stays out)
        .map(|f| f && nutrition::BUILT_IN);
    let observations = match fields.raw("observations") {
        Some(Value::Array(items)) if !items.is_empty() => Some(items),
        _ => {
            let msg = "At least one observation is required.";
            fields.fail("observations", "value_error", msg);
            None
        }
    };
    let ((birth, indicator), with_flags, observations) =
        fields.finish_with((birth, with_flags, observations))?;
    let results = observations
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut at = body();
            at.extend([Loc::Key("observations".into()), Loc::Index(i)]);
            let mut fields = Fields::new(item, &OBSERVATION, at);
            let observation = Observation::read(&mut fields);
            let cm = match indicator {
                Ok(indicator) => nutrition::read_length(indicator, &mut fields),
                Err(_) => {
                    ignore_lengths(&fields);
                    Some(None)
                }
            };
            if let Some((o, _)) = &observation {
                o.check_after(&birth, &mut fields, "observation_date");
            }
            let outcome = fields.finish_with((observation, cm)).and_then(
                |((observation, events_text), cm)| {
                    let object = match indicator {
                        Ok(indicator) => {
                            nutrition::measure(indicator, &birth, &observation, cm, with_flags)
                        }
                        Err(reference) => {
                            let mut m = calculate(reference, &birth, &observation)?;
                            if with_flags {
                                m.beyond = Some(Box::new(dgc_flags(&m)));
                            }
                            Ok(m)
                        }
                    }?;
                    Ok(MeasurementResponse {
                        object,
                        events_text,
                    })
                },
            );
            match outcome {
                Ok(m) => BulkResult::Measurement(Box::new(m)),
                Err(mut e) => BulkResult::Error(e.detail.remove(0)),
            }
        })
        .collect();
    Ok(BulkResponse { results })
}

/// A calculation failure, reported under the field it concerns: `age` when the reference has no data there,
/// `value_key` (the measurement) when it is not a positive number, the body when the result is not finite.
fn calc_error(e: CalcError, value_key: &str) -> ValidationError {
    let msg = e.message();
    match e {
        CalcError::NoData(NoData::NotCovered { .. }) => {
            ValidationError::field("measurement_method", msg, "value_error")
        }
        CalcError::NoData(_) | CalcError::BetweenTables => {
            ValidationError::field("age", msg, "value_error")
        }
        CalcError::NotPositive => ValidationError::field(value_key, msg, "value_error"),
        CalcError::NotFinite => ValidationError::body(msg, "value_error"),
    }
}

/// What [`sds_for_measurement`] reads.
pub(crate) const SDS_ARGS: Shape = Shape::Object(&[&[
    ("reference", Shape::Any),
    ("measurement_method", Shape::Any),
    ("sex", Shape::Any),
    ("age", Shape::Any),
    ("observation_value", Shape::Any),
]]);

/// The SDS of a measurement at a decimal age (`reference`, `measurement_method`, `sex`, `age`,
/// `observation_value`).
///
/// # Errors
/// A 422 for invalid arguments, no reference data at that age, or an SDS that is not finite.
pub fn sds_for_measurement(args: &Value) -> Result<f64, ValidationError> {
    let mut a = Fields::new(args, &SDS_ARGS, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    let age = a.float("age");
    let value = a.positive("observation_value");
    let (r, m, s, age, value) = a.finish_with((r, m, s, age, value))?;
    sds::sds_for_measurement(r, age, m, s, value).map_err(|e| calc_error(e, "observation_value"))
}

/// What [`measurement_from_sds`] reads.
pub(crate) const MEASUREMENT_ARGS: Shape = Shape::Object(&[&[
    ("reference", Shape::Any),
    ("measurement_method", Shape::Any),
    ("sex", Shape::Any),
    ("age", Shape::Any),
    ("sds", Shape::Any),
]]);

/// The measurement at an SDS and decimal age (`reference`, `measurement_method`, `sex`, `age`, `sds`), rounded
/// to 4 decimal places.
///
/// # Errors
/// A 422 for invalid arguments, no reference data at that age, or an SDS no real measurement corresponds to.
pub fn measurement_from_sds(args: &Value) -> Result<f64, ValidationError> {
    let mut a = Fields::new(args, &MEASUREMENT_ARGS, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    let age = a.float("age");
    let z = a.float("sds");
    within_sds_limit(&mut a, "sds", z, m);
    let (r, m, s, age, z) = a.finish_with((r, m, s, age, z))?;
    match sds::measurement_from_sds(r, age, m, s, z, RoundingRule::Python, AtJoin::OlderTable) {
        Ok(Some(value)) => Ok(value),
        // rcpchgrowth answers None where the LMS curve has no measurement for the SDS: a 422 here, so a number
        // always comes back (docs/differences.md).
        Ok(None) => Err(ValidationError::field(
            "sds",
            "No measurement corresponds to this SDS at this age in the reference",
            "value_error",
        )),
        Err(e) => Err(calc_error(e, "sds")),
    }
}

/// Reports an SDS `key` beyond the plausible limit for `method` ([`sds_limit`]): further from the median is not
/// a child's measurement.
fn within_sds_limit(fields: &mut Fields, key: &str, sds: Option<f64>, method: Option<Method>) {
    let (Some(z), Some(method)) = (sds, method) else {
        return;
    };
    let limit = sds_limit(method);
    if z.abs() > f64::from(limit) {
        let msg = text!(
            key,
            " must lie within ±",
            limit,
            " SDS: further from the median is implausible"
        );
        fields.fail(key, "value_error", msg);
    }
}

/// What [`percentage_median_bmi`] reads.
pub(crate) const PERCENTAGE_MEDIAN_BMI_ARGS: Shape = Shape::Object(&[&[
    ("reference", Shape::Any),
    ("sex", Shape::Any),
    ("age", Shape::Any),
    ("bmi", Shape::Any),
]]);

/// BMI as a percentage of the median (`reference`, `sex`, `age`, `bmi`).
///
/// # Errors
/// A 422 for invalid arguments, no BMI reference at that age, or a percentage that is not finite.
pub fn percentage_median_bmi(args: &Value) -> Result<f64, ValidationError> {
    let mut a = Fields::new(args, &PERCENTAGE_MEDIAN_BMI_ARGS, body());
    let (r, s) = (a.reference(), a.sex());
    let age = a.float("age");
    let bmi = a.positive("bmi");
    let (r, s, age, bmi) = a.finish_with((r, s, age, bmi))?;
    sds::percentage_median_bmi(r, age, s, bmi).map_err(|e| calc_error(e, "bmi"))
}

fn single_number(name: &str, value: &Value) -> Result<f64, ValidationError> {
    let args = Value::Object(vec![(name.to_owned(), value.clone())]);
    let mut fields = Fields::new(&args, &Shape::Any, body());
    let n = fields.float(name);
    Ok(fields.finish_with((n,))?.0)
}

/// The centile (0–100) for an SDS.
///
/// # Errors
/// A 422 unless `sds` is a finite number.
pub fn centile_for_sds(sds: &Value) -> Result<f64, ValidationError> {
    single_number("sds", sds).map(centile)
}

/// The SDS for a centile strictly between 0 and 100.
///
/// # Errors
/// A 422 unless `centile` is a number strictly between 0 and 100 whose SDS is finite (not within about 1e-300
/// of either end).
pub fn sds_for_centile_value(value: &Value) -> Result<f64, ValidationError> {
    let c = single_number("centile", value)?;
    if c <= 0.0 || c >= 100.0 {
        let msg = "A centile must lie strictly between 0 and 100";
        return Err(ValidationError::field("centile", msg, "value_error"));
    }
    let z = sds_for_centile(c);
    if !z.is_finite() {
        let msg = "The centile is so close to 0 or 100 that its SDS is not a finite number";
        return Err(ValidationError::field("centile", msg, "value_error"));
    }
    Ok(z)
}

/// BMI (kg/m²) from height (cm) and weight (kg).
///
/// # Errors
/// A 422 unless both are finite numbers greater than zero, for a height under 2 (metres, not centimetres, as
/// `calculation` flags it), or when the BMI is not finite.
pub fn bmi_from_height_weight(
    height_cm: &Value,
    weight_kg: &Value,
) -> Result<f64, ValidationError> {
    let args = Value::Object(vec![
        ("height".into(), height_cm.clone()),
        ("weight".into(), weight_kg.clone()),
    ]);
    let mut fields = Fields::new(&args, &Shape::Any, body());
    let (h, w) = (fields.positive("height"), fields.positive("weight"));
    if h.is_some_and(|h| h < 2.0) {
        fields.fail("height", "value_error", MeasurementError::Metres.message());
    }
    let (h, w) = fields.finish_with((h, w))?;
    sds::bmi_from_height_weight(h, w).map_err(|e| calc_error(e, "height"))
}

/// The most lines a custom chart request may ask for, as the API allows.
pub(crate) const MAX_CUSTOM_LINES: usize = 15;

/// What [`chart_coordinates`] reads.
pub(crate) const CHART_REQUEST: Shape = Shape::Object(&[&[
    ("sex", Shape::Any),
    ("measurement_method", Shape::Any),
    ("centile_format", Shape::Any),
    ("is_sds", Shape::Any),
]]);

/// `POST /{reference}/chart-coordinates`: `{sex, measurement_method, centile_format, is_sds}`.
///
/// `centile_format` is a format name (default `cole-nine-centiles`) or a list of 1–15 centiles (strictly
/// between 0 and 100) or, with `is_sds`, SDS values. Turner charts exist only for girls' height.
///
/// # Errors
/// A 422 for an unknown reference or an invalid request.
pub fn chart_coordinates(reference_name: &str, request: &Value) -> Result<Chart, ValidationError> {
    // (Charts beyond the dGC API: nutrition_chart_coordinates; here the 422 of a build without them.)
    nutrition::is_beyond(reference_name, request)?;
    let reference = reference(reference_name)?;
    let mut fields = Fields::new(request, &CHART_REQUEST, body());
    let sex = fields.sex();
    let method = fields.method();
    let lines = read_lines(&mut fields, method.map_or(8, sds_limit));
    turner_girls_height(&mut fields, reference, sex, method);
    let (lines, method, sex) = fields.finish_with((lines, method, sex))?;
    Ok(chart(reference, &lines, method, sex))
}

/// `POST /{reference}/chart-coordinates` beyond the dGC API (see `nutrition::is_beyond`; `None` for any other
/// request): the lines of the indicator's table in the dGC shape, under the table's key
/// (`who_2006_weight_for_length`, ...) and the method's name. Weight-for-length/height lines have the length or
/// height (cm) as x, the others the age in decimal years; every point is a table row, unrounded.
///
/// # Errors
/// The 422s of [`chart_coordinates`], and a method paired with a reference that lacks it.
pub fn nutrition_chart_coordinates(
    reference_name: &str,
    request: &Value,
) -> Result<Option<nutrition::BeyondChart>, ValidationError> {
    if !(nutrition::is_beyond(reference_name, request)? && nutrition::BUILT_IN) {
        return Ok(None);
    }
    if reference_name != IOTF {
        reference(reference_name)?;
    }
    let mut fields = Fields::new(request, &CHART_REQUEST, body());
    let sex = fields.sex();
    let indicator = nutrition::resolve(reference_name, &mut fields);
    let lines = read_lines(&mut fields, 8);
    let (sex, indicator, lines) = fields.finish_with((sex, indicator, lines))?;
    Ok(Some(nutrition::chart(indicator, sex, &lines)))
}

/// The lines a chart request asks for (`centile_format`, `is_sds`), SDS lines within ±`limit`.
pub(crate) fn read_lines(fields: &mut Fields, limit: u8) -> Option<Lines> {
    let is_sds = fields.boolean("is_sds", false);
    match fields.raw("centile_format") {
        None => Some(Lines::Format(CentileFormat::ColeNine)),
        Some(Value::String(_)) => {
            let names: Vec<&str> = CentileFormat::ALL.iter().map(|f| f.name()).collect();
            fields
                .choice("centile_format", true, &names, CentileFormat::parse)
                .map(Lines::Format)
        }
        Some(Value::Array(items)) if items.is_empty() || items.len() > MAX_CUSTOM_LINES => {
            let msg = text!(
                "A custom list must have between 1 and ",
                MAX_CUSTOM_LINES,
                " values"
            );
            fields.fail("centile_format", "value_error", msg);
            None
        }
        Some(Value::Array(items)) => fields.numbers("centile_format", items).and_then(|values| {
            if is_sds == Some(true) {
                if values.iter().all(|z| z.abs() <= f64::from(limit)) {
                    return Some(Lines::Sds(values));
                }
                let msg = text!(
                    "SDS lines must lie within ±",
                    limit,
                    " SDS: further from the median is implausible"
                );
                fields.fail("centile_format", "value_error", msg);
                return None;
            }
            if values.iter().all(|&c| c > 0.0 && c < 100.0) {
                return Some(Lines::Centiles(values));
            }
            let msg = "Centiles must lie strictly between 0 and 100 (use is_sds for SDS lines)";
            fields.fail("centile_format", "value_error", msg);
            None
        }),
        Some(_) => {
            let msg = "Input should be a centile format name or a list of numbers";
            fields.fail("centile_format", "value_error", msg);
            None
        }
    }
}

/// Reports a Turner syndrome request for anything but girls' height, the only data the reference has.
fn turner_girls_height(
    fields: &mut Fields,
    reference: Reference,
    sex: Option<Sex>,
    method: Option<Method>,
) {
    if reference == Reference::TurnersSyndrome {
        let msg = "The Turner syndrome reference has girls' height only";
        if sex == Some(Sex::Male) {
            fields.fail("sex", "value_error", msg);
        }
        if method.is_some_and(|m| m != Method::Height) {
            fields.fail("measurement_method", "value_error", msg);
        }
    }
}

/// The parents' heights the API accepts, in centimetres.
const PARENT_HEIGHT: (i32, i32) = (50, 245);

/// What [`mid_parental_height`] reads.
pub(crate) const MID_PARENTAL_REQUEST: Shape = Shape::Object(&[&[
    ("height_maternal", Shape::Any),
    ("height_paternal", Shape::Any),
    ("sex", Shape::Any),
    ("reference", Shape::Any),
]]);

/// `POST /utilities/mid-parental-height`: `{height_maternal, height_paternal, sex, reference}` (reference
/// `uk-who`, `cdc` or `who`; default `uk-who`). Parents are scored at the reference's adult age (19 for WHO).
///
/// # Errors
/// A 422 for invalid fields or a parent's height beyond ±8 SDS, one item per parent.
pub fn mid_parental_height(request: &Value) -> Result<MidParentalHeight, ValidationError> {
    let mut fields = Fields::new(request, &MID_PARENTAL_REQUEST, body());
    let maternal = fields.float_in("height_maternal", PARENT_HEIGHT.0, PARENT_HEIGHT.1);
    let paternal = fields.float_in("height_paternal", PARENT_HEIGHT.0, PARENT_HEIGHT.1);
    let sex = fields.sex();
    let reference = match fields.raw("reference") {
        None => Some(Reference::UkWho),
        Some(_) => fields.choice(
            "reference",
            true,
            &mid_parental::REFERENCES.map(Reference::name),
            |name| Reference::parse(name).filter(|r| mid_parental::REFERENCES.contains(r)),
        ),
    };
    let (maternal, paternal, reference, sex) =
        fields.finish_with((maternal, paternal, reference, sex))?;
    mid_parental::mid_parental_height(reference, maternal, paternal, sex)
        .map_err(|problems| ValidationError {
            detail: problems
                .into_iter()
                .map(|(parent, problem)| {
                    let (key, who) = match parent {
                        Parent::Maternal => ("height_maternal", "mother"),
                        Parent::Paternal => ("height_paternal", "father"),
                    };
                    let msg = match problem {
                        HeightProblem::Implausible(_) => text!(
                            "The ",
                            who,
                            "'s height is more than 8 SDS from the adult median: please check it (in centimetres)."
                        ),
                        HeightProblem::NotCalculable(e) => {
                            text!("The ", who, "'s height cannot be used: ", &e.message())
                        }
                    };
                    ErrorDetail::new(vec![Loc::Key("body".into()), Loc::Key(key.into())], msg, "value_error")
                })
                .collect(),
        })
}

/// The values the API accepts for a fictional-child body's own `reference` field.
const FICTIONAL_REFERENCES: [&str; 4] = ["uk-who", "trisomy-21", "turners-syndrome", "cdc"];

/// The longest fictional series generated, so a request cannot stall the caller.
pub(crate) const MAX_FICTIONAL_OBSERVATIONS: u32 = 100_000;

/// What [`fictional_child_observations`] reads.
pub(crate) const FICTIONAL_REQUEST: Shape = Shape::Object(&[&[
    ("measurement_method", Shape::Any),
    ("sex", Shape::Any),
    ("start_chronological_age", Shape::Any),
    ("end_age", Shape::Any),
    ("gestation_weeks", Shape::Any),
    ("gestation_days", Shape::Any),
    ("measurement_interval_type", Shape::Any),
    ("measurement_interval_number", Shape::Any),
    ("start_sds", Shape::Any),
    ("drift", Shape::Any),
    ("drift_range", Shape::Any),
    ("noise", Shape::Any),
    ("noise_range", Shape::Any),
    ("seed", Shape::Any),
    ("reference", Shape::Any),
]]);

/// `POST /{reference}/fictional-child-data`: `{measurement_method, sex, start_chronological_age, end_age,
/// gestation_weeks, gestation_days, measurement_interval_type, measurement_interval_number, start_sds, drift,
/// drift_range, noise, noise_range}` (the API's defaults), plus `seed` for reproducible noise.
///
/// # Errors
/// A 422 for an unknown reference, invalid fields, a Turner request other than girls' height, a `start_sds`
/// beyond the plausible (±8, ±15 for BMI), or an age range that makes no (or too many) observations.
pub fn fictional_child_observations(
    reference_name: &str,
    request: &Value,
) -> Result<(Birth, Vec<Observation>), ValidationError> {
    let reference = reference(reference_name)?;
    let mut fields = Fields::new(request, &FICTIONAL_REQUEST, body());
    let method = fields.method();
    let sex = fields.sex();
    let start_age = fields
        .optional_float("start_chronological_age")
        .unwrap_or(0.0);
    let end_age = fields.optional_float("end_age").unwrap_or(20.0);
    let weeks = fields.int_in("gestation_weeks", GESTATION_WEEKS);
    let days = fields.int_in("gestation_days", GESTATION_DAYS);
    let unit = match fields.raw("measurement_interval_type") {
        None => Some(IntervalUnit::Months),
        Some(_) => fields.choice(
            "measurement_interval_type",
            true,
            &IntervalUnit::NAMES,
            IntervalUnit::parse,
        ),
    };
    let interval = fields.int_in(
        "measurement_interval_number",
        Whole {
            default: 20,
            lo: 1,
            hi: 100_000,
        },
    );
    let start_sds = fields.optional_float("start_sds").unwrap_or(0.0);
    let drift = fields.boolean("drift", false);
    let drift_range = fields.optional_float("drift_range").unwrap_or(-0.05);
    let noise = fields.boolean("noise", false);
    let noise_range = fields.optional_float("noise_range").unwrap_or(0.005);
    let seed = fields.int_in(
        "seed",
        Whole {
            default: 1,
            lo: 1,
            hi: i32::MAX,
        },
    );
    // The API validates the body's `reference` (and uses the route's); a body naming the route's own reference
    // (WHO included, which the API's list lacks) is accepted too.
    if fields.raw("reference").is_some() {
        fields.choice("reference", true, &FICTIONAL_REFERENCES, |name| {
            (FICTIONAL_REFERENCES.contains(&name) || Reference::parse(name) == Some(reference))
                .then_some(())
        });
    }
    turner_girls_height(&mut fields, reference, sex, method);
    // Whole numbers, printed without the float formatting the .wasm leaves out (decimal::shortest_decimal).
    within_sds_limit(&mut fields, "start_sds", Some(start_sds), method);
    within_sds_limit(&mut fields, "drift_range", Some(drift_range), method);
    within_sds_limit(&mut fields, "noise_range", Some(noise_range), method);
    let (method, sex, weeks, days, interval, interval_unit, seed) =
        fields.finish_with((method, sex, weeks, days, interval, unit, seed))?;
    let child = FictionalChild {
        method,
        sex,
        start_age,
        end_age,
        gestation: Gestation { weeks, days },
        interval: f64::from(interval),
        interval_unit,
        start_sds,
        drift: (drift == Some(true)).then_some(drift_range),
        noise: (noise == Some(true)).then_some(noise_range),
        seed: seed as u64,
    };
    let interval_years = child.interval_unit.years(child.interval);
    if (end_age - start_age) / interval_years > f64::from(MAX_FICTIONAL_OBSERVATIONS) {
        let msg = text!(
            "That would make more than ",
            MAX_FICTIONAL_OBSERVATIONS,
            " observations: widen the interval"
        );
        return Err(ValidationError::field(
            "measurement_interval_number",
            msg,
            "value_error",
        ));
    }
    let series = fictional::observations(reference, &child).map_err(|e| {
        let key = match e {
            FictionalError::EndNotAfterStart => "end_age",
            _ => "measurement_interval_number",
        };
        ValidationError::field(key, e.message(), "value_error")
    })?;
    let birth = Birth {
        birth_date: fictional::birth_date(),
        gestation: child.gestation,
        sex: child.sex,
        method: child.method,
    };
    let observations = series
        .into_iter()
        .map(|(observation_date, observation_value)| Observation {
            observation_date,
            observation_value,
            bone_age: Default::default(),
        })
        .collect();
    Ok((birth, observations))
}

/// The fictional child's measurement objects, flagged ones included as rcpchgrowth gives them; an observation
/// `calculate` refuses (an SDS that is not finite) is left out.
///
/// # Errors
/// As [`fictional_child_observations`], and when `calculate` refuses every observation (the first reason is
/// given, as in the package's JavaScript).
pub fn fictional_child_data(
    reference_name: &str,
    request: &Value,
) -> Result<Vec<MeasurementResponse>, ValidationError> {
    let (birth, observations) = fictional_child_observations(reference_name, request)?;
    let reference = reference(reference_name)?;
    let mut first_error = None;
    let objects: Vec<_> = observations
        .iter()
        .filter_map(|o| {
            calculate(reference, &birth, o)
                .map(|object| MeasurementResponse {
                    object,
                    events_text: None,
                })
                .map_err(|e| first_error.get_or_insert(e))
                .ok()
        })
        .collect();
    match first_error {
        Some(e) if objects.is_empty() => Err(no_fictional_observation(&e.into())),
        _ => Ok(objects),
    }
}

/// The 422 when the reference rejects every fictional observation: the first observation's reason.
pub(crate) fn no_fictional_observation(first: &ValidationError) -> ValidationError {
    let reason = first.detail.first().map_or("", |d| d.msg.as_str());
    let msg = text!(
        "The reference rejects every observation of this series: ",
        reason
    );
    ValidationError::body(msg, "value_error")
}

/// What [`velocity`] and [`acceleration`] read of their measurement objects.
pub(crate) const MEASUREMENTS: Shape = Shape::List(&Shape::Object(&[&[
    (
        "child_observation_value",
        Shape::Object(&[&[
            ("measurement_method", Shape::Any),
            ("observation_value", Shape::Any),
        ]]),
    ),
    (
        "measurement_dates",
        Shape::Object(&[&[("chronological_decimal_age", Shape::Any)]]),
    ),
]]));

/// The (chronological decimal age, value) of each measurement object of `method`, in order. Objects of another
/// method are skipped; any other object without a method, age and value is reported by its index.
fn series(method: Method, measurements: &Value) -> Result<Vec<(f64, f64)>, ValidationError> {
    let Value::Array(items) = measurements else {
        let msg = "Input should be a list of measurement objects";
        return Err(ValidationError::field("measurements", msg, "list_type"));
    };
    let mut errors = Vec::new();
    let mut points = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut at = body();
        at.extend([Loc::Key("measurements".into()), Loc::Index(i)]);
        let mut fields = Fields::new(item, MEASUREMENTS.item(), at);
        if let Some(mut child) = fields.object("child_observation_value") {
            let same = child.method() == Some(method);
            let value = same.then(|| child.positive("observation_value")).flatten();
            fields.absorb(child);
            if same {
                if let Some(mut dates) = fields.object("measurement_dates") {
                    let age = dates.float("chronological_decimal_age");
                    fields.absorb(dates);
                    points.extend(age.zip(value));
                }
            }
        }
        errors.extend(fields.errors);
    }
    if errors.is_empty() {
        Ok(points)
    } else {
        Err(ValidationError { detail: errors })
    }
}

fn dynamics(
    method_name: &str,
    measurements: &Value,
    needed: usize,
    f: fn(&[(f64, f64)]) -> Option<f64>,
) -> Result<f64, ValidationError> {
    let method = Method::parse(method_name).ok_or_else(|| {
        let msg = "Input should be 'height', 'weight', 'ofc' or 'bmi'";
        ValidationError::field("measurement_method", msg, "literal_error")
    })?;
    let points = series(method, measurements)?;
    f(&points).ok_or_else(|| {
        let msg = text!(
            "Needs at least ",
            needed,
            " ",
            method_name,
            " measurements at different ages (got ",
            points.len(),
            ")"
        );
        ValidationError::field("measurements", msg, "value_error")
    })
}

/// Velocity (units per year) of `measurement_method` over the last two of `measurements` (dGC measurement
/// objects) of that method.
///
/// # Errors
/// A 422 with fewer than two such measurements, or none apart in age.
pub fn velocity(method_name: &str, measurements: &Value) -> Result<f64, ValidationError> {
    dynamics(
        method_name,
        measurements,
        2,
        crate::engine::velocity::velocity,
    )
}

/// Acceleration (units per year per year) over the last three of `measurements` of `measurement_method`.
///
/// # Errors
/// A 422 with fewer than three such measurements, or none apart in age.
pub fn acceleration(method_name: &str, measurements: &Value) -> Result<f64, ValidationError> {
    dynamics(
        method_name,
        measurements,
        3,
        crate::engine::velocity::acceleration,
    )
}

/// What [`thrive_line`] reads.
pub(crate) const THRIVE_REQUEST: Shape = Shape::Object(&[&[
    ("sex", Shape::Any),
    ("start_sds", Shape::Any),
    ("months", Shape::Any),
    ("target_centile", Shape::Any),
]]);

/// A thrive line (experimental): `{sex, start_sds, months: [ages in months, 0–12], target_centile}` (target
/// default 5th); UK-WHO weight.
///
/// # Errors
/// A 422 for invalid fields, ages outside 0–12 months, or a target centile outside (0, 100).
pub fn thrive_line(request: &Value) -> Result<ThriveLine, ValidationError> {
    let mut fields = Fields::new(request, &THRIVE_REQUEST, body());
    let sex = fields.sex();
    let start_sds = fields.float("start_sds");
    within_sds_limit(&mut fields, "start_sds", start_sds, Some(Method::Weight));
    let months = match fields.raw("months") {
        Some(Value::Array(items)) if !items.is_empty() => fields.numbers("months", items),
        _ => {
            let msg = "A non-empty list of ages in months (0–12) is required";
            fields.fail("months", "value_error", msg);
            None
        }
    };
    let target = fields.optional_float("target_centile").unwrap_or(5.0);
    if !(target > 0.0 && target < 100.0) {
        let msg = "A centile must lie strictly between 0 and 100";
        fields.fail("target_centile", "value_error", msg);
    }
    let (sex, start_sds, months) = fields.finish_with((sex, start_sds, months))?;
    thrive::thrive_line(sex, start_sds, &months, target).ok_or_else(|| {
        let msg = "Thrive lines use UK-WHO weight correlations from birth to 12 months: every age must be 0–12 months";
        ValidationError::field("months", msg, "value_error")
    })
}

/// The `reference`, `measurement_method` and `sex` of an [`sds_for_measurements`] call.
///
/// # Errors
/// A 422 naming each field that is missing or not one of its values.
pub fn reference_method_sex(args: &Value) -> Result<(Reference, Method, Sex), ValidationError> {
    let mut a = Fields::new(args, &Shape::Any, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    a.finish_with((r, m, s))
}

/// SDS for many measurements of one reference, method and sex at once: each of `values` (paired with `ages`, of
/// the same length) is replaced by its SDS, `NaN` where it cannot be placed. This is the typed-array fast path; it
/// never fails.
pub fn sds_for_measurements(
    reference: Reference,
    method: Method,
    sex: Sex,
    ages: &[f64],
    values: &mut [f64],
) {
    sds::sds_for_measurements(reference, method, sex, ages, values);
}

//! The JavaScript-facing operations on plain values: dGC request bodies in, serialisable results or 422-shaped
//! errors out. The wasm binding only converts values; everything it exposes is here and testable natively.

use crate::ages::Gestation;
use crate::centile::{centile, sds_for_centile, CentileFormat};
use crate::chart::{chart, Chart, Lines};
use crate::fictional::{self, FictionalChild, IntervalUnit};
use crate::lms::decimal_text;
use crate::measurement::{calculate, Birth, MeasurementObject, MeasurementRequest, Observation};
use crate::mid_parental::{self, HeightProblem, MidParentalHeight, Parent};
use crate::request::{ErrorDetail, Fields, Loc, ValidationError, Value};
use crate::sds::{self, CalcError, SdsOrigin};
use crate::thrive::{self, ThriveLine};
use crate::{Method, Reference, Sex};
use serde::Serialize;

fn body() -> Vec<Loc> {
    vec![Loc::Key("body".into())]
}

/// Resolves a reference name (rcpchgrowth or API route name).
///
/// # Errors
/// A 422 naming the accepted values.
pub fn reference(name: &str) -> Result<Reference, ValidationError> {
    Reference::parse(name).ok_or_else(|| ValidationError {
        detail: vec![ErrorDetail {
            loc: vec![Loc::Key("path".into()), Loc::Key("reference".into())],
            msg: "Unknown reference: use uk-who, who, cdc, turners-syndrome (or turner), trisomy-21 or trisomy-21-aap"
                .into(),
            kind: "enum",
            input: Value::String(name.into()),
        }],
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
) -> Result<MeasurementObject, ValidationError> {
    let reference = reference(reference_name)?;
    let request = MeasurementRequest::from_value(request)?;
    calculate(reference, &request.birth, &request.observation)
}

/// One entry of a bulk response: a measurement object, or the reason that observation failed.
#[derive(Serialize)]
#[serde(untagged)]
pub enum BulkResult {
    /// The calculation succeeded.
    Measurement(Box<MeasurementObject>),
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
    let reference = reference(reference_name)?;
    let mut fields = Fields::new(request, body());
    let birth = Birth::read(&mut fields);
    let observations = match fields.raw("observations") {
        Some(Value::Array(items)) if !items.is_empty() => Some(items),
        other => {
            let input = other.cloned().unwrap_or_default();
            fields.fail(
                "observations",
                "value_error",
                "At least one observation is required.",
                input,
            );
            None
        }
    };
    fields.finish()?;
    let (birth, observations) = (birth.expect("validated"), observations.expect("validated"));
    let results = observations
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut at = body();
            at.extend([Loc::Key("observations".into()), Loc::Index(i)]);
            let mut fields = Fields::new(item, at);
            let observation = Observation::read(&mut fields);
            if let Some(o) = &observation {
                o.check_after(&birth, &mut fields, "observation_date");
            }
            let outcome = fields
                .finish()
                .and_then(|()| calculate(reference, &birth, &observation.expect("validated")));
            match outcome {
                Ok(m) => BulkResult::Measurement(Box::new(m)),
                Err(mut e) => BulkResult::Error(e.detail.remove(0)),
            }
        })
        .collect();
    Ok(BulkResponse { results })
}

fn calc_error(e: CalcError) -> ValidationError {
    ValidationError::body(e.to_string(), "value_error", "calculation")
}

/// The SDS of a measurement at a decimal age (`reference`, `measurement_method`, `sex`, `age`,
/// `observation_value`).
///
/// # Errors
/// A 422 for invalid arguments, no reference data at that age, or an SDS that is not finite.
pub fn sds_for_measurement(args: &Value) -> Result<f64, ValidationError> {
    let mut a = Fields::new(args, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    let age = a.float("age");
    let value = a.positive("observation_value");
    a.finish()?;
    sds::sds_for_measurement(
        r.expect("validated"),
        age.expect("validated"),
        m.expect("validated"),
        s.expect("validated"),
        value.expect("validated"),
    )
    .map_err(calc_error)
}

/// The measurement at an SDS and decimal age (`reference`, `measurement_method`, `sex`, `age`, `sds`), rounded
/// to 4 decimal places; `None` where no real measurement corresponds.
///
/// # Errors
/// A 422 for invalid arguments or no reference data at that age.
pub fn measurement_from_sds(args: &Value) -> Result<Option<f64>, ValidationError> {
    let mut a = Fields::new(args, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    let age = a.float("age");
    let z = a.float("sds");
    a.finish()?;
    sds::measurement_from_sds(
        r.expect("validated"),
        age.expect("validated"),
        m.expect("validated"),
        s.expect("validated"),
        z.expect("validated"),
        SdsOrigin::Plain,
        false,
    )
    .map_err(calc_error)
}

/// BMI as a percentage of the median (`reference`, `sex`, `age`, `bmi`).
///
/// # Errors
/// A 422 for invalid arguments or no BMI reference at that age.
pub fn percentage_median_bmi(args: &Value) -> Result<f64, ValidationError> {
    let mut a = Fields::new(args, body());
    let (r, s) = (a.reference(), a.sex());
    let age = a.float("age");
    let bmi = a.positive("bmi");
    a.finish()?;
    sds::percentage_median_bmi(
        r.expect("validated"),
        age.expect("validated"),
        s.expect("validated"),
        bmi.expect("validated"),
    )
    .map_err(calc_error)
}

fn single_number(name: &str, value: &Value) -> Result<f64, ValidationError> {
    let args = Value::Object(vec![(name.to_owned(), value.clone())]);
    let mut fields = Fields::new(&args, body());
    let n = fields.float(name);
    fields.finish()?;
    Ok(n.expect("validated"))
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
/// A 422 unless `centile` is a number strictly between 0 and 100.
pub fn sds_for_centile_value(value: &Value) -> Result<f64, ValidationError> {
    let c = single_number("centile", value)?;
    if c <= 0.0 || c >= 100.0 {
        return Err(ValidationError {
            detail: vec![ErrorDetail {
                loc: vec![Loc::Key("body".into()), Loc::Key("centile".into())],
                msg: "A centile must lie strictly between 0 and 100".into(),
                kind: "value_error",
                input: Value::Number(c),
            }],
        });
    }
    Ok(sds_for_centile(c))
}

/// BMI (kg/m²) from height (cm) and weight (kg).
///
/// # Errors
/// A 422 unless both are finite numbers greater than zero.
pub fn bmi_from_height_weight(
    height_cm: &Value,
    weight_kg: &Value,
) -> Result<f64, ValidationError> {
    let args = Value::Object(vec![
        ("height".into(), height_cm.clone()),
        ("weight".into(), weight_kg.clone()),
    ]);
    let mut fields = Fields::new(&args, body());
    let (h, w) = (fields.positive("height"), fields.positive("weight"));
    fields.finish()?;
    sds::bmi_from_height_weight(h.expect("validated"), w.expect("validated")).map_err(calc_error)
}

/// The most lines a custom chart request may ask for, as the API allows.
pub const MAX_CUSTOM_LINES: usize = 15;

/// `POST /{reference}/chart-coordinates`: `{sex, measurement_method, centile_format, is_sds}`.
///
/// `centile_format` is a format name (default `cole-nine-centiles`) or a list of 1–15 centiles (strictly
/// between 0 and 100) or, with `is_sds`, SDS values. Turner charts exist only for girls' height.
///
/// # Errors
/// A 422 for an unknown reference or an invalid request.
pub fn chart_coordinates(reference_name: &str, request: &Value) -> Result<Chart, ValidationError> {
    let reference = reference(reference_name)?;
    let mut fields = Fields::new(request, body());
    let sex = fields.sex();
    let method = fields.method();
    let is_sds = fields.boolean("is_sds", false);
    let lines = match fields.raw("centile_format") {
        None => Some(Lines::Format(CentileFormat::ColeNine)),
        Some(Value::String(_)) => {
            let names: Vec<&str> = CentileFormat::ALL.iter().map(|f| f.name()).collect();
            fields
                .choice("centile_format", true, &names, CentileFormat::parse)
                .map(Lines::Format)
        }
        Some(Value::Array(items)) if items.is_empty() || items.len() > MAX_CUSTOM_LINES => {
            let msg = format!("A custom list must have between 1 and {MAX_CUSTOM_LINES} values");
            fields.fail(
                "centile_format",
                "value_error",
                msg,
                Value::Array(items.clone()),
            );
            None
        }
        Some(Value::Array(items)) => fields.numbers("centile_format", items).and_then(|values| {
            if is_sds == Some(true) {
                return Some(Lines::Sds(values));
            }
            if values.iter().all(|&c| c > 0.0 && c < 100.0) {
                return Some(Lines::Centiles(values));
            }
            let msg = "Centiles must lie strictly between 0 and 100 (use is_sds for SDS lines)";
            fields.fail(
                "centile_format",
                "value_error",
                msg,
                Value::Array(items.clone()),
            );
            None
        }),
        Some(other) => {
            let msg = "Input should be a centile format name or a list of numbers";
            fields.fail("centile_format", "value_error", msg, other.clone());
            None
        }
    };
    if reference == Reference::TurnersSyndrome
        && (sex == Some(Sex::Male) || method.is_some_and(|m| m != Method::Height))
    {
        let msg = "The Turner syndrome reference has girls' height only";
        fields.fail(
            "measurement_method",
            "value_error",
            msg,
            Value::String(reference_name.into()),
        );
    }
    fields.finish()?;
    Ok(chart(
        reference,
        &lines.expect("validated"),
        method.expect("validated"),
        sex.expect("validated"),
    ))
}

/// `POST /utilities/mid-parental-height`: `{height_maternal, height_paternal, sex, reference}` (reference
/// `uk-who`, `cdc` or `who`; default `uk-who`). Parents are scored at the reference's adult age (19 for WHO).
///
/// # Errors
/// A 422 for invalid fields or a parent's height beyond ±8 SDS, one item per parent.
pub fn mid_parental_height(request: &Value) -> Result<MidParentalHeight, ValidationError> {
    let mut fields = Fields::new(request, body());
    let maternal = fields.positive("height_maternal");
    let paternal = fields.positive("height_paternal");
    let sex = fields.sex();
    let reference = match fields.raw("reference") {
        None => Some(Reference::UkWho),
        Some(_) => fields.choice("reference", true, &["uk-who", "cdc", "who"], |name| {
            Reference::parse(name)
                .filter(|r| matches!(r, Reference::UkWho | Reference::Cdc | Reference::Who))
        }),
    };
    fields.finish()?;
    let (maternal, paternal) = (maternal.expect("validated"), paternal.expect("validated"));
    mid_parental::mid_parental_height(reference.expect("validated"), maternal, paternal, sex.expect("validated"))
        .map_err(|problems| ValidationError {
            detail: problems
                .into_iter()
                .map(|(parent, problem)| {
                    let (key, who, cm) = match parent {
                        Parent::Maternal => ("height_maternal", "mother", maternal),
                        Parent::Paternal => ("height_paternal", "father", paternal),
                    };
                    let msg = match problem {
                        HeightProblem::Implausible(z) => format!(
                            "The {who}'s height of {} cm is {} SDS from the adult median, beyond ±8 SDS: please check it.",
                            decimal_text(cm, 2),
                            decimal_text(z, 1)
                        ),
                        HeightProblem::NotCalculable(e) => format!("The {who}'s height cannot be used: {e}"),
                    };
                    ErrorDetail {
                        loc: vec![Loc::Key("body".into()), Loc::Key(key.into())],
                        msg,
                        kind: "value_error",
                        input: Value::Number(cm),
                    }
                })
                .collect(),
        })
}

/// The longest fictional series generated, so a request cannot stall the caller.
pub const MAX_FICTIONAL_OBSERVATIONS: f64 = 100_000.0;

/// `POST /{reference}/fictional-child-data`: `{measurement_method, sex, start_chronological_age, end_age,
/// gestation_weeks, gestation_days, measurement_interval_type, measurement_interval_number, start_sds, drift,
/// drift_range, noise, noise_range}` (the API's defaults), plus `seed` for reproducible noise.
///
/// # Errors
/// A 422 for an unknown reference, invalid fields, or an age range that makes no (or too many) observations.
pub fn fictional_child_observations(
    reference_name: &str,
    request: &Value,
) -> Result<(Birth, Vec<Observation>), ValidationError> {
    let reference = reference(reference_name)?;
    let mut fields = Fields::new(request, body());
    let method = fields.method();
    let sex = fields.sex();
    let start_age = fields
        .optional_float("start_chronological_age")
        .unwrap_or(0.0);
    let end_age = fields.optional_float("end_age").unwrap_or(20.0);
    let weeks = fields.int_in("gestation_weeks", 40, 22, 44);
    let days = fields.int_in("gestation_days", 0, 0, 6);
    let unit = match fields.raw("measurement_interval_type") {
        None => Some(IntervalUnit::Months),
        Some(_) => fields.choice(
            "measurement_interval_type",
            true,
            &IntervalUnit::NAMES,
            IntervalUnit::parse,
        ),
    };
    let interval = fields.int_in("measurement_interval_number", 20, 1, 100_000);
    let start_sds = fields.optional_float("start_sds").unwrap_or(0.0);
    let drift = fields.boolean("drift", false);
    let drift_range = fields.optional_float("drift_range").unwrap_or(-0.05);
    let noise = fields.boolean("noise", false);
    let noise_range = fields.optional_float("noise_range").unwrap_or(0.005);
    let seed = fields.int_in("seed", 1, 1, i32::MAX);
    fields.finish()?;
    let child = FictionalChild {
        method: method.expect("validated"),
        sex: sex.expect("validated"),
        start_age,
        end_age,
        gestation: Gestation {
            weeks: weeks.expect("validated"),
            days: days.expect("validated"),
        },
        interval: f64::from(interval.expect("validated")),
        interval_unit: unit.expect("validated"),
        start_sds,
        drift: (drift == Some(true)).then_some(drift_range),
        noise: (noise == Some(true)).then_some(noise_range),
        seed: seed.expect("validated") as u64,
    };
    let interval_years = child.interval_unit.years(child.interval);
    if (end_age - start_age) / interval_years > MAX_FICTIONAL_OBSERVATIONS {
        let msg = format!("That would make more than {MAX_FICTIONAL_OBSERVATIONS} observations: widen the interval");
        return Err(ValidationError::body(
            msg,
            "value_error",
            "measurement_interval_number",
        ));
    }
    let series = fictional::observations(reference, &child)
        .map_err(|e| ValidationError::body(e.to_string(), "value_error", "fictional_child"))?;
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
            events_text: None,
        })
        .collect();
    Ok((birth, observations))
}

/// The fictional child's measurement objects; observations the reference would reject are left out.
///
/// # Errors
/// As [`fictional_child_observations`].
pub fn fictional_child_data(
    reference_name: &str,
    request: &Value,
) -> Result<Vec<MeasurementObject>, ValidationError> {
    let (birth, observations) = fictional_child_observations(reference_name, request)?;
    let reference = reference(reference_name)?;
    Ok(observations
        .iter()
        .filter_map(|o| calculate(reference, &birth, o).ok())
        .collect())
}

/// The (chronological decimal age, value) of each measurement object of `method`, in order.
fn series(method_name: &str, measurements: &Value) -> Result<Vec<(f64, f64)>, ValidationError> {
    let Value::Array(items) = measurements else {
        return Err(ValidationError::body(
            "measurements must be a list of measurement objects",
            "list_type",
            "measurements",
        ));
    };
    let field = |item: &Value, a: &str, b: &str| match item.get(a).and_then(|v| v.get(b)) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    };
    Ok(items
        .iter()
        .filter(|item| {
            item.get("child_observation_value")
                .and_then(|c| c.get("measurement_method"))
                == Some(&Value::String(method_name.into()))
        })
        .filter_map(|item| {
            let age = field(item, "measurement_dates", "chronological_decimal_age")?;
            Some((
                age,
                field(item, "child_observation_value", "observation_value")?,
            ))
        })
        .collect())
}

fn dynamics(
    method_name: &str,
    measurements: &Value,
    needed: usize,
    f: fn(&[(f64, f64)]) -> Option<f64>,
) -> Result<f64, ValidationError> {
    Method::parse(method_name).ok_or_else(|| {
        ValidationError::body(
            "measurement_method must be height, weight, ofc or bmi",
            "literal_error",
            "measurement_method",
        )
    })?;
    let points = series(method_name, measurements)?;
    f(&points).ok_or_else(|| {
        let msg = format!(
            "Needs at least {needed} {method_name} measurements at different ages (got {})",
            points.len()
        );
        ValidationError::body(msg, "value_error", "measurements")
    })
}

/// Velocity (units per year) of `measurement_method` over the last two of `measurements` (dGC measurement
/// objects) of that method.
///
/// # Errors
/// A 422 with fewer than two such measurements, or none apart in age.
pub fn velocity(method_name: &str, measurements: &Value) -> Result<f64, ValidationError> {
    dynamics(method_name, measurements, 2, crate::velocity::velocity)
}

/// Acceleration (units per year per year) over the last three of `measurements` of `measurement_method`.
///
/// # Errors
/// A 422 with fewer than three such measurements, or none apart in age.
pub fn acceleration(method_name: &str, measurements: &Value) -> Result<f64, ValidationError> {
    dynamics(method_name, measurements, 3, crate::velocity::acceleration)
}

/// A thrive line (experimental): `{sex, start_sds, months: [ages in months, 0–12], target_centile}` (target
/// default 5th); UK-WHO weight.
///
/// # Errors
/// A 422 for invalid fields, ages outside 0–12 months, or a target centile outside (0, 100).
pub fn thrive_line(request: &Value) -> Result<ThriveLine, ValidationError> {
    let mut fields = Fields::new(request, body());
    let sex = fields.sex();
    let start_sds = fields.float("start_sds");
    let months = match fields.raw("months") {
        Some(Value::Array(items)) if !items.is_empty() => fields.numbers("months", items),
        other => {
            let input = other.cloned().unwrap_or_default();
            fields.fail(
                "months",
                "value_error",
                "A non-empty list of ages in months (0–12) is required",
                input,
            );
            None
        }
    };
    let target = fields.optional_float("target_centile").unwrap_or(5.0);
    if !(target > 0.0 && target < 100.0) {
        fields.fail(
            "target_centile",
            "value_error",
            "A centile must lie strictly between 0 and 100",
            Value::Number(target),
        );
    }
    fields.finish()?;
    let months = months.expect("validated");
    thrive::thrive_line(sex.expect("validated"), start_sds.expect("validated"), &months, target).ok_or_else(|| {
        let msg = "Thrive lines use UK-WHO weight correlations from birth to 12 months: every age must be 0–12 months";
        ValidationError::body(msg, "value_error", "months")
    })
}

/// The `reference`, `measurement_method` and `sex` of an [`sds_for_measurements`] call.
///
/// # Errors
/// A 422 naming each field that is missing or not one of its values.
pub fn reference_method_sex(args: &Value) -> Result<(Reference, Method, Sex), ValidationError> {
    let mut a = Fields::new(args, body());
    let (r, m, s) = (a.reference(), a.method(), a.sex());
    a.finish()?;
    Ok((
        r.expect("validated"),
        m.expect("validated"),
        s.expect("validated"),
    ))
}

/// SDS for many measurements of one reference, method and sex at once: `NaN` where a value cannot be placed.
/// This is the typed-array fast path; it never fails.
pub fn sds_for_measurements(
    reference: Reference,
    method: Method,
    sex: Sex,
    ages: &[f64],
    values: &[f64],
    out: &mut [f64],
) {
    for ((o, &age), &value) in out.iter_mut().zip(ages).zip(values) {
        *o = sds::sds_for_measurement(reference, age, method, sex, value).unwrap_or(f64::NAN);
    }
}

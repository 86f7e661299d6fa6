//! The measurements beyond the dGC API in its `calculation` and `bulk-calculation`: the same request body (plus
//! `length` or `height` for weight-for-length/height) and the same measurement object, with a `beyond_dgc` block.
//!
//! - `arm_circumference` (cm), `triceps_skinfold` and `subscapular_skinfold` (mm): the `who` reference, 3 months to
//!   5 years, at age in completed days as WHO Anthro reads them.
//! - `weight_for_length` (weight in kg, `length` in cm, measured lying) and `weight_for_height` (`height` in cm,
//!   measured standing): `who` (0–5 years; WHO's table by age with the 0.7 cm adjustment) or `cdc`
//!   (weight-for-length 45–103.5 cm, weight-for-stature 77–121.5 cm).
//! - The `iotf` reference, `bmi`: the IOTF z-score, adult-equivalent BMI and category, 2–18 years.
//!
//! The corrected results use the corrected age by the reference's rule, as every other WHO or CDC result does;
//! `beyond_dgc` is read at the chronological age, as WHO Anthro reads ages.

use super::error::{Loc, ValidationError};
use super::fields::Fields;
use super::measurement_request::{EventsText, CALCULATION, LENGTH_FIELDS};
use super::value::Value;
use crate::engine::centiles::centile;
use crate::engine::chart::{Line, Lines};
use crate::engine::measurement::{self, AgeResult, Birth, MeasurementObject, Observation, Scores};
use crate::engine::nutrition::chart;
use crate::engine::nutrition::indicator::{self, BeyondMethod, Indicator, IOTF};
use crate::engine::nutrition::Fault;
use crate::engine::references::NoData;
use crate::engine::sds::CalcError;
use crate::{Method, Reference, Sex};

fn body() -> Vec<Loc> {
    vec![Loc::Key("body".into())]
}

/// Whether the measurements beyond the dGC API are built in: always natively; in WebAssembly only with the
/// `nutrition` feature (the package's `centile/nutrition` entry), so the default entries stay small.
pub(crate) const BUILT_IN: bool = cfg!(any(not(target_arch = "wasm32"), feature = "nutrition"));

/// Whether `reference_name` and `body` ask for a measurement beyond the dGC API.
///
/// # Errors
/// Where they are not [`BUILT_IN`], a 422 at the field that asked for them naming the package entry that has them.
pub(crate) fn is_beyond(reference_name: &str, body: &Value) -> Result<bool, ValidationError> {
    let method = match body.get("measurement_method") {
        Some(Value::String(m)) => BeyondMethod::parse(m),
        _ => None,
    };
    let beyond = reference_name == IOTF || method.is_some();
    if BUILT_IN {
        return Ok(beyond);
    }
    // (Never true here, so the code beyond the dGC API stays out of this build.)
    if !beyond && !matches!(body.get("implausible_value_flags"), Some(Value::Bool(true))) {
        return Ok(false);
    }
    Err(not_built_in(match method {
        _ if reference_name == IOTF => ["path", "reference"],
        Some(_) => ["body", "measurement_method"],
        None => ["body", "implausible_value_flags"],
    }))
}

/// The 422 at `field` of a request beyond the dGC API where it is not [`BUILT_IN`].
#[cold]
#[inline(never)]
fn not_built_in(field: [&str; 2]) -> ValidationError {
    ValidationError::at(
        field.map(|k| Loc::Key(k.into())).to_vec(),
        NOT_BUILT_IN,
        "value_error",
    )
}

/// The message of a request beyond the dGC API where it is not [`BUILT_IN`] (one text: the least code).
const NOT_BUILT_IN: &str =
    "This is beyond the dGC API and not in this build: the package's centile/nutrition entry has it";

/// Reads the birth fields of a request beyond the dGC API, resolving the reference and method together.
pub(crate) fn read_birth(reference_name: &str, fields: &mut Fields) -> Option<(Birth, Indicator)> {
    if !BUILT_IN {
        return None;
    }
    let mut indicator = None;
    let birth = Birth::read_with(fields, |f| {
        indicator = resolve(reference_name, f);
        indicator.map(Indicator::dgc_slot)
    });
    Some((birth?, indicator?))
}

/// The indicator of `reference_name` and the request's `measurement_method`, or a 422 (recorded in `f`) naming
/// the references that have the method.
pub(crate) fn resolve(reference_name: &str, f: &mut Fields) -> Option<Indicator> {
    let name = f.string("measurement_method", true)?;
    if reference_name == IOTF {
        if name == Method::Bmi.name() {
            return Some(Indicator::Iotf);
        }
        let msg = "measurement_method: the iotf reference (beyond the dGC API) has bmi only";
        f.fail("measurement_method", "value_error", msg);
        return None;
    }
    let method = BeyondMethod::parse(name)?;
    let indicator = Indicator::of(Reference::parse(reference_name)?, method);
    if indicator.is_none() {
        let names: Vec<&str> = method.references().iter().map(|r| r.name()).collect();
        let msg = format!(
            "measurement_method {} is beyond the dGC API and only in the {} reference{}",
            method.name(),
            names.join(" and "),
            if names.len() > 1 { "s" } else { "" }
        );
        f.fail("measurement_method", "value_error", msg);
    }
    indicator
}

/// A chart beyond the dGC API (`api::nutrition_chart_coordinates`; its JSON in `chart_response`): one table's
/// lines for one sex.
#[derive(Clone, Debug, PartialEq)]
pub struct BeyondChart {
    /// The table's key (`who_2006_weight_for_length`, ...).
    pub table: &'static str,
    /// The sex drawn.
    pub sex: Sex,
    /// The method's name.
    pub method: &'static str,
    /// The lines, in the order requested.
    pub lines: Vec<Line>,
}

/// The chart of `indicator` for `sex`.
pub(crate) fn chart(indicator: Indicator, sex: Sex, lines: &Lines) -> BeyondChart {
    let table = indicator::chart_of(indicator);
    BeyondChart {
        table: indicator::table_key(table),
        sex,
        method: indicator.method_name(),
        lines: chart::lines(table, sex, lines),
    }
}

/// Reads the length or height of a weight-for-length/height observation, refusing the other one, and either on
/// the other methods beyond the dGC API.
pub(crate) fn read_length(indicator: Indicator, fields: &mut Fields) -> Option<Option<f64>> {
    if !BUILT_IN {
        return None;
    }
    let method = indicator.method();
    let wanted = method.and_then(BeyondMethod::length_field);
    for (key, _) in LENGTH_FIELDS {
        if wanted.is_none_or(|(k, _)| k != *key) && fields.raw(key).is_some() {
            let msg = match (method, wanted) {
                (Some(m), Some((k, _))) => {
                    format!("{key} does not belong to {}: it takes {k}", m.name())
                }
                _ => format!(
                    "{key} belongs to weight_for_length (length) or weight_for_height (height) only"
                ),
            };
            fields.fail(key, "extra_forbidden", msg);
        }
    }
    match wanted {
        Some((key, _)) => fields.positive(key).map(Some),
        None => Some(None),
    }
}

/// The 422 of a measurement beyond the dGC API that has no score: under its length or height field, or under
/// `observation_date` for an age outside its range.
fn fault_error(fault: Fault, indicator: Indicator) -> ValidationError {
    let key = match fault {
        Fault::LengthOutside { .. } => indicator
            .method()
            .and_then(BeyondMethod::length_field)
            .map_or("length", |(k, _)| k),
        Fault::AgeOutside { .. } => "observation_date",
    };
    ValidationError::field(key, fault.to_string(), "value_error")
}

/// The results at one age. Where only the other age has a score, this one is outside the indicator's ages (the
/// corrected age below them, the chronological above) or, for weight-for-length/height, between WHO's length and
/// height tables.
fn result1(indicator: Indicator, z: Result<f64, Fault>, chronological: bool) -> AgeResult {
    let slot = indicator.dgc_slot();
    let reference = indicator.age_reference();
    let z = z.map_err(|fault| match fault {
        Fault::AgeOutside { from, .. } if !chronological => CalcError::NoData(NoData::TooYoung {
            reference,
            starts: from,
        }),
        Fault::AgeOutside { to, .. } => CalcError::NoData(NoData::TooOld {
            reference,
            ends: to,
        }),
        Fault::LengthOutside { .. } => CalcError::BetweenTables,
    });
    let mut r = measurement::result_for(reference, slot, z, None);
    if slot == Method::Ofc {
        // The band sentences name a dGC measurement: none fits arm circumference or skinfolds.
        r.band = None;
    }
    r.centile = r.sds.map(centile);
    r
}

/// `calculation` for a measurement beyond the dGC API (see `is_beyond`), its reference name already checked: the
/// measurement object (with the implausible-value flags' scores when `with_flags`) and the observation's event
/// notes.
///
/// # Errors
/// The dGC API's 422s, and: a method paired with a reference that lacks it (naming the references that have it),
/// a length or height outside the table (naming its range), an age outside the indicator's.
pub fn calculation(
    reference_name: &str,
    request: &Value,
    with_flags: bool,
) -> Result<(MeasurementObject, EventsText), ValidationError> {
    let mut fields = Fields::new(request, &CALCULATION, body());
    let read = read_birth(reference_name, &mut fields);
    let observation = Observation::read(&mut fields);
    let cm = read
        .as_ref()
        .and_then(|&(_, i)| read_length(i, &mut fields));
    if let (Some((b, _)), Some((o, _))) = (&read, &observation) {
        o.check_after(b, &mut fields, "birth_date");
    }
    let ((birth, indicator), (observation, events_text), cm) =
        fields.finish_with((read, observation, cm))?;
    Ok((
        measure(indicator, &birth, &observation, cm, with_flags)?,
        events_text,
    ))
}

/// One observation beyond the dGC API, its request read: the measurement object, with the flags' scores when
/// `with_flags`.
///
/// # Errors
/// As [`calculation`] once the request is read.
pub(crate) fn measure(
    indicator: Indicator,
    birth: &Birth,
    observation: &Observation,
    cm: Option<f64>,
    with_flags: bool,
) -> Result<MeasurementObject, ValidationError> {
    if !BUILT_IN {
        return Err(ValidationError::field(
            "measurement_method",
            "Measurements beyond the dGC API are not in this build",
            "value_error",
        ));
    }
    let (chronological_age, corrected_age) =
        measurement::decimal_ages(indicator.age_reference(), birth, observation)?;
    let value = observation.observation_value;
    let at = |age| indicator::score(indicator, birth.sex, age, value, cm).map(|s| s.0);
    let chronological = at(chronological_age);
    let corrected = if corrected_age == chronological_age {
        chronological
    } else {
        at(corrected_age)
    };
    if let (Err(e), Err(_)) = (chronological, corrected) {
        return Err(fault_error(e, indicator));
    }
    let scores = Scores {
        chronological_decimal_age: chronological_age,
        corrected_decimal_age: corrected_age,
        corrected: result1(indicator, corrected, false),
        chronological: result1(indicator, chronological, true),
        observation_error: None,
    };
    let mut object =
        measurement::measurement_object(indicator.age_reference(), birth, observation, scores)?;
    object.beyond = Some(Box::new(indicator::assess(
        indicator,
        birth.sex,
        chronological_age,
        value,
        cm,
        with_flags,
    )));
    Ok(object)
}

//! SDS for a measurement, the measurement for an SDS, and BMI as a percentage of the median, for any reference.

use crate::engine::lms::{self, Interpolation, Lms, OutsideTable, Rule};
use crate::engine::normal;
use crate::engine::references::{lookup_age, select, AtJoin, NoData};
use crate::engine::rounding;
use crate::{Method, Reference, Sex};

/// Why a value could not be calculated.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum CalcError {
    /// The reference has no data for this age, measurement or sex.
    NoData(NoData),
    /// The age falls between the tables of a reference (only non-whole-day ages just either side of 2 years).
    BetweenTables,
    /// The observation is zero, negative or not a number.
    NotPositive,
    /// The result is not a finite number (e.g. a CDC BMI so high its centile rounds to 100).
    NotFinite,
}

impl std::error::Error for CalcError {}

impl From<NoData> for CalcError {
    fn from(reason: NoData) -> Self {
        CalcError::NoData(reason)
    }
}

impl From<OutsideTable> for CalcError {
    fn from(_: OutsideTable) -> Self {
        CalcError::BetweenTables
    }
}

/// `x` if it is a finite number greater than zero (a measurement).
fn positive(x: f64) -> Result<f64, CalcError> {
    if x > 0.0 && x.is_finite() {
        Ok(x)
    } else {
        Err(CalcError::NotPositive)
    }
}

fn finite(x: f64) -> Result<f64, CalcError> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(CalcError::NotFinite)
    }
}

fn lms_for(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    at_join: AtJoin,
    rule: Rule,
) -> Result<Lms, CalcError> {
    let table = select(reference, age, method, sex, at_join)?;
    Ok(lms::lms_at(table, lookup_age(reference, age, table), rule)?)
}

/// The CDC extended-BMI sigma of a row. Every CDC BMI row carries one (tests/reference_data.rs); were one missing,
/// the result would be NaN, which callers report as not finite, rather than a panic.
fn extended_sigma(lms: &Lms) -> f64 {
    lms.sigma.unwrap_or(f64::NAN)
}

/// The CDC BMI 95th centile, where the extended method takes over.
fn cdc_p95(lms: &Lms) -> f64 {
    lms.m * (1.0 + lms.l * lms.s * 1.645).powf(1.0 / lms.l)
}

/// The SDS of a measurement at a decimal (corrected) age.
///
/// WHO parameters are interpolated linearly, and WHO weight (all ages), BMI (all ages) and every measurement
/// under 5 years use WHO's restricted method beyond ±3 SD. CDC BMI above the 95th centile uses the 2022 extended
/// method (a half-normal with the table's sigma).
///
/// # Errors
/// [`CalcError::NotPositive`] for a value that is not > 0; otherwise when the reference has no data there, or the
/// SDS is infinite.
pub fn sds_for_measurement(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    value: f64,
) -> Result<f64, CalcError> {
    positive(value)?;
    let lms = lms_for(
        reference,
        age,
        method,
        sex,
        AtJoin::OlderTable,
        if reference == Reference::Who {
            Rule::Linear
        } else {
            Rule::Fast
        },
    )?;
    let Lms { l, m, s, .. } = lms;
    if reference == Reference::Cdc && method == Method::Bmi {
        let p95 = cdc_p95(&lms);
        if value > p95 {
            let sigma = extended_sigma(&lms);
            let centile = normal::cdf((value - p95) / sigma) * 10.0 + 90.0;
            return finite(normal::ppf(centile / 100.0));
        }
    }
    let z = lms::z_score(l, m, s, value);
    if reference == Reference::Who && (age < 5.0 || matches!(method, Method::Bmi | Method::Weight))
    {
        let at = |k: f64| m * (1.0 + l * s * k).powf(1.0 / l);
        if z > 3.0 {
            let (sd3, sd2) = (at(3.0), at(2.0));
            return finite(3.0 + ((value - sd3) / (sd3 - sd2)));
        }
        if z < -3.0 {
            let (sd3, sd2) = (at(-3.0), at(-2.0));
            return finite(-3.0 + ((value - sd3) / (sd2 - sd3)));
        }
    }
    finite(z)
}

/// How rcpchgrowth rounds a measurement from an SDS to 4 decimal places: by Python's rule when the SDS was a plain
/// float, by NumPy's when it was a NumPy value (chart lines from `norm.ppf`); the two can differ by 0.0001 on a tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundingRule {
    /// Python's `round`, for a plain number from the caller.
    Python,
    /// NumPy's `round`, as `create_chart` uses for centile lines.
    NumPy,
}

impl RoundingRule {
    /// Rounds `x` to `digits` decimal places by this rule.
    pub fn round(self, x: f64, digits: i32) -> f64 {
        match self {
            RoundingRule::NumPy => rounding::round_numpy(x, digits),
            RoundingRule::Python => rounding::round_python(x, digits),
        }
    }
}

/// The measurement at an SDS and decimal age, rounded to 4 decimal places, or `None` where no real value exists
/// (`1 + L·S·z < 0`). `at_join` decides an age exactly where two tables meet (chart lines read the younger).
///
/// CDC BMI above z = 1.645 is inverted through the extended method; WHO values are *not* adjusted beyond ±3 SD
/// (matching WHO's published centile tables) and are interpolated cubically in this direction.
///
/// # Errors
/// When the reference has no data there, the SDS is not finite, or the result is not finite.
pub fn measurement_from_sds(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    sds: f64,
    origin: RoundingRule,
    at_join: AtJoin,
) -> Result<Option<f64>, CalcError> {
    measurement_and_kind(reference, age, method, sex, sds, origin, at_join).map(|(value, _)| value)
}

/// As [`measurement_from_sds`], also telling how rcpchgrowth carries the result (a NumPy value wherever NumPy
/// touched it), which decides how it is rounded again later.
///
/// # Errors
/// As [`measurement_from_sds`].
pub(crate) fn measurement_and_kind(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    sds: f64,
    origin: RoundingRule,
    at_join: AtJoin,
) -> Result<(Option<f64>, RoundingRule), CalcError> {
    finite(sds)?;
    let lms = lms_for(reference, age, method, sex, at_join, Rule::Exact)?;
    let Lms { l, m, s, .. } = lms;
    let mut numpy = origin == RoundingRule::NumPy || lms.interpolation == Interpolation::Linear;
    let value = if reference == Reference::Cdc && method == Method::Bmi {
        let sigma = extended_sigma(&lms);
        if sds <= 1.645 {
            Some(m * (1.0 + l * s * sds).powf(1.0 / l))
        } else {
            numpy = true;
            let centile = normal::cdf(sds) * 100.0;
            Some(normal::ppf((centile - 90.0) / 10.0) * sigma + cdc_p95(&lms))
        }
    } else {
        lms::measurement_for_z(sds, l, m, s)
    };
    let kind = if numpy {
        RoundingRule::NumPy
    } else {
        RoundingRule::Python
    };
    let value = value
        .map(|v| finite(v).map(|v| kind.round(v, 4)))
        .transpose()?;
    Ok((value, kind))
}

/// BMI as a percentage of the median BMI for age and sex (`bmi / M · 100`), unrounded.
///
/// # Errors
/// When the reference has no BMI data at this age, the BMI is not > 0, or the percentage is not finite.
pub fn percentage_median_bmi(
    reference: Reference,
    age: f64,
    sex: Sex,
    bmi: f64,
) -> Result<f64, CalcError> {
    positive(bmi)?;
    let lms = lms_for(
        reference,
        age,
        Method::Bmi,
        sex,
        AtJoin::OlderTable,
        Rule::Exact,
    )?;
    finite((bmi / lms.m) * 100.0)
}

/// BMI from height (cm) and weight (kg).
///
/// # Errors
/// [`CalcError::NotPositive`] unless both are finite and > 0; [`CalcError::NotFinite`] if the BMI is not.
pub fn bmi_from_height_weight(height_cm: f64, weight_kg: f64) -> Result<f64, CalcError> {
    let bmi = finite(positive(weight_kg)? / (positive(height_cm)? / 100.0).powi(2))?;
    // Positive numbers so far apart that the quotient underflows have no BMI either.
    if bmi > 0.0 {
        Ok(bmi)
    } else {
        Err(CalcError::NotFinite)
    }
}

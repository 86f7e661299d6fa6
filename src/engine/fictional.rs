//! Fictional child data: a series of observations that follow an SDS (optionally drifting, optionally noisy),
//! as rcpchgrowth's `generate_fictional_child_data` makes them for the dGC `/fictional-child-data` endpoint.

use crate::engine::ages::{Date, Gestation};
use crate::engine::references::AtJoin;
use crate::engine::rounding::{integer, round_python};
use crate::engine::sds::{measurement_and_kind, RoundingRule};
use crate::{Method, Reference, Sex};

/// The unit of the measurement interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntervalUnit {
    /// Days (365.25 to the year).
    Days,
    /// Weeks (52 to the year, as rcpchgrowth counts them).
    Weeks,
    /// Months (12 to the year).
    Months,
    /// Years.
    Years,
}

impl IntervalUnit {
    /// The names the API accepts.
    pub const NAMES: [&'static str; 12] = [
        "d", "day", "days", "w", "week", "weeks", "m", "month", "months", "y", "year", "years",
    ];

    /// Parses one of [`IntervalUnit::NAMES`].
    pub fn parse(name: &str) -> Option<IntervalUnit> {
        Some(match name {
            "d" | "day" | "days" => IntervalUnit::Days,
            "w" | "week" | "weeks" => IntervalUnit::Weeks,
            "m" | "month" | "months" => IntervalUnit::Months,
            "y" | "year" | "years" => IntervalUnit::Years,
            _ => return None,
        })
    }

    /// `n` of this unit in years.
    pub fn years(self, n: f64) -> f64 {
        match self {
            IntervalUnit::Days => n / 365.25,
            IntervalUnit::Weeks => n / 52.0,
            IntervalUnit::Months => n / 12.0,
            IntervalUnit::Years => n,
        }
    }
}

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct FictionalChild {
    /// What is measured.
    pub method: Method,
    /// Sex.
    pub sex: Sex,
    /// Age at the first observation, years.
    pub start_age: f64,
    /// Age before which observations stop, years.
    pub end_age: f64,
    /// Gestation at birth.
    pub gestation: Gestation,
    /// Interval between observations, in `interval_unit`.
    pub interval: f64,
    /// Unit of `interval`.
    pub interval_unit: IntervalUnit,
    /// SDS of the first observation.
    pub start_sds: f64,
    /// Total SDS change over the series, when drifting.
    pub drift: Option<f64>,
    /// Relative measurement error (e.g. 0.005 for ±0.5%), when noisy.
    pub noise: Option<f64>,
    /// Seed of the noise, so a series can be reproduced.
    pub seed: u64,
}

/// Why no series can be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FictionalError {
    /// The end age is not after the start age.
    EndNotAfterStart,
    /// The interval is not positive.
    IntervalNotPositive,
    /// The age range is shorter than one interval.
    RangeShorterThanInterval,
}

impl std::error::Error for FictionalError {}

/// The birth date of every fictional child: François Guéneau de Montbeillard, whose father kept the first
/// published growth chart (rcpchgrowth's choice, kept so series match).
pub fn birth_date() -> Date {
    Date::from_ymd(1759, 4, 11).expect("a real date")
}

/// Whole days in a `timedelta` of `days` (fractional) days: Python rounds to the microsecond, and adding it to a
/// date keeps only the whole days. `None` beyond any date's reach.
fn whole_days(days: f64) -> Option<i32> {
    const MICROSECONDS_PER_DAY: f64 = 86_400_000_000.0;
    integer(((days * MICROSECONDS_PER_DAY).round_ties_even() / MICROSECONDS_PER_DAY).floor())
}

/// A small deterministic generator (xorshift64*) for the noise.
struct Noise(u64);

impl Noise {
    /// Uniform in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The series of (observation date, value) pairs, in order. Ages the reference cannot serve are skipped, as
/// rcpchgrowth skips them.
///
/// # Errors
/// When the age range or interval cannot make a series.
pub fn observations(
    reference: Reference,
    child: &FictionalChild,
) -> Result<Vec<(Date, f64)>, FictionalError> {
    if child.end_age <= child.start_age {
        return Err(FictionalError::EndNotAfterStart);
    }
    let birth = birth_date();
    let Gestation { weeks, days } = child.gestation;
    let correction = if weeks < 40 {
        f64::from(weeks * 7 + days - 280) / 365.25
    } else {
        0.0
    };
    let mut age = child.start_age + correction;
    let end = child.end_age + correction;
    if child.interval <= 0.0 {
        return Err(FictionalError::IntervalNotPositive);
    }
    let interval = child.interval_unit.years(child.interval);
    let span = end - child.start_age;
    if span < interval {
        return Err(FictionalError::RangeShorterThanInterval);
    }
    let drift_step = child.drift.map(|total| total / (span / interval).floor());
    let mut noise = child.noise.map(|range| (range, Noise(child.seed.max(1))));
    let mut sds = child.start_sds;
    let mut day = whole_days(child.start_age * 365.25);
    let mut out = Vec::new();
    while age < end {
        if let Ok((Some(value), kind)) = measurement_and_kind(
            reference,
            age,
            child.method,
            child.sex,
            sds,
            RoundingRule::Python,
            AtJoin::OlderTable,
        ) {
            let value = match &mut noise {
                Some((range, rng)) => {
                    let error = value * *range;
                    value + (-error + 2.0 * error * rng.next())
                }
                None => value,
            };
            // A day beyond the calendar has no date, like a date past year 9999.
            if let Some(date) = day.and_then(|d| birth.add_days(d)) {
                out.push((date, kind.round(value, 1)));
            }
        }
        if let Some(step) = drift_step {
            sds = round_python(sds + step, 3);
        }
        age += interval;
        day = day
            .zip(whole_days(interval * 365.25))
            .and_then(|(d, step)| d.checked_add(step));
    }
    Ok(out)
}

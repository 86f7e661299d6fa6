//! A measurement object as a short row of numbers and text codes, so a JavaScript builder can assemble the dGC
//! object without serialising it, fetching each distinct sentence once through [`text`]. The row and the
//! serialised [`MeasurementObject`] carry the same information; tests check both give identical JSON.

use crate::ages::{self, Date, Gestation};
use crate::centile::CentileBand;
use crate::measurement::{
    band_format, calculate, AgeComment, Birth, Comments, MeasurementError, MeasurementObject,
    Observation,
};
use crate::{Method, Reference, Sex};
use std::cell::RefCell;

/// Slots of a record, in order.
pub mod slot {
    /// Chronological decimal age.
    pub const CHRONOLOGICAL_AGE: usize = 0;
    /// Corrected decimal age.
    pub const CORRECTED_AGE: usize = 1;
    /// Estimated date of delivery, days since 1970-01-01 (a [`super::Text::DateIso`]/[`super::Text::DateLong`]
    /// code).
    pub const EDD: usize = 2;
    /// Corrected gestational age code (`weeks·10 + days`), NaN when there is none.
    pub const GESTATIONAL_AGE: usize = 3;
    /// Age-comment code (see [`super::Text::Comment`]).
    pub const COMMENT: usize = 4;
    /// Chronological calendar-age code (`months·32 + days`).
    pub const CHRONOLOGICAL_CALENDAR: usize = 5;
    /// Corrected calendar-age code, NaN before the due date.
    pub const CORRECTED_CALENDAR: usize = 6;
    /// Corrected SDS, centile, band code (NaN: none) and % median BMI (NaN: none).
    pub const CORRECTED: usize = 7;
    /// Chronological SDS, centile, band code and % median BMI.
    pub const CHRONOLOGICAL: usize = 11;
    /// Why the corrected age has no results ([`super::Text::MeasurementError`] code; NaN: it has).
    pub const CORRECTED_ERROR: usize = 15;
    /// Why the chronological age has no results (NaN: it has).
    pub const CHRONOLOGICAL_ERROR: usize = 16;
}

/// Length of a record.
pub const RECORD_LEN: usize = 17;

/// What a text code names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// A centile band sentence; code from [`CentileBand::code`].
    Band,
    /// An age comment; code `(kind·1000 + weeks·10 + days)·4 + n`, n = lay corrected, clinician corrected, lay
    /// chronological, clinician chronological.
    Comment,
    /// A calendar age; code `months·32 + days`.
    Calendar,
    /// A date as `YYYY-MM-DD`; code = days since 1970-01-01.
    DateIso,
    /// A date as in the estimated-delivery-date string; code = days since 1970-01-01.
    DateLong,
    /// A corrected gestational age, "W + D weeks"; code `weeks·10 + days`.
    GestationalAge,
    /// Why one age has no results; code as written into [`slot::CORRECTED_ERROR`] and
    /// [`slot::CHRONOLOGICAL_ERROR`].
    MeasurementError,
}

/// Every text kind, in code order.
pub const TEXTS: [Text; 7] = [
    Text::Band,
    Text::Comment,
    Text::Calendar,
    Text::DateIso,
    Text::DateLong,
    Text::GestationalAge,
    Text::MeasurementError,
];

const KINDS: [AgeComment; 5] = [
    AgeComment::TermDueDate,
    AgeComment::PretermUncorrectedAfterTwo,
    AgeComment::TermRangeUncorrected,
    AgeComment::TermUncorrected,
    AgeComment::Corrected,
];

fn opt(x: Option<f64>) -> f64 {
    x.unwrap_or(f64::NAN)
}

/// A date written as the integer `YYYYMMDD`, if it is a real date.
fn date_from_digits(ymd: i32) -> Option<Date> {
    Date::from_ymd(ymd / 10_000, (ymd / 100 % 100) as u32, (ymd % 100) as u32)
}

/// The outcome of one calculation on the fast path.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The measurement object, as a record.
    Record([f64; RECORD_LEN]),
    /// Why the calculation answers a 422 (no data at either age, or an implausible value); the API reports it as
    /// `From<MeasurementError> for ValidationError` does.
    Rejected(MeasurementError),
    /// Not a well-formed request (a field out of range, an impossible date, birth after the observation): the
    /// general path reads it and names the field.
    General,
}

/// The fast-path outcome of a calculation whose fields arrive as codes. Dates are the integers `YYYYMMDD`.
#[allow(clippy::too_many_arguments)]
pub fn record(
    reference: Reference,
    birth_ymd: i32,
    observation_ymd: i32,
    value: f64,
    sex: Sex,
    method: Method,
    weeks: i32,
    days: i32,
) -> Outcome {
    let plausible =
        (22..=44).contains(&weeks) && (0..=6).contains(&days) && value > 0.0 && value.is_finite();
    let dates = date_from_digits(birth_ymd).zip(date_from_digits(observation_ymd));
    let Some((birth_date, observation_date)) = dates.filter(|(b, o)| plausible && b <= o) else {
        return Outcome::General;
    };
    let birth = Birth {
        birth_date,
        gestation: Gestation { weeks, days },
        sex,
        method,
    };
    let observation = Observation {
        observation_date,
        observation_value: value,
        bone_age: Default::default(),
        events_text: None,
    };
    match calculate(reference, &birth, &observation) {
        Ok(m) => Outcome::Record(to_record(&m)),
        Err(e) => Outcome::Rejected(e),
    }
}

thread_local! {
    /// The measurement errors met so far; a record names one by its index here. There are at most a few hundred
    /// (one per reference, measurement, sex and kind of missing data).
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn error_code(error: &Option<String>) -> f64 {
    let Some(error) = error else {
        return f64::NAN;
    };
    ERRORS.with(|errors| {
        let mut errors = errors.borrow_mut();
        let at = errors.iter().position(|e| e == error).unwrap_or_else(|| {
            errors.push(error.clone());
            errors.len() - 1
        });
        at as f64
    })
}

fn to_record(m: &MeasurementObject) -> [f64; RECORD_LEN] {
    let format = band_format(m.reference, m.birth.method);
    let band = |b: Option<CentileBand>| b.map_or(f64::NAN, |b| f64::from(b.code(format)));
    let calendar = |(months, days): (i32, i32)| f64::from(months * 32 + days);
    let Comments { kind, gestation } = m.comments;
    let kind_index = KINDS.iter().position(|&k| k == kind).unwrap_or(0) as i32;
    let mut r = [f64::NAN; RECORD_LEN];
    r[slot::CHRONOLOGICAL_AGE] = m.chronological_decimal_age;
    r[slot::CORRECTED_AGE] = m.corrected_decimal_age;
    r[slot::EDD] = f64::from(m.estimated_date_delivery.epoch_days());
    r[slot::GESTATIONAL_AGE] = opt(m
        .corrected_gestational_age
        .map(|(w, d)| f64::from(w * 10 + d)));
    r[slot::COMMENT] = f64::from(kind_index * 1000 + gestation.weeks * 10 + gestation.days);
    r[slot::CHRONOLOGICAL_CALENDAR] = calendar(m.chronological_calendar_age);
    r[slot::CORRECTED_CALENDAR] = opt(m.corrected_calendar_age.map(calendar));
    for (at, result) in [
        (slot::CORRECTED, &m.corrected),
        (slot::CHRONOLOGICAL, &m.chronological),
    ] {
        r[at] = opt(result.sds);
        r[at + 1] = opt(result.centile);
        r[at + 2] = band(result.band);
        r[at + 3] = opt(result.percentage_median_bmi);
    }
    r[slot::CORRECTED_ERROR] = error_code(&m.corrected.error);
    r[slot::CHRONOLOGICAL_ERROR] = error_code(&m.chronological.error);
    r
}

/// The text a code names, or `None` for a code no record produces.
pub fn text(kind: Text, code: i64) -> Option<String> {
    let small = u32::try_from(code).ok();
    Some(match kind {
        Text::Band => CentileBand::from_code(small?)?.to_string(),
        Text::Comment => {
            let (which, key) = (small? % 4, small? / 4);
            let kind = *KINDS.get((key / 1000) as usize)?;
            let gestation = Gestation {
                weeks: (key % 1000 / 10) as i32,
                days: (key % 10) as i32,
            };
            let (lay, clinician) = Comments { kind, gestation }.sentences(which < 2);
            if which % 2 == 0 {
                lay
            } else {
                clinician
            }
        }
        Text::Calendar => ages::calendar_text((small? / 32) as i32, (small? % 32) as i32),
        Text::DateIso => Date::from_epoch_days(i32::try_from(code).ok()?)?.to_string(),
        Text::DateLong => Date::from_epoch_days(i32::try_from(code).ok()?)?.long_form(),
        Text::GestationalAge => {
            ages::gestational_age_text((small? / 10) as i32, (small? % 10) as i32)
        }
        Text::MeasurementError => ERRORS.with(|e| e.borrow().get(small? as usize).cloned())?,
    })
}

//! A measurement object as a short row of numbers and text codes, so a JavaScript builder can assemble the dGC
//! object without serialising it, fetching each distinct sentence once through [`text`]. The row and the
//! serialised measurement object carry the same information; tests check both give identical JSON.

use crate::dgc::measurement_request::{GESTATION_DAYS, GESTATION_WEEKS};
use crate::engine::ages::{self, Date, Gestation};
use crate::engine::centiles::CentileBand;
use crate::engine::measurement::{
    band_format, calculate, AgeBasis, AgeComment, Birth, Comments, MeasurementError,
    MeasurementObject, Observation,
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
    /// The corrected age's results (see [`super::result`]).
    pub const CORRECTED: usize = 7;
    /// The chronological age's results (see [`super::result`]).
    pub const CHRONOLOGICAL: usize = 11;
    /// Why the corrected age has no results ([`super::Text::MeasurementError`] code; NaN: it has).
    pub const CORRECTED_ERROR: usize = 15;
    /// Why the chronological age has no results (NaN: it has).
    pub const CHRONOLOGICAL_ERROR: usize = 16;
    /// Why the observation is flagged (a [`super::Text::MeasurementError`] code; NaN: it is not).
    pub const OBSERVATION_ERROR: usize = 17;
}

/// The slots of one age's results, from [`slot::CORRECTED`] or [`slot::CHRONOLOGICAL`]; NaN for none.
pub mod result {
    /// SDS.
    pub const SDS: usize = 0;
    /// Centile.
    pub const CENTILE: usize = 1;
    /// Centile band ([`super::Text::Band`] code).
    pub const BAND: usize = 2;
    /// Percentage of the median BMI.
    pub const PERCENTAGE_MEDIAN_BMI: usize = 3;
}

/// Length of a record.
pub const RECORD_LEN: usize = 18;

/// The age comments of one code: lay corrected, clinician corrected, lay chronological, clinician chronological.
pub const COMMENT_SENTENCES: u32 = 4;

/// A gestational age's code is `weeks·GESTATION_CODE + days`.
pub const GESTATION_CODE: i32 = 10;

/// What `calculationRecord` answers, as its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The record buffer holds the result.
    Record = 0,
    /// The general path must answer.
    General = 2,
    /// The calculation answers a 422: `Rejected + n`, n the [`Text::MeasurementError`] code of its message.
    Rejected = 3,
}

/// What a text code names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// A centile band sentence; code from [`CentileBand::code`].
    Band,
    /// An age comment; code `(kind·1000 + weeks·10 + days)·4 + n` (see [`COMMENT_SENTENCES`]).
    Comment,
    /// A calendar age; code `months·32 + days`.
    Calendar,
    /// A date as `YYYY-MM-DD`; code = days since 1970-01-01.
    DateIso,
    /// A date as in the estimated-delivery-date string; code = days since 1970-01-01.
    DateLong,
    /// A corrected gestational age, "W + D weeks"; code `weeks·10 + days` (see [`GESTATION_CODE`]).
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
    /// Why the calculation answers a 422 (an SDS that is not finite); the API reports it as
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
    let plausible = GESTATION_WEEKS.contains(weeks)
        && GESTATION_DAYS.contains(days)
        && value > 0.0
        && value.is_finite();
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
    };
    match calculate(reference, &birth, &observation) {
        Ok(m) => Outcome::Record(to_record(&m)),
        Err(e) => Outcome::Rejected(e),
    }
}

thread_local! {
    /// The measurement errors met so far; a record names one by its index here. There are at most a few hundred
    /// (one per reference, measurement, sex and kind of missing data).
    static ERRORS: RefCell<Vec<MeasurementError>> = const { RefCell::new(Vec::new()) };
}

/// The [`Text::MeasurementError`] code of `error`: its index among the messages met so far.
pub fn error_index(error: MeasurementError) -> u32 {
    ERRORS.with(|errors| {
        let mut errors = errors.borrow_mut();
        let at = errors.iter().position(|&e| e == error).unwrap_or_else(|| {
            errors.push(error);
            errors.len() - 1
        });
        at as u32
    })
}

fn error_code(error: Option<MeasurementError>) -> f64 {
    error.map_or(f64::NAN, |e| f64::from(error_index(e)))
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
        .map(|(w, d)| f64::from(w * GESTATION_CODE + d)));
    r[slot::COMMENT] =
        f64::from(kind_index * 1000 + gestation.weeks * GESTATION_CODE + gestation.days);
    r[slot::CHRONOLOGICAL_CALENDAR] = calendar(m.chronological_calendar_age);
    r[slot::CORRECTED_CALENDAR] = opt(m.corrected_calendar_age.map(calendar));
    for (at, age) in [
        (slot::CORRECTED, &m.corrected),
        (slot::CHRONOLOGICAL, &m.chronological),
    ] {
        r[at + result::SDS] = opt(age.sds);
        r[at + result::CENTILE] = opt(age.centile);
        r[at + result::BAND] = band(age.band);
        r[at + result::PERCENTAGE_MEDIAN_BMI] = opt(age.percentage_median_bmi);
    }
    r[slot::CORRECTED_ERROR] = error_code(m.corrected.error.map(MeasurementError::Calculation));
    r[slot::CHRONOLOGICAL_ERROR] =
        error_code(m.chronological.error.map(MeasurementError::Calculation));
    r[slot::OBSERVATION_ERROR] = error_code(m.observation_error);
    r
}

/// The text a code names, or `None` for a code no record produces.
pub fn text(kind: Text, code: i64) -> Option<String> {
    let small = u32::try_from(code).ok();
    Some(match kind {
        Text::Band => CentileBand::from_code(small?)?.message(),
        Text::Comment => {
            let (which, key) = (small? % COMMENT_SENTENCES, small? / COMMENT_SENTENCES);
            let kind = *KINDS.get((key / 1000) as usize)?;
            let base = GESTATION_CODE as u32;
            let gestation = Gestation {
                weeks: (key % 1000 / base) as i32,
                days: (key % base) as i32,
            };
            let age = if which < 2 {
                AgeBasis::Corrected
            } else {
                AgeBasis::Chronological
            };
            let (lay, clinician) = Comments { kind, gestation }.sentences(age);
            if which % 2 == 0 {
                lay
            } else {
                clinician
            }
        }
        Text::Calendar => ages::calendar_text((small? / 32) as i32, (small? % 32) as i32),
        Text::DateIso => Date::from_epoch_days(i32::try_from(code).ok()?)?.iso(),
        Text::DateLong => Date::from_epoch_days(i32::try_from(code).ok()?)?.long_form(),
        Text::GestationalAge => {
            let base = GESTATION_CODE as u32;
            ages::gestational_age_text((small? / base) as i32, (small? % base) as i32)
        }
        Text::MeasurementError => ERRORS.with(|e| {
            e.borrow()
                .get(small? as usize)
                .map(MeasurementError::message)
        })?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dgc::measurement_response::MeasurementResponse;
    use crate::engine::rounding::integer;
    use serde_json::Value as Json;

    fn ymd(s: &str) -> i32 {
        s.replace('-', "").parse().expect("a date")
    }

    /// The record and the serialised measurement object of one calculation.
    fn both(
        reference: Reference,
        birth: &str,
        weeks: i32,
        observed: &str,
        value: f64,
        method: Method,
    ) -> ([f64; RECORD_LEN], Json) {
        let (b, o) = (ymd(birth), ymd(observed));
        let Outcome::Record(r) = record(reference, b, o, value, Sex::Female, method, weeks, 1)
        else {
            panic!("no record");
        };
        let birth = Birth {
            birth_date: Date::parse(birth).expect("a date"),
            gestation: Gestation { weeks, days: 1 },
            sex: Sex::Female,
            method,
        };
        let observation = Observation {
            observation_date: Date::parse(observed).expect("a date"),
            observation_value: value,
            bone_age: Default::default(),
        };
        let m = MeasurementResponse {
            object: calculate(reference, &birth, &observation).expect("a result"),
            events_text: None,
        };
        (r, serde_json::to_value(&m).expect("serialisable"))
    }

    fn code_text(kind: Text, code: f64) -> Json {
        if code.is_nan() {
            Json::Null
        } else {
            text(kind, integer(code).expect("a code")).map_or(Json::Null, Json::String)
        }
    }

    #[test]
    fn a_record_decodes_to_the_measurement_object() {
        // Born at 30+1 weeks: observed before the due date (a corrected gestational age, no corrected calendar
        // age), and after it.
        for (observed, weight) in [("2020-02-01", 1.9), ("2020-06-01", 5.2)] {
            decodes(observed, weight);
        }
    }

    fn decodes(observed: &str, weight: f64) {
        let (r, j) = both(
            Reference::UkWho,
            "2020-01-01",
            30,
            observed,
            weight,
            Method::Weight,
        );
        let dates = &j["measurement_dates"];
        assert_eq!(
            r[slot::CHRONOLOGICAL_AGE],
            dates["chronological_decimal_age"]
        );
        assert_eq!(r[slot::CORRECTED_AGE], dates["corrected_decimal_age"]);
        for (at, key) in [
            (slot::CHRONOLOGICAL_CALENDAR, "chronological_calendar_age"),
            (slot::CORRECTED_CALENDAR, "corrected_calendar_age"),
        ] {
            assert_eq!(code_text(Text::Calendar, r[at]), dates[key], "{key}");
        }
        let birth = &j["birth_data"];
        let edd = r[slot::EDD];
        assert_eq!(
            code_text(Text::DateIso, edd),
            birth["estimated_date_delivery"]
        );
        assert_eq!(
            code_text(Text::DateLong, edd),
            birth["estimated_date_delivery_string"]
        );
        let point = &j["plottable_data"]["centile_data"]["corrected_decimal_age_data"];
        let ga = r[slot::GESTATIONAL_AGE];
        let ga = if ga.is_nan() {
            Json::from("")
        } else {
            code_text(Text::GestationalAge, ga)
        };
        assert_eq!(ga, point["corrected_gestational_age"]);
        let comments = [
            "lay_corrected_decimal_age_comment",
            "clinician_corrected_decimal_age_comment",
            "lay_chronological_decimal_age_comment",
            "clinician_chronological_decimal_age_comment",
        ];
        for (n, key) in comments.into_iter().enumerate() {
            let code = r[slot::COMMENT] * f64::from(COMMENT_SENTENCES) + n as f64;
            assert_eq!(
                code_text(Text::Comment, code),
                dates["comments"][key],
                "{key}"
            );
        }
        let values = &j["measurement_calculated_values"];
        for (at, age) in [
            (slot::CORRECTED, "corrected"),
            (slot::CHRONOLOGICAL, "chronological"),
        ] {
            assert_eq!(r[at + result::SDS], values[format!("{age}_sds")]);
            assert_eq!(r[at + result::CENTILE], values[format!("{age}_centile")]);
            let band = code_text(Text::Band, r[at + result::BAND]);
            assert_eq!(band, values[format!("{age}_centile_band")]);
            assert!(r[at + result::PERCENTAGE_MEDIAN_BMI].is_nan());
        }
    }

    #[test]
    fn an_age_without_data_carries_its_reason() {
        // UK-WHO BMI at 3 months for a baby born at 27 weeks: the corrected age is before 42 weeks.
        let (r, j) = both(
            Reference::UkWho,
            "2020-01-01",
            27,
            "2020-04-01",
            15.0,
            Method::Bmi,
        );
        let values = &j["measurement_calculated_values"];
        let reason = code_text(Text::MeasurementError, r[slot::CORRECTED_ERROR]);
        assert!(reason.is_string());
        assert_eq!(reason, values["corrected_measurement_error"]);
        assert!(r[slot::CHRONOLOGICAL_ERROR].is_nan());
        let pmb = r[slot::CHRONOLOGICAL + result::PERCENTAGE_MEDIAN_BMI];
        assert_eq!(pmb, values["chronological_percentage_median_bmi"]);
    }

    #[test]
    fn implausible_values_are_flagged_and_unusual_requests_go_the_general_way() {
        let outcome = |birth, observed, value, weeks| {
            record(
                Reference::UkWho,
                birth,
                observed,
                value,
                Sex::Male,
                Method::Height,
                weeks,
                0,
            )
        };
        let Outcome::Record(r) = outcome(20200101, 20210101, 1.5, 40) else {
            panic!("a height in metres is answered, flagged");
        };
        assert!(r[slot::OBSERVATION_ERROR].is_finite() && r[slot::CORRECTED + result::SDS] < -8.0);
        assert_eq!(outcome(20200101, 20210101, 75.0, 45), Outcome::General);
        assert_eq!(outcome(20200231, 20210101, 75.0, 40), Outcome::General);
        assert_eq!(outcome(20210101, 20200101, 75.0, 40), Outcome::General);
        assert_eq!(outcome(20200101, 20210101, -1.0, 40), Outcome::General);
    }
}

//! Every sentence the engine can return, in one place: the messages of its errors, the centile-band sentences and
//! the age comments. The messages name the rule and the range, never the child's values.

use crate::engine::ages::Gestation;
use crate::engine::centiles::{ordinal, Band, CentileBand};
use crate::engine::data::Chart;
use crate::engine::fictional::FictionalError;
use crate::engine::lms::OutsideTable;
use crate::engine::measurement::{AgeBasis, AgeComment, Comments, MeasurementError};
use crate::engine::mid_parental::HeightProblem;
use crate::engine::nutrition::indicator::table_name;
use crate::engine::nutrition::Fault;
use crate::engine::references::NoData;
use crate::engine::rounding::{integer, push_integer, text};
use crate::engine::sds::CalcError;
use crate::Method;
use std::fmt;

/// Each error's [`Display`](fmt::Display) writes its `message()`.
macro_rules! display_message {
    ($($t:ty),+) => {
        $(impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.message())
            }
        })+
    };
}
display_message!(
    CalcError,
    OutsideTable,
    NoData,
    MeasurementError,
    CentileBand,
    FictionalError,
    HeightProblem,
    Fault
);

impl CalcError {
    /// The error in words.
    pub fn message(&self) -> String {
        match self {
            CalcError::NoData(reason) => reason.message(),
            CalcError::BetweenTables => "This age falls between two of the reference's tables (ages just either \
                                         side of 2 years that are not a whole number of days): use an age derived \
                                         from dates."
                .into(),
            CalcError::NotPositive => "The measurement must be a number greater than zero.".into(),
            CalcError::NotFinite => "The result is too extreme to be expressed as a finite number.".into(),
        }
    }
}

impl OutsideTable {
    /// As the error it becomes.
    pub fn message(&self) -> String {
        CalcError::from(*self).message()
    }
}

impl NoData {
    /// The error in words.
    pub fn message(&self) -> String {
        match *self {
            NoData::TooYoung { reference, starts } => text!(
                "The ",
                reference.name(),
                " reference starts at ",
                starts,
                "; this age is below it."
            ),
            NoData::TooOld { reference, ends } => text!(
                "The ",
                reference.name(),
                " reference ends at ",
                ends,
                "; this age is beyond it."
            ),
            NoData::MethodOutsideAges {
                reference,
                method,
                range,
            } => text!(
                "The ",
                reference.name(),
                " reference has ",
                method.noun(),
                " data only for ",
                range,
                "."
            ),
            NoData::NotCovered { reference, covers } => text!(
                "The ",
                reference.name(),
                " reference covers ",
                covers,
                " only."
            ),
        }
    }
}

impl MeasurementError {
    /// The error in words: the rule, never the child's values.
    pub fn message(&self) -> String {
        match *self {
            MeasurementError::BeforeBirth => {
                "The observation date is before the birth date.".into()
            }
            MeasurementError::DeliveryDateOutOfRange => {
                "The estimated date of delivery falls outside years 1 to 9999.".into()
            }
            MeasurementError::Calculation(e) => e.message(),
            MeasurementError::Metres => {
                "Height must be given in centimetres: a value under 2 looks like metres.".into()
            }
            MeasurementError::Implausible { method, limit } => {
                let unit = match method {
                    Method::Weight => "kilograms",
                    Method::Bmi => "kg/m²",
                    _ => "centimetres",
                };
                text!(
                    "The ",
                    method.noun(),
                    " is more than ",
                    limit,
                    " SDS from the median for this age: it is probably an error (check that it is in ",
                    unit,
                    ")."
                )
            }
        }
    }
}

/// The sentences avoid the letters "is " anywhere: the RCPCH chart component (7.5.2) glues the first "is " to
/// the next word of any band sentence of 11 or more words in its family tooltip ("Thisheight lies …").
impl CentileBand {
    /// The band as a sentence.
    pub fn message(&self) -> String {
        let noun = self.method.noun();
        match self.band {
            Band::WellOutside => text!(
                "The ",
                noun,
                " lies more than 4 SDS from the median, far outside the usual range: please check it was \
                 measured and entered correctly."
            ),
            Band::BelowLines => text!("The ", noun, " lies below the lowest centile line."),
            Band::AboveLines => text!("The ", noun, " lies above the highest centile line."),
            Band::On(c) => text!(
                "The ",
                noun,
                " lies on or close to the ",
                &ordinal(c),
                " centile line."
            ),
            Band::Between(lo, hi) => text!(
                "The ",
                noun,
                " lies between the ",
                &ordinal(lo),
                " and ",
                &ordinal(hi),
                " centile lines."
            ),
        }
    }
}

impl FictionalError {
    /// The error in words.
    pub fn message(&self) -> String {
        match self {
            FictionalError::EndNotAfterStart => "end_age must be greater than start_chronological_age.",
            FictionalError::IntervalNotPositive => "measurement_interval_number must be greater than zero.",
            FictionalError::RangeShorterThanInterval => {
                "The age range is shorter than one measurement interval: no observations would be generated."
            }
        }
        .into()
    }
}

impl HeightProblem {
    /// The problem in words.
    pub fn message(&self) -> String {
        match self {
            HeightProblem::Implausible(_) => {
                "The height is more than 8 SDS from the adult median: please check it (in centimetres).".into()
            }
            HeightProblem::NotCalculable(e) => text!("The height cannot be used: ", &e.message()),
        }
    }
}

/// A table edge (whole tenths of a cm) as text, without the float formatting the .wasm leaves out.
fn tenths(cm: f64) -> String {
    let t: i64 = integer((cm * 10.0).round()).unwrap_or_default(); // table edges, 45 to 121.5 cm: always whole
    let mut text = String::new();
    push_integer(&mut text, t / 10, 1);
    if t % 10 != 0 {
        text.push('.');
        push_integer(&mut text, t % 10, 1);
    }
    text
}

impl Fault {
    /// The fault in words: the rule and range, never the child's values.
    pub fn message(&self) -> String {
        match *self {
            Fault::LengthOutside { chart, from, to } => {
                let who = matches!(chart, Chart::WhoWeightForLength | Chart::WhoWeightForHeight);
                text!(
                    "The ",
                    table_name(chart),
                    " table runs from ",
                    &tenths(from),
                    " to ",
                    &tenths(to),
                    " cm",
                    if who {
                        " (after WHO's 0.7 cm adjustment for the position)"
                    } else {
                        ""
                    },
                    "."
                )
            }
            Fault::AgeOutside { from, to } => text!(
                "This measurement beyond the dGC API is defined from ",
                from,
                " to ",
                to,
                " of age."
            ),
        }
    }
}

impl Comments {
    /// (lay, clinician) sentences for the corrected or the chronological age. Like the band sentences, none
    /// contains the letters "is ", which the RCPCH chart component rewrites in long tooltip sentences.
    pub fn sentences(&self, age: AgeBasis) -> (String, String) {
        let Gestation { weeks, days } = self.gestation;
        // "<before>W+D<after>", the birth's gestation in a sentence.
        let born = |before: &str, after: &str| {
            let mut text = String::from(before);
            push_integer(&mut text, i64::from(weeks), 1);
            text.push('+');
            push_integer(&mut text, i64::from(days), 1);
            text.push_str(after);
            text
        };
        match (self.kind, age) {
            (AgeComment::TermDueDate, _) => (
                "Your child was born on their due date, so their age needs no adjustment.".into(),
                if age == AgeBasis::Corrected {
                    "Term birth: corrected and chronological ages are the same.".into()
                } else {
                    "Term birth: no gestational correction needed.".into()
                },
            ),
            (AgeComment::PretermUncorrectedAfterTwo, _) => (
                born(
                    "Your child was born early, at ",
                    " weeks. The reference stops adjusting for early birth at 2 years of age.",
                ),
                born(
                    "Born preterm at ",
                    " weeks; the reference applies no gestational correction after 2 years.",
                ),
            ),
            (AgeComment::TermRangeUncorrected, _) => (
                born(
                    "Your child was born at ",
                    " weeks, which counts as term, so their age has not been adjusted.",
                ),
                born(
                    "Born at ",
                    " weeks (term range): the reference applies no gestational correction.",
                ),
            ),
            (AgeComment::TermUncorrected, _) => (
                "Your child was born at term, so their age has not been adjusted.".into(),
                "Born at term: no gestational correction applied.".into(),
            ),
            (AgeComment::Corrected, AgeBasis::Corrected) => (
                born(
                    "Your child was born at ",
                    " weeks, so their age has been adjusted to allow for their gestation at birth.",
                ),
                "Corrected for gestational age.".into(),
            ),
            (AgeComment::Corrected, AgeBasis::Chronological) => (
                "Your child's actual age, not adjusted for their gestation at birth.".into(),
                "Chronological age: not corrected for gestation.".into(),
            ),
        }
    }
}

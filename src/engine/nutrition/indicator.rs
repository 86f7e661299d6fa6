//! The measurements beyond the dGC API as one typed request and result: which indicator of which publisher, its
//! score at an age, and what follows from it (the table read, the acute malnutrition grade, the IOTF cut-offs, the
//! implausible-value flags).

use super::classification::{self, Classification};
use super::iotf::{self, IotfScore};
use super::{cdc, flags, who, Fault, Position};
use crate::engine::data::Chart;
use crate::engine::rounding::integer;
use crate::{Method, Reference, Sex};

/// The name of the IOTF reference (beyond the dGC API).
pub const IOTF: &str = "iotf";

/// The measurement methods beyond the dGC API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BeyondMethod {
    /// Mid-upper arm circumference, cm.
    ArmCircumference,
    /// Triceps skinfold, mm.
    TricepsSkinfold,
    /// Subscapular skinfold, mm.
    SubscapularSkinfold,
    /// Weight (kg) at a length measured lying (`length`, cm).
    WeightForLength,
    /// Weight (kg) at a height measured standing (`height`, cm).
    WeightForHeight,
}

impl BeyondMethod {
    /// Every method beyond the dGC API.
    pub const ALL: [BeyondMethod; 5] = [
        BeyondMethod::ArmCircumference,
        BeyondMethod::TricepsSkinfold,
        BeyondMethod::SubscapularSkinfold,
        BeyondMethod::WeightForLength,
        BeyondMethod::WeightForHeight,
    ];

    /// The `measurement_method` name.
    pub fn name(self) -> &'static str {
        match self {
            BeyondMethod::ArmCircumference => "arm_circumference",
            BeyondMethod::TricepsSkinfold => "triceps_skinfold",
            BeyondMethod::SubscapularSkinfold => "subscapular_skinfold",
            BeyondMethod::WeightForLength => "weight_for_length",
            BeyondMethod::WeightForHeight => "weight_for_height",
        }
    }

    /// Parses a `measurement_method` name.
    pub fn parse(name: &str) -> Option<BeyondMethod> {
        Some(match name {
            "arm_circumference" => BeyondMethod::ArmCircumference,
            "triceps_skinfold" => BeyondMethod::TricepsSkinfold,
            "subscapular_skinfold" => BeyondMethod::SubscapularSkinfold,
            "weight_for_length" => BeyondMethod::WeightForLength,
            "weight_for_height" => BeyondMethod::WeightForHeight,
            _ => return None,
        })
    }

    /// The references that have it.
    pub fn references(self) -> &'static [Reference] {
        match self {
            BeyondMethod::WeightForLength | BeyondMethod::WeightForHeight => {
                &[Reference::Who, Reference::Cdc]
            }
            _ => &[Reference::Who],
        }
    }

    /// The request field holding the length or height the weight was taken at, and how it was measured.
    pub fn length_field(self) -> Option<(&'static str, Position)> {
        match self {
            BeyondMethod::WeightForLength => Some(("length", Position::Lying)),
            BeyondMethod::WeightForHeight => Some(("height", Position::Standing)),
            _ => None,
        }
    }

    /// The dGC method nearest in kind, for the parts of the measurement object that need one (the band
    /// sentence's noun): weight for weight-for-length/height; head circumference's slot, without a band, for the
    /// others.
    pub fn dgc_slot(self) -> Method {
        match self {
            BeyondMethod::WeightForLength | BeyondMethod::WeightForHeight => Method::Weight,
            _ => Method::Ofc,
        }
    }
}

/// A measurement beyond the dGC API: which publisher's indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Indicator {
    /// A WHO 2006 indicator.
    Who(BeyondMethod),
    /// A CDC 2000 indicator (weight-for-length/stature).
    Cdc(BeyondMethod),
    /// The IOTF BMI cut-offs.
    Iotf,
}

impl Indicator {
    /// The indicator of `method` on `reference`, or `None` where that reference lacks it.
    pub fn of(reference: Reference, method: BeyondMethod) -> Option<Indicator> {
        match reference {
            Reference::Who if method.references().contains(&reference) => {
                Some(Indicator::Who(method))
            }
            Reference::Cdc if method.references().contains(&reference) => {
                Some(Indicator::Cdc(method))
            }
            _ => None,
        }
    }

    /// The reference's name.
    pub fn reference_name(self) -> &'static str {
        match self {
            Indicator::Who(_) => Reference::Who.name(),
            Indicator::Cdc(_) => Reference::Cdc.name(),
            Indicator::Iotf => IOTF,
        }
    }

    /// The `measurement_method` name.
    pub fn method_name(self) -> &'static str {
        match self {
            Indicator::Who(m) | Indicator::Cdc(m) => m.name(),
            Indicator::Iotf => Method::Bmi.name(),
        }
    }

    /// The method beyond the dGC API, if it is one.
    pub fn method(self) -> Option<BeyondMethod> {
        match self {
            Indicator::Who(m) | Indicator::Cdc(m) => Some(m),
            Indicator::Iotf => None,
        }
    }

    /// The dGC reference whose rule corrects the age and whose centile lines give the band.
    pub fn age_reference(self) -> Reference {
        match self {
            Indicator::Cdc(_) => Reference::Cdc,
            _ => Reference::Who,
        }
    }

    /// The dGC method slot of the measurement object.
    pub fn dgc_slot(self) -> Method {
        self.method().map_or(Method::Bmi, BeyondMethod::dgc_slot)
    }

    fn flag_indicator(self) -> Option<flags::Indicator> {
        Some(match self {
            Indicator::Who(BeyondMethod::ArmCircumference) => {
                flags::Indicator::ArmCircumferenceForAge
            }
            Indicator::Who(BeyondMethod::TricepsSkinfold) => {
                flags::Indicator::TricepsSkinfoldForAge
            }
            Indicator::Who(BeyondMethod::SubscapularSkinfold) => {
                flags::Indicator::SubscapularSkinfoldForAge
            }
            Indicator::Who(_) | Indicator::Cdc(_) => flags::Indicator::WeightForLengthHeight,
            Indicator::Iotf => return None,
        })
    }
}

/// The age in days of a decimal age (days / 365.25). An age beyond ±2^52 days (or NaN) gives `i64::MIN` or
/// `i64::MAX`, outside every table, as such an age is.
pub fn days(age: f64) -> i64 {
    let days = (age * 365.25).round();
    integer(days).unwrap_or(if days < 0.0 { i64::MIN } else { i64::MAX })
}

fn who_chart(method: BeyondMethod) -> Chart {
    match method {
        BeyondMethod::ArmCircumference => Chart::WhoArmCircumference,
        BeyondMethod::TricepsSkinfold => Chart::WhoTricepsSkinfold,
        _ => Chart::WhoSubscapularSkinfold,
    }
}

fn cdc_chart(method: BeyondMethod) -> Chart {
    if method == BeyondMethod::WeightForLength {
        Chart::CdcWeightForLength
    } else {
        Chart::CdcWeightForStature
    }
}

/// The table a chart of `indicator` draws: WHO's and CDC's weight-for-length and weight-for-height tables by
/// their own lengths, the others by age.
pub fn chart_of(indicator: Indicator) -> Chart {
    match indicator {
        Indicator::Who(BeyondMethod::WeightForLength) => Chart::WhoWeightForLength,
        Indicator::Who(BeyondMethod::WeightForHeight) => Chart::WhoWeightForHeight,
        Indicator::Who(m) => who_chart(m),
        Indicator::Cdc(m) => cdc_chart(m),
        Indicator::Iotf => Chart::IotfBmi,
    }
}

/// A table's key in a chart response (its segment).
pub(crate) fn table_key(chart: Chart) -> &'static str {
    match chart {
        Chart::WhoWeightForLength => "who_2006_weight_for_length",
        Chart::WhoWeightForHeight => "who_2006_weight_for_height",
        Chart::WhoArmCircumference => "who_2006_arm_circumference",
        Chart::WhoTricepsSkinfold => "who_2006_triceps_skinfold",
        Chart::WhoSubscapularSkinfold => "who_2006_subscapular_skinfold",
        Chart::CdcWeightForLength => "cdc_2000_weight_for_length",
        Chart::CdcWeightForStature => "cdc_2000_weight_for_stature",
        Chart::IotfBmi => "iotf_bmi",
    }
}

/// A table's name as the response reports it.
pub(crate) fn table_name(chart: Chart) -> &'static str {
    match chart {
        Chart::WhoWeightForLength => "WHO 2006 weight-for-length (45-110 cm)",
        Chart::WhoWeightForHeight => "WHO 2006 weight-for-height (65-120 cm)",
        Chart::WhoArmCircumference => "WHO 2006 arm circumference-for-age (3-60 months)",
        Chart::WhoTricepsSkinfold => "WHO 2006 triceps skinfold-for-age (3-60 months)",
        Chart::WhoSubscapularSkinfold => "WHO 2006 subscapular skinfold-for-age (3-60 months)",
        Chart::CdcWeightForLength => "CDC 2000 weight-for-length (45-103.5 cm)",
        Chart::CdcWeightForStature => "CDC 2000 weight-for-stature (77-121.5 cm)",
        Chart::IotfBmi => "IOTF BMI (Cole and Lobstein 2012, 2-18 years)",
    }
}

/// The z-score (and CDC's modified z-score) of one indicator at `age` years, `cm` being the length or height of a
/// weight-for-length/height.
///
/// # Errors
/// The age or the length outside the indicator's range.
pub fn score(
    indicator: Indicator,
    sex: Sex,
    age: f64,
    value: f64,
    cm: Option<f64>,
) -> Result<(f64, Option<f64>), Fault> {
    let cm = cm.unwrap_or(f64::NAN);
    match indicator {
        Indicator::Who(m) => match m.length_field() {
            Some((_, position)) => {
                who::weight_for_length_height(sex, days(age), position, cm, value)
                    .map(|s| (s.z, None))
            }
            None => who::for_age(who_chart(m), sex, days(age), value).map(|s| (s.z, None)),
        },
        Indicator::Cdc(m) => {
            cdc::weight_for_length(cdc_chart(m), sex, cm, value).map(|s| (s.z, Some(s.modified_z)))
        }
        Indicator::Iotf => iotf::assess(sex, age, value).map(|s| (s.z, None)),
    }
}

/// A score an implausible-value flag is read on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlagScore {
    /// The indicator, in the publisher's terms.
    pub indicator: flags::Indicator,
    /// The z-score (WHO) or modified z-score (CDC).
    pub value: f64,
}

/// The scores the WHO and CDC implausible-value flags are read on (each `None` where that publisher has none).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlagScores {
    /// WHO Anthro's, on the z-score.
    pub who: Option<FlagScore>,
    /// The CDC SAS program's, on the modified z-score.
    pub cdc: Option<FlagScore>,
}

/// What a measurement object adds beyond the dGC API.
#[derive(Clone, Debug, PartialEq)]
pub struct Beyond {
    /// The measurement beyond the dGC API (`None` on a dGC measurement that carries only flags).
    pub indicator: Option<Indicator>,
    /// The table read at the chronological age.
    pub chart: Option<Chart>,
    /// Weight-for-length/height: the length or height read, cm, after WHO's position adjustment.
    pub length_read: Option<f64>,
    /// The WHO/UNICEF acute malnutrition grade, where defined.
    pub malnutrition: Option<Classification>,
    /// IOTF: the z-score, adult-equivalent BMI and category.
    pub iotf: Option<IotfScore>,
    /// The implausible-value flags' scores, when asked for.
    pub flags: Option<FlagScores>,
}

/// What follows from a measurement beyond the dGC API at the chronological age (as WHO Anthro reads ages):
/// the table, the length read, the malnutrition grade, the IOTF cut-offs, and the flags' scores if asked for.
pub fn assess(
    indicator: Indicator,
    sex: Sex,
    chronological_age: f64,
    value: f64,
    cm: Option<f64>,
    with_flags: bool,
) -> Beyond {
    let age_days = days(chronological_age);
    let mut out = Beyond {
        indicator: Some(indicator),
        chart: None,
        length_read: None,
        malnutrition: None,
        iotf: None,
        flags: None,
    };
    let scored = score(indicator, sex, chronological_age, value, cm).ok();
    match indicator {
        Indicator::Who(m) => match (m.length_field(), cm) {
            (Some((_, position)), Some(cm)) => {
                let (chart, x) = who::length_or_height(age_days, position, cm);
                out.chart = Some(chart);
                out.length_read = Some(x);
                out.malnutrition = scored
                    .and_then(|(z, _)| classification::by_weight_for_length_height(age_days, z));
            }
            _ => {
                out.chart = Some(who_chart(m));
                if m == BeyondMethod::ArmCircumference {
                    out.malnutrition = classification::by_arm_circumference(age_days, value);
                }
            }
        },
        Indicator::Cdc(m) => {
            out.chart = Some(cdc_chart(m));
            out.length_read = cm;
        }
        Indicator::Iotf => {
            out.chart = Some(Chart::IotfBmi);
            out.iotf = iotf::assess(sex, chronological_age, value).ok();
        }
    }
    if with_flags {
        let flagged = scored.zip(indicator.flag_indicator());
        out.flags = Some(FlagScores {
            who: flagged
                .filter(|_| matches!(indicator, Indicator::Who(_)))
                .map(|((z, _), indicator)| FlagScore {
                    indicator,
                    value: z,
                }),
            cdc: flagged.and_then(|((_, modified), indicator)| {
                Some(FlagScore {
                    indicator,
                    value: modified?,
                })
            }),
        });
    }
    out
}

/// The flags' scores of a dGC result of `value` at `chronological_age`: WHO Anthro's on the `who` reference's SDS
/// under 5 years (where WHO Anthro scores), and the CDC SAS program's on the modified z-score of the `cdc`
/// reference's results read from CDC 2000 tables (from 2 years; head circumference from birth to 3 years).
pub fn dgc_flags(
    reference: Reference,
    method: Method,
    sex: Sex,
    chronological_age: f64,
    value: f64,
    sds: Option<f64>,
) -> Beyond {
    let indicator = match method {
        Method::Height => flags::Indicator::HeightForAge,
        Method::Weight => flags::Indicator::WeightForAge,
        Method::Bmi => flags::Indicator::BmiForAge,
        Method::Ofc => flags::Indicator::HeadCircumferenceForAge,
    };
    let who = sds
        .filter(|_| reference == Reference::Who && days(chronological_age) <= who::FOR_AGE_DAYS.1)
        .map(|value| FlagScore { indicator, value });
    let cdc = (reference == Reference::Cdc)
        .then(|| cdc::for_age_modified_z(method, sex, chronological_age, value))
        .flatten()
        .map(|value| FlagScore { indicator, value });
    Beyond {
        indicator: None,
        chart: None,
        length_read: None,
        malnutrition: None,
        iotf: None,
        flags: Some(FlagScores { who, cdc }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_parses_from_its_name() {
        for m in BeyondMethod::ALL {
            assert_eq!(BeyondMethod::parse(m.name()), Some(m));
        }
        assert_eq!(BeyondMethod::parse("weight"), None);
    }
}

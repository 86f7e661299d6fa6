//! The measurement calculation: one observation in, the SDS, centile and band at both ages out.

use crate::engine::ages::{self, Date, Gestation};
use crate::engine::centiles::{centile, Band, CentileBand, CentileFormat};
use crate::engine::sds::{percentage_median_bmi, sds_for_measurement, CalcError};
use crate::{Method, Reference, Sex};

/// Bone-age details, passed through unchanged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoneAge {
    /// Bone age in decimal years.
    pub bone_age: Option<f64>,
    /// The method used to read it.
    pub bone_age_type: Option<&'static str>,
    /// Its SDS.
    pub bone_age_sds: Option<f64>,
    /// Its centile.
    pub bone_age_centile: Option<f64>,
    /// Free text.
    pub bone_age_text: Option<String>,
}

/// The birth details shared by every observation of one child.
#[derive(Clone, Debug, PartialEq)]
pub struct Birth {
    /// Date of birth.
    pub birth_date: Date,
    /// Gestation at birth.
    pub gestation: Gestation,
    /// Sex.
    pub sex: Sex,
    /// What was measured.
    pub method: Method,
}

/// One observation.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// When it was made.
    pub observation_date: Date,
    /// The value: cm, kg or kg/m².
    pub observation_value: f64,
    /// Bone age, passed through.
    pub bone_age: BoneAge,
}

/// Which sentence explains the relation between corrected and chronological age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeComment {
    /// Born at 40+0 weeks: the two ages are the same.
    TermDueDate,
    /// CDC/WHO, born before 37 weeks, corrected age now 2 years or more: correction has stopped.
    PretermUncorrectedAfterTwo,
    /// CDC/WHO, born at 37–41 weeks other than 40+0: treated as term, not corrected.
    TermRangeUncorrected,
    /// CDC/WHO, born at exactly 40+0 weeks.
    TermUncorrected,
    /// The corrected age differs from the chronological age.
    Corrected,
}

/// Which of a measurement's two ages: corrected for gestation at birth, or chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeBasis {
    /// The age corrected for gestation, by the reference's rule.
    Corrected,
    /// The age since birth.
    Chronological,
}

/// The four age comments of a measurement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comments {
    /// Which case applies.
    pub kind: AgeComment,
    /// Gestation at birth, quoted in some sentences.
    pub gestation: Gestation,
}

impl Comments {
    fn select(
        reference: Reference,
        chronological: f64,
        corrected: f64,
        gestation: Gestation,
    ) -> Comments {
        let cdc_or_who = matches!(reference, Reference::Cdc | Reference::Who);
        let kind = if chronological != corrected {
            AgeComment::Corrected
        } else if cdc_or_who && gestation.weeks < 37 {
            AgeComment::PretermUncorrectedAfterTwo
        } else if cdc_or_who && gestation.weeks < 42 && gestation == Gestation::TERM {
            AgeComment::TermUncorrected
        } else if cdc_or_who && gestation.weeks < 42 {
            AgeComment::TermRangeUncorrected
        } else {
            AgeComment::TermDueDate
        };
        Comments { kind, gestation }
    }
}

/// SDS, centile and band for one of the two ages, or why there are none.
#[derive(Clone, Debug, PartialEq)]
pub struct AgeResult {
    /// The SDS.
    pub sds: Option<f64>,
    /// The centile, 0–100, unrounded.
    pub centile: Option<f64>,
    /// The centile band.
    pub band: Option<CentileBand>,
    /// Why no SDS could be calculated.
    pub error: Option<CalcError>,
    /// BMI as a percentage of the median (BMI only).
    pub percentage_median_bmi: Option<f64>,
}

/// The dGC measurement object for one observation.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementObject {
    /// The reference used.
    pub reference: Reference,
    /// Birth details as reported.
    pub birth: Birth,
    /// The estimated date of delivery.
    pub estimated_date_delivery: Date,
    /// The observation as reported.
    pub observation: Observation,
    /// Age in decimal years, uncorrected.
    pub chronological_decimal_age: f64,
    /// Age in decimal years corrected for gestation by the reference's rule.
    pub corrected_decimal_age: f64,
    /// Calendar age from birth, as (months, days).
    pub chronological_calendar_age: (i32, i32),
    /// Calendar age from the estimated date of delivery, once it has passed.
    pub corrected_calendar_age: Option<(i32, i32)>,
    /// Post-menstrual age (weeks, days) until two weeks past the due date.
    pub corrected_gestational_age: Option<(i32, i32)>,
    /// The age comments.
    pub comments: Comments,
    /// Results at the corrected age.
    pub corrected: AgeResult,
    /// Results at the chronological age.
    pub chronological: AgeResult,
    /// Why the observation is flagged (rcpchgrowth's `observation_value_error`), judged at the corrected age:
    /// no data there, a height that looks like metres, or a value beyond ±8 SDS (±15 for BMI). The results are
    /// still given, as rcpchgrowth gives them.
    pub observation_error: Option<MeasurementError>,
    /// What the result adds beyond the dGC API: set for the measurements beyond it, and for the implausible-value
    /// flags a bulk request asks for.
    pub beyond: Option<Box<crate::engine::nutrition::indicator::Beyond>>,
}

impl MeasurementObject {
    /// Why no score should be derived from this measurement (a FHIR Observation): no data at either age, a height
    /// in metres, or a value implausible at the age that has data (the corrected, else the chronological).
    pub fn unscorable(&self) -> Option<MeasurementError> {
        match self.corrected.sds.or(self.chronological.sds) {
            Some(z) => implausible(self.birth.method, self.observation.observation_value, z),
            None => self.observation_error,
        }
    }
}

/// The centile lines a reference's bands are drawn against.
pub fn band_format(reference: Reference, method: Method) -> CentileFormat {
    match (reference, method) {
        (Reference::Cdc, Method::Bmi) => CentileFormat::EightyFivePercent,
        (Reference::Cdc, _) => CentileFormat::ThreePercent,
        _ => CentileFormat::ColeNine,
    }
}

/// Why no measurement object can be calculated: the errors of [`calculate`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum MeasurementError {
    /// The observation is dated before the birth.
    BeforeBirth,
    /// The estimated date of delivery falls outside years 1 to 9999.
    DeliveryDateOutOfRange,
    /// The reference has no data at the age ([`CalcError::NoData`]); or, as an error of [`calculate`], the value
    /// is not positive or its SDS is not finite.
    Calculation(CalcError),
    /// A height under 2, which looks like metres rather than centimetres.
    Metres,
    /// An SDS beyond ±`limit` (8, or 15 for BMI): almost certainly an error of units or entry.
    Implausible {
        /// What was measured.
        method: Method,
        /// The limit it is beyond.
        limit: u8,
    },
}

impl std::error::Error for MeasurementError {}

#[inline]
pub(crate) fn result_for(
    reference: Reference,
    method: Method,
    z: Result<f64, CalcError>,
    pmbmi: Option<f64>,
) -> AgeResult {
    match z {
        Ok(z) => AgeResult {
            sds: Some(z),
            centile: Some(centile(z)),
            band: Band::classify(z, band_format(reference, method))
                .map(|band| CentileBand { band, method }),
            error: None,
            percentage_median_bmi: pmbmi,
        },
        Err(e) => AgeResult {
            sds: None,
            centile: None,
            band: None,
            error: Some(e),
            percentage_median_bmi: pmbmi,
        },
    }
}

/// The largest plausible SDS, either side of the median: 8, or 15 for BMI (rcpchgrowth's limits).
pub fn sds_limit(method: Method) -> u8 {
    if method == Method::Bmi {
        15
    } else {
        8
    }
}

/// Whether the value is implausible where its SDS is `sds`: a height under 2 (metres, not centimetres), or an SDS
/// beyond [`sds_limit`].
fn implausible(method: Method, value: f64, sds: f64) -> Option<MeasurementError> {
    let limit = sds_limit(method);
    if method == Method::Height && value < 2.0 {
        Some(MeasurementError::Metres)
    } else if sds.abs() > f64::from(limit) {
        Some(MeasurementError::Implausible { method, limit })
    } else {
        None
    }
}

/// The two decimal ages of a measurement and the results at each: the scores of [`calculate`] without the
/// calendar ages and comments around them.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// Age in decimal years, uncorrected.
    pub chronological_decimal_age: f64,
    /// Age in decimal years corrected for gestation by the reference's rule.
    pub corrected_decimal_age: f64,
    /// Results at the corrected age.
    pub corrected: AgeResult,
    /// Results at the chronological age.
    pub chronological: AgeResult,
    /// Why the observation is flagged (see [`MeasurementObject::observation_error`]).
    pub observation_error: Option<MeasurementError>,
}

impl From<MeasurementObject> for Scores {
    fn from(m: MeasurementObject) -> Scores {
        Scores {
            chronological_decimal_age: m.chronological_decimal_age,
            corrected_decimal_age: m.corrected_decimal_age,
            corrected: m.corrected,
            chronological: m.chronological,
            observation_error: m.observation_error,
        }
    }
}

/// The chronological and corrected decimal ages of an observation, corrected by `reference`'s rule (see
/// [`calculate`]).
///
/// # Errors
/// An observation before the birth, or an estimated date of delivery outside years 1 to 9999.
pub(crate) fn decimal_ages(
    reference: Reference,
    birth: &Birth,
    observation: &Observation,
) -> Result<(f64, f64), MeasurementError> {
    let (date, gestation) = (birth.birth_date, birth.gestation);
    let obs = observation.observation_date;
    if obs < date {
        return Err(MeasurementError::BeforeBirth);
    }
    ages::estimated_date_delivery(date, gestation)
        .ok_or(MeasurementError::DeliveryDateOutOfRange)?;
    let chronological = ages::decimal_years(ages::chronological_days(date, obs));
    let mut corrected = ages::decimal_years(ages::corrected_days(date, obs, gestation));
    if matches!(reference, Reference::Cdc | Reference::Who)
        && ((corrected >= 2.0 && gestation.weeks < 37) || (37..=42).contains(&gestation.weeks))
    {
        corrected = chronological;
    }
    Ok((chronological, corrected))
}

/// The scores of one observation against `reference`, with the checks and errors of [`calculate`].
///
/// # Errors
/// As [`calculate`].
pub fn scores(
    reference: Reference,
    birth: &Birth,
    observation: &Observation,
) -> Result<Scores, MeasurementError> {
    let (chronological, corrected) = decimal_ages(reference, birth, observation)?;
    let (method, sex, value) = (birth.method, birth.sex, observation.observation_value);
    if value.is_nan() || value <= 0.0 {
        return Err(MeasurementError::Calculation(CalcError::NotPositive));
    }
    let corrected_z = sds_for_measurement(reference, corrected, method, sex, value);
    let chronological_z = if chronological == corrected {
        corrected_z
    } else {
        sds_for_measurement(reference, chronological, method, sex, value)
    };
    for z in [corrected_z, chronological_z] {
        if let Err(e @ (CalcError::NotFinite | CalcError::NotPositive)) = z {
            return Err(MeasurementError::Calculation(e));
        }
    }
    // rcpchgrowth judges the observation at the corrected age, and answers whatever it finds.
    let observation_error = match corrected_z {
        Err(e) => Some(MeasurementError::Calculation(e)),
        Ok(z) => implausible(method, value, z),
    };
    let pmbmi = |age| {
        (method == Method::Bmi)
            .then(|| percentage_median_bmi(reference, age, sex, value).ok())
            .flatten()
    };
    Ok(Scores {
        chronological_decimal_age: chronological,
        corrected_decimal_age: corrected,
        corrected: result_for(reference, method, corrected_z, pmbmi(corrected)),
        chronological: result_for(reference, method, chronological_z, pmbmi(chronological)),
        observation_error,
    })
}

/// Calculates the measurement object for one observation against `reference`.
///
/// Ages are corrected for gestation for life on UK-WHO, Turner and the trisomy-21 references; CDC and WHO correct
/// only births before 37 weeks, and only until the corrected age reaches 2 years (or for life after 42 weeks).
/// As rcpchgrowth's `Measurement` does, an age without reference data has `None` results with the reason in its
/// `error`, and an observation without data at the corrected age, a height under 2 (metres?) or a value beyond
/// ±8 SDS (±15 for BMI) there is answered with its numbers and flagged in `observation_error`.
///
/// # Errors
/// An observation before the birth, a value that is not positive, or an SDS that is not finite. `api` reports
/// each as the API's 422.
pub fn calculate(
    reference: Reference,
    birth: &Birth,
    observation: &Observation,
) -> Result<MeasurementObject, MeasurementError> {
    let scores = scores(reference, birth, observation)?;
    measurement_object(reference, birth, observation, scores)
}

/// The measurement object around `scores`: the calendar ages, delivery date and comments of [`calculate`].
///
/// # Errors
/// As [`decimal_ages`].
pub(crate) fn measurement_object(
    reference: Reference,
    birth: &Birth,
    observation: &Observation,
    scores: Scores,
) -> Result<MeasurementObject, MeasurementError> {
    let Scores {
        chronological_decimal_age,
        corrected_decimal_age,
        corrected,
        chronological,
        observation_error,
    } = scores;
    let (date, gestation) = (birth.birth_date, birth.gestation);
    let obs = observation.observation_date;
    let edd = ages::estimated_date_delivery(date, gestation)
        .ok_or(MeasurementError::DeliveryDateOutOfRange)?;
    Ok(MeasurementObject {
        reference,
        birth: birth.clone(),
        estimated_date_delivery: edd,
        observation: observation.clone(),
        chronological_decimal_age,
        corrected_decimal_age,
        chronological_calendar_age: ages::calendar_parts(date, obs)
            .ok_or(MeasurementError::BeforeBirth)?,
        corrected_calendar_age: ages::calendar_parts(edd, obs),
        corrected_gestational_age: ages::corrected_gestational_age(date, obs, gestation),
        comments: Comments::select(
            reference,
            chronological_decimal_age,
            corrected_decimal_age,
            gestation,
        ),
        corrected,
        chronological,
        observation_error,
        beyond: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sex;

    fn birth() -> Birth {
        Birth {
            birth_date: Date::parse("2020-05-01").unwrap(),
            gestation: Gestation::TERM,
            sex: Sex::Female,
            method: Method::Height,
        }
    }

    fn observation(date: &str, value: f64) -> Observation {
        Observation {
            observation_date: Date::parse(date).unwrap(),
            observation_value: value,
            bone_age: BoneAge::default(),
        }
    }

    #[test]
    fn the_rust_api_checks_its_own_preconditions() {
        let early = observation("2020-04-30", 50.0);
        let e = calculate(Reference::UkWho, &birth(), &early).unwrap_err();
        assert_eq!(e, MeasurementError::BeforeBirth);
        let e: &dyn std::error::Error = &e;
        assert_eq!(
            e.to_string(),
            "The observation date is before the birth date."
        );
        let metres = observation("2025-05-01", 1.1);
        let flagged = calculate(Reference::UkWho, &birth(), &metres).unwrap();
        assert_eq!(flagged.observation_error, Some(MeasurementError::Metres));
        assert!(flagged.corrected.sds.is_some());
        let tall = observation("2025-05-01", 180.0);
        let flagged = calculate(Reference::UkWho, &birth(), &tall).unwrap();
        let e = flagged.observation_error.unwrap();
        assert!(matches!(e, MeasurementError::Implausible { limit: 8, .. }));
        assert!(flagged.corrected.sds.unwrap() > 8.0);
        let zero = observation("2025-05-01", 0.0);
        assert_eq!(
            calculate(Reference::UkWho, &birth(), &zero).unwrap_err(),
            MeasurementError::Calculation(CalcError::NotPositive)
        );
    }
}

//! The dGC measurement calculation: one observation in, the API's measurement object out.

use crate::ages::{self, Date, Gestation};
use crate::centile::{centile, Band, CentileBand, CentileFormat};
use crate::request::{Fields, Loc, ValidationError, Value};
use crate::sds::{percentage_median_bmi, sds_for_measurement, CalcError};
use crate::{Method, Reference, Sex};
use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;
use std::fmt;

/// Bone-age details, passed through unchanged.
#[derive(Clone, Debug, Default, PartialEq, DeriveSerialize)]
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

/// The bone-age methods the API accepts.
pub const BONE_AGE_TYPES: [&str; 5] = [
    "greulich-pyle",
    "tanner-whitehouse-ii",
    "tanner-whitehouse-iii",
    "fels",
    "bonexpert",
];

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
    /// Event notes, passed through.
    pub events_text: Option<Vec<Value>>,
}

impl Birth {
    /// Reads and validates the birth fields of a dGC request body.
    pub(crate) fn read(fields: &mut Fields) -> Option<Birth> {
        let birth_date = fields.date("birth_date");
        let weeks = fields.int_in("gestation_weeks", 40, 22, 44);
        let days = fields.int_in("gestation_days", 0, 0, 6);
        let sex = fields.sex();
        let method = fields.method();
        Some(Birth {
            birth_date: birth_date?,
            gestation: Gestation {
                weeks: weeks?,
                days: days?,
            },
            sex: sex?,
            method: method?,
        })
    }
}

impl Observation {
    /// Reads and validates the observation fields of a dGC request body or bulk observation.
    pub(crate) fn read(fields: &mut Fields) -> Option<Observation> {
        let observation_date = fields.date("observation_date");
        let observation_value = fields.positive("observation_value");
        let bone_age = BoneAge {
            bone_age: fields.optional_float("bone_age"),
            bone_age_type: fields.choice("bone_age_type", false, &BONE_AGE_TYPES, |t| {
                BONE_AGE_TYPES.iter().find(|&&k| k == t).copied()
            }),
            bone_age_sds: fields.optional_float("bone_age_sds"),
            bone_age_centile: fields.optional_float("bone_age_centile"),
            bone_age_text: fields.string("bone_age_text", false).map(str::to_owned),
        };
        let events_text = fields.list("events_text");
        Some(Observation {
            observation_date: observation_date?,
            observation_value: observation_value?,
            bone_age,
            events_text,
        })
    }
}

impl Observation {
    /// Reports an observation dated before the birth, under `key` (`birth_date` or `observation_date`).
    pub(crate) fn check_after(&self, birth: &Birth, fields: &mut Fields, key: &str) {
        if birth.birth_date > self.observation_date {
            let msg = "The observation date is before the birth date.";
            fields.fail(key, "value_error", msg);
        }
    }
}

/// A dGC `MeasurementRequest`: birth details and one observation.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementRequest {
    /// Birth details.
    pub birth: Birth,
    /// The observation.
    pub observation: Observation,
}

impl MeasurementRequest {
    /// Validates a request body, reporting every problem in the API's 422 shape.
    ///
    /// # Errors
    /// Missing or mistyped fields, impossible dates, gestation outside 22+0–44+6 weeks, a value that is not > 0,
    /// or a birth date after the observation date.
    pub fn from_value(body: &Value) -> Result<MeasurementRequest, ValidationError> {
        let mut fields = Fields::new(body, vec![Loc::Key("body".into())]);
        let birth = Birth::read(&mut fields);
        let observation = Observation::read(&mut fields);
        if let (Some(b), Some(o)) = (&birth, &observation) {
            o.check_after(b, &mut fields, "birth_date");
        }
        let (birth, observation) = fields.finish_with((birth, observation))?;
        Ok(MeasurementRequest { birth, observation })
    }
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

    /// (lay, clinician) sentences for the corrected or the chronological age. Like the band sentences, none
    /// contains the letters "is ", which the RCPCH chart component rewrites in long tooltip sentences.
    pub fn sentences(&self, corrected_age: bool) -> (String, String) {
        let Gestation { weeks: w, days: d } = self.gestation;
        match (self.kind, corrected_age) {
            (AgeComment::TermDueDate, _) => (
                "Your child was born on their due date, so their age needs no adjustment.".into(),
                if corrected_age {
                    "Term birth: corrected and chronological ages are the same.".into()
                } else {
                    "Term birth: no gestational correction needed.".into()
                },
            ),
            (AgeComment::PretermUncorrectedAfterTwo, _) => (
                format!("Your child was born early, at {w}+{d} weeks. The reference stops adjusting for early birth at 2 years of age."),
                format!("Born preterm at {w}+{d} weeks; the reference applies no gestational correction after 2 years."),
            ),
            (AgeComment::TermRangeUncorrected, _) => (
                format!("Your child was born at {w}+{d} weeks, which counts as term, so their age has not been adjusted."),
                format!("Born at {w}+{d} weeks (term range): the reference applies no gestational correction."),
            ),
            (AgeComment::TermUncorrected, _) => (
                "Your child was born at term, so their age has not been adjusted.".into(),
                "Born at term: no gestational correction applied.".into(),
            ),
            (AgeComment::Corrected, true) => (
                format!("Your child was born at {w}+{d} weeks, so their age has been adjusted to allow for their gestation at birth."),
                "Corrected for gestational age.".into(),
            ),
            (AgeComment::Corrected, false) => (
                "Your child's actual age, not adjusted for their gestation at birth.".into(),
                "Chronological age: not corrected for gestation.".into(),
            ),
        }
    }
}

/// SDS, centile and band for one of the two ages, or why there are none.
#[derive(Clone, Debug, PartialEq)]
pub struct Result1 {
    /// The SDS.
    pub sds: Option<f64>,
    /// The centile, 0–100, unrounded.
    pub centile: Option<f64>,
    /// The centile band.
    pub band: Option<CentileBand>,
    /// Why no SDS could be calculated.
    pub error: Option<String>,
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
    pub corrected: Result1,
    /// Results at the chronological age.
    pub chronological: Result1,
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
pub enum MeasurementError {
    /// The observation is dated before the birth.
    BeforeBirth,
    /// The estimated date of delivery falls outside years 1 to 9999.
    DeliveryDateOutOfRange,
    /// The reference has data at neither age ([`CalcError::NoData`]), or the SDS is not finite.
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

/// The messages name the rule, never the child's values.
impl fmt::Display for MeasurementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MeasurementError::BeforeBirth => {
                f.write_str("The observation date is before the birth date.")
            }
            MeasurementError::DeliveryDateOutOfRange => {
                f.write_str("The estimated date of delivery falls outside years 1 to 9999.")
            }
            MeasurementError::Calculation(e) => e.fmt(f),
            MeasurementError::Metres => f.write_str(
                "Height must be given in centimetres: a value under 2 looks like metres.",
            ),
            MeasurementError::Implausible { method, limit } => {
                let unit = match method {
                    Method::Weight => "kilograms",
                    Method::Bmi => "kg/m²",
                    _ => "centimetres",
                };
                write!(
                    f,
                    "The {} is more than {limit} SDS from the median for this age: it is probably an error \
                     (check that it is in {unit}).",
                    method.noun(),
                )
            }
        }
    }
}

impl std::error::Error for MeasurementError {}

/// The API's 422 for a calculation that cannot be made: `loc: ["body", "observation_value"]`,
/// `type: "value_error"`.
impl From<MeasurementError> for ValidationError {
    fn from(e: MeasurementError) -> ValidationError {
        ValidationError::field("observation_value", e.to_string(), "value_error")
    }
}

fn result_for(
    reference: Reference,
    method: Method,
    z: Result<f64, CalcError>,
    pmbmi: Option<f64>,
) -> Result1 {
    match z {
        Ok(z) => Result1 {
            sds: Some(z),
            centile: Some(centile(z)),
            band: Band::classify(z, band_format(reference, method))
                .map(|band| CentileBand { band, method }),
            error: None,
            percentage_median_bmi: pmbmi,
        },
        Err(e) => Result1 {
            sds: None,
            centile: None,
            band: None,
            error: Some(e.to_string()),
            percentage_median_bmi: pmbmi,
        },
    }
}

/// Whether the value is implausible where its SDS is `sds`: a height under 2 (metres, not centimetres), or an SDS
/// beyond ±8 (±15 for BMI).
fn implausible(method: Method, value: f64, sds: f64) -> Option<MeasurementError> {
    let limit: u8 = if method == Method::Bmi { 15 } else { 8 };
    if method == Method::Height && value < 2.0 {
        Some(MeasurementError::Metres)
    } else if sds.abs() > f64::from(limit) {
        Some(MeasurementError::Implausible { method, limit })
    } else {
        None
    }
}

/// Calculates the measurement object for one observation against `reference`.
///
/// Ages are corrected for gestation for life on UK-WHO, Turner and the trisomy-21 references; CDC and WHO correct
/// only births before 37 weeks, and only until the corrected age reaches 2 years (or for life after 42 weeks).
/// Where the reference has data at only one of the two ages, that age's results are returned and the other's
/// SDS, centile and band are `None` with the reason in its `error`, as rcpchgrowth's `Measurement` does.
///
/// # Errors
/// An observation before the birth; a reference with data at neither age; a value implausible at the corrected
/// age (at the chronological age where only that one has data): beyond ±8 SDS, ±15 for BMI, or a height under 2,
/// which looks like metres. `api` reports each as the API's 422.
pub fn calculate(
    reference: Reference,
    birth: &Birth,
    observation: &Observation,
) -> Result<MeasurementObject, MeasurementError> {
    let (date, gestation) = (birth.birth_date, birth.gestation);
    let obs = observation.observation_date;
    let chronological_calendar_age =
        ages::calendar_parts(date, obs).ok_or(MeasurementError::BeforeBirth)?;
    let edd = ages::estimated_date_delivery(date, gestation)
        .ok_or(MeasurementError::DeliveryDateOutOfRange)?;
    let chronological = ages::decimal_years(ages::chronological_days(date, obs));
    let mut corrected = ages::decimal_years(ages::corrected_days(date, obs, gestation));
    if matches!(reference, Reference::Cdc | Reference::Who)
        && ((corrected >= 2.0 && gestation.weeks < 37) || (37..=42).contains(&gestation.weeks))
    {
        corrected = chronological;
    }
    let (method, sex, value) = (birth.method, birth.sex, observation.observation_value);
    let corrected_z = sds_for_measurement(reference, corrected, method, sex, value);
    let chronological_z = if chronological == corrected {
        corrected_z
    } else {
        sds_for_measurement(reference, chronological, method, sex, value)
    };
    let z = match (corrected_z, chronological_z) {
        (Err(CalcError::NotFinite), _) | (_, Err(CalcError::NotFinite)) => {
            return Err(MeasurementError::Calculation(CalcError::NotFinite))
        }
        (Ok(z), _) | (Err(_), Ok(z)) => z,
        (Err(e), Err(_)) => return Err(MeasurementError::Calculation(e)),
    };
    if let Some(e) = implausible(method, value, z) {
        return Err(e);
    }
    let pmbmi = |age| {
        (method == Method::Bmi)
            .then(|| percentage_median_bmi(reference, age, sex, value).ok())
            .flatten()
    };
    Ok(MeasurementObject {
        reference,
        birth: birth.clone(),
        estimated_date_delivery: edd,
        observation: observation.clone(),
        chronological_decimal_age: chronological,
        corrected_decimal_age: corrected,
        chronological_calendar_age,
        corrected_calendar_age: ages::calendar_parts(edd, obs),
        corrected_gestational_age: ages::corrected_gestational_age(date, obs, gestation),
        comments: Comments::select(reference, chronological, corrected, gestation),
        corrected: result_for(reference, method, corrected_z, pmbmi(corrected)),
        chronological: result_for(reference, method, chronological_z, pmbmi(chronological)),
    })
}

/// Version and data provenance reported with every result.
pub mod provenance {
    /// This engine's name.
    pub const ENGINE: &str = "centile";
    /// This engine's version.
    pub const VERSION: &str = env!("CARGO_PKG_VERSION");
    /// The commit it was built from, when the build recorded one.
    pub const COMMIT: &str = match option_env!("CENTILE_GIT_COMMIT") {
        Some(c) => c,
        None => "unknown",
    };
    /// Where the reference tables come from.
    pub const REFERENCE_DATA: &str = "rcpchgrowth 4.6.5";
}

#[derive(DeriveSerialize)]
struct Engine {
    name: &'static str,
    version: &'static str,
    commit: &'static str,
}

#[derive(DeriveSerialize)]
struct ReferenceData {
    source: &'static str,
    fingerprint: &'static str,
}

#[derive(DeriveSerialize)]
struct Provenance {
    growth_reference: &'static str,
    calculation_engine: Engine,
    reference_data: ReferenceData,
}

#[derive(DeriveSerialize)]
struct BirthData<'a> {
    birth_date: Date,
    gestation_weeks: i32,
    gestation_days: i32,
    estimated_date_delivery: Date,
    estimated_date_delivery_string: String,
    sex: &'a str,
}

#[derive(DeriveSerialize)]
struct Cga {
    corrected_gestation_weeks: Option<i32>,
    corrected_gestation_days: Option<i32>,
}

#[derive(DeriveSerialize)]
struct CommentSet {
    clinician_corrected_decimal_age_comment: String,
    lay_corrected_decimal_age_comment: String,
    clinician_chronological_decimal_age_comment: String,
    lay_chronological_decimal_age_comment: String,
}

#[derive(DeriveSerialize)]
struct MeasurementDates {
    observation_date: Date,
    chronological_decimal_age: f64,
    corrected_decimal_age: f64,
    chronological_calendar_age: String,
    corrected_calendar_age: Option<String>,
    corrected_gestational_age: Cga,
    comments: CommentSet,
    corrected_decimal_age_error: Option<String>,
    chronological_decimal_age_error: Option<String>,
}

#[derive(DeriveSerialize)]
struct ChildObservationValue {
    measurement_method: &'static str,
    observation_value: f64,
    observation_value_error: Option<String>,
}

#[derive(DeriveSerialize)]
struct CalculatedValues<'a> {
    corrected_sds: Option<f64>,
    corrected_centile: Option<f64>,
    corrected_centile_band: Option<CentileBand>,
    chronological_sds: Option<f64>,
    chronological_centile: Option<f64>,
    chronological_centile_band: Option<CentileBand>,
    corrected_measurement_error: Option<&'a str>,
    chronological_measurement_error: Option<&'a str>,
    corrected_percentage_median_bmi: Option<f64>,
    chronological_percentage_median_bmi: Option<f64>,
}

/// One plotted point with every key of the dGC server's response model: `sds` is null on SDS-chart points
/// (whose `y` is the SDS), and `corrected_gestational_age` appears on corrected-age points only.
#[derive(DeriveSerialize)]
struct Point<'a> {
    x: f64,
    y: Option<f64>,
    b: Option<f64>,
    centile: Option<f64>,
    sds: Option<f64>,
    events_text: &'a Option<Vec<Value>>,
    bone_age_label: Option<&'a str>,
    bone_age_type: Option<&'static str>,
    bone_age_sds: Option<f64>,
    bone_age_centile: Option<f64>,
    observation_error: Option<&'a str>,
    age_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrected_gestational_age: Option<String>,
    calendar_age: Option<String>,
    lay_comment: String,
    clinician_comment: String,
    age_error: Option<String>,
    centile_band: Option<CentileBand>,
    observation_value_error: Option<&'a str>,
}

#[derive(DeriveSerialize)]
struct PointPair<'a> {
    chronological_decimal_age_data: Point<'a>,
    corrected_decimal_age_data: Point<'a>,
}

#[derive(DeriveSerialize)]
struct Plottable<'a> {
    centile_data: PointPair<'a>,
    sds_data: PointPair<'a>,
}

#[derive(DeriveSerialize)]
struct EventsData<'a> {
    events_text: &'a Option<Vec<Value>>,
}

#[derive(DeriveSerialize)]
struct Rendered<'a> {
    provenance: Provenance,
    birth_data: BirthData<'a>,
    measurement_dates: MeasurementDates,
    child_observation_value: ChildObservationValue,
    measurement_calculated_values: CalculatedValues<'a>,
    plottable_data: Plottable<'a>,
    bone_age: &'a BoneAge,
    events_data: EventsData<'a>,
}

impl MeasurementObject {
    fn chronological_text(&self) -> String {
        let (months, days) = self.chronological_calendar_age;
        ages::calendar_text(months, days)
    }

    fn point(&self, corrected: bool, centile_chart: bool) -> Point<'_> {
        let (result, x, calendar) = if corrected {
            (
                &self.corrected,
                self.corrected_decimal_age,
                self.corrected_calendar_age
                    .map(|(m, d)| ages::calendar_text(m, d)),
            )
        } else {
            (
                &self.chronological,
                self.chronological_decimal_age,
                Some(self.chronological_text()),
            )
        };
        let (lay_comment, clinician_comment) = self.comments.sentences(corrected);
        let bone = &self.observation.bone_age;
        Point {
            x,
            y: if centile_chart {
                Some(self.observation.observation_value)
            } else {
                result.sds
            },
            b: bone.bone_age,
            centile: result.centile,
            sds: if centile_chart { result.sds } else { None },
            events_text: &self.observation.events_text,
            bone_age_label: bone.bone_age_text.as_deref(),
            bone_age_type: bone.bone_age_type,
            bone_age_sds: bone.bone_age_sds,
            bone_age_centile: bone.bone_age_centile,
            observation_error: None,
            age_type: if corrected {
                "corrected_age"
            } else {
                "chronological_age"
            },
            corrected_gestational_age: corrected.then(|| {
                self.corrected_gestational_age
                    .map_or(String::new(), |(w, d)| ages::gestational_age_text(w, d))
            }),
            calendar_age: calendar,
            lay_comment,
            clinician_comment,
            age_error: None,
            centile_band: result.band,
            observation_value_error: result.error.as_deref(),
        }
    }

    fn pair(&self, centile_chart: bool) -> PointPair<'_> {
        PointPair {
            chronological_decimal_age_data: self.point(false, centile_chart),
            corrected_decimal_age_data: self.point(true, centile_chart),
        }
    }
}

impl Serialize for MeasurementObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (lay_corrected, clinician_corrected) = self.comments.sentences(true);
        let (lay_chronological, clinician_chronological) = self.comments.sentences(false);
        let (cga_weeks, cga_days) = self.corrected_gestational_age.unzip();
        Rendered {
            provenance: Provenance {
                growth_reference: self.reference.name(),
                calculation_engine: Engine {
                    name: provenance::ENGINE,
                    version: provenance::VERSION,
                    commit: provenance::COMMIT,
                },
                reference_data: ReferenceData {
                    source: provenance::REFERENCE_DATA,
                    fingerprint: crate::data::FINGERPRINT,
                },
            },
            birth_data: BirthData {
                birth_date: self.birth.birth_date,
                gestation_weeks: self.birth.gestation.weeks,
                gestation_days: self.birth.gestation.days,
                estimated_date_delivery: self.estimated_date_delivery,
                estimated_date_delivery_string: self.estimated_date_delivery.long_form(),
                sex: self.birth.sex.name(),
            },
            measurement_dates: MeasurementDates {
                observation_date: self.observation.observation_date,
                chronological_decimal_age: self.chronological_decimal_age,
                corrected_decimal_age: self.corrected_decimal_age,
                chronological_calendar_age: self.chronological_text(),
                corrected_calendar_age: self
                    .corrected_calendar_age
                    .map(|(m, d)| ages::calendar_text(m, d)),
                corrected_gestational_age: Cga {
                    corrected_gestation_weeks: cga_weeks,
                    corrected_gestation_days: cga_days,
                },
                comments: CommentSet {
                    clinician_corrected_decimal_age_comment: clinician_corrected,
                    lay_corrected_decimal_age_comment: lay_corrected,
                    clinician_chronological_decimal_age_comment: clinician_chronological,
                    lay_chronological_decimal_age_comment: lay_chronological,
                },
                corrected_decimal_age_error: None,
                chronological_decimal_age_error: None,
            },
            child_observation_value: ChildObservationValue {
                measurement_method: self.birth.method.name(),
                observation_value: self.observation.observation_value,
                observation_value_error: None,
            },
            measurement_calculated_values: CalculatedValues {
                corrected_sds: self.corrected.sds,
                corrected_centile: self.corrected.centile,
                corrected_centile_band: self.corrected.band,
                chronological_sds: self.chronological.sds,
                chronological_centile: self.chronological.centile,
                chronological_centile_band: self.chronological.band,
                corrected_measurement_error: self.corrected.error.as_deref(),
                chronological_measurement_error: self.chronological.error.as_deref(),
                corrected_percentage_median_bmi: self.corrected.percentage_median_bmi,
                chronological_percentage_median_bmi: self.chronological.percentage_median_bmi,
            },
            plottable_data: Plottable {
                centile_data: self.pair(true),
                sds_data: self.pair(false),
            },
            bone_age: &self.observation.bone_age,
            events_data: EventsData {
                events_text: &self.observation.events_text,
            },
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            events_text: None,
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
        assert_eq!(
            calculate(Reference::UkWho, &birth(), &metres).unwrap_err(),
            MeasurementError::Metres
        );
        let tall = observation("2025-05-01", 180.0);
        let e = calculate(Reference::UkWho, &birth(), &tall).unwrap_err();
        assert!(matches!(e, MeasurementError::Implausible { limit: 8, .. }));
        let api = ValidationError::from(e);
        assert_eq!(api.detail[0].kind, "value_error");
        assert_eq!(
            serde_json::to_value(&api.detail[0].loc).unwrap(),
            serde_json::json!(["body", "observation_value"])
        );
    }
}

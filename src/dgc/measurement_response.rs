//! The dGC response JSON of a measurement object, and the provenance reported with it.

use crate::dgc::measurement_request::EventsText;
use crate::dgc::value::Value;
use crate::engine::ages::{self, Date};
use crate::engine::centiles::CentileBand;
use crate::engine::measurement::{AgeBasis, BoneAge, MeasurementObject};
use crate::engine::nutrition::indicator::{self, Beyond, FlagScore};
use serde::ser::{Serialize, Serializer};
use serde::Serialize as DeriveSerialize;
use std::ops::Deref;

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
    /// Where the tables beyond the dGC references come from (reference-data/nutrition/).
    pub const NUTRITION_DATA: &str =
        "WHO anthro (WHO 2006 standards), CDC 2000 data files, sitar 1.5.0 (IOTF): beyond the dGC API";
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
struct CalculatedValues {
    corrected_sds: Option<f64>,
    corrected_centile: Option<f64>,
    corrected_centile_band: Option<CentileBand>,
    chronological_sds: Option<f64>,
    chronological_centile: Option<f64>,
    chronological_centile_band: Option<CentileBand>,
    corrected_measurement_error: Option<String>,
    chronological_measurement_error: Option<String>,
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
    events_text: &'a EventsText,
    bone_age_label: Option<&'a str>,
    bone_age_type: Option<&'static str>,
    bone_age_sds: Option<f64>,
    bone_age_centile: Option<f64>,
    observation_error: Option<String>,
    age_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrected_gestational_age: Option<String>,
    calendar_age: Option<String>,
    lay_comment: String,
    clinician_comment: String,
    age_error: Option<String>,
    centile_band: Option<CentileBand>,
    observation_value_error: Option<String>,
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
    events_text: &'a EventsText,
}

#[derive(DeriveSerialize)]
struct Rendered<'a> {
    provenance: Provenance,
    birth_data: BirthData<'a>,
    measurement_dates: MeasurementDates,
    child_observation_value: ChildObservationValue,
    measurement_calculated_values: CalculatedValues,
    plottable_data: Plottable<'a>,
    bone_age: &'a BoneAge,
    events_data: EventsData<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beyond_dgc: Option<Value>,
}

/// A measurement as the API answers it: the engine's measurement object, and the request's event notes passed
/// through. It reads as its measurement object.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementResponse {
    /// The engine's result.
    pub object: MeasurementObject,
    /// The observation's event notes, as the request gave them.
    pub events_text: EventsText,
}

impl Deref for MeasurementResponse {
    type Target = MeasurementObject;

    fn deref(&self) -> &MeasurementObject {
        &self.object
    }
}

/// The `beyond_dgc` block: what a measurement beyond the dGC API was read against and what follows from it, and
/// the implausible-value flags a bulk request asked for. Built as a [`Value`], whose serialisation the response
/// already carries (smaller than a derived one per struct in the .wasm).
fn beyond_dgc(b: &Beyond) -> Value {
    use crate::engine::nutrition::flags;
    let text = |s: &str| Value::String(s.to_owned());
    let number = |x: Option<f64>| x.map_or(Value::Null, Value::Number);
    let object = |members: Vec<(&str, Value)>| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    };
    let flagged = |name: &str,
                   score: &str,
                   s: FlagScore,
                   (low, high): (f64, f64),
                   flag: Option<flags::Flag>| {
        object(vec![
            ("name", text(name)),
            ("score", text(score)),
            ("value", Value::Number(s.value)),
            (
                "cut_offs",
                Value::Array(vec![Value::Number(low), Value::Number(high)]),
            ),
            ("flag", flag.map_or(Value::Null, |f| text(f.name()))),
        ])
    };
    let flags = b.flags.map(|f| {
        let who = f.who.map_or(Value::Null, |s| {
            let cut = flags::who_cut_offs(s.indicator);
            let flag = flags::who(s.indicator, s.value);
            flagged(
                "WHO Anthro",
                "z-score (rounded to 2 decimals)",
                s,
                cut,
                flag,
            )
        });
        let cdc = f
            .cdc
            .and_then(|s| {
                let cut = flags::cdc_cut_offs(s.indicator)?;
                let flag = flags::cdc(s.indicator, s.value);
                Some(flagged(
                    "CDC SAS program (BIV)",
                    "modified z-score",
                    s,
                    cut,
                    flag,
                ))
            })
            .unwrap_or(Value::Null);
        (
            "implausible_value_flags",
            object(vec![("who", who), ("cdc", cdc)]),
        )
    });
    let mut members = match b.indicator {
        Some(i) => vec![
            ("measurement_method", text(i.method_name())),
            ("growth_reference", text(i.reference_name())),
            (
                "table",
                b.chart
                    .map_or(Value::Null, |c| text(indicator::table_name(c))),
            ),
            ("length_height_read", number(b.length_read)),
            (
                "acute_malnutrition",
                b.malnutrition.map_or(Value::Null, |c| {
                    object(vec![
                        ("classification", text(c.grade.name())),
                        ("source", text(c.source)),
                    ])
                }),
            ),
            (
                "iotf",
                b.iotf.map_or(Value::Null, |s| {
                    object(vec![
                        ("adult_equivalent_bmi", number(s.adult_equivalent_bmi)),
                        ("category", text(s.category.name())),
                    ])
                }),
            ),
        ],
        None => Vec::new(),
    };
    members.extend(flags);
    object(members)
}

impl MeasurementResponse {
    fn chronological_text(&self) -> String {
        let (months, days) = self.chronological_calendar_age;
        ages::calendar_text(months, days)
    }

    fn point(&self, age: AgeBasis, centile_chart: bool) -> Point<'_> {
        let corrected = age == AgeBasis::Corrected;
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
        let (lay_comment, clinician_comment) = self.comments.sentences(age);
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
            events_text: &self.events_text,
            bone_age_label: bone.bone_age_text.as_deref(),
            bone_age_type: bone.bone_age_type,
            bone_age_sds: bone.bone_age_sds,
            bone_age_centile: bone.bone_age_centile,
            // rcpchgrowth's SDS points have no such key; the server's model sends null.
            observation_error: if centile_chart {
                self.observation_error.as_ref().map(|e| e.message())
            } else {
                None
            },
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
            observation_value_error: result.error.as_ref().map(|e| e.message()),
        }
    }

    fn pair(&self, centile_chart: bool) -> PointPair<'_> {
        PointPair {
            chronological_decimal_age_data: self.point(AgeBasis::Chronological, centile_chart),
            corrected_decimal_age_data: self.point(AgeBasis::Corrected, centile_chart),
        }
    }
}

impl Serialize for MeasurementResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (lay_corrected, clinician_corrected) = self.comments.sentences(AgeBasis::Corrected);
        let (lay_chronological, clinician_chronological) =
            self.comments.sentences(AgeBasis::Chronological);
        let (cga_weeks, cga_days) = self.corrected_gestational_age.unzip();
        let indicator = self.beyond.as_ref().and_then(|b| b.indicator);
        Rendered {
            provenance: Provenance {
                growth_reference: indicator.map_or(self.reference.name(), |i| i.reference_name()),
                calculation_engine: Engine {
                    name: provenance::ENGINE,
                    version: provenance::VERSION,
                    commit: provenance::COMMIT,
                },
                reference_data: ReferenceData {
                    source: if indicator.is_some() {
                        provenance::NUTRITION_DATA
                    } else {
                        provenance::REFERENCE_DATA
                    },
                    fingerprint: if indicator.is_some() {
                        crate::engine::data::NUTRITION_FINGERPRINT
                    } else {
                        crate::engine::data::FINGERPRINT
                    },
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
                measurement_method: indicator.map_or(self.birth.method.name(), |i| i.method_name()),
                observation_value: self.observation.observation_value,
                observation_value_error: self.observation_error.as_ref().map(|e| e.message()),
            },
            measurement_calculated_values: CalculatedValues {
                corrected_sds: self.corrected.sds,
                corrected_centile: self.corrected.centile,
                corrected_centile_band: self.corrected.band,
                chronological_sds: self.chronological.sds,
                chronological_centile: self.chronological.centile,
                chronological_centile_band: self.chronological.band,
                corrected_measurement_error: self.corrected.error.as_ref().map(|e| e.message()),
                chronological_measurement_error: self
                    .chronological
                    .error
                    .as_ref()
                    .map(|e| e.message()),
                corrected_percentage_median_bmi: self.corrected.percentage_median_bmi,
                chronological_percentage_median_bmi: self.chronological.percentage_median_bmi,
            },
            plottable_data: Plottable {
                centile_data: self.pair(true),
                sds_data: self.pair(false),
            },
            bone_age: &self.observation.bone_age,
            events_data: EventsData {
                events_text: &self.events_text,
            },
            beyond_dgc: if crate::dgc::nutrition::BUILT_IN {
                self.beyond.as_deref().map(beyond_dgc)
            } else {
                None
            },
        }
        .serialize(serializer)
    }
}

/// A date as the API writes it: `YYYY-MM-DD`.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// A centile band as its sentence.
impl Serialize for CentileBand {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.message())
    }
}

/// The bone-age details, passed through: their fields in order.
#[derive(DeriveSerialize)]
#[serde(remote = "BoneAge")]
struct BoneAgeJson {
    bone_age: Option<f64>,
    bone_age_type: Option<&'static str>,
    bone_age_sds: Option<f64>,
    bone_age_centile: Option<f64>,
    bone_age_text: Option<String>,
}

impl Serialize for BoneAge {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        BoneAgeJson::serialize(self, serializer)
    }
}

//! Scaffolding shared by the native tests (`mod common;`): the named tolerances, one seeded random generator,
//! and the golden vectors of tests/vectors/ (written by tests/oracle/*.py) read into typed rows.
// Each test crate uses a part of this module.
#![allow(dead_code)]

use centile::{Method, Reference, Sex};
use serde::Deserialize;
use serde_json::Value as Json;

pub mod rng;

/// SDS, centiles, percentage median BMI and chart coordinates agree with rcpchgrowth 4.6.5 to this, absolute.
pub const SDS_ABS: f64 = 1e-9;
/// Z-scores beyond the dGC references agree with WHO Anthro, sitar and the CDC programs to this, absolute.
pub const NUTRITION_Z_ABS: f64 = 1e-6;
/// An identity that holds up to floating-point rounding only (the LMS formula written out, a zero SDS).
pub const ROUNDING_ABS: f64 = 1e-12;

/// tests/vectors/`name`, parsed.
pub fn load(name: &str) -> Json {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `cases` of tests/vectors/`name` as rows of type `T` (each case is a JSON array, in `T`'s field order).
pub fn cases<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    let doc = load(name);
    let cases = doc["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no cases"));
    cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            serde_json::from_value(c.clone())
                .unwrap_or_else(|e| panic!("{name} case {i}: {e}: {c}"))
        })
        .collect()
}

/// What rcpchgrowth answered: a value, or the text of the exception it raised.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Answer<T> {
    Value(T),
    Error(String),
}

impl<T> Answer<T> {
    /// Whether rcpchgrowth raised an error whose text starts with `prefix`.
    pub fn is_error(&self, prefix: &str) -> bool {
        matches!(self, Answer::Error(e) if e.starts_with(prefix))
    }
}

impl<T: Copy> Answer<Option<T>> {
    /// The value; `None` for an error or a `null` answer.
    pub fn value(&self) -> Option<T> {
        match self {
            Answer::Value(v) => *v,
            Answer::Error(_) => None,
        }
    }
}

/// A row of calculation.json and flagged.json: one request to `POST /{reference}/calculation`.
#[derive(Clone, Debug, Deserialize)]
pub struct CalculationCase {
    pub reference: String,
    pub birth_date: String,
    pub observation_date: String,
    pub sex: String,
    pub measurement_method: String,
    pub observation_value: f64,
    pub gestation_weeks: i64,
    pub gestation_days: i64,
    /// rcpchgrowth's measurement; an error's text; or, in flagged.json, "observation_value_error: …" for an
    /// object flagged so.
    pub expected: Answer<Calculated>,
}

impl CalculationCase {
    /// The dGC request body.
    pub fn body(&self) -> Json {
        serde_json::json!({
            "birth_date": self.birth_date, "observation_date": self.observation_date, "sex": self.sex,
            "measurement_method": self.measurement_method, "observation_value": self.observation_value,
            "gestation_weeks": self.gestation_weeks, "gestation_days": self.gestation_days,
        })
    }
}

/// The reference, method and sex a row names (all known to the vectors that use this).
pub fn terms(reference: &str, method: &str, sex: &str) -> (Reference, Method, Sex) {
    match (
        Reference::parse(reference),
        Method::parse(method),
        Sex::parse(sex),
    ) {
        (Some(r), Some(m), Some(s)) => (r, m, s),
        _ => panic!(
            "unknown reference, method or sex in a golden vector: {reference} {method} {sex}"
        ),
    }
}

/// What rcpchgrowth computed for a calculation case (the sentences are compared by kind, not text). In the file
/// it is one flat array, in this order (`scores` at the corrected age, then at the chronological age).
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "Vec<Json>")]
pub struct Calculated {
    pub chronological_decimal_age: f64,
    pub corrected_decimal_age: f64,
    pub estimated_date_delivery: String,
    pub estimated_date_delivery_string: String,
    pub chronological_calendar_age: String,
    pub corrected_calendar_age: Option<String>,
    pub corrected_gestation_weeks: Option<i32>,
    pub corrected_gestation_days: Option<i32>,
    /// The kind of the age comment (`term_due_date`, `corrected`, …).
    pub comment: String,
    pub corrected: AgeCalculated,
    pub chronological: AgeCalculated,
    pub corrected_percentage_median_bmi: Option<f64>,
    pub chronological_percentage_median_bmi: Option<f64>,
    pub gestation_weeks: i32,
    pub gestation_days: i32,
    /// flagged.json only: whether `observation_value_error` is set.
    pub observation_value_error: Option<bool>,
}

/// The scores at one age.
#[derive(Clone, Debug)]
pub struct AgeCalculated {
    pub sds: Option<f64>,
    pub centile: Option<f64>,
    /// `outside`, `below`, `above`, `on:C` or `between:A:B`; null without a centile.
    pub band: Option<String>,
    /// Whether the age's measurement error is set.
    pub error: bool,
}

/// Item `i` of `row` (null past its end) as a `T`.
fn item<T: serde::de::DeserializeOwned>(row: &[Json], i: usize) -> Result<T, String> {
    serde_json::from_value(row.get(i).cloned().unwrap_or(Json::Null))
        .map_err(|e| format!("value {i}: {e}"))
}

impl TryFrom<Vec<Json>> for Calculated {
    type Error = String;

    fn try_from(row: Vec<Json>) -> Result<Calculated, String> {
        if !(21..=22).contains(&row.len()) {
            return Err(format!("{} values, not 21 or 22", row.len()));
        }
        let age = |i: usize| -> Result<AgeCalculated, String> {
            Ok(AgeCalculated {
                sds: item(&row, i)?,
                centile: item(&row, i + 1)?,
                band: item(&row, i + 2)?,
                error: item(&row, i + 3)?,
            })
        };
        Ok(Calculated {
            chronological_decimal_age: item(&row, 0)?,
            corrected_decimal_age: item(&row, 1)?,
            estimated_date_delivery: item(&row, 2)?,
            estimated_date_delivery_string: item(&row, 3)?,
            chronological_calendar_age: item(&row, 4)?,
            corrected_calendar_age: item(&row, 5)?,
            corrected_gestation_weeks: item(&row, 6)?,
            corrected_gestation_days: item(&row, 7)?,
            comment: item(&row, 8)?,
            corrected: age(9)?,
            chronological: age(13)?,
            corrected_percentage_median_bmi: item(&row, 17)?,
            chronological_percentage_median_bmi: item(&row, 18)?,
            gestation_weeks: item(&row, 19)?,
            gestation_days: item(&row, 20)?,
            observation_value_error: item(&row, 21)?,
        })
    }
}

/// A row of sds_for_measurement.json: `sds_for_measurement(reference, age, method, observation_value, sex)`.
#[derive(Clone, Debug, Deserialize)]
pub struct SdsCase {
    pub reference: String,
    pub measurement_method: String,
    pub sex: String,
    pub age: f64,
    pub observation_value: f64,
    pub sds: Answer<Option<f64>>,
}

/// A row of measurement_from_sds.json: `measurement_from_sds(reference, method, sds, sex, age)`.
#[derive(Clone, Debug, Deserialize)]
pub struct MeasurementFromSdsCase {
    pub reference: String,
    pub measurement_method: String,
    pub sex: String,
    pub age: f64,
    pub sds: f64,
    pub measurement: Answer<Option<f64>>,
}

/// A row of percentage_median_bmi.json: `percentage_median_bmi(reference, age, actual_bmi, sex)`.
#[derive(Clone, Debug, Deserialize)]
pub struct PercentageMedianBmiCase {
    pub reference: String,
    pub sex: String,
    pub age: f64,
    pub bmi: f64,
    pub percentage: Answer<Option<f64>>,
}

/// centile.json: `(sds, centile)` pairs of rcpchgrowth's `centile(sds)` and `(centile, sds)` pairs of its
/// `sds_for_centile(centile)`.
#[derive(Clone, Debug, Deserialize)]
pub struct CentilePairs {
    pub sds_to_centile: Vec<(f64, f64)>,
    pub centile_to_sds: Vec<(f64, f64)>,
}

/// centile.json, read.
pub fn centile_pairs() -> CentilePairs {
    serde_json::from_value(load("centile.json")).unwrap_or_else(|e| panic!("centile.json: {e}"))
}

/// A row of measurement_full.json: a calculation request and rcpchgrowth's whole measurement object.
#[derive(Clone, Debug, Deserialize)]
pub struct FullMeasurementCase {
    pub reference: String,
    pub request: Json,
    pub measurement: Json,
}

/// A row of fictional_child.json: a `POST /{reference}/fictional-child-data` request, rcpchgrowth's series (or
/// its error), and the velocity and acceleration of that series.
#[derive(Clone, Debug, Deserialize)]
pub struct FictionalCase {
    pub reference: String,
    pub request: Json,
    pub series: Answer<Vec<FictionalObservation>>,
    /// `[velocity, acceleration]`, each a number or rcpchgrowth's error; null for a series it refused.
    pub dynamics: Option<[Answer<f64>; 2]>,
}

/// One observation of a fictional series.
#[derive(Clone, Debug, Deserialize)]
pub struct FictionalObservation {
    pub observation_date: String,
    pub observation_value: f64,
    /// Whether rcpchgrowth flags it (`observation_value_error`).
    pub flagged: bool,
    pub corrected_sds: Option<f64>,
    pub chronological_sds: Option<f64>,
    pub chronological_decimal_age: f64,
}

/// A row of thrive_lines.json: `create_thrive_line(sex, start_sds, months, target_centile)` and its answer.
#[derive(Clone, Debug, Deserialize)]
pub struct ThriveCase {
    pub sex: String,
    pub start_sds: f64,
    pub months: Vec<f64>,
    pub target_centile: f64,
    pub line: Answer<ThriveAnswer>,
}

/// rcpchgrowth's thrive line.
#[derive(Clone, Debug, Deserialize)]
pub struct ThriveAnswer {
    pub zs: Vec<f64>,
    pub ages: Vec<f64>,
    pub observation_values: Vec<Option<f64>>,
}

/// A row of mid_parental_height.json: `POST /utilities/mid-parental-height` and rcpchgrowth's answer (its
/// chart lines kept as JSON, compared by tests/charts.rs).
#[derive(Clone, Debug, Deserialize)]
pub struct MidParentalCase {
    pub height_maternal: f64,
    pub height_paternal: f64,
    pub sex: String,
    pub reference: String,
    pub answer: Answer<serde_json::Map<String, Json>>,
}

/// tests/vectors/nutrition/`name`.csv (written by tests/oracle/nutrition.R) as rows of type `T`: each line an
/// object of its header's columns, `NA` as null and numbers as numbers.
pub fn nutrition_rows<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    let path = format!(
        "{}/tests/vectors/nutrition/{name}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or_else(|| panic!("{path}: empty"))
        .split(',')
        .collect();
    let cell = |c: &str| match c {
        "NA" => Json::Null,
        _ => c
            .parse::<i64>()
            .map(Json::from)
            .or_else(|_| c.parse::<f64>().map(Json::from))
            .unwrap_or_else(|_| Json::from(c)),
    };
    lines
        .enumerate()
        .map(|(i, line)| {
            let row: serde_json::Map<String, Json> = header
                .iter()
                .map(|h| h.to_string())
                .zip(line.split(',').map(cell))
                .collect();
            serde_json::from_value(Json::Object(row))
                .unwrap_or_else(|e| panic!("{path} row {i}: {e}: {line}"))
        })
        .collect()
}

/// The R packages' sex code: 1 male, 2 female.
fn coded_sex<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Sex, D::Error> {
    match u8::deserialize(d)? {
        1 => Ok(Sex::Male),
        2 => Ok(Sex::Female),
        other => Err(serde::de::Error::custom(format!("sex code {other}"))),
    }
}

/// anthro's and igrowup's measuring position: `l` lying (length), `h` standing (height).
fn coded_position<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<centile::engine::nutrition::Position, D::Error> {
    use centile::engine::nutrition::Position;
    match String::deserialize(d)?.as_str() {
        "l" => Ok(Position::Lying),
        "h" => Ok(Position::Standing),
        other => Err(serde::de::Error::custom(format!("position {other}"))),
    }
}

/// A row of who_weight_for_length_height.csv: anthro's weight-for-length/height z-score and flag.
#[derive(Clone, Debug, Deserialize)]
pub struct WhoWeightForLengthCase {
    #[serde(deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub age_days: i64,
    #[serde(deserialize_with = "coded_position")]
    pub position: centile::engine::nutrition::Position,
    pub lenhei: f64,
    pub weight: f64,
    pub z: Option<f64>,
    pub flag: Option<u8>,
}

/// A row of who_ac.csv, who_ts.csv or who_ss.csv: anthro's for-age z-score and flag.
#[derive(Clone, Debug, Deserialize)]
pub struct WhoForAgeCase {
    #[serde(deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub age_days: i64,
    pub value: f64,
    pub z: Option<f64>,
    pub flag: Option<u8>,
}

/// A row of iotf.csv: sitar's IOTF z-score, adult-equivalent BMI and category (1 = the lowest cut-off's).
#[derive(Clone, Debug, Deserialize)]
pub struct IotfCase {
    #[serde(deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub age: f64,
    pub bmi: f64,
    pub z: Option<f64>,
    pub adult_equivalent_bmi: Option<f64>,
    pub category: Option<usize>,
}

/// A row of cdc_for_age.csv: the CDC SAS program's modified z-score and BIV flag (-1, 0, 1).
#[derive(Clone, Debug, Deserialize)]
pub struct CdcForAgeCase {
    #[serde(deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub method: String,
    pub age_days: f64,
    pub value: f64,
    pub modified_z: f64,
    pub biv: i8,
}

/// A row of cdc_weight_for_length.csv or cdc_weight_for_stature.csv: the SAS program's z, modified z and BIV.
#[derive(Clone, Debug, Deserialize)]
pub struct CdcWeightForLengthCase {
    #[serde(deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub cm: f64,
    pub weight: f64,
    pub z: f64,
    pub modified_z: f64,
    pub biv: i8,
}

/// A row of who_igrowup_survey.csv: one child of WHO's example survey and igrowup's 2-decimal z-scores (`z…`)
/// and flags (`f…`) for weight-for-length/height, arm circumference, triceps and subscapular skinfolds.
#[derive(Clone, Debug, Deserialize)]
pub struct IgrowupCase {
    #[serde(rename = "gender", deserialize_with = "coded_sex")]
    pub sex: Sex,
    pub age_days: i64,
    pub weight: Option<f64>,
    pub height: Option<f64>,
    #[serde(rename = "measure", deserialize_with = "coded_position")]
    pub position: centile::engine::nutrition::Position,
    pub muac: Option<f64>,
    pub tri: Option<f64>,
    pub sub: Option<f64>,
    pub zwfl: Option<f64>,
    pub fwfl: Option<u8>,
    pub zac: Option<f64>,
    pub fac: Option<u8>,
    pub zts: Option<f64>,
    pub fts: Option<u8>,
    pub zss: Option<f64>,
    pub fss: Option<u8>,
}

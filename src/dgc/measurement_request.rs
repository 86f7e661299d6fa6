//! Reading a dGC request body into the birth details and the observation of a measurement.

use super::error::{Loc, ValidationError};
use super::fields::Fields;
use super::shape::{Shape, Whole};
use super::value::Value;
use crate::engine::ages::Gestation;
use crate::engine::measurement::{Birth, BoneAge, MeasurementError, Observation};
use crate::Method;

/// The bone-age methods the API accepts.
pub(crate) const BONE_AGE_TYPES: [&str; 5] = [
    "greulich-pyle",
    "tanner-whitehouse-ii",
    "tanner-whitehouse-iii",
    "fels",
    "bonexpert",
];

/// The birth fields of a request.
pub(crate) const BIRTH_FIELDS: &[(&str, Shape)] = &[
    ("birth_date", Shape::Any),
    ("gestation_weeks", Shape::Any),
    ("gestation_days", Shape::Any),
    ("sex", Shape::Any),
    ("measurement_method", Shape::Any),
];

/// The observation's date and value.
pub(crate) const OBSERVED_FIELDS: &[(&str, Shape)] = &[
    ("observation_date", Shape::Any),
    ("observation_value", Shape::Any),
];

/// The observation fields passed through to the response unchanged (bone age and events).
pub(crate) const PASSTHROUGH_FIELDS: &[(&str, Shape)] = &[
    ("bone_age", Shape::Any),
    ("bone_age_type", Shape::Any),
    ("bone_age_sds", Shape::Any),
    ("bone_age_centile", Shape::Any),
    ("bone_age_text", Shape::Any),
    ("events_text", Shape::Any),
];

/// Beyond the dGC API: the length (`weight_for_length`) or height (`weight_for_height`) the weight was taken at,
/// cm. The dGC methods ignore them, as the dGC server ignores fields it does not know.
pub(crate) const LENGTH_FIELDS: &[(&str, Shape)] =
    &[("length", Shape::Any), ("height", Shape::Any)];

/// One observation (of a bulk request).
pub(crate) const OBSERVATION: Shape =
    Shape::Object(&[OBSERVED_FIELDS, PASSTHROUGH_FIELDS, LENGTH_FIELDS]);

/// A `calculation` request: birth details and one observation.
pub(crate) const CALCULATION: Shape = Shape::Object(&[
    BIRTH_FIELDS,
    OBSERVED_FIELDS,
    PASSTHROUGH_FIELDS,
    LENGTH_FIELDS,
]);

/// A `bulk-calculation` request: birth details, a list of observations and, beyond the dGC API, whether to add
/// the implausible-value flags.
pub(crate) const BULK: Shape = Shape::Object(&[
    BIRTH_FIELDS,
    &[
        ("observations", Shape::List(&OBSERVATION)),
        ("implausible_value_flags", Shape::Any),
    ],
]);

/// Gestation at birth, whole weeks (default term).
pub const GESTATION_WEEKS: Whole = Whole {
    default: 40,
    lo: 22,
    hi: 44,
};

/// Gestation at birth, days beyond the whole weeks.
pub const GESTATION_DAYS: Whole = Whole {
    default: 0,
    lo: 0,
    hi: 6,
};

impl Birth {
    /// Reads and validates the birth fields of a dGC request body.
    pub(crate) fn read(fields: &mut Fields) -> Option<Birth> {
        Birth::read_with(fields, |f| f.method())
    }

    /// As [`Birth::read`], with `measurement_method` read by `method`.
    pub(crate) fn read_with<'a>(
        fields: &mut Fields<'a>,
        method: impl FnOnce(&mut Fields<'a>) -> Option<Method>,
    ) -> Option<Birth> {
        let birth_date = fields.date("birth_date");
        let weeks = fields.int_in("gestation_weeks", GESTATION_WEEKS);
        let days = fields.int_in("gestation_days", GESTATION_DAYS);
        let sex = fields.sex();
        let method = method(fields);
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

/// An observation's event notes: a list of any JSON values, which the API passes through to its response unread.
pub type EventsText = Option<Vec<Value>>;

impl Observation {
    /// Reads and validates the observation fields of a dGC request body or bulk observation, and its event notes.
    pub(crate) fn read(fields: &mut Fields) -> Option<(Observation, EventsText)> {
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
        let observation = Observation {
            observation_date: observation_date?,
            observation_value: observation_value?,
            bone_age,
        };
        Some((observation, events_text))
    }
}

/// Passes over the length and height fields beyond the dGC API, which no dGC method reads.
pub(crate) fn ignore_lengths(fields: &Fields) {
    for (key, _) in LENGTH_FIELDS {
        let _ = fields.raw(key);
    }
}

impl Observation {
    /// Reports an observation dated before the birth, under `key` (`birth_date` or `observation_date`).
    pub(crate) fn check_after(&self, birth: &Birth, fields: &mut Fields, key: &str) {
        if birth.birth_date > self.observation_date {
            fields.fail(key, "value_error", MeasurementError::BeforeBirth.message());
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
    /// Its event notes, passed through.
    pub events_text: EventsText,
}

impl MeasurementRequest {
    /// Validates a request body, reporting every problem in the API's 422 shape.
    ///
    /// # Errors
    /// Missing or mistyped fields, impossible dates, gestation outside 22+0–44+6 weeks, a value that is not > 0,
    /// or a birth date after the observation date.
    pub fn from_value(body: &Value) -> Result<MeasurementRequest, ValidationError> {
        let mut fields = Fields::new(body, &CALCULATION, vec![Loc::Key("body".into())]);
        let birth = Birth::read(&mut fields);
        let observation = Observation::read(&mut fields);
        ignore_lengths(&fields);
        if let (Some(b), Some((o, _))) = (&birth, &observation) {
            o.check_after(b, &mut fields, "birth_date");
        }
        let (birth, (observation, events_text)) = fields.finish_with((birth, observation))?;
        Ok(MeasurementRequest {
            birth,
            observation,
            events_text,
        })
    }
}

/// The API's 422 for a calculation that cannot be made (or, in strict mode, a flagged one):
/// `loc: ["body", "observation_value"]`, `type: "value_error"`.
impl From<MeasurementError> for ValidationError {
    fn from(e: MeasurementError) -> ValidationError {
        ValidationError::field("observation_value", e.message(), "value_error")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_rejection_is_a_422_on_the_observation_value() {
        let e = MeasurementError::Implausible {
            method: crate::Method::Height,
            limit: 8,
        };
        let api = ValidationError::from(e);
        assert_eq!(api.detail[0].kind, "value_error");
        assert_eq!(
            serde_json::to_value(&api.detail[0].loc).unwrap(),
            serde_json::json!(["body", "observation_value"])
        );
    }
}

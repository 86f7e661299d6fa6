//! rcpchgrowth's measurement dict, built from the engine's answer in one pass: the dates as the date objects the
//! caller gave (the estimated date of delivery as one), and rcpchgrowth's wording for the age comments and
//! centile bands, which this module writes (`centile.rcpchgrowth`'s `age_advice_strings` and `centile_bands`
//! ask it too). Each dict is a table of keys, made into Python strings once; an answer's dict is a copy of its
//! table's template (every value None) with the values that are not None set, in key order. Texts that repeat
//! between requests (names, comments, band sentences) are made once and shared, as Python shares its interned
//! strings; every number and every dict is new on each call.

use crate::convert::from_python;
use centile::dgc::api;
use centile::dgc::error::{Loc, ValidationError};
use centile::dgc::measurement_response::{provenance, MeasurementResponse};
use centile::dgc::value::Value;
use centile::engine::ages::{self, Date};
use centile::engine::centiles::{ordinal, Band, CentileBand, CentileFormat};
use centile::engine::measurement::{band_format, AgeComment, AgeResult};
use centile::engine::nutrition::indicator::{BeyondMethod, IOTF};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyDelta, PyDict, PyFloat, PyInt, PyList, PyString};
use pyo3::{intern, IntoPyObjectExt};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::hash_map::Entry;

/// Python objects made once, by what they were made from.
type Made<K, V> = RefCell<FxHashMap<K, V>>;

/// The keys of one dict of the answer, in order, made into interned Python strings on first use.
struct Keys<const N: usize> {
    names: [&'static str; N],
    made: PyOnceLock<[Py<PyString>; N]>,
}

thread_local! {
    /// Per key table and the keys it leaves out, a dict of the other keys, each with the value None: each answer's
    /// dict starts as a copy of it (sized once, its keys' hashes known), and only its values that are not None
    /// are then set.
    static TEMPLATES: Made<(usize, u32), Py<PyDict>> = RefCell::default();
}

impl<const N: usize> Keys<N> {
    const fn new(names: [&'static str; N]) -> Self {
        Keys {
            names,
            made: PyOnceLock::new(),
        }
    }

    /// The dict of these keys and `values`, in order (`None` is Python's None).
    fn dict<'py>(
        &'static self,
        py: Python<'py>,
        values: [Item<'py>; N],
    ) -> PyResult<Bound<'py, PyAny>> {
        self.dict_without(py, 0, values)
    }

    /// As [`dict`](Self::dict), leaving out the keys whose bits are set in `left_out` (their values unread).
    fn dict_without<'py>(
        &'static self,
        py: Python<'py>,
        left_out: u32,
        values: [Item<'py>; N],
    ) -> PyResult<Bound<'py, PyAny>> {
        let keys = self
            .made
            .get_or_init(py, || self.names.map(|n| PyString::intern(py, n).unbind()));
        let kept = |i: usize| left_out & (1 << i) == 0;
        let dict = TEMPLATES.with(|templates| -> PyResult<_> {
            let mut templates = templates.borrow_mut();
            let template = match templates.entry((std::ptr::from_ref(self) as usize, left_out)) {
                Entry::Occupied(t) => t.into_mut(),
                Entry::Vacant(v) => {
                    let t = PyDict::new(py);
                    for (i, key) in keys.iter().enumerate() {
                        if kept(i) {
                            t.set_item(key.bind(py), py.None())?;
                        }
                    }
                    v.insert(t.unbind())
                }
            };
            template.bind(py).copy()
        })?;
        for (i, (key, value)) in keys.iter().zip(values).enumerate() {
            if let Some(value) = value {
                if kept(i) {
                    dict.set_item(key.bind(py), value)?;
                }
            }
        }
        Ok(dict.into_any())
    }
}

static TOP: Keys<8> = Keys::new([
    "provenance",
    "birth_data",
    "measurement_dates",
    "child_observation_value",
    "measurement_calculated_values",
    "plottable_data",
    "bone_age",
    "events_data",
]);
static PROVENANCE: Keys<3> =
    Keys::new(["growth_reference", "calculation_engine", "reference_data"]);
static ENGINE: Keys<3> = Keys::new(["name", "version", "commit"]);
static REFERENCE_DATA: Keys<2> = Keys::new(["source", "fingerprint"]);
static BIRTH: Keys<6> = Keys::new([
    "birth_date",
    "gestation_weeks",
    "gestation_days",
    "estimated_date_delivery",
    "estimated_date_delivery_string",
    "sex",
]);
static DATES: Keys<9> = Keys::new([
    "observation_date",
    "chronological_decimal_age",
    "corrected_decimal_age",
    "chronological_calendar_age",
    "corrected_calendar_age",
    "corrected_gestational_age",
    "comments",
    "corrected_decimal_age_error",
    "chronological_decimal_age_error",
]);
static GESTATIONAL_AGE: Keys<2> =
    Keys::new(["corrected_gestation_weeks", "corrected_gestation_days"]);
static COMMENTS: Keys<4> = Keys::new([
    "clinician_corrected_decimal_age_comment",
    "lay_corrected_decimal_age_comment",
    "clinician_chronological_decimal_age_comment",
    "lay_chronological_decimal_age_comment",
]);
static OBSERVATION: Keys<3> = Keys::new([
    "measurement_method",
    "observation_value",
    "observation_value_error",
]);
static VALUES: Keys<10> = Keys::new([
    "corrected_sds",
    "corrected_centile",
    "corrected_centile_band",
    "chronological_sds",
    "chronological_centile",
    "chronological_centile_band",
    "corrected_measurement_error",
    "chronological_measurement_error",
    "corrected_percentage_median_bmi",
    "chronological_percentage_median_bmi",
]);
static PLOTTABLE: Keys<2> = Keys::new(["centile_data", "sds_data"]);
static PAIR: Keys<2> = Keys::new([
    "chronological_decimal_age_data",
    "corrected_decimal_age_data",
]);
/// A plotted point; SDS-chart points have no `sds` or `observation_error`, chronological ones no
/// `corrected_gestational_age`.
static POINT: Keys<19> = Keys::new([
    "x",
    "y",
    "b",
    "centile",
    "sds",
    "events_text",
    "bone_age_label",
    "bone_age_type",
    "bone_age_sds",
    "bone_age_centile",
    "observation_error",
    "age_type",
    "corrected_gestational_age",
    "calendar_age",
    "lay_comment",
    "clinician_comment",
    "age_error",
    "centile_band",
    "observation_value_error",
]);
static BONE_AGE: Keys<5> = Keys::new([
    "bone_age",
    "bone_age_type",
    "bone_age_sds",
    "bone_age_centile",
    "bone_age_text",
]);
static EVENTS: Keys<1> = Keys::new(["events_text"]);

/// rcpchgrowth's age comments: (lay corrected, lay chronological, clinician corrected, clinician chronological).
/// `born` is the gestation at birth as `weeks+days`.
fn comment_sentences(case: Option<AgeComment>, born: &str) -> [String; 4] {
    let same = |lay: String, clinician: String| [lay.clone(), lay, clinician.clone(), clinician];
    match case {
        Some(AgeComment::TermDueDate) => [
            "Your child was born on their due date.".into(),
            "Your child was born on their due date.".into(),
            "Born at term. No correction has been made for gestation.".into(),
            "Born Term. No correction has been made for gestation.".into(),
        ],
        Some(AgeComment::PretermUncorrectedAfterTwo) => same(
            format!("Your child was born at {born} weeks gestation. No correction is made for this beyond 2 years of age."),
            format!("Born preterm at {born} weeks gestation. No correction is made for this beyond 2 years of age."),
        ),
        Some(AgeComment::TermUncorrected) => same(
            "Your child was born at term. No correction for gestation has been made.".into(),
            "Born at term. No correction for gestation has been made.".into(),
        ),
        Some(AgeComment::TermRangeUncorrected) => same(
            format!("Your child was born at {born} weeks gestation. This is considered term and no correction for gestation has been made."),
            format!("Born at term ({born} weeks gestation). No correction for gestation has been made."),
        ),
        Some(AgeComment::Corrected) => [
            format!("Because your child was born at {born} weeks gestation an adjustment has been made to take this into account."),
            "This is your child's age without taking into account their gestation at birth.".into(),
            "Correction for gestational age has been made.".into(),
            "No correction has been made for gestational age.".into(),
        ],
        None => {
            let text = "It has not been possible to calculate age this time.";
            [text.into(), text.into(), text.into(), text.into()]
        }
    }
}

/// rcpchgrowth's sentence for a band of a `method` (its name as given).
fn band_sentence(band: Band, method: &str) -> String {
    let noun = match method {
        "bmi" => "body mass index",
        "ofc" => "head circumference",
        other => other,
    };
    match band {
        Band::WellOutside => {
            format!("This {noun} measurement is well outside the normal range. Please check its accuracy.")
        }
        Band::BelowLines => format!("This {noun} measurement is below the normal range."),
        Band::AboveLines => format!("This {noun} measurement is above the normal range."),
        Band::On(c) => format!(
            "This {noun} measurement is on or near the {} centile.",
            ordinal(c)
        ),
        Band::Between(lo, hi) => format!(
            "This {noun} measurement is between the {} and {} centiles.",
            ordinal(lo),
            ordinal(hi)
        ),
    }
}

/// The age comments of `case` (`due_date`, `preterm`, `term`, `term_range`, `corrected`, or anything else for
/// an age that could not be calculated), for a child born at `born` (`weeks+days`): lay corrected, lay
/// chronological, clinician corrected, clinician chronological.
#[pyfunction]
fn age_comments(case: &str, born: &str) -> [String; 4] {
    let case = match case {
        "due_date" => Some(AgeComment::TermDueDate),
        "preterm" => Some(AgeComment::PretermUncorrectedAfterTwo),
        "term" => Some(AgeComment::TermUncorrected),
        "term_range" => Some(AgeComment::TermRangeUncorrected),
        "corrected" => Some(AgeComment::Corrected),
        _ => None,
    };
    comment_sentences(case, born)
}

/// rcpchgrowth's sentence for where `sds` lies against the lines of `centile_format`, for `measurement_method`;
/// None on the top edge, where its ranges leave a gap.
#[pyfunction]
fn centile_band_sentence(
    sds: f64,
    measurement_method: &str,
    centile_format: &str,
) -> PyResult<Option<String>> {
    let format = CentileFormat::parse(centile_format)
        .ok_or_else(|| PyValueError::new_err("Unknown centile format"))?;
    Ok(Band::classify(sds, format).map(|b| band_sentence(b, measurement_method)))
}

thread_local! {
    /// Texts made once: static names by address, band sentences by code, comments by case and gestation.
    static NAMES: Made<(usize, usize), Py<PyString>> = RefCell::default();
    static BANDS: Made<u32, Py<PyString>> = RefCell::default();
    static AGE_COMMENTS: Made<(u8, i32, i32), [Py<PyString>; 4]> = RefCell::default();
}

/// The builder's values: each a new object, or a shared one for a text that repeats.
#[derive(Clone, Copy)]
struct Make<'py> {
    py: Python<'py>,
}

/// A value of a dict: `None` is Python's None.
type Item<'py> = Option<Bound<'py, PyAny>>;

impl<'py> Make<'py> {
    /// Python's None (the key's value in its template, so nothing to set).
    fn none(self) -> Item<'py> {
        None
    }

    fn float(self, x: f64) -> Item<'py> {
        Some(PyFloat::new(self.py, x).into_any())
    }

    fn number(self, x: Option<f64>) -> Item<'py> {
        x.map_or_else(|| self.none(), |x| self.float(x))
    }

    fn int(self, i: i32) -> Item<'py> {
        Some(PyInt::new(self.py, i).into_any())
    }

    fn whole(self, i: Option<i32>) -> Item<'py> {
        i.map_or_else(|| self.none(), |i| self.int(i))
    }

    fn text(self, s: &str) -> Item<'py> {
        Some(PyString::new(self.py, s).into_any())
    }

    fn error(self, e: Option<impl ToString>) -> Item<'py> {
        e.map_or_else(|| self.none(), |e| self.text(&e.to_string()))
    }

    /// A static text, made once.
    fn name(self, s: &'static str) -> Item<'py> {
        NAMES.with(|names| {
            let made = names
                .borrow_mut()
                .entry((s.as_ptr() as usize, s.len()))
                .or_insert_with(|| PyString::intern(self.py, s).unbind())
                .clone_ref(self.py);
            Some(made.into_bound(self.py).into_any())
        })
    }

    fn name_or_none(self, s: Option<&'static str>) -> Item<'py> {
        s.map_or_else(|| self.none(), |s| self.name(s))
    }

    /// rcpchgrowth's sentence of a band, made once per band, method and format.
    fn band(self, band: Option<CentileBand>, format: CentileFormat) -> Item<'py> {
        let Some(b) = band else { return self.none() };
        BANDS.with(|bands| {
            let made = bands
                .borrow_mut()
                .entry(b.code(format))
                .or_insert_with(|| {
                    PyString::new(self.py, &band_sentence(b.band, b.method.name())).unbind()
                })
                .clone_ref(self.py);
            Some(made.into_bound(self.py).into_any())
        })
    }

    /// The four comments of `case` (as [`comment_sentences`]), made once per case and gestation.
    fn comments(self, case: AgeComment, weeks: i32, days: i32) -> [Bound<'py, PyString>; 4] {
        AGE_COMMENTS.with(|comments| {
            comments
                .borrow_mut()
                .entry((case as u8, weeks, days))
                .or_insert_with(|| {
                    comment_sentences(Some(case), &format!("{weeks}+{days}"))
                        .map(|s| PyString::new(self.py, &s).unbind())
                })
                .each_ref()
                .map(|s| s.bind(self.py).clone())
        })
    }

    /// A date object: `given` when there is one, else `date`.
    fn date(self, given: Option<&Bound<'py, PyAny>>, date: Date) -> PyResult<Item<'py>> {
        Ok(Some(match given {
            Some(d) => d.clone(),
            None => new_date(self.py, date)?,
        }))
    }
}

fn new_date(py: Python<'_>, date: Date) -> PyResult<Bound<'_, PyAny>> {
    let (y, m, d) = date.ymd();
    let (m, d) = (u8::try_from(m), u8::try_from(d));
    match (m, d) {
        (Ok(m), Ok(d)) => Ok(PyDate::new(py, y, m, d)?.into_any()),
        _ => Err(PyValueError::new_err("Not a calendar date")),
    }
}

/// The estimated date of delivery as rcpchgrowth gives it: `birth + timedelta(...)`, so a `datetime` birth
/// gives a `datetime` (its time of day kept); a plain date otherwise.
fn delivery_date<'py>(
    py: Python<'py>,
    birth: Option<&Bound<'py, PyAny>>,
    m: &MeasurementResponse,
) -> PyResult<Bound<'py, PyAny>> {
    let date_type = py.get_type::<PyDate>();
    match birth {
        Some(b) if !b.get_type().is(&date_type) && b.is_instance(&date_type)? => {
            let days = m.birth.birth_date.days_until(m.estimated_date_delivery);
            b.add(PyDelta::new(py, days, 0, 0, false)?)
        }
        _ => new_date(py, m.estimated_date_delivery),
    }
}

/// What the caller gave, which rcpchgrowth's dict holds as given: the two dates and the events' list.
struct Given<'a, 'py> {
    birth: &'a Bound<'py, PyAny>,
    observation: &'a Bound<'py, PyAny>,
    events: &'a Bound<'py, PyAny>,
}

/// rcpchgrowth's `.measurement` dict of `m`, holding what the caller `given`, if anything (else the dates are
/// new date objects).
fn measurement_dict<'py>(
    py: Python<'py>,
    m: &MeasurementResponse,
    given: Option<&Given<'_, 'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (birth, observation) = (given.map(|g| g.birth), given.map(|g| g.observation));
    let make = Make { py };
    let method = m.birth.method;
    let format = band_format(m.reference, method);
    let gestation = m.birth.gestation;
    let [lay_corrected, lay_chronological, clinician_corrected, clinician_chronological] =
        make.comments(m.comments.kind, gestation.weeks, gestation.days);
    let events = given.map(|g| g.events.clone()).filter(|e| !e.is_none());
    let corrected_band = make.band(m.corrected.band, format);
    let chronological_band = make.band(m.chronological.band, format);
    let chronological_calendar = ages::calendar_text(
        m.chronological_calendar_age.0,
        m.chronological_calendar_age.1,
    );
    let corrected_calendar = m
        .corrected_calendar_age
        .map(|(months, days)| ages::calendar_text(months, days));
    let bone = &m.observation.bone_age;

    let point = |result: &AgeResult,
                 corrected: bool,
                 centile_chart: bool,
                 (lay, clinician): (&Bound<'py, PyString>, &Bound<'py, PyString>),
                 band: &Item<'py>|
     -> PyResult<Item<'py>> {
        let (x, calendar) = if corrected {
            (
                m.corrected_decimal_age,
                make.text_or_none(corrected_calendar.as_deref()),
            )
        } else {
            (
                m.chronological_decimal_age,
                make.text(&chronological_calendar),
            )
        };
        let y = if centile_chart {
            make.float(m.observation.observation_value)
        } else {
            make.number(result.sds)
        };
        let (sds, observation_error, gestational_age) = (1 << 4, 1 << 10, 1 << 12);
        let left_out = match (centile_chart, corrected) {
            (true, true) => 0,
            (true, false) => gestational_age,
            (false, true) => sds | observation_error,
            (false, false) => sds | observation_error | gestational_age,
        };
        let gestational_age = match m.corrected_gestational_age {
            Some((w, d)) => make.text(&ages::gestational_age_text(w, d)),
            None => make.name(""),
        };
        Some(POINT.dict_without(
            py,
            left_out,
            [
                make.float(x),
                y,
                make.number(bone.bone_age),
                make.number(result.centile),
                make.number(result.sds),
                events.clone(),
                make.text_or_none(bone.bone_age_text.as_deref()),
                make.name_or_none(bone.bone_age_type),
                make.number(bone.bone_age_sds),
                make.number(bone.bone_age_centile),
                make.error(m.observation_error.as_ref()),
                make.name(if corrected {
                    "corrected_age"
                } else {
                    "chronological_age"
                }),
                gestational_age,
                calendar,
                Some(lay.clone().into_any()),
                Some(clinician.clone().into_any()),
                make.none(),
                band.clone(),
                make.error(result.error.as_ref()),
            ],
        ))
        .transpose()
    };
    let pair = |centile_chart: bool| -> PyResult<Item<'py>> {
        Some(PAIR.dict(
            py,
            [
                point(
                    &m.chronological,
                    false,
                    centile_chart,
                    (&lay_chronological, &clinician_chronological),
                    &chronological_band,
                )?,
                point(
                    &m.corrected,
                    true,
                    centile_chart,
                    (&lay_corrected, &clinician_corrected),
                    &corrected_band,
                )?,
            ],
        ))
        .transpose()
    };

    let provenance = PROVENANCE.dict(
        py,
        [
            make.name(m.reference.name()),
            Some(ENGINE.dict(
                py,
                [
                    make.name(provenance::ENGINE),
                    make.name(provenance::VERSION),
                    make.name(provenance::COMMIT),
                ],
            )?),
            Some(REFERENCE_DATA.dict(
                py,
                [
                    make.name(provenance::REFERENCE_DATA),
                    make.name(centile::engine::data::FINGERPRINT),
                ],
            )?),
        ],
    )?;
    let birth_data = BIRTH.dict(
        py,
        [
            make.date(birth, m.birth.birth_date)?,
            make.int(gestation.weeks),
            make.int(gestation.days),
            Some(delivery_date(py, birth, m)?),
            make.text(&m.estimated_date_delivery.long_form()),
            make.name(m.birth.sex.name()),
        ],
    )?;
    let (cga_weeks, cga_days) = m.corrected_gestational_age.unzip();
    let dates = DATES.dict(
        py,
        [
            make.date(observation, m.observation.observation_date)?,
            make.float(m.chronological_decimal_age),
            make.float(m.corrected_decimal_age),
            make.text(&chronological_calendar),
            make.text_or_none(corrected_calendar.as_deref()),
            Some(GESTATIONAL_AGE.dict(py, [make.whole(cga_weeks), make.whole(cga_days)])?),
            Some(COMMENTS.dict(
                py,
                [
                    Some(clinician_corrected.clone().into_any()),
                    Some(lay_corrected.clone().into_any()),
                    Some(clinician_chronological.clone().into_any()),
                    Some(lay_chronological.clone().into_any()),
                ],
            )?),
            make.none(),
            make.none(),
        ],
    )?;
    let observed = OBSERVATION.dict(
        py,
        [
            make.name(method.name()),
            make.float(m.observation.observation_value),
            make.error(m.observation_error.as_ref()),
        ],
    )?;
    let values = VALUES.dict(
        py,
        [
            make.number(m.corrected.sds),
            make.number(m.corrected.centile),
            corrected_band.clone(),
            make.number(m.chronological.sds),
            make.number(m.chronological.centile),
            chronological_band.clone(),
            make.error(m.corrected.error.as_ref()),
            make.error(m.chronological.error.as_ref()),
            make.number(m.corrected.percentage_median_bmi),
            make.number(m.chronological.percentage_median_bmi),
        ],
    )?;
    let plottable = PLOTTABLE.dict(py, [pair(true)?, pair(false)?])?;
    let bone_age = BONE_AGE.dict(
        py,
        [
            make.number(bone.bone_age),
            make.name_or_none(bone.bone_age_type),
            make.number(bone.bone_age_sds),
            make.number(bone.bone_age_centile),
            make.text_or_none(bone.bone_age_text.as_deref()),
        ],
    )?;
    let events_data = EVENTS.dict(py, [events])?;
    TOP.dict(
        py,
        [
            Some(provenance),
            Some(birth_data),
            Some(dates),
            Some(observed),
            Some(values),
            Some(plottable),
            Some(bone_age),
            Some(events_data),
        ],
    )
}

impl<'py> Make<'py> {
    fn text_or_none(self, s: Option<&str>) -> Item<'py> {
        s.map_or_else(|| self.none(), |s| self.text(s))
    }
}

/// The 422 for a measurement beyond the dGC API (the IOTF reference or a nutrition indicator), which rcpchgrowth
/// does not have.
fn beyond_rcpchgrowth(reference: &str, body: &Value) -> Result<(), ValidationError> {
    let method = match body.get("measurement_method") {
        Some(Value::String(m)) => BeyondMethod::parse(m),
        _ => None,
    };
    let loc = if reference == IOTF {
        ["path", "reference"]
    } else if method.is_some() {
        ["body", "measurement_method"]
    } else {
        return Ok(());
    };
    Err(ValidationError::at(
        loc.map(|k| Loc::Key(k.into())).to_vec(),
        "centile.rcpchgrowth offers rcpchgrowth's references and measurement methods: use centile.calculation \
         for the measurements beyond the dGC API",
        "value_error",
    ))
}

/// Python's ordinal (`date.toordinal()`) of 1970-01-01, the engine's day 0.
const EPOCH_ORDINAL: i64 = 719_163;

/// A date argument as the engine reads it: a `date` or `datetime` (as its date) as ISO text; anything else as
/// the dict API reads it.
fn date_value(d: &Bound<'_, PyAny>) -> Result<Value, ValidationError> {
    let py = d.py();
    if d.is_instance(&py.get_type::<PyDate>()).unwrap_or(false) {
        let day = d
            .call_method0(intern!(py, "toordinal"))
            .and_then(|o| o.extract::<i64>())
            .ok()
            .and_then(|o| i32::try_from(o - EPOCH_ORDINAL).ok())
            .and_then(Date::from_epoch_days);
        if let Some(day) = day {
            return Ok(Value::String(day.to_string()));
        }
    }
    from_python(d)
}

/// `rcpchgrowth.Measurement(...).measurement`: the request's fields as rcpchgrowth's constructor takes them
/// (`gestation_weeks` 0 means term; a `None` optional field is left out), and `observed`, the day the
/// observation counts on (`_dates.observed`), which the dict does not hold.
#[pyfunction]
#[pyo3(signature = (reference, birth_date, observation_date, observed, measurement_method, observation_value, sex,
    gestation_weeks, gestation_days, events_text, bone_age, bone_age_type, bone_age_sds, bone_age_centile,
    bone_age_text))]
#[allow(clippy::too_many_arguments)]
fn measurement<'py>(
    py: Python<'py>,
    reference: &Bound<'py, PyAny>,
    birth_date: &Bound<'py, PyAny>,
    observation_date: &Bound<'py, PyAny>,
    observed: &Bound<'py, PyAny>,
    measurement_method: &Bound<'py, PyAny>,
    observation_value: &Bound<'py, PyAny>,
    sex: &Bound<'py, PyAny>,
    gestation_weeks: &Bound<'py, PyAny>,
    gestation_days: &Bound<'py, PyAny>,
    events_text: &Bound<'py, PyAny>,
    bone_age: &Bound<'py, PyAny>,
    bone_age_type: &Bound<'py, PyAny>,
    bone_age_sds: &Bound<'py, PyAny>,
    bone_age_centile: &Bound<'py, PyAny>,
    bone_age_text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let reference: String = reference.extract().unwrap_or_default();
    let fail = |e: ValidationError| crate::centile_error(py, &e);
    let mut body = vec![
        (
            "birth_date".to_owned(),
            date_value(birth_date).map_err(fail)?,
        ),
        (
            "observation_date".to_owned(),
            date_value(observed).map_err(fail)?,
        ),
        (
            "observation_value".to_owned(),
            from_python(observation_value).map_err(fail)?,
        ),
        ("sex".to_owned(), from_python(sex).map_err(fail)?),
        (
            "measurement_method".to_owned(),
            from_python(measurement_method).map_err(fail)?,
        ),
    ];
    if gestation_weeks.is_truthy()? {
        body.push((
            "gestation_weeks".to_owned(),
            from_python(gestation_weeks).map_err(fail)?,
        ));
        body.push((
            "gestation_days".to_owned(),
            from_python(gestation_days).map_err(fail)?,
        ));
    }
    for (key, given) in [
        ("events_text", events_text),
        ("bone_age", bone_age),
        ("bone_age_type", bone_age_type),
        ("bone_age_sds", bone_age_sds),
        ("bone_age_centile", bone_age_centile),
        ("bone_age_text", bone_age_text),
    ] {
        if !given.is_none() {
            body.push((key.to_owned(), from_python(given).map_err(fail)?));
        }
    }
    let body = Value::Object(body);
    beyond_rcpchgrowth(&reference, &body).map_err(fail)?;
    let answer = py
        .detach(|| api::calculation(&reference, &body))
        .map_err(fail)?;
    let given = Given {
        birth: birth_date,
        observation: observation_date,
        events: events_text,
    };
    measurement_dict(py, &answer, Some(&given))
}

/// rcpchgrowth's `generate_fictional_child_data`: the fictional child's measurement dicts (the dict API's
/// request body).
#[pyfunction]
fn fictional_child<'py>(
    py: Python<'py>,
    reference: &str,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = from_python(body).map_err(|e| crate::centile_error(py, &e))?;
    let series = py
        .detach(|| api::fictional_child_data(reference, &body))
        .map_err(|e| crate::centile_error(py, &e))?;
    let dicts = series
        .iter()
        .map(|m| measurement_dict(py, m, None))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, dicts)?.into_bound_py_any(py)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(measurement, m)?)?;
    m.add_function(wrap_pyfunction!(fictional_child, m)?)?;
    m.add_function(wrap_pyfunction!(age_comments, m)?)?;
    m.add_function(wrap_pyfunction!(centile_band_sentence, m)?)?;
    Ok(())
}

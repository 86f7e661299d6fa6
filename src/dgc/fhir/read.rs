//! Reading a FHIR bundle as dGC bulk-calculation requests.
//!
//! Reading follows three rules: every resource that is not used is listed in `ignored` with the reason; units are
//! UCUM codes converted by exact decimal factors; the date of an observation is the calendar date written in its
//! own time zone (`2020-03-01T23:30:00-05:00` is 1 March, never moved to UTC).

use super::codes::{convert, dimension, unit_names, Coded, Dimension, CODES, LOINC, UCUM, UNITS};
use crate::dgc::error::{ErrorDetail, Loc, ValidationError};
use crate::dgc::value::Value;
use crate::engine::ages::Date;
use crate::engine::rounding::{integer, text};
use crate::Method;
use serde::Serialize;
use std::fmt;

/// Why a resource of the bundle is not used: the reason [`Ignored`] gives. No reason quotes the bundle, whose
/// text may be a child's.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub(super) enum Unused {
    RepeatPatient,
    RepeatGestation,
    NotPatientOrObservation,
    NoResourceType,
    EnteredInError,
    OtherSubject,
    NoCoding,
    NotGrowthCode,
    NoDate,
    DateNotToTheDay,
    NotADate,
    GestationNotAtBirth,
    DataAbsent,
    NoValue,
    /// The value is of this FHIR type (`String`, `CodeableConcept`, …).
    NotAQuantity(&'static str),
    Comparator,
    NotANumber,
    /// No UCUM unit for a measurement of this name and dimension.
    NoUnit(&'static str, Dimension),
    /// A unit of another dimension than the measurement's.
    WrongUnit(&'static str, Dimension),
}

impl std::error::Error for Unused {}

impl fmt::Display for Unused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl Unused {
    /// Why the resource was not used, in words.
    fn message(self) -> String {
        match self {
            Unused::RepeatPatient => "a repeat of the Patient",
            Unused::RepeatGestation => "a repeat of the gestational age at birth",
            Unused::NotPatientOrObservation => "not a Patient or Observation",
            Unused::NoResourceType => "not a FHIR resource (no resourceType)",
            Unused::EnteredInError => "its status says it was entered in error or cancelled",
            Unused::OtherSubject => "its subject is not the bundle's Patient",
            Unused::NoCoding => "no coded measurement (Observation.code has no coding)",
            Unused::NotGrowthCode => "not a LOINC growth measurement or gestational age code",
            Unused::NoDate => {
                "no date: effectiveDateTime, effectivePeriod.start or effectiveInstant is needed"
            }
            Unused::DateNotToTheDay => "the date is not precise to the day",
            Unused::NotADate => "the date is not a FHIR date or dateTime",
            Unused::GestationNotAtBirth => {
                "a gestational age not dated on the day of birth (use LOINC 76516-4 for gestation at birth)"
            }
            Unused::DataAbsent => "no value: data absent",
            Unused::NoValue => "no value",
            Unused::NotAQuantity(kind) => return text!("the value is a ", kind, ", not a Quantity"),
            Unused::Comparator => "the value has a comparator, not an exact measurement",
            Unused::NotANumber => "the value is not a number",
            Unused::NoUnit(what, wanted) => {
                return text!("no UCUM unit for the ", what, " (use one of ", &unit_names(wanted), ")")
            }
            Unused::WrongUnit(what, wanted) => {
                return text!("the unit is not a unit of ", what, " (use one of ", &unit_names(wanted), ")")
            }
        }
        .into()
    }
}

/// The calendar date a FHIR `date`, `dateTime` or `instant` was written on, in its own time zone.
fn local_date(text: &str) -> Result<Date, Unused> {
    let (day, time) = (text.get(..10), text.get(10..));
    let Some(date) = day.and_then(Date::parse) else {
        return Err(
            if text.len() < 10
                && text
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            {
                Unused::DateNotToTheDay
            } else {
                Unused::NotADate
            },
        );
    };
    match time {
        Some("") => Ok(date),
        Some(t) if is_time(t) => Ok(date),
        _ => Err(Unused::NotADate),
    }
}

/// `Thh:mm:ss(.s+)?` followed by `Z` or `±hh:mm` (tolerated when missing).
fn is_time(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !(b.len() >= 9
        && b[0] == b'T'
        && digits(1..3)
        && b[3] == b':'
        && digits(4..6)
        && b[6] == b':'
        && digits(7..9))
    {
        return false;
    }
    let mut i = 9;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [] | [b'Z'] => true,
        [b'+' | b'-', rest @ ..] => {
            rest.len() == 5 && rest[2] == b':' && digits(i + 1..i + 3) && digits(i + 4..i + 6)
        }
        _ => false,
    }
}

/// A resource that was not used, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ignored {
    /// The resource: `Type/id`, else the entry's `fullUrl`, else `Type at entry N`.
    pub resource: String,
    /// Why it was not used.
    pub why: String,
}

/// What [`from_fhir`] read from a bundle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FromFhir {
    /// One dGC bulk-calculation request body per measurement method present (height, weight, ofc, bmi order),
    /// observations in date order, each with the `source` Observation it came from.
    pub requests: Vec<Value>,
    /// Every resource not used, with the reason.
    pub ignored: Vec<Ignored>,
    /// The patient as a reference (`Patient/id` or the entry's `fullUrl`), when it has one.
    pub patient: Option<String>,
}

/// One resource of the bundle, where it sits, and how to refer to it.
struct Entry<'a> {
    resource: &'a Value,
    at: Vec<Loc>,
    full_url: Option<&'a str>,
    reference: Option<String>,
    label: String,
}

impl Entry<'_> {
    fn kind(&self) -> Option<&str> {
        text(self.resource.get("resourceType"))
    }

    fn ignore(&self, why: Unused) -> Ignored {
        Ignored {
            resource: self.label.clone(),
            why: why.message(),
        }
    }

    fn loc(&self, key: &str) -> Vec<Loc> {
        let mut loc = self.at.clone();
        loc.push(Loc::Key(key.into()));
        loc
    }
}

pub(super) fn text(value: Option<&Value>) -> Option<&str> {
    match value {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn entries(bundle: &Value) -> Result<Vec<Entry<'_>>, ValidationError> {
    let body = || vec![Loc::Key("body".into())];
    let items: Vec<(&Value, Option<&str>, Vec<Loc>)> = match bundle {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, r)| (r, None, vec![Loc::Key("body".into()), Loc::Index(i)]))
            .collect(),
        Value::Object(_) if text(bundle.get("resourceType")) == Some("Bundle") => {
            match bundle.get("entry") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let at = vec![
                            Loc::Key("body".into()),
                            Loc::Key("entry".into()),
                            Loc::Index(i),
                            Loc::Key("resource".into()),
                        ];
                        (
                            e.get("resource").unwrap_or(&Value::Null),
                            text(e.get("fullUrl")),
                            at,
                        )
                    })
                    .collect(),
                Some(_) => {
                    let mut loc = body();
                    loc.push(Loc::Key("entry".into()));
                    return Err(ValidationError {
                        detail: vec![ErrorDetail::new(
                            loc,
                            "Bundle.entry should be a list",
                            "list_type",
                        )],
                    });
                }
            }
        }
        _ => {
            return Err(ValidationError::body(
                "Input should be a FHIR R4 Bundle or a list of FHIR resources",
                "model_type",
            ))
        }
    };
    Ok(items
        .into_iter()
        .map(|(resource, full_url, at)| {
            let kind = text(resource.get("resourceType"));
            let reference = match (kind, text(resource.get("id")).filter(|id| fhir_id(id))) {
                (Some(k), Some(id)) => Some(text!(k, "/", id)),
                _ => full_url.map(str::to_owned),
            };
            let place = match at.get(2) {
                Some(Loc::Index(i)) => text!("entry ", *i),
                _ => match at.get(1) {
                    Some(Loc::Index(i)) => text!("item ", *i),
                    _ => String::new(),
                },
            };
            let label = reference
                .clone()
                .unwrap_or_else(|| text!(kind.unwrap_or("resource"), " at ", &place));
            Entry {
                resource,
                at,
                full_url,
                reference,
                label,
            }
        })
        .collect())
}

/// Whether `id` follows FHIR's rule for ids, `[A-Za-z0-9\-.]{1,64}`: only such ids are compared.
fn fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Whether `text` lost something when it was read (a lone surrogate becomes U+FFFD), so it cannot be compared.
fn lossy(text: &str) -> bool {
    // Bytes, not a `str` search: that would link core's string-slicing panic and its formatting into the .wasm.
    let replacement = "\u{FFFD}".as_bytes();
    text.as_bytes()
        .windows(replacement.len())
        .any(|w| w == replacement)
}

/// The one patient: birth date, sex, and the references Observations may use for it.
struct Patient<'a> {
    resource: &'a Value,
    birth_date: Date,
    sex: &'static str,
    reference: Option<String>,
    names: Vec<String>,
}

fn patient<'a>(entries: &[Entry<'a>]) -> Result<Patient<'a>, ValidationError> {
    let mut found: Vec<&Entry> = Vec::new();
    for e in entries.iter().filter(|e| e.kind() == Some("Patient")) {
        if !found.iter().any(|f| f.resource == e.resource) {
            found.push(e);
            if found.len() == 2 {
                break; // one patient per call: the second is reason enough
            }
        }
    }
    let p = match found.as_slice() {
        [] => {
            return Err(ValidationError::body(
                "The bundle holds no Patient: one Patient with birthDate and gender is needed",
                "missing",
            ))
        }
        [p] => p,
        [_, second, ..] => {
            let msg = "The bundle holds more than one Patient: send one patient per call";
            return Err(ValidationError {
                detail: vec![ErrorDetail::new(second.at.clone(), msg, "value_error")],
            });
        }
    };
    let mut detail = Vec::new();
    let birth_date = match text(p.resource.get("birthDate")) {
        None => {
            detail.push(ErrorDetail::new(
                p.loc("birthDate"),
                "Patient.birthDate is required",
                "missing",
            ));
            None
        }
        Some(t) => {
            let date = Date::parse(t);
            if date.is_none() {
                let msg = "Patient.birthDate should be a full date, YYYY-MM-DD";
                detail.push(ErrorDetail::new(p.loc("birthDate"), msg, "date_parsing"));
            }
            date
        }
    };
    let sex = match text(p.resource.get("gender")) {
        Some("male") => Some("male"),
        Some("female") => Some("female"),
        _ => {
            let msg =
                "Patient.gender should be male or female: the growth references are sex-specific";
            detail.push(ErrorDetail::new(p.loc("gender"), msg, "literal_error"));
            None
        }
    };
    let (Some(birth_date), Some(sex)) = (birth_date, sex) else {
        return Err(ValidationError { detail });
    };
    let id = text(p.resource.get("id"));
    if id.is_some_and(|id| !fhir_id(id)) {
        let msg = "Patient.id should be a FHIR id: 1 to 64 letters, digits, '-' or '.'";
        return Err(ValidationError {
            detail: vec![ErrorDetail::new(
                p.loc("id"),
                msg,
                "string_pattern_mismatch",
            )],
        });
    }
    let mut names: Vec<String> = id.map(|id| text!("Patient/", id)).into_iter().collect();
    names.extend(p.full_url.filter(|u| !lossy(u)).map(str::to_owned));
    Ok(Patient {
        resource: p.resource,
        birth_date,
        sex,
        reference: p.reference.clone(),
        names,
    })
}

impl Patient<'_> {
    /// Whether a `subject.reference` names this patient (unknown when either side has no reference).
    fn is_subject(&self, observation: &Value) -> bool {
        let Some(r) = text(observation.get("subject").and_then(|s| s.get("reference"))) else {
            return true;
        };
        if lossy(r) {
            return false; // decoded with a replacement: two different references could read alike
        }
        self.names.is_empty()
            || self
                .names
                .iter()
                .any(|n| r == n || (n.starts_with("Patient/") && r.ends_with(&text!("/", n))))
    }
}

/// A measurement read from an Observation.
struct Reading {
    method: Method,
    date: Date,
    value: f64,
    source: Option<String>,
}

/// What one Observation contributes, or why it is not used.
enum Read {
    Measurement(Reading),
    /// Gestational age at birth in days, from the code's kind.
    Gestation(f64),
}

fn coded(observation: &Value) -> Result<Coded, Unused> {
    let codings = match observation.get("code").and_then(|c| c.get("coding")) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    for c in codings {
        let code = text(c.get("code")).unwrap_or("");
        if text(c.get("system")) == Some(LOINC) {
            if let Some((_, kind)) = CODES.iter().find(|(k, _)| *k == code) {
                return Ok(*kind);
            }
        }
    }
    Err(if codings.is_empty() {
        Unused::NoCoding
    } else {
        Unused::NotGrowthCode
    })
}

fn effective(observation: &Value) -> Result<Date, Unused> {
    let written = text(observation.get("effectiveDateTime"))
        .or_else(|| {
            text(
                observation
                    .get("effectivePeriod")
                    .and_then(|p| p.get("start")),
            )
        })
        .or_else(|| text(observation.get("effectiveInstant")));
    let Some(written) = written else {
        return Err(Unused::NoDate);
    };
    local_date(written)
}

/// The value in cm, kg, kg/m² or days.
fn quantity(observation: &Value, wanted: Dimension, what: &'static str) -> Result<f64, Unused> {
    if observation
        .get("dataAbsentReason")
        .is_some_and(|v| *v != Value::Null)
    {
        return Err(Unused::DataAbsent);
    }
    let Some(q) = observation
        .get("valueQuantity")
        .filter(|v| **v != Value::Null)
    else {
        let other = [
            "valueString",
            "valueCodeableConcept",
            "valueInteger",
            "valueRange",
            "valueRatio",
            "valueBoolean",
        ]
        .into_iter()
        .find(|k| observation.get(k).is_some_and(|v| *v != Value::Null));
        return Err(match other {
            Some(k) => Unused::NotAQuantity(k.strip_prefix("value").unwrap_or(k)),
            None => Unused::NoValue,
        });
    };
    if text(q.get("comparator")).is_some() {
        return Err(Unused::Comparator);
    }
    let value = match q.get("value") {
        Some(Value::Number(n)) if n.is_finite() => *n,
        _ => return Err(Unused::NotANumber),
    };
    let system = text(q.get("system"));
    let code = if system.is_none() || system == Some(UCUM) {
        text(q.get("code")).or_else(|| text(q.get("unit")))
    } else {
        None
    };
    let Some(code) = code else {
        return Err(Unused::NoUnit(what, wanted));
    };
    match UNITS.iter().find(|u| u.0 == code && u.1 == wanted) {
        Some(&(_, _, m, e)) => Ok(convert(value, m, e)),
        None => Err(Unused::WrongUnit(what, wanted)),
    }
}

fn read(entry: &Entry, patient: &Patient) -> Result<Read, Unused> {
    let o = entry.resource;
    if let Some("entered-in-error" | "cancelled") = text(o.get("status")) {
        return Err(Unused::EnteredInError);
    }
    let kind = coded(o)?;
    if !patient.is_subject(o) {
        return Err(Unused::OtherSubject);
    }
    match kind {
        Coded::Measurement(method) => {
            let value = quantity(o, dimension(method), method.noun())?;
            Ok(Read::Measurement(Reading {
                method,
                date: effective(o)?,
                value,
                source: entry.reference.clone(),
            }))
        }
        Coded::GestationAtBirth | Coded::Gestation => {
            let days = quantity(o, Dimension::Duration, "gestational age")?;
            if kind == Coded::Gestation && effective(o).ok() != Some(patient.birth_date) {
                return Err(Unused::GestationNotAtBirth);
            }
            Ok(Read::Gestation(days))
        }
    }
}

/// Sorted by date, bundle order kept among equal dates: a merge sort, as the standard library's sorts add 5 KB
/// to the WebAssembly download.
fn by_date(mut readings: Vec<Reading>) -> Vec<Reading> {
    if readings.len() < 2 {
        return readings;
    }
    let later = by_date(readings.split_off(readings.len() / 2));
    let earlier = by_date(readings);
    let mut out = Vec::with_capacity(earlier.len() + later.len());
    let (mut a, mut b) = (earlier.into_iter().peekable(), later.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let from_later = y.date < x.date;
        out.extend(if from_later { b.next() } else { a.next() });
    }
    out.extend(a);
    out.extend(b);
    out
}

/// Reads a FHIR R4 `Bundle` (or a list of resources) holding one `Patient` and its `Observation`s into dGC
/// bulk-calculation request bodies, one per measurement method present.
///
/// Gestational age at birth comes from LOINC 76516-4 (or 18185-9 / 11884-4 dated on the birth date), in whole
/// completed days; without one the child is taken as born at term, as the API does.
///
/// # Errors
/// A 422 when the input is not a bundle or list, holds no Patient or more than one (one patient per call), the
/// Patient lacks a full `birthDate` or a `gender` of male or female, or two gestational ages at birth disagree.
pub fn from_fhir(bundle: &Value) -> Result<FromFhir, ValidationError> {
    let entries = entries(bundle)?;
    let patient = patient(&entries)?;
    let mut ignored = Vec::new();
    let mut readings = Vec::new();
    let mut gestation: Option<(i32, &Entry)> = None;
    for e in &entries {
        match e.kind() {
            Some("Patient") if std::ptr::eq(e.resource, patient.resource) => {}
            Some("Patient") => ignored.push(e.ignore(Unused::RepeatPatient)),
            Some("Observation") => match read(e, &patient) {
                Ok(Read::Measurement(r)) => readings.push(r),
                Ok(Read::Gestation(days)) => {
                    // Completed days (tolerating the rounding of a decimal number of weeks).
                    let whole = if (days - days.round()).abs() < 1e-9 {
                        days.round()
                    } else {
                        days.floor()
                    };
                    // Beyond i32 (or NaN) the gestation is as far outside its range as i32's ends, which the
                    // request's gestation check refuses alike.
                    let whole =
                        integer(whole).unwrap_or(if whole < 0.0 { i32::MIN } else { i32::MAX });
                    match gestation {
                        Some((d, _)) if d != whole => {
                            let msg = "Two gestational ages at birth disagree: keep one";
                            return Err(ValidationError {
                                detail: vec![ErrorDetail::new(
                                    e.loc("valueQuantity"),
                                    msg,
                                    "value_error",
                                )],
                            });
                        }
                        Some(_) => ignored.push(e.ignore(Unused::RepeatGestation)),
                        None => gestation = Some((whole, e)),
                    }
                }
                Err(why) => ignored.push(e.ignore(why)),
            },
            Some(_) => ignored.push(e.ignore(Unused::NotPatientOrObservation)),
            None => ignored.push(e.ignore(Unused::NoResourceType)),
        }
    }
    let readings = by_date(readings);
    let (weeks, days) = match gestation {
        Some((d, _)) => (
            Value::Number(f64::from(d.div_euclid(7))),
            Value::Number(f64::from(d.rem_euclid(7))),
        ),
        None => (Value::Null, Value::Null),
    };
    let requests = Method::ALL
        .iter()
        .filter(|m| readings.iter().any(|r| r.method == **m))
        .map(|&m| {
            let observations = readings
                .iter()
                .filter(|r| r.method == m)
                .map(|r| {
                    object(vec![
                        ("observation_date", Value::String(r.date.iso())),
                        ("observation_value", Value::Number(r.value)),
                        (
                            "source",
                            r.source.clone().map_or(Value::Null, Value::String),
                        ),
                    ])
                })
                .collect();
            object(vec![
                ("measurement_method", string(m.name())),
                ("birth_date", Value::String(patient.birth_date.iso())),
                ("sex", string(patient.sex)),
                ("gestation_weeks", weeks.clone()),
                ("gestation_days", days.clone()),
                ("observations", Value::Array(observations)),
            ])
        })
        .collect();
    Ok(FromFhir {
        requests,
        ignored,
        patient: patient.reference,
    })
}

pub(super) fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

pub(super) fn string(s: &str) -> Value {
    Value::String(s.into())
}

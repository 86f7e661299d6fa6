//! FHIR R4 in and out: a patient's growth `Observation`s read as dGC bulk-calculation requests ([`from_fhir`]),
//! results written as FHIR `Observation`s ([`to_fhir`]), and both at once ([`fhir_calculation`]).
//!
//! Reading follows three rules: every resource that is not used is listed in `ignored` with the reason; units are
//! UCUM codes converted by exact decimal factors; the date of an observation is the calendar date written in its
//! own time zone (`2020-03-01T23:30:00-05:00` is 1 March, never moved to UTC).

use crate::ages::Date;
use crate::api::{self, BulkResult};
use crate::measurement::{provenance, MeasurementObject};
use crate::request::{ErrorDetail, Fields, Loc, Shape, ValidationError, Value};
use crate::rounding::decimal_text;
use crate::Method;
use serde::Serialize;

/// The LOINC code system.
pub const LOINC: &str = "http://loinc.org";
/// The UCUM unit system.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// centile's own codes for the components of a result Observation: `sds` (at the corrected age, the age the
/// value is reported at), `chronological-centile` and `chronological-sds`. LOINC has no SDS codes for these.
pub const RESULT_CODES: &str = "urn:centile:result";
/// centile's codes for the growth reference in `Observation.method` (`uk-who`, `who`, `cdc`, …).
pub const REFERENCE_CODES: &str = "urn:centile:growth-reference";

const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
const US_CORE: &str = "http://hl7.org/fhir/us/core/StructureDefinition/";

/// What a LOINC code read by [`from_fhir`] stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Coded {
    Measurement(Method),
    /// Gestational age at birth (76516-4).
    GestationAtBirth,
    /// Gestational age (18185-9, 11884-4): used only when dated on the day of birth.
    Gestation,
}

const CODES: [(&str, Coded); 11] = [
    ("8302-2", Coded::Measurement(Method::Height)),
    ("8306-3", Coded::Measurement(Method::Height)),
    ("8308-9", Coded::Measurement(Method::Height)),
    ("29463-7", Coded::Measurement(Method::Weight)),
    ("3141-9", Coded::Measurement(Method::Weight)),
    ("9843-4", Coded::Measurement(Method::Ofc)),
    ("8287-5", Coded::Measurement(Method::Ofc)),
    ("39156-5", Coded::Measurement(Method::Bmi)),
    ("76516-4", Coded::GestationAtBirth),
    ("18185-9", Coded::Gestation),
    ("11884-4", Coded::Gestation),
];

/// The physical dimension a UCUM unit measures.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Dimension {
    Length,
    Mass,
    MassPerArea,
    Duration,
}

/// A UCUM unit: its dimension and the exact decimal factor `m × 10^e` to cm, kg, kg/m² or days.
const UNITS: [(&str, Dimension, i64, i32); 11] = [
    ("cm", Dimension::Length, 1, 0),
    ("m", Dimension::Length, 1, 2),
    ("mm", Dimension::Length, 1, -1),
    ("[in_i]", Dimension::Length, 254, -2),
    ("kg", Dimension::Mass, 1, 0),
    ("g", Dimension::Mass, 1, -3),
    ("[lb_av]", Dimension::Mass, 45_359_237, -8),
    ("[oz_av]", Dimension::Mass, 28_349_523_125, -12),
    ("kg/m2", Dimension::MassPerArea, 1, 0),
    ("wk", Dimension::Duration, 7, 0),
    ("d", Dimension::Duration, 1, 0),
];

fn dimension(method: Method) -> Dimension {
    match method {
        Method::Height | Method::Ofc => Dimension::Length,
        Method::Weight => Dimension::Mass,
        Method::Bmi => Dimension::MassPerArea,
    }
}

fn unit_names(dimension: Dimension) -> String {
    let names: Vec<&str> = UNITS
        .iter()
        .filter(|u| u.1 == dimension)
        .map(|u| u.0)
        .collect();
    names.join(", ")
}

/// `value × m × 10^e` computed on the shortest decimal that reads back as `value`, so the result is the double
/// nearest the exact product (1.1 m is 110 cm, not 110.00000000000001). Values with more significant digits
/// than 64-bit integer arithmetic allows, or beyond 1e-16 to 1e38 (far from any measurement), are multiplied as
/// doubles.
fn convert(value: f64, m: i64, e: i32) -> f64 {
    let exact = crate::decimal::shortest_decimal(value.abs()).and_then(|(digits, exponent)| {
        let product = i64::try_from(digits).ok()?.checked_mul(m)?;
        crate::decimal::parse(&format!("{product}e{}", exponent + e))
    });
    match exact {
        Some(x) if value < 0.0 => -x,
        Some(x) => x,
        None => value * m as f64 * 10f64.powi(e),
    }
}

/// The calendar date a FHIR `date`, `dateTime` or `instant` was written on, in its own time zone.
fn local_date(text: &str) -> Result<Date, &'static str> {
    let (day, time) = (text.get(..10), text.get(10..));
    let Some(date) = day.and_then(Date::parse) else {
        return Err(
            if text.len() < 10
                && text
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            {
                "the date is not precise to the day"
            } else {
                "the date is not a FHIR date or dateTime"
            },
        );
    };
    match time {
        Some("") => Ok(date),
        Some(t) if is_time(t) => Ok(date),
        _ => Err("the date is not a FHIR date or dateTime"),
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

    fn ignore(&self, why: impl Into<String>) -> Ignored {
        Ignored {
            resource: self.label.clone(),
            why: why.into(),
        }
    }

    fn loc(&self, key: &str) -> Vec<Loc> {
        let mut loc = self.at.clone();
        loc.push(Loc::Key(key.into()));
        loc
    }
}

fn text(value: Option<&Value>) -> Option<&str> {
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
            let reference = match (kind, text(resource.get("id"))) {
                (Some(k), Some(id)) => Some(format!("{k}/{id}")),
                _ => full_url.map(str::to_owned),
            };
            let place = match at.get(2) {
                Some(Loc::Index(i)) => format!("entry {i}"),
                _ => match at.get(1) {
                    Some(Loc::Index(i)) => format!("item {i}"),
                    _ => String::new(),
                },
            };
            let label = reference
                .clone()
                .unwrap_or_else(|| format!("{} at {place}", kind.unwrap_or("resource")));
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
    let mut names: Vec<String> = id.map(|id| format!("Patient/{id}")).into_iter().collect();
    names.extend(p.full_url.map(str::to_owned));
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
        self.names.is_empty()
            || self
                .names
                .iter()
                .any(|n| r == n || (n.starts_with("Patient/") && r.ends_with(&format!("/{n}"))))
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

fn coded(observation: &Value) -> Result<Coded, String> {
    let codings = match observation.get("code").and_then(|c| c.get("coding")) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    let mut seen = Vec::new();
    for c in codings {
        let code = text(c.get("code")).unwrap_or("");
        if text(c.get("system")) == Some(LOINC) {
            if let Some((_, kind)) = CODES.iter().find(|(k, _)| *k == code) {
                return Ok(*kind);
            }
            seen.push(format!("LOINC {code}"));
        } else {
            seen.push(format!(
                "{} {code}",
                text(c.get("system")).unwrap_or("(no system)")
            ));
        }
    }
    Err(if seen.is_empty() {
        "no coded measurement (Observation.code has no coding)".into()
    } else {
        format!(
            "not a growth measurement or gestational age code ({})",
            seen.join(", ")
        )
    })
}

fn effective(observation: &Value) -> Result<Date, String> {
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
        return Err(
            "no date: effectiveDateTime, effectivePeriod.start or effectiveInstant is needed"
                .into(),
        );
    };
    local_date(written).map_err(|why| format!("{why} ({written})"))
}

/// The value in cm, kg, kg/m² or days.
fn quantity(observation: &Value, wanted: Dimension, what: &str) -> Result<f64, String> {
    if let Some(reason) = observation
        .get("dataAbsentReason")
        .filter(|v| **v != Value::Null)
    {
        let code = text(
            reason
                .get("coding")
                .and_then(|c| match c {
                    Value::Array(items) => items.first(),
                    _ => None,
                })
                .and_then(|c| c.get("code")),
        )
        .or_else(|| text(reason.get("text")))
        .unwrap_or("no reason given");
        return Err(format!("no value: data absent ({code})"));
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
            Some(k) => format!("the value is a {}, not a Quantity", &k[5..]),
            None => "no value".into(),
        });
    };
    if let Some(c) = text(q.get("comparator")) {
        return Err(format!(
            "the value has a comparator ({c}), not an exact measurement"
        ));
    }
    let value = match q.get("value") {
        Some(Value::Number(n)) if n.is_finite() => *n,
        _ => return Err("the value is not a number".into()),
    };
    let system = text(q.get("system"));
    let code = if system.is_none() || system == Some(UCUM) {
        text(q.get("code")).or_else(|| text(q.get("unit")))
    } else {
        None
    };
    let Some(code) = code else {
        return Err(format!(
            "no UCUM unit for the {what} (use one of {})",
            unit_names(wanted)
        ));
    };
    match UNITS.iter().find(|u| u.0 == code && u.1 == wanted) {
        Some(&(_, _, m, e)) => Ok(convert(value, m, e)),
        None => Err(format!(
            "the unit {code} is not a unit of {what} (use one of {})",
            unit_names(wanted)
        )),
    }
}

fn read(entry: &Entry, patient: &Patient) -> Result<Read, String> {
    let o = entry.resource;
    if let Some(status @ ("entered-in-error" | "cancelled")) = text(o.get("status")) {
        return Err(format!("status is {status}"));
    }
    let kind = coded(o)?;
    if !patient.is_subject(o) {
        return Err("its subject is not the bundle's Patient".into());
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
                return Err("a gestational age not dated on the day of birth (use LOINC 76516-4 for gestation at birth)".into());
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
            Some("Patient") => ignored.push(e.ignore("a repeat of the Patient")),
            Some("Observation") => match read(e, &patient) {
                Ok(Read::Measurement(r)) => readings.push(r),
                Ok(Read::Gestation(days)) => {
                    // Completed days (tolerating the rounding of a decimal number of weeks).
                    let whole = if (days - days.round()).abs() < 1e-9 {
                        days.round()
                    } else {
                        days.floor()
                    };
                    let whole = whole as i32;
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
                        Some(_) => {
                            ignored.push(e.ignore("a repeat of the gestational age at birth"))
                        }
                        None => gestation = Some((whole, e)),
                    }
                }
                Err(why) => ignored.push(e.ignore(why)),
            },
            Some(other) => {
                ignored.push(e.ignore(format!("a {other}, not a Patient or Observation")))
            }
            None => ignored.push(e.ignore("not a FHIR resource (no resourceType)")),
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
                        ("observation_date", Value::String(r.date.to_string())),
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
                ("birth_date", Value::String(patient.birth_date.to_string())),
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

fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn string(s: &str) -> Value {
    Value::String(s.into())
}

/// A FHIR `Coding`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coding {
    system: &'static str,
    code: &'static str,
    display: &'static str,
}

/// A FHIR `CodeableConcept` with one coding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Concept {
    coding: [Coding; 1],
    text: String,
}

fn concept(system: &'static str, code: &'static str, display: &'static str) -> Concept {
    Concept {
        coding: [Coding {
            system,
            code,
            display,
        }],
        text: display.into(),
    }
}

/// A FHIR `Quantity` in UCUM.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    value: f64,
    unit: &'static str,
    system: &'static str,
    code: &'static str,
}

fn ucum(value: f64, unit: &'static str, code: &'static str) -> Quantity {
    Quantity {
        value,
        unit,
        system: UCUM,
        code,
    }
}

/// A FHIR `Reference`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    reference: String,
}

/// `Observation.meta` with its profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meta {
    profile: [String; 1],
}

/// An annotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    text: String,
}

/// An `Observation.component`: a value, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    code: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_absent_reason: Option<Concept>,
}

impl Component {
    fn new(code: Concept, value: Option<Quantity>) -> Component {
        let absent = value.is_none().then(no_data);
        Component {
            code,
            value_quantity: value,
            data_absent_reason: absent,
        }
    }
}

fn no_data() -> Concept {
    Concept {
        text: "no reference data at this age".into(),
        ..concept(ABSENT, "not-applicable", "Not Applicable")
    }
}

/// A FHIR R4 `Observation` of one result (see [`to_fhir`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    resource_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta>,
    status: &'static str,
    category: [Concept; 1],
    code: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Reference>,
    effective_date_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_absent_reason: Option<Concept>,
    method: Concept,
    #[serde(skip_serializing_if = "Option::is_none")]
    derived_from: Option<[Reference; 1]>,
    note: [Note; 1],
    component: [Component; 4],
}

/// A result as its Observation needs it, from a measurement object.
struct Scored {
    reference: crate::Reference,
    method: Method,
    observation_date: String,
    observation_value: f64,
    /// (SDS, centile) at the corrected age.
    corrected: (Option<f64>, Option<f64>),
    /// (SDS, centile) at the chronological age.
    chronological: (Option<f64>, Option<f64>),
    /// (corrected, chronological) decimal ages.
    ages: (f64, f64),
    /// Who calculated it: engine, version, commit, reference data and fingerprint, when recorded.
    calculated_by: Option<String>,
}

fn calculated_by(
    engine: &str,
    version: &str,
    commit: &str,
    source: &str,
    fingerprint: &str,
) -> String {
    format!("calculated by {engine} {version} (commit {commit}); reference data {source}, SHA-256 {fingerprint}")
}

impl From<&MeasurementObject> for Scored {
    fn from(m: &MeasurementObject) -> Scored {
        Scored {
            reference: m.reference,
            method: m.birth.method,
            observation_date: m.observation.observation_date.to_string(),
            observation_value: m.observation.observation_value,
            corrected: (m.corrected.sds, m.corrected.centile),
            chronological: (m.chronological.sds, m.chronological.centile),
            ages: (m.corrected_decimal_age, m.chronological_decimal_age),
            calculated_by: Some(calculated_by(
                provenance::ENGINE,
                provenance::VERSION,
                provenance::COMMIT,
                provenance::REFERENCE_DATA,
                crate::data::FINGERPRINT,
            )),
        }
    }
}

/// What [`to_fhir`] reads of a measurement object.
pub(crate) const FHIR_MEASUREMENT: Shape = Shape::Object(&[&[
    (
        "provenance",
        Shape::Object(&[&[
            ("growth_reference", Shape::Any),
            ("calculation_engine", Shape::Any),
            ("reference_data", Shape::Any),
        ]]),
    ),
    (
        "child_observation_value",
        Shape::Object(&[&[
            ("measurement_method", Shape::Any),
            ("observation_value", Shape::Any),
        ]]),
    ),
    (
        "measurement_dates",
        Shape::Object(&[&[
            ("observation_date", Shape::Any),
            ("corrected_decimal_age", Shape::Any),
            ("chronological_decimal_age", Shape::Any),
        ]]),
    ),
    (
        "measurement_calculated_values",
        Shape::Object(&[&[
            ("corrected_sds", Shape::Any),
            ("corrected_centile", Shape::Any),
            ("chronological_sds", Shape::Any),
            ("chronological_centile", Shape::Any),
        ]]),
    ),
]]);

/// The options of [`to_fhir`].
pub(crate) const FHIR_OPTIONS: Shape = Shape::Object(&[&[
    ("subject", Shape::Any),
    ("derivedFrom", Shape::Any),
    ("growthReference", Shape::Any),
]]);

/// The value at `path` inside the measurement object `v`, a path [`FHIR_MEASUREMENT`] lists (not inlined: called
/// for a dozen paths, it would be copied a dozen times into the WebAssembly).
#[inline(never)]
fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    FHIR_MEASUREMENT.get(v, path)
}

/// The finite number at `path` inside `v`.
#[inline(never)]
fn number_at(v: &Value, path: &[&str]) -> Option<f64> {
    match at(v, path) {
        Some(Value::Number(n)) if n.is_finite() => Some(*n),
        _ => None,
    }
}

impl Scored {
    /// Reads a measurement object (ours, or a dGC API response when `growth_reference` is given).
    fn read(
        m: &Value,
        growth_reference: Option<crate::Reference>,
    ) -> Result<Scored, ValidationError> {
        const METHOD: [&str; 2] = ["child_observation_value", "measurement_method"];
        const VALUE: [&str; 2] = ["child_observation_value", "observation_value"];
        const DATE: [&str; 2] = ["measurement_dates", "observation_date"];
        const REFERENCE: [&str; 2] = ["provenance", "growth_reference"];
        let number = |path: &[&str]| number_at(m, path);
        let method = text(at(m, &METHOD)).and_then(Method::parse);
        let value = number(&VALUE);
        let date = text(at(m, &DATE)).and_then(Date::parse);
        let reference =
            growth_reference.or_else(|| text(at(m, &REFERENCE)).and_then(crate::Reference::parse));
        let (Some(method), Some(value), Some(date), Some(reference)) =
            (method, value, date, reference)
        else {
            let wrong = [
                (&METHOD, method.is_none()),
                (&VALUE, value.is_none()),
                (&DATE, date.is_none()),
                (&REFERENCE, reference.is_none()),
            ];
            let detail = wrong
                .into_iter()
                .filter(|(_, bad)| *bad)
                .map(|(path, _)| {
                    let mut loc = vec![Loc::Key("body".into())];
                    loc.extend(path.iter().map(|k| Loc::Key((*k).into())));
                    let msg = format!("A measurement object needs a valid {}", path.join("."));
                    ErrorDetail::new(loc, msg, "missing")
                })
                .collect();
            return Err(ValidationError { detail });
        };
        let engine =
            |k: &str| text(at(m, &["provenance", "calculation_engine", k])).unwrap_or("unknown");
        let data = |k: &str| text(at(m, &["provenance", "reference_data", k])).unwrap_or("unknown");
        let values = "measurement_calculated_values";
        Ok(Scored {
            reference,
            method,
            observation_date: date.to_string(),
            observation_value: value,
            corrected: (
                number(&[values, "corrected_sds"]),
                number(&[values, "corrected_centile"]),
            ),
            chronological: (
                number(&[values, "chronological_sds"]),
                number(&[values, "chronological_centile"]),
            ),
            ages: (
                number(&["measurement_dates", "corrected_decimal_age"]).unwrap_or(f64::NAN),
                number(&["measurement_dates", "chronological_decimal_age"]).unwrap_or(f64::NAN),
            ),
            calculated_by: at(m, &["provenance", "calculation_engine"])
                .is_some()
                .then(|| {
                    calculated_by(
                        engine("name"),
                        engine("version"),
                        engine("commit"),
                        data("source"),
                        data("fingerprint"),
                    )
                }),
        })
    }
}

/// Where a result Observation points: its patient and the Observation it was derived from.
#[derive(Default)]
struct Links {
    subject: Option<String>,
    derived_from: Option<String>,
}

/// The LOINC codes of a method's result Observation.
struct Codes {
    /// The centile code and its display.
    centile: (&'static str, &'static str),
    /// The US Core profile that fits it, if any.
    profile: Option<&'static str>,
    /// The measurement's own code, display and UCUM unit.
    measurement: (&'static str, &'static str, &'static str),
}

fn codes(method: Method) -> Codes {
    let (centile, profile, measurement) = match method {
        Method::Height => (
            ("8303-0", "Body height [Percentile]"),
            None,
            ("8302-2", "Body height", "cm"),
        ),
        Method::Weight => (
            ("8336-0", "Body weight [Percentile] Per age"),
            None,
            ("29463-7", "Body weight", "kg"),
        ),
        Method::Ofc => (
            ("8289-1", "Head Occipital-frontal circumference Percentile"),
            Some("head-occipital-frontal-circumference-percentile"),
            ("9843-4", "Head Occipital-frontal circumference", "cm"),
        ),
        Method::Bmi => (
            (
                "59576-9",
                "Body mass index (BMI) [Percentile] Per age and sex",
            ),
            Some("pediatric-bmi-for-age"),
            ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"),
        ),
    };
    Codes {
        centile,
        profile,
        measurement,
    }
}

/// How the reference is named in `Observation.method`.
fn reference_display(reference: crate::Reference) -> &'static str {
    match reference {
        crate::Reference::UkWho => "UK-WHO growth reference",
        crate::Reference::Who => "WHO 2006/2007 growth standard and reference",
        crate::Reference::Cdc => "CDC 2000 growth reference",
        crate::Reference::TurnersSyndrome => "Turner syndrome growth reference (Lyon 1985)",
        crate::Reference::Trisomy21 => "UK Down syndrome growth reference (Styles 2002)",
        crate::Reference::Trisomy21Aap => "US Down syndrome growth reference (Zemel 2015)",
    }
}

fn observation(s: &Scored, links: &Links) -> Observation {
    let Codes {
        centile: (centile_code, centile_display),
        profile,
        measurement: (code, display, unit),
    } = codes(s.method);
    let centile = |c: Option<f64>| c.map(|c| ucum(c, "%", "%"));
    let sds = |z: Option<f64>| z.map(|z| ucum(z, "SDS", "{SDS}"));
    let reference = reference_display(s.reference);
    let (corrected_age, chronological_age) = s.ages;
    let note = if corrected_age.is_finite() && chronological_age.is_finite() {
        format!(
            "Centile and SDS at the corrected age of {} years (chronological age {} years).",
            decimal_text(corrected_age, 2),
            decimal_text(chronological_age, 2)
        )
    } else {
        "Centile and SDS at the corrected age.".into()
    };
    Observation {
        resource_type: "Observation",
        meta: profile.filter(|_| links.subject.is_some()).map(|p| Meta {
            profile: [format!("{US_CORE}{p}")],
        }),
        status: "final",
        category: [concept(CATEGORY, "vital-signs", "Vital Signs")],
        code: concept(LOINC, centile_code, centile_display),
        subject: links
            .subject
            .clone()
            .map(|reference| Reference { reference }),
        effective_date_time: s.observation_date.clone(),
        value_quantity: centile(s.corrected.1),
        data_absent_reason: s.corrected.1.is_none().then(no_data),
        method: Concept {
            text: match &s.calculated_by {
                Some(by) => format!("{reference}; {by}"),
                None => reference.into(),
            },
            ..concept(REFERENCE_CODES, s.reference.name(), reference)
        },
        derived_from: links
            .derived_from
            .clone()
            .map(|reference| [Reference { reference }]),
        note: [Note { text: note }],
        component: [
            Component::new(
                concept(RESULT_CODES, "sds", "SDS (z-score) at the corrected age"),
                sds(s.corrected.0),
            ),
            Component::new(
                concept(
                    RESULT_CODES,
                    "chronological-centile",
                    "Centile at the chronological age",
                ),
                centile(s.chronological.1),
            ),
            Component::new(
                concept(
                    RESULT_CODES,
                    "chronological-sds",
                    "SDS (z-score) at the chronological age",
                ),
                sds(s.chronological.0),
            ),
            Component::new(
                concept(LOINC, code, display),
                Some(ucum(s.observation_value, unit, unit)),
            ),
        ],
    }
}

/// A FHIR R4 `Observation` for one measurement object: the centile at the corrected age as `valueQuantity` (%)
/// under the LOINC centile code (US Core pediatric profiles for BMI and head circumference when a subject is
/// given), the SDS and the chronological centile and SDS as components coded in [`RESULT_CODES`], the measurement
/// itself as a LOINC component, and the reference, engine version and table fingerprint in `method`.
///
/// `options`: `{subject, derivedFrom, growthReference}` (all optional): the patient reference, the source
/// Observation reference, and the reference name for a measurement object without `provenance`.
///
/// # Errors
/// A 422 when `measurement` is not a measurement object or an option is not a string.
pub fn to_fhir(measurement: &Value, options: &Value) -> Result<Observation, ValidationError> {
    let mut links = Links::default();
    let mut growth_reference = None;
    if *options != Value::Null {
        let mut fields = Fields::new(options, &FHIR_OPTIONS, vec![Loc::Key("options".into())]);
        links.subject = fields.string("subject", false).map(str::to_owned);
        links.derived_from = fields.string("derivedFrom", false).map(str::to_owned);
        let name = fields.string("growthReference", false);
        fields.finish()?;
        growth_reference = name.map(api::reference).transpose()?;
    }
    let scored = Scored::read(measurement, growth_reference)?;
    Ok(observation(&scored, &links))
}

/// The bulk results of one measurement method.
#[derive(Serialize)]
pub struct MethodResults {
    /// `height`, `weight`, `ofc` or `bmi`.
    pub measurement_method: &'static str,
    /// One entry per observation of the request, in its order: a measurement object or an error entry.
    pub results: Vec<BulkResult>,
    /// The source Observation of each entry (`Observation/id` or its `fullUrl`), in the same order.
    pub sources: Vec<Option<String>>,
}

/// What [`fhir_calculation`] returns.
#[derive(Serialize)]
pub struct FhirCalculation {
    /// The bulk results, one entry per measurement method present.
    pub results: Vec<MethodResults>,
    /// One FHIR Observation per measurement object, `derivedFrom` its source and `subject` the patient.
    pub observations: Vec<Observation>,
    /// Every resource of the bundle not used, and why.
    pub ignored: Vec<Ignored>,
    /// The patient as a reference, when it has one.
    pub patient: Option<String>,
}

/// [`from_fhir`], the bulk calculation of each request against `reference_name`, and [`to_fhir`] of every
/// measurement object.
///
/// # Errors
/// As [`from_fhir`], for an unknown reference, or birth details the bulk calculation rejects (e.g. a gestational
/// age outside 22–44 weeks).
pub fn fhir_calculation(
    reference_name: &str,
    bundle: &Value,
) -> Result<FhirCalculation, ValidationError> {
    api::reference(reference_name)?;
    let read = from_fhir(bundle)?;
    let mut results = Vec::new();
    let mut observations = Vec::new();
    for request in &read.requests {
        let Some(method) = text(request.get("measurement_method")).and_then(Method::parse) else {
            continue;
        };
        let response = api::bulk_calculation(reference_name, request)?;
        let sources: Vec<Option<String>> = match request.get("observations") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|o| text(o.get("source")).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        for (result, source) in response.results.iter().zip(&sources) {
            if let BulkResult::Measurement(m) = result {
                let links = Links {
                    subject: read.patient.clone(),
                    derived_from: source.clone(),
                };
                observations.push(observation(&Scored::from(m.as_ref()), &links));
            }
        }
        results.push(MethodResults {
            measurement_method: method.name(),
            results: response.results,
            sources,
        });
    }
    Ok(FhirCalculation {
        results,
        observations,
        ignored: read.ignored,
        patient: read.patient,
    })
}

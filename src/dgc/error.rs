//! A rejected request in the dGC API's 422 shape: where, which rule, and the sentence.

use super::value::Value;
use crate::engine::rounding::push_natural;
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// The type of the problem an unknown reference (a route the API does not have) is reported as.
pub(crate) const UNKNOWN_REFERENCE: &str = "enum";

/// One step of an error location: a field name or a list index.
#[derive(Clone, Debug, PartialEq)]
pub enum Loc {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

impl Serialize for Loc {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Loc::Key(k) => serializer.serialize_str(k),
            Loc::Index(i) => serializer.serialize_u64(*i as u64),
        }
    }
}

/// One problem with a request, shaped like an item of the dGC API's 422 `detail` list. It names the field and the
/// rule, never the value: errors travel to telemetry, so the API's `input` key is always `null`.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorDetail {
    /// Where the problem is, e.g. `["body", "observation_value"]`.
    pub loc: Vec<Loc>,
    /// What is wrong, in words.
    pub msg: String,
    /// A machine-readable kind, e.g. `missing`, `float_type`, `value_error`.
    pub kind: &'static str,
}

impl ErrorDetail {
    /// A problem at `loc`.
    pub fn new(loc: Vec<Loc>, msg: impl Into<String>, kind: &'static str) -> ErrorDetail {
        ErrorDetail {
            loc,
            msg: msg.into(),
            kind,
        }
    }
}

impl Serialize for ErrorDetail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("loc", &self.loc)?;
        map.serialize_entry("msg", &self.msg)?;
        map.serialize_entry("type", self.kind)?;
        map.serialize_entry("input", &Value::Null)?;
        map.end()
    }
}

/// A rejected request: the body of a 422 response.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ValidationError {
    /// Every problem found.
    pub detail: Vec<ErrorDetail>,
}

impl ValidationError {
    /// A single problem at `loc`.
    pub fn at(loc: Vec<Loc>, msg: impl Into<String>, kind: &'static str) -> ValidationError {
        ValidationError {
            detail: vec![ErrorDetail::new(loc, msg, kind)],
        }
    }

    /// A single problem with the request as a whole (`loc: ["body"]`).
    pub fn body(msg: impl Into<String>, kind: &'static str) -> ValidationError {
        ValidationError::at(vec![Loc::Key("body".into())], msg, kind)
    }

    /// The HTTP status the API answers: 404 for an unknown reference (a route it does not have), else 422.
    pub fn status(&self) -> u16 {
        let unknown_route = self.detail.iter().any(|d| {
            d.kind == UNKNOWN_REFERENCE
                && matches!(d.loc.as_slice(), [Loc::Key(p), Loc::Key(r)] if p == "path" && r == "reference")
        });
        if unknown_route {
            404
        } else {
            422
        }
    }

    /// A single problem with the field `key` of the request (`loc: ["body", key]`).
    pub fn field(key: &str, msg: impl Into<String>, kind: &'static str) -> ValidationError {
        ValidationError::at(
            vec![Loc::Key("body".into()), Loc::Key(key.into())],
            msg,
            kind,
        )
    }

    /// Every problem in words, each after its field's path: "age: …; sex: …".
    pub fn message(&self) -> String {
        let parts: Vec<String> = self
            .detail
            .iter()
            .map(|d| {
                let mut text = String::new();
                for (n, l) in d.loc.iter().skip(1).enumerate() {
                    if n > 0 {
                        text.push('.');
                    }
                    match l {
                        Loc::Key(k) => text.push_str(k),
                        Loc::Index(i) => push_natural(&mut text, *i as u64, 1),
                    }
                }
                if d.loc.len() > 1 {
                    text.push_str(": ");
                }
                text.push_str(&d.msg);
                text
            })
            .collect();
        parts.join("; ")
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ValidationError {}

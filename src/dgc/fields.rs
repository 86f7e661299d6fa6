//! Reading the fields of a request object into typed values, collecting every problem in the dGC API's 422 shape.

use super::error::{ErrorDetail, Loc, ValidationError};
use super::shape::{Shape, Whole};
use super::value::Value;
use crate::engine::ages::Date;
use crate::engine::rounding::{integer, push_integer};
use crate::{Method, Reference, Sex};

/// Reads fields of one request object, collecting every problem rather than stopping at the first.
pub struct Fields<'a> {
    object: &'a Value,
    /// Checked in debug builds only: release builds carry no shapes.
    #[cfg(debug_assertions)]
    shape: &'static Shape,
    at: Vec<Loc>,
    /// Problems found so far.
    pub errors: Vec<ErrorDetail>,
}

impl<'a> Fields<'a> {
    /// Starts reading `object` of `shape`, located at `at` (e.g. `["body"]`). A non-object is reported at once.
    /// Debug builds fail on reading a field `shape` does not list.
    pub fn new(object: &'a Value, shape: &'static Shape, at: Vec<Loc>) -> Fields<'a> {
        #[cfg(not(debug_assertions))]
        let _ = shape;
        let mut fields = Fields {
            object,
            #[cfg(debug_assertions)]
            shape,
            at,
            errors: Vec::new(),
        };
        if !matches!(object, Value::Object(_)) {
            fields.errors.push(ErrorDetail::new(
                fields.at.clone(),
                "Input should be an object with the request's fields",
                "model_attributes_type",
            ));
        }
        fields
    }

    /// Records a problem with field `key`.
    pub fn fail(&mut self, key: &str, kind: &'static str, msg: impl Into<String>) {
        let mut loc = self.at.clone();
        loc.push(Loc::Key(key.into()));
        self.errors.push(ErrorDetail::new(loc, msg, kind));
    }

    /// The required object member `key`, to be read with its own `Fields` located under this one; hand it back
    /// with [`Fields::absorb`] so its problems are reported too.
    pub fn object(&mut self, key: &str) -> Option<Fields<'a>> {
        let value = self.required(key)?;
        #[cfg(debug_assertions)]
        let shape = self.shape.member(key).unwrap_or(&Shape::Any);
        #[cfg(not(debug_assertions))]
        let shape = &Shape::Any;
        let mut at = self.at.clone();
        at.push(Loc::Key(key.into()));
        Some(Fields::new(value, shape, at))
    }

    /// Takes over the problems of a member read with [`Fields::object`].
    pub fn absorb(&mut self, member: Fields) {
        self.errors.extend(member.errors);
    }

    /// The raw member `key`, treating `null`/`undefined` as absent.
    pub fn raw(&self, key: &str) -> Option<&'a Value> {
        #[cfg(debug_assertions)]
        self.shape.read(&self.at, key);
        self.object.get(key).filter(|v| **v != Value::Null)
    }

    fn required(&mut self, key: &str) -> Option<&'a Value> {
        let value = self.raw(key);
        if value.is_none() && matches!(self.object, Value::Object(_)) {
            self.fail(key, "missing", "Field required");
        }
        value
    }

    /// A finite number, from a number or a numeric string; a problem is reported with the API's type codes for a
    /// float field, or for an integer field when `whole`.
    fn number(&mut self, key: &str, value: &Value, whole: bool) -> Option<f64> {
        let (parsing, kind, msg) = if whole {
            ("int_parsing", "int_type", "Input should be a valid integer")
        } else {
            (
                "float_parsing",
                "float_type",
                "Input should be a valid number",
            )
        };
        let n = match value {
            Value::Number(n) => *n,
            Value::String(s) => match crate::dgc::decimal::parse(s.trim()) {
                Some(n) => n,
                None => {
                    self.fail(key, parsing, msg);
                    return None;
                }
            },
            _ => {
                self.fail(key, kind, msg);
                return None;
            }
        };
        if !n.is_finite() {
            self.fail(key, "finite_number", "Input should be a finite number");
            return None;
        }
        Some(n)
    }

    /// A required finite number (numeric strings are accepted, as the API's lax parsing does).
    pub fn float(&mut self, key: &str) -> Option<f64> {
        let value = self.required(key)?;
        self.number(key, value, false)
    }

    /// An optional finite number.
    pub fn optional_float(&mut self, key: &str) -> Option<f64> {
        let value = self.raw(key)?;
        self.number(key, value, false)
    }

    /// A required number from `lo` to `hi` inclusive (the API's `ge`/`le` constraints and their type codes).
    pub fn float_in(&mut self, key: &str, lo: i32, hi: i32) -> Option<f64> {
        let n = self.float(key)?;
        self.bounded(key, n, lo, hi)
    }

    /// `n`, or `None` with the API's `greater_than_equal`/`less_than_equal` problem when outside `lo..=hi`. (Whole
    /// bounds: the .wasm carries no float formatting.)
    fn bounded(&mut self, key: &str, n: f64, lo: i32, hi: i32) -> Option<f64> {
        let (kind, words, bound) = if n < f64::from(lo) {
            (
                "greater_than_equal",
                "Input should be greater than or equal to ",
                lo,
            )
        } else if n > f64::from(hi) {
            (
                "less_than_equal",
                "Input should be less than or equal to ",
                hi,
            )
        } else {
            return Some(n);
        };
        let mut msg = String::from(words);
        push_integer(&mut msg, i64::from(bound), 1);
        self.fail(key, kind, msg);
        None
    }

    /// A required number greater than zero.
    pub fn positive(&mut self, key: &str) -> Option<f64> {
        let n = self.float(key)?;
        if n <= 0.0 {
            self.fail(key, "greater_than", "Input should be greater than 0");
            return None;
        }
        Some(n)
    }

    /// An optional whole number in `range`, its default when absent.
    pub fn int_in(&mut self, key: &str, range: Whole) -> Option<i32> {
        let Whole { default, lo, hi } = range;
        let Some(value) = self.raw(key) else {
            return Some(default);
        };
        let n = self.number(key, value, true)?;
        if n.fract() != 0.0 {
            self.fail(key, "int_from_float", "Input should be a whole number");
            return None;
        }
        self.bounded(key, n, lo, hi).and_then(integer) // within lo..=hi: always an i32
    }

    /// A string field (required when `required`).
    pub fn string(&mut self, key: &str, required: bool) -> Option<&'a str> {
        let value = if required {
            self.required(key)?
        } else {
            self.raw(key)?
        };
        match value {
            Value::String(s) => Some(s),
            _ => {
                self.fail(key, "string_type", "Input should be a valid string");
                None
            }
        }
    }

    /// One of `options`, parsed by `parse` (required when `required`).
    pub fn choice<T>(
        &mut self,
        key: &str,
        required: bool,
        options: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let text = self.string(key, required)?;
        let parsed = parse(text);
        if parsed.is_none() {
            self.fail(key, "literal_error", literal_message(options));
        }
        parsed
    }

    /// The required `reference` field (an rcpchgrowth or API route name).
    pub fn reference(&mut self) -> Option<Reference> {
        let names = [
            "uk-who",
            "who",
            "cdc",
            "turners-syndrome",
            "turner",
            "trisomy-21",
            "trisomy-21-aap",
        ];
        self.choice("reference", true, &names, Reference::parse)
    }

    /// The required `sex` field.
    pub fn sex(&mut self) -> Option<Sex> {
        self.choice("sex", true, &Sex::ALL.map(Sex::name), Sex::parse)
    }

    /// The required `measurement_method` field.
    pub fn method(&mut self) -> Option<Method> {
        self.choice(
            "measurement_method",
            true,
            &Method::ALL.map(Method::name),
            Method::parse,
        )
    }

    /// A required `YYYY-MM-DD` date. The API reads `birth_date` with its own validator (a `value_error`) and other
    /// dates as Pydantic dates (`date_from_datetime_parsing`, `date_type` for a value that is not text).
    pub fn date(&mut self, key: &str) -> Option<Date> {
        let strptime = key == "birth_date";
        let msg = "Input should be a real calendar date written YYYY-MM-DD";
        let Value::String(text) = self.required(key)? else {
            self.fail(key, if strptime { "value_error" } else { "date_type" }, msg);
            return None;
        };
        let date = Date::parse(text);
        if date.is_none() {
            let kind = if strptime {
                "value_error"
            } else {
                "date_from_datetime_parsing"
            };
            self.fail(key, kind, msg);
        }
        date
    }

    /// An optional list, passed through.
    pub fn list(&mut self, key: &str) -> Option<Vec<Value>> {
        match self.raw(key)? {
            Value::Array(items) => Some(items.clone()),
            _ => {
                self.fail(key, "list_type", "Input should be a valid list");
                None
            }
        }
    }

    /// An optional boolean, `default` when absent. Lax as the API's validation is: 0 and 1, and the strings
    /// "0", "1", "true", "false", "t", "f", "yes", "no", "y", "n", "on" and "off" in any case, are accepted.
    pub fn boolean(&mut self, key: &str, default: bool) -> Option<bool> {
        let parsed = match self.raw(key) {
            None => return Some(default),
            Some(Value::Bool(b)) => Some(*b),
            Some(Value::Number(n)) if *n == 0.0 || *n == 1.0 => Some(*n == 1.0),
            Some(Value::String(s)) => match s.to_ascii_lowercase().as_str() {
                "0" | "f" | "n" | "no" | "off" | "false" => Some(false),
                "1" | "t" | "y" | "on" | "yes" | "true" => Some(true),
                _ => None,
            },
            Some(_) => None,
        };
        if parsed.is_none() {
            self.fail(key, "bool_parsing", "Input should be a valid boolean");
        }
        parsed
    }

    /// A list of finite numbers from an already-read list value, reported under `key`.
    pub fn numbers(&mut self, key: &str, items: &[Value]) -> Option<Vec<f64>> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::Number(n) if n.is_finite() => out.push(*n),
                _ => {
                    let mut loc = self.at.clone();
                    loc.extend([Loc::Key(key.into()), Loc::Index(i)]);
                    let msg = "Input should be a finite number";
                    self.errors
                        .push(ErrorDetail::new(loc, msg, "finite_number"));
                }
            }
        }
        (out.len() == items.len()).then_some(out)
    }

    /// Ends reading: the problems found, if any.
    pub fn finish(self) -> Result<(), ValidationError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                detail: self.errors,
            })
        }
    }

    /// Ends reading: the values read (a tuple of the readers' `Option`s, every one present), or every problem
    /// found. A reader returns `None` only after recording a problem; were one ever `None` without a problem,
    /// the request is reported as unreadable rather than trusted.
    pub fn finish_with<R: Readings>(self, readings: R) -> Result<R::Values, ValidationError> {
        self.finish()?;
        readings
            .all()
            .ok_or_else(|| ValidationError::body("The request could not be read.", "value_error"))
    }
}

/// "Input should be 'a', 'b' or 'c'": the API's message for a value that is none of `options`.
fn literal_message(options: &[&str]) -> String {
    let mut msg = String::from("Input should be ");
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            msg.push_str(if i + 1 == options.len() { " or " } else { ", " });
        }
        msg.push('\'');
        msg.push_str(option);
        msg.push('\'');
    }
    msg
}

/// A tuple of field readings, each `Some` when its field was read without a problem.
pub trait Readings {
    /// The values, once all are present.
    type Values;
    /// The values, if every reading has one.
    fn all(self) -> Option<Self::Values>;
}

macro_rules! readings {
    ($($t:ident),+) => {
        impl<$($t),+> Readings for ($(Option<$t>,)+) {
            type Values = ($($t,)+);
            #[allow(non_snake_case)]
            fn all(self) -> Option<Self::Values> {
                let ($($t,)+) = self;
                Some(($($t?,)+))
            }
        }
    };
}
readings!(A);
readings!(A, B);
readings!(A, B, C);
readings!(A, B, C, D);
readings!(A, B, C, D, E);
readings!(A, B, C, D, E, F);
readings!(A, B, C, D, E, F, G);
readings!(A, B, C, D, E, F, G, H);
readings!(A, B, C, D, E, F, G, H, I);

#[cfg(test)]
mod tests {
    use super::{Fields, Loc, Shape, Value};

    #[test]
    fn finish_with_returns_the_values_read_or_every_problem() {
        let body = Value::parse(r#"{"a":1,"b":"x"}"#).unwrap();
        let mut fields = Fields::new(&body, &Shape::Any, vec![Loc::Key("body".into())]);
        let (a, b) = (fields.float("a"), fields.string("b", true));
        assert_eq!(fields.finish_with((a, b)), Ok((1.0, "x")));
        let mut fields = Fields::new(&body, &Shape::Any, vec![Loc::Key("body".into())]);
        let (a, c) = (fields.float("a"), fields.float("c"));
        let e = fields.finish_with((a, c)).unwrap_err();
        assert_eq!(e.detail.len(), 1);
        assert_eq!(e.detail[0].kind, "missing");
    }
}

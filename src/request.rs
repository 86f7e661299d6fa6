//! Untyped request values and their validation into typed requests, with errors in the dGC API's 422 shape.

use crate::ages::Date;
use crate::{Method, Reference, Sex};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

/// A JSON-like value as received from JavaScript or parsed JSON.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    /// `null` or `undefined`.
    #[default]
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (possibly NaN or infinite when it came from JavaScript).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in order.
    Object(Vec<(String, Value)>),
    /// A JavaScript value JSON cannot carry (a symbol, BigInt or function): every field rejects it by type.
    Unsupported,
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The deepest nesting [`Value::parse`] reads (the package's JavaScript stops at 32).
const MAX_PARSE_DEPTH: usize = 64;

impl Value {
    /// Parses the text the package's JavaScript writes for every argument: JSON, plus `NaN`, `Infinity` and
    /// `-Infinity` for those numbers and `?` for a value JSON cannot carry. `None` if the text is not in that form
    /// or nests deeper than 64. Hand-written rather than serde_json: smaller in the wasm, and JSON has no
    /// non-finite numbers.
    pub fn parse(text: &str) -> Option<Value> {
        let mut p = Parser {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = p.value(0)?;
        (p.at == p.bytes.len()).then_some(value)
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_PARSE_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(Value::String),
            b'?' => {
                self.at += 1;
                Some(Value::Unsupported)
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Array(items))
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        let key = self.string()?;
                        self.eat(b':').then_some(())?;
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Object(members))
            }
            _ => {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}' | b':'))
                {
                    self.at += 1;
                }
                match &self.bytes[start..self.at] {
                    b"null" => Some(Value::Null),
                    b"true" => Some(Value::Bool(true)),
                    b"false" => Some(Value::Bool(false)),
                    token => {
                        crate::decimal::parse(std::str::from_utf8(token).ok()?).map(Value::Number)
                    }
                }
            }
        }
    }

    /// A JSON string, its escapes decoded (a lone surrogate becomes U+FFFD).
    fn string(&mut self) -> Option<String> {
        self.eat(b'"').then_some(())?;
        let mut out = Vec::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek()? {
                        b'u' => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let mut code = unit;
                            if (0xD800..0xDC00).contains(&unit)
                                && self.bytes.get(self.at..self.at + 2) == Some(b"\\u")
                            {
                                let save = self.at;
                                self.at += 2;
                                match self.hex4()? {
                                    low @ 0xDC00..0xE000 => {
                                        code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                    }
                                    _ => self.at = save,
                                }
                            }
                            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                        }
                        escape => {
                            self.at += 1;
                            match escape {
                                b'"' => '"',
                                b'\\' => '\\',
                                b'/' => '/',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'n' => '\n',
                                b'r' => '\r',
                                b't' => '\t',
                                _ => return None,
                            }
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b => {
                    self.at += 1;
                    out.push(b);
                }
            }
        }
    }

    /// Four hex digits as a UTF-16 code unit.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                Value::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Value::Array(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    out.push((k, v));
                }
                Ok(Value::Object(out))
            }
        }
        deserializer.deserialize_any(V).map_err(de::Error::custom)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_none(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) if n.is_finite() => serializer.serialize_f64(*n),
            Value::Number(_) | Value::Unsupported => serializer.serialize_none(),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

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

    /// A single problem with the field `key` of the request (`loc: ["body", key]`).
    pub fn field(key: &str, msg: impl Into<String>, kind: &'static str) -> ValidationError {
        ValidationError::at(
            vec![Loc::Key("body".into()), Loc::Key(key.into())],
            msg,
            kind,
        )
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .detail
            .iter()
            .map(|d| {
                let path: Vec<String> = d
                    .loc
                    .iter()
                    .skip(1)
                    .map(|l| match l {
                        Loc::Key(k) => k.clone(),
                        Loc::Index(i) => i.to_string(),
                    })
                    .collect();
                if path.is_empty() {
                    d.msg.clone()
                } else {
                    format!("{}: {}", path.join("."), d.msg)
                }
            })
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationError {}

/// The fields a request reader reads: what the package's JavaScript copies from a caller's object (and all it
/// copies). The JavaScript's field lists are generated from these (src/wasm/protocol.rs), and [`Fields`] refuses,
/// in debug builds, to read a field its shape does not list, so a field added to a reader reaches the JavaScript.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Any value, copied whole.
    Any,
    /// An object with these fields (given in groups, which readers share), nothing else copied.
    Object(&'static [&'static [(&'static str, Shape)]]),
    /// A list of values of one shape.
    List(&'static Shape),
}

impl Shape {
    /// The shape of field `key`: `None` if the shape does not list it (any field of [`Shape::Any`] is `Any`).
    pub fn member(&self, key: &str) -> Option<&'static Shape> {
        match self {
            Shape::Any => Some(&Shape::Any),
            Shape::Object(groups) => groups
                .iter()
                .flat_map(|g| g.iter())
                .find(|(k, _)| *k == key)
                .map(|(_, shape)| shape),
            Shape::List(_) => None,
        }
    }

    /// The shape of each item of a list (of anything but a [`Shape::List`], `Any`).
    pub fn item(&self) -> &'static Shape {
        match self {
            Shape::List(item) => item,
            _ => &Shape::Any,
        }
    }

    /// The value at `path` inside `body`, a request body of this shape (debug builds: fails unless the shape
    /// lists the path).
    pub(crate) fn get<'v>(&self, body: &'v Value, path: &[&str]) -> Option<&'v Value> {
        #[cfg(debug_assertions)]
        {
            let mut shape = self;
            let mut loc = vec![Loc::Key("body".into())];
            for key in path {
                shape.read(&loc, key);
                shape = shape.member(key).unwrap_or(&Shape::Any);
                loc.push(Loc::Key((*key).into()));
            }
        }
        path.iter().try_fold(body, |v, k| v.get(k))
    }

    /// Notes that a reader located at `at` reads the member `key` (debug builds: fails unless listed).
    #[cfg(debug_assertions)]
    pub(crate) fn read(&self, at: &[Loc], key: &str) {
        #[cfg(test)]
        reads::note(at, key);
        debug_assert!(
            self.member(key).is_some(),
            "a reader at {at:?} reads `{key}`, which its request shape does not list (add it to the shape)"
        );
    }
}

/// The fields readers read, in unit tests: each as its path from the request's root, list indices as `[]`.
#[cfg(test)]
pub(crate) mod reads {
    use super::Loc;
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        static READ: RefCell<Option<BTreeSet<String>>> = const { RefCell::new(None) };
    }

    pub(super) fn note(at: &[Loc], key: &str) {
        READ.with(|r| {
            if let Some(read) = r.borrow_mut().as_mut() {
                let mut path: Vec<String> = at
                    .iter()
                    .map(|l| match l {
                        Loc::Key(k) => k.clone(),
                        Loc::Index(_) => "[]".into(),
                    })
                    .collect();
                path.push(key.into());
                read.insert(path.join("."));
            }
        });
    }

    /// The paths read while `f` runs on this thread.
    pub(crate) fn during(f: impl FnOnce()) -> BTreeSet<String> {
        READ.with(|r| *r.borrow_mut() = Some(BTreeSet::new()));
        f();
        READ.with(|r| r.borrow_mut().take().unwrap_or_default())
    }
}

/// An optional whole-number field: its default and its bounds (inclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Whole {
    /// The value when the field is absent.
    pub default: i32,
    /// The least value accepted.
    pub lo: i32,
    /// The greatest value accepted.
    pub hi: i32,
}

impl Whole {
    /// Whether `n` is accepted.
    pub fn contains(self, n: i32) -> bool {
        (self.lo..=self.hi).contains(&n)
    }
}

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

    fn number(&mut self, key: &str, value: &Value) -> Option<f64> {
        let n = match value {
            Value::Number(n) => *n,
            Value::String(s) => match crate::decimal::parse(s.trim()) {
                Some(n) => n,
                None => {
                    self.fail(key, "float_parsing", "Input should be a valid number");
                    return None;
                }
            },
            _ => {
                self.fail(key, "float_type", "Input should be a valid number");
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
        self.number(key, value)
    }

    /// An optional finite number.
    pub fn optional_float(&mut self, key: &str) -> Option<f64> {
        let value = self.raw(key)?;
        self.number(key, value)
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
        let n = self.number(key, value)?;
        if n.fract() != 0.0 {
            self.fail(key, "int_from_float", "Input should be a whole number");
            return None;
        }
        if n < f64::from(lo) || n > f64::from(hi) {
            let msg = format!("Input should be between {lo} and {hi}");
            self.fail(
                key,
                if n < f64::from(lo) {
                    "greater_than_equal"
                } else {
                    "less_than_equal"
                },
                msg,
            );
            return None;
        }
        Some(n as i32)
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
            let quoted: Vec<String> = options.iter().map(|o| format!("'{o}'")).collect();
            let (last, rest) = quoted.split_last().expect("at least one option");
            let msg = if rest.is_empty() {
                format!("Input should be {last}")
            } else {
                format!("Input should be {} or {last}", rest.join(", "))
            };
            self.fail(key, "literal_error", msg);
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

    /// A required `YYYY-MM-DD` date.
    pub fn date(&mut self, key: &str) -> Option<Date> {
        let text = self.string(key, true)?;
        let date = Date::parse(text);
        if date.is_none() {
            self.fail(
                key,
                "date_parsing",
                "Input should be a real calendar date written YYYY-MM-DD",
            );
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

    #[test]
    fn parses_the_text_the_package_writes() {
        let text = r#"{"a":[1,-2.5e-7,1e+21,NaN,Infinity,-Infinity,null,true,false,?],"b\"":"x\u00e9\ud83d\ude00\ud800\n"}"#;
        let Some(Value::Object(members)) = Value::parse(text) else {
            panic!("not parsed")
        };
        let Value::Array(items) = &members[0].1 else {
            panic!("not a list")
        };
        let numbers: Vec<f64> = items[..6]
            .iter()
            .map(|v| match v {
                Value::Number(n) => *n,
                _ => panic!("not a number"),
            })
            .collect();
        assert_eq!(numbers[..3], [1.0, -2.5e-7, 1e21]);
        assert!(
            numbers[3].is_nan() && numbers[4] == f64::INFINITY && numbers[5] == f64::NEG_INFINITY
        );
        assert_eq!(
            items[6..],
            [
                Value::Null,
                Value::Bool(true),
                Value::Bool(false),
                Value::Unsupported
            ]
        );
        assert_eq!(members[1].0, "b\"");
        assert_eq!(members[1].1, Value::String("xé😀\u{fffd}\n".into()));
    }

    #[test]
    fn rejects_malformed_or_too_deep_text() {
        for text in [
            "",
            "{",
            "[1,]",
            "[1 2]",
            r#"{"a"}"#,
            r#""\q""#,
            r#""\u12""#,
            "nul",
            "1]",
        ] {
            assert_eq!(Value::parse(text), None, "{text}");
        }
        assert!(Value::parse(&format!("{}{}", "[".repeat(64), "]".repeat(64))).is_some());
        assert_eq!(
            Value::parse(&format!("{}{}", "[".repeat(66), "]".repeat(66))),
            None
        );
    }
}

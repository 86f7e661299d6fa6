//! The JSON value of a request, as received from JavaScript or parsed from text.

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
                    token => crate::dgc::decimal::parse(std::str::from_utf8(token).ok()?)
                        .map(Value::Number),
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

#[cfg(test)]
mod tests {
    use super::Value;

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

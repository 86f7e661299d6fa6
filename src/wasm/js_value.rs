//! Any `Serialize` value as the JavaScript value `JSON.parse` would give for its JSON: objects, arrays, strings,
//! numbers (each double as it is), booleans and `null` (for `None` and `()`); an enum variant without data as its
//! name (no answer has a variant with data). A few lines in place of serde-wasm-bindgen.

use js_sys::{Array, Object};
use serde::ser::{self, Serialize};
use std::fmt::Display;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An object whose keys are set one by one.
    #[wasm_bindgen(extends = Object)]
    type Target;
    /// `target[key] = value`.
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Target, key: &JsValue, value: JsValue);
}

/// Slots of the key cache (a power of two): about 150 different keys are written.
const KEY_SLOTS: usize = 512;

thread_local! {
    /// Struct keys' JavaScript strings, each made once rather than decoded from UTF-8 at every use (which took
    /// about 40% of a general-path calculation): a key is a `&'static str`, so its address and length name it. A
    /// slot holds the last key whose address hashed to it.
    static KEYS: std::cell::RefCell<[Option<(usize, usize, JsValue)>; KEY_SLOTS]> =
        const { std::cell::RefCell::new([const { None }; KEY_SLOTS]) };
}

/// `target[key] = value` for the struct key `key`, its string from the cache.
#[inline(never)]
pub(super) fn set_static(target: &JsValue, key: &'static str, value: JsValue) {
    let (at, len) = (key.as_ptr() as usize, key.len());
    let slot = (at as u32).wrapping_mul(0x9E37_79B1) as usize >> (32 - KEY_SLOTS.trailing_zeros());
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let cached = matches!(&keys[slot], Some((a, n, _)) if (*a, *n) == (at, len));
        if !cached {
            keys[slot] = Some((at, len, JsValue::from_str(key)));
        }
        if let Some((_, _, js)) = &keys[slot] {
            target.unchecked_ref::<Target>().set(js, value);
        }
    })
}

/// `value` as a JavaScript value.
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(ToJs).unwrap_or(JsValue::NULL)
}

/// The serializer: every value becomes a `JsValue`.
#[derive(Clone, Copy)]
struct ToJs;

/// A value with no JavaScript form: an enum variant with data (no answer has one), or a `Serialize` impl's own
/// error. One variant, so that it takes no room in a `Result` (its message is not kept: no formatting in the .wasm).
#[derive(Debug)]
#[non_exhaustive]
enum Unrepresentable {
    Value,
}

impl Display for Unrepresentable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unrepresentable")
    }
}

impl std::error::Error for Unrepresentable {}

impl ser::Error for Unrepresentable {
    fn custom<M: Display>(_: M) -> Self {
        Unrepresentable::Value
    }
}

type Result<T = JsValue> = std::result::Result<T, Unrepresentable>;

fn object() -> Target {
    Object::new().unchecked_into()
}

/// An array or an object.
struct Compound {
    target: JsValue,
    key: JsValue,
}

impl Compound {
    fn new(target: JsValue) -> Compound {
        Compound {
            target,
            key: JsValue::NULL,
        }
    }

    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.target
            .unchecked_ref::<Array>()
            .push(&value.serialize(ToJs)?);
        Ok(())
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        set_static(&self.target, key, value.serialize(ToJs)?);
        Ok(())
    }

    fn end(self) -> Result {
        Ok(self.target)
    }
}

impl ser::Serializer for ToJs {
    type Ok = JsValue;
    type Error = Unrepresentable;
    type SerializeSeq = Compound;
    type SerializeTuple = Compound;
    type SerializeTupleStruct = Compound;
    type SerializeTupleVariant = Compound;
    type SerializeMap = Compound;
    type SerializeStruct = Compound;
    type SerializeStructVariant = Compound;

    fn serialize_bool(self, v: bool) -> Result {
        Ok(v.into())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_f64(v.into())
    }
    /// Beyond ±2^53 the nearest double, as `JSON.parse` reads such a number.
    fn serialize_i64(self, v: i64) -> Result {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_f64(v.into())
    }
    /// Beyond 2^53 the nearest double, as `JSON.parse` reads such a number.
    fn serialize_u64(self, v: u64) -> Result {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result {
        Ok(v.into())
    }
    fn serialize_char(self, v: char) -> Result {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        Ok(v.into())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.push(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(Unrepresentable::Value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound> {
        Ok(Compound::new(Array::new().into()))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound> {
        Err(Unrepresentable::Value)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound> {
        Ok(Compound::new(object().into()))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Compound> {
        Err(Unrepresentable::Value)
    }
}

/// The serde traits of arrays: each element pushed in turn.
macro_rules! array_traits {
    ($($name:ident::$add:ident),+) => {$(
        impl ser::$name for Compound {
            type Ok = JsValue;
            type Error = Unrepresentable;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )+};
}

array_traits!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The serde traits of structs: each field set under its key.
macro_rules! struct_traits {
    ($($name:ident),+) => {$(
        impl ser::$name for Compound {
            type Ok = JsValue;
            type Error = Unrepresentable;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
                self.field(key, value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )+};
}

struct_traits!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound {
    type Ok = JsValue;
    type Error = Unrepresentable;
    /// The crate's maps have string keys.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = key.serialize(ToJs)?;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.target
            .unchecked_ref::<Target>()
            .set(&self.key, value.serialize(ToJs)?);
        Ok(())
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

//! Python objects to the engine's request values, and its serialisable answers back to Python objects.

use centile::dgc::error::ValidationError;
use centile::dgc::value::Value;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// The deepest nesting read, as the package's JavaScript reads.
const MAX_DEPTH: usize = 32;

/// A request value from a Python object: dicts, lists and tuples, strings, numbers, booleans and `None` as in
/// JSON (an int beyond a double is an infinity, as JavaScript reads it); a `datetime.date` as its ISO text;
/// anything else, or an object that raises when read, is a value no field accepts (each field reports it).
///
/// # Errors
/// A 422 at `["body"]` for nesting deeper than 32, or a dict key that is not a string.
pub fn from_python(obj: &Bound<'_, PyAny>) -> Result<Value, ValidationError> {
    read(obj, 0)
}

fn read(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, ValidationError> {
    if depth > MAX_DEPTH {
        return Err(ValidationError::body(
            format!("Nested more than {MAX_DEPTH} levels deep"),
            "too_large",
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        return Ok(Value::Number(obj.extract::<f64>().unwrap_or_else(|_| {
            // Only an int too large for a double fails: its sign's infinity.
            if obj.lt(0).unwrap_or(false) {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        })));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_string_lossy().into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut members = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| {
                ValidationError::body("Request keys must be strings", "value_error")
            })?;
            members.push((key.to_string_lossy().into_owned(), read(&v, depth + 1)?));
        }
        return Ok(Value::Object(members));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|v| read(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| read(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    Ok(date(obj)
        .or_else(|| scalar(obj))
        .unwrap_or(Value::Unsupported))
}

/// datetime.date and datetime.datetime (as their date): what a Python caller holds for a date field.
fn date(obj: &Bound<'_, PyAny>) -> Option<Value> {
    if !(obj.hasattr("isoformat").ok()? && obj.hasattr("year").ok()?) {
        return None;
    }
    let date = obj.call_method0("date").unwrap_or_else(|_| obj.clone());
    let text = date.call_method0("isoformat").ok()?.extract().ok()?;
    Some(Value::String(text))
}

/// A NumPy scalar number.
fn scalar(obj: &Bound<'_, PyAny>) -> Option<Value> {
    let x = obj.call_method0("__float__").ok()?.extract::<f64>().ok()?;
    Some(Value::Number(x))
}

/// A Python object (dicts, lists, strings, floats, ints, `None`) from a serialisable answer.
///
/// # Errors
/// Only if Python cannot allocate the objects.
pub fn to_python<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    crate::topy::to_object(py, value).map(Bound::unbind)
}

//! Python objects to the engine's request values, and its serialisable answers back to Python objects.

use centile::dgc::value::Value;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// The deepest nesting read, as the package's JavaScript reads.
const MAX_DEPTH: usize = 32;

/// A request value from a Python object: dicts, lists and tuples, strings, numbers, booleans and `None` as in
/// JSON; a `datetime.date` as its ISO text; anything else is a value no field accepts (each field reports it).
///
/// # Errors
/// A `ValueError` for nesting deeper than 32, or a dict key that is not a string.
pub fn from_python(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    read(obj, 0)
}

fn read(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(
            "The request nests deeper than 32 levels",
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        return Ok(Value::Number(obj.extract::<f64>()?));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut members = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| PyValueError::new_err("Request keys must be strings"))?;
            members.push((key.to_cow()?.into_owned(), read(&v, depth + 1)?));
        }
        return Ok(Value::Object(members));
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return l
            .iter()
            .map(|v| read(&v, depth + 1))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| read(&v, depth + 1))
            .collect::<PyResult<_>>()
            .map(Value::Array);
    }
    // datetime.date and datetime.datetime (as their date): what a Python caller holds for a date field.
    if obj.hasattr("isoformat")? && obj.hasattr("year")? {
        let date = match obj.call_method0("date") {
            Ok(d) => d,
            Err(_) => obj.clone(),
        };
        return Ok(Value::String(date.call_method0("isoformat")?.extract()?));
    }
    // A NumPy scalar number.
    if let Ok(x) = obj
        .call_method0("__float__")
        .and_then(|f| f.extract::<f64>())
    {
        return Ok(Value::Number(x));
    }
    Ok(Value::Unsupported)
}

/// A Python object (dicts, lists, strings, floats, ints, `None`) from a serialisable answer.
///
/// # Errors
/// Only if Python cannot allocate the objects.
pub fn to_python<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    crate::topy::to_object(py, value).map(Bound::unbind)
}

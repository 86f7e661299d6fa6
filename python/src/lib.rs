//! `centile._centile`: the engine's dGC operations for Python. Dicts in, dicts out (the npm package's JSON
//! shapes), a `CentileError` carrying the 422 `detail`; and column kernels over NumPy arrays that run without
//! the GIL. The Python package (`centile/`) wraps these with its documented signatures.

mod columns;
mod compat;
mod convert;
mod rcpchgrowth;
mod topy;

use centile::dgc::api;
use centile::dgc::error::ValidationError;
use centile::dgc::nutrition::BeyondChart;
use centile::dgc::value::Value;
use centile::engine::chart::Chart;
use convert::{from_python, to_python};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    _centile,
    CentileError,
    PyValueError,
    "A request the engine rejects: `detail` holds the RCPCH Digital Growth Charts API's 422 items (loc, msg, \
     type, input), `status` is 422, or 404 for an unknown reference."
);

/// The Python exception for a rejected request: its message is the error's text, `detail` its items, `status`
/// the API's (404 for an unknown reference, else 422).
pub(crate) fn centile_error(py: Python<'_>, e: &ValidationError) -> PyErr {
    let err = CentileError::new_err(e.to_string());
    let detail = to_python(py, &e.detail).and_then(|detail| {
        err.value(py).setattr("detail", detail)?;
        err.value(py).setattr("status", e.status())
    });
    match detail {
        Ok(()) => err,
        Err(failure) => failure,
    }
}

/// Runs an engine operation on a converted request without the GIL, and converts its answer back.
fn answer<T: serde::Serialize + Send>(
    py: Python<'_>,
    request: &Bound<'_, PyAny>,
    op: impl FnOnce(&Value) -> Result<T, ValidationError> + Send,
) -> PyResult<Py<PyAny>> {
    let value = from_python(request).map_err(|e| centile_error(py, &e))?;
    match py.detach(|| op(&value)) {
        Ok(result) => to_python(py, &result),
        Err(e) => Err(centile_error(py, &e)),
    }
}

/// A scalar answer: the operation's `f64` (or `None`).
fn number<T: Send>(
    py: Python<'_>,
    request: &Bound<'_, PyAny>,
    op: impl FnOnce(&Value) -> Result<T, ValidationError> + Send,
) -> PyResult<T> {
    let value = from_python(request).map_err(|e| centile_error(py, &e))?;
    py.detach(|| op(&value)).map_err(|e| centile_error(py, &e))
}

/// A reference argument's name; one that is not a string names no reference (the engine answers 404).
fn name(reference: &Bound<'_, PyAny>) -> String {
    reference.extract().unwrap_or_default()
}

#[pyfunction]
fn calculation(
    py: Python<'_>,
    reference: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let reference = name(reference);
    answer(py, body, |b| api::calculation(&reference, b))
}

#[pyfunction]
fn bulk_calculation(
    py: Python<'_>,
    reference: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let reference = name(reference);
    answer(py, body, |b| api::bulk_calculation(&reference, b))
}

#[pyfunction]
fn chart_coordinates(
    py: Python<'_>,
    reference: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let reference = name(reference);
    answer(py, body, |b| {
        Ok(match api::nutrition_chart_coordinates(&reference, b)? {
            Some(beyond) => AnyChart::Beyond(beyond),
            None => AnyChart::Dgc(api::chart_coordinates(&reference, b)?),
        })
    })
}

/// A chart answer: the dGC chart, or beyond the dGC API one of the nutrition tables (docs/nutrition.md).
enum AnyChart {
    Dgc(Chart),
    Beyond(BeyondChart),
}

impl serde::Serialize for AnyChart {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyChart::Dgc(chart) => chart.serialize(serializer),
            AnyChart::Beyond(chart) => chart.serialize(serializer),
        }
    }
}

#[pyfunction]
fn mid_parental_height(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    answer(py, body, api::mid_parental_height)
}

#[pyfunction]
fn fictional_child_data(
    py: Python<'_>,
    reference: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    let reference = name(reference);
    answer(py, body, |b| api::fictional_child_data(&reference, b))
}

#[pyfunction]
fn sds_for_measurement(py: Python<'_>, args: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, args, api::sds_for_measurement)
}

#[pyfunction]
fn measurement_from_sds(py: Python<'_>, args: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, args, api::measurement_from_sds)
}

#[pyfunction]
fn percentage_median_bmi(py: Python<'_>, args: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, args, api::percentage_median_bmi)
}

#[pyfunction]
fn centile_for_sds(py: Python<'_>, sds: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, sds, api::centile_for_sds)
}

#[pyfunction]
fn sds_for_centile(py: Python<'_>, centile: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, centile, api::sds_for_centile_value)
}

#[pyfunction]
fn bmi_from_height_weight(
    py: Python<'_>,
    height: &Bound<'_, PyAny>,
    weight: &Bound<'_, PyAny>,
) -> PyResult<f64> {
    let w = from_python(weight).map_err(|e| centile_error(py, &e))?;
    number(py, height, |h| api::bmi_from_height_weight(h, &w))
}

#[pyfunction]
fn velocity(py: Python<'_>, method: &str, measurements: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, measurements, |m| api::velocity(method, m))
}

#[pyfunction]
fn acceleration(py: Python<'_>, method: &str, measurements: &Bound<'_, PyAny>) -> PyResult<f64> {
    number(py, measurements, |m| api::acceleration(method, m))
}

#[pymodule]
fn _centile(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let error = py.get_type::<CentileError>();
    error.setattr("status", 422)?;
    m.add("CentileError", error)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(calculation, m)?)?;
    m.add_function(wrap_pyfunction!(bulk_calculation, m)?)?;
    m.add_function(wrap_pyfunction!(chart_coordinates, m)?)?;
    m.add_function(wrap_pyfunction!(mid_parental_height, m)?)?;
    m.add_function(wrap_pyfunction!(fictional_child_data, m)?)?;
    m.add_function(wrap_pyfunction!(sds_for_measurement, m)?)?;
    m.add_function(wrap_pyfunction!(measurement_from_sds, m)?)?;
    m.add_function(wrap_pyfunction!(percentage_median_bmi, m)?)?;
    m.add_function(wrap_pyfunction!(centile_for_sds, m)?)?;
    m.add_function(wrap_pyfunction!(sds_for_centile, m)?)?;
    m.add_function(wrap_pyfunction!(bmi_from_height_weight, m)?)?;
    m.add_function(wrap_pyfunction!(velocity, m)?)?;
    m.add_function(wrap_pyfunction!(acceleration, m)?)?;
    columns::register(m)?;
    compat::register(m)?;
    rcpchgrowth::register(m)?;
    Ok(())
}

//! The engine's pieces `centile.rcpchgrowth` composes rcpchgrowth's functions from: ages between two dates and
//! ordinals.

use centile::engine::ages::{self, Date, Gestation};
use centile::engine::centiles::ordinal as ordinal_text;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

fn date(text: &str) -> PyResult<Date> {
    Date::parse(text)
        .ok_or_else(|| PyValueError::new_err("Dates must be real calendar dates, YYYY-MM-DD"))
}

/// The ages of an observation: (chronological decimal age, decimal age from the estimated date of delivery,
/// that date as ISO text, the calendar age in words, the post-menstrual age (weeks, days) while it applies).
#[pyfunction]
#[allow(clippy::type_complexity)]
fn ages_between(
    birth_date: &str,
    observation_date: &str,
    weeks: i32,
    days: i32,
) -> PyResult<(f64, f64, String, Option<String>, Option<(i32, i32)>)> {
    let (birth, seen) = (date(birth_date)?, date(observation_date)?);
    let gestation = Gestation { weeks, days };
    let edd = ages::estimated_date_delivery(birth, gestation)
        .ok_or_else(|| PyValueError::new_err("The estimated date of delivery is out of range"))?;
    Ok((
        ages::decimal_years(ages::chronological_days(birth, seen)),
        ages::decimal_years(ages::corrected_days(birth, seen, gestation)),
        edd.to_string(),
        ages::calendar_age(birth, seen),
        ages::corrected_gestational_age(birth, seen, gestation),
    ))
}

/// A centile as an English ordinal: 2 -> "2nd", 0.4 -> "0.4th".
#[pyfunction]
fn ordinal(centile: f64) -> String {
    ordinal_text(centile)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(ages_between, m)?)?;
    m.add_function(wrap_pyfunction!(ordinal, m)?)?;
    Ok(())
}

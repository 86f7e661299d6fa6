//! Column kernels: SDS, centiles and measurements over NumPy arrays, and the scores of whole tables of
//! measurements, computed in parallel without the GIL. Text columns arrive factorised (distinct names and each
//! row's index into them), so no Python object is touched per row.

use centile::dgc::error::ValidationError;
use centile::engine::ages::{Date, Gestation};
use centile::engine::centiles::{centile, CentileBand};
use centile::engine::measurement::{band_format, scores, sds_limit, Birth, Observation};
use centile::engine::references::AtJoin;
use centile::engine::sds::{self, RoundingRule};
use centile::{Method, Reference, Sex};
use numpy::{IntoPyArray, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;

/// Rows per parallel task.
const CHUNK: usize = 4_096;

/// A factorised text column: its distinct names (read into the engine's terms; `None` for a name that is not
/// one) and each row's index into them (negative for a missing cell). Without indices, every row has the first.
struct Factor<'a, T> {
    terms: Vec<Option<T>>,
    codes: Option<&'a [i64]>,
}

impl<T: Copy> Factor<'_, T> {
    /// The term of every row, when the column is one name for all of them.
    fn single(&self) -> Option<T> {
        match (self.codes, self.terms.as_slice()) {
            (None, [only]) => *only,
            _ => None,
        }
    }

    fn get(&self, row: usize) -> Option<T> {
        let i = match self.codes {
            None => 0,
            Some(codes) => usize::try_from(codes[row]).ok()?,
        };
        self.terms.get(i).copied().flatten()
    }
}

fn factor<'a, T>(
    names: &[String],
    codes: &'a Option<PyReadonlyArray1<'_, i64>>,
    rows: usize,
    parse: fn(&str) -> Option<T>,
) -> PyResult<Factor<'a, T>> {
    let codes = match codes {
        Some(c) => Some(c.as_slice()?),
        None => None,
    };
    if codes.is_some_and(|c| c.len() != rows) {
        return Err(PyValueError::new_err(
            "Every column must have the same length",
        ));
    }
    Ok(Factor {
        terms: names.iter().map(|n| parse(n.trim_ascii())).collect(),
        codes,
    })
}

fn same_length(columns: &[usize]) -> PyResult<usize> {
    let rows = columns.first().copied().unwrap_or(0);
    if columns.iter().any(|&n| n != rows) {
        return Err(PyValueError::new_err(
            "Every column must have the same length",
        ));
    }
    Ok(rows)
}

/// One of the per-row functions of [`column`].
#[derive(Clone, Copy)]
enum Kind {
    Sds,
    Centile,
    Measurement,
}

impl Kind {
    /// The row's answer, `NaN` where it cannot be placed.
    fn of(self, r: Reference, m: Method, s: Sex, age: f64, x: f64) -> f64 {
        match self {
            Kind::Sds => sds::sds_for_measurement(r, age, m, s, x).unwrap_or(f64::NAN),
            Kind::Centile => sds::sds_for_measurement(r, age, m, s, x).map_or(f64::NAN, centile),
            // Beyond the plausible SDS the API answers a 422, so no number here either.
            Kind::Measurement if x.abs() > f64::from(sds_limit(m)) => f64::NAN,
            Kind::Measurement => {
                sds::measurement_from_sds(r, age, m, s, x, RoundingRule::Python, AtJoin::OlderTable)
                    .ok()
                    .flatten()
                    .unwrap_or(f64::NAN)
            }
        }
    }
}

/// `kind` ("sds", "centile" or "measurement") of each row: the SDS or centile of a measurement, or the
/// measurement at an SDS (rounded to 4 places as the API rounds it), `NaN` where the row cannot be placed.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (kind, reference, reference_codes, method, method_codes, sex, sex_codes, ages, values))]
fn column<'py>(
    py: Python<'py>,
    kind: &str,
    reference: Vec<String>,
    reference_codes: Option<PyReadonlyArray1<'py, i64>>,
    method: Vec<String>,
    method_codes: Option<PyReadonlyArray1<'py, i64>>,
    sex: Vec<String>,
    sex_codes: Option<PyReadonlyArray1<'py, i64>>,
    ages: PyReadonlyArray1<'py, f64>,
    values: PyReadonlyArray1<'py, f64>,
) -> PyResult<Bound<'py, numpy::PyArray1<f64>>> {
    let kind = match kind {
        "sds" => Kind::Sds,
        "centile" => Kind::Centile,
        "measurement" => Kind::Measurement,
        _ => {
            return Err(PyValueError::new_err(
                "kind must be sds, centile or measurement",
            ))
        }
    };
    let (ages, values) = (ages.as_slice()?, values.as_slice()?);
    let rows = same_length(&[ages.len(), values.len()])?;
    let r = factor(&reference, &reference_codes, rows, Reference::parse)?;
    let m = factor(&method, &method_codes, rows, Method::parse)?;
    let s = factor(&sex, &sex_codes, rows, Sex::parse)?;
    let out = py.detach(|| {
        let mut out = vec![f64::NAN; rows];
        if let (Some(r), Some(m), Some(s)) = (r.single(), m.single(), s.single()) {
            // One reference, method and sex for every row (the common call): SDS and centiles through the
            // engine's own loop over many values (a table looked up again only when the age leaves its span).
            out.par_chunks_mut(CHUNK)
                .zip(ages.par_chunks(CHUNK).zip(values.par_chunks(CHUNK)))
                .for_each(|(chunk, (ages, values))| match kind {
                    Kind::Sds | Kind::Centile => {
                        chunk.copy_from_slice(values);
                        sds::sds_for_measurements(r, m, s, ages, chunk);
                        if let Kind::Centile = kind {
                            for slot in chunk.iter_mut().filter(|x| !x.is_nan()) {
                                *slot = centile(*slot);
                            }
                        }
                    }
                    Kind::Measurement => {
                        for ((slot, &age), &x) in chunk.iter_mut().zip(ages).zip(values) {
                            *slot = kind.of(r, m, s, age, x);
                        }
                    }
                });
            return out;
        }
        out.par_chunks_mut(CHUNK)
            .enumerate()
            .for_each(|(c, chunk)| {
                for (j, slot) in chunk.iter_mut().enumerate() {
                    let i = c * CHUNK + j;
                    if let (Some(r), Some(m), Some(s)) = (r.get(i), m.get(i), s.get(i)) {
                        *slot = kind.of(r, m, s, ages[i], values[i]);
                    }
                }
            });
        out
    });
    Ok(out.into_pyarray(py))
}

/// [`score`]'s answer: the output columns, the rows to read as the API reads them, and the `error` of each rejected
/// or flagged row.
type Table<'py> = (Bound<'py, PyDict>, Vec<usize>, Vec<(usize, String)>);

/// The numeric scores of a row, in the order of [`NUMBERS`], and its two band codes.
type Scored = ([f64; 7], [u32; 2]);

/// The numeric output columns of [`score`].
const NUMBERS: [&str; 7] = [
    "chronological_decimal_age",
    "corrected_decimal_age",
    "chronological_sds",
    "chronological_centile",
    "corrected_sds",
    "corrected_centile",
    "corrected_percentage_median_bmi",
];

/// A band code for "no band".
const NO_BAND: u32 = u32::MAX;

enum Row {
    /// Scored; a flagged observation (a value the reference has no data for at the corrected age, or beyond the
    /// plausible) keeps its scores and says why, as the CLI writes it in `error`.
    Scored(Scored, Option<String>),
    /// Not a well-formed request: the caller scores it as the API reads its cells, for the API's message.
    General,
    Rejected(String),
}

/// A whole number from a float cell within `range`; `NaN` (a missing cell) is `default`.
fn whole(x: f64, default: i32, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    if x.is_nan() {
        return Some(default);
    }
    let n = x as i32;
    (f64::from(n) == x && range.contains(&n)).then_some(n)
}

fn date(days: i64) -> Option<Date> {
    Date::from_epoch_days(i32::try_from(days).ok()?)
}

/// Scores a table of measurements: dates as days since 1970-01-01 (`i64::MIN` when missing), gestation as
/// floats (`NaN` when missing). Returns the output columns (band columns as codes, see [`band_texts`]), the
/// rows that are not well-formed requests (to be read as the API reads them), and the message of each rejected or
/// flagged row.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (reference, reference_codes, birth_date, observation_date, observation_value, sex, sex_codes, method, method_codes, gestation_weeks, gestation_days))]
fn score<'py>(
    py: Python<'py>,
    reference: Vec<String>,
    reference_codes: Option<PyReadonlyArray1<'py, i64>>,
    birth_date: PyReadonlyArray1<'py, i64>,
    observation_date: PyReadonlyArray1<'py, i64>,
    observation_value: PyReadonlyArray1<'py, f64>,
    sex: Vec<String>,
    sex_codes: Option<PyReadonlyArray1<'py, i64>>,
    method: Vec<String>,
    method_codes: Option<PyReadonlyArray1<'py, i64>>,
    gestation_weeks: PyReadonlyArray1<'py, f64>,
    gestation_days: PyReadonlyArray1<'py, f64>,
) -> PyResult<Table<'py>> {
    let (born, seen) = (birth_date.as_slice()?, observation_date.as_slice()?);
    let values = observation_value.as_slice()?;
    let (weeks, days) = (gestation_weeks.as_slice()?, gestation_days.as_slice()?);
    let rows = same_length(&[
        born.len(),
        seen.len(),
        values.len(),
        weeks.len(),
        days.len(),
    ])?;
    let r = factor(&reference, &reference_codes, rows, Reference::parse)?;
    let s = factor(&sex, &sex_codes, rows, Sex::parse)?;
    let m = factor(&method, &method_codes, rows, Method::parse)?;
    let one = |i: usize| -> Row {
        let typed = || {
            let birth = Birth {
                birth_date: date(born[i])?,
                gestation: Gestation {
                    weeks: whole(weeks[i], 40, 22..=44)?,
                    days: whole(days[i], 0, 0..=6)?,
                },
                sex: s.get(i)?,
                method: m.get(i)?,
            };
            let value = values[i];
            let observation = Observation {
                observation_date: date(seen[i])?,
                observation_value: (value.is_finite() && value > 0.0).then_some(value)?,
                bone_age: Default::default(),
            };
            (birth.birth_date <= observation.observation_date).then_some((
                r.get(i)?,
                birth,
                observation,
            ))
        };
        let Some((reference, birth, observation)) = typed() else {
            return Row::General;
        };
        match scores(reference, &birth, &observation) {
            Err(e) => Row::Rejected(ValidationError::from(e).to_string()),
            Ok(sc) => {
                let format = band_format(reference, birth.method);
                let band = |b: Option<CentileBand>| b.map_or(NO_BAND, |b| b.code(format));
                let n = |x: Option<f64>| x.unwrap_or(f64::NAN);
                Row::Scored(
                    (
                        [
                            sc.chronological_decimal_age,
                            sc.corrected_decimal_age,
                            n(sc.chronological.sds),
                            n(sc.chronological.centile),
                            n(sc.corrected.sds),
                            n(sc.corrected.centile),
                            n(sc.corrected.percentage_median_bmi),
                        ],
                        [band(sc.chronological.band), band(sc.corrected.band)],
                    ),
                    sc.observation_error.map(|flag| flag.to_string()),
                )
            }
        }
    };
    let (numbers, bands, general, rejected) = py.detach(|| {
        let scored: Vec<Row> = (0..rows)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(one)
            .collect();
        let mut numbers: Vec<Vec<f64>> = (0..NUMBERS.len()).map(|_| vec![f64::NAN; rows]).collect();
        let mut bands = [vec![NO_BAND; rows], vec![NO_BAND; rows]];
        let (mut general, mut rejected) = (Vec::new(), Vec::new());
        for (i, row) in scored.into_iter().enumerate() {
            match row {
                Row::Scored((xs, bs), flag) => {
                    for (column, x) in numbers.iter_mut().zip(xs) {
                        column[i] = x;
                    }
                    bands[0][i] = bs[0];
                    bands[1][i] = bs[1];
                    if let Some(msg) = flag {
                        rejected.push((i, msg));
                    }
                }
                Row::General => general.push(i),
                Row::Rejected(msg) => rejected.push((i, msg)),
            }
        }
        (numbers, bands, general, rejected)
    });
    let out = PyDict::new(py);
    for (name, column) in NUMBERS.iter().zip(numbers) {
        out.set_item(name, column.into_pyarray(py))?;
    }
    let [chronological, corrected] = bands;
    out.set_item("chronological_centile_band", chronological.into_pyarray(py))?;
    out.set_item("corrected_centile_band", corrected.into_pyarray(py))?;
    Ok((out, general, rejected))
}

/// The sentence of each band code of [`score`] (`None` for "no band").
#[pyfunction]
fn band_texts(codes: Vec<u32>) -> Vec<Option<String>> {
    codes
        .into_iter()
        .map(|c| CentileBand::from_code(c).map(|b| b.to_string()))
        .collect()
}

/// Days since 1970-01-01 of each ISO date text (spaces around it ignored), `i64::MIN` where it is not one.
#[pyfunction]
fn epoch_days(texts: Vec<String>) -> Vec<i64> {
    texts
        .iter()
        .map(|t| Date::parse(t.trim_ascii()).map_or(i64::MIN, |d| i64::from(d.epoch_days())))
        .collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(column, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(band_texts, m)?)?;
    m.add_function(wrap_pyfunction!(epoch_days, m)?)?;
    m.add("NO_BAND", NO_BAND)?;
    Ok(())
}

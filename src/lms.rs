//! LMS arithmetic and the table lookup with rcpchgrowth's interpolation rules.
//!
//! A measurement X at an age with Box-Cox parameters L, M, S has
//! `z = ((X/M)^L − 1)/(L·S)` (or `ln(X/M)/S` when L = 0), and inversely `X = M·(1 + L·S·z)^(1/L)`.
//! Between table rows the parameters are interpolated cubically (four-point Lagrange) where a row exists on each
//! side of the bracketing pair, and linearly in the first and last intervals, for every CDC BMI interval (rows with
//! sigma) and wherever a caller forces it (WHO SDS).

use crate::data::Table;
use crate::rounding::round4_key;

/// How the parameters at an age were obtained. rcpchgrowth carries linearly interpolated values as NumPy scalars,
/// which changes how results are rounded (see [`crate::rounding::round_numpy`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpolation {
    /// The age matched a table row to 4 decimal places.
    Row,
    /// Four-point Lagrange interpolation.
    Cubic,
    /// Two-point linear interpolation.
    Linear,
}

/// L, M and S (and the CDC extended-BMI sigma) at one age.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lms {
    /// Box-Cox power.
    pub l: f64,
    /// Median.
    pub m: f64,
    /// Coefficient of variation.
    pub s: f64,
    /// CDC extended-BMI sigma, where the table has it.
    pub sigma: Option<f64>,
    /// How the values were obtained.
    pub interpolation: Interpolation,
}

/// An age the table cannot serve although the reference accepts it: rcpchgrowth raises here (`ValueError` below
/// the first row, `IndexError` beyond the last). Real, date-derived ages never land in one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutsideTable;

/// The z-score of `x` given L, M and S.
pub fn z_score(l: f64, m: f64, s: f64, x: f64) -> f64 {
    if l == 1.0 {
        // pow(y, 1) is exactly y: skip the call.
        (x / m - 1.0) / s
    } else if l != 0.0 {
        ((x / m).powf(l) - 1.0) / (l * s)
    } else {
        (x / m).ln() / s
    }
}

/// The measurement at z-score `z`, or `None` where `1 + L·S·z` is negative (no real value exists).
pub fn measurement_for_z(z: f64, l: f64, m: f64, s: f64) -> Option<f64> {
    if l == 0.0 {
        return Some((s * z).exp() * m);
    }
    let base = 1.0 + l * s * z;
    if base < 0.0 {
        return None;
    }
    Some(if l == 1.0 {
        base * m
    } else {
        base.powf(1.0 / l) * m
    })
}

/// Four-point Lagrange interpolation at `t` through `(a[k], p[k])`, evaluated term by term in the order
/// rcpchgrowth uses so results agree to the last bit.
pub fn cubic(t: f64, a: [f64; 4], p: [f64; 4]) -> f64 {
    let (d0, d1, d2, d3) = (t - a[0], t - a[1], t - a[2], t - a[3]);
    let (a01, a02, a03) = (a[0] - a[1], a[0] - a[2], a[0] - a[3]);
    let (a12, a13, a23) = (a[1] - a[2], a[1] - a[3], a[2] - a[3]);
    p[0] * d1 * d2 * d3 / a01 / a02 / a03 - p[1] * d0 * d2 * d3 / a01 / a12 / a13
        + p[2] * d0 * d1 * d3 / a02 / a12 / a23
        - p[3] * d0 * d1 * d2 / a03 / a13 / a23
}

/// Linear interpolation at `t` between `(a0, p0)` and `(a1, p1)`, in SciPy `interp1d`'s evaluation order.
pub fn linear(t: f64, a0: f64, a1: f64, p0: f64, p1: f64) -> f64 {
    let slope = (p1 - p0) / (a1 - a0);
    slope * (t - a0) + p0
}

/// The index rcpchgrowth's scan settles on: the first row equal to `t` at 4 decimal places (`key`), otherwise
/// the last row below `t`, otherwise 0. Rows are close to evenly spaced, so a proportional guess and a short walk
/// find the bracketing rows; rows are more than 0.0002 years apart (checked by the reference-data test), so only
/// those two can share `t`'s key.
fn nearest_lowest_index(table: &Table, t: f64, key: i64) -> usize {
    let age = &table.age;
    let last = age.len() - 1;
    let guess = (t - age[0]) / (age[last] - age[0]) * last as f64;
    let mut i = if guess > 0.0 {
        (guess as usize).min(last)
    } else {
        0
    };
    while i > 0 && age[i] >= t {
        i -= 1;
    }
    while i < last && age[i + 1] < t {
        i += 1;
    }
    if age[i] >= t {
        // t is at or below the first row.
        return 0;
    }
    if table.age_key[i] != key && i < last && table.age_key[i + 1] == key {
        i + 1
    } else {
        i
    }
}

/// How parameters between table rows are interpolated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// rcpchgrowth's rule evaluated in its exact order: results that are rounded to 4 dp need the same last bits.
    Exact,
    /// rcpchgrowth's rule with the cubic weights shared by L, M and S: the same values to within a few units in
    /// the last place, at a fraction of the cost (used for SDS, which is not rounded).
    Fast,
    /// Linear interpolation everywhere (rcpchgrowth's WHO SDS).
    Linear,
}

/// Lagrange weights at `t` for the four nodes `a`: the cubic through `(a[k], p[k])` is `Σ w[k]·p[k]`.
fn cubic_weights(t: f64, a: [f64; 4]) -> [f64; 4] {
    let (d0, d1, d2, d3) = (t - a[0], t - a[1], t - a[2], t - a[3]);
    let (a01, a02, a03) = (a[0] - a[1], a[0] - a[2], a[0] - a[3]);
    let (a12, a13, a23) = (a[1] - a[2], a[1] - a[3], a[2] - a[3]);
    [
        d1 * d2 * d3 / (a01 * a02 * a03),
        -(d0 * d2 * d3) / (a01 * a12 * a13),
        d0 * d1 * d3 / (a02 * a12 * a23),
        -(d0 * d1 * d2) / (a03 * a13 * a23),
    ]
}

/// L, M, S (and sigma) at age `t`, interpolating by `rule`.
pub fn lms_at(table: &Table, t: f64, rule: Rule) -> Result<Lms, OutsideTable> {
    let n = table.age.len();
    if n == 0 {
        return Err(OutsideTable);
    }
    let key = round4_key(t);
    let i = nearest_lowest_index(table, t, key);
    let sigma_at = |j: usize| table.sigma.as_ref().map(|s| s[j]);
    if table.age_key[i] == key {
        return Ok(Lms {
            l: table.l[i],
            m: table.m[i],
            s: table.s[i],
            sigma: sigma_at(i),
            interpolation: Interpolation::Row,
        });
    }
    if i + 1 >= n || t < table.age[i] {
        return Err(OutsideTable);
    }
    if i >= 1 && i + 2 < n && table.sigma.is_none() && rule != Rule::Linear {
        let a = [
            table.age[i - 1],
            table.age[i],
            table.age[i + 1],
            table.age[i + 2],
        ];
        let nodes = |col: &[f64]| [col[i - 1], col[i], col[i + 1], col[i + 2]];
        let (l, m, s) = if rule == Rule::Exact {
            let pick = |col: &[f64]| cubic(t, a, nodes(col));
            (pick(&table.l), pick(&table.m), pick(&table.s))
        } else {
            let w = cubic_weights(t, a);
            let pick = |col: &[f64]| {
                let p = nodes(col);
                w[0] * p[0] + w[1] * p[1] + w[2] * p[2] + w[3] * p[3]
            };
            (pick(&table.l), pick(&table.m), pick(&table.s))
        };
        return Ok(Lms {
            l,
            m,
            s,
            sigma: None,
            interpolation: Interpolation::Cubic,
        });
    }
    let (a0, a1) = (table.age[i], table.age[i + 1]);
    let pick = |col: &[f64]| linear(t, a0, a1, col[i], col[i + 1]);
    Ok(Lms {
        l: pick(&table.l),
        m: pick(&table.m),
        s: pick(&table.s),
        sigma: table.sigma.as_ref().map(|s| pick(s)),
        interpolation: Interpolation::Linear,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cubic_passes_through_a_parabola() {
        assert_eq!(cubic(1.5, [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 4.0, 9.0]), 2.25);
    }

    #[test]
    fn shared_weights_agree_with_the_exact_order() {
        let a = [4.0, 4.083, 4.167, 4.25];
        let p = [102.49, 102.86, 103.23, 103.6];
        for t in [4.09, 4.1, 4.12, 4.15] {
            let w = cubic_weights(t, a);
            let fast: f64 = (0..4).map(|k| w[k] * p[k]).sum();
            assert!((fast - cubic(t, a, p)).abs() < 1e-12);
        }
    }

    #[test]
    fn lms_round_trip() {
        let (l, m, s) = (-1.3, 16.0, 0.08);
        let x = measurement_for_z(1.7, l, m, s).unwrap();
        assert!((z_score(l, m, s, x) - 1.7).abs() < 1e-12);
        assert_eq!(measurement_for_z(20.0, l, m, s), None);
    }
}

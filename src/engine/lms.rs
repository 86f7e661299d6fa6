//! LMS arithmetic and the table lookup with rcpchgrowth's interpolation rules.
//!
//! A measurement X at an age with Box-Cox parameters L, M, S has
//! `z = ((X/M)^L − 1)/(L·S)` (or `ln(X/M)/S` when L = 0), and inversely `X = M·(1 + L·S·z)^(1/L)`.
//! Between table rows the parameters are interpolated cubically (four-point Lagrange) where a row exists on each
//! side of the bracketing pair, and linearly in the first and last intervals, for every CDC BMI interval (rows with
//! sigma) and wherever a caller forces it (WHO SDS).

use crate::engine::data::{Interval, Table};
use crate::engine::rounding::{integer, nearest_index, round4_key};

/// How the parameters at an age were obtained. rcpchgrowth carries linearly interpolated values as NumPy scalars,
/// which changes how results are rounded (see `crate::engine::rounding::round_numpy`).
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
#[non_exhaustive]
pub enum OutsideTable {
    /// Before the table's first row (or the table has none).
    BeforeFirstRow,
    /// Beyond its last row.
    BeyondLastRow,
}

impl std::error::Error for OutsideTable {}

/// The z-score of `x` given L, M and S.
#[inline]
pub(crate) fn z_score(l: f64, m: f64, s: f64, x: f64) -> f64 {
    if l == 1.0 {
        z_score_unit_l(m, s, x)
    } else if l != 0.0 {
        ((x / m).powf(l) - 1.0) / (l * s)
    } else {
        (x / m).ln() / s
    }
}

/// [`z_score`] where L is 1: pow(y, 1) is exactly y, so no call.
#[inline]
pub(crate) fn z_score_unit_l(m: f64, s: f64, x: f64) -> f64 {
    (x / m - 1.0) / s
}

/// The measurement at z-score `z`, or `None` where `1 + L·S·z` is negative (no real value exists).
pub(crate) fn measurement_for_z(z: f64, l: f64, m: f64, s: f64) -> Option<f64> {
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
#[inline]
pub(crate) fn cubic(t: f64, a: [f64; 4], p: [f64; 4]) -> f64 {
    let (d0, d1, d2, d3) = (t - a[0], t - a[1], t - a[2], t - a[3]);
    let (a01, a02, a03) = (a[0] - a[1], a[0] - a[2], a[0] - a[3]);
    let (a12, a13, a23) = (a[1] - a[2], a[1] - a[3], a[2] - a[3]);
    p[0] * d1 * d2 * d3 / a01 / a02 / a03 - p[1] * d0 * d2 * d3 / a01 / a12 / a13
        + p[2] * d0 * d1 * d3 / a02 / a12 / a23
        - p[3] * d0 * d1 * d2 / a03 / a13 / a23
}

/// Linear interpolation at `t` between `(a0, p0)` and `(a1, p1)`, in SciPy `interp1d`'s evaluation order.
#[inline]
pub(crate) fn linear(t: f64, a0: f64, a1: f64, p0: f64, p1: f64) -> f64 {
    let slope = (p1 - p0) / (a1 - a0);
    slope * (t - a0) + p0
}

/// The last row below `t`, or 0 when `t` is at or below the first row. Rows are close to evenly spaced, so a
/// proportional guess and a short walk find it.
#[inline]
fn last_below(table: &Table, t: f64) -> usize {
    let age = &table.age;
    let last = age.len() - 1;
    let guess = (t - age[0]) * table.rows_per_year;
    // A guess beyond the table (or beyond usize) starts the walk at the last row, as a saturating cast would.
    let mut i = if guess > 0.0 {
        integer::<usize>(guess).map_or(last, |g| g.min(last))
    } else {
        0
    };
    while i > 0 && age[i] >= t {
        i -= 1;
    }
    while i < last && age[i + 1] < t {
        i += 1;
    }
    i
}

/// Years from a row beyond which an age cannot share the row's 4-decimal key (equal keys lie under 0.0001 apart;
/// the rest is margin).
const NEAR_ROW: f64 = 0.00015;

/// The row whose age equals `t` at 4 decimal places (rcpchgrowth's scan takes the first such row), given `i`
/// from [`last_below`]. Rows are more than 0.0002 years apart (checked by the reference-data test), so only rows
/// `i` and `i + 1` can share `t`'s key, and only one within [`NEAR_ROW`] of `t` can: most ages need no key.
#[inline]
fn matching_row(table: &Table, t: f64, i: usize) -> Option<usize> {
    let near = |j: usize| table.age.get(j).is_some_and(|&a| (t - a).abs() < NEAR_ROW);
    if !near(i) && !near(i + 1) {
        return None;
    }
    let key = round4_key(t);
    [i, i + 1]
        .into_iter()
        .find(|&j| table.age_key.get(j) == Some(&key))
}

/// `p[0] + p[1]·u + p[2]·u² + p[3]·u³`.
#[inline]
fn horner(p: &[f64; 4], u: f64) -> f64 {
    ((p[3] * u + p[2]) * u + p[1]) * u + p[0]
}

/// [`horner`] on column `j` of side-by-side coefficients.
#[inline]
fn horner_column(p: &[[f64; 2]; 4], j: usize, u: f64) -> f64 {
    horner(&[p[0][j], p[1][j], p[2][j], p[3][j]], u)
}

/// The cubic through `(x[k], p[k])` with `x[1] = 0` as coefficients of powers of the offset (Newton's divided
/// differences taken in the order 1, 2, 0, 3, then expanded).
fn monomial(x: [f64; 4], p: [f64; 4]) -> [f64; 4] {
    let d1 = (p[2] - p[1]) / x[2];
    let d20 = (p[0] - p[2]) / (x[0] - x[2]);
    let d2 = (d20 - d1) / x[0];
    let d03 = (p[3] - p[0]) / (x[3] - x[0]);
    let d3 = ((d03 - d20) / (x[3] - x[2]) - d2) / x[3];
    [
        p[1],
        d1 - d2 * x[2] + d3 * x[2] * x[0],
        d2 - d3 * (x[2] + x[0]),
        d3,
    ]
}

/// Whether the interval after row `i` of `n` is interpolated cubically (a row on each side of the pair).
fn is_cubic(i: usize, n: usize) -> bool {
    i >= 1 && i + 2 < n
}

fn intervals(table: &Table) -> &[Interval] {
    table.intervals.get_or_init(|| polynomials(table))
}

/// The [`Interval`]s of `table`, once per table: kept out of line so the per-value callers stay small.
#[cold]
#[inline(never)]
fn polynomials(table: &Table) -> Box<[Interval]> {
    let (age, n) = (&table.age, table.age.len());
    (0..n.saturating_sub(1))
        .map(|i| {
            let column = |col: &[f64]| {
                if is_cubic(i, n) {
                    let x = [
                        age[i - 1] - age[i],
                        0.0,
                        age[i + 1] - age[i],
                        age[i + 2] - age[i],
                    ];
                    monomial(x, [col[i - 1], col[i], col[i + 1], col[i + 2]])
                } else {
                    [
                        col[i],
                        (col[i + 1] - col[i]) / (age[i + 1] - age[i]),
                        0.0,
                        0.0,
                    ]
                }
            };
            let (m, s) = (column(&table.m), column(&table.s));
            Interval {
                l: column(&table.l),
                ms: [0, 1, 2, 3].map(|k| [m[k], s[k]]),
                start: age[i],
                inner_end: age[i + 1] - NEAR_ROW,
            }
        })
        .collect()
}

/// A table without sigma read at many ages by [`Between::at`]: its interval polynomials and row guess, fetched
/// once.
#[derive(Clone, Copy)]
pub(crate) struct Between<'a> {
    intervals: &'a [Interval],
    /// The first row's age plus half a row, so rows from here rounded to nearest are the row below (the guess).
    origin: f64,
    rows_per_year: f64,
    /// L is 1 at every row, so [`Between::at`]'s L is exactly 1 ([`Between::m_s`] skips it).
    pub(crate) unit_l: bool,
}

impl<'a> Between<'a> {
    /// `None` for a table with sigma (CDC BMI, read linearly) or without rows.
    pub(crate) fn of(table: &'a Table) -> Option<Self> {
        if table.sigma.is_some() {
            return None;
        }
        Some(Between {
            intervals: intervals(table),
            origin: table.age.first()? + 0.5 / table.rows_per_year,
            rows_per_year: table.rows_per_year,
            unit_l: table.unit_l,
        })
    }

    /// `t`'s row guess: rows from `origin` to nearest, so the row below `t` where rows are evenly spaced. It grows
    /// with `t` wherever it is less than 2^31 from the first row (every age [`Between::place`] places).
    #[inline(always)] // per value
    pub(crate) fn guess(self, t: f64) -> usize {
        nearest_index((t - self.origin) * self.rows_per_year)
    }

    /// The intervals of the guesses strictly between those of `low` and `high` (none where either is 2^30 rows or
    /// more from the first row, or NaN): an age [`Between::place`] places from one of them lies strictly between
    /// the two, as the guesses of all three grow with age.
    pub(crate) fn within(self, low: f64, high: f64) -> Within<'a> {
        const NEAR: f64 = 1_073_741_824.0; // 2^30
        let rows = |t: f64| (t - self.origin) * self.rows_per_year;
        let (low, high) = (rows(low), rows(high));
        let none = Within {
            first: 0,
            intervals: &[],
        };
        if !(low.abs() < NEAR && high.abs() < NEAR) {
            return none;
        }
        // Whole numbers within ±2^30: exact as i32 (no guess is below 0).
        let (low, high) = (
            nearest_index(low) as u32 as i32,
            nearest_index(high) as u32 as i32,
        );
        let (Ok(first), Ok(end)) = (usize::try_from((low + 1).max(0)), usize::try_from(high))
        else {
            return none;
        };
        match self.intervals.get(first..end.min(self.intervals.len())) {
            Some(intervals) => Within {
                first: first as u32,
                intervals,
            },
            None => none,
        }
    }

    /// The interval of row `guess`, to be checked by [`Between::place`].
    #[inline(always)] // per value
    pub(crate) fn row(self, guess: usize) -> Option<&'a Interval> {
        self.intervals.get(guess)
    }

    /// The interval holding `t` and `t`'s offset in it, where `t` lies in `p`, the interval of its row `guess`,
    /// or one either side of it, [`NEAR_ROW`] or more from both its rows; `None` elsewhere, for [`lms_at`] to
    /// decide. Every age [`crate::engine::references::lookup_age`] moves lies outside the rows, so is `None`.
    #[inline(always)] // per value
    pub(crate) fn place(
        self,
        p: &'a Interval,
        guess: usize,
        t: f64,
    ) -> Option<(&'a Interval, f64)> {
        let u = t - p.start;
        if u >= NEAR_ROW && t <= p.inner_end {
            return Some((p, u));
        }
        let next = if u < NEAR_ROW {
            guess.checked_sub(1)?
        } else {
            guess.checked_add(1)?
        };
        let p = self.intervals.get(next)?;
        let u = t - p.start;
        (u >= NEAR_ROW && t <= p.inner_end).then_some((p, u))
    }

    /// L, M and S at `t` as [`lms_at`] gives them by [`Rule::Fast`], where [`Between::place`] places `t`; `None`
    /// elsewhere.
    #[cfg(test)]
    fn at(self, t: f64) -> Option<(f64, f64, f64)> {
        let guess = self.guess(t);
        let (p, u) = self.place(self.row(guess)?, guess, t)?;
        Some(p.at(u))
    }
}

/// The intervals of a run of row guesses, from [`Between::within`].
#[derive(Clone, Copy)]
pub(crate) struct Within<'a> {
    first: u32,
    intervals: &'a [Interval],
}

impl<'a> Within<'a> {
    /// The interval of row `guess`, where `guess` is one of these.
    #[inline(always)] // per value
    pub(crate) fn row(self, guess: usize) -> Option<&'a Interval> {
        self.intervals
            .get((guess as u32).wrapping_sub(self.first) as usize)
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl<'a> Within<'a> {
    /// [`Interval::m_s`] at the two ages of `t` at once where both have rows among these (each lane exactly the
    /// value one age alone gives), and a mask of the lanes whose age its row places directly, as
    /// [`Between::place`] does first (so lies within the span); `None` where either has no row among these.
    #[inline(always)] // per pair of values
    pub(crate) fn m_s_pair(
        self,
        between: Between<'a>,
        t: core::arch::wasm32::v128,
    ) -> Option<(
        core::arch::wasm32::v128,
        core::arch::wasm32::v128,
        core::arch::wasm32::v128,
    )> {
        use core::arch::wasm32::*;
        let rows = f64x2_mul(
            f64x2_sub(t, f64x2_splat(between.origin)),
            f64x2_splat(between.rows_per_year),
        );
        let (g, h) = crate::engine::rounding::nearest_indices(rows);
        let (p, q) = (self.row(g)?, self.row(h)?);
        let u = f64x2_sub(t, f64x2(p.start, q.start));
        let placed = v128_and(
            f64x2_ge(u, f64x2_splat(NEAR_ROW)),
            f64x2_le(t, f64x2(p.inner_end, q.inner_end)),
        );
        // M and S side by side for each age, then the two ages' Ms side by side and their Ss.
        let m_s = |p: &Interval, u: v128| {
            let c = |k: usize| f64x2(p.ms[k][0], p.ms[k][1]);
            f64x2_add(
                f64x2_mul(
                    f64x2_add(f64x2_mul(f64x2_add(f64x2_mul(c(3), u), c(2)), u), c(1)),
                    u,
                ),
                c(0),
            )
        };
        let (a, b) = (
            m_s(p, i64x2_shuffle::<0, 0>(u, u)),
            m_s(q, i64x2_shuffle::<1, 1>(u, u)),
        );
        Some((
            i64x2_shuffle::<0, 2>(a, b),
            i64x2_shuffle::<1, 3>(a, b),
            placed,
        ))
    }
}

impl Interval {
    /// L, M and S at offset `u`, as [`lms_at`] gives them by [`Rule::Fast`] in this interval.
    #[inline(always)] // per value
    pub(crate) fn at(&self, u: f64) -> (f64, f64, f64) {
        let (m, s) = self.m_s(u);
        (horner(&self.l, u), m, s)
    }

    /// [`Interval::at`]'s M and S, for a table whose L is 1 throughout (its L is then exactly 1).
    #[inline(always)] // per value
    pub(crate) fn m_s(&self, u: f64) -> (f64, f64) {
        (horner_column(&self.ms, 0, u), horner_column(&self.ms, 1, u))
    }
}

/// How parameters between table rows are interpolated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// rcpchgrowth's rule evaluated in its exact order: results that are rounded to 4 dp need the same last bits.
    Exact,
    /// rcpchgrowth's rule from per-interval polynomials ([`Interval`]): the same values to within a few units in
    /// the last place, at a fraction of the cost (used for SDS, which is not rounded).
    Fast,
    /// Linear interpolation everywhere (rcpchgrowth's WHO SDS).
    Linear,
}

/// L, M, S (and sigma) at age `t`, interpolating by `rule`.
#[inline(always)] // two callers (sds::lms_for, sds::sds_each), each specialised for its rules
pub(crate) fn lms_at(table: &Table, t: f64, rule: Rule) -> Result<Lms, OutsideTable> {
    let n = table.age.len();
    if n == 0 {
        return Err(OutsideTable::BeforeFirstRow);
    }
    let i = last_below(table, t);
    let sigma_at = |j: usize| table.sigma.as_ref().map(|s| s[j]);
    if let Some(j) = matching_row(table, t, i) {
        return Ok(Lms {
            l: table.l[j],
            m: table.m[j],
            s: table.s[j],
            sigma: sigma_at(j),
            interpolation: Interpolation::Row,
        });
    }
    if t < table.age[i] {
        return Err(OutsideTable::BeforeFirstRow);
    }
    if i + 1 >= n {
        return Err(OutsideTable::BeyondLastRow);
    }
    let cubic_here = is_cubic(i, n) && table.sigma.is_none();
    if rule == Rule::Fast && table.sigma.is_none() {
        let p = &intervals(table)[i];
        let u = t - table.age[i];
        return Ok(Lms {
            l: horner(&p.l, u),
            m: horner_column(&p.ms, 0, u),
            s: horner_column(&p.ms, 1, u),
            sigma: None,
            interpolation: if cubic_here {
                Interpolation::Cubic
            } else {
                Interpolation::Linear
            },
        });
    }
    // (Fast has returned above wherever the interval is cubic.)
    if cubic_here && rule == Rule::Exact {
        let a = [
            table.age[i - 1],
            table.age[i],
            table.age[i + 1],
            table.age[i + 2],
        ];
        let pick = |col: &[f64]| cubic(t, a, [col[i - 1], col[i], col[i + 1], col[i + 2]]);
        return Ok(Lms {
            l: pick(&table.l),
            m: pick(&table.m),
            s: pick(&table.s),
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
    fn interval_polynomials_agree_with_the_exact_order_in_every_table() {
        let mut intervals = 0;
        for t in crate::engine::data::every_table() {
            for i in 0..t.age.len() - 1 {
                intervals += 1;
                for k in 1..8 {
                    let age = t.age[i] + (t.age[i + 1] - t.age[i]) * f64::from(k) / 8.0;
                    let (fast, exact) = (lms_at(t, age, Rule::Fast), lms_at(t, age, Rule::Exact));
                    let (fast, exact) = (fast.unwrap(), exact.unwrap());
                    assert_eq!(fast.interpolation, exact.interpolation, "{age}");
                    for (f, e) in [(fast.l, exact.l), (fast.m, exact.m), (fast.s, exact.s)] {
                        assert!((f - e).abs() <= 1e-13 * e.abs().max(1.0), "{age}: {f} {e}");
                    }
                }
            }
        }
        assert!(intervals > 10_000);
    }

    #[test]
    fn between_rows_answers_as_lms_at_or_leaves_the_age_to_it() {
        let mut rng = crate::engine::rng::Rng::new(20261207);
        let (mut answered, mut left) = (0, 0);
        for t in crate::engine::data::every_table() {
            let Some(between) = Between::of(t) else {
                assert!(t.sigma.is_some());
                continue;
            };
            let (first, last) = (t.age[0], t.age[t.age.len() - 1]);
            let mut ages: Vec<f64> = (0..2000)
                .map(|_| {
                    first - 0.1
                        + (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (last - first + 0.2)
                })
                .collect();
            for &a in t.age.iter() {
                ages.extend(
                    [-2e-4, -1.5e-4, -1e-4, -5e-5, 0.0, 5e-5, 1e-4, 1.5e-4, 2e-4].map(|d| a + d),
                );
            }
            ages.extend([f64::NAN, f64::INFINITY, -f64::INFINITY, 1e300]);
            for age in ages {
                let Some((l, m, s)) = between.at(age) else {
                    left += 1;
                    continue;
                };
                answered += 1;
                if between.unit_l {
                    assert_eq!(l, 1.0);
                    let guess = between.guess(age);
                    let (p, u) = between
                        .place(between.row(guess).unwrap(), guess, age)
                        .unwrap();
                    assert_eq!(p.m_s(u), (m, s));
                }
                let lms = lms_at(t, age, Rule::Fast).unwrap();
                assert_ne!(lms.interpolation, Interpolation::Row, "{age}");
                for (b, a) in [(l, lms.l), (m, lms.m), (s, lms.s)] {
                    assert_eq!(b.to_bits(), a.to_bits(), "{age}");
                }
            }
        }
        assert!(answered > 100_000 && left > 10_000, "{answered} {left}");
    }

    #[test]
    fn an_age_placed_from_a_row_within_a_span_lies_in_it() {
        let mut rng = crate::engine::rng::Rng::new(20261207);
        let mut uniform = |low: f64, high: f64| {
            low + (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (high - low)
        };
        let (mut placed, mut spans) = (0, 0);
        for t in crate::engine::data::every_table() {
            let Some(between) = Between::of(t) else {
                continue;
            };
            let (first, last) = (t.age[0] - 1.0, t.age[t.age.len() - 1] + 1.0);
            for _ in 0..100 {
                let (a, b) = (uniform(first, last), uniform(first, last));
                let (low, high) = (a.min(b), a.max(b));
                let within = between.within(low, high);
                spans += usize::from(within.intervals.len() > 2);
                let mut ages: Vec<f64> = (0..100).map(|_| uniform(first, last)).collect();
                for x in [low, high] {
                    ages.extend([x.next_down(), x, x.next_up(), x - 2e-4, x + 2e-4]);
                }
                for age in ages {
                    let guess = between.guess(age);
                    if within
                        .row(guess)
                        .and_then(|p| between.place(p, guess, age))
                        .is_some()
                    {
                        placed += 1;
                        assert!(low < age && age < high, "{low} {age} {high}");
                    }
                }
            }
        }
        assert!(placed > 10_000 && spans > 1_000, "{placed} {spans}");
    }

    #[test]
    fn an_age_off_the_table_says_which_end() {
        let t = crate::engine::data::every_table().next().unwrap();
        let (first, last) = (t.age[0], t.age[t.age.len() - 1]);
        for rule in [Rule::Fast, Rule::Exact] {
            assert_eq!(
                lms_at(t, first - 0.01, rule).unwrap_err(),
                OutsideTable::BeforeFirstRow
            );
            assert_eq!(
                lms_at(t, last + 0.01, rule).unwrap_err(),
                OutsideTable::BeyondLastRow
            );
            assert!(lms_at(t, first, rule).is_ok() && lms_at(t, last, rule).is_ok());
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

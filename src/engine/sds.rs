//! SDS for a measurement, the measurement for an SDS, and BMI as a percentage of the median, for any reference.

use crate::engine::data::{Interval, Table};
use crate::engine::lms::{self, Interpolation, Lms, OutsideTable, Rule};
use crate::engine::normal;
use crate::engine::references::{lookup_age, select, AtJoin, NoData};
use crate::engine::rounding;
use crate::{Method, Reference, Sex};

/// Why a value could not be calculated.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum CalcError {
    /// The reference has no data for this age, measurement or sex.
    NoData(NoData),
    /// The age falls between the tables of a reference (only non-whole-day ages just either side of 2 years).
    BetweenTables,
    /// The observation is zero, negative or not a number.
    NotPositive,
    /// The result is not a finite number (e.g. a CDC BMI so high its centile rounds to 100).
    NotFinite,
}

impl std::error::Error for CalcError {}

impl From<NoData> for CalcError {
    fn from(reason: NoData) -> Self {
        CalcError::NoData(reason)
    }
}

impl From<OutsideTable> for CalcError {
    fn from(_: OutsideTable) -> Self {
        CalcError::BetweenTables
    }
}

/// `x` if it is a finite number greater than zero (a measurement).
#[inline]
fn positive(x: f64) -> Result<f64, CalcError> {
    if x > 0.0 && x <= f64::MAX {
        Ok(x)
    } else {
        Err(CalcError::NotPositive)
    }
}

#[inline]
fn finite(x: f64) -> Result<f64, CalcError> {
    if x.abs() <= f64::MAX {
        Ok(x)
    } else {
        Err(CalcError::NotFinite)
    }
}

/// L, M and S at an age by rcpchgrowth's rule in its exact order (for a measurement from an SDS, and the median).
///
/// # Errors
/// When the reference has no data there.
#[inline]
pub(crate) fn lms_for(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    at_join: AtJoin,
) -> Result<Lms, CalcError> {
    let table = select(reference, age, method, sex, at_join)?;
    Ok(lms::lms_at(
        table,
        lookup_age(reference, age, table),
        Rule::Exact,
    )?)
}

/// The CDC extended-BMI sigma of a row. Every CDC BMI row carries one (tests/reference_data.rs); were one missing,
/// the result would be NaN, which callers report as not finite, rather than a panic.
fn extended_sigma(lms: &Lms) -> f64 {
    lms.sigma.unwrap_or(f64::NAN)
}

/// The CDC BMI 95th centile, where the extended method takes over.
fn cdc_p95(lms: &Lms) -> f64 {
    lms.m * (1.0 + lms.l * lms.s * 1.645).powf(1.0 / lms.l)
}

/// The SDS of a measurement at a decimal (corrected) age.
///
/// WHO parameters are interpolated linearly, and WHO weight (all ages), BMI (all ages) and every measurement
/// under 5 years use WHO's restricted method beyond ±3 SD. CDC BMI above the 95th centile uses the 2022 extended
/// method (a half-normal with the table's sigma).
///
/// # Errors
/// [`CalcError::NotPositive`] for a value that is not > 0; otherwise when the reference has no data there, or the
/// SDS is infinite.
#[inline]
pub fn sds_for_measurement(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    value: f64,
) -> Result<f64, CalcError> {
    let mut sds = [value];
    match sds_each(reference, method, sex, &[age], &mut sds) {
        Some(why) => Err(why),
        None => Ok(sds[0]),
    }
}

/// SDS for many measurements of one reference, method and sex: each of `values` (paired with `ages`) is replaced
/// by [`sds_for_measurement`]'s answer, `NaN` where it has none.
pub fn sds_for_measurements(
    reference: Reference,
    method: Method,
    sex: Sex,
    ages: &[f64],
    values: &mut [f64],
) {
    sds_each(reference, method, sex, ages, values);
}

/// Replaces each of `values` by its SDS, `NaN` where it has none, and tells why the last of those has none.
///
/// A table is looked up again only for an age outside every one of [`Spans`] (ages known to select a table).
/// Within the current span, [`plain_run`] answers the ordinary values; an age another span holds makes that span
/// current, and the first value of all (so any single value) and every other come here.
fn sds_each(
    reference: Reference,
    method: Method,
    sex: Sex,
    ages: &[f64],
    values: &mut [f64],
) -> Option<CalcError> {
    let rule = sds_rule(reference);
    let mut spans = Spans::new(is_plain(reference, method));
    let mut why = None;
    let n = values.len().min(ages.len());
    let mut k = 0;
    while k < n {
        if let Some(span) = spans.current() {
            k += plain_run(span, &ages[k..n], &mut values[k..n]);
            if k == n {
                break;
            }
        }
        let (value, age) = (&mut values[k], ages[k]);
        let held = spans.hold(age);
        if held == Some(Held::Moved) && spans.plain {
            continue;
        }
        k += 1;
        let sds = positive(*value).and_then(|value| {
            let table = match (held, spans.current().map(|span| span.table)) {
                (Some(_), Some(table)) => table,
                _ => {
                    let table = select(reference, age, method, sex, AtJoin::OlderTable)?;
                    spans.learn(table, age, &|t| {
                        select(reference, t, method, sex, AtJoin::OlderTable)
                            .is_ok_and(|seen| std::ptr::eq(seen, table))
                    });
                    table
                }
            };
            let lms = lms::lms_at(table, lookup_age(reference, age, table), rule)?;
            sds_from_lms(&lms, reference, age, method, value)
        });
        *value = sds.unwrap_or_else(|e| {
            why = Some(e);
            f64::NAN
        });
    }
    why
}

/// The ages from `low` to `high` are known to select `table` (each an age seen or probed that does).
#[derive(Clone, Copy)]
struct Span<'t> {
    table: &'t Table,
    low: f64,
    high: f64,
    /// For [`plain_run`], where the reference and measurement are [`is_plain`]: the table's intervals, and those
    /// of the rows from `low` to `high`.
    plain: Option<(lms::Between<'t>, lms::Within<'t>)>,
}

/// Where [`Spans::hold`] found an age.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Held {
    /// In the current span.
    Current,
    /// In another, now current.
    Moved,
}

/// The span of each table [`sds_each`] has read, one of them current: ages that change table, e.g. a cohort in no
/// order across UK-WHO's four tables, find theirs without a lookup. `select` reads each table over one interval of
/// ages (tested in `references`), so every age between two that select a table selects it too.
struct Spans<'t> {
    /// Whether the reference and measurement are [`is_plain`].
    plain: bool,
    /// UK-WHO reads at most four tables for one measurement and sex (a fifth would replace the first).
    spans: [Option<Span<'t>>; 4],
    current: usize,
}

/// Probes with which [`Spans::learn`] halves the gap toward a table's end row, at most: the span then reaches
/// within 1/4096 of that gap from where the table stops being selected.
const PROBES: usize = 12;

impl<'t> Spans<'t> {
    fn new(plain: bool) -> Self {
        Spans {
            plain,
            spans: [None; 4],
            current: 0,
        }
    }

    fn current(&self) -> Option<&Span<'t>> {
        self.spans.get(self.current)?.as_ref()
    }

    /// Makes the span holding `age` current, if one does.
    fn hold(&mut self, age: f64) -> Option<Held> {
        let holds = |s: &Option<Span>| s.is_some_and(|s| s.low <= age && age <= s.high);
        if self.spans.get(self.current).is_some_and(holds) {
            return Some(Held::Current);
        }
        self.current = self.spans.iter().position(holds)?;
        Some(Held::Moved)
    }

    /// Notes that `age` (outside every span) selects `table`, as `selects` tells of any age, and makes its span
    /// current. A table seen again is read at more than one age, so its span reaches on toward the table's end
    /// row as far as `selects` confirms, and the ages that follow (in increasing order, say) stay inside it.
    #[inline(never)] // once a table, or for an age beyond its span
    fn learn(&mut self, table: &'t Table, age: f64, selects: &dyn Fn(f64) -> bool) {
        if age.is_nan() {
            return;
        }
        let same = |s: &Option<Span>| s.is_some_and(|s| std::ptr::eq(s.table, table));
        let (mut low, mut high) = (age, age);
        self.current = match self.spans.iter().position(same) {
            Some(i) => {
                if let (Some(span), Some(&first), Some(&last)) =
                    (self.spans[i], table.age.first(), table.age.last())
                {
                    (low, high) = (span.low.min(age), span.high.max(age));
                    if age == high && last > age {
                        high = reach(selects, age, last);
                    }
                    if age == low && first < age {
                        low = reach(selects, age, first);
                    }
                }
                i
            }
            None => self.spans.iter().position(Option::is_none).unwrap_or(0),
        };
        let plain = self
            .plain
            .then(|| lms::Between::of(table).map(|b| (b, b.within(low, high))))
            .flatten();
        if let Some(slot) = self.spans.get_mut(self.current) {
            *slot = Some(Span {
                table,
                low,
                high,
                plain,
            });
        }
    }
}

/// The farthest age from `from` (which selects the table) toward `end` found to select it: `end` itself, else the
/// last of [`PROBES`] halvings of the gap that did.
fn reach(selects: &dyn Fn(f64) -> bool, from: f64, end: f64) -> f64 {
    let (mut good, mut bad, mut probe) = (from, end, end);
    for _ in 0..=PROBES {
        if selects(probe) {
            good = probe;
            if good == end {
                break;
            }
        } else {
            bad = probe;
        }
        probe = good + (bad - good) * 0.5;
    }
    good
}

/// Whether [`sds_from_lms`] is [`lms::z_score`] alone for this reference and measurement, from L, M and S by
/// [`Rule::Fast`] (not WHO, not CDC BMI).
fn is_plain(reference: Reference, method: Method) -> bool {
    sds_rule(reference) == Rule::Fast && !(reference == Reference::Cdc && method == Method::Bmi)
}

/// The SDS of the leading `values` whose ages lie in `span` (ages that select its table), for a reference and
/// measurement [`is_plain`], up to the first that [`lms::Between`] leaves to [`lms::lms_at`] (every age
/// `lookup_age` would move among them), whose value is not > 0 or whose SDS is not finite (an infinite value's is
/// not): exactly [`sds_each`]'s answers, in a loop small enough to keep its state in registers, and without a call
/// where L is 1 throughout. Returns how many it answered.
fn plain_run(span: &Span, ages: &[f64], values: &mut [f64]) -> usize {
    let Some((between, within)) = span.plain else {
        return 0;
    };
    let span = (span.low, span.high);
    if between.unit_l {
        plain_loop(between, within, span, ages, values, |p, u, x| {
            let (m, s) = p.m_s(u);
            lms::z_score_unit_l(m, s, x)
        })
    } else {
        plain_loop(between, within, span, ages, values, |p, u, x| {
            let (l, m, s) = p.at(u);
            lms::z_score(l, m, s, x)
        })
    }
}

/// [`plain_run`]'s loop, with `z` the SDS of a value in an interval at an offset. An age placed from one of the
/// rows `within` lies in the span (`low` to `high`) without comparing it with both ends.
#[inline(always)] // two callers, one per kind of table
fn plain_loop(
    between: lms::Between,
    within: lms::Within,
    (low, high): (f64, f64),
    ages: &[f64],
    values: &mut [f64],
    z: impl Fn(&Interval, f64, f64) -> f64,
) -> usize {
    let n = values.len().min(ages.len());
    let mut k = 0;
    loop {
        // With SIMD where L is 1 throughout, pairs first, then the pair they stopped at one at a time; else all.
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let stop = if between.unit_l {
            k += unit_l_pairs(between, within, &ages[k..n], &mut values[k..n]);
            n.min(k + 2)
        } else {
            n
        };
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let stop = n;
        while k < stop {
            let (x, age) = (values[k], ages[k]);
            if x.is_nan() || x <= 0.0 {
                return k;
            }
            let guess = between.guess(age);
            let row = match within.row(guess) {
                Some(p) => p,
                None if low <= age && age <= high => match between.row(guess) {
                    Some(p) => p,
                    None => return k,
                },
                None => return k,
            };
            let Some((p, u)) = between.place(row, guess, age) else {
                return k;
            };
            let Ok(z) = finite(z(p, u, x)) else {
                return k;
            };
            values[k] = z;
            k += 1;
        }
        if k == n {
            return n;
        }
    }
}

/// [`plain_loop`]'s answers where L is 1 throughout, two values at a time (wasm SIMD, one lane each), for leading
/// pairs while both ages of a pair are placed directly from their rows among `within`, both values are > 0 and
/// both SDS finite: each lane the same operations in the same order as one value alone, so the same bits.
/// Returns how many it answered.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn unit_l_pairs(
    between: lms::Between,
    within: lms::Within,
    ages: &[f64],
    values: &mut [f64],
) -> usize {
    use core::arch::wasm32::*;
    let n = values.len().min(ages.len());
    let mut k = 0;
    while k + 1 < n {
        let x = f64x2(values[k], values[k + 1]);
        let Some((m, s, placed)) = within.m_s_pair(between, f64x2(ages[k], ages[k + 1])) else {
            break;
        };
        // lms::z_score_unit_l on each lane.
        let z = f64x2_div(f64x2_sub(f64x2_div(x, m), f64x2_splat(1.0)), s);
        let answered = v128_and(
            v128_and(placed, f64x2_gt(x, f64x2_splat(0.0))),
            f64x2_le(f64x2_abs(z), f64x2_splat(f64::MAX)),
        );
        if i64x2_bitmask(answered) != 3 {
            break;
        }
        values[k] = f64x2_extract_lane::<0>(z);
        values[k + 1] = f64x2_extract_lane::<1>(z);
        k += 2;
    }
    k
}

/// WHO SDS interpolate linearly; the others as rcpchgrowth does, from the interval polynomials.
fn sds_rule(reference: Reference) -> Rule {
    if reference == Reference::Who {
        Rule::Linear
    } else {
        Rule::Fast
    }
}

/// [`sds_for_measurement`] once L, M and S are known.
fn sds_from_lms(
    lms: &Lms,
    reference: Reference,
    age: f64,
    method: Method,
    value: f64,
) -> Result<f64, CalcError> {
    let &Lms { l, m, s, .. } = lms;
    if reference == Reference::Cdc && method == Method::Bmi {
        let p95 = cdc_p95(lms);
        if value > p95 {
            let sigma = extended_sigma(lms);
            let centile = normal::cdf((value - p95) / sigma) * 10.0 + 90.0;
            return finite(normal::ppf(centile / 100.0));
        }
    }
    let z = lms::z_score(l, m, s, value);
    if reference == Reference::Who && (age < 5.0 || matches!(method, Method::Bmi | Method::Weight))
    {
        let at = |k: f64| m * (1.0 + l * s * k).powf(1.0 / l);
        if z > 3.0 {
            let (sd3, sd2) = (at(3.0), at(2.0));
            return finite(3.0 + ((value - sd3) / (sd3 - sd2)));
        }
        if z < -3.0 {
            let (sd3, sd2) = (at(-3.0), at(-2.0));
            return finite(-3.0 + ((value - sd3) / (sd2 - sd3)));
        }
    }
    finite(z)
}

/// How rcpchgrowth rounds a measurement from an SDS to 4 decimal places: by Python's rule when the SDS was a plain
/// float, by NumPy's when it was a NumPy value (chart lines from `norm.ppf`); the two can differ by 0.0001 on a tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundingRule {
    /// Python's `round`, for a plain number from the caller.
    Python,
    /// NumPy's `round`, as `create_chart` uses for centile lines.
    NumPy,
}

impl RoundingRule {
    /// Rounds `x` to `digits` decimal places by this rule.
    pub fn round(self, x: f64, digits: i32) -> f64 {
        match self {
            RoundingRule::NumPy => rounding::round_numpy(x, digits),
            RoundingRule::Python => rounding::round_python(x, digits),
        }
    }
}

/// The measurement at an SDS and decimal age, rounded to 4 decimal places, or `None` where no real value exists
/// (`1 + L·S·z < 0`). `at_join` decides an age exactly where two tables meet (chart lines read the younger).
///
/// CDC BMI above z = 1.645 is inverted through the extended method; WHO values are *not* adjusted beyond ±3 SD
/// (matching WHO's published centile tables) and are interpolated cubically in this direction.
///
/// # Errors
/// When the reference has no data there, the SDS is not finite, or the result is not finite.
pub fn measurement_from_sds(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    sds: f64,
    origin: RoundingRule,
    at_join: AtJoin,
) -> Result<Option<f64>, CalcError> {
    measurement_and_kind(reference, age, method, sex, sds, origin, at_join).map(|(value, _)| value)
}

/// As [`measurement_from_sds`], also telling how rcpchgrowth carries the result (a NumPy value wherever NumPy
/// touched it), which decides how it is rounded again later.
///
/// # Errors
/// As [`measurement_from_sds`].
pub(crate) fn measurement_and_kind(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    sds: f64,
    origin: RoundingRule,
    at_join: AtJoin,
) -> Result<(Option<f64>, RoundingRule), CalcError> {
    let lms = lms_for(reference, age, method, sex, at_join);
    measurement_from_lms(lms, reference, method, sds, origin)
}

/// [`measurement_and_kind`] from [`lms_for`]'s answer at the age (chart lines look it up once for all their
/// lines).
///
/// # Errors
/// As [`measurement_from_sds`].
#[inline(never)] // one copy for its callers (every chart point, measurement_and_kind)
pub(crate) fn measurement_from_lms(
    lms: Result<Lms, CalcError>,
    reference: Reference,
    method: Method,
    sds: f64,
    origin: RoundingRule,
) -> Result<(Option<f64>, RoundingRule), CalcError> {
    finite(sds)?;
    let lms = lms?;
    let Lms { l, m, s, .. } = lms;
    let mut numpy = origin == RoundingRule::NumPy || lms.interpolation == Interpolation::Linear;
    let value = if reference == Reference::Cdc && method == Method::Bmi {
        let sigma = extended_sigma(&lms);
        if sds <= 1.645 {
            Some(m * (1.0 + l * s * sds).powf(1.0 / l))
        } else {
            numpy = true;
            let centile = normal::cdf(sds) * 100.0;
            Some(normal::ppf((centile - 90.0) / 10.0) * sigma + cdc_p95(&lms))
        }
    } else {
        lms::measurement_for_z(sds, l, m, s)
    };
    let kind = if numpy {
        RoundingRule::NumPy
    } else {
        RoundingRule::Python
    };
    let value = value
        .map(|v| finite(v).map(|v| kind.round(v, 4)))
        .transpose()?;
    Ok((value, kind))
}

/// BMI as a percentage of the median BMI for age and sex (`bmi / M · 100`), unrounded.
///
/// # Errors
/// When the reference has no BMI data at this age, the BMI is not > 0, or the percentage is not finite.
pub fn percentage_median_bmi(
    reference: Reference,
    age: f64,
    sex: Sex,
    bmi: f64,
) -> Result<f64, CalcError> {
    positive(bmi)?;
    let lms = lms_for(reference, age, Method::Bmi, sex, AtJoin::OlderTable)?;
    finite((bmi / lms.m) * 100.0)
}

/// BMI from height (cm) and weight (kg).
///
/// # Errors
/// [`CalcError::NotPositive`] unless both are finite and > 0; [`CalcError::NotFinite`] if the BMI is not.
pub fn bmi_from_height_weight(height_cm: f64, weight_kg: f64) -> Result<f64, CalcError> {
    let bmi = finite(positive(weight_kg)? / (positive(height_cm)? / 100.0).powi(2))?;
    // Positive numbers so far apart that the quotient underflows have no BMI either.
    if bmi > 0.0 {
        Ok(bmi)
    } else {
        Err(CalcError::NotFinite)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rng::Rng;

    /// Ages across every reference and beyond, the joins between tables among them, and values from nothing to
    /// implausibly large, with a few that are not measurements.
    fn inputs(rng: &mut Rng, n: usize) -> (Vec<f64>, Vec<f64>) {
        let mut uniform = |low: f64, high: f64| {
            low + (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (high - low)
        };
        let mut ages: Vec<f64> = (0..n).map(|_| uniform(-1.0, 21.0)).collect();
        ages.extend([
            0.0,
            2.0,
            3.0,
            4.0,
            5.0,
            20.0,
            1856.0 / 365.25,
            f64::NAN,
            f64::INFINITY,
        ]);
        let values = ages
            .iter()
            .enumerate()
            .map(|(i, _)| match i % 50 {
                0 => 0.0,
                1 => -3.0,
                2 => f64::NAN,
                _ => uniform(0.5, 250.0),
            })
            .collect();
        (ages, values)
    }

    #[test]
    fn many_at_once_answer_as_one_at_a_time() {
        let mut rng = Rng::new(20261207);
        for reference in Reference::ALL {
            for method in Method::ALL {
                for sex in Sex::ALL {
                    let (mut ages, values) = inputs(&mut rng, 3000);
                    // In random order, then in increasing and decreasing age (long runs of one table).
                    for order in 0..3 {
                        if order == 1 {
                            ages.sort_by(f64::total_cmp);
                        } else if order == 2 {
                            ages.reverse();
                        }
                        let mut many = values.clone();
                        sds_for_measurements(reference, method, sex, &ages, &mut many);
                        for ((&age, &value), &sds) in ages.iter().zip(&values).zip(&many) {
                            let one = sds_for_measurement(reference, age, method, sex, value)
                                .unwrap_or(f64::NAN);
                            assert_eq!(
                                one.to_bits(),
                                sds.to_bits(),
                                "{reference:?} {method:?} {sex:?} age {age} value {value}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// A table read at two ages in increasing order is known to be selected from the first to where it stops
    /// being selected (or its last row), to within 1/4096 of the gap probed, and no further: ages in increasing
    /// order look each table up twice.
    #[test]
    fn a_table_read_twice_is_known_to_its_end() {
        let grid: Vec<f64> = (-100..=2100).map(|k| f64::from(k) / 100.0).collect();
        for reference in Reference::ALL {
            for method in Method::ALL {
                for sex in Sex::ALL {
                    let at = |t: f64| select(reference, t, method, sex, AtJoin::OlderTable).ok();
                    // Each table and the grid's ages that select it, in increasing order.
                    let mut tables: Vec<(&Table, Vec<f64>)> = Vec::new();
                    for &t in &grid {
                        let Some(table) = at(t) else { continue };
                        match tables.iter_mut().find(|(s, _)| std::ptr::eq(*s, table)) {
                            Some((_, ages)) => ages.push(t),
                            None => tables.push((table, vec![t])),
                        }
                    }
                    for (table, ages) in tables {
                        let (Some(&first), Some(&second), Some(&last), Some(&end)) =
                            (ages.first(), ages.get(1), ages.last(), table.age.last())
                        else {
                            continue;
                        };
                        let selects = |t: f64| at(t).is_some_and(|s| std::ptr::eq(s, table));
                        let mut spans = Spans::new(true);
                        spans.learn(table, first, &selects);
                        spans.learn(table, second, &selects);
                        let span = spans.current().expect("a span once a table is learnt");
                        let case = format!("{reference:?} {method:?} {sex:?} from {first}");
                        assert!(span.low == first && selects(span.high), "{case}");
                        assert!(
                            span.high >= last.min(end) - (end - second) / 4096.0,
                            "{case}: known to {}, selected to {last}",
                            span.high
                        );
                        // Tables with sigma (CDC BMI) are read by lms_at alone.
                        assert_eq!(span.plain.is_some(), table.sigma.is_none(), "{case}");
                        for &t in grid.iter().filter(|&&t| span.low <= t && t <= span.high) {
                            assert!(selects(t), "{case}: {t}");
                        }
                    }
                }
            }
        }
    }
}

//! CDC 2000 weight-for-length (infants, 45–103.5 cm) and weight-for-stature (77–121.5 cm), computed as CDC's SAS
//! program for the 2000 growth charts does: L, M and S interpolated linearly between the table's lengths, the
//! LMS z-score, and CDC's modified z-score for its implausible-value flag; and the modified z-score of the for-age
//! results the `cdc` reference reads from CDC 2000 tables.

use super::Fault;
use crate::engine::data::{chart_table, Chart, Table};
use crate::engine::references::{select, AtJoin};
use crate::{Method, Reference, Sex};

/// A CDC z-score, its modified z-score and the L, M and S it was read with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CdcScore {
    /// The LMS z-score.
    pub z: f64,
    /// CDC's modified z-score: the distance from the median in units of half the distance to ±2 SD.
    pub modified_z: f64,
}

/// The range of a CDC weight-for-length/stature table, cm.
pub(crate) fn length_range(chart: Chart) -> (f64, f64) {
    let table = chart_table(chart, Sex::Male);
    (table.age[0], table.age[table.age.len() - 1])
}

/// L, M and S at `cm`: linear between the table row at or below `cm` and the next one (the row itself at the
/// table's last length).
pub fn lms(chart: Chart, sex: Sex, cm: f64) -> Option<(f64, f64, f64)> {
    linear(chart_table(chart, sex), cm)
}

/// L, M and S of `table` at `at` (in its first column's terms): linear between the row at or below `at` and the
/// next one (the row itself at the last).
fn linear(table: &Table, at: f64) -> Option<(f64, f64, f64)> {
    let x = &table.age;
    let (first, last) = (*x.first()?, *x.last()?);
    if !(first..=last).contains(&at) {
        return None;
    }
    let row = x.partition_point(|&v| v <= at) - 1;
    if row + 1 == x.len() {
        return Some((table.l[row], table.m[row], table.s[row]));
    }
    let (x1, x2) = (x[row], x[row + 1]);
    let between = |c: &[f64]| c[row] + ((at - x1) * (c[row + 1] - c[row])) / (x2 - x1);
    Some((between(&table.l), between(&table.m), between(&table.s)))
}

/// The CDC SAS program's modified z-score of a for-age result of the `cdc` reference at `age` (chronological,
/// years): L, M and S linear in age between the rows of the CDC 2000 table either side, as the program reads its
/// reference file. `None` where the `cdc` reference does not read a CDC 2000 table: weight and length/height
/// under 2 years (read from WHO's tables, as CDC recommends) and ages outside the table.
pub fn for_age_modified_z(method: Method, sex: Sex, age: f64, value: f64) -> Option<f64> {
    if method != Method::Ofc && age < 2.0 {
        return None;
    }
    let table = select(Reference::Cdc, age, method, sex, AtJoin::OlderTable).ok()?;
    let (l, m, s) = linear(table, age)?;
    Some(scores(value, l, m, s).modified_z)
}

/// CDC's LMS z-score (log form where |L| < 0.01) and modified z-score for `y`.
pub fn scores(y: f64, l: f64, m: f64, s: f64) -> CdcScore {
    let z = if l.abs() >= 0.01 {
        ((y / m).powf(l) - 1.0) / (l * s)
    } else {
        (y / m).ln() / s
    };
    let modified_z = if y < m {
        (y - m) / ((m - m * (1.0 - 2.0 * l * s).powf(1.0 / l)) / 2.0)
    } else {
        (y - m) / ((m * (1.0 + 2.0 * l * s).powf(1.0 / l) - m) / 2.0)
    };
    CdcScore { z, modified_z }
}

/// CDC weight-for-length (`Chart::CdcWeightForLength`) or weight-for-stature (`Chart::CdcWeightForStature`).
pub fn weight_for_length(
    chart: Chart,
    sex: Sex,
    cm: f64,
    weight_kg: f64,
) -> Result<CdcScore, Fault> {
    let (from, to) = length_range(chart);
    let (l, m, s) = lms(chart, sex, cm).ok_or(Fault::LengthOutside { chart, from, to })?;
    Ok(scores(weight_kg, l, m, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_the_published_ones() {
        assert_eq!(length_range(Chart::CdcWeightForLength), (45.0, 103.5));
        assert_eq!(length_range(Chart::CdcWeightForStature), (77.0, 121.5));
    }

    #[test]
    fn rows_are_read_exactly_and_between_linearly() {
        let table = chart_table(Chart::CdcWeightForLength, Sex::Female);
        assert_eq!(
            lms(Chart::CdcWeightForLength, Sex::Female, 45.5),
            Some((table.l[1], table.m[1], table.s[1]))
        );
        let (_, m, _) = lms(Chart::CdcWeightForLength, Sex::Female, 46.0).unwrap();
        assert!((m - (table.m[1] + table.m[2]) / 2.0).abs() < 1e-12);
        assert!(lms(Chart::CdcWeightForLength, Sex::Female, 103.6).is_none());
        assert!(lms(Chart::CdcWeightForLength, Sex::Female, 103.5).is_some());
    }

    #[test]
    fn modified_z_is_two_at_the_two_sd_lines() {
        let (l, m, s) = (-1.2, 12.0, 0.09);
        let at = |z: f64| m * (1.0 + l * s * z).powf(1.0 / l);
        assert!((scores(at(2.0), l, m, s).modified_z - 2.0).abs() < 1e-12);
        assert!((scores(at(-2.0), l, m, s).modified_z + 2.0).abs() < 1e-12);
    }
}

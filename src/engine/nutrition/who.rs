//! WHO Child Growth Standards indicators beyond the dGC API, computed as WHO's own `anthro` package does:
//! weight-for-length/height (0.1 cm tables, linear interpolation between rows, length or height chosen by age
//! with the 0.7 cm adjustment) and arm circumference, triceps and subscapular skinfold for age (day-indexed tables,
//! age in completed days). All five use WHO's restricted tails beyond ±3 SD.

use super::{Fault, Position};
use crate::engine::data::{chart_table, Chart, Table};
use crate::engine::rounding::integer;
use crate::Sex;

/// Days in WHO Anthro's month (365.25 / 12).
const DAYS_PER_MONTH: f64 = 30.4375;
/// WHO scores these indicators below 60 months only.
const MONTHS_LIMIT: f64 = 60.0;
/// From this age in days WHO measures standing height; below it, recumbent length.
pub(crate) const HEIGHT_FROM_DAYS: i64 = 731;
/// The length/height adjustment between lying and standing, cm.
pub(crate) const POSITION_ADJUSTMENT_CM: f64 = 0.7;
/// Below 9 months WHO Anthro disregards a standing measurement's position (it flags it implausible).
const STANDING_PLAUSIBLE_FROM_MONTHS: f64 = 9.0;

/// A WHO z-score and what it was read from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WhoScore {
    /// The z-score (restricted tails beyond ±3).
    pub z: f64,
    /// The table read.
    pub chart: Chart,
    /// The table's x: the length/height after WHO's adjustment (cm), or the age in days.
    pub x: f64,
}

/// The z-score as WHO Anthro computes it (Box-Cox within ±3; beyond, the distance between the 2 and 3 SD
/// measurements as the unit, WHO Child Growth Standards technical report, chapter 7).
pub(crate) fn restricted_z(y: f64, l: f64, m: f64, s: f64) -> f64 {
    let at = |z: f64| m * (1.0 + l * s * z).powf(1.0 / l);
    let z = ((y / m).powf(l) - 1.0) / (s * l);
    if z > 3.0 {
        let sd3 = at(3.0);
        3.0 + (y - sd3) / (sd3 - at(2.0))
    } else if z < -3.0 {
        let sd3 = at(-3.0);
        -3.0 + (y - sd3) / (at(-2.0) - sd3)
    } else {
        z
    }
}

/// The measurement at `z` on WHO's restricted scale (the inverse of [`restricted_z`]).
pub(crate) fn restricted_measurement(z: f64, l: f64, m: f64, s: f64) -> f64 {
    let at = |z: f64| m * (1.0 + l * s * z).powf(1.0 / l);
    if z > 3.0 {
        at(3.0) + (z - 3.0) * (at(3.0) - at(2.0))
    } else if z < -3.0 {
        at(-3.0) + (z + 3.0) * (at(-2.0) - at(-3.0))
    } else {
        at(z)
    }
}

fn check_age(age_days: i64) -> Result<(), Fault> {
    if age_days < 0 || age_days as f64 / DAYS_PER_MONTH >= MONTHS_LIMIT {
        return Err(Fault::AgeOutside {
            from: "0 days",
            to: "60 months",
        });
    }
    Ok(())
}

/// Which WHO table serves a length/height measured in `position` at `age_days`, and the value to read it at:
/// length below 731 days, height from then, adjusting by 0.7 cm when the child was measured the other way.
pub(crate) fn length_or_height(age_days: i64, position: Position, cm: f64) -> (Chart, f64) {
    let months = age_days as f64 / DAYS_PER_MONTH;
    let position = if position == Position::Standing && months < STANDING_PLAUSIBLE_FROM_MONTHS {
        None
    } else {
        Some(position)
    };
    if age_days < HEIGHT_FROM_DAYS {
        let cm = match position {
            Some(Position::Standing) => cm + POSITION_ADJUSTMENT_CM,
            _ => cm,
        };
        (Chart::WhoWeightForLength, cm)
    } else {
        let cm = match position {
            Some(Position::Lying) => cm - POSITION_ADJUSTMENT_CM,
            _ => cm,
        };
        (Chart::WhoWeightForHeight, cm)
    }
}

/// The range of a weight-for-length/height table, cm.
pub(crate) fn length_range(chart: Chart) -> (f64, f64) {
    match chart {
        Chart::WhoWeightForLength => (45.0, 110.0),
        _ => (65.0, 120.0),
    }
}

/// L, M and S at `cm` as WHO Anthro reads them: the row at `cm` truncated to 0.1 cm, linearly towards the next
/// row by the remainder.
fn lms_at_length(table: &Table, cm: f64) -> Option<(f64, f64, f64)> {
    let tenths = (cm * 10.0).trunc();
    let low = tenths / 10.0;
    let upper = (cm * 10.0 + 1.0).trunc() / 10.0;
    let fraction = (cm - low) / 0.1;
    let first = *table.age.first()?;
    let row = integer::<usize>(tenths - (first * 10.0).round())?;
    if table.age.get(row) != Some(&low) {
        return None;
    }
    if fraction > 0.0 {
        if table.age.get(row + 1) != Some(&upper) {
            return None;
        }
        let between = |c: &[f64]| c[row] + fraction * (c[row + 1] - c[row]);
        Some((between(&table.l), between(&table.m), between(&table.s)))
    } else {
        Some((table.l[row], table.m[row], table.s[row]))
    }
}

/// WHO weight-for-length/height z-score for `weight_kg` at `cm` measured in `position`, at `age_days`.
pub fn weight_for_length_height(
    sex: Sex,
    age_days: i64,
    position: Position,
    cm: f64,
    weight_kg: f64,
) -> Result<WhoScore, Fault> {
    check_age(age_days)?;
    let (chart, x) = length_or_height(age_days, position, cm);
    let (from, to) = length_range(chart);
    if !(from..=to).contains(&x) {
        return Err(Fault::LengthOutside { chart, from, to });
    }
    let (l, m, s) = lms_at_length(chart_table(chart, sex), x).ok_or(Fault::LengthOutside {
        chart,
        from,
        to,
    })?;
    Ok(WhoScore {
        z: restricted_z(weight_kg, l, m, s),
        chart,
        x,
    })
}

/// The first and last day of the WHO arm circumference and skinfold tables.
pub const FOR_AGE_DAYS: (i64, i64) = (91, 1826);

/// WHO arm circumference (cm), triceps or subscapular skinfold (mm) for age z-score at `age_days` completed days.
pub fn for_age(chart: Chart, sex: Sex, age_days: i64, value: f64) -> Result<WhoScore, Fault> {
    check_age(age_days)?;
    let (first, last) = FOR_AGE_DAYS;
    if !(first..=last).contains(&age_days) {
        return Err(Fault::AgeOutside {
            from: "91 days (3 months)",
            to: "1826 days (5 years)",
        });
    }
    let table = chart_table(chart, sex);
    let row = (age_days - first) as usize;
    let (l, m, s) = (table.l[row], table.m[row], table.s[row]);
    Ok(WhoScore {
        z: restricted_z(value, l, m, s),
        chart,
        x: age_days as f64,
    })
}

/// L, M and S of a WHO chart at `x` (days, or cm for weight-for-length/height), for centile lines.
pub fn lms(chart: Chart, sex: Sex, x: f64) -> Option<(f64, f64, f64)> {
    let table = chart_table(chart, sex);
    match chart {
        Chart::WhoWeightForLength | Chart::WhoWeightForHeight => lms_at_length(table, x),
        _ => {
            let row = table.age.iter().position(|&d| d == x)?;
            Some((table.l[row], table.m[row], table.s[row]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restricted_z_inverts_restricted_measurement() {
        let (l, m, s) = (-0.3521, 10.0, 0.08);
        for z in [-7.5, -3.2, -3.0, -1.0, 0.0, 2.9, 3.0, 4.4, 8.0] {
            let y = restricted_measurement(z, l, m, s);
            assert!((restricted_z(y, l, m, s) - z).abs() < 1e-12, "{z}");
        }
    }

    #[test]
    fn position_is_adjusted_by_age() {
        let days_1y = 365;
        assert_eq!(
            length_or_height(days_1y, Position::Standing, 80.0),
            (Chart::WhoWeightForLength, 80.7)
        );
        assert_eq!(
            length_or_height(days_1y, Position::Lying, 80.0),
            (Chart::WhoWeightForLength, 80.0)
        );
        assert_eq!(
            length_or_height(800, Position::Lying, 90.0),
            (Chart::WhoWeightForHeight, 90.0 - 0.7)
        );
        // Standing before 9 months: WHO Anthro disregards the position.
        assert_eq!(
            length_or_height(200, Position::Standing, 65.0),
            (Chart::WhoWeightForLength, 65.0)
        );
    }

    #[test]
    fn range_and_age_limits() {
        let err = weight_for_length_height(Sex::Male, 100, Position::Lying, 44.9, 3.0);
        assert!(matches!(
            err,
            Err(Fault::LengthOutside {
                from: 45.0,
                to: 110.0,
                ..
            })
        ));
        assert!(weight_for_length_height(Sex::Male, 100, Position::Lying, 110.0, 20.0).is_ok());
        assert!(weight_for_length_height(Sex::Male, 1000, Position::Standing, 120.0, 20.0).is_ok());
        assert!(
            weight_for_length_height(Sex::Male, 1827, Position::Standing, 100.0, 15.0).is_err()
        );
        assert!(for_age(Chart::WhoArmCircumference, Sex::Female, 90, 13.0).is_err());
        assert!(for_age(Chart::WhoArmCircumference, Sex::Female, 91, 13.0).is_ok());
        assert!(for_age(Chart::WhoArmCircumference, Sex::Female, 1826, 16.0).is_ok());
    }
}

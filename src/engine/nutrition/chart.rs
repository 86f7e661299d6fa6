//! Centile lines of the tables beyond the dGC references, one point per table row: x is the table's own (length
//! or height in cm for weight-for-length/height, age in decimal years otherwise: WHO's day-indexed rows as
//! days / 365.25), y the measurement at the line's z by the publisher's rule (WHO's restricted tails beyond
//! ±3 SD; CDC's and IOTF's LMS), both unrounded.

use super::who;
use crate::engine::chart::{line_sds, line_specs, Line, Lines, Point};
use crate::engine::data::{chart_table, Chart};
use crate::Sex;

/// Whether `chart`'s rows are ages in days.
fn by_day(chart: Chart) -> bool {
    matches!(
        chart,
        Chart::WhoArmCircumference | Chart::WhoTricepsSkinfold | Chart::WhoSubscapularSkinfold
    )
}

/// The measurement at `z` on a row with L, M and S of `chart`, the inverse of the publisher's z-score (`None`
/// where the curve has no positive value there).
fn measurement(chart: Chart, z: f64, (l, m, s): (f64, f64, f64)) -> Option<f64> {
    let y = match chart {
        Chart::CdcWeightForLength | Chart::CdcWeightForStature if l.abs() < 0.01 => {
            m * (s * z).exp()
        }
        Chart::CdcWeightForLength | Chart::CdcWeightForStature | Chart::IotfBmi => {
            m * (1.0 + l * s * z).powf(1.0 / l)
        }
        _ => who::restricted_measurement(z, l, m, s),
    };
    (y.is_finite() && y > 0.0).then_some(y)
}

/// The lines of `chart` for `sex`, in the order asked (centiles and SDS values valid, as for the dGC charts).
pub fn lines(chart: Chart, sex: Sex, lines: &Lines) -> Vec<Line> {
    let t = chart_table(chart, sex);
    let scale = if by_day(chart) { 365.25 } else { 1.0 };
    line_specs(lines)
        .into_iter()
        .map(|spec| Line {
            sds: line_sds(spec.z),
            centile: spec.centile,
            label: spec.label,
            points: (0..t.age.len())
                .map(|i| Point {
                    x: t.age[i] / scale,
                    y: measurement(chart, spec.z, (t.l[i], t.m[i], t.s[i])),
                })
                .collect(),
        })
        .collect()
}

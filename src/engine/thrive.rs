//! Thrive lines (experimental, as in rcpchgrowth): the UK-WHO weights a baby would reach growing along a target
//! conditional centile, from the correlation between weight SDS at two ages (Cole, Arch Dis Child 1995; 73: 8–16).
//! Each step moves the SDS to `r·z + z_target·√(1 − r²)`.

use crate::engine::centiles::sds_for_centile;
use crate::engine::data::WEIGHT_CORRELATION_BY_MONTH;
use crate::engine::references::AtJoin;
use crate::engine::rounding::integer;
use crate::engine::sds::{measurement_from_sds, RoundingRule};
use crate::{Method, Reference, Sex};

/// The oldest age (months) the correlations cover.
pub(crate) const MAX_MONTHS: f64 = 12.0;

/// The correlation between weight SDS at `t1` and `t2` months (0–12), bilinearly interpolated between whole
/// months as rcpchgrowth does; at exactly 12 months it uses the last cell (rcpchgrowth fails there).
pub(crate) fn correlation(t1: f64, t2: f64) -> Option<f64> {
    if !(0.0..=MAX_MONTHS).contains(&t1) || !(0.0..=MAX_MONTHS).contains(&t2) {
        return None;
    }
    // t is within 0..=12 (checked above), so `integer` always answers.
    let cell = |t: f64| integer::<usize>(t).map_or(11, |c| c.min(11));
    let (x1, y1) = (cell(t1), cell(t2));
    let (x2, y2) = (x1 + 1, y1 + 1);
    let q = |x: usize, y: usize| WEIGHT_CORRELATION_BY_MONTH[x][y];
    let (fx1, fx2, fy1, fy2) = (x1 as f64, x2 as f64, y1 as f64, y2 as f64);
    Some(
        (q(x1, y1) * (fx2 - t1) * (fy2 - t2)
            + q(x2, y1) * (t1 - fx1) * (fy2 - t2)
            + q(x1, y2) * (fx2 - t1) * (t2 - fy1)
            + q(x2, y2) * (t1 - fx1) * (t2 - fy1))
            / ((fx2 - fx1) * (fy2 - fy1) + 0.0),
    )
}

/// A thrive line: one point per requested age.
#[derive(Clone, Debug, PartialEq)]
pub struct ThriveLine {
    /// The SDS at each age.
    pub zs: Vec<f64>,
    /// The ages, decimal years.
    pub ages: Vec<f64>,
    /// The UK-WHO weight (kg, 4 dp) at each age and SDS.
    pub observation_values: Vec<Option<f64>>,
}

/// The thrive line from weight SDS `start_sds` at `months[0]` through each later age in `months` (0–12), for a
/// baby growing at the `target_centile` conditional centile.
///
/// # Errors
/// `None` when an age is outside 0–12 months.
pub fn thrive_line(
    sex: Sex,
    start_sds: f64,
    months: &[f64],
    target_centile: f64,
) -> Option<ThriveLine> {
    let target = sds_for_centile(target_centile);
    let mut line = ThriveLine {
        zs: Vec::new(),
        ages: Vec::new(),
        observation_values: Vec::new(),
    };
    let mut z = start_sds;
    for (i, &t) in months.iter().enumerate() {
        let origin = if i == 0 {
            RoundingRule::Python
        } else {
            let r = correlation(months[i - 1], t)?;
            z = z * r + target * (1.0 - r * r).sqrt();
            RoundingRule::NumPy
        };
        let age = t / 12.0;
        let value = measurement_from_sds(
            Reference::UkWho,
            age,
            Method::Weight,
            sex,
            z,
            origin,
            AtJoin::OlderTable,
        )
        .ok()
        .flatten();
        line.zs.push(z);
        line.ages.push(age);
        line.observation_values.push(value);
    }
    Some(line)
}

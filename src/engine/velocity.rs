//! Growth velocity and acceleration from a child's last measurements (rcpchgrowth's experimental `velocity` and
//! `acceleration`): change per year between the most recent observations of one measurement. Not for clinical
//! decisions: velocity depends on age.

/// Units per year between the last two `(decimal age, value)` points, or `None` with fewer than two points or no
/// time between them.
pub fn velocity(points: &[(f64, f64)]) -> Option<f64> {
    let [.., (a0, v0), (a1, v1)] = points else {
        return None;
    };
    let v = (v1 - v0) / (a1 - a0);
    v.is_finite().then_some(v)
}

/// Change in velocity per year over the last three points: the last pair's velocity less the previous pair's,
/// divided by the last interval. `None` with fewer than three points or no time between them.
pub fn acceleration(points: &[(f64, f64)]) -> Option<f64> {
    let [.., (a0, v0), (a1, v1), (a2, v2)] = points else {
        return None;
    };
    let latest = (v2 - v1) / (a2 - a1);
    let previous = (v1 - v0) / (a1 - a0);
    let a = (latest - previous) / (a2 - a1);
    a.is_finite().then_some(a)
}

//! Charts, mid-parental heights and fictional series as flat arrays of numbers, which the package's JavaScript
//! turns back into the dGC objects (pkg-template/api.js `segments`, `midParentalHeight`, `fictionalChildData`).

use crate::engine::chart::{Segment, SegmentLines};
use crate::engine::measurement::{Birth, Observation};
use crate::engine::mid_parental::MidParentalHeight;

/// How many numbers come before the lines in [`mid_parental_height`].
pub const MID_PARENTAL_HEADER: usize = 5;

/// How many numbers come before the observations in [`fictional_child`].
pub const FICTIONAL_HEADER: usize = 4;

/// Chart segments: their count, then per segment its code (in [`Segment::ALL`] order), sex code, method code and
/// line count, then per line its sds, centile, label and point count followed by the x values and the y values
/// (NaN for none).
pub fn segments(segments: &[SegmentLines]) -> Vec<f64> {
    let mut out = vec![segments.len() as f64];
    for s in segments {
        let code = Segment::ALL
            .iter()
            .position(|&x| x == s.segment)
            .unwrap_or(0);
        out.extend([
            code as f64,
            s.sex as usize as f64,
            s.method as usize as f64,
            s.lines.len() as f64,
        ]);
        for line in &s.lines {
            out.extend([line.sds, line.centile, line.label, line.points.len() as f64]);
            out.extend(line.points.iter().map(|p| p.x));
            out.extend(line.points.iter().map(|p| p.y.unwrap_or(f64::NAN)));
        }
    }
    out
}

/// The height, SDS, centile, lower and upper values (NaN for none), then the centile, lower and upper lines as
/// [`segments`].
pub fn mid_parental_height(m: &MidParentalHeight) -> Vec<f64> {
    let mut out = vec![
        m.mid_parental_height.unwrap_or(f64::NAN),
        m.mid_parental_height_sds,
        m.mid_parental_height_centile,
        m.mid_parental_height_lower_value.unwrap_or(f64::NAN),
        m.mid_parental_height_upper_value.unwrap_or(f64::NAN),
    ];
    debug_assert_eq!(out.len(), MID_PARENTAL_HEADER);
    for lines in [
        &m.mid_parental_height_centile_data,
        &m.mid_parental_height_lower_centile_data,
        &m.mid_parental_height_upper_centile_data,
    ] {
        out.extend(segments(lines));
    }
    out
}

/// Gestation weeks and days, sex and method codes, then `YYYYMMDD, value` per observation (the birth date is
/// always [`crate::engine::fictional::birth_date`]).
pub fn fictional_child(birth: &Birth, observations: &[Observation]) -> Vec<f64> {
    let mut out = vec![
        f64::from(birth.gestation.weeks),
        f64::from(birth.gestation.days),
        birth.sex as usize as f64,
        birth.method as usize as f64,
    ];
    debug_assert_eq!(out.len(), FICTIONAL_HEADER);
    for o in observations {
        let (y, m, d) = o.observation_date.ymd();
        out.extend([
            f64::from(y * 10_000 + m as i32 * 100 + d as i32),
            o.observation_value,
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::centiles::CentileFormat;
    use crate::engine::chart::{chart, Lines};
    use crate::engine::rounding::integer;
    use crate::{Method, Reference, Sex};

    /// Reads [`segments`] back as (segment, sex, method, lines of (sds, centile, label, points)).
    type Decoded = (Segment, Sex, Method, Vec<(f64, f64, f64, Vec<(f64, f64)>)>);
    fn decode(f: &[f64], at: &mut usize) -> Vec<Decoded> {
        let mut next = || {
            *at += 1;
            f[*at - 1]
        };
        let index = |x: f64| integer::<usize>(x).expect("a count or index");
        let count = index(next());
        (0..count)
            .map(|_| {
                let segment = Segment::ALL[index(next())];
                let (sex, method) = (Sex::ALL[index(next())], Method::ALL[index(next())]);
                let lines = (0..index(next()))
                    .map(|_| {
                        let (sds, centile, label) = (next(), next(), next());
                        let n = index(next());
                        let xs: Vec<f64> = (0..n).map(|_| next()).collect();
                        let ys: Vec<f64> = (0..n).map(|_| next()).collect();
                        (sds, centile, label, xs.into_iter().zip(ys).collect())
                    })
                    .collect();
                (segment, sex, method, lines)
            })
            .collect()
    }

    #[test]
    fn segments_decode_to_the_chart() {
        let lines = Lines::Format(CentileFormat::ColeNine);
        let c = chart(Reference::UkWho, &lines, Method::Height, Sex::Female);
        let f = segments(&c.segments);
        let mut at = 0;
        let decoded = decode(&f, &mut at);
        assert_eq!(at, f.len());
        assert_eq!(decoded.len(), c.segments.len());
        for (d, s) in decoded.iter().zip(&c.segments) {
            assert_eq!((d.0, d.1, d.2), (s.segment, s.sex, s.method));
            for (dl, l) in d.3.iter().zip(&s.lines) {
                assert_eq!((dl.0, dl.1, dl.2), (l.sds, l.centile, l.label));
                let points: Vec<(f64, f64)> = l
                    .points
                    .iter()
                    .map(|p| (p.x, p.y.unwrap_or(f64::NAN)))
                    .collect();
                assert_eq!(dl.3.len(), points.len());
                for (a, b) in dl.3.iter().zip(&points) {
                    assert!(a.0 == b.0 && (a.1 == b.1 || a.1.is_nan() && b.1.is_nan()));
                }
            }
        }
    }

    #[test]
    fn mid_parental_height_and_fictional_series_have_their_headers() {
        let m = crate::engine::mid_parental::mid_parental_height(
            Reference::UkWho,
            163.0,
            178.0,
            Sex::Male,
        )
        .expect("plausible parents");
        let f = mid_parental_height(&m);
        assert_eq!(f[1], m.mid_parental_height_sds);
        let mut at = MID_PARENTAL_HEADER;
        for lines in [
            &m.mid_parental_height_centile_data,
            &m.mid_parental_height_lower_centile_data,
            &m.mid_parental_height_upper_centile_data,
        ] {
            assert_eq!(decode(&f, &mut at).len(), lines.len());
        }
        assert_eq!(at, f.len());
        let request =
            crate::dgc::value::Value::parse(r#"{"measurement_method":"weight","sex":"female"}"#)
                .expect("JSON");
        let (birth, observations) =
            crate::dgc::api::fictional_child_observations("uk-who", &request).expect("a series");
        let f = fictional_child(&birth, &observations);
        assert_eq!(f.len(), FICTIONAL_HEADER + 2 * observations.len());
        let (y, m, d) = observations[0].observation_date.ymd();
        let first = f64::from(y * 10_000 + m as i32 * 100 + d as i32);
        assert_eq!(
            f[FICTIONAL_HEADER..FICTIONAL_HEADER + 2],
            [first, observations[0].observation_value]
        );
    }
}

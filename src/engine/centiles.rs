//! Centiles from SDS and back, the named centile collections, and the centile band a measurement falls in.

use crate::engine::normal;
use crate::engine::rounding::integer;
use crate::Method;
use std::sync::OnceLock;

/// The centile (0–100) for an SDS: `100·Φ(sds)`, unrounded.
pub fn centile(sds: f64) -> f64 {
    normal::cdf(sds) * 100.0
}

/// The SDS for a centile: `Φ⁻¹(centile/100)`.
pub fn sds_for_centile(centile: f64) -> f64 {
    normal::ppf(centile / 100.0)
}

/// A named set of centile lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CentileFormat {
    /// 0.4th to 99.6th, two-thirds of an SD apart (UK charts).
    ColeNine,
    /// 3rd to 97th.
    ThreePercent,
    /// 5th to 95th.
    FivePercent,
    /// 5th to 99.99th, for CDC BMI.
    EightyFivePercent,
    /// 1st to 99th, as the WHO tables publish them.
    ExtendedWho,
}

impl CentileFormat {
    /// Every format.
    pub const ALL: [CentileFormat; 5] = [
        CentileFormat::ColeNine,
        CentileFormat::ThreePercent,
        CentileFormat::FivePercent,
        CentileFormat::EightyFivePercent,
        CentileFormat::ExtendedWho,
    ];

    /// Parses the dGC name, e.g. `cole-nine-centiles`.
    pub fn parse(name: &str) -> Option<CentileFormat> {
        CentileFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The dGC name.
    pub fn name(self) -> &'static str {
        match self {
            CentileFormat::ColeNine => "cole-nine-centiles",
            CentileFormat::ThreePercent => "three-percent-centiles",
            CentileFormat::FivePercent => "five-percent-centiles",
            CentileFormat::EightyFivePercent => "eighty-five-percent-centiles",
            CentileFormat::ExtendedWho => "extended-who-centiles",
        }
    }

    /// The centiles, lowest first.
    pub fn centiles(self) -> &'static [f64] {
        match self {
            CentileFormat::ColeNine => &[0.4, 2.0, 9.0, 25.0, 50.0, 75.0, 91.0, 98.0, 99.6],
            CentileFormat::ThreePercent => &[3.0, 5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 97.0],
            CentileFormat::FivePercent => &[5.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0],
            CentileFormat::EightyFivePercent => &[
                5.0, 10.0, 25.0, 50.0, 75.0, 85.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99,
            ],
            CentileFormat::ExtendedWho => &[
                1.0, 3.0, 5.0, 10.0, 15.0, 50.0, 85.0, 90.0, 95.0, 97.0, 99.0,
            ],
        }
    }

    /// Band edges: each centile's SDS ∓ a quarter of a Cole line spacing (0.25 × 0.666).
    fn edges(self) -> &'static [f64] {
        static EDGES: OnceLock<Vec<Vec<f64>>> = OnceLock::new();
        let all = EDGES.get_or_init(|| {
            let q = 0.25 * 0.666;
            CentileFormat::ALL
                .iter()
                .map(|f| {
                    f.centiles()
                        .iter()
                        .flat_map(|&c| [sds_for_centile(c) - q, sds_for_centile(c) + q])
                        .collect()
                })
                .collect()
        });
        &all[self as usize]
    }
}

/// Beyond ±4 SDS a measurement is treated as probably wrong rather than placed among the lines.
const ADVISORY_SDS: f64 = 4.0;

/// Where a measurement sits relative to a format's centile lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Band {
    /// Beyond ±4 SDS.
    WellOutside,
    /// Below the lowest line's band.
    BelowLines,
    /// Above the highest line's band.
    AboveLines,
    /// Within a quarter-spacing of this centile line.
    On(f64),
    /// Between two adjacent lines.
    Between(f64, f64),
}

impl Band {
    /// Classifies `sds` against `format` as rcpchgrowth does; `None` exactly on the top edge, where its ranges
    /// leave a gap.
    pub fn classify(sds: f64, format: CentileFormat) -> Option<Band> {
        let edges = format.edges();
        let centiles = format.centiles();
        if !(-ADVISORY_SDS..=ADVISORY_SDS).contains(&sds) {
            return Some(Band::WellOutside);
        }
        if sds <= edges[0] {
            return Some(Band::BelowLines);
        }
        if sds > edges[edges.len() - 1] {
            return Some(Band::AboveLines);
        }
        let r = edges.windows(2).position(|w| w[0] <= sds && sds < w[1])?;
        Some(if r % 2 == 0 {
            Band::On(centiles[r / 2])
        } else {
            Band::Between(centiles[r / 2], centiles[r / 2 + 1])
        })
    }
}

/// A centile as an English ordinal: 2 → "2nd", 91 → "91st", 0.4 → "0.4th", 12 → "12th".
pub fn ordinal(centile: f64) -> String {
    let mut text = crate::engine::rounding::decimal_text(centile, 2);
    let whole = centile.fract() == 0.0;
    let teen = whole && integer::<i64>(centile).is_some_and(|c| (11..=13).contains(&(c % 100)));
    let suffix = match (teen, text.chars().last()) {
        (false, Some('1')) if whole => "st",
        (false, Some('2')) if whole => "nd",
        (false, Some('3')) if whole => "rd",
        _ => "th",
    };
    text.push_str(suffix);
    text
}

/// A band for one measurement, rendered as a sentence in the response.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CentileBand {
    /// The classification.
    pub band: Band,
    /// What was measured.
    pub method: Method,
}

impl CentileBand {
    /// Every [`code`](Self::code) is below this.
    pub const CODES: u32 = 4 * 5 * 5 * 16 * 16;

    /// A small integer naming this sentence (method, format and band) so its text can be cached by callers.
    pub fn code(&self, format: CentileFormat) -> u32 {
        let index = |c: f64| format.centiles().iter().position(|&x| x == c).unwrap_or(0) as u32;
        let (kind, i, j) = match self.band {
            Band::WellOutside => (0, 0, 0),
            Band::BelowLines => (1, 0, 0),
            Band::AboveLines => (2, 0, 0),
            Band::On(c) => (3, index(c), 0),
            Band::Between(lo, hi) => (4, index(lo), index(hi)),
        };
        ((((self.method as u32) * 5 + format as u32) * 5 + kind) * 16 + i) * 16 + j
    }

    /// The band a [`code`](Self::code) names.
    pub fn from_code(code: u32) -> Option<CentileBand> {
        let (j, i) = ((code % 16) as usize, (code / 16 % 16) as usize);
        let kind = code / 256 % 5;
        let format = *CentileFormat::ALL.get((code / 1280 % 5) as usize)?;
        let method = *Method::ALL.get((code / 6400) as usize)?;
        let centiles = format.centiles();
        let band = match kind {
            0 => Band::WellOutside,
            1 => Band::BelowLines,
            2 => Band::AboveLines,
            3 => Band::On(*centiles.get(i)?),
            _ => Band::Between(*centiles.get(i)?, *centiles.get(j)?),
        };
        Some(CentileBand { band, method })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let got: Vec<String> = [0.4, 2.0, 9.0, 91.0, 99.6, 3.0, 99.99, 12.0, 21.0, 111.0]
            .map(ordinal)
            .into();
        assert_eq!(
            got,
            ["0.4th", "2nd", "9th", "91st", "99.6th", "3rd", "99.99th", "12th", "21st", "111th"]
        );
    }

    #[test]
    fn cole_band_edges() {
        assert_eq!(
            Band::classify(0.0, CentileFormat::ColeNine),
            Some(Band::On(50.0))
        );
        assert_eq!(
            Band::classify(-0.3, CentileFormat::ColeNine),
            Some(Band::Between(25.0, 50.0))
        );
        assert_eq!(
            Band::classify(-3.0, CentileFormat::ColeNine),
            Some(Band::BelowLines)
        );
        assert_eq!(
            Band::classify(4.5, CentileFormat::ColeNine),
            Some(Band::WellOutside)
        );
    }
}

//! Centile and SDS lines for drawing growth charts, as rcpchgrowth's `create_chart` builds them: the same
//! segments, ages, joins (two points at one age where tables meet) and rounding.

use crate::engine::centiles::{centile, sds_for_centile, CentileFormat};
use crate::engine::references::AtJoin;
use crate::engine::rounding::round_python;
use crate::engine::sds::{measurement_from_sds, CalcError, RoundingRule};
use crate::{Method, Reference, Sex};

/// A chart segment: one reference table's span, named as in the dGC JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// UK90 preterm, 23–42 weeks.
    Uk90Preterm,
    /// WHO 2006 within UK-WHO, 2 weeks to 2 years.
    UkWhoInfant,
    /// WHO 2006 within UK-WHO, 2 to 4 years.
    UkWhoChild,
    /// UK90, 4 to 20 years.
    Uk90Child,
    /// WHO 2006, 2 weeks to 2 years.
    Who2006Infant,
    /// WHO 2006, 2 to 5 years.
    Who2006Child,
    /// WHO 2007, 5 to 19 years.
    Who2007Child,
    /// Fenton preterm (no data: always empty).
    Fenton,
    /// CDC under 2 (3 for head circumference).
    CdcInfant,
    /// CDC 2 to 20 years.
    CdcChild,
    /// Turner syndrome.
    Turner,
    /// UK Down syndrome.
    Trisomy21,
    /// AAP Down syndrome, 1 month to 3 years.
    Trisomy21AapInfant,
    /// AAP Down syndrome, 3 to 20 years.
    Trisomy21AapChild,
}

impl Segment {
    /// Every segment, in code order.
    pub const ALL: [Segment; 14] = [
        Segment::Uk90Preterm,
        Segment::UkWhoInfant,
        Segment::UkWhoChild,
        Segment::Uk90Child,
        Segment::Who2006Infant,
        Segment::Who2006Child,
        Segment::Who2007Child,
        Segment::Fenton,
        Segment::CdcInfant,
        Segment::CdcChild,
        Segment::Turner,
        Segment::Trisomy21,
        Segment::Trisomy21AapInfant,
        Segment::Trisomy21AapChild,
    ];

    /// The key in the dGC JSON.
    pub fn name(self) -> &'static str {
        match self {
            Segment::Uk90Preterm => "uk90_preterm",
            Segment::UkWhoInfant => "uk_who_infant",
            Segment::UkWhoChild => "uk_who_child",
            Segment::Uk90Child => "uk90_child",
            Segment::Who2006Infant => "who_2006_infant",
            Segment::Who2006Child => "who_2006_child",
            Segment::Who2007Child => "who_2007_child",
            Segment::Fenton => "fenton",
            Segment::CdcInfant => "cdc_infant",
            Segment::CdcChild => "cdc_child",
            Segment::Turner => "turners-syndrome",
            Segment::Trisomy21 => "trisomy-21",
            Segment::Trisomy21AapInfant => "trisomy_21_aap_infant",
            Segment::Trisomy21AapChild => "trisomy_21_aap_child",
        }
    }

    /// The segments of a reference's chart, youngest first.
    pub fn of(reference: Reference) -> &'static [Segment] {
        match reference {
            Reference::UkWho => &[
                Segment::Uk90Preterm,
                Segment::UkWhoInfant,
                Segment::UkWhoChild,
                Segment::Uk90Child,
            ],
            Reference::Who => &[
                Segment::Who2006Infant,
                Segment::Who2006Child,
                Segment::Who2007Child,
            ],
            Reference::Cdc => &[Segment::Fenton, Segment::CdcInfant, Segment::CdcChild],
            Reference::TurnersSyndrome => &[Segment::Turner],
            Reference::Trisomy21 => &[Segment::Trisomy21],
            Reference::Trisomy21Aap => &[Segment::Trisomy21AapInfant, Segment::Trisomy21AapChild],
        }
    }

    /// The ages at which the segment's lines have points.
    fn ages(self, method: Method) -> &'static [f64] {
        match self {
            Segment::Uk90Preterm => &UK90_PRETERM,
            Segment::UkWhoInfant | Segment::Who2006Infant => &WHO_UNDER_TWOS,
            Segment::UkWhoChild => &WHO_OVER_TWOS[..25],
            Segment::Uk90Child => &UK90,
            Segment::Who2006Child => &WHO_OVER_TWOS,
            // rcpchgrowth's `WHO_2007_AGES` are its `TRISOMY_21_AGES` from 5 to 19 years.
            Segment::Who2007Child => &TRISOMY_21[60..229],
            Segment::Fenton => &[],
            Segment::CdcInfant => match method {
                Method::Ofc => &CDC_TO_THREE,
                Method::Height | Method::Weight => &WHO_UNDER_TWOS,
                Method::Bmi => &CDC_TO_THREE[..26],
            },
            Segment::CdcChild => &CDC_TWO_TWENTY,
            Segment::Turner => &TURNER,
            Segment::Trisomy21 => &TRISOMY_21,
            Segment::Trisomy21AapInfant => &AAP_INFANT,
            Segment::Trisomy21AapChild => &AAP_CHILD,
        }
    }

    /// Which table the point at `age` reads: the younger one where the segment's line runs up to a join.
    fn at_join(self, age: f64) -> AtJoin {
        let younger = match self {
            Segment::Uk90Preterm => age == 0.038329911,
            Segment::UkWhoInfant => age == 2.0,
            Segment::CdcInfant | Segment::Who2006Infant => age == 0.038329911 || age == 2.0,
            Segment::UkWhoChild => age == 4.0,
            Segment::Who2006Child => age == 5.0,
            Segment::Trisomy21AapInfant => age == 3.0,
            _ => false,
        };
        if younger {
            AtJoin::YoungerTable
        } else {
            AtJoin::OlderTable
        }
    }
}

/// Which lines to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Lines {
    /// A named set of centiles.
    Format(CentileFormat),
    /// Centiles (each strictly between 0 and 100).
    Centiles(Vec<f64>),
    /// SDS values (finite).
    Sds(Vec<f64>),
}

/// One point of a line; `y` is `None` where no finite measurement corresponds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Age, decimal years, rounded to 4 dp (on the charts beyond the dGC API, the table's own x, unrounded).
    pub x: f64,
    /// Measurement, rounded to 4 dp (beyond the dGC API, unrounded).
    pub y: Option<f64>,
}

/// One centile or SDS line within a segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The line's SDS, rounded to 2 dp.
    pub sds: f64,
    /// The line's centile.
    pub centile: f64,
    /// The label of every point: the centile, or the SDS to 3 dp for SDS lines.
    pub label: f64,
    /// The points, youngest first.
    pub points: Vec<Point>,
}

/// One segment's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentLines {
    /// The segment.
    pub segment: Segment,
    /// The sex drawn (Turner is always female).
    pub sex: Sex,
    /// The measurement drawn (Turner is always height).
    pub method: Method,
    /// The lines, in the order requested.
    pub lines: Vec<Line>,
}

/// A chart: the dGC `chart-coordinates` response.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The segments, youngest first.
    pub segments: Vec<SegmentLines>,
}

/// The z of a line, how rcpchgrowth carried it (which decides its rounding), its centile and its label.
pub(crate) struct LineSpec {
    pub(crate) z: f64,
    origin: RoundingRule,
    pub(crate) centile: f64,
    pub(crate) label: f64,
}

/// The lines asked for, as every reference draws them but UK-WHO's Cole chart: a centile's z unrounded, labelled
/// by the centile; an SDS line labelled by its SDS to 3 dp.
pub(crate) fn line_specs(lines: &Lines) -> Vec<LineSpec> {
    let from_centile = |c: &f64| LineSpec {
        z: sds_for_centile(*c),
        origin: RoundingRule::NumPy,
        centile: *c,
        label: *c,
    };
    match lines {
        Lines::Format(format) => format.centiles().iter().map(from_centile).collect(),
        Lines::Centiles(values) => values.iter().map(from_centile).collect(),
        Lines::Sds(values) => values
            .iter()
            .map(|&z| LineSpec {
                z,
                origin: RoundingRule::Python,
                centile: centile(z),
                label: round_python(z, 3),
            })
            .collect(),
    }
}

/// A line's `sds`: its z to 2 dp.
pub(crate) fn line_sds(z: f64) -> f64 {
    (z * 100.0).round_ties_even() / 100.0
}

fn specs(reference: Reference, lines: &Lines) -> Vec<LineSpec> {
    match lines {
        // UK-WHO's Cole chart rounds each line to a multiple of 2/3 SD; the median stays NumPy's exact zero.
        Lines::Format(CentileFormat::ColeNine) if reference == Reference::UkWho => {
            CentileFormat::ColeNine
                .centiles()
                .iter()
                .map(|&c| {
                    let z = sds_for_centile(c);
                    let (z, origin) = if z == 0.0 {
                        (z, RoundingRule::NumPy)
                    } else {
                        (
                            (z / (2.0 / 3.0)).round_ties_even() * (2.0 / 3.0),
                            RoundingRule::Python,
                        )
                    };
                    LineSpec {
                        z,
                        origin,
                        centile: c,
                        label: c,
                    }
                })
                .collect()
        }
        _ => line_specs(lines),
    }
}

/// The chart for a reference, measurement and sex. Turner charts are always girls' height, as the reference
/// has nothing else. Line values must be valid (centiles strictly between 0 and 100, finite SDS).
pub fn chart(reference: Reference, lines: &Lines, method: Method, sex: Sex) -> Chart {
    let (method, sex) = if reference == Reference::TurnersSyndrome {
        (Method::Height, Sex::Female)
    } else {
        (method, sex)
    };
    let specs = specs(reference, lines);
    let segments = Segment::of(reference)
        .iter()
        .map(|&segment| SegmentLines {
            segment,
            sex,
            method,
            lines: specs
                .iter()
                .map(|spec| {
                    let sds = if reference == Reference::Trisomy21 {
                        spec.origin.round(spec.z, 2)
                    } else {
                        line_sds(spec.z)
                    };
                    let z = spec.origin.round(spec.z, 4);
                    let points = segment
                        .ages(method)
                        .iter()
                        .filter_map(|&age| {
                            let at_join = segment.at_join(age);
                            let y = match measurement_from_sds(
                                reference,
                                age,
                                method,
                                sex,
                                z,
                                spec.origin,
                                at_join,
                            ) {
                                Ok(y) => y,
                                Err(CalcError::NotFinite) => None,
                                Err(_) => return None,
                            };
                            Some(Point {
                                x: round_python(age, 4),
                                y,
                            })
                        })
                        .collect();
                    Line {
                        sds,
                        centile: spec.centile,
                        label: spec.label,
                        points,
                    }
                })
                .collect(),
        })
        .collect();
    Chart { segments }
}

/// rcpchgrowth `UK_90_PRETERM_AGES`.
#[rustfmt::skip]
const UK90_PRETERM: [f64; 20] = [
    -0.325804244, -0.306639288, -0.287474333, -0.268309377, -0.249144422, -0.229979466, -0.210814511, -0.191649555,
    -0.1724846, -0.153319644, -0.134154689, -0.114989733, -0.095824778, -0.076659822, -0.057494867, -0.038329911,
    -0.019164956, 0.0, 0.019164956, 0.038329911,
];

/// rcpchgrowth `WHO_2006_UNDER_TWOS_AGES`.
#[rustfmt::skip]
const WHO_UNDER_TWOS: [f64; 36] = [
    0.038329911, 0.057494867, 0.076659822, 0.083333333, 0.095824778, 0.114989733, 0.134154689, 0.153319644,
    0.166666667, 0.1724846, 0.191649555, 0.210814511, 0.229979466, 0.249144422, 0.25, 0.333333333, 0.416666667, 0.5,
    0.583333333, 0.666666667, 0.75, 0.833333333, 0.916666667, 1.0, 1.083333333, 1.166666667, 1.25, 1.333333333,
    1.416666667, 1.5, 1.583333333, 1.666666667, 1.75, 1.833333333, 1.916666667, 2.0,
];

/// rcpchgrowth `WHO_2006_OVER_TWOS_AGES`.
#[rustfmt::skip]
const WHO_OVER_TWOS: [f64; 37] = [
    2.0, 2.083333333, 2.166666667, 2.25, 2.333333333, 2.416666667, 2.5, 2.583333333, 2.666666667, 2.75, 2.833333333,
    2.916666667, 3.0, 3.083333333, 3.166666667, 3.25, 3.333333333, 3.416666667, 3.5, 3.583333333, 3.666666667, 3.75,
    3.833333333, 3.916666667, 4.0, 4.083333333, 4.166666667, 4.25, 4.333333333, 4.416666667, 4.5, 4.583333333,
    4.666666667, 4.75, 4.833333333, 4.916666667, 5.0,
];

/// rcpchgrowth `UK90_AGES`.
#[rustfmt::skip]
const UK90: [f64; 193] = [
    4.0, 4.083, 4.167, 4.25, 4.333, 4.417, 4.5, 4.583, 4.667, 4.75, 4.833, 4.917, 5.0, 5.083, 5.167, 5.25, 5.333,
    5.417, 5.5, 5.583, 5.667, 5.75, 5.833, 5.917, 6.0, 6.083, 6.167, 6.25, 6.333, 6.417, 6.5, 6.583, 6.667, 6.75,
    6.833, 6.917, 7.0, 7.083, 7.167, 7.25, 7.333, 7.417, 7.5, 7.583, 7.667, 7.75, 7.833, 7.917, 8.0, 8.083, 8.167,
    8.25, 8.333, 8.417, 8.5, 8.583, 8.667, 8.75, 8.833, 8.917, 9.0, 9.083, 9.167, 9.25, 9.333, 9.417, 9.5, 9.583,
    9.667, 9.75, 9.833, 9.917, 10.0, 10.083, 10.167, 10.25, 10.333, 10.417, 10.5, 10.583, 10.667, 10.75, 10.833,
    10.917, 11.0, 11.083, 11.167, 11.25, 11.333, 11.417, 11.5, 11.583, 11.667, 11.75, 11.833, 11.917, 12.0, 12.083,
    12.167, 12.25, 12.333, 12.417, 12.5, 12.583, 12.667, 12.75, 12.833, 12.917, 13.0, 13.083, 13.167, 13.25, 13.333,
    13.417, 13.5, 13.583, 13.667, 13.75, 13.833, 13.917, 14.0, 14.083, 14.167, 14.25, 14.333, 14.417, 14.5, 14.583,
    14.667, 14.75, 14.833, 14.917, 15.0, 15.083, 15.167, 15.25, 15.333, 15.417, 15.5, 15.583, 15.667, 15.75, 15.833,
    15.917, 16.0, 16.083, 16.167, 16.25, 16.333, 16.417, 16.5, 16.583, 16.667, 16.75, 16.833, 16.917, 17.0, 17.083,
    17.167, 17.25, 17.333, 17.417, 17.5, 17.583, 17.667, 17.75, 17.833, 17.917, 18.0, 18.083, 18.167, 18.25, 18.333,
    18.417, 18.5, 18.583, 18.667, 18.75, 18.833, 18.917, 19.0, 19.083, 19.167, 19.25, 19.333, 19.417, 19.5, 19.583,
    19.667, 19.75, 19.833, 19.917, 20.0,
];

/// rcpchgrowth `CDC_TWO_TWENTY`.
#[rustfmt::skip]
const CDC_TWO_TWENTY: [f64; 218] = [
    2.0, 2.041666667, 2.125, 2.208333333, 2.291666667, 2.375, 2.458333333, 2.541666667, 2.625, 2.708333333,
    2.791666667, 2.875, 2.958333333, 3.041666667, 3.125, 3.208333333, 3.291666667, 3.375, 3.458333333, 3.541666667,
    3.625, 3.708333333, 3.791666667, 3.875, 3.958333333, 4.041666667, 4.125, 4.208333333, 4.291666667, 4.375,
    4.458333333, 4.541666667, 4.625, 4.708333333, 4.791666667, 4.875, 4.958333333, 5.041666667, 5.125, 5.208333333,
    5.291666667, 5.375, 5.458333333, 5.541666667, 5.625, 5.708333333, 5.791666667, 5.875, 5.958333333, 6.041666667,
    6.125, 6.208333333, 6.291666667, 6.375, 6.458333333, 6.541666667, 6.625, 6.708333333, 6.791666667, 6.875,
    6.958333333, 7.041666667, 7.125, 7.208333333, 7.291666667, 7.375, 7.458333333, 7.541666667, 7.625, 7.708333333,
    7.791666667, 7.875, 7.958333333, 8.041666667, 8.125, 8.208333333, 8.291666667, 8.375, 8.458333333, 8.541666667,
    8.625, 8.708333333, 8.791666667, 8.875, 8.958333333, 9.041666667, 9.125, 9.208333333, 9.291666667, 9.375,
    9.458333333, 9.541666667, 9.625, 9.708333333, 9.791666667, 9.875, 9.958333333, 10.04166667, 10.125, 10.20833333,
    10.29166667, 10.375, 10.45833333, 10.54166667, 10.625, 10.70833333, 10.79166667, 10.875, 10.95833333, 11.04166667,
    11.125, 11.20833333, 11.29166667, 11.375, 11.45833333, 11.54166667, 11.625, 11.70833333, 11.79166667, 11.875,
    11.95833333, 12.04166667, 12.125, 12.20833333, 12.29166667, 12.375, 12.45833333, 12.54166667, 12.625, 12.70833333,
    12.79166667, 12.875, 12.95833333, 13.04166667, 13.125, 13.20833333, 13.29166667, 13.375, 13.45833333, 13.54166667,
    13.625, 13.70833333, 13.79166667, 13.875, 13.95833333, 14.04166667, 14.125, 14.20833333, 14.29166667, 14.375,
    14.45833333, 14.54166667, 14.625, 14.70833333, 14.79166667, 14.875, 14.95833333, 15.04166667, 15.125, 15.20833333,
    15.29166667, 15.375, 15.45833333, 15.54166667, 15.625, 15.70833333, 15.79166667, 15.875, 15.95833333, 16.04166667,
    16.125, 16.20833333, 16.29166667, 16.375, 16.45833333, 16.54166667, 16.625, 16.70833333, 16.79166667, 16.875,
    16.95833333, 17.04166667, 17.125, 17.20833333, 17.29166667, 17.375, 17.45833333, 17.54166667, 17.625, 17.70833333,
    17.79166667, 17.875, 17.95833333, 18.04166667, 18.125, 18.20833333, 18.29166667, 18.375, 18.45833333, 18.54166667,
    18.625, 18.70833333, 18.79166667, 18.875, 18.95833333, 19.04166667, 19.125, 19.20833333, 19.29166667, 19.375,
    19.45833333, 19.54166667, 19.625, 19.70833333, 19.79166667, 19.875, 19.95833333, 20.0,
];

/// rcpchgrowth `CDC_TO_THREE_AGE`.
#[rustfmt::skip]
const CDC_TO_THREE: [f64; 39] = [
    0.0, 0.041666667, 0.125, 0.208333333, 0.291666667, 0.375, 0.458333333, 0.541666667, 0.625, 0.708333333,
    0.791666667, 0.875, 0.958333333, 1.041666667, 1.125, 1.208333333, 1.291666667, 1.375, 1.458333333, 1.541666667,
    1.625, 1.708333333, 1.791666667, 1.875, 1.958333333, 2.0, 2.041666667, 2.125, 2.208333333, 2.291666667, 2.375,
    2.458333333, 2.541666667, 2.625, 2.708333333, 2.791666667, 2.875, 2.958333333, 3.0,
];

/// rcpchgrowth `TURNER_AGES`.
#[rustfmt::skip]
const TURNER: [f64; 20] = [
    1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0,
];

/// rcpchgrowth `TRISOMY_21_AGES`.
#[rustfmt::skip]
const TRISOMY_21: [f64; 241] = [
    0.0, 0.08, 0.17, 0.25, 0.33, 0.42, 0.5, 0.58, 0.67, 0.75, 0.83, 0.92, 1.0, 1.08, 1.17, 1.25, 1.33, 1.42, 1.5,
    1.58, 1.67, 1.75, 1.83, 1.92, 2.0, 2.08, 2.17, 2.25, 2.33, 2.42, 2.5, 2.58, 2.67, 2.75, 2.83, 2.92, 3.0, 3.08,
    3.17, 3.25, 3.33, 3.42, 3.5, 3.58, 3.67, 3.75, 3.83, 3.92, 4.0, 4.08, 4.17, 4.25, 4.33, 4.42, 4.5, 4.58, 4.67,
    4.75, 4.83, 4.92, 5.0, 5.08, 5.17, 5.25, 5.33, 5.42, 5.5, 5.58, 5.67, 5.75, 5.83, 5.92, 6.0, 6.08, 6.17, 6.25,
    6.33, 6.42, 6.5, 6.58, 6.67, 6.75, 6.83, 6.92, 7.0, 7.08, 7.17, 7.25, 7.33, 7.42, 7.5, 7.58, 7.67, 7.75, 7.83,
    7.92, 8.0, 8.08, 8.17, 8.25, 8.33, 8.42, 8.5, 8.58, 8.67, 8.75, 8.83, 8.92, 9.0, 9.08, 9.17, 9.25, 9.33, 9.42,
    9.5, 9.58, 9.67, 9.75, 9.83, 9.92, 10.0, 10.08, 10.17, 10.25, 10.33, 10.42, 10.5, 10.58, 10.67, 10.75, 10.83,
    10.92, 11.0, 11.08, 11.17, 11.25, 11.33, 11.42, 11.5, 11.58, 11.67, 11.75, 11.83, 11.92, 12.0, 12.08, 12.17,
    12.25, 12.33, 12.42, 12.5, 12.58, 12.67, 12.75, 12.83, 12.92, 13.0, 13.08, 13.17, 13.25, 13.33, 13.42, 13.5,
    13.58, 13.67, 13.75, 13.83, 13.92, 14.0, 14.08, 14.17, 14.25, 14.33, 14.42, 14.5, 14.58, 14.67, 14.75, 14.83,
    14.92, 15.0, 15.08, 15.17, 15.25, 15.33, 15.42, 15.5, 15.58, 15.67, 15.75, 15.83, 15.92, 16.0, 16.08, 16.17,
    16.25, 16.33, 16.42, 16.5, 16.58, 16.67, 16.75, 16.83, 16.92, 17.0, 17.08, 17.17, 17.25, 17.33, 17.42, 17.5,
    17.58, 17.67, 17.75, 17.83, 17.92, 18.0, 18.08, 18.17, 18.25, 18.33, 18.42, 18.5, 18.58, 18.67, 18.75, 18.83,
    18.92, 19.0, 19.08, 19.17, 19.25, 19.33, 19.42, 19.5, 19.58, 19.67, 19.75, 19.83, 19.92, 20.0,
];

/// rcpchgrowth `TRISOMY_21_AAP_INFANT_AGES`.
#[rustfmt::skip]
const AAP_INFANT: [f64; 36] = [
    0.083333333, 0.166666667, 0.25, 0.333333333, 0.416666667, 0.5, 0.583333333, 0.666666667, 0.75, 0.833333333,
    0.916666667, 1.0, 1.083333333, 1.166666667, 1.25, 1.333333333, 1.416666667, 1.5, 1.583333333, 1.666666667, 1.75,
    1.833333333, 1.916666667, 2.0, 2.083333333, 2.166666667, 2.25, 2.333333333, 2.416666667, 2.5, 2.583333333,
    2.666666667, 2.75, 2.833333333, 2.916666667, 3.0,
];

/// rcpchgrowth `TRISOMY_21_AAP_CHILD_AGES`.
#[rustfmt::skip]
const AAP_CHILD: [f64; 35] = [
    3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0, 12.5, 13.0,
    13.5, 14.0, 14.5, 15.0, 15.5, 16.0, 16.5, 17.0, 17.5, 18.0, 18.5, 19.0, 19.5, 20.0,
];

//! Centile and SDS lines for drawing growth charts, as rcpchgrowth's `create_chart` builds them: the same
//! segments, ages, joins (two points at one age where tables meet) and rounding.

use crate::engine::centiles::{centile, sds_for_centile, CentileFormat};
use crate::engine::references::AtJoin;
use crate::engine::rounding::round_python;
use crate::engine::sds::{lms_for, measurement_from_lms, CalcError, RoundingRule};
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
    fn ages(self, method: Method) -> Vec<f64> {
        // (list, first row, rows)
        let (list, first, rows) = match self {
            Segment::Uk90Preterm => (UK90_PRETERM, 0, usize::MAX),
            Segment::UkWhoInfant | Segment::Who2006Infant => (WHO_UNDER_TWOS, 0, usize::MAX),
            Segment::UkWhoChild => (WHO_OVER_TWOS, 0, 25),
            Segment::Uk90Child => (UK90, 0, usize::MAX),
            Segment::Who2006Child => (WHO_OVER_TWOS, 0, usize::MAX),
            // rcpchgrowth's `WHO_2007_AGES` are its `TRISOMY_21_AGES` from 5 to 19 years.
            Segment::Who2007Child => (TRISOMY_21, 60, 169),
            Segment::Fenton => (TURNER, 0, 0),
            Segment::CdcInfant => match method {
                Method::Ofc => (CDC_TO_THREE, 0, usize::MAX),
                Method::Height | Method::Weight => (WHO_UNDER_TWOS, 0, usize::MAX),
                Method::Bmi => (CDC_TO_THREE, 0, 26),
            },
            Segment::CdcChild => (CDC_TWO_TWENTY, 0, usize::MAX),
            Segment::Turner => (TURNER, 0, usize::MAX),
            Segment::Trisomy21 => (TRISOMY_21, 0, usize::MAX),
            Segment::Trisomy21AapInfant => (AAP_INFANT, 0, usize::MAX),
            Segment::Trisomy21AapChild => (AAP_CHILD, 0, usize::MAX),
        };
        list.ages().skip(first).take(rows).collect()
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
        .map(|&segment| {
            // Each age's x and its L, M and S, looked up once for every line.
            let ages: Vec<_> = segment
                .ages(method)
                .into_iter()
                .map(|age| {
                    let at_join = segment.at_join(age);
                    let lms = lms_for(reference, age, method, sex, at_join);
                    (round_python(age, 4), lms)
                })
                .collect();
            SegmentLines {
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
                        let mut points = Vec::with_capacity(ages.len());
                        for &(x, lms) in &ages {
                            let y = match measurement_from_lms(
                                lms,
                                reference,
                                method,
                                z,
                                spec.origin,
                            ) {
                                Ok((y, _)) => y,
                                Err(CalcError::NotFinite) => None,
                                Err(_) => continue,
                            };
                            points.push(Point { x, y });
                        }
                        Line {
                            sds,
                            centile: spec.centile,
                            label: spec.label,
                            points,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Chart { segments }
}

/// A list of ages in whole numbers of `1 / scale` years, kept as the steps between them: gzip packs these into a
/// tenth of what the doubles took. Each age is `n / scale`, a correctly rounded division of two exact doubles, so
/// the same double as the decimal rcpchgrowth lists (a test reads every one back from its decimal).
#[derive(Clone, Copy)]
struct Ages {
    scale: f64,
    steps: &'static [i32],
}

impl Ages {
    fn ages(self) -> impl Iterator<Item = f64> {
        self.steps.iter().scan(0i64, move |n, &step| {
            *n += i64::from(step);
            Some(*n as f64 / self.scale)
        })
    }
}

/// The steps between `whole` numbers (at compile time: only the steps are in the binary).
const fn steps<const N: usize>(whole: [i64; N]) -> [i32; N] {
    let (mut out, mut i, mut last) = ([0; N], 0, 0);
    while i < N {
        let step = whole[i] - last;
        assert!(step >= i32::MIN as i64 && step <= i32::MAX as i64);
        out[i] = step as i32;
        last = whole[i];
        i += 1;
    }
    out
}

/// rcpchgrowth `UK_90_PRETERM_AGES`.
#[rustfmt::skip]
const UK90_PRETERM: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        -325804244, -306639288, -287474333, -268309377, -249144422, -229979466, -210814511, -191649555, -172484600,
        -153319644, -134154689, -114989733, -95824778, -76659822, -57494867, -38329911, -19164956, 0, 19164956, 38329911,
    ]),
};

/// rcpchgrowth `WHO_2006_UNDER_TWOS_AGES`.
#[rustfmt::skip]
const WHO_UNDER_TWOS: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        38329911, 57494867, 76659822, 83333333, 95824778, 114989733, 134154689, 153319644, 166666667, 172484600, 191649555,
        210814511, 229979466, 249144422, 250000000, 333333333, 416666667, 500000000, 583333333, 666666667, 750000000,
        833333333, 916666667, 1000000000, 1083333333, 1166666667, 1250000000, 1333333333, 1416666667, 1500000000,
        1583333333, 1666666667, 1750000000, 1833333333, 1916666667, 2000000000,
    ]),
};

/// rcpchgrowth `WHO_2006_OVER_TWOS_AGES`.
#[rustfmt::skip]
const WHO_OVER_TWOS: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        2000000000, 2083333333, 2166666667, 2250000000, 2333333333, 2416666667, 2500000000, 2583333333, 2666666667,
        2750000000, 2833333333, 2916666667, 3000000000, 3083333333, 3166666667, 3250000000, 3333333333, 3416666667,
        3500000000, 3583333333, 3666666667, 3750000000, 3833333333, 3916666667, 4000000000, 4083333333, 4166666667,
        4250000000, 4333333333, 4416666667, 4500000000, 4583333333, 4666666667, 4750000000, 4833333333, 4916666667,
        5000000000,
    ]),
};

/// rcpchgrowth `UK90_AGES`.
#[rustfmt::skip]
const UK90: Ages = Ages {
    scale: 1e3,
    steps: &steps([
        4000, 4083, 4167, 4250, 4333, 4417, 4500, 4583, 4667, 4750, 4833, 4917, 5000, 5083, 5167, 5250, 5333, 5417, 5500,
        5583, 5667, 5750, 5833, 5917, 6000, 6083, 6167, 6250, 6333, 6417, 6500, 6583, 6667, 6750, 6833, 6917, 7000, 7083,
        7167, 7250, 7333, 7417, 7500, 7583, 7667, 7750, 7833, 7917, 8000, 8083, 8167, 8250, 8333, 8417, 8500, 8583, 8667,
        8750, 8833, 8917, 9000, 9083, 9167, 9250, 9333, 9417, 9500, 9583, 9667, 9750, 9833, 9917, 10000, 10083, 10167,
        10250, 10333, 10417, 10500, 10583, 10667, 10750, 10833, 10917, 11000, 11083, 11167, 11250, 11333, 11417, 11500,
        11583, 11667, 11750, 11833, 11917, 12000, 12083, 12167, 12250, 12333, 12417, 12500, 12583, 12667, 12750, 12833,
        12917, 13000, 13083, 13167, 13250, 13333, 13417, 13500, 13583, 13667, 13750, 13833, 13917, 14000, 14083, 14167,
        14250, 14333, 14417, 14500, 14583, 14667, 14750, 14833, 14917, 15000, 15083, 15167, 15250, 15333, 15417, 15500,
        15583, 15667, 15750, 15833, 15917, 16000, 16083, 16167, 16250, 16333, 16417, 16500, 16583, 16667, 16750, 16833,
        16917, 17000, 17083, 17167, 17250, 17333, 17417, 17500, 17583, 17667, 17750, 17833, 17917, 18000, 18083, 18167,
        18250, 18333, 18417, 18500, 18583, 18667, 18750, 18833, 18917, 19000, 19083, 19167, 19250, 19333, 19417, 19500,
        19583, 19667, 19750, 19833, 19917, 20000,
    ]),
};

/// rcpchgrowth `CDC_TWO_TWENTY`.
#[rustfmt::skip]
const CDC_TWO_TWENTY: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        2000000000, 2041666667, 2125000000, 2208333333, 2291666667, 2375000000, 2458333333, 2541666667, 2625000000,
        2708333333, 2791666667, 2875000000, 2958333333, 3041666667, 3125000000, 3208333333, 3291666667, 3375000000,
        3458333333, 3541666667, 3625000000, 3708333333, 3791666667, 3875000000, 3958333333, 4041666667, 4125000000,
        4208333333, 4291666667, 4375000000, 4458333333, 4541666667, 4625000000, 4708333333, 4791666667, 4875000000,
        4958333333, 5041666667, 5125000000, 5208333333, 5291666667, 5375000000, 5458333333, 5541666667, 5625000000,
        5708333333, 5791666667, 5875000000, 5958333333, 6041666667, 6125000000, 6208333333, 6291666667, 6375000000,
        6458333333, 6541666667, 6625000000, 6708333333, 6791666667, 6875000000, 6958333333, 7041666667, 7125000000,
        7208333333, 7291666667, 7375000000, 7458333333, 7541666667, 7625000000, 7708333333, 7791666667, 7875000000,
        7958333333, 8041666667, 8125000000, 8208333333, 8291666667, 8375000000, 8458333333, 8541666667, 8625000000,
        8708333333, 8791666667, 8875000000, 8958333333, 9041666667, 9125000000, 9208333333, 9291666667, 9375000000,
        9458333333, 9541666667, 9625000000, 9708333333, 9791666667, 9875000000, 9958333333, 10041666670, 10125000000,
        10208333330, 10291666670, 10375000000, 10458333330, 10541666670, 10625000000, 10708333330, 10791666670, 10875000000,
        10958333330, 11041666670, 11125000000, 11208333330, 11291666670, 11375000000, 11458333330, 11541666670, 11625000000,
        11708333330, 11791666670, 11875000000, 11958333330, 12041666670, 12125000000, 12208333330, 12291666670, 12375000000,
        12458333330, 12541666670, 12625000000, 12708333330, 12791666670, 12875000000, 12958333330, 13041666670, 13125000000,
        13208333330, 13291666670, 13375000000, 13458333330, 13541666670, 13625000000, 13708333330, 13791666670, 13875000000,
        13958333330, 14041666670, 14125000000, 14208333330, 14291666670, 14375000000, 14458333330, 14541666670, 14625000000,
        14708333330, 14791666670, 14875000000, 14958333330, 15041666670, 15125000000, 15208333330, 15291666670, 15375000000,
        15458333330, 15541666670, 15625000000, 15708333330, 15791666670, 15875000000, 15958333330, 16041666670, 16125000000,
        16208333330, 16291666670, 16375000000, 16458333330, 16541666670, 16625000000, 16708333330, 16791666670, 16875000000,
        16958333330, 17041666670, 17125000000, 17208333330, 17291666670, 17375000000, 17458333330, 17541666670, 17625000000,
        17708333330, 17791666670, 17875000000, 17958333330, 18041666670, 18125000000, 18208333330, 18291666670, 18375000000,
        18458333330, 18541666670, 18625000000, 18708333330, 18791666670, 18875000000, 18958333330, 19041666670, 19125000000,
        19208333330, 19291666670, 19375000000, 19458333330, 19541666670, 19625000000, 19708333330, 19791666670, 19875000000,
        19958333330, 20000000000,
    ]),
};

/// rcpchgrowth `CDC_TO_THREE_AGE`.
#[rustfmt::skip]
const CDC_TO_THREE: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        0, 41666667, 125000000, 208333333, 291666667, 375000000, 458333333, 541666667, 625000000, 708333333, 791666667,
        875000000, 958333333, 1041666667, 1125000000, 1208333333, 1291666667, 1375000000, 1458333333, 1541666667,
        1625000000, 1708333333, 1791666667, 1875000000, 1958333333, 2000000000, 2041666667, 2125000000, 2208333333,
        2291666667, 2375000000, 2458333333, 2541666667, 2625000000, 2708333333, 2791666667, 2875000000, 2958333333,
        3000000000,
    ]),
};

/// rcpchgrowth `TURNER_AGES`.
#[rustfmt::skip]
const TURNER: Ages = Ages {
    scale: 1.0,
    steps: &steps([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]),
};

/// rcpchgrowth `TRISOMY_21_AGES`.
#[rustfmt::skip]
const TRISOMY_21: Ages = Ages {
    scale: 1e2,
    steps: &steps([
        0, 8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100, 108, 117, 125, 133, 142, 150, 158, 167, 175, 183, 192, 200, 208,
        217, 225, 233, 242, 250, 258, 267, 275, 283, 292, 300, 308, 317, 325, 333, 342, 350, 358, 367, 375, 383, 392, 400,
        408, 417, 425, 433, 442, 450, 458, 467, 475, 483, 492, 500, 508, 517, 525, 533, 542, 550, 558, 567, 575, 583, 592,
        600, 608, 617, 625, 633, 642, 650, 658, 667, 675, 683, 692, 700, 708, 717, 725, 733, 742, 750, 758, 767, 775, 783,
        792, 800, 808, 817, 825, 833, 842, 850, 858, 867, 875, 883, 892, 900, 908, 917, 925, 933, 942, 950, 958, 967, 975,
        983, 992, 1000, 1008, 1017, 1025, 1033, 1042, 1050, 1058, 1067, 1075, 1083, 1092, 1100, 1108, 1117, 1125, 1133,
        1142, 1150, 1158, 1167, 1175, 1183, 1192, 1200, 1208, 1217, 1225, 1233, 1242, 1250, 1258, 1267, 1275, 1283, 1292,
        1300, 1308, 1317, 1325, 1333, 1342, 1350, 1358, 1367, 1375, 1383, 1392, 1400, 1408, 1417, 1425, 1433, 1442, 1450,
        1458, 1467, 1475, 1483, 1492, 1500, 1508, 1517, 1525, 1533, 1542, 1550, 1558, 1567, 1575, 1583, 1592, 1600, 1608,
        1617, 1625, 1633, 1642, 1650, 1658, 1667, 1675, 1683, 1692, 1700, 1708, 1717, 1725, 1733, 1742, 1750, 1758, 1767,
        1775, 1783, 1792, 1800, 1808, 1817, 1825, 1833, 1842, 1850, 1858, 1867, 1875, 1883, 1892, 1900, 1908, 1917, 1925,
        1933, 1942, 1950, 1958, 1967, 1975, 1983, 1992, 2000,
    ]),
};

/// rcpchgrowth `TRISOMY_21_AAP_INFANT_AGES`.
#[rustfmt::skip]
const AAP_INFANT: Ages = Ages {
    scale: 1e9,
    steps: &steps([
        83333333, 166666667, 250000000, 333333333, 416666667, 500000000, 583333333, 666666667, 750000000, 833333333,
        916666667, 1000000000, 1083333333, 1166666667, 1250000000, 1333333333, 1416666667, 1500000000, 1583333333,
        1666666667, 1750000000, 1833333333, 1916666667, 2000000000, 2083333333, 2166666667, 2250000000, 2333333333,
        2416666667, 2500000000, 2583333333, 2666666667, 2750000000, 2833333333, 2916666667, 3000000000,
    ]),
};

/// rcpchgrowth `TRISOMY_21_AAP_CHILD_AGES`.
#[rustfmt::skip]
const AAP_CHILD: Ages = Ages {
    scale: 1e1,
    steps: &steps([
        30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125, 130, 135, 140, 145, 150, 155,
        160, 165, 170, 175, 180, 185, 190, 195, 200,
    ]),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sds::measurement_from_sds;

    /// Each age is the double its decimal reads as (`n` with the point moved by the scale's digits), bit for bit.
    #[test]
    fn every_age_is_its_decimal() {
        let lists = [
            UK90_PRETERM,
            WHO_UNDER_TWOS,
            WHO_OVER_TWOS,
            UK90,
            CDC_TWO_TWENTY,
            CDC_TO_THREE,
            TURNER,
            TRISOMY_21,
            AAP_INFANT,
            AAP_CHILD,
        ];
        for list in lists {
            let digits: usize =
                crate::engine::rounding::integer(list.scale.log10().round()).unwrap();
            let mut n = 0i64;
            for (&step, age) in list.steps.iter().zip(list.ages()) {
                n += i64::from(step);
                let text = format!("{:0>width$}", n.abs(), width = digits + 1);
                let (whole, fraction) = text.split_at(text.len() - digits);
                let sign = if n < 0 { "-" } else { "" };
                let decimal: f64 = format!("{sign}{whole}.{fraction}0").parse().unwrap();
                assert_eq!(age.to_bits(), decimal.to_bits(), "{sign}{whole}.{fraction}");
            }
            assert_eq!(list.ages().count(), list.steps.len());
        }
    }

    /// Every point of every chart is, bit for bit, what `measurement_from_sds` gives at its age on its own: the
    /// chart looks each age's L, M and S up once for all its lines, which must change no value.
    #[test]
    fn every_point_is_its_single_measurement() {
        let mut formats: Vec<Lines> = CentileFormat::ALL.into_iter().map(Lines::Format).collect();
        formats.push(Lines::Centiles(vec![1e-300, 0.4, 50.0, 99.999_999]));
        formats.push(Lines::Sds(vec![-20.0, -2.67, 0.0, 1.645, 1.7, 20.0]));
        for reference in Reference::ALL {
            for method in Method::ALL {
                for sex in Sex::ALL {
                    for lines in &formats {
                        let specs = specs(reference, lines);
                        for segment in chart(reference, lines, method, sex).segments {
                            for (line, spec) in segment.lines.iter().zip(&specs) {
                                let z = spec.origin.round(spec.z, 4);
                                let alone = |age: f64| {
                                    let y = match measurement_from_sds(
                                        reference,
                                        age,
                                        segment.method,
                                        segment.sex,
                                        z,
                                        spec.origin,
                                        segment.segment.at_join(age),
                                    ) {
                                        Ok(y) => y,
                                        Err(CalcError::NotFinite) => None,
                                        Err(_) => return None,
                                    };
                                    Some((round_python(age, 4).to_bits(), y.map(f64::to_bits)))
                                };
                                let expected: Vec<_> = segment
                                    .segment
                                    .ages(segment.method)
                                    .into_iter()
                                    .filter_map(alone)
                                    .collect();
                                let got: Vec<_> = line
                                    .points
                                    .iter()
                                    .map(|p| (p.x.to_bits(), p.y.map(f64::to_bits)))
                                    .collect();
                                assert_eq!(
                                    got, expected,
                                    "{reference:?} {method:?} {sex:?} {}",
                                    line.label
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

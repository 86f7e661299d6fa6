//! The dGC JSON of chart lines: centile and SDS charts, the mid-parental height response and thrive lines.

use super::nutrition::BeyondChart;
use crate::engine::chart::{Chart, Line, Point, SegmentLines};
use crate::engine::mid_parental::MidParentalHeight;
use crate::engine::thrive::ThriveLine;
use crate::{Method, Sex};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

struct PointOut<'a>(&'a Point, f64);

impl Serialize for PointOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("l", &self.1)?;
        map.serialize_entry("x", &self.0.x)?;
        map.serialize_entry("y", &self.0.y)?;
        map.end()
    }
}

struct PointsOut<'a>(&'a Line);

impl Serialize for PointsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.points.len()))?;
        for p in &self.0.points {
            seq.serialize_element(&PointOut(p, self.0.label))?;
        }
        seq.end()
    }
}

impl Serialize for Line {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("sds", &self.sds)?;
        map.serialize_entry("centile", &self.centile)?;
        // A line without points is `data: []`, as rcpchgrowth and the dGC server send it.
        map.serialize_entry("data", &PointsOut(self))?;
        map.end()
    }
}

/// `{height, weight, ofc, bmi}`: the lines under the method drawn, null under the others.
struct ByMethod<'a>(&'a SegmentLines);

impl Serialize for ByMethod<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Method::ALL.len()))?;
        for method in Method::ALL {
            map.serialize_entry(
                method.name(),
                &(method == self.0.method).then_some(&self.0.lines[..]),
            )?;
        }
        map.end()
    }
}

/// `{male, female}`: the methods under the sex drawn, null under the other.
struct BySex<'a>(&'a SegmentLines);

impl Serialize for BySex<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Sex::ALL.len()))?;
        for sex in Sex::ALL {
            map.serialize_entry(sex.name(), &(sex == self.0.sex).then_some(ByMethod(self.0)))?;
        }
        map.end()
    }
}

/// `{key: value}`.
struct Nested<'a, T: ?Sized>(&'a str, &'a T);

impl<T: Serialize + ?Sized> Serialize for Nested<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}

/// `{segment: {sex: {method: [lines]}}}` with every key of the dGC server's response model: both sexes and all
/// four methods are named, null where not drawn.
impl Serialize for SegmentLines {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Nested(self.segment.name(), &BySex(self)).serialize(serializer)
    }
}

impl Serialize for Chart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Nested("centile_data", &self.segments[..]).serialize(serializer)
    }
}

/// `{male, female}` of a chart beyond the dGC API: `{method: [lines]}` under the sex drawn, null under the other.
struct BeyondBySex<'a>(&'a BeyondChart);

impl Serialize for BeyondBySex<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = serializer.serialize_map(Some(Sex::ALL.len()))?;
        for sex in Sex::ALL {
            let lines = (sex == c.sex).then_some(Nested(c.method, &c.lines[..]));
            map.serialize_entry(sex.name(), &lines)?;
        }
        map.end()
    }
}

/// `{centile_data: [{table: {sex: {method: [lines]}}}]}`: the dGC chart's shape, one segment named after the table.
impl Serialize for BeyondChart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let segment = Nested(self.table, &BeyondBySex(self));
        Nested("centile_data", &[segment]).serialize(serializer)
    }
}

/// The mid-parental height response: its fields in order.
#[derive(serde::Serialize)]
#[serde(remote = "MidParentalHeight")]
struct MidParentalHeightJson {
    mid_parental_height: Option<f64>,
    mid_parental_height_sds: f64,
    mid_parental_height_centile: f64,
    mid_parental_height_centile_data: Vec<SegmentLines>,
    mid_parental_height_lower_centile_data: Vec<SegmentLines>,
    mid_parental_height_upper_centile_data: Vec<SegmentLines>,
    mid_parental_height_lower_value: Option<f64>,
    mid_parental_height_upper_value: Option<f64>,
}

impl Serialize for MidParentalHeight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        MidParentalHeightJson::serialize(self, serializer)
    }
}

/// A thrive line: its fields in order.
#[derive(serde::Serialize)]
#[serde(remote = "ThriveLine")]
struct ThriveLineJson {
    zs: Vec<f64>,
    ages: Vec<f64>,
    observation_values: Vec<Option<f64>>,
}

impl Serialize for ThriveLine {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ThriveLineJson::serialize(self, serializer)
    }
}

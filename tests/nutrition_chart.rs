//! chartCoordinates beyond the dGC API against the publishers: every vertex of every line is the measurement the
//! publisher places at that line's centile or z on that table row. CDC: the P3–P97 columns CDC publishes beside
//! L, M and S (reference-data/nutrition/cdc). WHO: the measurements WHO's `anthro` scores at exactly each z on
//! every row of every table, and IOTF: those the authors' `sitar` scores, both from tests/oracle/nutrition.R.
//! Weight-for-length/height lines run along the length or height in cm.

use centile::dgc::api::{chart_coordinates as dgc_chart, nutrition_chart_coordinates};
use centile::dgc::error::ValidationError;
use centile::dgc::value::Value;
use centile::engine::nutrition::Position;
use centile::engine::rounding::integer;
use centile::Sex;
use serde_json::{json, Value as Json};
use std::collections::{BTreeMap, HashMap};

mod common;
use common::{
    nutrition_rows, IotfCase, WhoForAgeCase, WhoWeightForLengthCase, NUTRITION_Z_ABS, ROUNDING_ABS,
};

/// A table CDC publishes (reference-data/nutrition/cdc/`file`): its header and its rows of numbers.
fn cdc_table(file: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let path = format!(
        "{}/reference-data/nutrition/cdc/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header = lines.next().unwrap().split(',').map(String::from).collect();
    let rows = lines
        .map(|l| l.split(',').map(|c| c.parse().unwrap()).collect())
        .collect();
    (header, rows)
}

fn request(sex: Sex, method: &str, lines: Json) -> Value {
    let mut r = json!({ "sex": sex.name(), "measurement_method": method });
    if lines.is_array()
        && lines
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v.as_f64().is_some())
    {
        r["centile_format"] = lines;
    }
    Value::parse(&r.to_string()).unwrap()
}

/// A chart's table key and its lines: each line's JSON and its `(x, y)` points.
type Drawn = (String, Vec<(Json, Vec<(f64, Option<f64>)>)>);

/// The lines of the chart of `method` on `reference` for `sex`: (the table's key, each line's sds/centile and
/// `(x, y)` points). Asserts the dGC shape: one segment, the other sex null, the method the only key.
fn chart(reference: &str, sex: Sex, method: &str, body: Value) -> Drawn {
    let chart = nutrition_chart_coordinates(reference, &body)
        .unwrap_or_else(|e| panic!("{reference} {method}: {e:?}"))
        .expect("a chart beyond the dGC API");
    let chart = serde_json::to_value(&chart).unwrap();
    let segments = chart["centile_data"].as_array().unwrap();
    assert_eq!(segments.len(), 1);
    let (key, by_sex) = segments[0].as_object().unwrap().iter().next().unwrap();
    let other = if sex == Sex::Male { "female" } else { "male" };
    assert_eq!(by_sex[other], Json::Null);
    let by_method = by_sex[sex.name()].as_object().unwrap();
    assert_eq!(by_method.keys().collect::<Vec<_>>(), [method]);
    let lines = by_method[method]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            let points = line["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| (p["x"].as_f64().unwrap(), p["y"].as_f64()))
                .collect();
            (line.clone(), points)
        })
        .collect();
    (key.clone(), lines)
}

/// The SDS lines at `zs`, asked 15 at a time (the most one request may ask).
fn sds_lines(reference: &str, sex: Sex, method: &str, zs: &[f64]) -> Drawn {
    let mut all = (String::new(), Vec::new());
    for part in zs.chunks(15) {
        let body = json!({ "sex": sex.name(), "measurement_method": method, "centile_format": part, "is_sds": true });
        let (table, lines) = chart(
            reference,
            sex,
            method,
            Value::parse(&body.to_string()).unwrap(),
        );
        all.0 = table;
        all.1.extend(lines);
    }
    all
}

/// CDC's published P3–P97 (every column the file has) at every row of weight-for-length and weight-for-stature,
/// both sexes, to 1e-6 kg; x is the table's length or stature in cm.
#[test]
fn cdc_lines_are_the_published_percentiles() {
    for (file, method, key) in [
        (
            "wtleninf.csv",
            "weight_for_length",
            "cdc_2000_weight_for_length",
        ),
        (
            "wtstat.csv",
            "weight_for_height",
            "cdc_2000_weight_for_stature",
        ),
    ] {
        let (header, published) = cdc_table(file);
        // Sex, Length (or Height), L, M, S, then the centiles.
        let centiles: Vec<f64> = header[5..]
            .iter()
            .map(|p| p.trim_start_matches('P').parse().unwrap())
            .collect();
        let (mut compared, mut largest) = (0, 0.0f64);
        for (sex, code) in [(Sex::Male, 1.0), (Sex::Female, 2.0)] {
            let rows: Vec<&Vec<f64>> = published.iter().filter(|r| r[0] == code).collect();
            let (table, lines) = chart("cdc", sex, method, request(sex, method, json!(centiles)));
            assert_eq!(table, key);
            for (i, ((line, points), c)) in lines.iter().zip(&centiles).enumerate() {
                assert_eq!(line["centile"], json!(c));
                assert_eq!(points.len(), rows.len(), "{file}: a point per row");
                for ((x, y), row) in points.iter().zip(&rows) {
                    assert_eq!(*x, row[1], "{file}: x is the {} in cm", header[1]);
                    let d = (y.unwrap() - row[5 + i]).abs();
                    assert!(
                        d <= NUTRITION_Z_ABS,
                        "{file} {x} cm P{c}: ours {y:?}, CDC {}",
                        row[5 + i]
                    );
                    largest = largest.max(d);
                    compared += 1;
                }
            }
        }
        println!("CDC {file}: {compared} vertices, largest difference {largest:e} kg");
        assert_eq!(compared, published.len() * centiles.len());
    }
}

/// The oracle rows of one WHO table grouped by sex and by the z WHO's `anthro` scored (each the z the case was
/// built at, to 1e-9): sex -> z (in millionths) -> (x, measurement).
type ByZ = BTreeMap<u8, BTreeMap<i64, Vec<(f64, f64)>>>;

fn group(rows: impl Iterator<Item = (Sex, f64, f64, f64)>) -> ByZ {
    let mut by: ByZ = BTreeMap::new();
    for (sex, x, value, z) in rows {
        let key: i64 = integer((z * 1e6).round()).expect("anthro's z is finite and small");
        assert!(
            (z - key as f64 / 1e6).abs() <= 1e-9,
            "anthro's z {z} is the case's"
        );
        by.entry(sex as u8)
            .or_default()
            .entry(key)
            .or_default()
            .push((x, value));
    }
    by
}

/// Each line at an oracle z passes through every oracle measurement at that z: the vertex with the case's x is
/// the case's measurement (to 1e-9, relative). Returns the number of vertices compared.
fn through(reference: &str, method: &str, key: &str, by: &ByZ, x_range: (f64, f64)) -> usize {
    let mut compared = 0;
    for (&sex_code, by_z) in by {
        let sex = if sex_code == Sex::Male as u8 {
            Sex::Male
        } else {
            Sex::Female
        };
        let zs: Vec<f64> = by_z.keys().map(|&k| k as f64 / 1e6).collect();
        let (table, lines) = sds_lines(reference, sex, method, &zs);
        assert_eq!(table, key);
        for ((line, points), cases) in lines.iter().zip(by_z.values()) {
            assert_eq!(
                (points[0].0, points[points.len() - 1].0),
                x_range,
                "{key}: x runs over the table"
            );
            let at: HashMap<u64, Option<f64>> =
                points.iter().map(|&(x, y)| (x.to_bits(), y)).collect();
            for &(x, value) in cases {
                let y = at[&x.to_bits()].unwrap_or_else(|| panic!("{key} {x}: no vertex"));
                assert!(
                    (y - value).abs() <= 1e-9 * value,
                    "{key} sds {} at {x}: ours {y}, anthro/sitar {value}",
                    line["sds"]
                );
                compared += 1;
            }
        }
    }
    compared
}

/// WHO weight-for-length (x: length, 45–110 cm) and weight-for-height (x: height, 65–120 cm): every 0.1 cm row
/// of both tables, both sexes, at z from -6.5 to 6.8 (beyond ±3 on WHO's restricted scale), against `anthro`.
#[test]
fn who_weight_for_length_height_lines_are_anthros() {
    let rows: Vec<WhoWeightForLengthCase> = nutrition_rows("who_weight_for_length_height");
    // The cases on a table row, measured as that table is (lying under 731 days, standing from): anthro reads
    // them without adjustment.
    let on_row = |r: &&WhoWeightForLengthCase, position: Position| {
        r.position == position
            && (r.age_days < 731) == (position == Position::Lying)
            && ((r.lenhei * 10.0).round() / 10.0 - r.lenhei).abs() < 1e-9
            && r.z.is_some()
    };
    for (method, key, position, range) in [
        (
            "weight_for_length",
            "who_2006_weight_for_length",
            Position::Lying,
            (45.0, 110.0),
        ),
        (
            "weight_for_height",
            "who_2006_weight_for_height",
            Position::Standing,
            (65.0, 120.0),
        ),
    ] {
        let cases = rows
            .iter()
            .filter(|r| on_row(r, position))
            .map(|r| (r.sex, r.lenhei, r.weight, r.z.unwrap()));
        let compared = through("who", method, key, &group(cases), range);
        println!("WHO {method}: {compared} vertices equal to anthro's");
        assert!(compared >= 2 * 551, "{method}: every row of both sexes");
    }
}

/// WHO arm circumference, triceps and subscapular skinfold for age (x: age in years, days 91–1826 / 365.25): every
/// day of each table, both sexes, against `anthro`.
#[test]
fn who_for_age_lines_are_anthros() {
    for (file, method, key) in [
        ("who_ac", "arm_circumference", "who_2006_arm_circumference"),
        ("who_ts", "triceps_skinfold", "who_2006_triceps_skinfold"),
        (
            "who_ss",
            "subscapular_skinfold",
            "who_2006_subscapular_skinfold",
        ),
    ] {
        let rows: Vec<WhoForAgeCase> = nutrition_rows(file);
        let cases = rows
            .iter()
            .filter(|r| (91..=1826).contains(&r.age_days))
            .map(|r| (r.sex, r.age_days as f64 / 365.25, r.value, r.z.unwrap()));
        let by = group(cases);
        let compared = through("who", method, key, &by, (91.0 / 365.25, 1826.0 / 365.25));
        println!("WHO {method}: {compared} vertices equal to anthro's");
        assert_eq!(compared, 2 * 1736);
    }
}

/// IOTF (x: age in years, 2–18 by half year): at each half-yearly row, the line at every z `sitar` scored passes
/// through the BMI it scored (z within the charts' ±8).
#[test]
fn iotf_lines_are_sitars() {
    let rows: Vec<IotfCase> = nutrition_rows("iotf");
    let mut by: BTreeMap<(u8, i64), Vec<(f64, f64)>> = BTreeMap::new();
    for r in &rows {
        let half_years = (r.age * 2.0).round();
        if (r.age * 2.0 - half_years).abs() < 1e-9 && (4.0..=36.0).contains(&half_years) {
            if let Some(z) = r.z.filter(|z| z.abs() <= 8.0) {
                by.entry((
                    r.sex as u8,
                    integer::<i64>(half_years).expect("2 to 18 years"),
                ))
                .or_default()
                .push((z, r.bmi));
            }
        }
    }
    let mut compared = 0;
    for ((sex_code, half_years), cases) in &by {
        let sex = if *sex_code == Sex::Male as u8 {
            Sex::Male
        } else {
            Sex::Female
        };
        let zs: Vec<f64> = cases.iter().map(|c| c.0).collect();
        let (table, lines) = sds_lines("iotf", sex, "bmi", &zs);
        assert_eq!(table, "iotf_bmi");
        let row = (half_years - 4) as usize;
        for ((_, points), &(_, bmi)) in lines.iter().zip(cases) {
            assert_eq!(points.len(), 33);
            assert_eq!(
                points[row].0,
                *half_years as f64 / 2.0,
                "x is the age in years"
            );
            let y = points[row].1.unwrap();
            assert!(
                (y - bmi).abs() <= 1e-9 * bmi,
                "IOTF {half_years}/2 years: ours {y}, sitar {bmi}"
            );
            compared += 1;
        }
    }
    println!("IOTF: {compared} vertices equal to sitar's");
    assert_eq!(compared, by.values().map(Vec::len).sum::<usize>());
    assert!(
        compared > 150,
        "every half-yearly row of both sexes, several lines each"
    );
}

/// The default lines are the Cole nine centiles, labelled and rounded as the dGC charts'; a line has no vertex
/// where the publisher's curve has no positive value.
#[test]
fn lines_are_labelled_as_the_dgc_charts() {
    let (_, lines) = chart(
        "who",
        Sex::Female,
        "weight_for_length",
        request(Sex::Female, "weight_for_length", Json::Null),
    );
    let centiles: Vec<f64> = lines
        .iter()
        .map(|(l, _)| l["centile"].as_f64().unwrap())
        .collect();
    assert_eq!(
        centiles,
        [0.4, 2.0, 9.0, 25.0, 50.0, 75.0, 91.0, 98.0, 99.6]
    );
    for (line, points) in &lines {
        let sds = line["sds"].as_f64().unwrap();
        let z = centile::engine::centiles::sds_for_centile(line["centile"].as_f64().unwrap());
        assert!((sds - (z * 100.0).round() / 100.0).abs() <= ROUNDING_ABS);
        assert!(line["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["l"] == line["centile"]));
        assert_eq!(points.len(), 651);
    }
    // CDC's weight-for-length at -8 SD: the LMS curve has no value where 1 + L·S·z ≤ 0.
    let (_, lines) = sds_lines("cdc", Sex::Male, "weight_for_length", &[-8.0, 8.0]);
    assert!(lines[0].1.iter().any(|p| p.1.is_none()) || lines[1].1.iter().any(|p| p.1.is_none()));
    assert!(lines
        .iter()
        .flat_map(|l| &l.1)
        .all(|p| p.1.is_none_or(|y| y > 0.0)));
}

fn error(reference: &str, body: Json) -> ValidationError {
    nutrition_chart_coordinates(reference, &Value::parse(&body.to_string()).unwrap())
        .err()
        .unwrap_or_else(|| panic!("{reference} {body}: no error"))
}

/// A method asked of a reference that lacks it: a 422 at the method naming it and the references that have it.
#[test]
fn an_unknown_combination_names_the_method_and_its_references() {
    for (reference, method, msg) in [
        ("cdc", "arm_circumference", "measurement_method arm_circumference is beyond the dGC API and only in the who reference"),
        ("cdc", "triceps_skinfold", "measurement_method triceps_skinfold is beyond the dGC API and only in the who reference"),
        ("uk-who", "weight_for_length", "measurement_method weight_for_length is beyond the dGC API and only in the who and cdc references"),
        ("trisomy-21", "weight_for_height", "measurement_method weight_for_height is beyond the dGC API and only in the who and cdc references"),
        ("iotf", "weight", "measurement_method: the iotf reference (beyond the dGC API) has bmi only"),
        ("iotf", "arm_circumference", "measurement_method: the iotf reference (beyond the dGC API) has bmi only"),
    ] {
        let e = error(reference, json!({"sex": "male", "measurement_method": method}));
        assert_eq!(e.status(), 422);
        let detail = serde_json::to_value(&e.detail).unwrap();
        assert_eq!(detail[0]["loc"], json!(["body", "measurement_method"]), "{reference} {method}");
        assert_eq!(detail[0]["msg"], msg, "{reference} {method}");
    }
    // The chart request's other rules hold: SDS lines within ±8, centiles strictly between 0 and 100, a sex.
    for (body, field) in [
        (
            json!({"sex": "male", "measurement_method": "weight_for_length", "centile_format": [9], "is_sds": true}),
            "centile_format",
        ),
        (
            json!({"sex": "male", "measurement_method": "weight_for_length", "centile_format": [100]}),
            "centile_format",
        ),
        (json!({"measurement_method": "arm_circumference"}), "sex"),
    ] {
        let detail = serde_json::to_value(&error("who", body.clone()).detail).unwrap();
        assert_eq!(detail[0]["loc"], json!(["body", field]), "{body}");
    }
    assert_eq!(
        error(
            "nowhere",
            json!({"sex": "male", "measurement_method": "weight_for_length"})
        )
        .status(),
        404
    );
    // A dGC chart request is not this function's; the dGC function has none of these methods.
    let dgc = json!({"sex": "male", "measurement_method": "weight"});
    assert!(
        nutrition_chart_coordinates("who", &Value::parse(&dgc.to_string()).unwrap())
            .unwrap()
            .is_none()
    );
    let beyond = json!({"sex": "male", "measurement_method": "weight_for_length"});
    assert!(dgc_chart("who", &Value::parse(&beyond.to_string()).unwrap()).is_err());
}

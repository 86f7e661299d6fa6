//! The indicators beyond the dGC references against independent implementations: WHO's `anthro` R package, the
//! IOTF authors' `sitar` R package and the CDC SAS program's logic on CDC's own reference file. The vectors are
//! written by tests/oracle/nutrition.R; every z-score must agree to 1e-6 and every flag and category exactly.

use centile::engine::data::Chart;
use centile::engine::nutrition::{cdc, flags, iotf, who, Position};
use centile::Sex;
use std::collections::HashMap;

mod common;
use common::{NUTRITION_Z_ABS, ROUNDING_ABS};

fn rows(name: &str) -> Vec<HashMap<String, String>> {
    let path = format!(
        "{}/tests/vectors/nutrition/{name}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(String::from))
                .collect()
        })
        .collect()
}

fn num(row: &HashMap<String, String>, key: &str) -> Option<f64> {
    match row[key].as_str() {
        "NA" => None,
        v => Some(v.parse().unwrap()),
    }
}

fn sex(row: &HashMap<String, String>) -> Sex {
    if row["sex"] == "1" {
        Sex::Male
    } else {
        Sex::Female
    }
}

/// Compares `ours` with `theirs` (both present or both absent), tracking the largest difference.
fn agree(what: &str, case: usize, ours: Option<f64>, theirs: Option<f64>, largest: &mut f64) {
    match (ours, theirs) {
        (Some(a), Some(b)) => {
            let d = (a - b).abs();
            assert!(
                d <= NUTRITION_Z_ABS,
                "{what} case {case}: ours {a}, theirs {b}"
            );
            *largest = largest.max(d);
        }
        (None, None) => {}
        _ => panic!("{what} case {case}: ours {ours:?}, theirs {theirs:?}"),
    }
}

fn who_flag(indicator: flags::Indicator, z: Option<f64>) -> Option<String> {
    z.map(|z| u8::from(flags::who(indicator, z).is_some()).to_string())
}

#[test]
fn who_weight_for_length_height_agrees_with_anthro() {
    let (mut largest, mut scored) = (0.0f64, 0);
    let cases = rows("who_weight_for_length_height");
    for (i, row) in cases.iter().enumerate() {
        let position = if row["position"] == "l" {
            Position::Lying
        } else {
            Position::Standing
        };
        let ours = who::weight_for_length_height(
            sex(row),
            row["age_days"].parse().unwrap(),
            position,
            num(row, "lenhei").unwrap(),
            num(row, "weight").unwrap(),
        )
        .ok()
        .map(|s| s.z);
        agree(
            "weight-for-length/height",
            i,
            ours,
            num(row, "z"),
            &mut largest,
        );
        let flag = (row["flag"] != "NA").then(|| row["flag"].clone());
        assert_eq!(
            who_flag(flags::Indicator::WeightForLengthHeight, ours),
            flag,
            "case {i}"
        );
        scored += usize::from(ours.is_some());
    }
    println!(
        "WHO weight-for-length/height: {} cases ({scored} scored), largest difference {largest:e}",
        cases.len()
    );
    assert!(scored > 4000);
}

#[test]
fn who_arm_circumference_and_skinfolds_agree_with_anthro() {
    for (name, chart, indicator) in [
        (
            "who_ac",
            Chart::WhoArmCircumference,
            flags::Indicator::ArmCircumferenceForAge,
        ),
        (
            "who_ts",
            Chart::WhoTricepsSkinfold,
            flags::Indicator::TricepsSkinfoldForAge,
        ),
        (
            "who_ss",
            Chart::WhoSubscapularSkinfold,
            flags::Indicator::SubscapularSkinfoldForAge,
        ),
    ] {
        let (mut largest, mut scored) = (0.0f64, 0);
        let cases = rows(name);
        for (i, row) in cases.iter().enumerate() {
            let ours = who::for_age(
                chart,
                sex(row),
                row["age_days"].parse().unwrap(),
                num(row, "value").unwrap(),
            )
            .ok()
            .map(|s| s.z);
            agree(name, i, ours, num(row, "z"), &mut largest);
            let flag = (row["flag"] != "NA").then(|| row["flag"].clone());
            assert_eq!(who_flag(indicator, ours), flag, "{name} case {i}");
            scored += usize::from(ours.is_some());
        }
        println!(
            "{name}: {} cases ({scored} scored), largest difference {largest:e}",
            cases.len()
        );
        assert_eq!(scored, 2 * 1736);
    }
}

#[test]
fn iotf_agrees_with_sitar() {
    let (mut largest_z, mut largest_bmi) = (0.0f64, 0.0f64);
    let cases = rows("iotf");
    for (i, row) in cases.iter().enumerate() {
        let ours = iotf::assess(sex(row), num(row, "age").unwrap(), num(row, "bmi").unwrap()).ok();
        agree(
            "IOTF z",
            i,
            ours.map(|s| s.z),
            num(row, "z"),
            &mut largest_z,
        );
        agree(
            "IOTF adult-equivalent BMI",
            i,
            ours.and_then(|s| s.adult_equivalent_bmi),
            num(row, "adult_equivalent_bmi"),
            &mut largest_bmi,
        );
        let category = ours.map(|s| {
            iotf::CUT_OFFS
                .iter()
                .position(|&(_, c)| c == s.category)
                .map_or(0, |p| p + 1)
                .to_string()
        });
        assert_eq!(
            category,
            (row["category"] != "NA").then(|| row["category"].clone()),
            "case {i}"
        );
    }
    println!(
        "IOTF: {} cases, largest difference z {largest_z:e}, adult-equivalent BMI {largest_bmi:e}",
        cases.len()
    );
}

/// The CDC SAS program's modified z-score and BIV flag of the `cdc` reference's for-age results (height, weight
/// and BMI from 2 years, head circumference to 3), through the flags `bulkCalculation` and the CLI give.
#[test]
fn cdc_for_age_flags_agree_with_the_sas_logic() {
    use centile::engine::nutrition::indicator::dgc_flags;
    use centile::{Method, Reference};
    let (mut largest, mut largest_edge, mut flagged, mut edges) = (0.0f64, 0.0f64, 0, 0);
    let cases = rows("cdc_for_age");
    for (i, row) in cases.iter().enumerate() {
        let method = Method::parse(&row["method"]).unwrap();
        let age = num(row, "age_days").unwrap() / 365.25;
        let value = num(row, "value").unwrap();
        let scores = dgc_flags(Reference::Cdc, method, sex(row), age, value, None)
            .flags
            .unwrap();
        let cdc = scores
            .cdc
            .unwrap_or_else(|| panic!("case {i}: no CDC score"));
        // Within half a month of a table's ends the program's reference file interpolates towards rows outside
        // the published tables (the infant chart's 23.5-month weight, 240.5 months, 36.5 months for head
        // circumference); centile stays within the table. There the modified z may differ by up to 1e-3.
        let months = age * 12.0;
        let edge = match method {
            Method::Weight => !(24.5..=239.5).contains(&months),
            Method::Ofc => months > 35.5,
            _ => false,
        };
        let theirs = num(row, "modified_z").unwrap();
        if edge {
            edges += 1;
            largest_edge = largest_edge.max((cdc.value - theirs).abs());
            assert!((cdc.value - theirs).abs() < 1e-3, "cdc_for_age case {i}");
        } else {
            agree(
                "cdc_for_age",
                i,
                Some(cdc.value),
                Some(theirs),
                &mut largest,
            );
        }
        let biv = match flags::cdc(cdc.indicator, cdc.value) {
            Some(flags::Flag::Low) => "-1",
            Some(flags::Flag::High) => "1",
            None => "0",
        };
        assert_eq!(biv, row["biv"], "cdc_for_age case {i}");
        flagged += usize::from(biv != "0");
    }
    println!(
        "cdc_for_age: {} cases ({flagged} flagged), largest difference modified z {largest:e} ({edges} cases \
         within half a month of a table's end: {largest_edge:e})",
        cases.len()
    );
    assert!(cases.len() > 900 && flagged > 50);
    // Under 2 years the cdc reference reads WHO's weight and length tables: no CDC score.
    let young = dgc_flags(Reference::Cdc, Method::Weight, Sex::Male, 1.0, 10.0, None);
    assert!(young.flags.unwrap().cdc.is_none());
}

#[test]
fn cdc_weight_for_length_and_stature_agree_with_the_sas_logic() {
    for (name, chart) in [
        ("cdc_weight_for_length", Chart::CdcWeightForLength),
        ("cdc_weight_for_stature", Chart::CdcWeightForStature),
    ] {
        let (mut largest_z, mut largest_modified) = (0.0f64, 0.0f64);
        let mut flagged = 0;
        let cases = rows(name);
        for (i, row) in cases.iter().enumerate() {
            let ours = cdc::weight_for_length(
                chart,
                sex(row),
                num(row, "cm").unwrap(),
                num(row, "weight").unwrap(),
            )
            .unwrap();
            agree(name, i, Some(ours.z), num(row, "z"), &mut largest_z);
            agree(
                name,
                i,
                Some(ours.modified_z),
                num(row, "modified_z"),
                &mut largest_modified,
            );
            let biv = match flags::cdc(flags::Indicator::WeightForLengthHeight, ours.modified_z) {
                Some(flags::Flag::Low) => "-1",
                Some(flags::Flag::High) => "1",
                None => "0",
            };
            assert_eq!(biv, row["biv"], "{name} case {i}");
            flagged += usize::from(biv != "0");
        }
        println!(
            "{name}: {} cases ({flagged} flagged), largest difference z {largest_z:e}, modified z {largest_modified:e}",
            cases.len()
        );
        assert!(flagged > 50);
    }
}

/// WHO's example survey as WHO's igrowup software scored it (2-decimal z-scores and flags): ours, rounded the same
/// way, must be equal, and the flags too. igrowup also scored children of 60-61 months (to day 1856); WHO's current software, anthro, and centile
/// score only below 60 months, so those children are left out.
#[test]
fn who_indicators_agree_with_whos_igrowup_survey() {
    let cases = rows("who_igrowup_survey");
    let (mut compared, mut largest) = (0, 0.0f64);
    for (i, row) in cases.iter().enumerate() {
        let sex = if row["gender"] == "1" {
            Sex::Male
        } else {
            Sex::Female
        };
        let days: i64 = row["age_days"].parse().unwrap();
        if days > who::FOR_AGE_DAYS.1 {
            continue;
        }
        let position = if row["measure"] == "l" {
            Position::Lying
        } else {
            Position::Standing
        };
        let weight_for_length = match (num(row, "weight"), num(row, "height")) {
            (Some(w), Some(h)) => who::weight_for_length_height(sex, days, position, h, w)
                .ok()
                .map(|s| s.z),
            _ => None,
        };
        let for_age = |key: &str, chart: Chart| {
            num(row, key).and_then(|v| who::for_age(chart, sex, days, v).ok().map(|s| s.z))
        };
        for (ours, z, f, indicator) in [
            (
                weight_for_length,
                "zwfl",
                "fwfl",
                flags::Indicator::WeightForLengthHeight,
            ),
            (
                for_age("muac", Chart::WhoArmCircumference),
                "zac",
                "fac",
                flags::Indicator::ArmCircumferenceForAge,
            ),
            (
                for_age("tri", Chart::WhoTricepsSkinfold),
                "zts",
                "fts",
                flags::Indicator::TricepsSkinfoldForAge,
            ),
            (
                for_age("sub", Chart::WhoSubscapularSkinfold),
                "zss",
                "fss",
                flags::Indicator::SubscapularSkinfoldForAge,
            ),
        ] {
            let theirs = num(row, z);
            assert_eq!(
                ours.is_some(),
                theirs.is_some(),
                "{z} case {i}: ours {ours:?}, theirs {theirs:?}"
            );
            if let (Some(a), Some(b)) = (ours, theirs) {
                let d = ((a * 100.0).round() / 100.0 - b).abs();
                assert!(d <= ROUNDING_ABS, "{z} case {i}: ours {a}, WHO {b}");
                largest = largest.max(d);
                assert_eq!(
                    who_flag(indicator, ours).as_deref(),
                    Some(row[f].as_str()),
                    "{f} case {i}"
                );
                compared += 1;
            }
        }
    }
    println!("WHO igrowup survey: {} children, {compared} z-scores, largest difference after rounding {largest:e}", cases.len());
    assert!(compared > 1500);
}

/// CDC's weight-for-length/stature files publish the 3rd to 97th centiles beside L, M and S: the weight we place at
/// each centile's z on each row must be CDC's to 1e-6 kg.
#[test]
fn cdc_centiles_are_the_published_ones() {
    for (file, chart) in [
        ("wtleninf.csv", Chart::CdcWeightForLength),
        ("wtstat.csv", Chart::CdcWeightForStature),
    ] {
        let path = format!(
            "{}/reference-data/nutrition/cdc/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let (mut compared, mut largest) = (0, 0.0f64);
        for line in lines {
            let cells: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
            let sex = if cells[0] == 1.0 {
                Sex::Male
            } else {
                Sex::Female
            };
            let (l, m, s) = cdc::lms(chart, sex, cells[1]).unwrap();
            for (name, published) in header.iter().zip(&cells).skip(5) {
                let p: f64 = name.trim_start_matches('P').parse().unwrap();
                let z = centile::engine::normal::ppf(p / 100.0);
                let ours = m * (1.0 + l * s * z).powf(1.0 / l);
                let d = (ours - published).abs();
                assert!(
                    d <= NUTRITION_Z_ABS,
                    "{file} {line}: P{p} ours {ours}, CDC {published}"
                );
                largest = largest.max(d);
                compared += 1;
            }
        }
        println!("CDC {file}: {compared} published centiles, largest difference {largest:e} kg");
    }
}

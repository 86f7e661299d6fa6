//! The indicators beyond the dGC references against independent implementations: WHO's `anthro` R package, the
//! IOTF authors' `sitar` R package and the CDC SAS program's logic on CDC's own reference file. The vectors are
//! written by tests/oracle/nutrition.R; every z-score must agree to 1e-6 and every flag and category exactly.

use centile::engine::data::Chart;
use centile::engine::nutrition::{cdc, flags, iotf, who};
use centile::Sex;

mod common;
use common::{
    nutrition_rows, CdcForAgeCase, CdcWeightForLengthCase, IgrowupCase, IotfCase, WhoForAgeCase,
    WhoWeightForLengthCase, NUTRITION_Z_ABS, ROUNDING_ABS,
};

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

/// WHO's flag for a z-score, as anthro writes it: 1 flagged, 0 not, none without a z-score.
fn who_flag(indicator: flags::Indicator, z: Option<f64>) -> Option<u8> {
    z.map(|z| u8::from(flags::who(indicator, z).is_some()))
}

/// The CDC SAS program's BIV flag for a modified z-score: -1 low, 1 high, 0 neither.
fn biv(indicator: flags::Indicator, modified_z: f64) -> i8 {
    match flags::cdc(indicator, modified_z) {
        Some(flags::Flag::Low) => -1,
        Some(flags::Flag::High) => 1,
        None => 0,
    }
}

#[test]
fn who_weight_for_length_height_agrees_with_anthro() {
    let (mut largest, mut scored) = (0.0f64, 0);
    let cases: Vec<WhoWeightForLengthCase> = nutrition_rows("who_weight_for_length_height");
    for (i, row) in cases.iter().enumerate() {
        let ours = who::weight_for_length_height(
            row.sex,
            row.age_days,
            row.position,
            row.lenhei,
            row.weight,
        )
        .ok()
        .map(|s| s.z);
        agree("weight-for-length/height", i, ours, row.z, &mut largest);
        assert_eq!(
            who_flag(flags::Indicator::WeightForLengthHeight, ours),
            row.flag,
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
        let cases: Vec<WhoForAgeCase> = nutrition_rows(name);
        for (i, row) in cases.iter().enumerate() {
            let ours = who::for_age(chart, row.sex, row.age_days, row.value)
                .ok()
                .map(|s| s.z);
            agree(name, i, ours, row.z, &mut largest);
            assert_eq!(who_flag(indicator, ours), row.flag, "{name} case {i}");
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
    let cases: Vec<IotfCase> = nutrition_rows("iotf");
    for (i, row) in cases.iter().enumerate() {
        let ours = iotf::assess(row.sex, row.age, row.bmi).ok();
        agree("IOTF z", i, ours.map(|s| s.z), row.z, &mut largest_z);
        agree(
            "IOTF adult-equivalent BMI",
            i,
            ours.and_then(|s| s.adult_equivalent_bmi),
            row.adult_equivalent_bmi,
            &mut largest_bmi,
        );
        let category = ours.map(|s| {
            iotf::CUT_OFFS
                .iter()
                .position(|&(_, c)| c == s.category)
                .map_or(0, |p| p + 1)
        });
        assert_eq!(category, row.category, "case {i}");
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
    let cases: Vec<CdcForAgeCase> = nutrition_rows("cdc_for_age");
    for (i, row) in cases.iter().enumerate() {
        let method = Method::parse(&row.method).unwrap();
        let age = row.age_days / 365.25;
        let scores = dgc_flags(Reference::Cdc, method, row.sex, age, row.value, None)
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
        let theirs = row.modified_z;
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
        let biv = biv(cdc.indicator, cdc.value);
        assert_eq!(biv, row.biv, "cdc_for_age case {i}");
        flagged += usize::from(biv != 0);
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
        let cases: Vec<CdcWeightForLengthCase> = nutrition_rows(name);
        for (i, row) in cases.iter().enumerate() {
            let ours = cdc::weight_for_length(chart, row.sex, row.cm, row.weight).unwrap();
            agree(name, i, Some(ours.z), Some(row.z), &mut largest_z);
            agree(
                name,
                i,
                Some(ours.modified_z),
                Some(row.modified_z),
                &mut largest_modified,
            );
            let biv = biv(flags::Indicator::WeightForLengthHeight, ours.modified_z);
            assert_eq!(biv, row.biv, "{name} case {i}");
            flagged += usize::from(biv != 0);
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
    let cases: Vec<IgrowupCase> = nutrition_rows("who_igrowup_survey");
    let (mut compared, mut largest) = (0, 0.0f64);
    for (i, row) in cases.iter().enumerate() {
        let (sex, days) = (row.sex, row.age_days);
        if days > who::FOR_AGE_DAYS.1 {
            continue;
        }
        let weight_for_length = match (row.weight, row.height) {
            (Some(w), Some(h)) => who::weight_for_length_height(sex, days, row.position, h, w)
                .ok()
                .map(|s| s.z),
            _ => None,
        };
        let for_age = |value: Option<f64>, chart: Chart| {
            value.and_then(|v| who::for_age(chart, sex, days, v).ok().map(|s| s.z))
        };
        for (ours, theirs, flag, z, indicator) in [
            (
                weight_for_length,
                row.zwfl,
                row.fwfl,
                "zwfl",
                flags::Indicator::WeightForLengthHeight,
            ),
            (
                for_age(row.muac, Chart::WhoArmCircumference),
                row.zac,
                row.fac,
                "zac",
                flags::Indicator::ArmCircumferenceForAge,
            ),
            (
                for_age(row.tri, Chart::WhoTricepsSkinfold),
                row.zts,
                row.fts,
                "zts",
                flags::Indicator::TricepsSkinfoldForAge,
            ),
            (
                for_age(row.sub, Chart::WhoSubscapularSkinfold),
                row.zss,
                row.fss,
                "zss",
                flags::Indicator::SubscapularSkinfoldForAge,
            ),
        ] {
            assert_eq!(
                ours.is_some(),
                theirs.is_some(),
                "{z} case {i}: ours {ours:?}, theirs {theirs:?}"
            );
            if let (Some(a), Some(b)) = (ours, theirs) {
                let d = ((a * 100.0).round() / 100.0 - b).abs();
                assert!(d <= ROUNDING_ABS, "{z} case {i}: ours {a}, WHO {b}");
                largest = largest.max(d);
                assert_eq!(who_flag(indicator, ours), flag, "{z} flag case {i}");
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

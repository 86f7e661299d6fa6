//! The embedded tables (src/engine/data/tables.rs) must reproduce reference-data/ exactly: every age, L, M, S and sigma,
//! bit for bit as Python's json module reads them, with the corrections of reference-data/corrections.json (and
//! only those) applied. `python3 reference-data/generate.py --check` guards the bytes.

use centile::engine::data::{table, Source};
use centile::{Method, Sex};
use serde_json::Value;

const FILES: [(Source, &str); 12] = [
    (Source::Uk90Preterm, "uk90_preterm.json"),
    (Source::Uk90Child, "uk90_child.json"),
    (Source::WhoInfants, "who/who_infants.json"),
    (Source::WhoChildren, "who/who_children.json"),
    (Source::Who2007, "who/who_2007_children.json"),
    (Source::WhoInfantsPre2025, "who/pre_2025/who_infants.json"),
    (Source::CdcInfants, "cdc_infants.json"),
    (Source::CdcChildren, "cdc2-20.json"),
    (Source::Trisomy21, "trisomy_21.json"),
    (Source::Trisomy21AapInfants, "trisomy_21_aap_infants.json"),
    (Source::Trisomy21AapChildren, "trisomy_21_aap_children.json"),
    (Source::Turner, "turner.json"),
];

fn reference_json(file: &str) -> Value {
    let path = format!("{}/reference-data/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The corrected value of a cell, if corrections.json corrects it (checking it still holds the verbatim value).
fn corrected(
    corrections: &[Value],
    file: &str,
    method: Method,
    sex: Sex,
    row: &Value,
    column: &str,
) -> Option<f64> {
    let c = corrections.iter().find(|c| {
        c["file"] == file
            && c["measurement"] == method.name()
            && c["sex"] == sex.name()
            && c["decimal_age"] == row["decimal_age"]
            && c["column"] == column
    })?;
    assert_eq!(c["verbatim"], row[column], "{c}");
    c["published"].as_f64()
}

#[test]
fn embedded_tables_equal_reference_json() {
    let mut arrays = 0;
    let mut applied = 0;
    let corrections = reference_json("corrections.json")["corrections"]
        .as_array()
        .unwrap()
        .clone();
    for (source, file) in FILES {
        let path = format!(
            "{}/reference-data/rcpchgrowth-4.6.5/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for method in Method::ALL {
            for sex in Sex::ALL {
                let rows = doc["measurement"][method.name()][sex.name()]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let usable = rows.first().is_some_and(|r| r["L"].is_number());
                let Some(t) = table(source, method, sex) else {
                    // Only arrays rcpchgrowth never reads are left out (see reference-data/generate.py).
                    continue;
                };
                assert!(usable, "{file} {method:?} {sex:?} embedded but not numeric");
                // The extended-BMI method reads sigma from every CDC BMI row.
                let extended = source == Source::CdcChildren && method == Method::Bmi;
                assert_eq!(
                    t.sigma.is_some(),
                    extended,
                    "{file} {method:?} {sex:?} sigma"
                );
                assert_eq!(t.age.len(), rows.len(), "{file} {method:?} {sex:?}");
                // The table lookup relies on rows being more than 0.0002 years apart.
                assert!(
                    t.age.windows(2).all(|w| w[1] - w[0] > 2e-4),
                    "{file} {method:?} {sex:?} rows too close"
                );
                for (i, row) in rows.iter().enumerate() {
                    let mut f = |k: &str| {
                        corrected(&corrections, file, method, sex, row, k)
                            .inspect(|_| applied += 1)
                            .unwrap_or_else(|| row[k].as_f64().unwrap())
                    };
                    assert_eq!(
                        t.age[i].to_bits(),
                        f("decimal_age").to_bits(),
                        "{file} {method:?} {sex:?} row {i}"
                    );
                    assert_eq!(t.l[i].to_bits(), f("L").to_bits());
                    assert_eq!(t.m[i].to_bits(), f("M").to_bits());
                    assert_eq!(t.s[i].to_bits(), f("S").to_bits());
                    if let Some(sigma) = &t.sigma {
                        assert_eq!(sigma[i].to_bits(), f("sigma").to_bits());
                    }
                }
                arrays += 1;
            }
        }
    }
    assert_eq!(arrays, 71, "number of embedded arrays");
    assert_eq!(
        applied,
        corrections.len(),
        "every correction applies to an embedded cell"
    );
}

#[test]
fn embedded_weight_correlations_equal_reference_json() {
    let path = format!(
        "{}/reference-data/rcpchgrowth-4.6.5/uk_who_weight_correlation_matrices/weight_correlation_by_month.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let rows = doc.as_array().unwrap();
    assert_eq!(rows.len(), 13);
    for (i, row) in rows.iter().enumerate() {
        for j in 0..13 {
            let want = row[j.to_string()].as_f64().unwrap();
            assert_eq!(
                centile::engine::data::WEIGHT_CORRELATION_BY_MONTH[i][j].to_bits(),
                want.to_bits(),
                "[{i}][{j}]"
            );
        }
    }
}

#[test]
fn embedded_nutrition_tables_equal_their_files() {
    use centile::engine::data::{chart_table, Chart};
    let tables = [
        (
            Chart::WhoWeightForLength,
            "who-anthro/wflanthro.txt",
            "length",
        ),
        (
            Chart::WhoWeightForHeight,
            "who-anthro/wfhanthro.txt",
            "height",
        ),
        (Chart::WhoArmCircumference, "who-anthro/acanthro.txt", "age"),
        (Chart::WhoTricepsSkinfold, "who-anthro/tsanthro.txt", "age"),
        (
            Chart::WhoSubscapularSkinfold,
            "who-anthro/ssanthro.txt",
            "age",
        ),
        (Chart::CdcWeightForLength, "cdc/wtleninf.csv", "length"),
        (Chart::CdcWeightForStature, "cdc/wtstat.csv", "height"),
        (Chart::IotfBmi, "iotf/iotf.csv", "years"),
    ];
    for (chart, file, x) in tables {
        let path = format!(
            "{}/reference-data/nutrition/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let delimiter = if file.ends_with(".txt") { '\t' } else { ',' };
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<String> = lines
            .next()
            .unwrap()
            .split(delimiter)
            .map(str::to_lowercase)
            .collect();
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(delimiter).collect()).collect();
        for (sex, code) in [(Sex::Male, "1"), (Sex::Female, "2")] {
            let t = chart_table(chart, sex);
            let sexed: Vec<&Vec<&str>> = rows.iter().filter(|r| r[column("sex")] == code).collect();
            assert_eq!(t.age.len(), sexed.len(), "{file} {sex:?}");
            for (i, row) in sexed.iter().enumerate() {
                let f = |name: &str| row[column(name)].parse::<f64>().unwrap().to_bits();
                let decoded = [t.age[i], t.l[i], t.m[i], t.s[i]].map(f64::to_bits);
                assert_eq!(
                    decoded,
                    [f(x), f("l"), f("m"), f("s")],
                    "{file} {sex:?} row {i}"
                );
            }
        }
    }
}

//! The `centile` command-line tool, run as a user runs it: the golden vectors through `calculate` (SDS and
//! centiles to 1e-9 against rcpchgrowth 4.6.5), bad rows, input round trip, column mapping, date formats, JSON
//! lines and every other subcommand against the library.

use centile::dgc::api;
use centile::dgc::value::Value;
use serde_json::Value as Json;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn centile(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_centile"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().expect("the binary finishes");
    feeder.join().unwrap().unwrap();
    out
}

fn ok(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = centile(args, stdin);
    assert!(
        out.status.success(),
        "centile {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "silent when stderr is not a terminal"
    );
    out.stdout
}

fn records(csv_bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn json(bytes: &[u8]) -> Json {
    serde_json::from_slice(bytes).unwrap()
}

fn to_value(json: &Json) -> Value {
    serde_json::from_value(json.clone()).unwrap()
}

#[path = "../src/bin/centile/columns.rs"]
mod columns;
use columns::OUTPUT_COLUMNS as OUTPUT;

mod common;
use common::{cases, Answer, CalculationCase, ROUNDING_ABS, SDS_ABS};

/// The golden calculation vectors as a CSV with an `id` column first and `reference` last; `gestation` writes
/// the weeks (e.g. as "40.0" to send every row through the general path).
fn vectors_csv(gestation: impl Fn(i64) -> String) -> (Vec<CalculationCase>, String) {
    let cases = cases::<CalculationCase>("calculation.json");
    let mut csv = String::from(
        "id,birth_date,observation_date,sex,measurement_method,observation_value,gestation_weeks,gestation_days,reference\n",
    );
    for (i, c) in cases.iter().enumerate() {
        csv += &format!(
            "{i},{},{},{},{},{},{},{},{}\n",
            c.birth_date,
            c.observation_date,
            c.sex,
            c.measurement_method,
            Json::from(c.observation_value),
            gestation(c.gestation_weeks),
            c.gestation_days,
            c.reference
        );
    }
    (cases, csv)
}

#[test]
fn golden_vectors_through_calculate() {
    let (cases, input) = vectors_csv(|w| w.to_string());
    let out = ok(&["calculate", "--reference", "who"], input.as_bytes());
    let (header, rows) = records(&out);
    let (in_header, in_rows) = records(input.as_bytes());
    assert_eq!(header[..in_header.len()], in_header[..]);
    assert_eq!(header[in_header.len()..], OUTPUT);
    assert_eq!(rows.len(), cases.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let num = |row: &[String], name: &str| -> Json {
        let cell = &row[col(name)];
        if cell.is_empty() {
            Json::Null
        } else {
            cell.parse::<f64>().unwrap().into()
        }
    };
    let mut failures = Vec::new();
    let (mut scored, mut errors) = (0, 0);
    for ((case, row), in_row) in cases.iter().zip(&rows).zip(&in_rows) {
        assert_eq!(row[..in_row.len()], in_row[..], "input columns round trip");
        let error = &row[col("error")];
        match &case.expected {
            Answer::Error(why) => {
                errors += 1;
                if error.is_empty() {
                    failures.push(format!("{case:?}: expected an error ({why})"));
                }
            }
            Answer::Value(w) => {
                scored += 1;
                // The row's error is the observation's flag: rcpchgrowth flags it when the corrected age has no
                // data (the other rows it flags are the "observation_value_error" strings above).
                if error.is_empty() == w.corrected.sds.is_none() {
                    failures.push(format!("{case:?}: error column {error:?}"));
                    continue;
                }
                let exact = [
                    ("chronological_decimal_age", w.chronological_decimal_age),
                    ("corrected_decimal_age", w.corrected_decimal_age),
                ];
                let close = [
                    ("corrected_sds", w.corrected.sds),
                    ("corrected_centile", w.corrected.centile),
                    ("chronological_sds", w.chronological.sds),
                    ("chronological_centile", w.chronological.centile),
                    (
                        "corrected_percentage_median_bmi",
                        w.corrected_percentage_median_bmi,
                    ),
                ];
                for (name, want) in exact {
                    if num(row, name) != want {
                        failures.push(format!("{case:?} {name}: got {}", num(row, name)));
                    }
                }
                for (name, want) in close {
                    let agree = match (num(row, name).as_f64(), want) {
                        (Some(g), Some(e)) => (g - e).abs() <= SDS_ABS,
                        (None, None) => true,
                        _ => false,
                    };
                    if !agree {
                        failures.push(format!("{case:?} {name}: got {}", num(row, name)));
                    }
                }
                for (name, band) in [
                    ("corrected_centile_band", &w.corrected.band),
                    ("chronological_centile_band", &w.chronological.band),
                ] {
                    if row[col(name)].is_empty() != band.is_none() {
                        failures.push(format!("{case:?} {name}: got {:?}", row[col(name)]));
                    }
                }
            }
        }
    }
    println!("{scored} scored and {errors} error rows checked");
    assert!(scored > 20_000 && errors > 1_000);
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn general_path_scores_exactly_as_the_fast_path() {
    // "40.0" is a valid gestation the fast reader does not take, so every row goes through the API's reader.
    let (_, fast) = vectors_csv(|w| w.to_string());
    let (_, general) = vectors_csv(|w| format!("{w}.0"));
    let scores = |input: &str| -> Vec<Vec<String>> {
        let (header, rows) = records(&ok(&["calculate"], input.as_bytes()));
        let first = header.len() - OUTPUT.len();
        rows.into_iter().map(|r| r[first..].to_vec()).collect()
    };
    assert_eq!(scores(&fast), scores(&general));
}

#[test]
fn jsonl_writes_the_api_objects_and_422_bodies() {
    let input =
        "birth_date,observation_date,observation_value,sex,measurement_method,gestation_weeks\n\
                 2019-04-02,2024-05-01,109.5,female,height,33\n\
                 2019-04-02,2024-05-01,-3,female,height,33\n";
    let out = ok(
        &["calculate", "--format", "jsonl", "--reference", "cdc"],
        input.as_bytes(),
    );
    let lines: Vec<Json> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(json)
        .collect();
    assert_eq!(lines.len(), 2);
    let request = serde_json::json!({"birth_date": "2019-04-02", "observation_date": "2024-05-01",
        "observation_value": 109.5, "sex": "female", "measurement_method": "height", "gestation_weeks": 33});
    let expected = api::calculation("cdc", &to_value(&request)).unwrap();
    assert_eq!(lines[0], serde_json::to_value(&expected).unwrap());
    assert_eq!(
        lines[1]["detail"][0]["loc"],
        serde_json::json!(["body", "observation_value"])
    );
    assert_eq!(lines[1]["detail"][0]["type"], "greater_than");
}

const HEADER: &str =
    "name,birth_date,observation_date,observation_value,sex,measurement_method,reference";

/// Runs `calculate` and returns each row's (input cells, error) and the scores of the first row.
fn bad_rows(input: &[u8], extra: &[&str]) -> Vec<(Vec<String>, String, String)> {
    let args: Vec<&str> = ["calculate"].iter().chain(extra).copied().collect();
    let (header, rows) = records(&ok(&args, input));
    let n = header.len() - OUTPUT.len();
    rows.into_iter()
        .map(|r| (r[..n].to_vec(), r[n + 2].clone(), r.last().unwrap().clone()))
        .collect()
}

#[test]
fn bad_rows_keep_their_data_and_say_why() {
    let input = format!(
        "\u{feff}{HEADER}\r\n\
         \"Smith, Jo\",2018-03-14,2028-03-14,140,male,height,uk-who\r\n\
         \"O'Brien, \"\"Al\"\"\",2018-03-14,2028-03-14,140,,height,\r\n\
         Lee,14/03/2018,2028-03-14,140,male,height,uk-who\r\n\
         Khan,2018-03-14,2028-03-14,140,male,height,nhs\r\n\
         Ng,2018-03-14,2028-03-14,,male,height,who\r\n\
         Ng,2028-03-14,2018-03-14,140,male,height,who\r\n\
         Short,2018-03-14\r\n\
         Ok,2018-03-14,2028-03-14,140,male,height,\r\n"
    );
    let rows = bad_rows(input.as_bytes(), &[]);
    let (in_header, in_rows) = records(input.as_bytes());
    assert_eq!(
        in_header[0], "name",
        "the BOM is not part of the first column's name"
    );
    assert_eq!(rows.len(), 8, "one output row per input row");
    for ((cells, _, _), input) in rows.iter().zip(&in_rows) {
        assert_eq!(cells[..input.len()], input[..]);
    }
    let errors: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(errors[0], "");
    assert_eq!(errors[1], "sex: Field required");
    assert_eq!(
        errors[2],
        "birth_date: Input should be a real calendar date written YYYY-MM-DD"
    );
    assert!(
        errors[3].starts_with("reference: Unknown reference"),
        "{}",
        errors[3]
    );
    assert_eq!(errors[4], "observation_value: Field required");
    assert_eq!(
        errors[5],
        "birth_date: The observation date is before the birth date."
    );
    assert_eq!(errors[6], "This row has 2 fields but the header has 7.");
    assert_eq!(errors[7], "", "an empty reference cell means --reference");
    assert_eq!(rows[0].1, rows[7].1, "the same child scores the same");
    assert!(
        errors
            .iter()
            .all(|e| !e.contains("140") && !e.contains("2018")),
        "no child's values in errors"
    );
}

#[test]
fn column_mapping_and_date_formats() {
    let iso = "dob,seen,cm,sex,measurement_method\n2018-03-14,2028-03-14,140,male,height\n";
    let uk = "dob,seen,cm,sex,measurement_method\n14/03/2018,14/03/2028,140,male,height\n2018-03-14,14/03/2028,140,male,height\n";
    let map = [
        "--column",
        "birth_date=dob",
        "--column",
        "observation_date=seen",
        "--column",
        "observation_value=cm",
    ];
    let a = bad_rows(iso.as_bytes(), &map);
    let uk_args: Vec<&str> = map
        .iter()
        .copied()
        .chain(["--date-format", "%d/%m/%Y"])
        .collect();
    let b = bad_rows(uk.as_bytes(), &uk_args);
    assert_eq!(a[0].2, "");
    assert_eq!(a[0].1, b[0].1, "same SDS whatever the date format");
    assert_eq!(
        b[1].2,
        "birth_date: Input should be a real calendar date written as %d/%m/%Y"
    );
}

#[test]
fn unusable_input_fails_with_a_clear_message() {
    let out = centile(
        &["calculate"],
        b"dob,observation_date,observation_value,sex\n2018-03-14,2028-03-14,140,male\n",
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains("no column birth_date, measurement_method"),
        "{msg}"
    );

    let out = centile(&["calculate", "/nonexistent/cohort.csv"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open /nonexistent/cohort.csv"));

    let out = centile(&["calculate", "--reference", "nhs"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Unknown reference"));
}

#[test]
fn single_value_commands_answer_as_the_library() {
    let sds = json(&ok(
        &[
            "sds",
            "--reference",
            "cdc",
            "--method",
            "bmi",
            "--sex",
            "male",
            "--age",
            "10",
            "30",
        ],
        b"",
    ));
    let args = serde_json::json!({"reference": "cdc", "measurement_method": "bmi", "sex": "male", "age": 10, "observation_value": 30});
    let z = api::sds_for_measurement(&to_value(&args)).unwrap();
    assert_eq!(sds["sds"], z);
    assert_eq!(sds["centile"], centile::engine::centiles::centile(z));

    let dated = json(&ok(
        &[
            "sds",
            "--method",
            "weight",
            "--sex",
            "female",
            "--birth-date",
            "2024-01-10",
            "--observation-date",
            "2024-05-02",
            "--gestation-weeks",
            "31",
            "--gestation-days",
            "2",
            "4.1",
        ],
        b"",
    ));
    let request = serde_json::json!({"birth_date": "2024-01-10", "observation_date": "2024-05-02", "observation_value": 4.1,
        "sex": "female", "measurement_method": "weight", "gestation_weeks": 31, "gestation_days": 2});
    let m = serde_json::to_value(api::calculation("uk-who", &to_value(&request)).unwrap()).unwrap();
    let values = &m["measurement_calculated_values"];
    for key in [
        "corrected_sds",
        "chronological_sds",
        "corrected_centile_band",
    ] {
        assert_eq!(dated[key], values[key], "{key}");
    }
    assert_eq!(
        dated["corrected_decimal_age"],
        m["measurement_dates"]["corrected_decimal_age"]
    );

    let w = json(&ok(
        &[
            "measurement",
            "--method",
            "weight",
            "--sex",
            "male",
            "--age",
            "1",
            "--sds",
            "-1.5",
        ],
        b"",
    ));
    let args = serde_json::json!({"reference": "uk-who", "measurement_method": "weight", "sex": "male", "age": 1, "sds": -1.5});
    assert_eq!(
        w["observation_value"],
        api::measurement_from_sds(&to_value(&args)).unwrap()
    );
    let c = json(&ok(
        &[
            "measurement",
            "--method",
            "weight",
            "--sex",
            "male",
            "--age",
            "1",
            "--centile",
            "50",
        ],
        b"",
    ));
    assert!((c["sds"].as_f64().unwrap()).abs() < ROUNDING_ABS);

    let age = json(&ok(
        &["age", "2023-01-31", "2024-06-01", "--gestation-weeks", "32"],
        b"",
    ));
    assert_eq!(age["chronological_decimal_age"], 487.0 / 365.25);
    assert_eq!(age["corrected_decimal_age"], (487.0 - 56.0) / 365.25);
    assert_eq!(age["estimated_date_delivery"], "2023-03-28");

    let mph = json(&ok(
        &[
            "mid-parental-height",
            "--maternal",
            "163",
            "--paternal",
            "178",
            "--sex",
            "female",
        ],
        b"",
    ));
    let request =
        serde_json::json!({"height_maternal": 163, "height_paternal": 178, "sex": "female"});
    assert_eq!(
        mph,
        serde_json::to_value(api::mid_parental_height(&to_value(&request)).unwrap()).unwrap()
    );

    let chart = json(&ok(
        &[
            "chart",
            "--reference",
            "who",
            "--sex",
            "male",
            "--method",
            "weight",
            "--sds=-2,0,2",
        ],
        b"",
    ));
    let request = serde_json::json!({"sex": "male", "measurement_method": "weight", "centile_format": [-2, 0, 2], "is_sds": true});
    assert_eq!(
        chart,
        serde_json::to_value(api::chart_coordinates("who", &to_value(&request)).unwrap()).unwrap()
    );

    let child = json(&ok(
        &[
            "fictional-child",
            "--method",
            "height",
            "--sex",
            "male",
            "--end-age",
            "4",
            "--interval-number",
            "6",
            "--noise",
            "--seed",
            "42",
        ],
        b"",
    ));
    let request = serde_json::json!({"measurement_method": "height", "sex": "male", "end_age": 4,
        "measurement_interval_number": 6, "noise": true, "seed": 42});
    let expected = api::fictional_child_data("uk-who", &to_value(&request)).unwrap();
    assert_eq!(child, serde_json::to_value(expected).unwrap());
}

#[test]
fn bad_arguments_give_the_api_message() {
    let out = centile(
        &[
            "sds", "--method", "height", "--sex", "boy", "--age", "5", "110",
        ],
        b"",
    );
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "centile: sex: Input should be 'male' or 'female'\n"
    );
    for command in [
        "calculate",
        "sds",
        "measurement",
        "age",
        "mid-parental-height",
        "chart",
        "fictional-child",
    ] {
        let help = ok(&[command, "--help"], b"");
        assert!(
            String::from_utf8_lossy(&help).contains("Examples:"),
            "{command} --help has examples"
        );
    }
}

/// `centile fhir`: one patient's NDJSON resources in, result Observations out (the library's, line for line);
/// resources not used and measurements not scored are named on standard error; two patients are refused.
#[test]
fn fhir_ndjson() {
    let lines = [
        r#"{"resourceType":"Patient","id":"p","birthDate":"2020-01-10","gender":"female"}"#,
        r#"{"resourceType":"Observation","id":"ga","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"76516-4"}]},"effectiveDateTime":"2020-01-10","valueQuantity":{"value":32,"unit":"wk","system":"http://unitsofmeasure.org","code":"wk"}}"#,
        r#"{"resourceType":"Observation","id":"w1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"effectiveDateTime":"2020-03-01T23:30:00-05:00","valueQuantity":{"value":2100,"unit":"g","system":"http://unitsofmeasure.org","code":"g"}}"#,
        "",
        r#"{"resourceType":"Observation","id":"w2","status":"entered-in-error","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"effectiveDateTime":"2020-03-02","valueQuantity":{"value":2.2,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}"#,
        r#"{"resourceType":"Observation","id":"h1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8302-2"}]},"effectiveDateTime":"2020-03-01","valueQuantity":{"value":4.5,"unit":"m","system":"http://unitsofmeasure.org","code":"m"}}"#,
    ];
    let input = lines.join("\n");
    let out = centile(&["fhir", "--reference", "uk-who"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Vec<Json> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let resources: Vec<Json> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let library =
        centile::dgc::fhir::fhir_calculation("uk-who", &to_value(&Json::Array(resources))).unwrap();
    assert_eq!(
        printed,
        serde_json::to_value(&library.observations)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(printed.len(), 1);
    assert_eq!(printed[0]["derivedFrom"][0]["reference"], "Observation/w1");
    assert_eq!(printed[0]["effectiveDateTime"], "2020-03-01");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "not used: Observation/w2: its status says it was entered in error or cancelled"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("not scored: Observation/h1: "), "{stderr}");
    // The whole answer as JSON.
    let whole = json(&ok(&["fhir", "--format", "json"], input.as_bytes()));
    assert_eq!(
        whole["results"][0]["sources"],
        serde_json::json!(["Observation/h1"])
    );
    assert_eq!(whole["ignored"][0]["resource"], "Observation/w2");
    // One patient per call; unreadable lines name the line.
    let two = format!("{input}\n{}", lines[0].replace("\"p\"", "\"q\""));
    let out = centile(&["fhir"], two.as_bytes());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("one patient per call"));
    let out = centile(&["fhir"], b"{\"resourceType\":\"Patient\"}\nnot json\n");
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("standard input, line 2: not a JSON resource"));
}

/// Rows of one of the nutrition oracle vectors (tests/vectors/nutrition/, written by tests/oracle/nutrition.R).
fn nutrition_rows(name: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = format!(
        "{}/tests/vectors/nutrition/{name}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The measurements beyond the dGC API through `calculate --beyond-dgc --implausible-value-flags`: every score
/// and extra column as the library's `calculation` with flags gives it (the JSON `beyond_dgc` block), and the
/// z-scores and flags of WHO's anthro package and the CDC SAS program's logic (the nutrition oracle vectors).
#[test]
fn nutrition_columns_and_flags_through_calculate() {
    use centile::engine::ages::Date;
    let birth = Date::parse("2020-01-01").unwrap();
    let sex = |code: &str| if code == "1" { "male" } else { "female" };
    let date = |days: i32| birth.add_days(days).unwrap().to_string();
    // (reference, method, observation date, value, length, height, oracle z, oracle flag, oracle modified z, biv)
    type Case = (
        &'static str,
        String,
        String,
        String,
        String,
        String,
        Option<f64>,
        Option<String>,
        Option<f64>,
        Option<String>,
    );
    let mut cases: Vec<(String, Case)> = Vec::new();
    for row in nutrition_rows("who_weight_for_length_height")
        .iter()
        .step_by(23)
    {
        let lying = row["position"] == "l";
        let (method, length, height) = if lying {
            ("weight_for_length", row["lenhei"].clone(), String::new())
        } else {
            ("weight_for_height", String::new(), row["lenhei"].clone())
        };
        let z = row["z"].parse().ok();
        let flag = (row["flag"] != "NA").then(|| row["flag"].clone());
        cases.push((
            sex(&row["sex"]).into(),
            (
                "who",
                method.into(),
                date(row["age_days"].parse().unwrap()),
                row["weight"].clone(),
                length,
                height,
                z,
                flag,
                None,
                None,
            ),
        ));
    }
    for (name, method, table, days) in [
        ("who_ac", "arm_circumference", "", 0),
        ("who_ts", "triceps_skinfold", "", 0),
        ("who_ss", "subscapular_skinfold", "", 0),
        ("cdc_weight_for_length", "weight_for_length", "length", 365),
        (
            "cdc_weight_for_stature",
            "weight_for_height",
            "height",
            1461,
        ),
    ] {
        for row in nutrition_rows(name).iter().step_by(37) {
            let cm = |t: &str| {
                if table == t {
                    row["cm"].clone()
                } else {
                    String::new()
                }
            };
            let cdc = name.starts_with("cdc");
            let (day, value) = if cdc {
                (days, row["weight"].clone())
            } else {
                (row["age_days"].parse().unwrap(), row["value"].clone())
            };
            let z = row["z"].parse().ok();
            let flag = (!cdc && row["flag"] != "NA").then(|| row["flag"].clone());
            let modified = cdc.then(|| row["modified_z"].parse().unwrap());
            let biv = cdc.then(|| row["biv"].clone());
            let reference = if cdc { "cdc" } else { "who" };
            cases.push((
                sex(&row["sex"]).into(),
                (
                    reference,
                    method.into(),
                    date(day),
                    value,
                    cm("length"),
                    cm("height"),
                    z,
                    flag,
                    modified,
                    biv,
                ),
            ));
        }
    }
    // IOTF (its decimal ages are not whole days: checked against the library only) and dGC rows, whose flags
    // are read on their SDS.
    for (i, row) in nutrition_rows("iotf").iter().step_by(97).enumerate() {
        cases.push((
            sex(&row["sex"]).into(),
            (
                "iotf",
                "bmi".into(),
                date(400 * (i as i32 % 40) + 800),
                row["bmi"].clone(),
                String::new(),
                String::new(),
                None,
                None,
                None,
                None,
            ),
        ));
    }
    for (reference, method, value) in [
        ("who", "weight", "17"),
        ("who", "height", "71"),
        ("cdc", "bmi", "30"),
        ("uk-who", "weight", "9"),
    ] {
        cases.push((
            "female".into(),
            (
                reference,
                method.into(),
                date(1200),
                value.into(),
                String::new(),
                String::new(),
                None,
                None,
                None,
                None,
            ),
        ));
    }
    let mut input = String::from("sex,reference,measurement_method,birth_date,observation_date,observation_value,length,height\n");
    for (sex, (reference, method, observed, value, length, height, ..)) in &cases {
        input += &format!(
            "{sex},{reference},{method},2020-01-01,{observed},{value},{length},{height}\n"
        );
    }
    let out = ok(
        &["calculate", "--beyond-dgc", "--implausible-value-flags"],
        input.as_bytes(),
    );
    let (header, rows) = records(&out);
    let (scores, error) = OUTPUT.split_at(OUTPUT.len() - 1);
    let appended: Vec<&str> = [
        scores,
        &columns::BEYOND_COLUMNS,
        &columns::FLAG_COLUMNS,
        error,
    ]
    .concat();
    assert_eq!(header[8..], appended[..]);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let number = |cell: &str| (!cell.is_empty()).then(|| cell.parse::<f64>().unwrap());
    let (mut flagged, mut against_oracle) = (0, 0);
    for ((sex, case), row) in cases.iter().zip(&rows) {
        let (reference, method, observed, value, length, height, z, flag, modified, biv) = case;
        let mut request = serde_json::json!({"birth_date": "2020-01-01", "observation_date": observed, "sex": sex,
            "measurement_method": method, "observation_value": value});
        for (key, cm) in [("length", length), ("height", height)] {
            if !cm.is_empty() {
                request[key] = cm.as_str().into();
            }
        }
        let m = match api::calculation_flagged(reference, &to_value(&request), true) {
            Ok(m) => serde_json::to_value(m).unwrap(),
            Err(e) => {
                // Outside the table or the ages: the oracle has no score either, and the row says why.
                assert_eq!(row[col("error")], e.to_string(), "{case:?}");
                assert_eq!(*z, None, "{case:?}");
                continue;
            }
        };
        let at = |path: &[&str]| path.iter().fold(&m, |v, k| &v[*k]).clone();
        let want = |path: &[&str]| match at(path) {
            Json::Null => String::new(),
            Json::String(s) => s,
            v => v.to_string(),
        };
        let b = ["beyond_dgc"];
        let flags = ["beyond_dgc", "implausible_value_flags"];
        let expected = [
            (
                "chronological_sds",
                want(&["measurement_calculated_values", "chronological_sds"]),
            ),
            ("length_height_read", want(&[b[0], "length_height_read"])),
            (
                "acute_malnutrition",
                want(&[b[0], "acute_malnutrition", "classification"]),
            ),
            (
                "acute_malnutrition_source",
                want(&[b[0], "acute_malnutrition", "source"]),
            ),
            (
                "iotf_adult_equivalent_bmi",
                want(&[b[0], "iotf", "adult_equivalent_bmi"]),
            ),
            ("iotf_category", want(&[b[0], "iotf", "category"])),
            ("who_flag_z", want(&[flags[0], flags[1], "who", "value"])),
            ("who_flag", want(&[flags[0], flags[1], "who", "flag"])),
            (
                "cdc_flag_modified_z",
                want(&[flags[0], flags[1], "cdc", "value"]),
            ),
            ("cdc_flag", want(&[flags[0], flags[1], "cdc", "flag"])),
            ("error", String::new()),
        ];
        for (name, want) in expected {
            let got = &row[col(name)];
            match (got.parse::<f64>().ok(), want.parse::<f64>().ok()) {
                (Some(g), Some(w)) => assert_eq!(g, w, "{name} of {case:?}"),
                _ => assert_eq!(got, &want, "{name} of {case:?}"),
            }
        }
        flagged +=
            usize::from(!row[col("who_flag")].is_empty() || !row[col("cdc_flag")].is_empty());
        if let Some(z) = z {
            against_oracle += 1;
            let ours = number(&row[col("chronological_sds")]).unwrap();
            assert!((ours - z).abs() <= 1e-6, "{case:?}: z {ours}");
        }
        if let Some(flag) = flag {
            assert_eq!(row[col("who_flag")].is_empty(), flag == "0", "{case:?}");
        }
        if let Some(modified) = modified {
            let ours = number(&row[col("cdc_flag_modified_z")]).unwrap();
            assert!(
                (ours - modified).abs() <= 1e-6,
                "{case:?}: modified z {ours}"
            );
        }
        if let Some(biv) = biv {
            let want = match biv.as_str() {
                "-1" => "low",
                "1" => "high",
                _ => "",
            };
            assert_eq!(row[col("cdc_flag")], want, "{case:?}");
        }
    }
    assert!(
        against_oracle > 400 && flagged > 50,
        "{against_oracle} {flagged}"
    );
    // Without the options the columns are the dGC ones; a length on a method without one is the API's 422.
    let plain = ok(&["calculate"], input.as_bytes());
    assert_eq!(records(&plain).0[8..], OUTPUT[..]);
    let bad = "sex,measurement_method,birth_date,observation_date,observation_value,length\nmale,arm_circumference,2020-01-01,2021-01-01,14,70\n";
    let (_, rows) = records(&ok(&["calculate", "--reference", "who"], bad.as_bytes()));
    assert!(
        rows[0]
            .last()
            .unwrap()
            .starts_with("length: length belongs to weight_for_length"),
        "{:?}",
        rows[0]
    );
}

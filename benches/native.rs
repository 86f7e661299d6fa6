//! The engine natively, on the inputs bench/run.mjs wrote (`cargo bench --bench native -- DIR`): the same
//! requests as the wasm and JavaScript builds get, through the same `api` functions (`calculationFromText` also
//! reads each request from its JSON text, as the wasm call must). Prints one JSON line of
//! operations per second (milliseconds per chart), best of five rounds.

use centile::dgc::api;
use centile::dgc::value::Value;
use centile::{Method, Reference, Sex};
use std::hint::black_box;
use std::time::Instant;

/// Best rate over five timed rounds (after one warm-up) of `f`, which does `n` operations.
fn rate(n: usize, mut f: impl FnMut()) -> f64 {
    f();
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            n as f64 / t.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

fn floats(path: &str) -> Vec<f64> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap_or_default()))
        .collect()
}

fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&Value::Null)
}

fn text(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

fn entries(v: &Value) -> &[(String, Value)] {
    match v {
        Value::Object(entries) => entries,
        _ => &[],
    }
}

fn list(v: &Value) -> &[Value] {
    match v {
        Value::Array(items) => items,
        _ => &[],
    }
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .expect("usage: native DIR");
    let json = std::fs::read_to_string(format!("{dir}/inputs.json")).expect("inputs.json");
    let inputs = Value::parse(&json).expect("inputs.json is JSON");
    let pairs = |key: &str| -> Vec<(String, Value)> {
        list(field(&inputs, key))
            .iter()
            .map(|p| (text(&list(p)[0]).to_string(), list(p)[1].clone()))
            .collect()
    };
    let calculations = pairs("calculations");
    let children = pairs("children");
    let repeat = 20;
    let single = rate(calculations.len() * repeat, || {
        for _ in 0..repeat {
            for (reference, body) in &calculations {
                let _ = black_box(api::calculation(reference, body));
            }
        }
    });
    // As the wasm build is called: each request starts as text (JSON) to be read, then calculated.
    let texts: Vec<(String, String)> = list(field(&inputs, "calculationTexts"))
        .iter()
        .map(|p| (text(&list(p)[0]).to_string(), text(&list(p)[1]).to_string()))
        .collect();
    let from_text = rate(texts.len() * repeat, || {
        for _ in 0..repeat {
            for (reference, body) in &texts {
                let request = Value::parse(body).unwrap_or(Value::Null);
                let _ = black_box(api::calculation(reference, &request));
            }
        }
    });
    let observations: usize = children
        .iter()
        .map(|(_, body)| list(field(body, "observations")).len())
        .sum();
    let bulk = rate(observations, || {
        for (reference, body) in &children {
            let _ = black_box(api::bulk_calculation(reference, body));
        }
    });
    // Each million UK-WHO boys' heights (`typed`: its key, and the prefix of its files `{prefix}ages.f64` and
    // `{prefix}values.f64`), as `,"key":rate`.
    let typed: Vec<String> = entries(field(&inputs, "typed"))
        .iter()
        .map(|(key, prefix)| {
            let prefix = text(prefix);
            let (ages, values) = (
                floats(&format!("{dir}/{prefix}ages.f64")),
                floats(&format!("{dir}/{prefix}values.f64")),
            );
            let mut out = values.clone();
            let rate = rate(ages.len(), || {
                out.copy_from_slice(&values);
                api::sds_for_measurements(
                    Reference::UkWho,
                    Method::Height,
                    Sex::Male,
                    &ages,
                    &mut out,
                );
                black_box(&out);
            });
            format!(",\"{key}\":{rate}")
        })
        .collect();
    let charts: Vec<String> = list(field(&inputs, "charts"))
        .iter()
        .map(|c| {
            let (reference, sex, method) = (
                text(field(c, "reference")),
                text(field(c, "sex")),
                text(field(c, "measurement_method")),
            );
            let request = Value::Object(vec![
                ("sex".into(), Value::String(sex.into())),
                ("measurement_method".into(), Value::String(method.into())),
            ]);
            let ms = 1000.0
                / rate(20, || {
                    for _ in 0..20 {
                        let _ = black_box(api::chart_coordinates(reference, &request));
                    }
                });
            format!("\"{reference} {sex} {method}\":{ms}")
        })
        .collect();
    println!(
        "{{\"calculation\":{single},\"calculationFromText\":{from_text},\"bulkCalculation\":{bulk}{},\"charts\":{{{}}}}}",
        typed.concat(),
        charts.join(",")
    );
}

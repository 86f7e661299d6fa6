//! Chart coordinates and mid-parental height against rcpchgrowth 4.6.5 (tests/vectors/charts.json and
//! mid_parental_height.json, made by tests/oracle/generate_charts.py): same segments, lines and points; every x
//! and y within 1e-9; non-finite values as null.

use centile::dgc::api;
use centile::dgc::value::Value;
use serde_json::Value as Json;

mod common;
use common::{cases, load, Answer, MidParentalCase, SDS_ABS};

fn num(v: &Json) -> Option<f64> {
    match v {
        Json::String(_) | Json::Null => None, // "inf", "-inf", "nan" and null are all null for us
        v => v.as_f64(),
    }
}

/// The one non-null entry of `object`, whose keys must be exactly `keys` (the server's model names them all).
fn drawn<'a>(object: &'a Json, keys: &[&str]) -> Result<(&'a String, &'a Json), String> {
    let map = object
        .as_object()
        .ok_or(format!("{object} is not an object"))?;
    // (serde_json's Value sorts keys: compare the sets; the JS test checks the order.)
    let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
    let mut want = keys.to_vec();
    names.sort_unstable();
    want.sort_unstable();
    if names != want {
        return Err(format!("keys {names:?}, want {keys:?}"));
    }
    let mut set = map.iter().filter(|(_, v)| !v.is_null());
    match (set.next(), set.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(format!("{object}: not exactly one non-null entry")),
    }
}

/// Compares our chart (dGC JSON) with the oracle's compact one; returns the first difference.
fn compare(got: &Json, want: &Json) -> Result<usize, String> {
    let (got, want) = (got.as_array().unwrap(), want.as_array().unwrap());
    if got.len() != want.len() {
        return Err(format!("{} segments, want {}", got.len(), want.len()));
    }
    let mut points = 0;
    for (g, w) in got.iter().zip(want) {
        let (gname, gsex) = g.as_object().unwrap().iter().next().unwrap();
        let (wname, wsex) = w.as_object().unwrap().iter().next().unwrap();
        let (gs, gm) = drawn(gsex, &["male", "female"])?;
        let (ws, wm) = wsex.as_object().unwrap().iter().next().unwrap();
        let (gmethod, glines) = drawn(gm, &["height", "weight", "ofc", "bmi"])?;
        let (wmethod, wlines) = wm.as_object().unwrap().iter().next().unwrap();
        if (gname, gs, gmethod) != (wname, ws, wmethod) {
            return Err(format!(
                "segment {gname}/{gs}/{gmethod}, want {wname}/{ws}/{wmethod}"
            ));
        }
        let (glines, wlines) = (glines.as_array().unwrap(), wlines.as_array().unwrap());
        if glines.len() != wlines.len() {
            return Err(format!(
                "{gname}: {} lines, want {}",
                glines.len(),
                wlines.len()
            ));
        }
        for (gl, wl) in glines.iter().zip(wlines) {
            for key in ["sds", "centile"] {
                let (a, b) = (gl[key].as_f64().unwrap(), num(&wl[key]).unwrap());
                if (a - b).abs() > SDS_ABS {
                    return Err(format!("{gname} line {key} {a} vs {b}"));
                }
            }
            let (wx, wy) = (wl["x"].as_array().unwrap(), wl["y"].as_array().unwrap());
            // A line without points is `data: []`, as rcpchgrowth and the server send it.
            let data = match gl["data"].as_array() {
                Some(data) => data,
                None => {
                    return Err(format!(
                        "{gname} line {}: data {}",
                        wl["centile"], gl["data"]
                    ))
                }
            };
            if data.len() != wx.len() {
                return Err(format!(
                    "{gname} line {}: {} points, want {}",
                    wl["centile"],
                    data.len(),
                    wx.len()
                ));
            }
            for (i, p) in data.iter().enumerate() {
                let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) => (a - b).abs() <= SDS_ABS,
                    (a, b) => a == b,
                };
                let label_ok = close(p["l"].as_f64(), num(&wl["l"]));
                if !close(p["x"].as_f64(), num(&wx[i]))
                    || !close(p["y"].as_f64(), num(&wy[i]))
                    || !label_ok
                {
                    return Err(format!(
                        "{gname} line {} point {i}: {p} vs x {} y {} l {}",
                        wl["centile"], wx[i], wy[i], wl["l"]
                    ));
                }
                points += 1;
            }
        }
    }
    Ok(points)
}

#[test]
fn chart_vectors() {
    let doc = load("charts.json");
    let (mut compared, mut points, mut failures) = (0, 0, Vec::new());
    for c in doc["charts"].as_array().unwrap() {
        let mut request = serde_json::json!({
            "sex": c["sex"], "measurement_method": c["measurement_method"], "centile_format": c["centile_format"],
            "is_sds": c["is_sds"],
        });
        if c["centile_format"].is_null() {
            request.as_object_mut().unwrap().remove("centile_format");
        }
        let body: Value = serde_json::from_value(request).unwrap();
        let got = api::chart_coordinates(c["reference"].as_str().unwrap(), &body);
        let turner_other = c["reference"] == "turners-syndrome"
            && (c["sex"] != "female" || c["measurement_method"] != "height");
        // Empty lists (the API's 422), centile lists with values outside (0, 100), where rcpchgrowth raises or
        // draws infinite lines, and SDS lines beyond the plausible limit: we answer 422.
        let list = c["centile_format"].as_array();
        let outside = |v: &Json| !(v.as_f64().unwrap() > 0.0 && v.as_f64().unwrap() < 100.0);
        let method = centile::Method::parse(c["measurement_method"].as_str().unwrap()).unwrap();
        let limit = f64::from(centile::engine::measurement::sds_limit(method));
        let beyond = |v: &Json| v.as_f64().unwrap().abs() > limit;
        let edge = list.is_some_and(|l| {
            l.is_empty()
                || (c["is_sds"] != true && l.iter().any(outside))
                || (c["is_sds"] == true && l.iter().any(beyond))
        });
        let id = format!(
            "{} {} {} {} {}",
            c["reference"], c["sex"], c["measurement_method"], c["centile_format"], c["is_sds"]
        );
        match (got, &c["result"]) {
            // Departures: centiles outside (0, 100), SDS lines beyond the limit and Turner charts other than
            // girls' height are a 422.
            (Err(_), _) if edge || turner_other => {}
            (Ok(_), _) if edge || turner_other => failures.push(format!("{id}: expected a 422")),
            (Ok(chart), Json::Array(want)) => {
                let got = serde_json::to_value(&chart).unwrap();
                match compare(&got["centile_data"], &Json::Array(want.clone())) {
                    Ok(n) => {
                        compared += 1;
                        points += n;
                    }
                    Err(e) => failures.push(format!("{id}: {e}")),
                }
            }
            (got, want) => failures.push(format!(
                "{id}: got {:?}, want {want}",
                got.map(|_| "a chart")
            )),
        }
    }
    println!("charts: {compared} compared, {points} points");
    assert!(
        failures.is_empty(),
        "{} charts differ:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
    assert!(compared > 400);
}

#[test]
fn mid_parental_height_vectors() {
    let (mut compared, mut failures) = (0, Vec::new());
    for c in cases::<MidParentalCase>("mid_parental_height.json") {
        let body: Value = serde_json::from_value(serde_json::json!({
            "height_maternal": c.height_maternal, "height_paternal": c.height_paternal, "sex": c.sex,
            "reference": c.reference,
        }))
        .unwrap();
        let id = format!(
            "{} {} {} {}",
            c.height_maternal, c.height_paternal, c.sex, c.reference
        );
        match (api::mid_parental_height(&body), &c.answer) {
            (Err(_), Answer::Error(_)) => compared += 1,
            (Ok(got), Answer::Value(want)) => {
                let got = serde_json::to_value(&got).unwrap();
                for key in [
                    "mid_parental_height",
                    "mid_parental_height_sds",
                    "mid_parental_height_centile",
                    "mid_parental_height_lower_value",
                    "mid_parental_height_upper_value",
                ] {
                    let (a, b) = (got[key].as_f64(), want[key].as_f64());
                    if !matches!((a, b), (Some(a), Some(b)) if (a - b).abs() <= SDS_ABS) && a != b {
                        failures.push(format!("{id}: {key} {a:?} vs {b:?}"));
                    }
                }
                for key in [
                    "mid_parental_height_centile_data",
                    "mid_parental_height_lower_centile_data",
                    "mid_parental_height_upper_centile_data",
                ] {
                    if let Err(e) = compare(&got[key], &want[key]) {
                        failures.push(format!("{id}: {key}: {e}"));
                    }
                }
                compared += 1;
            }
            (got, want) => failures.push(format!(
                "{id}: got {:?}, want {want:?}",
                got.map(|_| "a result")
            )),
        }
    }
    println!("mid-parental height: {compared} cases");
    assert!(
        failures.is_empty(),
        "{} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
    assert!(compared >= 300);
}

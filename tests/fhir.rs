//! FHIR in and out (src/dgc/fhir/): hand-built bundles for each code, exact unit conversions, time zones, status
//! filtering, missing values, a preterm patient, one patient per call, a round trip, and the golden vectors of
//! rcpchgrowth 4.6.5 expressed as FHIR bundles.

use centile::dgc::api::BulkResult;
use centile::dgc::fhir::{fhir_calculation, from_fhir, to_fhir, FromFhir};
use centile::dgc::value::Value;
use serde_json::{json, Value as Json};

mod common;
use common::{cases, Answer, CalculationCase, SDS_ABS};

fn value(j: &Json) -> Value {
    serde_json::from_value(j.clone()).unwrap()
}

fn json<T: serde::Serialize>(t: &T) -> Json {
    serde_json::to_value(t).unwrap()
}

fn patient(birth_date: &str, gender: &str) -> Json {
    json!({"resourceType": "Patient", "id": "p1", "birthDate": birth_date, "gender": gender})
}

fn observation(id: &str, loinc: &str, value: Json, unit: &str, date: &str) -> Json {
    json!({
        "resourceType": "Observation", "id": id, "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": date,
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
    })
}

fn bundle(resources: &[Json]) -> Json {
    let entry: Vec<Json> = resources
        .iter()
        .enumerate()
        .map(|(i, r)| json!({"fullUrl": format!("urn:uuid:00000000-0000-0000-0000-{i:012}"), "resource": r}))
        .collect();
    json!({"resourceType": "Bundle", "type": "collection", "entry": entry})
}

fn read(resources: &[Json]) -> FromFhir {
    from_fhir(&value(&bundle(resources))).unwrap_or_else(|e| panic!("{e}"))
}

/// (method, [(date, value, source)]) of each request.
type Summary = Vec<(String, Vec<(String, f64, Json)>)>;

fn summary(read: &FromFhir) -> Summary {
    json(&read.requests)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let observations = r["observations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| {
                    (
                        o["observation_date"].as_str().unwrap().to_owned(),
                        o["observation_value"].as_f64().unwrap(),
                        o["source"].clone(),
                    )
                })
                .collect();
            (
                r["measurement_method"].as_str().unwrap().to_owned(),
                observations,
            )
        })
        .collect()
}

fn whys(read: &FromFhir) -> Vec<(String, String)> {
    read.ignored
        .iter()
        .map(|i| (i.resource.clone(), i.why.clone()))
        .collect()
}

#[test]
fn every_code_reads_as_its_measurement() {
    let p = patient("2015-06-01", "female");
    let codes = [
        ("8302-2", "height"),
        ("8306-3", "height"),
        ("8308-9", "height"),
        ("29463-7", "weight"),
        ("3141-9", "weight"),
        ("9843-4", "ofc"),
        ("8287-5", "ofc"),
        ("39156-5", "bmi"),
    ];
    let mut resources = vec![p];
    for (i, (code, method)) in codes.iter().enumerate() {
        let unit = match *method {
            "weight" => "kg",
            "bmi" => "kg/m2",
            _ => "cm",
        };
        resources.push(observation(
            &format!("o{i}"),
            code,
            json!(10 + i),
            unit,
            &format!("2020-01-0{}", i + 1),
        ));
    }
    let r = read(&resources);
    assert_eq!(r.patient.as_deref(), Some("Patient/p1"));
    assert!(r.ignored.is_empty(), "{:?}", r.ignored);
    let requests = json(&r.requests);
    assert_eq!(
        requests[0],
        json!({
            "measurement_method": "height", "birth_date": "2015-06-01", "sex": "female",
            "gestation_weeks": null, "gestation_days": null,
            "observations": [
                {"observation_date": "2020-01-01", "observation_value": 10.0, "source": "Observation/o0"},
                {"observation_date": "2020-01-02", "observation_value": 11.0, "source": "Observation/o1"},
                {"observation_date": "2020-01-03", "observation_value": 12.0, "source": "Observation/o2"},
            ],
        })
    );
    let methods: Vec<(String, usize)> =
        summary(&r).into_iter().map(|(m, o)| (m, o.len())).collect();
    let want =
        [("height", 3), ("weight", 2), ("ofc", 2), ("bmi", 1)].map(|(m, n)| (m.to_owned(), n));
    assert_eq!(methods, want);
}

#[test]
fn units_convert_exactly() {
    let cases: [(&str, &str, Json, &str); 10] = [
        ("8302-2", "cm", json!(110.3), "110.3"),
        ("8302-2", "m", json!(1.103), "110.3"),
        ("8302-2", "m", json!(1.1), "110"),
        ("8302-2", "mm", json!(1103), "110.3"),
        ("8302-2", "[in_i]", json!(43.5), "110.49"),
        ("29463-7", "g", json!(3250), "3.25"),
        ("29463-7", "[lb_av]", json!(7.5), "3.401942775"),
        ("29463-7", "[oz_av]", json!(8), "0.226796185"),
        ("9843-4", "[in_i]", json!(13.7), "34.798"),
        ("39156-5", "kg/m2", json!(17.25), "17.25"),
    ];
    for (code, unit, written, exact) in cases {
        let r = read(&[
            patient("2015-06-01", "male"),
            observation("o", code, written.clone(), unit, "2020-01-01"),
        ]);
        let got = summary(&r)[0].1[0].1;
        assert_eq!(
            got,
            exact.parse::<f64>().unwrap(),
            "{written} {unit} should be exactly {exact}"
        );
    }
    // The unit may be given as `unit` only; a unit of the wrong kind, or of another system, is not used.
    let mut unit_only = observation("a", "29463-7", json!(12.5), "kg", "2020-01-01");
    unit_only["valueQuantity"] = json!({"value": 12.5, "unit": "kg"});
    let mut local = observation("b", "29463-7", json!(12.5), "kg", "2020-01-01");
    local["valueQuantity"]["system"] = json!("http://example.org/units");
    let r = read(&[
        patient("2015-06-01", "male"),
        unit_only,
        local,
        observation("c", "29463-7", json!(12.5), "cm", "2020-01-01"),
        observation("d", "8302-2", json!(12.5), "[ft_i]", "2020-01-01"),
    ]);
    assert_eq!(summary(&r)[0].1.len(), 1);
    assert_eq!(
        whys(&r),
        [
            (
                "Observation/b",
                "no UCUM unit for the weight (use one of kg, g, [lb_av], [oz_av])"
            ),
            (
                "Observation/c",
                "the unit is not a unit of weight (use one of kg, g, [lb_av], [oz_av])"
            ),
            (
                "Observation/d",
                "the unit is not a unit of height (use one of cm, m, mm, [in_i])"
            ),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

#[test]
fn the_date_is_the_local_calendar_date_as_written() {
    let at = |id: &str, key: &str, written: Json| {
        let mut o = observation(id, "29463-7", json!(12), "kg", "");
        o.as_object_mut().unwrap().remove("effectiveDateTime");
        o[key] = written;
        o
    };
    let r = read(&[
        patient("2015-06-01", "male"),
        at(
            "late-evening-new-york",
            "effectiveDateTime",
            json!("2020-03-01T23:30:00-05:00"),
        ),
        at(
            "early-morning-auckland",
            "effectiveDateTime",
            json!("2020-03-02T00:30:00+13:00"),
        ),
        at(
            "utc",
            "effectiveDateTime",
            json!("2020-03-03T23:59:59.999Z"),
        ),
        at("date-only", "effectiveDateTime", json!("2020-03-04")),
        at(
            "period",
            "effectivePeriod",
            json!({"start": "2020-03-05T22:00:00-08:00", "end": "2020-03-06T01:00:00-08:00"}),
        ),
        at(
            "instant",
            "effectiveInstant",
            json!("2020-03-06T06:00:00+10:00"),
        ),
        at("month-only", "effectiveDateTime", json!("2020-03")),
        at("not-a-date", "effectiveDateTime", json!("01/03/2020")),
        at("bad-time", "effectiveDateTime", json!("2020-03-01T25")),
        observation("no-date", "29463-7", json!(12), "kg", "")
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.remove("effectiveDateTime");
                Json::Object(o)
            })
            .unwrap(),
    ]);
    let dates: Vec<(String, Json)> = summary(&r)[0]
        .1
        .iter()
        .map(|(d, _, s)| (d.clone(), s.clone()))
        .collect();
    assert_eq!(
        dates,
        [
            ("2020-03-01", "Observation/late-evening-new-york"),
            ("2020-03-02", "Observation/early-morning-auckland"),
            ("2020-03-03", "Observation/utc"),
            ("2020-03-04", "Observation/date-only"),
            ("2020-03-05", "Observation/period"),
            ("2020-03-06", "Observation/instant"),
        ]
        .map(|(d, s)| (d.to_owned(), json!(s)))
    );
    assert_eq!(
        whys(&r),
        [
            (
                "Observation/month-only",
                "the date is not precise to the day"
            ),
            (
                "Observation/not-a-date",
                "the date is not a FHIR date or dateTime"
            ),
            (
                "Observation/bad-time",
                "the date is not a FHIR date or dateTime"
            ),
            (
                "Observation/no-date",
                "no date: effectiveDateTime, effectivePeriod.start or effectiveInstant is needed"
            ),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

#[test]
fn nothing_is_dropped_silently() {
    let with = |id: &str, f: &dyn Fn(&mut Json)| {
        let mut o = observation(id, "8302-2", json!(100), "cm", "2020-01-01");
        f(&mut o);
        o
    };
    let r = read(&[
        patient("2015-06-01", "male"),
        with("final", &|_| {}),
        with("amended", &|o| o["status"] = json!("amended")),
        with("preliminary", &|o| o["status"] = json!("preliminary")),
        with("error", &|o| o["status"] = json!("entered-in-error")),
        with("cancelled", &|o| o["status"] = json!("cancelled")),
        with("absent", &|o| {
            o.as_object_mut().unwrap().remove("valueQuantity");
            o["dataAbsentReason"] = json!({"coding": [{"system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "asked-declined"}]});
        }),
        with("text", &|o| {
            o.as_object_mut().unwrap().remove("valueQuantity");
            o["valueString"] = json!("about a metre");
        }),
        with("empty", &|o| {
            o.as_object_mut().unwrap().remove("valueQuantity");
        }),
        with("not-number", &|o| {
            o["valueQuantity"]["value"] = json!("100")
        }),
        with("comparator", &|o| {
            o["valueQuantity"]["comparator"] = json!("<")
        }),
        with("other-patient", &|o| {
            o["subject"] = json!({"reference": "Patient/p2"})
        }),
        with("absolute-subject", &|o| {
            o["subject"] = json!({"reference": "https://ehr.example/fhir/Patient/p1"})
        }),
        with(
            "temperature",
            &|o| o["code"] = json!({"coding": [{"system": "http://loinc.org", "code": "8310-5"}]}),
        ),
        with(
            "snomed",
            &|o| {
                o["code"] =
                    json!({"coding": [{"system": "http://snomed.info/sct", "code": "50373000"}]})
            },
        ),
        json!({"resourceType": "Encounter", "id": "e1", "status": "finished"}),
        json!({"id": "x"}),
    ]);
    let used: Vec<Json> = summary(&r)[0].1.iter().map(|o| o.2.clone()).collect();
    let want = ["final", "amended", "preliminary", "absolute-subject"]
        .map(|s| json!(format!("Observation/{s}")));
    assert_eq!(used, want);
    assert_eq!(
        whys(&r),
        [
            (
                "Observation/error",
                "its status says it was entered in error or cancelled"
            ),
            (
                "Observation/cancelled",
                "its status says it was entered in error or cancelled"
            ),
            ("Observation/absent", "no value: data absent"),
            ("Observation/text", "the value is a String, not a Quantity"),
            ("Observation/empty", "no value"),
            ("Observation/not-number", "the value is not a number"),
            (
                "Observation/comparator",
                "the value has a comparator, not an exact measurement"
            ),
            (
                "Observation/other-patient",
                "its subject is not the bundle's Patient"
            ),
            (
                "Observation/temperature",
                "not a LOINC growth measurement or gestational age code"
            ),
            (
                "Observation/snomed",
                "not a LOINC growth measurement or gestational age code"
            ),
            ("Encounter/e1", "not a Patient or Observation"),
            (
                "urn:uuid:00000000-0000-0000-0000-000000000016",
                "not a FHIR resource (no resourceType)"
            ),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

fn detail(e: &centile::dgc::error::ValidationError) -> Json {
    json(&e.detail)
}

#[test]
fn one_patient_per_call() {
    let second =
        json!({"resourceType": "Patient", "id": "p2", "birthDate": "2016-01-01", "gender": "male"});
    let obs = observation("o", "8302-2", json!(100), "cm", "2020-01-01");
    let e = from_fhir(&value(&bundle(&[
        patient("2015-06-01", "male"),
        obs.clone(),
        second,
    ])))
    .unwrap_err();
    assert_eq!(
        detail(&e),
        json!([{"loc": ["body", "entry", 2, "resource"], "msg": "The bundle holds more than one Patient: send one patient per call",
            "type": "value_error", "input": null}])
    );
    let e = fhir_calculation(
        "uk-who",
        &value(&json!([
            patient("2015-06-01", "male"),
            patient("2015-06-01", "female")
        ])),
    )
    .err()
    .unwrap();
    assert_eq!(detail(&e)[0]["loc"], json!(["body", 1]));
    // The same Patient twice (as a search with _include may return it) is one patient.
    let r = read(&[
        patient("2015-06-01", "male"),
        obs.clone(),
        patient("2015-06-01", "male"),
    ]);
    assert_eq!(
        whys(&r),
        [(
            "Patient/p1".to_owned(),
            "a repeat of the Patient".to_owned()
        )]
    );
    // No patient, or one the references cannot use.
    let e = from_fhir(&value(&bundle(std::slice::from_ref(&obs)))).unwrap_err();
    assert_eq!(detail(&e)[0]["type"], json!("missing"));
    let e = from_fhir(&value(&bundle(&[patient("2015-06", "unknown"), obs]))).unwrap_err();
    let locs: Vec<Json> = detail(&e)
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["loc"].clone())
        .collect();
    assert_eq!(
        locs,
        [
            json!(["body", "entry", 0, "resource", "birthDate"]),
            json!(["body", "entry", 0, "resource", "gender"])
        ]
    );
    assert!(from_fhir(&value(&json!({"resourceType": "Patient"}))).is_err());
    assert!(from_fhir(&value(&json!("bundle"))).is_err());
}

fn gestation(id: &str, code: &str, written: Json, unit: &str, date: &str) -> Json {
    observation(id, code, written, unit, date)
}

#[test]
fn preterm_gestation_at_birth() {
    let weight = observation("w", "29463-7", json!(2.1), "kg", "2020-03-01");
    let birth = |r: &FromFhir| {
        let q = &json(&r.requests)[0];
        (q["gestation_weeks"].clone(), q["gestation_days"].clone())
    };
    let p = patient("2020-01-10", "female");
    for ga in [
        gestation("ga", "76516-4", json!(227), "d", "2020-01-10"),
        gestation("ga", "76516-4", json!(227.0 / 7.0), "wk", "2020-01-10"),
        gestation("ga", "76516-4", json!(32.45), "wk", "2020-01-10"), // 227.15 days: 227 completed days
        gestation(
            "ga",
            "18185-9",
            json!(227),
            "d",
            "2020-01-10T08:00:00+00:00",
        ),
    ] {
        let r = read(&[p.clone(), ga, weight.clone()]);
        assert_eq!(birth(&r), (json!(32.0), json!(3.0)));
        assert!(r.ignored.is_empty());
    }
    // 18185-9 / 11884-4 on another day do not describe birth.
    let later = gestation("later", "11884-4", json!(36), "wk", "2020-02-07");
    let r = read(&[p.clone(), later, weight.clone()]);
    assert_eq!(birth(&r), (Json::Null, Json::Null));
    assert!(whys(&r)[0]
        .1
        .starts_with("a gestational age not dated on the day of birth"));
    // Two that disagree: the caller must choose.
    let e = from_fhir(&value(&bundle(&[
        p.clone(),
        gestation("a", "76516-4", json!(32), "wk", "2020-01-10"),
        gestation("b", "76516-4", json!(33), "wk", "2020-01-10"),
        weight.clone(),
    ])))
    .unwrap_err();
    assert_eq!(
        detail(&e)[0]["msg"],
        json!("Two gestational ages at birth disagree: keep one")
    );

    // The calculation corrects for it exactly as bulkCalculation does with the same birth details.
    let bundle = value(&bundle(&[
        p,
        gestation("ga", "76516-4", json!(32), "wk", "2020-01-10"),
        weight,
    ]));
    let got = json(&fhir_calculation("uk-who", &bundle).unwrap());
    let direct = centile::dgc::api::bulk_calculation(
        "uk-who",
        &value(
            &json!({"birth_date": "2020-01-10", "sex": "female", "measurement_method": "weight",
            "gestation_weeks": 32, "gestation_days": 0,
            "observations": [{"observation_date": "2020-03-01", "observation_value": 2.1}]}),
        ),
    )
    .unwrap();
    assert_eq!(got["results"][0]["results"], json(&direct)["results"]);
    let m = &got["results"][0]["results"][0];
    assert!(
        m["measurement_dates"]["corrected_decimal_age"].as_f64()
            < m["measurement_dates"]["chronological_decimal_age"].as_f64()
    );
    let o = &got["observations"][0];
    assert_eq!(
        o["valueQuantity"]["value"],
        m["measurement_calculated_values"]["corrected_centile"]
    );
    assert_eq!(
        o["component"][0]["valueQuantity"]["value"],
        m["measurement_calculated_values"]["corrected_sds"]
    );
    assert_eq!(
        o["component"][1]["valueQuantity"]["value"],
        m["measurement_calculated_values"]["chronological_centile"]
    );
    assert_eq!(
        o["component"][2]["valueQuantity"]["value"],
        m["measurement_calculated_values"]["chronological_sds"]
    );
}

#[test]
fn observations_out_carry_codes_profiles_sds_provenance_and_source() {
    let p = patient("2015-06-01", "male");
    let r = json(
        &fhir_calculation(
            "cdc",
            &value(&bundle(&[
                p,
                observation("h", "8302-2", json!(110), "cm", "2020-06-01"),
                observation("w", "29463-7", json!(19), "kg", "2020-06-01"),
                observation("c", "9843-4", json!(50), "cm", "2016-06-01"),
                observation("b", "39156-5", json!(16), "kg/m2", "2020-06-01"),
                observation("late", "8302-2", json!(400), "cm", "2020-07-01"), // implausible: an error entry
            ])),
        )
        .unwrap(),
    );
    let methods: Vec<&Json> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["measurement_method"])
        .collect();
    assert_eq!(
        methods,
        [
            &json!("height"),
            &json!("weight"),
            &json!("ofc"),
            &json!("bmi")
        ]
    );
    assert_eq!(r["results"][0]["results"][1]["type"], json!("value_error"));
    let observations = r["observations"].as_array().unwrap();
    assert_eq!(
        observations.len(),
        4,
        "one per measurement object, none for the error entry"
    );
    let code = |o: &Json| o["code"]["coding"][0]["code"].as_str().unwrap().to_owned();
    let profile = |o: &Json| o["meta"]["profile"][0].as_str().map(str::to_owned);
    let got: Vec<(String, Option<String>, Json)> = observations
        .iter()
        .map(|o| {
            (
                code(o),
                profile(o),
                o["derivedFrom"][0]["reference"].clone(),
            )
        })
        .collect();
    let us_core = |p: &str| {
        Some(format!(
            "http://hl7.org/fhir/us/core/StructureDefinition/{p}"
        ))
    };
    assert_eq!(
        got,
        [
            ("8303-0".to_owned(), None, json!("Observation/h")),
            ("8336-0".to_owned(), None, json!("Observation/w")),
            (
                "8289-1".to_owned(),
                us_core("head-occipital-frontal-circumference-percentile"),
                json!("Observation/c")
            ),
            (
                "59576-9".to_owned(),
                us_core("pediatric-bmi-for-age"),
                json!("Observation/b")
            ),
        ]
    );
    let bmi = &observations[3];
    assert_eq!(bmi["subject"], json!({"reference": "Patient/p1"}));
    assert_eq!(bmi["effectiveDateTime"], json!("2020-06-01"));
    assert_eq!(
        bmi["category"][0]["coding"][0]["code"],
        json!("vital-signs")
    );
    assert_eq!(bmi["valueQuantity"]["code"], json!("%"));
    assert_eq!(
        bmi["valueQuantity"]["system"],
        json!("http://unitsofmeasure.org")
    );
    assert_eq!(
        bmi["component"][0]["code"]["coding"][0],
        json!({"system": "urn:centile:result", "code": "sds", "display": "SDS (z-score) at the corrected age"})
    );
    assert_eq!(
        bmi["component"][3]["code"]["coding"][0]["code"],
        json!("39156-5")
    );
    assert_eq!(bmi["component"][3]["valueQuantity"]["value"], json!(16.0));
    let method = bmi["method"]["text"].as_str().unwrap();
    for part in [
        "CDC 2000 growth reference",
        "centile 0.1.0",
        "rcpchgrowth 4.6.5",
        centile::engine::data::FINGERPRINT,
    ] {
        assert!(method.contains(part), "{method} should name {part}");
    }
    assert_eq!(bmi["method"]["coding"][0]["code"], json!("cdc"));

    // toFhir of the same measurement object (as JavaScript would pass it) gives the same Observation.
    let m = value(&r["results"][3]["results"][0]);
    let options = value(&json!({"subject": "Patient/p1", "derivedFrom": "Observation/b"}));
    assert_eq!(json(&to_fhir(&m, &options).unwrap()), *bmi);
    // Without a subject no US Core profile is claimed (they require one); a dGC API response has no provenance.
    let mut api_response = r["results"][3]["results"][0].clone();
    api_response.as_object_mut().unwrap().remove("provenance");
    let bare = json(
        &to_fhir(
            &value(&api_response),
            &value(&json!({"growthReference": "cdc"})),
        )
        .unwrap(),
    );
    assert!(
        bare.get("meta").is_none()
            && bare.get("subject").is_none()
            && bare.get("derivedFrom").is_none()
    );
    assert_eq!(bare["method"]["text"], json!("CDC 2000 growth reference"));
    let e = to_fhir(&value(&api_response), &Value::Null).unwrap_err();
    assert_eq!(
        detail(&e)[0]["loc"],
        json!(["body", "provenance", "growth_reference"])
    );
    let e = to_fhir(&value(&json!({"loc": ["body"], "msg": "x"})), &Value::Null).unwrap_err();
    assert_eq!(detail(&e).as_array().unwrap().len(), 4);
    let e = to_fhir(&m, &value(&json!({"subject": 3}))).unwrap_err();
    assert_eq!(detail(&e)[0]["loc"], json!(["options", "subject"]));
}

#[test]
fn round_trip_bundle_results_observations_read_again() {
    let resources = [
        patient("2019-02-11", "female"),
        gestation("ga", "76516-4", json!(30), "wk", "2019-02-11"),
        observation(
            "w1",
            "29463-7",
            json!(1450),
            "g",
            "2019-03-01T10:00:00+00:00",
        ),
        observation("w2", "29463-7", json!(9.25), "[lb_av]", "2019-06-01"),
        observation("h1", "8306-3", json!(0.612), "m", "2019-06-01"),
        observation("c1", "8287-5", json!(395), "mm", "2019-06-01"),
    ];
    let first = read(&resources);
    let calculated = json(&fhir_calculation("uk-who", &value(&bundle(&resources))).unwrap());
    let outputs = calculated["observations"].as_array().unwrap().clone();
    assert_eq!(outputs.len(), 4);
    // Read the original resources and our Observations together: the same requests; each output listed.
    let mut together = resources.to_vec();
    for (i, o) in outputs.iter().enumerate() {
        let mut o = o.clone();
        o["id"] = json!(format!("out{i}"));
        together.push(o);
    }
    let again = read(&together);
    assert_eq!(json(&again.requests), json(&first.requests));
    let reasons: Vec<String> = again.ignored.iter().map(|i| i.why.clone()).collect();
    assert_eq!(reasons.len(), 4);
    assert!(
        reasons
            .iter()
            .all(|w| w == "not a LOINC growth measurement or gestational age code"),
        "{reasons:?}"
    );
    // Each output names its source and restates the measurement, its date and the result.
    let requests = json(&first.requests);
    for (o, results) in outputs.iter().zip(
        calculated["results"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|m| m["results"].as_array().unwrap()),
    ) {
        let source = &o["derivedFrom"][0]["reference"];
        let request = requests
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["observations"][0]["source"] == *source
                    || r["observations"][1]["source"] == *source
            })
            .unwrap();
        let original = request["observations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["source"] == *source)
            .unwrap();
        assert_eq!(o["effectiveDateTime"], original["observation_date"]);
        assert_eq!(
            o["component"][3]["valueQuantity"]["value"],
            original["observation_value"]
        );
        assert_eq!(
            o["component"][0]["valueQuantity"]["value"],
            results["measurement_calculated_values"]["corrected_sds"]
        );
        assert_eq!(o["subject"]["reference"], json!("Patient/p1"));
    }
}

/// The golden vectors of rcpchgrowth 4.6.5 (tests/vectors/calculation.json), each child written as a FHIR
/// bundle: a Patient, a gestational age at birth (when not 40+0) and one Observation. Where the oracle answers,
/// the numbers agree to 1e-9 and the Observation carries them; where it refuses, there is no Observation.
#[test]
fn golden_vectors_through_fhir() {
    let (mut compared, mut rejected) = (0, 0);
    let loinc = |m: &str| match m {
        "height" => ("8302-2", "cm"),
        "weight" => ("29463-7", "kg"),
        "ofc" => ("9843-4", "cm"),
        _ => ("39156-5", "kg/m2"),
    };
    // Every third case (the engine itself is checked on all of them by tests/conformance.rs).
    for c in cases::<CalculationCase>("calculation.json")
        .iter()
        .step_by(3)
    {
        let (reference, method) = (c.reference.as_str(), c.measurement_method.as_str());
        let (weeks, days) = (c.gestation_weeks, c.gestation_days);
        if !(0..=6).contains(&days) {
            continue; // FHIR states a gestational age as one quantity: 33 weeks + 7 days is 34+0.
        }
        let (code, unit) = loinc(method);
        let mut resources = vec![patient(&c.birth_date, &c.sex)];
        if (weeks, days) != (40, 0) {
            resources.push(gestation(
                "ga",
                "76516-4",
                json!(weeks * 7 + days),
                "d",
                &c.birth_date,
            ));
        }
        resources.push(observation(
            "o",
            code,
            json!(c.observation_value),
            unit,
            &c.observation_date,
        ));
        let got = fhir_calculation(reference, &value(&bundle(&resources)));
        let id = format!("{c:?}");
        match (&c.expected, got) {
            (Answer::Value(want), Ok(got)) => {
                let BulkResult::Measurement(m) = &got.results[0].results[0] else {
                    panic!("{id}: an error entry");
                };
                for (key, g, w) in [
                    ("corrected_sds", m.corrected.sds, want.corrected.sds),
                    (
                        "corrected_centile",
                        m.corrected.centile,
                        want.corrected.centile,
                    ),
                    (
                        "chronological_sds",
                        m.chronological.sds,
                        want.chronological.sds,
                    ),
                    (
                        "chronological_centile",
                        m.chronological.centile,
                        want.chronological.centile,
                    ),
                ] {
                    match (g, w) {
                        (Some(g), Some(w)) => {
                            assert!((g - w).abs() <= SDS_ABS, "{id} {key}: {g} vs {w}")
                        }
                        (g, w) => assert_eq!(g, w, "{id} {key}"),
                    }
                }
                let o = json(&got.observations[0]);
                assert_eq!(
                    o["valueQuantity"]["value"].as_f64(),
                    m.corrected.centile,
                    "{id}"
                );
                let sds = o["component"][0]["valueQuantity"]["value"].as_f64();
                assert_eq!(sds, m.corrected.sds, "{id}");
                compared += 1;
            }
            (Answer::Error(_), Ok(got)) => {
                // The oracle refused: an error entry, never an Observation.
                assert!(got.observations.is_empty(), "{id}");
                assert!(
                    matches!(got.results[0].results[0], BulkResult::Error(_)),
                    "{id}"
                );
                rejected += 1;
            }
            (Answer::Error(_), Err(_)) => rejected += 1,
            (Answer::Value(_), Err(e)) => panic!("{id}: want an answer, got {e:?}"),
        }
    }
    assert!(
        compared > 7_000 && rejected > 1_500,
        "{compared} compared, {rejected} rejected"
    );
}

#[test]
fn ids_are_compared_only_when_they_follow_the_fhir_id_rule() {
    // As the package writes a JavaScript string with a lone surrogate: it reads back as U+FFFD.
    let text = |patient_id: &str, subject: &str| {
        format!(
            r#"{{"resourceType":"Bundle","type":"collection","entry":[
            {{"fullUrl":"urn:a\ud800","resource":{{"resourceType":"Patient","id":{patient_id},"birthDate":"2020-01-01","gender":"male"}}}},
            {{"resource":{{"resourceType":"Observation","id":"h","status":"final","code":{{"coding":[{{"system":"http://loinc.org","code":"8302-2"}}]}},
              "subject":{{"reference":{subject}}},"effectiveDateTime":"2020-09-01","valueQuantity":{{"value":70,"unit":"cm"}}}}}}]}}"#
        )
        .lines()
        .map(str::trim)
        .collect::<String>()
    };
    let parse = |t: String| Value::parse(&t).unwrap();
    for bad in [
        r#""\ud800""#,
        r#""p 1""#,
        r#""""#,
        &format!("\"{}\"", "a".repeat(65)),
    ] {
        let e = from_fhir(&parse(text(bad, r#""Patient/\udc00""#))).unwrap_err();
        assert_eq!(
            detail(&e)[0]["loc"],
            json!(["body", "entry", 0, "resource", "id"]),
            "{bad}"
        );
        assert_eq!(detail(&e)[0]["type"], json!("string_pattern_mismatch"));
    }
    // Two different malformed references decode alike: neither the fullUrl nor the subject is compared.
    let r = from_fhir(&parse(text(r#""p1""#, r#""urn:a\udc00""#))).unwrap();
    assert!(r.requests.is_empty());
    assert_eq!(whys(&r)[0].1, "its subject is not the bundle's Patient");
    let ok = from_fhir(&parse(text(
        &format!("\"{}\"", "A-z.9".repeat(12)),
        &format!("\"Patient/{}\"", "A-z.9".repeat(12)),
    )))
    .unwrap();
    assert_eq!(ok.requests.len(), 1);
}

#[test]
fn to_fhir_refuses_impossible_scores_and_values() {
    let child = json!({"birth_date": "2020-01-01", "observation_date": "2021-01-01", "observation_value": 75,
        "sex": "male", "measurement_method": "height"});
    let m = json(&centile::dgc::api::calculation("uk-who", &value(&child)).unwrap());
    assert!(to_fhir(&value(&m), &Value::Null).is_ok());
    let values = "measurement_calculated_values";
    // As JavaScript writes its numbers (NaN and the infinities included).
    let refused = |path: [&str; 2], written: &str| {
        let mut changed = m.clone();
        changed[path[0]][path[1]] = json!("@");
        let text = serde_json::to_string(&changed)
            .unwrap()
            .replace("\"@\"", written);
        let e = to_fhir(&Value::parse(&text).unwrap(), &Value::Null).unwrap_err();
        assert_eq!(
            detail(&e)[0]["loc"],
            json!(["body", path[0], path[1]]),
            "{path:?} = {written}"
        );
    };
    for written in ["-5", "-0.001", "100.5", "1e308", "NaN", "Infinity"] {
        refused([values, "corrected_centile"], written);
        refused([values, "chronological_centile"], written);
    }
    for written in ["NaN", "Infinity", "-Infinity", "\"x\""] {
        refused([values, "corrected_sds"], written);
        refused([values, "chronological_sds"], written);
    }
    for written in ["-75", "0", "-0"] {
        refused(["child_observation_value", "observation_value"], written);
    }
    let mut unscored = m.clone();
    unscored[values]["corrected_sds"] = Json::Null;
    unscored[values]["corrected_centile"] = Json::Null;
    assert!(to_fhir(&value(&unscored), &Value::Null).is_ok());
}

/// toFhir writes the measurements beyond the dGC API whose codes are known (arm circumference: LOINC 56072-2 as
/// the measurement, centile's own code for the centile; weight-for-length/height: LOINC 77606-2 and US Core's
/// pediatric weight-for-height profile), each with the numbers of its measurement object, and refuses the
/// skinfolds, for which no LOINC code is known, with a 422 naming the method.
#[test]
fn to_fhir_writes_the_measurements_beyond_the_dgc_api_with_their_codes() {
    let request = |method: &str, observed: f64, extra: Json| {
        let mut r = json!({"birth_date": "2020-01-01", "observation_date": "2021-03-01", "sex": "female",
            "measurement_method": method, "observation_value": observed});
        if let (Some(r), Some(extra)) = (r.as_object_mut(), extra.as_object()) {
            r.extend(extra.clone());
        }
        json(&centile::dgc::api::calculation("who", &value(&r)).unwrap())
    };
    let options = value(&json!({"subject": "Patient/p1", "derivedFrom": "Observation/o1"}));
    let cases = [
        (
            request("arm_circumference", 14.5, json!({})),
            "urn:centile:result",
            "arm-circumference-centile",
            None,
            "56072-2",
            "cm",
        ),
        (
            request("weight_for_length", 8.9, json!({"length": 74.0})),
            "http://loinc.org",
            "77606-2",
            Some("http://hl7.org/fhir/us/core/StructureDefinition/pediatric-weight-for-height"),
            "29463-7",
            "kg",
        ),
        (
            request("weight_for_height", 8.9, json!({"height": 74.0})),
            "http://loinc.org",
            "77606-2",
            Some("http://hl7.org/fhir/us/core/StructureDefinition/pediatric-weight-for-height"),
            "29463-7",
            "kg",
        ),
    ];
    for (m, system, code, profile, loinc, unit) in cases {
        let o = json(&to_fhir(&value(&m), &options).unwrap());
        assert_eq!(o["code"]["coding"][0]["system"], system, "{o}");
        assert_eq!(o["code"]["coding"][0]["code"], code);
        assert_eq!(o["meta"]["profile"][0].as_str(), profile);
        let values = &m["measurement_calculated_values"];
        assert_eq!(o["valueQuantity"]["value"], values["corrected_centile"]);
        assert_eq!(
            o["component"][0]["valueQuantity"]["value"],
            values["corrected_sds"]
        );
        assert_eq!(
            o["component"][2]["valueQuantity"]["value"],
            values["chronological_sds"]
        );
        assert_eq!(
            o["component"][3]["code"]["coding"][0]["system"],
            "http://loinc.org"
        );
        assert_eq!(o["component"][3]["code"]["coding"][0]["code"], loinc);
        assert_eq!(
            o["component"][3]["valueQuantity"]["value"],
            m["child_observation_value"]["observation_value"]
        );
        assert_eq!(o["component"][3]["valueQuantity"]["code"], unit);
        assert_eq!(o["method"]["coding"][0]["code"], "who");
    }
    for method in ["triceps_skinfold", "subscapular_skinfold"] {
        let m = request(method, 7.5, json!({}));
        let e = to_fhir(&value(&m), &Value::Null).unwrap_err();
        assert_eq!(
            json(&e.detail),
            json!([{"loc": ["body", "child_observation_value", "measurement_method"],
                "msg": format!("No LOINC code is known for {method}: toFhir does not write it"),
                "type": "value_error", "input": null}])
        );
    }
}

//! The JavaScript-facing contract of the other functions: the fictional-child request, the calculation options,
//! what `velocity`, `acceleration`, `thriveLine` and the SDS functions read, the 422 detail, the bulk response and
//! `buildInfo()`, in `pkg-template/index.d.ts`, generated with the measurement object's (`contract.rs`,
//! `make protocol`). The request keys are those the `dgc::api` readers read (a test below checks their shapes);
//! `tests/types/drift.test.mjs` checks real results against the responses.

use super::contract::{absent, interface, key, opt, union, Interface, Ty};
use crate::engine::fictional::IntervalUnit;
use std::fmt::Write;

const NUM: Ty = Ty::Number;
const BOOLEAN: Ty = Ty::Ts("boolean");
const SEX: Ty = Ty::Ts("Sex");
const METHOD: Ty = Ty::Ts("MeasurementMethod");
const REFERENCE: Ty = Ty::Ts("Reference");

static FICTIONAL_CHILD_REQUEST: Interface = Interface {
    name: "FictionalChildRequest",
    doc: "The body of a dGC `POST /{reference}/fictional-child-data` request.",
    extends: &[],
    fields: &[
        key("measurement_method", METHOD, ""),
        key("sex", SEX, ""),
        opt("start_chronological_age", &NUM, "Decimal years, default 0."),
        opt("end_age", &NUM, "Decimal years, default 20."),
        opt("gestation_weeks", &NUM, "22–44, default 40."),
        opt("gestation_days", &NUM, "0–6, default 0."),
        opt(
            "measurement_interval_type",
            &Ty::Ts("MeasurementIntervalType"),
            "Default `months`.",
        ),
        opt(
            "measurement_interval_number",
            &NUM,
            "A whole number of intervals between observations, default 20.",
        ),
        opt("start_sds", &NUM, "Default 0."),
        opt(
            "drift",
            &BOOLEAN,
            "Drift the SDS by `drift_range` (default -0.05) over the series.",
        ),
        opt("drift_range", &NUM, ""),
        opt(
            "noise",
            &BOOLEAN,
            "Add noise of up to `noise_range` (default 0.005).",
        ),
        opt("noise_range", &NUM, ""),
        opt(
            "seed",
            &NUM,
            "Seeds the noise (a whole number ≥ 1, default 1), so a series is reproducible.",
        ),
        opt(
            "reference",
            &REFERENCE,
            "Checked as the API checks it (`uk-who`, `trisomy-21`, `turners-syndrome`, `cdc`, or the route's own); \
             the route's is used.",
        ),
    ],
};

static CALCULATION_OPTIONS: Interface = Interface {
    name: "CalculationOptions",
    doc: "Options of `calculation`, `bulkCalculation` and `fictionalChildData`.",
    extends: &[],
    fields: &[absent(
        "strict",
        BOOLEAN,
        "Throw a CentileError (422, `loc: ['body', 'observation_value']`) instead of answering a measurement that \
         carries an error: a flagged value (`observation_value_error`) or an age without reference data. Default \
         false: such answers are given as the dGC server gives them.",
    )],
};

static DYNAMICS_MEASUREMENT: Interface = Interface {
    name: "DynamicsMeasurement",
    doc: "What `velocity` and `acceleration` read from each measurement object: the method, value and \
          chronological age. A MeasurementObject fits, and so does a dGC API response.",
    extends: &[],
    fields: &[
        key(
            "child_observation_value",
            Ty::Ts("{ measurement_method: string; observation_value: number | null }"),
            "",
        ),
        key(
            "measurement_dates",
            Ty::Ts("{ chronological_decimal_age: number }"),
            "",
        ),
    ],
};

static THRIVE_LINE_REQUEST: Interface = Interface {
    name: "ThriveLineRequest",
    doc: "Arguments of `thriveLine` (experimental; UK-WHO weight).",
    extends: &[],
    fields: &[
        key("sex", SEX, ""),
        key("start_sds", NUM, "The weight SDS at the first age."),
        key(
            "months",
            Ty::Ts("readonly number[]"),
            "Ages in months, 0–12, at least one.",
        ),
        opt(
            "target_centile",
            &NUM,
            "The conditional centile to grow at, strictly between 0 and 100; default 5.",
        ),
    ],
};

static SDS_FOR_MEASUREMENT_ARGS: Interface = Interface {
    name: "SdsForMeasurementArgs",
    doc: "Arguments of `sdsForMeasurement`. `age` is in decimal years (negative: before term).",
    extends: &[],
    fields: &[
        key("reference", REFERENCE, ""),
        key("measurement_method", METHOD, ""),
        key("sex", SEX, ""),
        key("age", NUM, ""),
        key("observation_value", NUM, ""),
    ],
};

static MEASUREMENT_FROM_SDS_ARGS: Interface = Interface {
    name: "MeasurementFromSdsArgs",
    doc: "Arguments of `measurementFromSds`.",
    extends: &[],
    fields: &[
        key("reference", REFERENCE, ""),
        key("measurement_method", METHOD, ""),
        key("sex", SEX, ""),
        key("age", NUM, ""),
        key("sds", NUM, ""),
    ],
};

static PERCENTAGE_MEDIAN_BMI_ARGS: Interface = Interface {
    name: "PercentageMedianBmiArgs",
    doc: "Arguments of `percentageMedianBmi`.",
    extends: &[],
    fields: &[
        key("reference", REFERENCE, ""),
        key("sex", SEX, ""),
        key("age", NUM, ""),
        key("bmi", NUM, ""),
    ],
};

static ERROR_DETAIL: Interface = Interface {
    name: "ErrorDetail",
    doc: "One problem with a request, as an item of the dGC API's 422 `detail` list.",
    extends: &[],
    fields: &[
        key(
            "loc",
            Ty::Ts("(string | number)[]"),
            "Where the problem is, e.g. `[\"body\", \"observation_value\"]` or `[\"body\", \"observations\", 3, \
             \"observation_date\"]`.",
        ),
        key("msg", Ty::Text, ""),
        key(
            "type",
            Ty::Text,
            "e.g. `missing`, `float_type`, `value_error`.",
        ),
        key(
            "input",
            Ty::Null,
            "Always `null`: errors name the field and the rule, never a child's values (the API's key is kept for \
             its shape).",
        ),
    ],
};

static BULK_RESPONSE: Interface = Interface {
    name: "BulkResponse",
    doc: "",
    extends: &[],
    fields: &[key(
        "results",
        Ty::Ts("BulkResult[]"),
        "One entry per observation, in order.",
    )],
};

static THRIVE_LINE: Interface = Interface {
    name: "ThriveLine",
    doc: "What `thriveLine` returns: one entry per requested age in each list.",
    extends: &[],
    fields: &[
        key("zs", Ty::Ts("number[]"), "The SDS at each age."),
        key("ages", Ty::Ts("number[]"), "The ages in decimal years."),
        key(
            "observation_values",
            Ty::Ts("(number | null)[]"),
            "The weight (kg, 4 dp) at each age; null where the reference has none.",
        ),
    ],
};

static BUILD_INFO: Interface = Interface {
    name: "BuildInfo",
    doc: "What `buildInfo()` returns.",
    extends: &[],
    fields: &[
        key("name", Ty::Text, ""),
        key("version", Ty::Text, ""),
        key("commit", Ty::Text, "The git commit the package was built from."),
        key(
            "rustc",
            Ty::Text,
            "The Rust compiler that built the .wasm (`rustc --version`).",
        ),
        key("reference_data", Ty::Text, ""),
        key(
            "reference_data_fingerprint",
            Ty::Text,
            "SHA-256 of the embedded reference tables (REFERENCE-DATA.md, SECURITY.md).",
        ),
        key(
            "verify",
            Ty::Text,
            "How to check this package against its source: a rebuild of `commit` is byte-identical.",
        ),
    ],
};

/// The other functions' types, appended to `out`.
pub(super) fn typescript(out: &mut String) {
    out.push_str("\n// ---- the other functions' requests and responses\n\n");
    union(
        out,
        "The unit of `measurement_interval_number` in a fictional-child request.",
        "MeasurementIntervalType",
        &IntervalUnit::NAMES,
    );
    for i in [
        &FICTIONAL_CHILD_REQUEST,
        &CALCULATION_OPTIONS,
        &DYNAMICS_MEASUREMENT,
        &THRIVE_LINE_REQUEST,
        &SDS_FOR_MEASUREMENT_ARGS,
        &MEASUREMENT_FROM_SDS_ARGS,
        &PERCENTAGE_MEDIAN_BMI_ARGS,
        &ERROR_DETAIL,
    ] {
        interface(out, i);
    }
    let _ = writeln!(
        out,
        "\n/** A bulk result: the measurement object, or (`'loc' in entry`) why that observation failed. */\n\
         export type BulkResult = {} | {};",
        super::contract::MEASUREMENT_OBJECT.name,
        ERROR_DETAIL.name
    );
    for i in [&BULK_RESPONSE, &THRIVE_LINE, &BUILD_INFO] {
        interface(out, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dgc::api::{
        FICTIONAL_REQUEST, MEASUREMENTS, MEASUREMENT_ARGS, PERCENTAGE_MEDIAN_BMI_ARGS as BMI_ARGS,
        SDS_ARGS, THRIVE_REQUEST,
    };
    use crate::dgc::error::{ErrorDetail, Loc};
    use crate::engine::thrive::ThriveLine;

    fn interface_keys(i: &Interface) -> Vec<&'static str> {
        i.fields.iter().map(|f| f.key).collect()
    }

    /// Each request interface names exactly the fields its Rust reader reads, in the reader's order.
    #[test]
    fn request_interfaces_are_the_request_shapes() {
        for (i, shape) in [
            (&FICTIONAL_CHILD_REQUEST, &FICTIONAL_REQUEST),
            (&THRIVE_LINE_REQUEST, &THRIVE_REQUEST),
            (&SDS_FOR_MEASUREMENT_ARGS, &SDS_ARGS),
            (&MEASUREMENT_FROM_SDS_ARGS, &MEASUREMENT_ARGS),
            (&PERCENTAGE_MEDIAN_BMI_ARGS, &BMI_ARGS),
            (&DYNAMICS_MEASUREMENT, &MEASUREMENTS),
        ] {
            assert_eq!(interface_keys(i), shape.keys(), "{}", i.name);
        }
    }

    /// The keys of `json`, an object serialised in order, are exactly those of `i`, in its order.
    fn serialises_as(json: &str, i: &Interface) {
        let mut keys = Vec::new();
        let mut rest = json.strip_prefix('{').unwrap_or_default();
        while let Some(tail) = rest.strip_prefix('"') {
            let Some((k, after)) = tail.split_once("\":") else {
                break;
            };
            keys.push(k);
            let mut depth = 0;
            let end = after
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '[' | '{' => depth += 1,
                        ']' | '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0 && c == ','
                })
                .map_or(after.len(), |(n, _)| n + 1);
            rest = &after[end..];
        }
        assert_eq!(keys, interface_keys(i), "{}", i.name);
    }

    /// The response interfaces name the keys the Rust serialisers write, in their order.
    #[test]
    fn responses_are_what_rust_serialises() {
        let detail = ErrorDetail::new(vec![Loc::Key("body".into()), Loc::Index(3)], "m", "missing");
        serialises_as(
            &serde_json::to_string(&detail).unwrap_or_default(),
            &ERROR_DETAIL,
        );
        let line = ThriveLine {
            zs: vec![0.0, 1.0],
            ages: vec![0.0, 1.0],
            observation_values: vec![None, Some(1.0)],
        };
        serialises_as(
            &serde_json::to_string(&line).unwrap_or_default(),
            &THRIVE_LINE,
        );
    }
}

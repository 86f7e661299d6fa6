//! The JavaScript-facing contract of a measurement, described once: the TypeScript unions, the calculation
//! requests and the measurement object's interfaces of `pkg-template/index.d.ts`, and the fast path's builder in
//! `pkg-template/protocol.js` that fills the object from the record (key order, and which slot or text fills each
//! key). Both files are generated from the descriptions below (`make protocol`); a test fails while either
//! differs. The general path's serialiser (`dgc::measurement_response`) must give the same JSON, byte for byte
//! (`tests/js/fastpath.test.mjs`), so adding a response field means: a slot in `record.rs` if the fast path needs a
//! new number, a serialised key in `measurement_response.rs`, and a [`Field`] here; then `make protocol`. The
//! chart-coordinate, mid-parental and FHIR types and the other functions' requests and responses are described in
//! `contract_chart.rs`, `contract_fhir.rs` and `contract_functions.rs` with the same [`Interface`]s, and generated
//! after these.

use super::record::{result, slot, Text, TEXTS};
use crate::dgc::measurement_request::BONE_AGE_TYPES;
use crate::engine::centiles::CentileFormat;
use crate::engine::chart::Segment;
use crate::{Method, Reference, Sex};
use std::fmt::Write;

/// A value's TypeScript type.
#[derive(Clone, Copy)]
pub(crate) enum Ty {
    Number,
    Text,
    Null,
    /// A string literal.
    Literal(&'static str),
    /// A named or composite TypeScript type (`Sex`, `string[]`, `readonly Observation[]`).
    Ts(&'static str),
    Interface(&'static Interface),
    Nullable(&'static Ty),
}

/// How the fast path fills a key from the record and the request it read.
#[derive(Clone, Copy)]
pub(crate) enum Fill {
    /// Not built by the fast path (request fields, and interfaces filled through their fields' owners).
    None,
    /// `null`: the fast path only serves requests without bone age or events.
    Null,
    /// The type's string literal.
    Literal,
    /// A JavaScript expression over the builder's arguments: `reference`, `birth`, `observation`, `weeks`,
    /// `days`, and `provenance(reference)`.
    Js(&'static str),
    /// The number in a record slot (`null` for NaN where the type is nullable).
    Number(usize),
    /// The text of this kind whose code is in a record slot (`null` for NaN).
    Text(Text, usize),
    /// The same, or `''` when the slot is NaN.
    TextOrEmpty(Text, usize),
    /// The age comment sentence `n` (0–3) of the record's comment code.
    Comment(u32),
    /// Whole weeks (`true`) or days of the post-menstrual age code in a slot, `null` for NaN.
    Gestation(bool, usize),
    /// An object filled field by field.
    Object,
}

/// One key of an interface.
pub(crate) struct Field {
    pub key: &'static str,
    pub ty: Ty,
    pub optional: bool,
    pub doc: &'static str,
    pub fill: Fill,
}

/// A TypeScript interface; with `extends`, it declares only the keys its parent does not.
pub(crate) struct Interface {
    pub name: &'static str,
    pub doc: &'static str,
    pub extends: &'static [&'static Interface],
    pub fields: &'static [Field],
}

const fn f(key: &'static str, ty: Ty, fill: Fill) -> Field {
    Field {
        key,
        ty,
        optional: false,
        doc: "",
        fill,
    }
}

const fn d(key: &'static str, ty: Ty, doc: &'static str, fill: Fill) -> Field {
    Field {
        key,
        ty,
        optional: false,
        doc,
        fill,
    }
}

/// A key the fast path does not fill: a request's, or one of a response the package builds otherwise.
pub(super) const fn key(key: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        optional: false,
        doc,
        fill: Fill::None,
    }
}

/// A key that may be absent (`key?: T`).
pub(super) const fn absent(key: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        optional: true,
        doc,
        fill: Fill::None,
    }
}

/// An optional request field, `T | null`.
pub(super) const fn opt(key: &'static str, ty: &'static Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty: Ty::Nullable(ty),
        optional: true,
        doc,
        fill: Fill::None,
    }
}

const NUM: Ty = Ty::Number;
const NUM_OR_NULL: Ty = Ty::Nullable(&Ty::Number);
const TEXT_OR_NULL: Ty = Ty::Nullable(&Ty::Text);
const STRINGS: Ty = Ty::Ts("string[]");
const STRINGS_OR_NULL: Ty = Ty::Nullable(&STRINGS);
const BONE_AGE_TYPE: Ty = Ty::Ts("BoneAgeType");
const BONE_AGE_TYPE_OR_NULL: Ty = Ty::Nullable(&BONE_AGE_TYPE);

const C: usize = slot::CORRECTED;
const H: usize = slot::CHRONOLOGICAL;

// ------------------------------------------------------------------------------------------------ requests

pub(crate) static BIRTH_DETAILS: Interface = Interface {
    name: "BirthDetails",
    doc: "The birth details of a child (shared by every observation of a bulk request).",
    extends: &[],
    fields: &[
        d("birth_date", Ty::Text, "`YYYY-MM-DD`.", Fill::None),
        f("sex", Ty::Ts("Sex"), Fill::None),
        f(
            "measurement_method",
            Ty::Ts("MeasurementMethod"),
            Fill::None,
        ),
        opt("gestation_weeks", &NUM, "22–44, default 40."),
        opt("gestation_days", &NUM, "0–6, default 0."),
    ],
};

pub(crate) static OBSERVATION_NOTES: Interface = Interface {
    name: "ObservationNotes",
    doc: "Bone age and event notes: passed through to the result unchanged.",
    extends: &[],
    fields: &[
        opt("bone_age", &NUM, ""),
        opt("bone_age_type", &BONE_AGE_TYPE, ""),
        opt("bone_age_sds", &NUM, ""),
        opt("bone_age_centile", &NUM, ""),
        opt("bone_age_text", &Ty::Text, ""),
        opt("events_text", &STRINGS, ""),
    ],
};

pub(crate) static OBSERVATION: Interface = Interface {
    name: "Observation",
    doc: "One observation of a bulk request.",
    extends: &[&OBSERVATION_NOTES],
    fields: &[
        d(
            "observation_date",
            Ty::Text,
            "`YYYY-MM-DD`, not before the birth date.",
            Fill::None,
        ),
        d(
            "observation_value",
            Ty::Number,
            "cm, kg or kg/m² (> 0).",
            Fill::None,
        ),
        opt(
            "length",
            &NUM,
            "Beyond the dGC API (docs/nutrition.md): the length of `weight_for_length`, cm. Read by the \
             centile/nutrition entry (the others answer a 422 naming it), the Rust API and the Python package.",
        ),
        opt(
            "height",
            &NUM,
            "Beyond the dGC API (docs/nutrition.md): the height of `weight_for_height`, cm. Read by the \
             centile/nutrition entry (the others answer a 422 naming it), the Rust API and the Python package.",
        ),
    ],
};

pub(crate) static MEASUREMENT_REQUEST: Interface = Interface {
    name: "MeasurementRequest",
    doc: "The body of a dGC `POST /{reference}/calculation` request.",
    extends: &[&BIRTH_DETAILS, &OBSERVATION],
    fields: &[],
};

pub(crate) static BULK_REQUEST: Interface = Interface {
    name: "BulkRequest",
    doc: "The body of a dGC `POST /{reference}/bulk-calculation` request (no cap on the number of observations).",
    extends: &[&BIRTH_DETAILS],
    fields: &[
        f("observations", Ty::Ts("readonly Observation[]"), Fill::None),
        opt(
            "implausible_value_flags",
            &Ty::Ts("boolean"),
            "Beyond the dGC API (docs/nutrition.md): add WHO Anthro's and the CDC program's implausible-value \
             flags to each result. Read by the centile/nutrition entry (the others answer a 422 naming it), the \
             Rust API and the Python package.",
        ),
    ],
};

// ------------------------------------------------------------------------------------------------ the measurement object

static CALCULATION_ENGINE: Interface = Interface {
    name: "CalculationEngine",
    doc: "",
    extends: &[],
    fields: &[
        f("name", Ty::Text, Fill::None),
        f("version", Ty::Text, Fill::None),
        f("commit", Ty::Text, Fill::None),
    ],
};

static REFERENCE_DATA_PROVENANCE: Interface = Interface {
    name: "ReferenceDataProvenance",
    doc: "",
    extends: &[],
    fields: &[
        d("source", Ty::Text, "e.g. `rcpchgrowth 4.6.5`.", Fill::None),
        d(
            "fingerprint",
            Ty::Text,
            "SHA-256 of the embedded tables.",
            Fill::None,
        ),
    ],
};

static PROVENANCE: Interface = Interface {
    name: "Provenance",
    doc: "",
    extends: &[],
    fields: &[
        f("growth_reference", Ty::Ts("ReferenceName"), Fill::None),
        f(
            "calculation_engine",
            Ty::Interface(&CALCULATION_ENGINE),
            Fill::None,
        ),
        f(
            "reference_data",
            Ty::Interface(&REFERENCE_DATA_PROVENANCE),
            Fill::None,
        ),
    ],
};

static BIRTH_DATA: Interface = Interface {
    name: "BirthData",
    doc: "",
    extends: &[],
    fields: &[
        f("birth_date", Ty::Text, Fill::Js("birth.birth_date")),
        f("gestation_weeks", NUM, Fill::Js("weeks")),
        f("gestation_days", NUM, Fill::Js("days")),
        d(
            "estimated_date_delivery",
            Ty::Text,
            "`YYYY-MM-DD`.",
            Fill::Text(Text::DateIso, slot::EDD),
        ),
        d(
            "estimated_date_delivery_string",
            Ty::Text,
            "e.g. `Mon 09 March, 2020`.",
            Fill::Text(Text::DateLong, slot::EDD),
        ),
        f("sex", Ty::Ts("Sex"), Fill::Js("birth.sex")),
    ],
};

static CORRECTED_GESTATIONAL_AGE: Interface = Interface {
    name: "CorrectedGestationalAge",
    doc: "Post-menstrual age, until two weeks past the due date.",
    extends: &[],
    fields: &[
        f(
            "corrected_gestation_weeks",
            NUM_OR_NULL,
            Fill::Gestation(true, slot::GESTATIONAL_AGE),
        ),
        f(
            "corrected_gestation_days",
            NUM_OR_NULL,
            Fill::Gestation(false, slot::GESTATIONAL_AGE),
        ),
    ],
};

static AGE_COMMENTS: Interface = Interface {
    name: "AgeComments",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "clinician_corrected_decimal_age_comment",
            Ty::Text,
            Fill::Comment(1),
        ),
        f(
            "lay_corrected_decimal_age_comment",
            Ty::Text,
            Fill::Comment(0),
        ),
        f(
            "clinician_chronological_decimal_age_comment",
            Ty::Text,
            Fill::Comment(3),
        ),
        f(
            "lay_chronological_decimal_age_comment",
            Ty::Text,
            Fill::Comment(2),
        ),
    ],
};

static MEASUREMENT_DATES: Interface = Interface {
    name: "MeasurementDates",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "observation_date",
            Ty::Text,
            Fill::Js("observation.observation_date"),
        ),
        d(
            "chronological_decimal_age",
            NUM,
            "Decimal years.",
            Fill::Number(slot::CHRONOLOGICAL_AGE),
        ),
        d(
            "corrected_decimal_age",
            NUM,
            "Decimal years, corrected for gestation by the reference's rule (negative before term).",
            Fill::Number(slot::CORRECTED_AGE),
        ),
        d(
            "chronological_calendar_age",
            Ty::Text,
            "e.g. `1 year, 2 months and 3 days`.",
            Fill::Text(Text::Calendar, slot::CHRONOLOGICAL_CALENDAR),
        ),
        d(
            "corrected_calendar_age",
            TEXT_OR_NULL,
            "Null before the due date.",
            Fill::Text(Text::Calendar, slot::CORRECTED_CALENDAR),
        ),
        f(
            "corrected_gestational_age",
            Ty::Interface(&CORRECTED_GESTATIONAL_AGE),
            Fill::Object,
        ),
        f("comments", Ty::Interface(&AGE_COMMENTS), Fill::Object),
        d(
            "corrected_decimal_age_error",
            Ty::Null,
            AGE_ERROR_NULL,
            Fill::Null,
        ),
        d(
            "chronological_decimal_age_error",
            Ty::Null,
            AGE_ERROR_NULL,
            Fill::Null,
        ),
    ],
};

static CHILD_OBSERVATION_VALUE: Interface = Interface {
    name: "ChildObservationValue",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "measurement_method",
            Ty::Ts("MeasurementMethod"),
            Fill::Js("birth.measurement_method"),
        ),
        f(
            "observation_value",
            NUM,
            Fill::Js("observation.observation_value"),
        ),
        d(
            "observation_value_error",
            TEXT_OR_NULL,
            "Why the value is flagged, judged at the corrected age (no reference data there, a height under 2 that \
             looks like metres, or beyond ±8 SDS, ±15 for BMI), or null. The numbers are still given; \
             `{ strict: true }` makes such an answer a CentileError (422) instead.",
            Fill::Text(Text::MeasurementError, slot::OBSERVATION_ERROR),
        ),
    ],
};

static MEASUREMENT_CALCULATED_VALUES: Interface = Interface {
    name: "MeasurementCalculatedValues",
    doc: "SDS, centile and band at each age. Where the reference has no data at an age, that age's SDS, centile \
          and band are null and its `*_measurement_error` says why (at both ages, as rcpchgrowth answers, unless \
          `strict`).",
    extends: &[],
    fields: &[
        d(
            "corrected_sds",
            NUM_OR_NULL,
            "Null when the reference has no data at the corrected age (see `corrected_measurement_error`).",
            Fill::Number(C + result::SDS),
        ),
        d(
            "corrected_centile",
            NUM_OR_NULL,
            "0–100, unrounded.",
            Fill::Number(C + result::CENTILE),
        ),
        d(
            "corrected_centile_band",
            TEXT_OR_NULL,
            "A sentence; null without an SDS, and exactly on the top edge of the highest band.",
            Fill::Text(Text::Band, C + result::BAND),
        ),
        d(
            "chronological_sds",
            NUM_OR_NULL,
            "Null when the reference has no data at the chronological age (see `chronological_measurement_error`).",
            Fill::Number(H + result::SDS),
        ),
        f(
            "chronological_centile",
            NUM_OR_NULL,
            Fill::Number(H + result::CENTILE),
        ),
        f(
            "chronological_centile_band",
            TEXT_OR_NULL,
            Fill::Text(Text::Band, H + result::BAND),
        ),
        d(
            "corrected_measurement_error",
            TEXT_OR_NULL,
            "Why there is no corrected SDS, or null.",
            Fill::Text(Text::MeasurementError, slot::CORRECTED_ERROR),
        ),
        d(
            "chronological_measurement_error",
            TEXT_OR_NULL,
            "Why there is no chronological SDS, or null.",
            Fill::Text(Text::MeasurementError, slot::CHRONOLOGICAL_ERROR),
        ),
        d(
            "corrected_percentage_median_bmi",
            NUM_OR_NULL,
            "BMI only; null for other methods.",
            Fill::Number(C + result::PERCENTAGE_MEDIAN_BMI),
        ),
        f(
            "chronological_percentage_median_bmi",
            NUM_OR_NULL,
            Fill::Number(H + result::PERCENTAGE_MEDIAN_BMI),
        ),
    ],
};

/// The doc of an age `x` (of a measurement point or a chart point).
pub(super) const DECIMAL_AGE: &str = "Age in decimal years.";
/// The doc of a point's `b`.
const BONE_AGE_AS_GIVEN: &str = "Bone age, as given.";
/// The doc of the always-null age errors.
const AGE_ERROR_NULL: &str = "Always null: an invalid age throws a CentileError instead.";

static PLOTTABLE_POINT_COMMON: Interface = Interface {
    name: "PlottablePointCommon",
    doc: "The keys every plotted point has.",
    extends: &[],
    fields: &[
        d("x", NUM, DECIMAL_AGE, Fill::None),
        d("b", NUM_OR_NULL, BONE_AGE_AS_GIVEN, Fill::None),
        f("events_text", STRINGS_OR_NULL, Fill::None),
        f("bone_age_label", TEXT_OR_NULL, Fill::None),
        f("bone_age_type", BONE_AGE_TYPE_OR_NULL, Fill::None),
        f("bone_age_sds", NUM_OR_NULL, Fill::None),
        f("bone_age_centile", NUM_OR_NULL, Fill::None),
        f("lay_comment", Ty::Text, Fill::None),
        f("clinician_comment", Ty::Text, Fill::None),
        d("age_error", Ty::Null, "Always null.", Fill::None),
    ],
};

/// The keys of one plotted point, in the serialiser's order: at the corrected age or not, on an SDS chart
/// (`y` is the SDS, `sds` is null) or a centile chart (`y` is the measurement).
macro_rules! point {
    ($name:literal, $doc:literal, $corrected:expr, $sds_chart:expr) => {{
        const CORRECTED: bool = $corrected;
        const SDS_CHART: bool = $sds_chart;
        const AGE: usize = if CORRECTED { C } else { H };
        Interface {
            name: $name,
            doc: $doc,
            extends: &[&PLOTTABLE_POINT_COMMON],
            fields: &[
                d(
                    "x",
                    NUM,
                    DECIMAL_AGE,
                    Fill::Number(if CORRECTED {
                        slot::CORRECTED_AGE
                    } else {
                        slot::CHRONOLOGICAL_AGE
                    }),
                ),
                if SDS_CHART {
                    d(
                        "y",
                        NUM_OR_NULL,
                        "The SDS; null when the reference has no data at this age.",
                        Fill::Number(AGE + result::SDS),
                    )
                } else {
                    f("y", NUM, Fill::Js("observation.observation_value"))
                },
                d("b", NUM_OR_NULL, BONE_AGE_AS_GIVEN, Fill::Null),
                d(
                    "centile",
                    NUM_OR_NULL,
                    "Null when the reference has no data at this age.",
                    Fill::Number(AGE + result::CENTILE),
                ),
                if SDS_CHART {
                    d("sds", Ty::Null, "Always null (`y` is the SDS).", Fill::Null)
                } else {
                    f("sds", NUM_OR_NULL, Fill::Number(AGE + result::SDS))
                },
                f("events_text", STRINGS_OR_NULL, Fill::Null),
                f("bone_age_label", TEXT_OR_NULL, Fill::Null),
                f("bone_age_type", BONE_AGE_TYPE_OR_NULL, Fill::Null),
                f("bone_age_sds", NUM_OR_NULL, Fill::Null),
                f("bone_age_centile", NUM_OR_NULL, Fill::Null),
                if SDS_CHART {
                    d("observation_error", Ty::Null, "Always null.", Fill::Null)
                } else {
                    d(
                        "observation_error",
                        TEXT_OR_NULL,
                        "As `child_observation_value.observation_value_error`.",
                        Fill::Text(Text::MeasurementError, slot::OBSERVATION_ERROR),
                    )
                },
                if CORRECTED {
                    f("age_type", Ty::Literal("corrected_age"), Fill::Literal)
                } else {
                    f("age_type", Ty::Literal("chronological_age"), Fill::Literal)
                },
                if CORRECTED {
                    d(
                        "corrected_gestational_age",
                        Ty::Text,
                        "e.g. `38 + 6 weeks`; empty after two weeks past the due date.",
                        Fill::TextOrEmpty(Text::GestationalAge, slot::GESTATIONAL_AGE),
                    )
                } else {
                    SKIP
                },
                if CORRECTED {
                    f(
                        "calendar_age",
                        TEXT_OR_NULL,
                        Fill::Text(Text::Calendar, slot::CORRECTED_CALENDAR),
                    )
                } else {
                    f(
                        "calendar_age",
                        Ty::Text,
                        Fill::Text(Text::Calendar, slot::CHRONOLOGICAL_CALENDAR),
                    )
                },
                f(
                    "lay_comment",
                    Ty::Text,
                    Fill::Comment(if CORRECTED { 0 } else { 2 }),
                ),
                f(
                    "clinician_comment",
                    Ty::Text,
                    Fill::Comment(if CORRECTED { 1 } else { 3 }),
                ),
                d("age_error", Ty::Null, "Always null.", Fill::Null),
                f(
                    "centile_band",
                    TEXT_OR_NULL,
                    Fill::Text(Text::Band, AGE + result::BAND),
                ),
                d(
                    "observation_value_error",
                    TEXT_OR_NULL,
                    "Why there is no SDS at this age, or null.",
                    Fill::Text(
                        Text::MeasurementError,
                        if CORRECTED {
                            slot::CORRECTED_ERROR
                        } else {
                            slot::CHRONOLOGICAL_ERROR
                        },
                    ),
                ),
            ],
        }
    }};
}

/// A placeholder the point macro leaves where a key does not apply (filtered out).
const SKIP: Field = f("", Ty::Null, Fill::None);

static CHRONOLOGICAL_CENTILE_POINT: Interface = point!(
    "ChronologicalCentilePoint",
    "A point at the chronological age on a centile chart (`y` is the measurement).",
    false,
    false
);
static CORRECTED_CENTILE_POINT: Interface = point!(
    "CorrectedCentilePoint",
    "A point at the corrected age on a centile chart (`y` is the measurement).",
    true,
    false
);
static CHRONOLOGICAL_SDS_POINT: Interface = point!(
    "ChronologicalSdsPoint",
    "A point at the chronological age on an SDS chart (`y` is the SDS).",
    false,
    true
);
static CORRECTED_SDS_POINT: Interface = point!(
    "CorrectedSdsPoint",
    "A point at the corrected age on an SDS chart (`y` is the SDS).",
    true,
    true
);

static CENTILE_PLOT_DATA: Interface = Interface {
    name: "CentilePlotData",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "chronological_decimal_age_data",
            Ty::Interface(&CHRONOLOGICAL_CENTILE_POINT),
            Fill::Object,
        ),
        f(
            "corrected_decimal_age_data",
            Ty::Interface(&CORRECTED_CENTILE_POINT),
            Fill::Object,
        ),
    ],
};

static SDS_PLOT_DATA: Interface = Interface {
    name: "SdsPlotData",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "chronological_decimal_age_data",
            Ty::Interface(&CHRONOLOGICAL_SDS_POINT),
            Fill::Object,
        ),
        f(
            "corrected_decimal_age_data",
            Ty::Interface(&CORRECTED_SDS_POINT),
            Fill::Object,
        ),
    ],
};

static PLOTTABLE_DATA: Interface = Interface {
    name: "PlottableData",
    doc: "",
    extends: &[],
    fields: &[
        f(
            "centile_data",
            Ty::Interface(&CENTILE_PLOT_DATA),
            Fill::Object,
        ),
        f("sds_data", Ty::Interface(&SDS_PLOT_DATA), Fill::Object),
    ],
};

static BONE_AGE_DATA: Interface = Interface {
    name: "BoneAgeData",
    doc: "Bone age as given in the request.",
    extends: &[],
    fields: &[
        f("bone_age", NUM_OR_NULL, Fill::Null),
        f("bone_age_type", BONE_AGE_TYPE_OR_NULL, Fill::Null),
        f("bone_age_sds", NUM_OR_NULL, Fill::Null),
        f("bone_age_centile", NUM_OR_NULL, Fill::Null),
        f("bone_age_text", TEXT_OR_NULL, Fill::Null),
    ],
};

static EVENTS_DATA: Interface = Interface {
    name: "EventsData",
    doc: "",
    extends: &[],
    fields: &[f("events_text", STRINGS_OR_NULL, Fill::Null)],
};

pub(crate) static MEASUREMENT_OBJECT: Interface = Interface {
    name: "MeasurementObject",
    doc: "The dGC measurement object: what `POST /{reference}/calculation` returns.",
    extends: &[],
    fields: &[
        f(
            "provenance",
            Ty::Interface(&PROVENANCE),
            Fill::Js("provenance(reference)"),
        ),
        f("birth_data", Ty::Interface(&BIRTH_DATA), Fill::Object),
        f(
            "measurement_dates",
            Ty::Interface(&MEASUREMENT_DATES),
            Fill::Object,
        ),
        f(
            "child_observation_value",
            Ty::Interface(&CHILD_OBSERVATION_VALUE),
            Fill::Object,
        ),
        f(
            "measurement_calculated_values",
            Ty::Interface(&MEASUREMENT_CALCULATED_VALUES),
            Fill::Object,
        ),
        f(
            "plottable_data",
            Ty::Interface(&PLOTTABLE_DATA),
            Fill::Object,
        ),
        f("bone_age", Ty::Interface(&BONE_AGE_DATA), Fill::Object),
        f("events_data", Ty::Interface(&EVENTS_DATA), Fill::Object),
    ],
};

/// The interfaces written to index.d.ts, in order.
const INTERFACES: [&Interface; 25] = [
    &BIRTH_DETAILS,
    &OBSERVATION_NOTES,
    &OBSERVATION,
    &MEASUREMENT_REQUEST,
    &BULK_REQUEST,
    &CALCULATION_ENGINE,
    &REFERENCE_DATA_PROVENANCE,
    &PROVENANCE,
    &BIRTH_DATA,
    &CORRECTED_GESTATIONAL_AGE,
    &AGE_COMMENTS,
    &MEASUREMENT_DATES,
    &CHILD_OBSERVATION_VALUE,
    &MEASUREMENT_CALCULATED_VALUES,
    &PLOTTABLE_POINT_COMMON,
    &CHRONOLOGICAL_CENTILE_POINT,
    &CORRECTED_CENTILE_POINT,
    &CHRONOLOGICAL_SDS_POINT,
    &CORRECTED_SDS_POINT,
    &CENTILE_PLOT_DATA,
    &SDS_PLOT_DATA,
    &PLOTTABLE_DATA,
    &BONE_AGE_DATA,
    &EVENTS_DATA,
    &MEASUREMENT_OBJECT,
];

/// The keys of an interface (those the point macro leaves out skipped).
fn fields(i: &Interface) -> impl Iterator<Item = &Field> {
    i.fields.iter().filter(|f| !f.key.is_empty())
}

fn ts_type(t: &Ty) -> String {
    match t {
        Ty::Number => "number".into(),
        Ty::Text => "string".into(),
        Ty::Null => "null".into(),
        Ty::Literal(s) => format!("'{s}'"),
        Ty::Ts(s) => (*s).into(),
        Ty::Interface(i) => i.name.into(),
        Ty::Nullable(t) => format!("{} | null", ts_type(t)),
    }
}

pub(super) fn doc(out: &mut String, indent: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    let one = format!("{indent}/** {text} */");
    if one.chars().count() <= 120 {
        let _ = writeln!(out, "{one}");
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    let mut line = format!("{indent} *");
    for word in text.split(' ') {
        if line.chars().count() + 1 + word.chars().count() > 116 {
            let _ = writeln!(out, "{line}");
            line = format!("{indent} *");
        }
        line.push(' ');
        line.push_str(word);
    }
    let _ = writeln!(out, "{line}");
    let _ = writeln!(out, "{indent} */");
}

/// A union of string literals, on one line when it fits.
pub(super) fn union(out: &mut String, doc_text: &str, name: &str, members: &[&str]) {
    doc(out, "", doc_text);
    let quoted: Vec<String> = members.iter().map(|m| format!("'{m}'")).collect();
    let one = format!("export type {name} = {};", quoted.join(" | "));
    if one.chars().count() <= 120 {
        let _ = writeln!(out, "{one}");
    } else {
        let _ = writeln!(out, "export type {name} =");
        for (n, q) in quoted.iter().enumerate() {
            let end = if n + 1 == quoted.len() { ";" } else { "" };
            let _ = writeln!(out, "  | {q}{end}");
        }
    }
}

/// The generated part of pkg-template/index.d.ts, between its markers.
pub fn typescript() -> String {
    let mut out = String::new();
    let references: Vec<&str> = Reference::ALL
        .iter()
        .map(|r| r.name())
        .chain(Reference::ALIASES.iter().map(|(a, _)| *a))
        .collect();
    union(
        &mut out,
        "A growth reference: the rcpchgrowth names and the dGC route names (`turner` = `turners-syndrome`).",
        "Reference",
        &references,
    );
    union(
        &mut out,
        "A reference as results name it (`turner` is reported as `turners-syndrome`).",
        "ReferenceName",
        &Reference::ALL.map(Reference::name),
    );
    union(
        &mut out,
        "What was measured: height or length (cm), weight (kg), head circumference (cm), BMI (kg/m²).",
        "MeasurementMethod",
        &Method::ALL.map(Method::name),
    );
    union(&mut out, "", "Sex", &Sex::ALL.map(Sex::name));
    union(
        &mut out,
        "The named sets of centile lines a chart can be drawn with.",
        "CentileFormat",
        &CentileFormat::ALL.map(CentileFormat::name),
    );
    union(&mut out, "", "BoneAgeType", &BONE_AGE_TYPES);
    union(
        &mut out,
        "",
        "AgeType",
        &["chronological_age", "corrected_age"],
    );
    union(
        &mut out,
        "The keys of chart segments (`centile_data` items).",
        "ChartSegmentName",
        &Segment::ALL.map(Segment::name),
    );
    for i in INTERFACES {
        interface(&mut out, i);
    }
    super::contract_chart::typescript(&mut out);
    super::contract_fhir::typescript(&mut out);
    super::contract_functions::typescript(&mut out);
    out
}

/// The declaration of `i`, after a blank line.
pub(super) fn interface(out: &mut String, i: &Interface) {
    out.push('\n');
    doc(out, "", i.doc);
    let parents: Vec<&str> = i.extends.iter().map(|p| p.name).collect();
    let inherited = |key: &str| i.extends.iter().any(|p| fields(p).any(|f| f.key == key));
    let own: Vec<&Field> = fields(i).filter(|f| !inherited(f.key)).collect();
    let head = if parents.is_empty() {
        format!("export interface {}", i.name)
    } else {
        format!("export interface {} extends {}", i.name, parents.join(", "))
    };
    if own.is_empty() {
        let _ = writeln!(out, "{head} {{}}");
        return;
    }
    let _ = writeln!(out, "{head} {{");
    for field in own {
        doc(out, "  ", field.doc);
        let q = if field.optional { "?" } else { "" };
        let _ = writeln!(out, "  {}{q}: {};", field.key, ts_type(&field.ty));
    }
    let _ = writeln!(out, "}}");
}

/// What the builder reads before it builds: every number, then every text (a text can grow the wasm memory,
/// which detaches the record's view).
#[derive(Default)]
struct Reads {
    slots: Vec<usize>,
    texts: Vec<String>,
}

impl Reads {
    fn number(&mut self, s: usize) -> String {
        if !self.slots.contains(&s) {
            self.slots.push(s);
        }
        format!("n{s}")
    }

    fn text(&mut self, call: String) -> String {
        let i = match self.texts.iter().position(|t| *t == call) {
            Some(i) => i,
            None => {
                self.texts.push(call);
                self.texts.len() - 1
            }
        };
        format!("t{i}")
    }
}

fn text_kind(t: Text) -> usize {
    TEXTS.iter().position(|&k| k == t).unwrap_or_default()
}

/// The JavaScript value of `field` in the fast path's object.
fn value(field: &Field, reads: &mut Reads) -> String {
    match field.fill {
        Fill::None => unreachable!("{} is not filled by the fast path", field.key),
        Fill::Null => "null".into(),
        Fill::Literal => match field.ty {
            Ty::Literal(s) => format!("'{s}'"),
            _ => unreachable!("{} has no literal type", field.key),
        },
        Fill::Js(expr) => expr.into(),
        Fill::Number(s) => {
            let n = reads.number(s);
            match field.ty {
                Ty::Nullable(_) => format!("{n} !== {n} ? null : {n}"),
                _ => n,
            }
        }
        Fill::Text(kind, s) => {
            let n = reads.number(s);
            reads.text(format!("text({}, {n})", text_kind(kind)))
        }
        Fill::TextOrEmpty(kind, s) => {
            let n = reads.number(s);
            let t = reads.text(format!("text({}, {n})", text_kind(kind)));
            format!("{n} !== {n} ? '' : {t}")
        }
        Fill::Comment(k) => {
            let n = reads.number(slot::COMMENT);
            reads.text(format!(
                "text({}, {n} * COMMENT_SENTENCES + {k})",
                text_kind(Text::Comment)
            ))
        }
        Fill::Gestation(weeks, s) => {
            let n = reads.number(s);
            if weeks {
                format!("{n} !== {n} ? null : Math.floor({n} / GESTATION_CODE)")
            } else {
                format!("{n} !== {n} ? null : {n} % GESTATION_CODE")
            }
        }
        Fill::Object => unreachable!("{} is filled by `object`", field.key),
    }
}

fn object(i: &Interface, reads: &mut Reads, indent: &str) -> String {
    let inner = format!("{indent}  ");
    let members: Vec<String> = fields(i)
        .map(|f| {
            let v = match f.fill {
                Fill::Object => match f.ty {
                    Ty::Interface(child) => object(child, reads, &inner),
                    _ => unreachable!(),
                },
                _ => value(f, reads),
            };
            format!("{inner}{}: {v},\n", f.key)
        })
        .collect();
    format!("{{\n{}{indent}}}", members.concat())
}

/// `measurementBuilder(record, text, provenance)`, written to protocol.js: the fast path's measurement object
/// from the record the wasm just wrote, in the key order of the Rust serialiser.
pub fn builder() -> String {
    let mut reads = Reads::default();
    let body = object(&MEASUREMENT_OBJECT, &mut reads, "    ");
    // Texts can only be fetched once the numbers they need are read; a text's NaN code gives null.
    let numbers: Vec<String> = reads
        .slots
        .iter()
        .map(|s| format!("n{s} = r[{s}]"))
        .collect();
    let texts: Vec<String> = reads
        .texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("t{i} = {t}"))
        .collect();
    format!(
        "function measurementBuilder(record, text, provenance) {{\n  \
           return function build(reference, birth, observation, weeks, days) {{\n    \
             const r = record();\n    \
             const {};\n    \
             const {};\n    \
             return {body};\n  \
           }};\n\
         }}\n",
        numbers.join(", "),
        texts.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dgc::measurement_request::{BULK, CALCULATION};
    use crate::dgc::shape::Shape;
    use std::collections::BTreeSet;

    fn all_keys(i: &Interface) -> BTreeSet<&'static str> {
        let mut out: BTreeSet<&str> = fields(i).map(|f| f.key).collect();
        for p in i.extends {
            out.extend(all_keys(p));
        }
        out
    }

    /// The request interfaces name exactly the fields the Rust readers read (their shapes).
    #[test]
    fn request_interfaces_are_the_request_shapes() {
        let keys = |shape: &Shape| shape.keys().into_iter().collect::<BTreeSet<_>>();
        assert_eq!(all_keys(&MEASUREMENT_REQUEST), keys(&CALCULATION));
        assert_eq!(all_keys(&BULK_REQUEST), keys(&BULK));
        let Some(Shape::List(observation)) = BULK.member("observations") else {
            panic!("bulk observations are a list")
        };
        assert_eq!(all_keys(&OBSERVATION), keys(observation));
    }

    /// A point redeclares its parent's keys with the same or a narrower type, and every point has them all.
    #[test]
    fn points_have_every_common_key() {
        for p in [
            &CHRONOLOGICAL_CENTILE_POINT,
            &CORRECTED_CENTILE_POINT,
            &CHRONOLOGICAL_SDS_POINT,
            &CORRECTED_SDS_POINT,
        ] {
            let own: BTreeSet<&str> = fields(p).map(|f| f.key).collect();
            for common in fields(&PLOTTABLE_POINT_COMMON) {
                assert!(own.contains(common.key), "{} lacks {}", p.name, common.key);
                let mine = fields(p)
                    .find(|f| f.key == common.key)
                    .map(|f| ts_type(&f.ty));
                assert_eq!(mine, Some(ts_type(&common.ty)), "{}.{}", p.name, common.key);
            }
        }
    }
}

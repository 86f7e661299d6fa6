//! The JavaScript-facing contract of FHIR R4: what `fromFhir` reads and returns, `toFhir`'s options and
//! Observation, and `fhirCalculation`'s result, in `pkg-template/index.d.ts`, generated with the measurement
//! object's (`contract.rs`, `make protocol`). The keys are those `dgc::fhir` reads and writes
//! (`tests/types/drift.test.mjs` checks real results against them).

use super::contract::{absent, interface, key, opt, Field, Interface, Ty};
use crate::dgc::fhir::UCUM;

const TEXT_OR_NULL: Ty = Ty::Nullable(&Ty::Text);
/// Any other element of a resource.
const ELEMENTS: Field = key("[element: string]", Ty::Ts("unknown"), "");

static FHIR_RESOURCE: Interface = Interface {
    name: "FhirResource",
    doc: "A FHIR R4 resource as `fromFhir` reads it: `Patient` (`birthDate`, `gender`) and `Observation`s; others are \
          listed in `ignored`.",
    extends: &[],
    fields: &[
        key("resourceType", Ty::Text, ""),
        absent("id", Ty::Text, ""),
        ELEMENTS,
    ],
};

static FHIR_BUNDLE: Interface = Interface {
    name: "FhirBundle",
    doc: "A FHIR R4 `Bundle` (any type: collection, searchset, transaction, …).",
    extends: &[],
    fields: &[
        key("resourceType", Ty::Literal("Bundle"), ""),
        absent(
            "entry",
            Ty::Ts("readonly { fullUrl?: string; resource?: FhirResource; [element: string]: unknown }[]"),
            "",
        ),
        ELEMENTS,
    ],
};

static SOURCED_OBSERVATION: Interface = Interface {
    name: "SourcedObservation",
    doc: "An observation of a request made by `fromFhir`, with its source Observation (`Observation/id` or the \
          entry's `fullUrl`).",
    extends: &[],
    fields: &[
        key("observation_date", Ty::Text, ""),
        key(
            "observation_value",
            Ty::Number,
            "cm, kg or kg/m², converted exactly from the UCUM unit written.",
        ),
        key("source", TEXT_OR_NULL, ""),
    ],
};

static FHIR_BULK_REQUEST: Interface = Interface {
    name: "FhirBulkRequest",
    doc: "A bulk request read from FHIR. Gestation is null when the bundle has no gestational age at birth (taken \
          as term).",
    extends: &[],
    fields: &[
        key("measurement_method", Ty::Ts("MeasurementMethod"), ""),
        key("birth_date", Ty::Text, ""),
        key("sex", Ty::Ts("Sex"), ""),
        key("gestation_weeks", Ty::Nullable(&Ty::Number), ""),
        key("gestation_days", Ty::Nullable(&Ty::Number), ""),
        key("observations", Ty::Ts("SourcedObservation[]"), ""),
    ],
};

static IGNORED_RESOURCE: Interface = Interface {
    name: "IgnoredResource",
    doc: "A resource `fromFhir` did not use, and why.",
    extends: &[],
    fields: &[
        key(
            "resource",
            Ty::Text,
            "`Type/id`, else the entry's `fullUrl`, else `Type at entry N`.",
        ),
        key("why", Ty::Text, ""),
    ],
};

static FROM_FHIR_RESULT: Interface = Interface {
    name: "FromFhirResult",
    doc: "What `fromFhir` returns.",
    extends: &[],
    fields: &[
        key(
            "requests",
            Ty::Ts("FhirBulkRequest[]"),
            "One bulk request per measurement method present (height, weight, ofc, bmi order), observations in date \
             order.",
        ),
        key("ignored", Ty::Ts("IgnoredResource[]"), ""),
        key(
            "patient",
            TEXT_OR_NULL,
            "The patient as a reference (`Patient/id` or its `fullUrl`), when it has one.",
        ),
    ],
};

static TO_FHIR_OPTIONS: Interface = Interface {
    name: "ToFhirOptions",
    doc: "Options of `toFhir`.",
    extends: &[],
    fields: &[
        opt(
            "subject",
            &Ty::Text,
            "The patient reference, e.g. `Patient/123` (needed for the US Core profiles).",
        ),
        opt(
            "derivedFrom",
            &Ty::Text,
            "The source Observation's reference.",
        ),
        opt(
            "growthReference",
            &Ty::Ts("Reference"),
            "The reference, for a measurement object without `provenance` (a dGC API response).",
        ),
    ],
};

static FHIR_CODING: Interface = Interface {
    name: "FhirCoding",
    doc: "",
    extends: &[],
    fields: &[
        key("system", Ty::Text, ""),
        key("code", Ty::Text, ""),
        key("display", Ty::Text, ""),
    ],
};

static FHIR_CODEABLE_CONCEPT: Interface = Interface {
    name: "FhirCodeableConcept",
    doc: "",
    extends: &[],
    fields: &[
        key("coding", Ty::Ts("FhirCoding[]"), ""),
        key("text", Ty::Text, ""),
    ],
};

static FHIR_QUANTITY: Interface = Interface {
    name: "FhirQuantity",
    doc: "A UCUM quantity.",
    extends: &[],
    fields: &[
        key("value", Ty::Number, ""),
        key("unit", Ty::Text, ""),
        key("system", Ty::Literal(UCUM), ""),
        key("code", Ty::Text, ""),
    ],
};

static FHIR_REFERENCE: Interface = Interface {
    name: "FhirReference",
    doc: "",
    extends: &[],
    fields: &[key("reference", Ty::Text, "")],
};

static GROWTH_OBSERVATION_COMPONENT: Interface = Interface {
    name: "GrowthObservationComponent",
    doc: "`sds`, `chronological-centile`, `chronological-sds` (system `urn:centile:result`), then the measurement \
          (LOINC).",
    extends: &[],
    fields: &[
        key("code", Ty::Interface(&FHIR_CODEABLE_CONCEPT), ""),
        absent(
            "valueQuantity",
            Ty::Interface(&FHIR_QUANTITY),
            "Absent when there is no value at that age (then `dataAbsentReason` says so).",
        ),
        absent("dataAbsentReason", Ty::Interface(&FHIR_CODEABLE_CONCEPT), ""),
    ],
};

static GROWTH_OBSERVATION: Interface = Interface {
    name: "GrowthObservation",
    doc: "A FHIR R4 `Observation` of a result: the centile at the corrected age (%) under the LOINC centile code \
          (8303-0 height, 8336-0 weight, 8289-1 head circumference, 59576-9 BMI), the SDS and chronological values \
          as components, the reference, engine version and table fingerprint in `method`.",
    extends: &[],
    fields: &[
        key("resourceType", Ty::Literal("Observation"), ""),
        absent(
            "meta",
            Ty::Ts("{ profile: string[] }"),
            "The US Core pediatric profile (BMI-for-age, head circumference percentile), when one applies and a \
             subject is known.",
        ),
        key("status", Ty::Literal("final"), ""),
        key("category", Ty::Ts("FhirCodeableConcept[]"), ""),
        key("code", Ty::Interface(&FHIR_CODEABLE_CONCEPT), ""),
        absent("subject", Ty::Interface(&FHIR_REFERENCE), ""),
        key("effectiveDateTime", Ty::Text, ""),
        absent("valueQuantity", Ty::Interface(&FHIR_QUANTITY), ""),
        absent("dataAbsentReason", Ty::Interface(&FHIR_CODEABLE_CONCEPT), ""),
        key("method", Ty::Interface(&FHIR_CODEABLE_CONCEPT), ""),
        absent("derivedFrom", Ty::Ts("FhirReference[]"), ""),
        absent("note", Ty::Ts("{ text: string }[]"), ""),
        key("component", Ty::Ts("GrowthObservationComponent[]"), ""),
    ],
};

static FHIR_METHOD_RESULTS: Interface = Interface {
    name: "FhirMethodResults",
    doc: "The bulk results of one measurement method.",
    extends: &[],
    fields: &[
        key("measurement_method", Ty::Ts("MeasurementMethod"), ""),
        key("results", Ty::Ts("BulkResult[]"), ""),
        key(
            "sources",
            Ty::Ts("(string | null)[]"),
            "The source Observation of each result (`Observation/id` or its `fullUrl`), in the same order.",
        ),
    ],
};

static FHIR_CALCULATION_RESULT: Interface = Interface {
    name: "FhirCalculationResult",
    doc: "What `fhirCalculation` returns.",
    extends: &[],
    fields: &[
        key("results", Ty::Ts("FhirMethodResults[]"), ""),
        key(
            "observations",
            Ty::Ts("GrowthObservation[]"),
            "One per measurement object (none for error entries).",
        ),
        key("ignored", Ty::Ts("IgnoredResource[]"), ""),
        key("patient", TEXT_OR_NULL, ""),
    ],
};

/// The FHIR types, appended to `out`.
pub(super) fn typescript(out: &mut String) {
    out.push_str("\n// ---- FHIR R4\n");
    for i in [
        &FHIR_RESOURCE,
        &FHIR_BUNDLE,
        &SOURCED_OBSERVATION,
        &FHIR_BULK_REQUEST,
        &IGNORED_RESOURCE,
        &FROM_FHIR_RESULT,
        &TO_FHIR_OPTIONS,
        &FHIR_CODING,
        &FHIR_CODEABLE_CONCEPT,
        &FHIR_QUANTITY,
        &FHIR_REFERENCE,
        &GROWTH_OBSERVATION_COMPONENT,
        &GROWTH_OBSERVATION,
        &FHIR_METHOD_RESULTS,
        &FHIR_CALCULATION_RESULT,
    ] {
        interface(out, i);
    }
}

//! FHIR codes: the code systems, the LOINC codes read and written, and UCUM units with exact conversions.

use crate::engine::nutrition::indicator::BeyondMethod;
use crate::engine::rounding::text;
use crate::Method;

/// The LOINC code system.
pub const LOINC: &str = "http://loinc.org";
/// The UCUM unit system.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// centile's own codes for the components of a result Observation: `sds` (at the corrected age, the age the
/// value is reported at), `chronological-centile` and `chronological-sds`. LOINC has no SDS codes for these; nor a
/// centile code for arm circumference, whose result Observation is coded `arm-circumference-centile` here.
pub const RESULT_CODES: &str = "urn:centile:result";
/// centile's codes for the growth reference in `Observation.method` (`uk-who`, `who`, `cdc`, …).
pub const REFERENCE_CODES: &str = "urn:centile:growth-reference";

pub(super) const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
pub(super) const ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
pub(super) const US_CORE: &str = "http://hl7.org/fhir/us/core/StructureDefinition/";

/// What a LOINC code read by [`from_fhir`] stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Coded {
    Measurement(Method),
    /// Gestational age at birth (76516-4).
    GestationAtBirth,
    /// Gestational age (18185-9, 11884-4): used only when dated on the day of birth.
    Gestation,
}

pub(super) const CODES: [(&str, Coded); 11] = [
    ("8302-2", Coded::Measurement(Method::Height)),
    ("8306-3", Coded::Measurement(Method::Height)),
    ("8308-9", Coded::Measurement(Method::Height)),
    ("29463-7", Coded::Measurement(Method::Weight)),
    ("3141-9", Coded::Measurement(Method::Weight)),
    ("9843-4", Coded::Measurement(Method::Ofc)),
    ("8287-5", Coded::Measurement(Method::Ofc)),
    ("39156-5", Coded::Measurement(Method::Bmi)),
    ("76516-4", Coded::GestationAtBirth),
    ("18185-9", Coded::Gestation),
    ("11884-4", Coded::Gestation),
];

/// The physical dimension a UCUM unit measures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Dimension {
    Length,
    Mass,
    MassPerArea,
    Duration,
}

/// A UCUM unit: its dimension and the exact decimal factor `m × 10^e` to cm, kg, kg/m² or days.
pub(super) const UNITS: [(&str, Dimension, i64, i32); 11] = [
    ("cm", Dimension::Length, 1, 0),
    ("m", Dimension::Length, 1, 2),
    ("mm", Dimension::Length, 1, -1),
    ("[in_i]", Dimension::Length, 254, -2),
    ("kg", Dimension::Mass, 1, 0),
    ("g", Dimension::Mass, 1, -3),
    ("[lb_av]", Dimension::Mass, 45_359_237, -8),
    ("[oz_av]", Dimension::Mass, 28_349_523_125, -12),
    ("kg/m2", Dimension::MassPerArea, 1, 0),
    ("wk", Dimension::Duration, 7, 0),
    ("d", Dimension::Duration, 1, 0),
];

pub(super) fn dimension(method: Method) -> Dimension {
    match method {
        Method::Height | Method::Ofc => Dimension::Length,
        Method::Weight => Dimension::Mass,
        Method::Bmi => Dimension::MassPerArea,
    }
}

pub(super) fn unit_names(dimension: Dimension) -> String {
    let names: Vec<&str> = UNITS
        .iter()
        .filter(|u| u.1 == dimension)
        .map(|u| u.0)
        .collect();
    names.join(", ")
}

/// `value × m × 10^e` computed on the shortest decimal that reads back as `value`, so the result is the double
/// nearest the exact product (1.1 m is 110 cm, not 110.00000000000001). Values with more significant digits
/// than 64-bit integer arithmetic allows, or beyond 1e-16 to 1e38 (far from any measurement), are multiplied as
/// doubles.
pub(super) fn convert(value: f64, m: i64, e: i32) -> f64 {
    let exact =
        crate::dgc::decimal::shortest_decimal(value.abs()).and_then(|(digits, exponent)| {
            let product = i64::try_from(digits).ok()?.checked_mul(m)?;
            crate::dgc::decimal::parse(&text!(product, "e", exponent + e))
        });
    match exact {
        Some(x) if value < 0.0 => -x,
        Some(x) => x,
        None => value * m as f64 * 10f64.powi(e),
    }
}

/// The codes of a method's result Observation.
#[derive(Clone, Copy)]
pub(super) struct Codes {
    /// The centile code's system, code and display.
    pub(super) centile: (&'static str, &'static str, &'static str),
    /// The US Core profile that fits it, if any.
    pub(super) profile: Option<&'static str>,
    /// The measurement's own code, display and UCUM unit.
    pub(super) measurement: (&'static str, &'static str, &'static str),
}

pub(super) fn codes(method: Method) -> Codes {
    let (centile, profile, measurement) = match method {
        Method::Height => (
            (LOINC, "8303-0", "Body height [Percentile]"),
            None,
            ("8302-2", "Body height", "cm"),
        ),
        Method::Weight => (
            (LOINC, "8336-0", "Body weight [Percentile] Per age"),
            None,
            ("29463-7", "Body weight", "kg"),
        ),
        Method::Ofc => (
            (
                LOINC,
                "8289-1",
                "Head Occipital-frontal circumference Percentile",
            ),
            Some("head-occipital-frontal-circumference-percentile"),
            ("9843-4", "Head Occipital-frontal circumference", "cm"),
        ),
        Method::Bmi => (
            (
                LOINC,
                "59576-9",
                "Body mass index (BMI) [Percentile] Per age and sex",
            ),
            Some("pediatric-bmi-for-age"),
            ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"),
        ),
    };
    Codes {
        centile,
        profile,
        measurement,
    }
}

/// How the reference is named in `Observation.method`.
pub(super) fn reference_display(reference: crate::Reference) -> &'static str {
    match reference {
        crate::Reference::UkWho => "UK-WHO growth reference",
        crate::Reference::Who => "WHO 2006/2007 growth standard and reference",
        crate::Reference::Cdc => "CDC 2000 growth reference",
        crate::Reference::TurnersSyndrome => "Turner syndrome growth reference (Lyon 1985)",
        crate::Reference::Trisomy21 => "UK Down syndrome growth reference (Styles 2002)",
        crate::Reference::Trisomy21Aap => "US Down syndrome growth reference (Zemel 2015)",
    }
}

/// The codes of the result Observation of a measurement beyond the dGC API, where its codes are known: `None` for
/// the triceps and subscapular skinfolds, for which no LOINC code was found (none is guessed).
///
/// Looked up: 56072-2 *Circumference Mid upper arm - right*, as the body-measurement LOINC value set of India's
/// NRCeS FHIR implementation guide (`ndhm-body-measurement`) lists it beside 8302-2, 29463-7 and 39156-5 (its name
/// says the right arm; WHO's MUAC is usually taken on the left, and no side-neutral code was found); 77606-2
/// *Weight-for-length Per age and sex*, the code of US Core's `pediatric-weight-for-height` profile (also used for
/// weight-for-height).
pub(super) fn beyond_codes(method: BeyondMethod) -> Option<Codes> {
    match method {
        BeyondMethod::ArmCircumference => Some(Codes {
            centile: (
                RESULT_CODES,
                "arm-circumference-centile",
                "Arm circumference-for-age centile",
            ),
            profile: None,
            measurement: ("56072-2", "Circumference Mid upper arm - right", "cm"),
        }),
        BeyondMethod::WeightForLength | BeyondMethod::WeightForHeight => Some(Codes {
            centile: (LOINC, "77606-2", "Weight-for-length Per age and sex"),
            profile: Some("pediatric-weight-for-height"),
            measurement: ("29463-7", "Body weight", "kg"),
        }),
        BeyondMethod::TricepsSkinfold | BeyondMethod::SubscapularSkinfold => None,
    }
}

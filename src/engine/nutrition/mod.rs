//! Indicators beyond the references of the RCPCH Digital Growth Charts API, each computed by its publisher's
//! rules: WHO weight-for-length/height, arm circumference and skinfolds ([`who`]), CDC weight-for-length/stature
//! ([`cdc`]), the IOTF BMI cut-offs ([`iotf`]), the WHO/UNICEF acute malnutrition classification
//! ([`classification`]), the WHO and CDC implausible-value flags ([`flags`]) and the lines of their charts ([`chart`]).

pub mod cdc;
pub mod chart;
pub mod classification;
pub mod flags;
pub mod indicator;
pub mod iotf;
pub mod who;

use crate::engine::data::Chart;

/// How a length/height was measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Recumbent length.
    Lying,
    /// Standing height.
    Standing,
}

/// Why an indicator has no score.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Fault {
    /// The length/height (after WHO's position adjustment) lies outside the table.
    LengthOutside {
        /// The table.
        chart: Chart,
        /// Its first length, cm.
        from: f64,
        /// Its last length, cm.
        to: f64,
    },
    /// The age lies outside the indicator's range.
    AgeOutside {
        /// The first age, in words.
        from: &'static str,
        /// The last age, in words.
        to: &'static str,
    },
}

impl std::error::Error for Fault {}

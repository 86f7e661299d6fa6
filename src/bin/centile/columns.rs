//! The columns `centile calculate` appends to every row, in order (tests/cli.rs reads this file too).

/// The scores, then `error`.
pub const OUTPUT_COLUMNS: [&str; 10] = [
    "chronological_decimal_age",
    "corrected_decimal_age",
    "chronological_sds",
    "chronological_centile",
    "corrected_sds",
    "corrected_centile",
    "chronological_centile_band",
    "corrected_centile_band",
    "corrected_percentage_median_bmi",
    "error",
];

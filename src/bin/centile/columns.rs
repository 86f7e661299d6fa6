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

/// With `--beyond-dgc`, before `error`: what a measurement beyond the dGC API adds (empty on dGC rows): the length
/// or height read (after WHO's 0.7 cm position adjustment), the WHO/UNICEF acute malnutrition grade and its
/// source, and IOTF's adult-equivalent BMI and category.
pub const BEYOND_COLUMNS: [&str; 5] = [
    "length_height_read",
    "acute_malnutrition",
    "acute_malnutrition_source",
    "iotf_adult_equivalent_bmi",
    "iotf_category",
];

/// With `--implausible-value-flags`, before `error`: WHO Anthro's flag on the z-score and the CDC SAS program's on
/// the modified z-score, each with the score it is read on (empty where that publisher has no such score).
pub const FLAG_COLUMNS: [&str; 4] = ["who_flag_z", "who_flag", "cdc_flag_modified_z", "cdc_flag"];

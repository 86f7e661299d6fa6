//! Mid-parental height (Wright and Cheetham 1999 as rcpchgrowth implements it) and the dGC
//! `/utilities/mid-parental-height` response.

use crate::engine::centiles::centile;
use crate::engine::chart::{chart, Chart, Lines};
use crate::engine::references::AtJoin;
use crate::engine::rounding::{round_numpy, round_python};
use crate::engine::sds::{measurement_from_sds, sds_for_measurement, CalcError, RoundingRule};
use crate::{Method, Reference, Sex};

/// Parental heights beyond this many SDS are treated as errors.
pub(crate) const PARENT_SDS_LIMIT: f64 = 8.0;

/// Expected adult heights lie within this many SDS of the mid-parental SDS for about 90% of children.
pub(crate) const EXPECTED_RANGE_SDS: f64 = 1.4;

/// The references mid-parental height is available for.
pub(crate) const REFERENCES: [Reference; 3] = [Reference::UkWho, Reference::Cdc, Reference::Who];

/// The age at which a reference reports adult height: 19 for WHO, 20 otherwise.
pub(crate) fn adult_age(reference: Reference) -> f64 {
    if reference == Reference::Who {
        19.0
    } else {
        20.0
    }
}

/// Which parent a problem concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    /// The mother.
    Maternal,
    /// The father.
    Paternal,
}

/// Why a parent's height cannot be used.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum HeightProblem {
    /// Its SDS is beyond ±8 (the value is given).
    Implausible(f64),
    /// No SDS could be calculated (e.g. not a positive number).
    NotCalculable(CalcError),
}

impl std::error::Error for HeightProblem {}

/// The mid-parental height response.
#[derive(Clone, Debug, PartialEq)]
pub struct MidParentalHeight {
    /// The child's expected adult height at the mid-parental SDS (cm, 4 dp).
    pub mid_parental_height: Option<f64>,
    /// Mean of the parents' SDS with a regression coefficient of 0.5: `(z_mother + z_father) / 4`.
    pub mid_parental_height_sds: f64,
    /// Its centile, 3 dp.
    pub mid_parental_height_centile: f64,
    /// The chart line at the mid-parental SDS.
    pub mid_parental_height_centile_data: Vec<crate::engine::chart::SegmentLines>,
    /// The line 1.4 SDS below.
    pub mid_parental_height_lower_centile_data: Vec<crate::engine::chart::SegmentLines>,
    /// The line 1.4 SDS above.
    pub mid_parental_height_upper_centile_data: Vec<crate::engine::chart::SegmentLines>,
    /// Adult height 1.4 SDS below (cm, 2 dp).
    pub mid_parental_height_lower_value: Option<f64>,
    /// Adult height 1.4 SDS above (cm, 2 dp).
    pub mid_parental_height_upper_value: Option<f64>,
}

/// The parents' height SDS at the reference's adult age, or the parents whose heights are implausible (beyond
/// ±8 SDS, or with no SDS at all).
pub(crate) fn parental_sds(
    reference: Reference,
    maternal_cm: f64,
    paternal_cm: f64,
) -> Result<(f64, f64), Vec<(Parent, HeightProblem)>> {
    let age = adult_age(reference);
    let score = |cm, sex| match sds_for_measurement(reference, age, Method::Height, sex, cm) {
        Ok(z) if z.abs() > PARENT_SDS_LIMIT => Err(HeightProblem::Implausible(z)),
        Ok(z) => Ok(z),
        Err(e) => Err(HeightProblem::NotCalculable(e)),
    };
    match (
        score(maternal_cm, Sex::Female),
        score(paternal_cm, Sex::Male),
    ) {
        (Ok(m), Ok(p)) => Ok((m, p)),
        (m, p) => Err([(Parent::Maternal, m), (Parent::Paternal, p)]
            .into_iter()
            .filter_map(|(parent, r)| r.err().map(|e| (parent, e)))
            .collect()),
    }
}

fn sds_line(reference: Reference, sex: Sex, z: f64) -> Vec<crate::engine::chart::SegmentLines> {
    let Chart { segments } = chart(reference, &Lines::Sds(vec![z]), Method::Height, sex);
    segments
}

/// The mid-parental height for a child of `sex` on `reference` (uk-who, cdc or who).
///
/// # Errors
/// The parents whose heights are implausible.
pub fn mid_parental_height(
    reference: Reference,
    maternal_cm: f64,
    paternal_cm: f64,
    sex: Sex,
) -> Result<MidParentalHeight, Vec<(Parent, HeightProblem)>> {
    let (m, p) = parental_sds(reference, maternal_cm, paternal_cm)?;
    let z = (m + p) / 4.0;
    let (lower, upper) = (z - EXPECTED_RANGE_SDS, z + EXPECTED_RANGE_SDS);
    let age = adult_age(reference);
    let height = |z| {
        measurement_from_sds(
            reference,
            age,
            Method::Height,
            sex,
            z,
            RoundingRule::Python,
            AtJoin::OlderTable,
        )
        .ok()
        .flatten()
    };
    Ok(MidParentalHeight {
        mid_parental_height: height(z),
        mid_parental_height_sds: z,
        mid_parental_height_centile: round_numpy(centile(z), 3),
        mid_parental_height_centile_data: sds_line(reference, sex, z),
        mid_parental_height_lower_centile_data: sds_line(reference, sex, lower),
        mid_parental_height_upper_centile_data: sds_line(reference, sex, upper),
        mid_parental_height_lower_value: height(lower).map(|v| round_python(v, 2)),
        mid_parental_height_upper_value: height(upper).map(|v| round_python(v, 2)),
    })
}

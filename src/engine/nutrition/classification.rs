//! Acute malnutrition as WHO and UNICEF define it for children aged 6–59 months, by weight-for-length/height
//! z-score (WHO Child Growth Standards) or by mid-upper arm circumference (MUAC).
//!
//! - Severe: WHZ below −3, or MUAC below 11.5 cm. WHO and UNICEF, *WHO child growth standards and the
//!   identification of severe acute malnutrition in infants and children: a joint statement*, 2009.
//! - Moderate: WHZ from −3 to below −2, or MUAC from 11.5 to below 12.5 cm. WHO, *Technical note: supplementary
//!   foods for the management of moderate acute malnutrition in infants and children 6–59 months of age*, 2012.

/// Days in WHO's month (365.25 / 12).
const DAYS_PER_MONTH: f64 = 30.4375;
/// The ages the classification is defined for, completed months.
pub(crate) const MONTHS: (f64, f64) = (6.0, 60.0);

/// The WHO/UNICEF source of the severe thresholds.
pub(crate) const SEVERE_SOURCE: &str =
    "WHO and UNICEF 2009, WHO child growth standards and the identification of severe \
    acute malnutrition in infants and children: a joint statement";
/// The WHO source of the moderate thresholds.
pub(crate) const MODERATE_SOURCE: &str =
    "WHO 2012, Technical note: supplementary foods for the management of moderate \
    acute malnutrition in infants and children 6-59 months of age";

/// Acute malnutrition grades.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    /// Severe acute malnutrition (severe wasting).
    Severe,
    /// Moderate acute malnutrition (moderate wasting).
    Moderate,
    /// Neither.
    None,
}

/// A grade with the source of its thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classification {
    /// The grade.
    pub grade: Grade,
    /// The document that defines the thresholds the grade was read from.
    pub source: &'static str,
}

impl Grade {
    /// The grade's name as the API writes it.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Severe => "severe_acute_malnutrition",
            Grade::Moderate => "moderate_acute_malnutrition",
            Grade::None => "no_acute_malnutrition",
        }
    }
}

fn in_range(age_days: i64) -> bool {
    let months = age_days as f64 / DAYS_PER_MONTH;
    (MONTHS.0..MONTHS.1).contains(&months)
}

fn grade(value: f64, severe_below: f64, moderate_below: f64) -> Classification {
    if value < severe_below {
        Classification {
            grade: Grade::Severe,
            source: SEVERE_SOURCE,
        }
    } else if value < moderate_below {
        Classification {
            grade: Grade::Moderate,
            source: MODERATE_SOURCE,
        }
    } else {
        Classification {
            grade: Grade::None,
            source: MODERATE_SOURCE,
        }
    }
}

/// The classification by WHO weight-for-length/height z-score, or `None` outside 6–59 months.
pub(crate) fn by_weight_for_length_height(age_days: i64, z: f64) -> Option<Classification> {
    in_range(age_days).then(|| grade(z, -3.0, -2.0))
}

/// The classification by mid-upper arm circumference in cm, or `None` outside 6–59 months.
pub(crate) fn by_arm_circumference(age_days: i64, cm: f64) -> Option<Classification> {
    in_range(age_days).then(|| grade(cm, 11.5, 12.5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_and_ages() {
        let one_year = 365;
        let g = |c: Option<Classification>| c.map(|c| c.grade);
        assert_eq!(
            g(by_arm_circumference(one_year, 11.49)),
            Some(Grade::Severe)
        );
        assert_eq!(
            g(by_arm_circumference(one_year, 11.5)),
            Some(Grade::Moderate)
        );
        assert_eq!(g(by_arm_circumference(one_year, 12.5)), Some(Grade::None));
        assert_eq!(
            g(by_weight_for_length_height(one_year, -3.01)),
            Some(Grade::Severe)
        );
        assert_eq!(
            g(by_weight_for_length_height(one_year, -3.0)),
            Some(Grade::Moderate)
        );
        assert_eq!(
            g(by_weight_for_length_height(one_year, -2.0)),
            Some(Grade::None)
        );
        // 6 months is 182.6 days; 60 months 1826.25.
        assert_eq!(by_arm_circumference(182, 11.0), None);
        assert!(by_arm_circumference(183, 11.0).is_some());
        assert!(by_arm_circumference(1826, 11.0).is_some());
        assert_eq!(by_arm_circumference(1827, 11.0), None);
    }
}

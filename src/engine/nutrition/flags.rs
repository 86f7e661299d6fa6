//! Implausible-value flags as cohort teams clean with them: WHO Anthro's on the z-score, and the CDC SAS program's
//! biologically implausible values (BIV) on CDC's modified z-score, each with its publisher's cut-offs.

/// The indicators the flags know, in each publisher's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indicator {
    /// Length/height (stature) for age.
    HeightForAge,
    /// Weight for age.
    WeightForAge,
    /// Weight for length/height (stature).
    WeightForLengthHeight,
    /// BMI for age.
    BmiForAge,
    /// Head circumference for age.
    HeadCircumferenceForAge,
    /// Arm circumference for age.
    ArmCircumferenceForAge,
    /// Triceps skinfold for age.
    TricepsSkinfoldForAge,
    /// Subscapular skinfold for age.
    SubscapularSkinfoldForAge,
}

/// Which side of the cut-offs a flagged value lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Below the lower cut-off.
    Low,
    /// Above the upper cut-off.
    High,
}

impl Flag {
    /// The flag's name as the API writes it.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Low => "low",
            Flag::High => "high",
        }
    }
}

/// WHO Anthro's cut-offs on the z-score (`anthro` R package, `anthro_zscores`): a value is flagged when its
/// z-score, rounded to 2 decimals as WHO Anthro reports it, lies outside `(low, high)`.
pub(crate) fn who_cut_offs(indicator: Indicator) -> (f64, f64) {
    match indicator {
        Indicator::HeightForAge => (-6.0, 6.0),
        Indicator::WeightForAge => (-6.0, 5.0),
        _ => (-5.0, 5.0),
    }
}

/// CDC's cut-offs on the modified z-score (SAS program for the 2000 CDC growth charts, upper cut-offs as revised
/// in 2016): a value is flagged when its modified z-score lies outside `[low, high]`. `None` where CDC has no such
/// indicator.
pub(crate) fn cdc_cut_offs(indicator: Indicator) -> Option<(f64, f64)> {
    match indicator {
        Indicator::HeightForAge => Some((-5.0, 4.0)),
        Indicator::WeightForAge => Some((-5.0, 8.0)),
        Indicator::BmiForAge | Indicator::WeightForLengthHeight => Some((-4.0, 8.0)),
        Indicator::HeadCircumferenceForAge => Some((-5.0, 5.0)),
        _ => None,
    }
}

/// WHO Anthro's flag for `z`.
pub fn who(indicator: Indicator, z: f64) -> Option<Flag> {
    let (low, high) = who_cut_offs(indicator);
    let reported = (z * 100.0).round() / 100.0;
    if reported < low {
        Some(Flag::Low)
    } else if reported > high {
        Some(Flag::High)
    } else {
        None
    }
}

/// The CDC program's BIV flag for the modified z-score `modified_z`.
pub fn cdc(indicator: Indicator, modified_z: f64) -> Option<Flag> {
    let (low, high) = cdc_cut_offs(indicator)?;
    if modified_z < low {
        Some(Flag::Low)
    } else if modified_z > high {
        Some(Flag::High)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_flags_on_the_reported_z() {
        assert_eq!(who(Indicator::WeightForAge, 5.004), None);
        assert_eq!(who(Indicator::WeightForAge, 5.006), Some(Flag::High));
        assert_eq!(who(Indicator::WeightForAge, -6.0), None);
        assert_eq!(who(Indicator::WeightForAge, -6.01), Some(Flag::Low));
        assert_eq!(who(Indicator::HeightForAge, 5.9), None);
        assert_eq!(
            who(Indicator::ArmCircumferenceForAge, -5.01),
            Some(Flag::Low)
        );
    }

    #[test]
    fn cdc_flags_outside_its_cut_offs() {
        assert_eq!(cdc(Indicator::WeightForLengthHeight, -4.0), None);
        assert_eq!(
            cdc(Indicator::WeightForLengthHeight, -4.001),
            Some(Flag::Low)
        );
        assert_eq!(cdc(Indicator::HeightForAge, 4.001), Some(Flag::High));
        assert_eq!(cdc(Indicator::ArmCircumferenceForAge, 99.0), None);
    }
}

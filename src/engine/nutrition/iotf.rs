//! The IOTF BMI cut-offs (Cole and Lobstein 2012) for ages 2–18: the child's BMI z-score on the IOTF LMS curves
//! (interpolated by natural cubic spline between the half-yearly values, as the authors' R package `sitar` does),
//! the adult-equivalent BMI (the BMI at 18 years on the centile curve through the child's BMI), and its category.

use super::Fault;
use crate::engine::data::{chart_table, Chart};
use crate::Sex;

/// The IOTF age range, years.
pub(crate) const AGES: (f64, f64) = (2.0, 18.0);

/// The adult BMI cut-offs the categories are named by (kg/m²), lowest first, and the category each one starts.
pub const CUT_OFFS: [(f64, Category); 6] = [
    (16.0, Category::Thinness2),
    (17.0, Category::Thinness1),
    (18.5, Category::Normal),
    (25.0, Category::Overweight),
    (30.0, Category::Obesity),
    (35.0, Category::MorbidObesity),
];

/// IOTF categories, by the adult-equivalent BMI (Cole and Lobstein 2012).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// Adult-equivalent BMI below 16.
    Thinness3,
    /// 16 to below 17.
    Thinness2,
    /// 17 to below 18.5.
    Thinness1,
    /// 18.5 to below 25.
    Normal,
    /// 25 to below 30.
    Overweight,
    /// 30 to below 35.
    Obesity,
    /// 35 and above.
    MorbidObesity,
}

impl Category {
    /// The category's name as the API writes it.
    pub fn name(self) -> &'static str {
        match self {
            Category::Thinness3 => "thinness_grade_3",
            Category::Thinness2 => "thinness_grade_2",
            Category::Thinness1 => "thinness_grade_1",
            Category::Normal => "normal",
            Category::Overweight => "overweight",
            Category::Obesity => "obesity",
            Category::MorbidObesity => "morbid_obesity",
        }
    }
}

/// A child's BMI on the IOTF reference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IotfScore {
    /// BMI z-score on the IOTF LMS curves.
    pub z: f64,
    /// The BMI at 18 years on the same centile curve, where that curve has a real value (kg/m²).
    pub adult_equivalent_bmi: Option<f64>,
    /// The category of the adult-equivalent BMI.
    pub category: Category,
}

/// The natural cubic spline through `(x[i], y[i])` (equally or unequally spaced knots) at `at`, within the knots.
fn natural_spline(x: &[f64], y: &[f64], at: f64) -> f64 {
    let n = x.len();
    // Second derivatives: zero at both ends, tridiagonal system inside (Thomas algorithm).
    let mut second = vec![0.0; n];
    let (mut diag, mut rhs) = (vec![0.0; n], vec![0.0; n]);
    for i in 1..n - 1 {
        let (h0, h1) = (x[i] - x[i - 1], x[i + 1] - x[i]);
        let r = 6.0 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0);
        let d = 2.0 * (h0 + h1);
        if i == 1 {
            (diag[i], rhs[i]) = (d, r);
        } else {
            let w = h0 / diag[i - 1];
            (diag[i], rhs[i]) = (d - w * h0, r - w * rhs[i - 1]);
        }
    }
    for i in (1..n - 1).rev() {
        let h1 = x[i + 1] - x[i];
        second[i] = (rhs[i] - h1 * second[i + 1]) / diag[i];
    }
    let k = x.partition_point(|&v| v <= at).clamp(1, n - 1) - 1;
    let h = x[k + 1] - x[k];
    let (a, b) = ((x[k + 1] - at) / h, (at - x[k]) / h);
    a * y[k]
        + b * y[k + 1]
        + ((a * a * a - a) * second[k] + (b * b * b - b) * second[k + 1]) * h * h / 6.0
}

/// L, M and S of the IOTF reference at `age` years (2–18).
pub fn lms(sex: Sex, age: f64) -> Option<(f64, f64, f64)> {
    if !(AGES.0..=AGES.1).contains(&age) {
        return None;
    }
    let t = chart_table(Chart::IotfBmi, sex);
    Some((
        natural_spline(&t.age, &t.l, age),
        natural_spline(&t.age, &t.m, age),
        natural_spline(&t.age, &t.s, age),
    ))
}

fn z_of(bmi: f64, (l, m, s): (f64, f64, f64)) -> f64 {
    ((bmi / m).powf(l) - 1.0) / l / s
}

fn bmi_of(z: f64, (l, m, s): (f64, f64, f64)) -> Option<f64> {
    let base = 1.0 + l * s * z;
    (base > 0.0).then(|| m * base.powf(1.0 / l))
}

/// The IOTF z-score, adult-equivalent BMI and category of `bmi` at `age` years.
pub fn assess(sex: Sex, age: f64, bmi: f64) -> Result<IotfScore, Fault> {
    let outside = Fault::AgeOutside {
        from: "2 years",
        to: "18 years",
    };
    let at_age = lms(sex, age).ok_or(outside)?;
    let at_18 = lms(sex, AGES.1).ok_or(outside)?;
    let z = z_of(bmi, at_age);
    // The category compares z-scores (the cut-off curves are monotone in z), so it exists even where the curve
    // through an extreme BMI has no value at 18.
    let category = CUT_OFFS
        .iter()
        .take_while(|&&(cut, _)| z >= z_of(cut, at_18))
        .last()
        .map_or(Category::Thinness3, |&(_, c)| c);
    Ok(IotfScore {
        z,
        adult_equivalent_bmi: bmi_of(z, at_18),
        category,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spline_passes_through_the_published_values() {
        let t = chart_table(Chart::IotfBmi, Sex::Female);
        for (i, &age) in t.age.iter().enumerate() {
            let (l, m, s) = lms(Sex::Female, age).unwrap();
            assert!(
                (l - t.l[i]).abs() < 1e-12
                    && (m - t.m[i]).abs() < 1e-12
                    && (s - t.s[i]).abs() < 1e-12
            );
        }
    }

    #[test]
    fn at_18_the_adult_equivalent_is_the_bmi_and_categories_follow_the_cut_offs() {
        for (bmi, category) in [
            (15.9, Category::Thinness3),
            (16.0, Category::Thinness2),
            (18.4, Category::Thinness1),
            (18.5, Category::Normal),
            (24.99, Category::Normal),
            (25.0, Category::Overweight),
            (30.0, Category::Obesity),
            (35.0, Category::MorbidObesity),
        ] {
            let score = assess(Sex::Male, 18.0, bmi).unwrap();
            assert!((score.adult_equivalent_bmi.unwrap() - bmi).abs() < 1e-9);
            assert_eq!(score.category, category, "{bmi}");
        }
        assert!(assess(Sex::Male, 1.99, 16.0).is_err());
        assert!(assess(Sex::Male, 18.01, 16.0).is_err());
    }
}

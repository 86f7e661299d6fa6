//! The standard normal distribution: Φ (`cdf`) and Φ⁻¹ (`ppf`).
//!
//! Both follow the Cephes rational approximations that SciPy's `norm.cdf` / `norm.ppf` use, so centiles
//! agree with rcpchgrowth to the last few bits rather than merely to the approximation's accuracy.

const SQRT1_2: f64 = std::f64::consts::FRAC_1_SQRT_2;
#[allow(clippy::excessive_precision)]
const MAXLOG: f64 = 7.09782712893383996843E2;
/// exp(-2): below this tail probability Φ⁻¹ switches to its asymptotic form.
#[allow(clippy::excessive_precision)]
const EXP_MINUS_2: f64 = 0.13533528323661269189;
#[allow(clippy::excessive_precision)]
const SQRT_2PI: f64 = 2.50662827463100050242;

#[rustfmt::skip]
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
mod coefficients {
    pub const ERFC_P: [f64; 9] = [2.46196981473530512524E-10, 5.64189564831068821977E-1, 7.46321056442269912687E0, 4.86371970985681366614E1, 1.96520832956077098242E2, 5.26445194995477358631E2, 9.34528527171957607540E2, 1.02755188689515710272E3, 5.57535335369399327526E2];
    pub const ERFC_Q: [f64; 8] = [1.32281951154744992508E1, 8.67072140885989742329E1, 3.54937778887819891062E2, 9.75708501743205489753E2, 1.82390916687909736289E3, 2.24633760818710981792E3, 1.65666309194161350182E3, 5.57535340817727675546E2];
    pub const ERFC_R: [f64; 6] = [5.64189583547755073984E-1, 1.27536670759978104416E0, 5.01905042251180477414E0, 6.16021097993053585195E0, 7.40974269950448939160E0, 2.97886665372100240670E0];
    pub const ERFC_S: [f64; 6] = [2.26052863220117276590E0, 9.39603524938001434673E0, 1.20489539808096656605E1, 1.70814450747565897222E1, 9.60896809063285878198E0, 3.36907645100081516050E0];
    pub const ERF_T: [f64; 5] = [9.60497373987051638749E0, 9.00260197203842689217E1, 2.23200534594684319226E3, 7.00332514112805075473E3, 5.55923013010394962768E4];
    pub const ERF_U: [f64; 5] = [3.35617141647503099647E1, 5.21357949780152679795E2, 4.59432382970980127987E3, 2.26290000613890934246E4, 4.92673942608635921086E4];
    pub const NDTRI_P0: [f64; 5] = [-5.99633501014107895267E1, 9.80010754185999661536E1, -5.66762857469070293439E1, 1.39312609387279679503E1, -1.23916583867381258016E0];
    pub const NDTRI_Q0: [f64; 8] = [1.95448858338141759834E0, 4.67627912898881538453E0, 8.63602421390890590575E1, -2.25462687854119370527E2, 2.00260212380060660359E2, -8.20372256168333339912E1, 1.59056225126211695515E1, -1.18331621121330003142E0];
    pub const NDTRI_P1: [f64; 9] = [4.05544892305962419923E0, 3.15251094599893866154E1, 5.71628192246421288162E1, 4.40805073893200834700E1, 1.46849561928858024014E1, 2.18663306850790267539E0, -1.40256079171354495875E-1, -3.50424626827848203418E-2, -8.57456785154685413611E-4];
    pub const NDTRI_Q1: [f64; 8] = [1.57799883256466749731E1, 4.53907635128879210584E1, 4.13172038254672030440E1, 1.50425385692907503408E1, 2.50464946208309415979E0, -1.42182922854787788574E-1, -3.80806407691578277194E-2, -9.33259480895457427372E-4];
    pub const NDTRI_P2: [f64; 9] = [3.23774891776946035970E0, 6.91522889068984211695E0, 3.93881025292474443415E0, 1.33303460815807542389E0, 2.01485389549179081538E-1, 1.23716634817820021358E-2, 3.01581553508235416007E-4, 2.65806974686737550832E-6, 6.23974539184983293730E-9];
    pub const NDTRI_Q2: [f64; 8] = [6.02427039364742014255E0, 3.67983563856160859403E0, 1.37702099489081330271E0, 2.16236993594496635890E-1, 1.34204006088543189037E-2, 3.28014464682127739104E-4, 2.89247864745380683936E-6, 6.79019408009981274425E-9];
}
use coefficients::*;

/// Horner evaluation of `c[0]·xⁿ + … + c[n]`.
#[inline]
fn polevl(x: f64, c: &[f64]) -> f64 {
    c.iter().fold(0.0, |acc, &k| acc * x + k)
}

/// As [`polevl`] with an implicit leading coefficient of 1.
#[inline]
fn p1evl(x: f64, c: &[f64]) -> f64 {
    c.iter().fold(1.0, |acc, &k| acc * x + k)
}

#[inline]
fn erf(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return -erf(-x);
    }
    if x > 1.0 {
        return 1.0 - erfc(x);
    }
    let z = x * x;
    x * polevl(z, &ERF_T) / p1evl(z, &ERF_U)
}

#[inline]
fn erfc(a: f64) -> f64 {
    if a.is_nan() {
        return f64::NAN;
    }
    let x = a.abs();
    if x < 1.0 {
        return 1.0 - erf(a);
    }
    let z = -a * a;
    let underflow = if a < 0.0 { 2.0 } else { 0.0 };
    if z < -MAXLOG {
        return underflow;
    }
    let z = z.exp();
    let (p, q) = if x < 8.0 {
        (polevl(x, &ERFC_P), p1evl(x, &ERFC_Q))
    } else {
        (polevl(x, &ERFC_R), p1evl(x, &ERFC_S))
    };
    let mut y = (z * p) / q;
    if a < 0.0 {
        y = 2.0 - y;
    }
    if y == 0.0 {
        underflow
    } else {
        y
    }
}

/// Φ(z): the probability that a standard normal variable is at most `z`.
#[inline]
pub(crate) fn cdf(z: f64) -> f64 {
    if z.is_nan() {
        return f64::NAN;
    }
    let x = z * SQRT1_2;
    let ax = x.abs();
    if ax < SQRT1_2 {
        0.5 + 0.5 * erf(x)
    } else {
        let y = 0.5 * erfc(ax);
        if x > 0.0 {
            1.0 - y
        } else {
            y
        }
    }
}

/// Φ⁻¹(p): ±∞ at 0 and 1, NaN outside [0, 1].
pub fn ppf(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let mut y = p;
    let mut negate = true;
    if y > 1.0 - EXP_MINUS_2 {
        y = 1.0 - y;
        negate = false;
    }
    if y > EXP_MINUS_2 {
        let y = y - 0.5;
        let y2 = y * y;
        let x = y + y * (y2 * polevl(y2, &NDTRI_P0) / p1evl(y2, &NDTRI_Q0));
        return x * SQRT_2PI;
    }
    let x = (-2.0 * y.ln()).sqrt();
    let x0 = x - x.ln() / x;
    let z = 1.0 / x;
    let x1 = if x < 8.0 {
        z * polevl(z, &NDTRI_P1) / p1evl(z, &NDTRI_Q1)
    } else {
        z * polevl(z, &NDTRI_P2) / p1evl(z, &NDTRI_Q2)
    };
    if negate {
        x1 - x0
    } else {
        x0 - x1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_and_inverse() {
        assert_eq!(cdf(0.0), 0.5);
        for z in [-7.5, -3.0, -1.0, -0.2, 0.3, 1.645, 2.5] {
            assert!((cdf(z) + cdf(-z) - 1.0).abs() < 1e-15);
            assert!((ppf(cdf(z)) - z).abs() < 1e-9, "{z}");
        }
        assert_eq!(ppf(0.0), f64::NEG_INFINITY);
        assert!(ppf(1.5).is_nan());
    }
}

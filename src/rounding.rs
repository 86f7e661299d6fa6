//! Rounding and number formatting as rcpchgrowth does them: Python's and NumPy's `round`, and the 4-decimal age
//! keys that match table rows.

use std::cmp::Ordering;

/// `round(x, 4)` as an integer number of ten-thousandths, rounding the exact binary value half to even as Python
/// does.
pub fn round4_key(x: f64) -> i64 {
    round_key(x, 1e4)
}

/// `round(x, digits)` as an integer count of `1/scale` (`scale` = 10^digits), Python's rule: the exact binary
/// value, half to even.
fn round_key(x: f64, scale: f64) -> i64 {
    let y = x * scale;
    let n = y.floor();
    if y - n != 0.5 {
        return y.round() as i64;
    }
    // The product landed exactly on a half: the exact product is y plus the rounding error, which decides.
    let residual = x.mul_add(scale, -y);
    if residual > 0.0 || (residual == 0.0 && n % 2.0 != 0.0) {
        n as i64 + 1
    } else {
        n as i64
    }
}

/// `x` to at most `places` decimal places, trailing zeros dropped: 2.0 → "2", 99.99 → "99.99".
pub fn decimal_text(x: f64, places: u32) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let scale = 10u64.pow(places);
    let n = (x.abs() * scale as f64).round() as u64;
    let (int, frac) = (n / scale, n % scale);
    let sign = if x < 0.0 && n != 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{frac:0width$}", width = places as usize);
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

/// Python's `round(x, digits)` for a float: correctly rounded, ties to even on the exact value.
pub fn round_python(x: f64, digits: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits);
    round_key(x, scale) as f64 / scale
}

/// NumPy's `round(x, digits)` for a float64: `rint(x·10^digits)/10^digits`, the product rounded before the tie
/// is decided.
pub fn round_numpy(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (x * scale).round_ties_even() / scale
}

/// The shortest decimal `digits × 10^exponent` that reads back as `x` (finite and not negative), the closer of two
/// equally short ones: the digits Rust's `{:e}` prints, found with integer arithmetic and the exact parser so the
/// .wasm carries no float formatting (about 12 KB gzip). `None` below about 1e-16 or above 1e38, where the exact
/// arithmetic would need more than 128 bits.
pub fn shortest_decimal(x: f64) -> Option<(u64, i32)> {
    if x == 0.0 {
        return Some((0, 0));
    }
    if !x.is_finite() || x < 0.0 {
        return None;
    }
    let reads_back = |digits: u64, exponent: i32| format!("{digits}e{exponent}").parse() == Ok(x);
    // Ten to the power `-first` is at or just above x: one digit at most, then one more per step.
    let first = -(x.log10().floor() as i32) - 1;
    for p in first..first + 19 {
        // x·10^p lies between `lo` and `lo + 1`; the shortest decimal is the first of them that reads back.
        let (lo, to_half) = scaled(x, p)?;
        let lo = u64::try_from(lo).ok()?;
        let up = lo.checked_add(1)?;
        match (reads_back(lo, -p), reads_back(up, -p)) {
            (true, true) if to_half == Ordering::Less => return Some((lo, -p)),
            (true, true) | (false, true) => return Some((up, -p)),
            (true, false) => return Some((lo, -p)),
            (false, false) => {}
        }
    }
    None
}

/// `x·10^p` exactly, as its integer part and how its fraction compares with one half; `None` beyond 128 bits.
fn scaled(x: f64, p: i32) -> Option<(u128, Ordering)> {
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, u128::from(bits & ((1 << 52) - 1)));
    let (mantissa, two) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    };
    // x·10^p = mantissa · 5^p · 2^(two + p), a fraction num/den of integers.
    let five = 5u128.checked_pow(p.unsigned_abs())?;
    let (mut num, mut den) = if p >= 0 {
        (mantissa.checked_mul(five)?, 1)
    } else {
        (mantissa, five)
    };
    let shift = two + p;
    let power_of_two = 1u128.checked_shl(shift.unsigned_abs())?;
    if shift >= 0 {
        num = num.checked_mul(power_of_two)?;
    } else {
        den = den.checked_mul(power_of_two)?;
    }
    let rem = num % den;
    Some((num / den, rem.cmp(&(den - rem))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_matches_python_and_numpy() {
        // 42.34725 is stored just above the tie: Python rounds the exact value up, NumPy rounds the scaled
        // product, which lands exactly on the tie, to even.
        assert_eq!(round_python(42.34725, 4), 42.3473);
        assert_eq!(round_numpy(42.34725, 4), 42.3472);
        assert_eq!(round_python(0.03125, 4), 0.0312);
        assert_eq!(round_python(0.038329911019849415, 9), 0.038329911);
        assert_eq!(round4_key(-0.2874743326488706), -2875);
        assert_eq!(round4_key(0.00005), 1); // stored just above the half: Python rounds up
        assert_eq!(round4_key(0.03125), 312); // an exact half: to even
        assert_eq!(decimal_text(2.0, 2), "2");
        assert_eq!(decimal_text(99.99, 2), "99.99");
        assert_eq!(decimal_text(-2.75, 1), "-2.8");
    }

    /// The digits and exponent `{:e}` prints for `x`.
    fn printed(x: f64) -> (u64, i32) {
        let text = format!("{x:e}");
        let (digits, exponent) = text.split_once('e').unwrap();
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let exponent: i32 = exponent.parse().unwrap();
        (
            format!("{int}{frac}").parse().unwrap(),
            exponent - frac.len() as i32,
        )
    }

    #[test]
    fn shortest_decimal_is_what_formatting_prints() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases = vec![
            0.1,
            0.3,
            1.1,
            110.5,
            0.30000000000000004,
            5e-324,
            1e-16,
            1e38,
            2f64.powi(60),
        ];
        for k in -16..=38 {
            let x = 10f64.powi(k);
            cases.extend([x, x.next_up(), x.next_down()]);
        }
        for _ in 0..100_000 {
            // Every double from 1e-16 to 1e38, and decimals of 1 to 17 digits as a person or program writes them.
            let x = f64::from_bits(
                0x3c9c_d2b2_97d8_89bc + next() % (0x47d2_ced3_2a16_a1b1 - 0x3c9c_d2b2_97d8_89bc),
            );
            let digits = next() % 10u64.pow(1 + (next() % 17) as u32);
            let written: f64 = format!("{digits}e{}", (next() % 40) as i32 - 20)
                .parse()
                .unwrap();
            cases.extend([x, written]);
        }
        for x in cases {
            if (1e-16..=1e38).contains(&x) || x == 0.0 {
                assert_eq!(shortest_decimal(x), Some(printed(x)), "{x:e}");
            } else if let Some(found) = shortest_decimal(x) {
                assert_eq!(found, printed(x), "{x:e}");
            }
        }
    }
}

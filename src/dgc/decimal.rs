//! Decimal text to `f64` and back, with the answers of Rust's own `str::parse::<f64>` and `{:e}` but a fraction of
//! their WebAssembly: core's parser carries a 10 KB table of powers of five and its formatter 12 KB of code (about
//! 22 KB of the .wasm gzipped together). Numbers with up to 15 significant digits and small exponents (what people
//! and programs usually write) take one exact multiplication or division; the rest are settled by comparing the
//! decimal with the midpoints between neighbouring doubles in integer arithmetic.

use crate::engine::rounding::{integer, text};
use std::cmp::Ordering;

/// `text` read exactly as `text.parse::<f64>()` reads it: the same syntax (sign, `inf`, `infinity`, `nan`, digits
/// with an optional point and exponent, no spaces) and the same correctly rounded value.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let value = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        magnitude(rest)?
    };
    Some(if negative { -value } else { value })
}

/// The shortest decimal `digits × 10^exponent` that reads back as `x` (finite and not negative), the closer of two
/// equally short ones: the digits `{:e}` prints. `None` below about 1e-16 or above 1e38, where the arithmetic
/// here would need more than 128 bits.
pub(crate) fn shortest_decimal(x: f64) -> Option<(u64, i32)> {
    if x == 0.0 {
        return Some((0, 0));
    }
    if !x.is_finite() || x < 0.0 {
        return None;
    }
    let reads_back = |digits: u64, exponent: i32| parse(&text!(digits, "e", exponent)) == Some(x);
    // Ten to the power `-first` is at or just above x: one digit at most, then one more per step.
    let first = -integer::<i32>(x.log10().floor())? - 1;
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

/// Digits beyond which only "is any of the rest non-zero" matters: a midpoint between two doubles has at most 767
/// significant digits.
const KEPT_DIGITS: usize = 800;

/// Exact powers of ten as doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `digits[.digits][(e|E)[+|-]digits]`, at least one mantissa digit.
fn magnitude(s: &[u8]) -> Option<f64> {
    let digits_from = |at: usize| s[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    let int_len = digits_from(0);
    let mut at = int_len;
    let frac_len = if s.get(at) == Some(&b'.') {
        at += 1;
        digits_from(at)
    } else {
        0
    };
    let frac_at = at;
    at += frac_len;
    if int_len + frac_len == 0 {
        return None;
    }
    let mut exponent: i64 = 0;
    if matches!(s.get(at), Some(b'e' | b'E')) {
        at += 1;
        let negative = match s.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let len = digits_from(at);
        if len == 0 {
            return None;
        }
        for &d in &s[at..at + len] {
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1 << 40);
        }
        at += len;
        if negative {
            exponent = -exponent;
        }
    }
    if at != s.len() {
        return None;
    }
    // The significant digits (no leading or trailing zeros) and the power of ten that scales them.
    let mantissa = s[..int_len].iter().chain(&s[frac_at..frac_at + frac_len]);
    let leading = mantissa.clone().take_while(|&&d| d == b'0').count();
    let trailing = mantissa.clone().rev().take_while(|&&d| d == b'0').count();
    let total = int_len + frac_len;
    if leading == total {
        return Some(0.0);
    }
    let count = total - leading - trailing;
    let digits = mantissa.skip(leading).take(count);
    let power = exponent - frac_len as i64 + trailing as i64;
    // Out of range whatever the digits: at least 1e309, or below 1e-324 (under half the smallest double).
    if count as i64 + power > 309 {
        return Some(f64::INFINITY);
    }
    if count as i64 + power < -323 {
        return Some(0.0);
    }
    let leading19 = digits
        .clone()
        .take(19)
        .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
    if count <= 15 && (-22..=22).contains(&power) {
        // Both exact as doubles, so one correctly rounded operation.
        let w = leading19 as f64;
        let p = POW10[power.unsigned_abs() as usize];
        return Some(if power < 0 { w / p } else { w * p });
    }
    // An estimate within a few units in the last place, then settled against the exact decimal: in 128-bit
    // integers when the digits fit 64 bits and the power of five 52, else in a big integer.
    let estimate = scale(leading19 as f64, power + count.saturating_sub(19) as i64);
    if count <= 19 && (-22..=22).contains(&power) {
        let five = 5u128.pow(power.unsigned_abs() as u32);
        return Some(settle(estimate, |x, y| {
            let (mid, twos) = midpoint(x, y);
            let (decimal, mid) = if power >= 0 {
                (u128::from(leading19) * five, mid)
            } else {
                (u128::from(leading19), mid * five)
            };
            versus_scaled(decimal, power, mid, twos)
        }));
    }
    let mut kept: Vec<u8> = digits.clone().take(KEPT_DIGITS).map(|d| d - b'0').collect();
    let mut power = power;
    if count > KEPT_DIGITS {
        // The dropped digits end in a non-zero one (trailing zeros were removed): one more digit says so.
        kept.push(1);
        power += (count - KEPT_DIGITS - 1) as i64;
    }
    let digits = Big::from_digits(&kept);
    Some(settle(estimate, |x, y| {
        versus_midpoint(&digits, power, x, y)
    }))
}

/// `x·10^power` in a few roundings, without overflowing or underflowing on the way.
fn scale(mut x: f64, mut power: i64) -> f64 {
    while power > 22 {
        x *= 1e22;
        power -= 22;
    }
    while power < -22 {
        x /= 1e22;
        power += 22;
    }
    let p = POW10[power.unsigned_abs() as usize];
    if power < 0 {
        x / p
    } else {
        x * p
    }
}

/// A positive double (or the next power of two beyond the largest) as `m·2^k`.
fn parts(x: f64) -> (u128, i64) {
    if x == f64::INFINITY {
        return (1 << 53, 971);
    }
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) as i64, u128::from(bits & ((1 << 52) - 1)));
    match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    }
}

/// The midpoint between the doubles `x < y` as `m·2^k` (`m` below 2^55).
fn midpoint(x: f64, y: f64) -> (u128, i64) {
    let ((mx, kx), (my, ky)) = (parts(x), parts(y));
    let k = kx.min(ky);
    ((mx << (kx - k) as u32) + (my << (ky - k) as u32), k - 1)
}

/// How `a·2^ea` compares with `b·2^eb` (`a` and `b` below 2^127).
fn versus_scaled(a: u128, ea: i64, b: u128, eb: i64) -> Ordering {
    if a == 0 || b == 0 {
        return a.cmp(&b);
    }
    let bits = |n: u128, e: i64| e + i64::from(128 - n.leading_zeros());
    match bits(a, ea).cmp(&bits(b, eb)) {
        // As long as each other: the one with the larger exponent has the fewer bits, so shifting it left fits.
        Ordering::Equal if ea >= eb => (a << (ea - eb) as u32).cmp(&b),
        Ordering::Equal => a.cmp(&(b << (eb - ea) as u32)),
        longer => longer,
    }
}

/// How `digits·10^power` compares with the midpoint between the doubles `x < y`.
fn versus_midpoint(digits: &Big, power: i64, x: f64, y: f64) -> Ordering {
    let (mid, k) = midpoint(x, y);
    let mut mid = Big::from_u128(mid);
    let mut decimal = digits.clone();
    if power >= 0 {
        decimal.mul_pow5(power as u64);
    } else {
        mid.mul_pow5(power.unsigned_abs());
    }
    let twos = power - k;
    if twos >= 0 {
        decimal.shl(twos as u64);
    } else {
        mid.shl(twos.unsigned_abs());
    }
    decimal.cmp(&mid)
}

/// The double nearest a decimal (ties to even), from an `estimate` and `versus(x, y)`, how the decimal compares
/// with the midpoint between the doubles `x < y`.
fn settle(estimate: f64, versus: impl Fn(f64, f64) -> Ordering) -> f64 {
    let mut x = estimate.min(f64::MAX);
    loop {
        let even = x.to_bits() & 1 == 0;
        let up = f64::from_bits(x.to_bits() + 1);
        match versus(x, up) {
            Ordering::Greater => {
                x = up;
                if x == f64::INFINITY {
                    return x;
                }
                continue;
            }
            Ordering::Equal => return if even { x } else { up },
            Ordering::Less => {}
        }
        if x == 0.0 {
            return x;
        }
        let down = f64::from_bits(x.to_bits() - 1);
        match versus(down, x) {
            Ordering::Less => x = down,
            Ordering::Equal => return if even { x } else { down },
            Ordering::Greater => return x,
        }
    }
}

/// A non-negative integer of any size, little-endian 32-bit limbs, no high zero limbs.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_u128(mut n: u128) -> Big {
        let mut limbs = Vec::new();
        while n > 0 {
            limbs.push(n as u32);
            n >>= 32;
        }
        Big(limbs)
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut n = Big(Vec::new());
        for chunk in digits.chunks(9) {
            n.mul_add(
                10u32.pow(chunk.len() as u32),
                chunk.iter().fold(0, |v, &d| v * 10 + u32::from(d)),
            );
        }
        n
    }

    /// `self·factor + add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u64) {
        while n > 0 {
            let step = n.min(13);
            self.mul_add(5u32.pow(step as u32), 0);
            n -= step;
        }
    }

    fn shl(&mut self, bits: u64) {
        if self.0.is_empty() {
            return;
        }
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (u64::from(*limb) << bits) | carry;
                *limb = v as u32;
                carry = v >> 32;
            }
            if carry > 0 {
                self.0.push(carry as u32);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rng::Rng;

    /// Random cases per test: a quick run in debug builds, a long one with `cargo test --release`.
    const ROUNDS: usize = if cfg!(debug_assertions) {
        10_000
    } else {
        1_000_000
    };

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
        let mut rng = Rng::new(0x2545_f491_4f6c_dd1du64);
        let mut next = move || rng.next_u64();
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
        for _ in 0..ROUNDS {
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

    /// Both parsers on `text`: the same outcome, bit for bit.
    fn same(text: &str) {
        let ours = parse(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text:?}");
    }

    /// The exact decimal of the midpoint between `x` (positive, finite) and the next double up.
    fn midpoint_text(x: f64) -> String {
        let (m, k) = parts(x);
        let (mut digits, mut scale) = (Big::from_u128(2 * m + 1), k - 1);
        // m·2^k = m·5^-k·10^k for k < 0.
        if scale < 0 {
            digits.mul_pow5(scale.unsigned_abs());
        } else {
            digits.shl(scale as u64);
            scale = 0;
        }
        let mut text = String::new();
        while !digits.0.is_empty() {
            let mut rem = 0u64;
            for limb in digits.0.iter_mut().rev() {
                let v = (rem << 32) | u64::from(*limb);
                *limb = (v / 10) as u32;
                rem = v % 10;
            }
            while digits.0.last() == Some(&0) {
                digits.0.pop();
            }
            text.insert(0, char::from(b'0' + rem as u8));
        }
        format!("{text}e{scale}")
    }

    #[test]
    fn parses_as_the_standard_library_does() {
        let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15u64);
        let mut next = move || rng.next_u64();
        let fixed = [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.",
            ".5",
            "+.5",
            "-0",
            "0.000",
            "1.5E+3",
            "1_0",
            " 1",
            "1 ",
            "inf",
            "-Infinity",
            "+NaN",
            "nan",
            "infin",
            "0x10",
            "1e-400",
            "1e400",
            "2.4703282292062328e-324",
            "2.4703282292062327e-324",
            "4.9406564584124654e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.797693134862315807e308",
            "179769313486231580793728971405301e276",
            "9007199254740993",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "1e-99999999999999999999",
            "1e99999999999999999999",
            "00000.00001e5",
        ];
        for text in fixed {
            same(text);
        }
        let long = format!("0.{}1e-300", "0".repeat(2000));
        same(&long);
        same(&format!("1{}e-1000", "0".repeat(1200)));
        same(&format!(
            "{}5{}1",
            midpoint_text(1.0).replace("e", "").trim_end_matches('0'),
            "0".repeat(900)
        ));
        for _ in 0..ROUNDS {
            // Every kind of double, the midpoints between neighbours (the hardest cases) and a hair either side.
            let x = f64::from_bits(next() % 0x7ff0_0000_0000_0000);
            same(&format!("{x:e}"));
            same(&format!("{x}"));
            let mid = midpoint_text(x);
            same(&mid);
            let (digits, exponent) = mid.split_once('e').unwrap();
            same(&format!(
                "{digits}1e{}",
                exponent.parse::<i64>().unwrap() - 1
            ));
            same(&format!(
                "{}e{exponent}",
                (digits.parse::<u128>().unwrap_or(1) - 1)
            ));
            // Decimals as written: up to 25 digits, a point anywhere, any exponent.
            let n = 1 + (next() % 25) as usize;
            let mut text: String = (0..n)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if next() % 2 == 0 {
                text.insert((next() % (n as u64 + 1)) as usize, '.');
            }
            if next() % 2 == 0 {
                text = format!("{text}e{}", (next() % 700) as i64 - 350);
            }
            same(&text);
            // Whole numbers from 2^53 up, where ties between neighbouring doubles have up to 19 digits.
            let whole = next() >> (next() % 11);
            same(&whole.to_string());
            same(&format!("{}.{}e{}", whole / 1000, whole % 1000, 3));
            // Random bytes of the syntax's alphabet.
            let junk: String = (0..next() % 8)
                .map(|_| char::from(b"0123456789.eE+-infatyINFATY"[(next() % 27) as usize]))
                .collect();
            same(&junk);
        }
    }
}

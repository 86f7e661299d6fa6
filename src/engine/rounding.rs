//! Rounding and number formatting as rcpchgrowth does them: Python's and NumPy's `round`, and the 4-decimal age
//! keys that match table rows; and [`integer`], the one float-to-integer conversion.

/// Beyond this magnitude an `f64` is always a whole number (and beyond 2^53 not every integer is an `f64`).
const ALL_WHOLE: f64 = 4_503_599_627_370_496.0; // 2^52

/// `x` truncated toward zero, as an integer of type `T`, when it is finite and the result fits `T` (and lies
/// within ±2^52); `None` otherwise. The crate's only float-to-integer conversion: an `as` cast saturates out of
/// range in the wasm build but not in every translation of it (wasm2js gives `INT_MIN`), so every conversion is
/// range-checked here first and each caller decides what out of range means (a 422, or a clamp that cannot change
/// a valid answer). `scripts/float-casts.mjs` fails on any other.
pub fn integer<T: TryFrom<i64>>(x: f64) -> Option<T> {
    if x.is_nan() || x.abs() > ALL_WHOLE {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    // |x| <= 2^52 (NaN excluded above): exact in i64, no saturation
    let n = x as i64;
    T::try_from(n).ok()
}

/// The whole number nearest `x` (ties to even) modulo 2^32 for |x| < 2^51, and some number for any other `x`: a
/// guess for the caller to check (a table row), by an addition and the sum's low bits, so the same in every build.
/// V8 compiles [`integer`]'s conversion to about twenty instructions with its range checks; this to four.
#[inline(always)] // per value
pub fn nearest_index(x: f64) -> usize {
    (x + NEAREST).to_bits() as u32 as usize
}

/// 1.5 * 2^52: added to a number within ±2^51, the sum is the nearest whole number plus this, in its low bits.
const NEAREST: f64 = 6_755_399_441_055_744.0;

/// [`nearest_index`] of both lanes of `x`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)] // per pair of values
pub(crate) fn nearest_indices(x: core::arch::wasm32::v128) -> (usize, usize) {
    use core::arch::wasm32::{f64x2_add, f64x2_splat, i64x2_extract_lane};
    let sum = f64x2_add(x, f64x2_splat(NEAREST));
    (
        i64x2_extract_lane::<0>(sum) as u32 as usize,
        i64x2_extract_lane::<1>(sum) as u32 as usize,
    )
}

/// `round(x, 4)` as a whole number of ten-thousandths (an `f64` holding an integer), rounding the exact binary
/// value half to even as Python does.
pub(crate) fn round4_key(x: f64) -> f64 {
    round_key(x, 1e4)
}

/// `round(x, digits)` as a whole count of `1/scale` (`scale` = 10^digits), Python's rule: the exact binary
/// value, half to even. Kept as an `f64` (a product beyond 2^52 is already whole, and is itself).
fn round_key(x: f64, scale: f64) -> f64 {
    let y = x * scale;
    let n = y.floor();
    if y - n != 0.5 {
        return y.round();
    }
    // The product landed exactly on a half: the exact product is y plus the rounding error, which decides.
    let residual = x.mul_add(scale, -y);
    if residual > 0.0 || (residual == 0.0 && n % 2.0 != 0.0) {
        n + 1.0
    } else {
        n
    }
}

/// `x` to at most `places` decimal places, trailing zeros dropped: 2.0 → "2", 99.99 → "99.99". A number beyond
/// 2^52 units of the last place (far beyond any age or centile written this way) is written as an infinity is,
/// without the float formatting the .wasm leaves out.
pub(crate) fn decimal_text(x: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let Some(n) = integer::<i64>((x.abs() * scale as f64).round()) else {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    };
    let mut text = String::new();
    if x < 0.0 && n != 0 {
        text.push('-');
    }
    push_integer(&mut text, n / scale, 1);
    if n % scale != 0 {
        text.push('.');
        push_integer(&mut text, n % scale, places as usize);
        text.truncate(text.trim_end_matches('0').len());
    }
    text
}

/// `n` in decimal appended to `out`, its digits zero-padded to at least `width` (after the sign): `{n:0width$}`
/// for `n` ≥ 0. The engine's texts write their integers with this rather than `core::fmt`, whose code a
/// calculation would otherwise have to compile on its first call in a page.
pub(crate) fn push_integer(out: &mut String, n: i64, width: usize) {
    if n < 0 {
        out.push('-');
    }
    push_natural(out, n.unsigned_abs(), width);
}

/// `n` in decimal appended to `out`, zero-padded to at least `width` digits.
pub(crate) fn push_natural(out: &mut String, n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let (mut rest, mut at) = (n, digits.len());
    while at == digits.len() || rest > 0 {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    for _ in digits.len() - at..width {
        out.push('0');
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default()); // ASCII digits: always UTF-8
}

/// A piece of a [`text!`] message: text, or an integer written in decimal.
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Integer(i64),
    Natural(u64),
}

impl<'a> From<&'a str> for Piece<'a> {
    fn from(s: &'a str) -> Piece<'a> {
        Piece::Text(s)
    }
}

impl<'a> From<&'a String> for Piece<'a> {
    fn from(s: &'a String) -> Piece<'a> {
        Piece::Text(s)
    }
}

impl From<i64> for Piece<'_> {
    fn from(n: i64) -> Self {
        Piece::Integer(n)
    }
}

impl From<i32> for Piece<'_> {
    fn from(n: i32) -> Self {
        Piece::Integer(n.into())
    }
}

impl From<u8> for Piece<'_> {
    fn from(n: u8) -> Self {
        Piece::Integer(n.into())
    }
}

impl From<u32> for Piece<'_> {
    fn from(n: u32) -> Self {
        Piece::Integer(n.into())
    }
}

impl From<u64> for Piece<'_> {
    fn from(n: u64) -> Self {
        Piece::Natural(n)
    }
}

impl From<usize> for Piece<'_> {
    fn from(n: usize) -> Self {
        Piece::Natural(n as u64)
    }
}

/// `pieces` written one after another, as [`text!`] does.
pub(crate) fn pieces_text(pieces: &[Piece<'_>]) -> String {
    let mut text = String::new();
    for piece in pieces {
        match *piece {
            Piece::Text(s) => text.push_str(s),
            Piece::Integer(n) => push_integer(&mut text, n, 1),
            Piece::Natural(n) => push_natural(&mut text, n, 1),
        }
    }
    text
}

/// `text!("The ", name, " reference ends at ", n, ".")`: its arguments (texts and integers, each a [`Piece`])
/// written one after another. The crate's messages are built with this rather than `format!`, so the .wasm keeps
/// only the part of `core::fmt` its panics use.
macro_rules! text {
    ($($piece:expr),+ $(,)?) => {
        $crate::engine::rounding::pieces_text(&[$($crate::engine::rounding::Piece::from($piece)),+])
    };
}
pub(crate) use text;

/// Python's `round(x, digits)` for a float: correctly rounded, ties to even on the exact value.
#[inline]
pub(crate) fn round_python(x: f64, digits: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits);
    round_key(x, scale) / scale
}

/// NumPy's `round(x, digits)` for a float64: `rint(x·10^digits)/10^digits`, the product rounded before the tie
/// is decided.
pub(crate) fn round_numpy(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (x * scale).round_ties_even() / scale
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
        assert_eq!(round4_key(-0.2874743326488706), -2875.0);
        assert_eq!(round4_key(0.00005), 1.0); // stored just above the half: Python rounds up
        assert_eq!(round4_key(0.03125), 312.0); // an exact half: to even
        assert_eq!(decimal_text(2.0, 2), "2");
        assert_eq!(decimal_text(99.99, 2), "99.99");
        assert_eq!(decimal_text(-2.75, 1), "-2.8");
    }

    #[test]
    fn huge_numbers_round_to_themselves() {
        // An integer cast would have saturated (9.2e14 for round(1e300, 4) in wasm, -9.2e14 in wasm2js).
        assert_eq!(round_python(1e300, 4), 1e300);
        assert_eq!(round_python(-1e300, 4), -1e300);
        assert_eq!(round_python(2f64.powi(60) + 0.0, 2), 2f64.powi(60));
        assert_eq!(decimal_text(1e300, 2), "∞");
        assert_eq!(decimal_text(-1e20, 2), "-∞");
        assert_eq!(decimal_text(-1e12, 2), "-1000000000000");
    }

    #[test]
    fn integers_are_written_as_core_fmt_writes_them() {
        for n in [
            0,
            1,
            7,
            9,
            10,
            42,
            99,
            100,
            2020,
            9999,
            123_456_789,
            i64::MAX,
            -1,
            -305,
            i64::MIN,
        ] {
            for width in [0, 1, 2, 4, 25] {
                let mut text = String::new();
                push_integer(&mut text, n, width);
                let expected = if n < 0 {
                    format!("-{:0width$}", n.unsigned_abs())
                } else {
                    format!("{n:0width$}")
                };
                assert_eq!(text, expected, "{n} width {width}");
            }
        }
    }

    #[test]
    fn integer_is_range_checked() {
        assert_eq!(integer::<i32>(-3.9), Some(-3));
        assert_eq!(integer::<u8>(255.5), Some(255));
        assert_eq!(integer::<u8>(256.0), None);
        assert_eq!(integer::<usize>(-1.0), None);
        assert_eq!(integer::<usize>(-0.5), Some(0));
        assert_eq!(integer::<i64>(1e300), None);
        assert_eq!(integer::<i64>(f64::NAN), None);
        assert_eq!(integer::<i64>(f64::INFINITY), None);
        assert_eq!(integer::<i64>(ALL_WHOLE), Some(1 << 52));
        assert_eq!(integer::<i64>(-ALL_WHOLE * 2.0), None);
    }
}

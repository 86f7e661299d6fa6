// The one seeded random generator of the JavaScript tests and the benchmark (the native tests' is
// tests/common/mod.rs's Rng): xorshift32, so the same seed gives the same inputs on every run and machine.

/** A function giving the next number in [0, 1) of the xorshift32 sequence from `seed` (0 is taken as 1). */
export function xorshift32(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

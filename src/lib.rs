//! centile: children's growth centiles and SDS for the UK-WHO, WHO, CDC, Turner and trisomy-21 references,
//! computed on the device with the numbers of rcpchgrowth 4.6.5 and the JSON of the RCPCH Digital Growth
//! Charts API.
//!
//! The engine is plain Rust; the WebAssembly layer (its exports and wire encodings) lives in `wasm` and is
//! compiled only for wasm32.
//!
//! ```
//! use centile::engine::ages::{Date, Gestation};
//! use centile::engine::measurement::{calculate, Birth, Observation};
//! use centile::{Method, Reference, Sex};
//!
//! let birth = Birth {
//!     birth_date: Date::parse("2018-03-14").unwrap(),
//!     gestation: Gestation { weeks: 32, days: 3 },
//!     sex: Sex::Female,
//!     method: Method::Weight,
//! };
//! let observation = Observation {
//!     observation_date: Date::parse("2019-01-10").unwrap(),
//!     observation_value: 7.2,
//!     bone_age: Default::default(),
//! };
//! let m = calculate(Reference::UkWho, &birth, &observation).unwrap();
//! assert!(m.corrected_decimal_age < m.chronological_decimal_age);
//! let centile = m.corrected.centile.unwrap();
//! assert!(centile > 0.0 && centile < 100.0);
//! ```

pub mod dgc;
pub mod engine;

pub use engine::terms::{Method, Reference, Sex};

#[cfg(any(target_arch = "wasm32", test))]
pub mod wasm;

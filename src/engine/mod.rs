//! The engine: typed requests in, typed results out. It knows nothing of JSON, the dGC API or WebAssembly
//! (tests/layers.rs keeps it so).

pub mod ages;
pub mod centiles;
pub mod chart;
pub mod data;
pub mod fictional;
pub mod lms;
pub mod measurement;
pub mod mid_parental;
pub mod normal;
pub mod nutrition;
pub mod references;
/// The native tests' seeded generator.
#[cfg(test)]
#[allow(dead_code)]
#[path = "../../tests/common/rng.rs"]
pub(crate) mod rng;
pub mod rounding;
pub mod sds;
pub mod terms;
pub mod thrive;
pub mod velocity;
pub mod wording;

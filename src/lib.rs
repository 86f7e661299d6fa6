//! centile: children's growth centiles and SDS for the UK-WHO, WHO, CDC, Turner and trisomy-21 references,
//! computed on the device with the numbers of rcpchgrowth 4.6.5 and the JSON of the RCPCH Digital Growth
//! Charts API.
//!
//! The engine is plain Rust; the WebAssembly binding lives in `wasm` and is compiled only for wasm32.

pub mod ages;
pub mod api;
pub mod centile;
pub mod chart;
pub mod data;
pub mod fictional;
pub mod lms;
pub mod measurement;
pub mod mid_parental;
pub mod normal;
pub mod record;
pub mod references;
pub mod request;
pub mod sds;
pub mod thrive;
pub mod velocity;

pub use references::{Method, Reference, Sex};

#[cfg(target_arch = "wasm32")]
pub mod wasm;

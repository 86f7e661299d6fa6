//! The WebAssembly layer, compiled only for wasm32 (and natively for its own tests): the wasm-bindgen exports
//! and the wire encodings only the package's JavaScript reads. The engine's public API is its domain types.

#[cfg(test)]
mod contract;
#[cfg(test)]
mod contract_chart;
#[cfg(test)]
mod contract_fhir;
#[cfg(test)]
mod contract_functions;
mod flat;
#[cfg(test)]
mod protocol;
mod record;

#[cfg(target_arch = "wasm32")]
mod allocator;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
mod js_value;
#[cfg(target_arch = "wasm32")]
pub use exports::*;

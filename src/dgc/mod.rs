//! The dGC adapter: the RCPCH Digital Growth Charts API's requests and responses on top of the engine. Request
//! bodies arrive as a JSON [`value::Value`], are read field by field ([`fields::Fields`], following a
//! [`shape::Shape`]) into the engine's types, and every problem is reported as a 422 ([`error::ValidationError`]).
//! [`api`] is the API's endpoints; [`fhir`] reads and writes FHIR R4. The CLI and the wasm binding build on it.

pub mod api;
pub mod chart_response;
pub mod decimal;
pub mod error;
pub mod fhir;
pub mod fields;
pub mod measurement_request;
pub mod measurement_response;
pub mod nutrition;
pub mod shape;
pub mod value;

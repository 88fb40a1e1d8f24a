//! Rules over OpenAPI descriptions, a folder per area.

pub mod auth;
pub mod conventions;
pub mod errors;
pub mod pagination;
pub mod rate_limiting;
pub mod structure;
pub mod transport;
pub mod validation;

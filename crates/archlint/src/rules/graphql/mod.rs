//! GraphQL: the same checklists as the REST side, read from an SDL schema.
//! Helpers the rules share live in `shape.rs` (what a field's shape says)
//! and `names.rs` (what names say); the rules are one file each.

pub mod auth;
pub mod consistency;
pub mod conventions;
pub mod documentation;
pub mod errors;
pub mod pagination;
pub mod rate_limiting;
pub mod sensitive_data;
pub mod types;
pub mod validation;
pub mod versioning;

mod names;
mod shape;

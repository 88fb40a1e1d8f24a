//! Conventions: the shape of paths, operations and identifiers.

pub mod body_on_get;
mod case;
pub mod duplicate_operation_id;
pub mod inconsistent_path_case;
pub mod inconsistent_property_case;
pub mod missing_idempotency_key;
pub mod missing_operation_id;
pub mod path_parameter_mismatch;
pub mod singular_collection_name;
pub mod top_level_array_response;
pub mod trailing_slash;
pub mod verb_in_path;

pub(crate) use case::{usual_case, Case};

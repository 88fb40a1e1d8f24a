//! Conventions: the shape of paths, operations and identifiers.

pub mod body_on_get;
pub mod duplicate_operation_id;
pub mod missing_operation_id;
pub mod path_parameter_mismatch;
pub mod trailing_slash;

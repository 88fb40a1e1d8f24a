//! Conventions: the shape of paths, operations and identifiers.

pub mod duplicate_operation_id;
pub mod path_parameter_mismatch;

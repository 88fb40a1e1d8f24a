//! Validation: what the API accepts.

pub mod string_without_max_length;

//! Validation: what the API accepts.

pub mod array_without_max_items;
pub mod string_without_max_length;

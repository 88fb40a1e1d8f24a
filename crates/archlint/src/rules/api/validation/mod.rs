//! Validation: what the API accepts.

pub mod additional_properties_allowed;
pub mod array_without_max_items;
pub mod enum_type_mismatch;
pub mod integer_without_bounds;
pub mod invalid_example;
mod messages;
pub mod required_property_undefined;
pub mod string_without_max_length;
pub mod unanchored_pattern;
pub mod upload_without_size_limit;
pub mod writable_server_field;

pub(crate) use messages::request_message;

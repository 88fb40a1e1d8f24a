//! Names and types as sqlparser gives them, as the model keeps them.

use sqlparser::ast::{DataType, ObjectName, ObjectNamePart};

pub(super) fn name_parts(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|part| match part {
            ObjectNamePart::Identifier(ident) => ident.value.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// `schema.table` as written, without quotes.
pub(super) fn object_name(name: &ObjectName) -> String {
    name_parts(name).join(".")
}

/// A type as lower-case text with single spaces.
pub(super) fn type_text(data_type: &DataType) -> String {
    normalize_type(&data_type.to_string())
}

pub(in crate::schema) fn normalize_type(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

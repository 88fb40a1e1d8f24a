//! Normalization: one fact in one place, relations as relations.

pub mod copied_column;
pub mod entity_attribute_value;
pub mod json_relation;
pub mod multi_valued_column;
pub mod polymorphic_association;
pub mod repeating_group;
pub mod wide_table;

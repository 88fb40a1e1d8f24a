//! Where the API and the schema behind it disagree. Every finding is at the
//! API side (where a client sees the contract) with the column, constraint or
//! index as a related location.

pub mod enum_mismatch;
pub mod foreign_key_error_undocumented;
pub mod generated_column_writable;
pub mod length_mismatch;
pub mod missing_required_column;
pub mod nullability_mismatch;
pub mod property_without_column;
pub mod sensitive_column_exposed;
pub mod sequential_id_exposed;
pub mod type_mismatch;
pub mod unindexed_query_parameter;
pub mod unique_conflict_undocumented;
pub mod unknown_mapping_target;

mod linked;
mod selectors;
mod suggestions;
mod writes;

pub(crate) use linked::{
    column_related, describe_entity, first_parameter_per_column, linked_properties, report,
    LinkedProperty,
};
pub(crate) use selectors::{is_selector, selects_everywhere};
pub(crate) use suggestions::{link_help, looks_alike};
pub(crate) use writes::{all_written, undocumented_writes};

//! GraphQL against the database behind it: the object types linked to
//! tables (`link::link_graphql`), their fields to columns. Every rule here
//! is silent when the run has no SQL.

pub mod enum_mismatch;
pub mod field_without_column;
pub mod nullability_mismatch;
pub mod sequential_id;
pub mod type_mismatch;
pub mod unindexed_filter;
pub mod unknown_link_target;

mod linked;

use linked::{column_label, linked_fields, linked_types};

//! Migration safety: statements that lock or rewrite a table that already holds
//! data, or break the application running against it.
//!
//! A table counts as existing when an earlier file (an earlier migration)
//! created it; a table created earlier in the same file is new and empty, so
//! indexing or altering it there is not reported (squawk #349). Reviewing a
//! single schema file therefore gives no migration findings.

pub mod add_not_null_column;
pub mod breaking_change;
pub mod column_type_change;
pub mod concurrently_in_transaction;
pub mod constraint_without_not_valid;
pub mod enum_value_change;
pub mod index_without_concurrently;
pub mod missing_lock_timeout;
pub mod mysql_alter_without_algorithm;
pub mod set_not_null;
mod steps;
pub mod unique_without_index;
pub mod volatile_default;

pub(crate) use steps::{
    around, copied_before, generator_warned, on_existing_tables, steps, table_name,
};

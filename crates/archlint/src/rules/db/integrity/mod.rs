//! Integrity: keys and references that keep the data consistent.

pub mod constraint_not_validated;
pub mod foreign_key_type_mismatch;
pub mod foreign_key_without_on_delete;
pub mod missing_foreign_key;
pub mod non_transactional_engine;
pub mod nullable_composite_foreign_key;
pub mod table_without_primary_key;

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
pub mod unique_without_index;
pub mod volatile_default;

use crate::model::{Change, Schema, StatementRecord};

/// A statement with what is known at that point of its file.
pub(crate) struct Step<'a> {
    pub record: &'a StatementRecord,
    /// Inside `BEGIN ... COMMIT` of the same file.
    pub in_transaction: bool,
    /// A `SET lock_timeout` ran earlier in the same file.
    pub lock_timeout: bool,
}

/// Every statement in order, with transaction and lock-timeout state per file.
pub(crate) fn steps(schema: &Schema) -> Vec<Step<'_>> {
    let mut steps = Vec::with_capacity(schema.statements.len());
    let mut file = None;
    let (mut in_transaction, mut lock_timeout) = (false, false);
    for record in &schema.statements {
        if file != Some(record.place.file) {
            file = Some(record.place.file);
            in_transaction = false;
            lock_timeout = false;
        }
        for change in &record.changes {
            match change {
                Change::BeginTransaction => in_transaction = true,
                Change::EndTransaction => in_transaction = false,
                Change::SetLockTimeout => lock_timeout = true,
                _ => {}
            }
        }
        steps.push(Step {
            record,
            in_transaction,
            lock_timeout,
        });
    }
    steps
}

/// Statements on tables that existed before their file, with their changes.
pub(crate) fn on_existing_tables(
    schema: &Schema,
) -> impl Iterator<Item = (&StatementRecord, &Change)> {
    schema
        .statements
        .iter()
        .filter(|record| record.table_preexisting)
        .flat_map(|record| record.changes.iter().map(move |change| (record, change)))
}

pub(crate) fn table_name(record: &StatementRecord) -> &str {
    record.table.as_deref().unwrap_or("?")
}

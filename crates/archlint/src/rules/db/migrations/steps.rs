//! The statements of a history with what is known at each: transaction and
//! lock-timeout state, and whether their table existed before their file.

use crate::schema::{Change, Schema, StatementRecord};

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

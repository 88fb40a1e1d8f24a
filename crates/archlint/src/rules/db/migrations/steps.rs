//! The statements of a history with what is known at each: transaction and
//! lock-timeout state, and whether their table existed before their file.

use crate::base::source::SourceMap;
use crate::schema::{self, Change, GeneratorWarning, Schema, StatementRecord};

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

/// The statements around `record`: those of its file and of the migration
/// before it, split at `record` into (before, after). Migrations are applied
/// one after another on deploy, so what the previous one did to the rows
/// (copied them, emptied a table) still holds.
pub(crate) fn around<'s>(
    schema: &'s Schema,
    record: &StatementRecord,
) -> (&'s [StatementRecord], &'s [StatementRecord]) {
    let statements = schema.statements.as_slice();
    let Some(position) = statements
        .iter()
        .position(|candidate| std::ptr::eq(candidate, record))
    else {
        return (&[], &[]);
    };
    let file_of = |index: usize| statements.get(index).map(|found| found.place.file);
    let block_start = |end: usize| {
        let file = file_of(end);
        let mut start = end;
        while start > 0 && file_of(start - 1) == file {
            start -= 1;
        }
        start
    };
    let own_start = block_start(position);
    let start = match own_start {
        0 => 0,
        _ => block_start(own_start - 1),
    };
    let mut end = position;
    while end + 1 < statements.len() && file_of(end + 1) == file_of(position) {
        end += 1;
    }
    let before = statements.get(start..position).unwrap_or(&[]);
    let after = statements.get(position + 1..=end).unwrap_or(&[]);
    (before, after)
}

/// Whether rows of the table were copied elsewhere just before (`INSERT INTO
/// new SELECT ... FROM t`, in this migration or the one before).
pub(crate) fn copied_before(schema: &Schema, record: &StatementRecord, table: &str) -> bool {
    around(schema, record)
        .0
        .iter()
        .flat_map(|earlier| earlier.changes.iter())
        .any(|change| match change {
            Change::CopyData { into, from } => {
                !Schema::same_name(into, table)
                    && from.iter().any(|read| Schema::same_name(read, table))
            }
            _ => false,
        })
}

/// Whether the tool that generated the migration warned of this change in
/// its header and the author went ahead (see [`schema::generator_warned`]):
/// findings it already raised are advice here.
pub(crate) fn generator_warned(
    sources: &SourceMap,
    record: &StatementRecord,
    warning: GeneratorWarning<'_>,
) -> bool {
    sources
        .get(record.place.file)
        .is_some_and(|file| schema::generator_warned(&file.text, table_name(record), warning))
}

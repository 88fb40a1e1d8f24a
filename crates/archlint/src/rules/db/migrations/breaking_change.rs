use crate::base::{Emitter, Severity};
use crate::rules::db::migrations::{
    around, copied_before, generator_warned, on_existing_tables, table_name,
};
use crate::rules::DbContext;
use crate::schema::GeneratorWarning;
use crate::schema::{Change, Schema, StatementRecord};

crate::declare_rule! {
    /// ## What it does
    /// Reports renaming or dropping a column or a table that may hold rows
    /// (created by an earlier release). Left out: a drop whose rows this
    /// migration or the one before copied elsewhere (`INSERT INTO
    /// rule_segments SELECT ... FROM rules`), a table swapped for its new
    /// version (`DROP TABLE t` beside `ALTER TABLE t_new RENAME TO t`, in the
    /// same release), and a column swapped for its new version (`DROP COLUMN
    /// c` then `RENAME COLUMN c_new TO c`).
    ///
    /// ## Why is this bad?
    /// During a deployment the old application version keeps running against
    /// the new schema: every query that names the old column or table fails
    /// until the new version is everywhere. Dropping also loses the data for good.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// a later migration renames a column:
    /// ```sql
    /// ALTER TABLE customers RENAME COLUMN email TO email_address;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE customers ADD COLUMN email_address text;
    /// -- write both, backfill, switch reads, stop writing the old column, then drop it later
    /// ```
    ///
    /// ## How to fix
    /// Expand and contract: add the new name, migrate the code to it, and remove
    /// the old one in a later release, once nothing uses it.
    ///
    /// Severity: `warning` for a rename, which breaks the version still
    /// running during a deploy; `info` for a drop, which breaks it only if
    /// that version still reads what is dropped (usually it was removed from
    /// the code a release before) — the advice is to make sure.
    pub struct BreakingChange {
        id: "MIG008",
        name: "breaking-change",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "A column or table of an existing table is renamed or dropped.",
        fix: "Expand and contract: add the new name, move the code over, drop the old one in a later release.",
        peers: ["atlas:DS101", "atlas:DS102", "atlas:DS103", "atlas:BC101", "atlas:BC102", "atlas:destructive", "atlas:backward_incompatible", "squawk:ban-drop-column", "squawk:ban-drop-table", "squawk:renaming-column", "squawk:renaming-table"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for (record, change) in on_existing_tables(db.schema) {
        let table = table_name(record);
        if moved_on(db.schema, record, change, table) {
            continue;
        }
        // A rename breaks the version still running during the deploy, for
        // sure; a drop only if that version still reads what is dropped,
        // which the history cannot show: advice to check.
        let (message, severity) = match change {
            Change::DropColumn { column } => (
                format!("dropping `{table}.{column}` loses its data, and breaks the running version if it still reads the column"),
                Severity::Info,
            ),
            Change::RenameColumn { from, to } => (
                format!("renaming `{table}.{from}` to `{to}` breaks code that still uses the old name"),
                Severity::Warning,
            ),
            Change::DropTable => (
                format!("dropping table `{table}` loses its data, and breaks the running version if it still uses the table"),
                Severity::Info,
            ),
            Change::RenameTable { to } => (
                format!("renaming table `{table}` to `{to}` breaks code that still uses the old name"),
                Severity::Warning,
            ),
            _ => continue,
        };
        let warned = match change {
            Change::DropColumn { column } => {
                generator_warned(db.sources, record, GeneratorWarning::DroppedColumn(column))
            }
            Change::DropTable => {
                generator_warned(db.sources, record, GeneratorWarning::DroppedTable)
            }
            _ => false,
        };
        let message = match warned {
            true => format!("{message} (the generator warned of it, and the author went ahead)"),
            false => message,
        };
        out.report(record.place.clone(), message).severity(severity);
    }
}

/// Whether the data or the name moved on by design: rows copied out just
/// before a drop (`INSERT INTO rule_segments SELECT ... FROM rules`), or a
/// table swapped for its new version (`DROP TABLE t` with `ALTER TABLE
/// t_new RENAME TO t` beside it).
fn moved_on(schema: &Schema, record: &StatementRecord, change: &Change, table: &str) -> bool {
    match change {
        Change::DropColumn { .. } | Change::DropTable if copied_before(schema, record, table) => {
            true
        }
        Change::DropTable => {
            // The new version takes the name in this release.
            let (before, after) = around(schema, record);
            let nearby = before
                .iter()
                .chain(after)
                .chain(next_file(schema, record))
                .filter(|other| schema.same_release(other.place.file, record.place.file));
            renamed_to(nearby, table)
        }
        // A column swapped for its new version (`ADD c_new; UPDATE; DROP c;
        // RENAME c_new TO c`): the real change is of type, not a loss.
        Change::DropColumn { column } => {
            let (_, after) = around(schema, record);
            after.iter().any(|later| {
                same_table(later, table)
                    && later.changes.iter().any(|change| {
                        matches!(change, Change::RenameColumn { to, .. } if to.eq_ignore_ascii_case(column))
                    })
            })
        }
        Change::RenameColumn { to, .. } => {
            let (before, _) = around(schema, record);
            before.iter().any(|earlier| {
                earlier.place.file == record.place.file
                    && same_table(earlier, table)
                    && earlier.changes.iter().any(|change| {
                        matches!(change, Change::DropColumn { column } if column.eq_ignore_ascii_case(to))
                    })
            })
        }
        Change::RenameTable { to } => {
            let (before, _) = around(schema, record);
            before.iter().any(|earlier| {
                earlier.changes.contains(&Change::DropTable)
                    && earlier
                        .table
                        .as_deref()
                        .is_some_and(|dropped| Schema::same_name(dropped, to))
            })
        }
        _ => false,
    }
}

/// Whether one of the statements renames a table to `name`.
fn renamed_to<'s>(statements: impl Iterator<Item = &'s StatementRecord>, name: &str) -> bool {
    statements
        .flat_map(|other| other.changes.iter())
        .any(|change| matches!(change, Change::RenameTable { to } if Schema::same_name(to, name)))
}

fn same_table(record: &StatementRecord, table: &str) -> bool {
    record
        .table
        .as_deref()
        .is_some_and(|name| Schema::same_name(name, table))
}

/// The statements of the file after `record`'s.
fn next_file<'s>(schema: &'s Schema, record: &StatementRecord) -> &'s [StatementRecord] {
    let statements = schema.statements.as_slice();
    let Some(position) = statements
        .iter()
        .position(|candidate| std::ptr::eq(candidate, record))
    else {
        return &[];
    };
    let file = record.place.file;
    let start = statements
        .iter()
        .skip(position)
        .position(|other| other.place.file != file)
        .map_or(statements.len(), |offset| position + offset);
    let next = statements.get(start).map(|other| other.place.file);
    let end = statements
        .iter()
        .skip(start)
        .position(|other| Some(other.place.file) != next)
        .map_or(statements.len(), |offset| start + offset);
    statements.get(start..end).unwrap_or(&[])
}

use crate::base::Emitter;
use crate::rules::db::migrations::{around, copied_before, on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::{Change, Schema, StatementRecord};

crate::declare_rule! {
    /// ## What it does
    /// Reports renaming or dropping a column or a table that an earlier
    /// migration created. Left out: a drop whose rows this migration or the
    /// one before copied elsewhere (`INSERT INTO rule_segments SELECT ... FROM
    /// rules`), and a table swapped for its new version (`DROP TABLE t` beside
    /// `ALTER TABLE t_new RENAME TO t`).
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
    /// Severity: `warning` — sometimes intended, never free.
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
        let message = match change {
            Change::DropColumn { column } => format!(
                "dropping `{table}.{column}` breaks code that still reads it and loses its data"
            ),
            Change::RenameColumn { from, to } => format!(
                "renaming `{table}.{from}` to `{to}` breaks code that still uses the old name"
            ),
            Change::DropTable => format!(
                "dropping table `{table}` breaks code that still uses it and loses its data"
            ),
            Change::RenameTable { to } => format!(
                "renaming table `{table}` to `{to}` breaks code that still uses the old name"
            ),
            _ => continue,
        };
        out.report(record.place.clone(), message);
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
            let (before, after) = around(schema, record);
            let nearby = before
                .iter()
                .chain(after)
                .filter(|other| other.place.file == record.place.file);
            renamed_to(nearby, table)
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

use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;

crate::declare_rule! {
    /// ## What it does
    /// Reports renaming or dropping a column or a table that an earlier
    /// migration created.
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
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for (record, change) in on_existing_tables(db.schema) {
        let table = table_name(record);
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

use crate::base::Emitter;
use crate::rules::db::migrations::{emptied_before, on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ALTER TABLE ... ADD COLUMN ... NOT NULL` without a `DEFAULT` on
    /// a table that an earlier migration created — unless the same migration
    /// empties the table first (`DELETE FROM t` without `WHERE`, `TRUNCATE`).
    ///
    /// ## Why is this bad?
    /// The existing rows have no value for the new column, so the statement
    /// fails on any table that holds data — in production, not in the empty
    /// development database where the migration was tried.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10, 2) NOT NULL);
    /// ```
    ///
    /// a later migration adds a required column:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN currency text NOT NULL;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';
    /// ```
    ///
    /// ## How to fix
    /// Give the column a default, or add it nullable, backfill it in batches,
    /// then set it `NOT NULL` (with a validated check constraint first on
    /// PostgreSQL).
    ///
    /// Severity: `error` — the migration fails on real data.
    pub struct AddNotNullColumn {
        id: "MIG001",
        name: "add-not-null-column",
        side: Db,
        area: Migrations,
        severity: Error,
        summary: "A NOT NULL column without a default is added to an existing table.",
        fix: "Add a DEFAULT, or add the column nullable, backfill, then set NOT NULL.",
        peers: ["atlas:MF103", "atlas:data_depend", "squawk:adding-required-field", "squawk:adding-not-nullable-field"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for (record, change) in on_existing_tables(db.schema) {
        if let Change::AddColumn {
            column,
            not_null: true,
            default: None,
        } = change
        {
            // Emptied just before (`DELETE FROM t;` then `ADD COLUMN`): no
            // row lacks the value.
            if emptied_before(db.schema, record, table_name(record)) {
                continue;
            }
            let message = format!(
                "NOT NULL column `{column}` without a default is added to existing table `{}`: it fails if the table has rows",
                table_name(record)
            );
            out.report(record.place.clone(), message);
        }
    }
}

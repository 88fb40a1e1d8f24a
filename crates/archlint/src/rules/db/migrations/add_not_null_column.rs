use crate::base::{Emitter, Severity};
use crate::rules::db::migrations::{generator_warned, on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;
use crate::schema::GeneratorWarning;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ALTER TABLE ... ADD COLUMN ... NOT NULL` without a `DEFAULT` on
    /// a table that may hold rows: created by an earlier release (migrations
    /// of one day or one version ship together) and not emptied first by the
    /// same migration (`DELETE FROM t` without `WHERE`, `TRUNCATE`).
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
    /// Severity: `warning` — the migration fails if the table holds rows,
    /// which a production table usually does; the history cannot show
    /// whether this one does (a table of a feature not yet released may be
    /// empty); `info` when the tool that generated the migration warned of
    /// it in the file's header (Prisma's "Added the required column") and the
    /// author went ahead.
    pub struct AddNotNullColumn {
        id: "MIG001",
        name: "add-not-null-column",
        side: Db,
        area: Migrations,
        severity: Warning,
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
            let warned =
                generator_warned(db.sources, record, GeneratorWarning::RequiredColumn(column));
            let message = format!(
                "NOT NULL column `{column}` without a default is added to existing table `{}`: it fails if the table has rows{}",
                table_name(record),
                if warned { " (the generator warned of it, and the author went ahead)" } else { "" }
            );
            let diagnostic = out.report(record.place.clone(), message);
            if warned {
                diagnostic.severity(Severity::Info);
            }
        }
    }
}

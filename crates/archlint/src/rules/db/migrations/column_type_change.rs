use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;

crate::declare_rule! {
    /// ## What it does
    /// Reports a change of a column's type on an existing table
    /// (`ALTER COLUMN ... TYPE`, MySQL `MODIFY`/`CHANGE`). Changes to `text` or
    /// to an unbounded `varchar`, which PostgreSQL does without a rewrite from
    /// `varchar`, are not reported.
    ///
    /// ## Why is this bad?
    /// Most type changes rewrite the table and rebuild its indexes under an
    /// exclusive lock, and the application still running the old code may
    /// send values the new type rejects.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id integer PRIMARY KEY, total numeric(10, 2) NOT NULL);
    /// ```
    ///
    /// a later migration widens its key:
    /// ```sql
    /// ALTER TABLE orders ALTER COLUMN id TYPE bigint;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN id_new bigint;
    /// -- backfill in batches, keep in sync with a trigger, then swap in a short transaction
    /// ```
    ///
    /// ## How to fix
    /// Add a new column, backfill it in batches, switch the application, then
    /// drop the old column.
    ///
    /// Severity: `warning`.
    pub struct ColumnTypeChange {
        id: "MIG007",
        name: "column-type-change",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "A column's type changes on an existing table (rewrite and lock).",
        fix: "Add a new column, backfill it in batches, switch over, then drop the old one.",
        peers: ["squawk:changing-column-type"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for (record, change) in on_existing_tables(db.schema) {
        let Change::AlterColumnType { column, to } = change else {
            continue;
        };
        if to == "text" || to == "varchar" || to == "character varying" {
            continue;
        }
        let message = format!(
            "changing `{}.{column}` to `{to}` rewrites the existing table under an exclusive lock",
            table_name(record)
        );
        out.report(record.place.clone(), message);
    }
}

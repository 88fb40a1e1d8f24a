use crate::base::{Emitter, Severity};
use crate::rules::DbContext;
use crate::schema::{index_likes, leads_with, Table};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key whose columns are not the leading columns of any
    /// index, primary key or unique constraint of the referencing table. Only on
    /// PostgreSQL and SQLite: MySQL's InnoDB creates such an index by itself.
    /// A key to a lookup table the migrations fill themselves (`INSERT INTO
    /// event_kind VALUES ...`, at most four columns) is left out: its rows
    /// are not deleted.
    ///
    /// ## Why is this bad?
    /// Every delete or key update of a referenced row searches the referencing
    /// table for dependants; without an index that is a full scan under a lock,
    /// once per row. Joins from parent to children scan too. It is the most
    /// common cause of slow deletes and lock pile-ups in PostgreSQL.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id)
    /// );
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id)
    /// );
    /// CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
    /// ```
    ///
    /// ## How to fix
    /// Create an index whose leading columns are the foreign key's columns
    /// (`CREATE INDEX CONCURRENTLY` on a live PostgreSQL table).
    ///
    /// Severity: `warning` — correct but slow, and slow in the worst places
    /// (deletes, under locks); `info` when the parent table archives rows
    /// (`deleted_at`, `archived_at`) rather than deleting them.
    pub struct ForeignKeyWithoutIndex {
        id: "IDX001",
        name: "foreign-key-without-index",
        side: Db,
        area: Indexing,
        severity: Warning,
        summary: "A foreign key has no index on its columns (PostgreSQL, SQLite).",
        fix: "Create an index that starts with the foreign key's columns.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect == Dialect::Mysql {
        return;
    }
    for table in &db.schema.tables {
        let indexes = index_likes(table);
        for key in &table.foreign_keys {
            let covered = indexes
                .iter()
                .any(|index| !index.partial_or_special && leads_with(index.columns, &key.columns));
            let parent = db.schema.table(&key.ref_table);
            if covered || parent.is_some_and(is_lookup_table) {
                continue;
            }
            let columns = key.columns.join(", ");
            let message = format!(
                "foreign key `{}` ({columns}) → `{}` has no index; deleting a `{}` row scans `{}`",
                key.name.as_deref().unwrap_or(&columns),
                key.ref_table,
                key.ref_table,
                table.name
            );
            let help = format!(
                "CREATE INDEX CONCURRENTLY {}_{}_idx ON {} ({columns});",
                table.name.rsplit('.').next().unwrap_or(&table.name),
                key.columns.join("_"),
                table.name
            );
            let diagnostic = out.report(key.place.clone(), message).help(help);
            // Rows that are archived rather than deleted make the scan rare.
            if parent.is_some_and(soft_deletes) {
                diagnostic.severity(Severity::Info);
            }
        }
    }
}

/// A list of kinds or states the migrations fill themselves (`INSERT INTO
/// event_kind VALUES ...`): its rows are not deleted, so no delete scans the
/// referencing table.
fn is_lookup_table(table: &Table) -> bool {
    table.seeded && table.columns.len() <= 4
}

/// Columns that mark a row removed instead of deleting it.
const SOFT_DELETE: [&str; 5] = [
    "deleted_at",
    "archived_at",
    "is_deleted",
    "deleted",
    "archived",
];

fn soft_deletes(table: &Table) -> bool {
    table
        .columns
        .iter()
        .any(|column| SOFT_DELETE.contains(&column.name.to_ascii_lowercase().as_str()))
}

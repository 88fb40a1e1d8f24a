use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports `CREATE INDEX` and `DROP INDEX` without `CONCURRENTLY` on a
    /// PostgreSQL table that an earlier migration created. Indexes on a table
    /// created in the same file are not reported.
    ///
    /// ## Why is this bad?
    /// A plain `CREATE INDEX` blocks every write to the table until the index is
    /// built — minutes to hours on a large table. `DROP INDEX` takes an
    /// `ACCESS EXCLUSIVE` lock and queues behind running queries, blocking
    /// everything behind it.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
    /// ```
    ///
    /// a later migration indexes it:
    /// ```sql
    /// CREATE INDEX orders_status_idx ON orders (status);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
    /// ```
    ///
    /// ## How to fix
    /// Use `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY`, outside a
    /// transaction block.
    ///
    /// Severity: `warning`. PostgreSQL only.
    pub struct IndexWithoutConcurrently {
        id: "MIG003",
        name: "index-without-concurrently",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "An index on an existing table is created or dropped without CONCURRENTLY.",
        fix: "Use CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY (outside a transaction).",
        peers: ["atlas:PG101", "atlas:PG102", "atlas:concurrent_index", "squawk:require-concurrent-index-creation", "squawk:require-concurrent-index-deletion"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for (record, change) in on_existing_tables(db.schema) {
        let verb = match change {
            Change::CreateIndex {
                concurrently: false,
            } => "CREATE INDEX",
            Change::DropIndex {
                concurrently: false,
            } => "DROP INDEX",
            _ => continue,
        };
        let message = format!(
            "{verb} on existing table `{}` without CONCURRENTLY blocks writes while it runs",
            table_name(record)
        );
        out.report(record.place.clone(), message);
    }
}

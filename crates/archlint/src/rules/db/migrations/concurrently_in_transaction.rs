use crate::base::Emitter;
use crate::rules::db::migrations::steps;
use crate::rules::DbContext;
use crate::schema::Change;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports `CREATE INDEX CONCURRENTLY` or `DROP INDEX CONCURRENTLY` after a
    /// `BEGIN` (or `START TRANSACTION`) of the same file that has not been
    /// committed yet.
    ///
    /// ## Why is this bad?
    /// PostgreSQL refuses to run these inside a transaction block: the migration
    /// fails. (Migration tools that wrap each file in a transaction need the
    /// file marked as non-transactional.)
    ///
    /// ## Example
    /// ```sql
    /// BEGIN;
    /// CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
    /// COMMIT;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
    /// ```
    ///
    /// ## How to fix
    /// Move the statement out of the transaction block (its own migration file,
    /// marked non-transactional for the migration tool).
    ///
    /// Severity: `error` — the statement fails. PostgreSQL only.
    pub struct ConcurrentlyInTransaction {
        id: "MIG004",
        name: "concurrently-in-transaction",
        side: Db,
        area: Migrations,
        severity: Error,
        summary: "CONCURRENTLY is used inside a transaction block.",
        fix: "Run CREATE/DROP INDEX CONCURRENTLY outside BEGIN ... COMMIT.",
        peers: ["atlas:PG103", "squawk:ban-concurrent-index-creation-in-transaction"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for step in steps(db.schema).iter().filter(|step| step.in_transaction) {
        let concurrent = step.record.changes.iter().any(|change| {
            matches!(
                change,
                Change::CreateIndex { concurrently: true }
                    | Change::DropIndex { concurrently: true }
            )
        });
        if concurrent {
            out.report(
                step.record.place.clone(),
                "CONCURRENTLY cannot run inside a transaction block; this statement fails"
                    .to_owned(),
            );
        }
    }
}

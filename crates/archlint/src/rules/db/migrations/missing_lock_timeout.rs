use crate::base::Emitter;
use crate::rules::db::migrations::steps;
use crate::rules::DbContext;
use crate::schema::{Change, StatementKind};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports the first lock-taking statement on an existing PostgreSQL table
    /// (`ALTER TABLE`, `CREATE INDEX` without `CONCURRENTLY`, `DROP`) in a
    /// migration file that has not set `lock_timeout` before it. Once per file.
    ///
    /// ## Why is this bad?
    /// An `ALTER TABLE` waits for its lock behind any long-running query, and
    /// every query that arrives meanwhile queues behind the `ALTER`: a migration
    /// that would take milliseconds can stall the whole application. A
    /// `lock_timeout` makes it fail fast and retry instead.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10, 2) NOT NULL);
    /// ```
    ///
    /// a later migration alters it:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN note text;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// SET lock_timeout = '2s';
    /// ALTER TABLE orders ADD COLUMN note text;
    /// ```
    ///
    /// ## How to fix
    /// Start lock-taking migrations with `SET lock_timeout = '...'` (and retry on
    /// timeout).
    ///
    /// Severity: `info` — cheap insurance, not always configured per file.
    /// PostgreSQL only.
    pub struct MissingLockTimeout {
        id: "MIG010",
        name: "missing-lock-timeout",
        side: Db,
        area: Migrations,
        severity: Info,
        summary: "A migration takes locks on existing tables without setting lock_timeout.",
        fix: "Begin the migration with SET lock_timeout = '2s' (and retry on timeout).",
        peers: ["squawk:require-timeout-settings"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    let mut reported_file = None;
    for step in steps(db.schema) {
        let record = step.record;
        if step.lock_timeout
            || !record.table_preexisting
            || reported_file == Some(record.place.file)
        {
            continue;
        }
        let takes_lock = match record.kind {
            StatementKind::AlterTable => true,
            // `DROP INDEX CONCURRENTLY` waits for others instead of queueing them.
            StatementKind::Drop => !record
                .changes
                .iter()
                .any(|change| matches!(change, Change::DropIndex { concurrently: true })),
            StatementKind::CreateIndex => record.changes.iter().any(|change| {
                matches!(
                    change,
                    Change::CreateIndex {
                        concurrently: false
                    }
                )
            }),
            _ => false,
        };
        if takes_lock {
            reported_file = Some(record.place.file);
            let message = format!(
                "this migration locks existing table `{}` without a lock_timeout: it can queue every other query behind it",
                record.table.as_deref().unwrap_or("?")
            );
            out.report(record.place.clone(), message);
        }
    }
}

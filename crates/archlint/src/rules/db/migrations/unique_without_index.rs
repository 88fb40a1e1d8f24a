use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::{Change, ConstraintKind};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a unique constraint or primary key added to an existing
    /// PostgreSQL table without `USING INDEX`.
    ///
    /// ## Why is this bad?
    /// The constraint builds its index while holding a lock that blocks writes
    /// for the whole build. Building the unique index `CONCURRENTLY` first and
    /// attaching it with `USING INDEX` takes only a brief lock.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// a later migration makes a column unique:
    /// ```sql
    /// ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
    /// ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
    /// ```
    ///
    /// ## How to fix
    /// Create the unique index concurrently, then add the constraint `USING INDEX`.
    ///
    /// Severity: `warning`. PostgreSQL only.
    pub struct UniqueWithoutIndex {
        id: "MIG009",
        name: "unique-without-index",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "A unique or primary key is added to an existing table without a prebuilt index.",
        fix: "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX.",
        peers: ["atlas:MF101", "squawk:disallowed-unique-constraint"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for (record, change) in on_existing_tables(db.schema) {
        let Change::AddConstraint {
            kind,
            using_index: false,
            ..
        } = change
        else {
            continue;
        };
        let what = match kind {
            ConstraintKind::PrimaryKey => "primary key",
            ConstraintKind::Unique => "unique constraint",
            _ => continue,
        };
        let message = format!(
            "{what} added to existing table `{}` builds its index while blocking writes",
            table_name(record)
        );
        out.report(record.place.clone(), message);
    }
}

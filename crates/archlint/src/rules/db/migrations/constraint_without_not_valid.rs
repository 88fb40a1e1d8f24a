use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::{Change, ConstraintKind};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key or check constraint added to an existing
    /// PostgreSQL table without `NOT VALID`.
    ///
    /// ## Why is this bad?
    /// Adding the constraint scans the whole table to check existing rows while
    /// holding a lock that blocks writes (and, for a foreign key, also locks the
    /// referenced table). With `NOT VALID` the constraint applies to new rows at
    /// once, and a later `VALIDATE CONSTRAINT` checks old rows under a lighter
    /// lock.
    ///
    /// ## Example
    ///
    /// Given tables created by an earlier migration:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
    /// ```
    ///
    /// a later migration adds a foreign key:
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    ///     FOREIGN KEY (customer_id) REFERENCES customers (id);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    ///     FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
    /// ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
    /// ```
    ///
    /// ## How to fix
    /// Add the constraint `NOT VALID`, then `VALIDATE CONSTRAINT` in a separate
    /// transaction.
    ///
    /// Severity: `warning`. PostgreSQL only.
    pub struct ConstraintWithoutNotValid {
        id: "MIG005",
        name: "constraint-without-not-valid",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "A foreign key or check is added to an existing table without NOT VALID.",
        fix: "Add it NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT separately.",
        peers: ["squawk:constraint-missing-not-valid", "squawk:adding-foreign-key-constraint"],
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
            name,
            not_valid: false,
            ..
        } = change
        else {
            continue;
        };
        let what = match kind {
            ConstraintKind::ForeignKey => "foreign key",
            ConstraintKind::Check => "check constraint",
            _ => continue,
        };
        let message = format!(
            "{what} `{}` is added to existing table `{}` without NOT VALID: the whole table is scanned under a write-blocking lock",
            name.as_deref().unwrap_or("(unnamed)"),
            table_name(record)
        );
        out.report(record.place.clone(), message);
    }
}

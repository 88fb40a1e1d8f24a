use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key or check constraint added `NOT VALID` and never
    /// validated by a later `ALTER TABLE ... VALIDATE CONSTRAINT` in the reviewed
    /// history (PostgreSQL).
    ///
    /// ## Why is this bad?
    /// `NOT VALID` is the right first step on a large table, but until the
    /// constraint is validated, existing rows are not known to satisfy it and the
    /// planner cannot rely on it. Forgotten second steps are common.
    ///
    /// ## Example
    ///
    /// Given tables created by an earlier migration:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
    /// ```
    ///
    /// a later migration adds a foreign key `NOT VALID`, and no migration validates it:
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    ///     FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
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
    /// Add `ALTER TABLE ... VALIDATE CONSTRAINT ...` in a following migration.
    ///
    /// Severity: `warning` — the constraint is only half in force.
    pub struct ConstraintNotValidated {
        id: "INT007",
        name: "constraint-not-validated",
        side: Db,
        area: Integrity,
        severity: Warning,
        summary: "A constraint added NOT VALID is never validated.",
        fix: "Validate it in a later migration: ALTER TABLE ... VALIDATE CONSTRAINT ...",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        let foreign = table
            .foreign_keys
            .iter()
            .filter(|key| key.not_valid)
            .map(|key| (&key.name, &key.place));
        let checks = table
            .checks
            .iter()
            .filter(|check| check.not_valid)
            .map(|check| (&check.name, &check.place));
        for (name, place) in foreign.chain(checks) {
            let message = format!(
                "constraint `{}` on `{}` was added NOT VALID and is never validated",
                name.as_deref().unwrap_or("(unnamed)"),
                table.name
            );
            let fix = match name {
                Some(name) => format!("ALTER TABLE {} VALIDATE CONSTRAINT {name};", table.name),
                None => "ALTER TABLE ... VALIDATE CONSTRAINT ...;".to_owned(),
            };
            out.report(place.clone(), message).help(fix);
        }
    }
}

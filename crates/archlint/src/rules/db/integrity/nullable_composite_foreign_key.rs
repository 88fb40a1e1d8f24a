use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key over several columns where some, but not all, of
    /// the columns are nullable.
    ///
    /// ## Why is this bad?
    /// With the default `MATCH SIMPLE`, a row with any NULL among the key columns
    /// is not checked at all: `(tenant_id, NULL)` passes even when `tenant_id`
    /// points nowhere. Half-filled references slip through.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE invoices (
    ///     tenant_id bigint NOT NULL,
    ///     customer_id bigint,
    ///     FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
    /// );
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE invoices (
    ///     tenant_id bigint NOT NULL,
    ///     customer_id bigint NOT NULL,
    ///     FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Make all key columns `NOT NULL`, or use `MATCH FULL` (PostgreSQL), or a
    /// check that they are all NULL or all set.
    ///
    /// Severity: `warning` — the constraint does not hold where it looks like it does.
    pub struct NullableCompositeForeignKey {
        id: "INT005",
        name: "nullable-composite-foreign-key",
        side: Db,
        area: Integrity,
        severity: Warning,
        summary: "A multi-column foreign key mixes nullable and NOT NULL columns.",
        fix: "Make all key columns NOT NULL, or use MATCH FULL.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for key in table
            .foreign_keys
            .iter()
            .filter(|key| key.columns.len() > 1)
        {
            let nullable: Vec<&str> = key
                .columns
                .iter()
                .filter_map(|name| table.column(name))
                .filter(|column| column.nullable)
                .map(|column| column.name.as_str())
                .collect();
            if !nullable.is_empty() && nullable.len() < key.columns.len() {
                let message = format!(
                    "foreign key ({}) of `{}` has nullable {}: rows with a NULL there are not checked",
                    key.columns.join(", "),
                    table.name,
                    nullable.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
                );
                out.report(key.place.clone(), message);
            }
        }
    }
}

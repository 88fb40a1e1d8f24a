use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{Change, ConstraintKind};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ALTER COLUMN ... SET NOT NULL` on an existing PostgreSQL table
    /// when no `CHECK (column IS NOT NULL)` constraint was added to the table
    /// earlier in the history.
    ///
    /// ## Why is this bad?
    /// `SET NOT NULL` scans the whole table under an `ACCESS EXCLUSIVE` lock:
    /// nothing can read or write it meanwhile. Since PostgreSQL 12 the scan is
    /// skipped when a validated check constraint already proves the column has
    /// no NULLs.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, status text);
    /// ```
    ///
    /// a later migration makes a column required:
    /// ```sql
    /// ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
    /// ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
    /// ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
    /// ALTER TABLE orders DROP CONSTRAINT orders_status_not_null;
    /// ```
    ///
    /// ## How to fix
    /// Add a `CHECK (column IS NOT NULL) NOT VALID`, validate it, then set
    /// `NOT NULL` and drop the check.
    ///
    /// Severity: `warning`. PostgreSQL only.
    pub struct SetNotNull {
        id: "MIG006",
        name: "set-not-null",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "SET NOT NULL on an existing table scans it under an exclusive lock.",
        fix: "Validate a CHECK (column IS NOT NULL) constraint first, then SET NOT NULL.",
        peers: ["atlas:MF102", "atlas:MF104", "atlas:data_depend", "squawk:adding-not-nullable-field"],
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for (index, record) in db.schema.statements.iter().enumerate() {
        if !record.table_preexisting {
            continue;
        }
        for change in &record.changes {
            let Change::SetNotNull { column } = change else {
                continue;
            };
            let needle = format!("{} is not null", column.to_ascii_lowercase());
            let prepared = db.schema.statements.iter().take(index).any(|earlier| {
                earlier.table == record.table
                    && earlier.changes.iter().any(|change| {
                        matches!(change, Change::AddConstraint { kind: ConstraintKind::Check, expression: Some(expression), .. }
                            if expression.to_ascii_lowercase().replace('"', "").contains(&needle))
                    })
            });
            if !prepared {
                let message = format!(
                    "SET NOT NULL on `{}.{column}` scans the existing table under an exclusive lock",
                    record.table.as_deref().unwrap_or("?")
                );
                out.report(record.place.clone(), message);
            }
        }
    }
}

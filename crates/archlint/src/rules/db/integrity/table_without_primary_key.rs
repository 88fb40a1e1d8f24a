use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table without a primary key. Temporary tables are skipped.
    ///
    /// ## Why is this bad?
    /// Without a key, duplicate rows cannot be prevented or told apart, single
    /// rows cannot be updated or deleted reliably, ORMs and logical replication
    /// (PostgreSQL, MySQL group replication) need one, and InnoDB silently adds a
    /// hidden one that nothing can use.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE audit_log (entity_id bigint NOT NULL, logged_at timestamptz NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE audit_log (
    ///     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ///     entity_id bigint NOT NULL,
    ///     logged_at timestamptz NOT NULL
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Add a primary key: the natural key when there is one (a link table's two
    /// foreign keys), else an identity column.
    ///
    /// Severity: `warning` — a design gap with concrete operational costs.
    pub struct TableWithoutPrimaryKey {
        id: "INT001",
        name: "table-without-primary-key",
        side: Db,
        area: Integrity,
        severity: Warning,
        summary: "A table has no primary key.",
        fix: "Add a primary key (the natural key, or an identity column).",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.primary_key.is_none() && !table.temporary)
    {
        let unique_not_null = table.uniques.iter().any(|key| {
            key.columns
                .iter()
                .all(|name| table.column(name).is_some_and(|column| !column.nullable))
        });
        let message = if unique_not_null {
            format!(
                "table `{}` has no primary key (a NOT NULL unique key could become it)",
                table.name
            )
        } else {
            format!("table `{}` has no primary key", table.name)
        };
        out.report(table.place.clone(), message);
    }
}

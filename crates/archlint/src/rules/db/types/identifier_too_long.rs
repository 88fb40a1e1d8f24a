use crate::base::{Emitter, Place, Severity};
use crate::rules::DbContext;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table, column, index or constraint name longer than the engine
    /// allows: 63 bytes in PostgreSQL, 64 characters in MySQL.
    ///
    /// ## Why is this bad?
    /// PostgreSQL silently truncates longer names, so two long names can become
    /// the same one, and migrations that refer to the full name fail. MySQL
    /// rejects them.
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL, billing_period date NOT NULL);
    /// ```
    ///
    /// an index whose name is longer than PostgreSQL's 63 bytes:
    /// ```sql
    /// CREATE INDEX customer_subscription_invoices_by_customer_and_billing_period_idx
    ///     ON invoices (customer_id, billing_period);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE INDEX invoices_customer_period_idx ON invoices (customer_id, billing_period);
    /// ```
    ///
    /// ## How to fix
    /// Shorten the name.
    ///
    /// Severity: `error` in MySQL, which refuses the statement; `warning` in
    /// PostgreSQL, which cuts the name with a notice (two names may then
    /// collide, and later statements must use the cut name).
    pub struct IdentifierTooLong {
        id: "TYPE007",
        name: "identifier-too-long",
        side: Db,
        area: Types,
        severity: Warning,
        summary: "A name is longer than the engine allows.",
        fix: "Shorten the name (63 bytes in PostgreSQL, 64 characters in MySQL).",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    let too_long = |name: &str| match db.schema.dialect {
        Dialect::Postgres => name.len() > 63,
        Dialect::Mysql => name.chars().count() > 64,
        Dialect::Sqlite => false,
    };
    let mut flag = |kind: &str, name: &str, place: &Place| {
        let bare = name.rsplit('.').next().unwrap_or(name);
        if too_long(bare) {
            let (fate, severity) = match db.schema.dialect {
                Dialect::Mysql => ("MySQL refuses it", Severity::Error),
                _ => ("PostgreSQL cuts it to 63 bytes", Severity::Warning),
            };
            out.report(
                place.clone(),
                format!(
                    "{kind} name `{bare}` is {} characters long: {fate}",
                    bare.chars().count()
                ),
            )
            .severity(severity);
        }
    };
    for table in &db.schema.tables {
        flag("table", &table.name, &table.place);
        for column in &table.columns {
            flag("column", &column.name, &column.place);
        }
        for index in &table.indexes {
            if let Some(name) = &index.name {
                flag("index", name, &index.place);
            }
        }
        for (name, place) in table
            .foreign_keys
            .iter()
            .map(|key| (&key.name, &key.place))
            .chain(table.uniques.iter().map(|key| (&key.name, &key.place)))
            .chain(table.checks.iter().map(|check| (&check.name, &check.place)))
        {
            if let Some(name) = name {
                flag("constraint", name, place);
            }
        }
    }
}

use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::Table;

crate::declare_rule! {
    /// ## What it does
    /// Reports a column that copies a column of a table its row references:
    /// `orders.customer_email` while `orders.customer_id` references `customers`,
    /// which has `email`. A table that copies two or more of the parent's
    /// columns (`customer_key`, `customer_name`) keeps a snapshot on purpose —
    /// an invoice shows the customer as it was when issued — and is left out.
    ///
    /// ## Why is this bad?
    /// It is a transitive dependency: the value depends on `customer_id`, not on
    /// the order. When the customer changes their email, the copies go stale
    /// unless every writer remembers to update them. (A deliberate snapshot —
    /// the address an order was shipped to — is fine; name it so, such as
    /// `shipped_to_address`.)
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// a table that copies its email:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id),
    ///     customer_email text
    /// );
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Drop the copy and join, or, if it is a snapshot on purpose, name it as one.
    ///
    /// Severity: `warning`.
    pub struct CopiedColumn {
        id: "NORM003",
        name: "copied-column",
        side: Db,
        area: Normalization,
        severity: Warning,
        summary: "A column copies a column of a referenced table.",
        fix: "Join to the referenced table instead, or name a deliberate snapshot as one.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for key in table
            .foreign_keys
            .iter()
            .filter(|key| key.columns.len() == 1)
        {
            let Some(fk_column) = key.columns.first() else {
                continue;
            };
            let lower = fk_column.to_ascii_lowercase();
            let Some(prefix) = lower.strip_suffix("_id") else {
                continue;
            };
            let own_key = table
                .primary_key
                .as_ref()
                .map(|pk| pk.columns.clone())
                .unwrap_or_default();
            let Some(target) = db.schema.table(&key.ref_table) else {
                continue;
            };
            // Two or more copies of the parent (`customer_key`,
            // `customer_name`) are a snapshot taken on purpose: an invoice
            // keeps the customer as it was when issued.
            if copies_of(table, prefix, target, &own_key) >= 2 {
                continue;
            }
            for column in &table.columns {
                let name = column.name.to_ascii_lowercase();
                let Some(rest) = name
                    .strip_prefix(prefix)
                    .and_then(|rest| rest.strip_prefix('_'))
                else {
                    continue;
                };
                let is_own_key = own_key
                    .iter()
                    .any(|pk| pk.eq_ignore_ascii_case(&column.name));
                if rest.is_empty() || rest == "id" || name == lower || is_own_key {
                    continue;
                }
                let Some(copied) = target.column(rest) else {
                    continue;
                };
                let key_columns = target
                    .primary_key
                    .as_ref()
                    .map(|pk| pk.columns.clone())
                    .unwrap_or_default();
                if key_columns.iter().any(|pk| pk.eq_ignore_ascii_case(rest)) {
                    continue;
                }
                let message = format!(
                    "`{}.{}` copies `{}.{}`, which `{}.{fk_column}` already reaches",
                    table.name, column.name, target.name, copied.name, table.name
                );
                out.report(column.place.clone(), message)
                    .related(copied.place.clone(), "the original column");
            }
        }
    }
}

/// How many of the table's columns are `<prefix>_<column of target>`
/// beside the key.
fn copies_of(table: &Table, prefix: &str, target: &Table, own_key: &[String]) -> usize {
    table
        .columns
        .iter()
        .filter(|column| {
            !own_key
                .iter()
                .any(|pk| pk.eq_ignore_ascii_case(&column.name))
        })
        .filter_map(|column| {
            let name = column.name.to_ascii_lowercase();
            let rest = name.strip_prefix(prefix)?.strip_prefix('_')?.to_owned();
            (rest != "id" && target.column(&rest).is_some()).then_some(())
        })
        .count()
}

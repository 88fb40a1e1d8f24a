//! The names databases give constraints and indexes created without one, so
//! that a later migration dropping `orders_customer_id_fkey` (PostgreSQL) or
//! `orders_ibfk_1` (MySQL) by that name removes it from the model.
//!
//! PostgreSQL (`makeObjectName` and `ChooseConstraintName` in its sources):
//! `<table>_pkey`; `<table>_<columns>_key` for unique constraints,
//! `_fkey` for foreign keys, `_check` for checks (named after their column
//! when they use exactly one), `_excl`, and `_idx` for `CREATE INDEX`; the
//! table and column parts are shortened, the longer first, to fit 63 bytes,
//! and a taken name gets a number after its label (`t_a_key1`). MySQL:
//! `PRIMARY`, `<table>_ibfk_<n>` and `<table>_chk_<n>` numbered from one more
//! than the highest taken, and unique keys and indexes named after their
//! first column (`email`, then `email_2`). SQLite names nothing it can drop.

use super::{Schema, Table};
use crate::sql::Dialect;

/// PostgreSQL's longest identifier, in bytes.
const MAX_NAME_BYTES: usize = 63;

/// Gives every unnamed constraint and index of `table` the name its database
/// would have given it.
pub(super) fn name_unnamed(table: &mut Table, dialect: Dialect) {
    match dialect {
        Dialect::Postgres => name_postgres(table),
        Dialect::Mysql => name_mysql(table),
        Dialect::Sqlite => {}
    }
}

fn bare_table(table: &Table) -> String {
    let name = table.name.rsplit('.').next().unwrap_or(&table.name);
    name.trim_matches(['"', '`']).to_owned()
}

/// Every name a table's constraints and indexes already have.
fn taken(table: &Table) -> Vec<String> {
    let mut names = Vec::new();
    let mut add = |explicit: &Option<String>, implicit: &Option<String>| {
        names.extend(
            explicit
                .iter()
                .chain(implicit)
                .map(|name| name.to_ascii_lowercase()),
        );
    };
    if let Some(key) = &table.primary_key {
        add(&key.name, &key.implicit_name);
    }
    for key in &table.uniques {
        add(&key.name, &key.implicit_name);
    }
    for key in &table.foreign_keys {
        add(&key.name, &key.implicit_name);
    }
    for check in &table.checks {
        add(&check.name, &check.implicit_name);
    }
    for index in &table.indexes {
        add(&index.name, &index.implicit_name);
    }
    names
}

fn name_postgres(table: &mut Table) {
    let relation = bare_table(table);
    let mut names = taken(table);
    let mut choose = |columns: Option<String>, label: &str| {
        let name = postgres_name(&relation, columns.as_deref(), label, &names);
        names.push(name.to_ascii_lowercase());
        name
    };
    if let Some(key) = table.primary_key.as_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some(choose(None, "pkey"));
    }
    for key in table.uniques.iter_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some(choose(Some(key.columns.join("_")), "key"));
    }
    for key in table.foreign_keys.iter_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some(choose(Some(key.columns.join("_")), "fkey"));
    }
    let columns: Vec<String> = table
        .columns
        .iter()
        .map(|column| column.name.clone())
        .collect();
    for check in table.checks.iter_mut().filter(|check| check.is_unnamed()) {
        let used = columns_used(&check.expression, &columns);
        let single = (used.len() == 1).then(|| used.join("_"));
        check.implicit_name = Some(choose(single, "check"));
    }
    for index in table.indexes.iter_mut().filter(|index| index.is_unnamed()) {
        let parts: Vec<String> = index
            .columns
            .iter()
            .map(|column| expression_label(column))
            .collect();
        index.implicit_name = Some(choose(Some(parts.join("_")), "idx"));
    }
}

/// `makeObjectName` and `ChooseRelationName`: `<name1>_<name2>_<label>`,
/// shortened to 63 bytes, with a number after the label when taken.
fn postgres_name(name1: &str, name2: Option<&str>, label: &str, taken: &[String]) -> String {
    for attempt in 0.. {
        let label = match attempt {
            0 => label.to_owned(),
            n => format!("{label}{n}"),
        };
        let overhead = label.len() + 1 + usize::from(name2.is_some());
        let available = MAX_NAME_BYTES.saturating_sub(overhead);
        let (mut first, mut second) = (name1.len(), name2.map_or(0, str::len));
        while first + second > available {
            if first > second {
                first -= 1;
            } else {
                second -= 1;
            }
        }
        let name = match name2 {
            Some(name2) => format!("{}_{}_{label}", clip(name1, first), clip(name2, second)),
            None => format!("{}_{label}", clip(name1, first)),
        };
        if !taken.contains(&name.to_ascii_lowercase()) {
            return name;
        }
    }
    String::new()
}

/// The longest prefix of at most `bytes` bytes that ends on a character.
fn clip(text: &str, bytes: usize) -> &str {
    let end = crate::base::source::floor_char_boundary(text, bytes);
    text.get(..end).unwrap_or(text)
}

/// How PostgreSQL names an index column: a column by its name, a function
/// call by the function (`lower(email)` → `lower`), anything else `expr`.
fn expression_label(column: &str) -> String {
    if is_identifier(column) {
        return column.trim_matches('"').to_owned();
    }
    match column.split_once('(') {
        Some((function, _)) if is_identifier(function.trim()) => {
            function.trim().trim_matches('"').to_ascii_lowercase()
        }
        _ => "expr".to_owned(),
    }
}

fn is_identifier(text: &str) -> bool {
    let bare = text.trim_matches('"');
    !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

/// The table's columns an expression names, in the table's order.
fn columns_used(expression: &str, columns: &[String]) -> Vec<String> {
    let words: Vec<String> = expression
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    columns
        .iter()
        .filter(|column| words.contains(&column.to_ascii_lowercase()))
        .cloned()
        .collect()
}

fn name_mysql(table: &mut Table) {
    let relation = bare_table(table);
    let mut names = taken(table);
    if let Some(key) = table.primary_key.as_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some("PRIMARY".to_owned());
    }
    let numbered = |kind: &str, names: &mut Vec<String>| {
        let prefix = format!("{}_{kind}_", relation.to_ascii_lowercase());
        let highest = names
            .iter()
            .filter_map(|name| name.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        let name = format!("{relation}_{kind}_{}", highest + 1);
        names.push(name.to_ascii_lowercase());
        name
    };
    for key in table.foreign_keys.iter_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some(numbered("ibfk", &mut names));
    }
    for check in table.checks.iter_mut().filter(|check| check.is_unnamed()) {
        check.implicit_name = Some(numbered("chk", &mut names));
    }
    let after_column = |column: Option<&String>, names: &mut Vec<String>| {
        let base = column.map_or("key", String::as_str).trim_matches('`');
        let mut name = base.to_owned();
        let mut suffix = 2;
        while names.contains(&name.to_ascii_lowercase()) {
            name = format!("{base}_{suffix}");
            suffix += 1;
        }
        names.push(name.to_ascii_lowercase());
        name
    };
    for key in table.uniques.iter_mut().filter(|key| key.is_unnamed()) {
        key.implicit_name = Some(after_column(key.columns.first(), &mut names));
    }
    for index in table.indexes.iter_mut().filter(|index| index.is_unnamed()) {
        index.implicit_name = Some(after_column(index.columns.first(), &mut names));
    }
}

impl Schema {
    /// Names what the last statement added to `table` without a name.
    pub(super) fn name_unnamed(&mut self, table: &str) {
        let dialect = self.dialect;
        if let Some(table) = self.table_mut(table) {
            name_unnamed(table, dialect);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_shortens_the_longer_part_first() {
        let table = "a".repeat(40);
        let column = "b".repeat(40);
        let name = postgres_name(&table, Some(&column), "fkey", &[]);
        assert_eq!(name.len(), MAX_NAME_BYTES);
        assert!(name.ends_with("_fkey"));
        assert_eq!(name, format!("{}_{}_fkey", "a".repeat(29), "b".repeat(28)));
        assert_eq!(
            postgres_name("t", Some("a"), "key", &["t_a_key".to_owned()]),
            "t_a_key1"
        );
        assert_eq!(postgres_name("orders", None, "pkey", &[]), "orders_pkey");
        // Checked against PostgreSQL 15.
        assert_eq!(
            postgres_name(
                "subscription_phase_item_discounts",
                Some("subscription_phase_item_identifier"),
                "fkey",
                &[]
            ),
            "subscription_phase_item_disco_subscription_phase_item_iden_fkey"
        );
        assert_eq!(expression_label("lower(email)"), "lower");
        assert_eq!(expression_label("(a + b)"), "expr");
    }

    #[test]
    fn check_names_follow_their_column() {
        let columns = vec!["price".to_owned(), "discount".to_owned()];
        assert_eq!(columns_used("(price > 0)", &columns), ["price"]);
        assert_eq!(columns_used("price > discount", &columns).len(), 2);
    }
}

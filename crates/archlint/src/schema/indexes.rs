//! What serves a lookup: primary keys, unique constraints and indexes, read
//! alike.

use super::{Index, Key, Table};
use crate::base::diagnostic::Place;

/// Anything that works as an index for lookups: the primary key, unique
/// constraints (which create an index) and explicit indexes.
pub struct IndexLike<'a> {
    pub label: String,
    pub columns: &'a [String],
    pub unique: bool,
    pub place: &'a Place,
    /// Partial or non-btree indexes do not serve every lookup.
    pub partial_or_special: bool,
    /// The `WHERE` of a partial index.
    pub predicate: Option<&'a str>,
}

pub fn index_likes(table: &Table) -> Vec<IndexLike<'_>> {
    let key = |kind: &str, key: &'_ Key| -> String {
        match &key.name {
            Some(name) => format!("{kind} `{name}`"),
            None => format!("{kind} ({})", key.columns.join(", ")),
        }
    };
    let mut list = Vec::new();
    if let Some(primary) = &table.primary_key {
        list.push(IndexLike {
            label: key("primary key", primary),
            columns: &primary.columns,
            unique: true,
            place: &primary.place,
            partial_or_special: false,
            predicate: None,
        });
    }
    for unique in &table.uniques {
        list.push(IndexLike {
            label: key("unique constraint", unique),
            columns: &unique.columns,
            unique: true,
            place: &unique.place,
            partial_or_special: false,
            predicate: None,
        });
    }
    for index in &table.indexes {
        list.push(IndexLike {
            label: index_label(index),
            columns: &index.columns,
            unique: index.unique,
            place: &index.place,
            partial_or_special: index.predicate.is_some()
                || index
                    .method
                    .as_deref()
                    .is_some_and(|method| !matches!(method, "btree" | "hash")),
            predicate: index.predicate.as_deref(),
        });
    }
    list
}

pub fn index_label(index: &Index) -> String {
    match &index.name {
        Some(name) => format!("index `{name}`"),
        None => format!("index ({})", index.columns.join(", ")),
    }
}

/// Whether `columns` are the leading columns of `index`, in any order.
pub fn leads_with(index: &[String], columns: &[String]) -> bool {
    index.len() >= columns.len()
        && columns.iter().all(|column| {
            index
                .iter()
                .take(columns.len())
                .any(|candidate| candidate.eq_ignore_ascii_case(column))
        })
}

/// The column lists of the indexes that serve equality and order: the
/// primary key, unique constraints, and b-tree indexes, partial ones
/// included when they only leave out soft-deleted rows (the API's queries
/// leave them out too).
pub fn lookup_indexes(table: &Table) -> Vec<&[String]> {
    let mut usable: Vec<&[String]> = Vec::new();
    usable.extend(table.primary_key.iter().map(|key| key.columns.as_slice()));
    usable.extend(table.uniques.iter().map(|key| key.columns.as_slice()));
    usable.extend(
        table
            .indexes
            .iter()
            .filter(|index| {
                index
                    .method
                    .as_deref()
                    .is_none_or(|method| matches!(method, "btree" | "hash"))
            })
            .filter(|index| index.predicate.as_deref().is_none_or(only_soft_deletion))
            .map(|index| index.columns.as_slice()),
    );
    usable
}

/// `deleted_at IS NULL` (and `archived_at IS NULL`, joined by `AND`).
fn only_soft_deletion(predicate: &str) -> bool {
    let lower = predicate.to_ascii_lowercase();
    lower.split(" and ").all(|part| {
        let part = part.trim().trim_matches(['(', ')']).trim();
        part.ends_with(" is null")
            && ["deleted", "archived", "removed"]
                .iter()
                .any(|word| part.contains(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_columns() {
        let index = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert!(leads_with(&index, &["b".to_owned(), "a".to_owned()]));
        assert!(!leads_with(&index, &["c".to_owned()]));
    }
}

//! Rules over the schema model built from SQL files, a folder per area.

pub mod indexing;
pub mod integrity;
pub mod migrations;
pub mod naming;
pub mod normalization;
pub mod sensitive_data;
pub mod types;

use crate::diagnostic::{Diagnostic, Place};
use crate::model::{Index, Key, Table};
pub(crate) use crate::rules::words::name_words;
use crate::rules::Emitter;

/// Reports at a place of the schema.
pub(crate) fn report(out: &mut Emitter, place: &Place, message: String) {
    out.emit(Diagnostic::new(out.rule(), place.clone(), message));
}

/// Reports at a place of the schema, with the DDL that fixes it as help.
pub(crate) fn report_with_fix(out: &mut Emitter, place: &Place, message: String, fix: String) {
    out.emit(Diagnostic::new(out.rule(), place.clone(), message).help(fix));
}

/// The type's name without its parameters: `varchar(255)` → `varchar`,
/// `int(10) unsigned` → `int`, `timestamp(3) with time zone` → `timestamp`.
pub(crate) fn base_type(data_type: &str) -> &str {
    // Multi-word type names first.
    for (long, short) in [
        ("character varying", "varchar"),
        ("char varying", "varchar"),
        ("national character varying", "varchar"),
        ("double precision", "double"),
        ("bit varying", "varbit"),
    ] {
        if data_type.starts_with(long) {
            return short;
        }
    }
    let end = data_type.find(['(', ' ', '[']).unwrap_or(data_type.len());
    data_type.get(..end).unwrap_or(data_type)
}

/// Anything that works as an index for lookups: the primary key, unique
/// constraints (which create an index) and explicit indexes.
pub(crate) struct IndexLike<'a> {
    pub label: String,
    pub columns: &'a [String],
    pub unique: bool,
    pub place: &'a Place,
    /// Partial or non-btree indexes do not serve every lookup.
    pub partial_or_special: bool,
}

pub(crate) fn index_likes(table: &Table) -> Vec<IndexLike<'_>> {
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
        });
    }
    for unique in &table.uniques {
        list.push(IndexLike {
            label: key("unique constraint", unique),
            columns: &unique.columns,
            unique: true,
            place: &unique.place,
            partial_or_special: false,
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
        });
    }
    list
}

pub(crate) fn index_label(index: &Index) -> String {
    match &index.name {
        Some(name) => format!("index `{name}`"),
        None => format!("index ({})", index.columns.join(", ")),
    }
}

/// Whether `columns` are the leading columns of `index`, in any order.
pub(crate) fn leads_with(index: &[String], columns: &[String]) -> bool {
    index.len() >= columns.len()
        && columns.iter().all(|column| {
            index
                .iter()
                .take(columns.len())
                .any(|candidate| candidate.eq_ignore_ascii_case(column))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_types() {
        assert_eq!(base_type("varchar(255)"), "varchar");
        assert_eq!(base_type("int(10) unsigned"), "int");
        assert_eq!(base_type("timestamp with time zone"), "timestamp");
        assert_eq!(base_type("text[]"), "text");
        assert_eq!(base_type("character varying(255)"), "varchar");
        assert_eq!(base_type("character(2)"), "character");
        assert_eq!(base_type("double precision"), "double");
    }

    #[test]
    fn words_of_names() {
        assert_eq!(name_words("customerEmail"), vec!["customer", "email"]);
        assert_eq!(name_words("customer_email"), vec!["customer", "email"]);
        assert_eq!(name_words("HTTPStatus"), vec!["httpstatus"]);
        assert_eq!(name_words("phone2"), vec!["phone2"]);
    }

    #[test]
    fn leading_columns() {
        let index = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert!(leads_with(&index, &["b".to_owned(), "a".to_owned()]));
        assert!(!leads_with(&index, &["c".to_owned()]));
    }
}

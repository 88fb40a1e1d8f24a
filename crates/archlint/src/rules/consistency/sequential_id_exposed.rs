use super::first_parameter_per_column;
use crate::base::words::name_words;
use crate::base::Emitter;
use crate::link::{is_sequential_key, ColumnKind, ParameterKind, ParameterLink};
use crate::rules::ConsistencyContext;
use crate::schema::index_likes;
use crate::schema::{Column, Table};

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter linked to a table's primary key when that key
    /// is a sequential integer (`serial`, identity, `AUTO_INCREMENT`). Each
    /// column is reported once. When the table already has another unique
    /// column (a UUID, a slug), the help names it. This is the
    /// schema-confirmed form of `sequential-id-in-path` (SENS007), which it
    /// replaces at the same parameter.
    ///
    /// ## Why is this bad?
    /// Sequential ids are guessable: `/customers/1001`, `/customers/1002` …
    /// walks every row, so one missing ownership check is a breach (OWASP
    /// API1), and they reveal business volumes.
    ///
    /// ## Example
    ///
    /// An operation that looks customers up by id:
    /// ```yaml
    /// paths:
    ///   /customers/{customerId}:
    ///     get:
    ///       parameters:
    ///         - {name: customerId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200': {description: The customer.}
    /// ```
    ///
    /// and the table behind it, whose key is a sequence:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// Use instead: a random public id,
    /// ```sql
    /// CREATE TABLE customers (
    ///     id bigserial PRIMARY KEY,
    ///     public_id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    ///     email text NOT NULL
    /// );
    /// ```
    ///
    /// and identify customers by it in paths:
    /// ```yaml
    /// paths:
    ///   /customers/{publicId}:
    ///     get:
    ///       parameters:
    ///         - {name: publicId, in: path, required: true, schema: {type: string, format: uuid}}
    ///       responses:
    ///         '200': {description: The customer.}
    /// ```
    ///
    /// ## How to fix
    /// Add a random public identifier (UUID, ULID) and expose it instead of the
    /// integer key; check ownership on every request either way.
    ///
    /// Severity: `warning`.
    pub struct SequentialIdExposed {
        id: "CONS012",
        name: "sequential-id-exposed",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A path parameter exposes a sequential integer primary key.",
        fix: "Expose a random public id (UUID/ULID) instead of the integer key.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let sequential = |link: &ParameterLink<'_>| {
        link.kind == ParameterKind::Lookup
            && is_sequential_key(context.schema, link.table, link.column)
    };
    for (link, _operation, parameter) in first_parameter_per_column(context, sequential) {
        let message = format!(
            "`{}` exposes `{}`, a sequential key (`{}`): ids are guessable and reveal volumes",
            parameter.name,
            link.table.object(&link.column.name),
            link.column.data_type
        );
        let column = format!("column `{}`", link.table.object(&link.column.name));
        let diagnostic = out
            .report(parameter.at.place(), message)
            .related(link.column.place.clone(), column);
        if let Some(public) = public_id(link.table, link.column) {
            diagnostic.help(format!(
                "Identify rows by the unique `{public}` in paths, and keep `{}` internal.",
                link.column.name
            ));
        }
    }
}

/// Words of columns meant as public identifiers.
const PUBLIC_WORDS: [&str; 7] = [
    "public", "uuid", "guid", "slug", "external", "handle", "ulid",
];

/// Another single-column unique key of the table that is a UUID or named as a
/// public identifier: the one to expose instead.
fn public_id<'a>(table: &'a Table, key: &Column) -> Option<&'a str> {
    index_likes(table)
        .into_iter()
        .filter(|index| index.unique && index.columns.len() == 1)
        .filter_map(|index| index.columns.first())
        .filter(|name| !name.eq_ignore_ascii_case(&key.name))
        .find(|name| {
            let is_uuid = table
                .column(name)
                .is_some_and(|column| ColumnKind::of(column) == ColumnKind::Uuid);
            is_uuid
                || name_words(name)
                    .iter()
                    .any(|word| PUBLIC_WORDS.contains(&word.as_str()))
        })
        .map(String::as_str)
}

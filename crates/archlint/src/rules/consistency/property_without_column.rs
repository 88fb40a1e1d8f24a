use crate::base::Emitter;
use crate::link::{Entity, Property, COLUMN_EXTENSION};
use crate::rules::ConsistencyContext;
use std::collections::HashSet;

use super::{describe_entity, link_help, looks_alike, report};
use crate::base::words::{name_words, sensitive_name, Sensitive};
use crate::base::Severity;
use crate::schema::{Column, Table};

crate::declare_rule! {
    /// ## What it does
    /// Reports a scalar property of a schema linked to a table when no column
    /// of that table stores it and it is not marked `readOnly` (computed).
    /// Objects and arrays are relations or documents and are not reported;
    /// neither are passwords a column stores hashed (`password` →
    /// `password_hash`). `x-archlint-column: false` on a property says it is
    /// stored nowhere on purpose. When an unlinked column is named like the
    /// property (`email` / `email_address`), the help suggests linking them.
    ///
    /// ## Why is this bad?
    /// A request property with no column is accepted and silently dropped: the
    /// client believes it saved a note that is gone. A response property with
    /// no column is computed, or a leftover of a removed column; without
    /// `readOnly` clients may try to send it.
    ///
    /// ## Example
    ///
    /// An operation that creates customers:
    /// ```yaml
    /// paths:
    ///   /customers:
    ///     post:
    ///       requestBody:
    ///         required: true
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewCustomer'}
    ///       responses:
    ///         '201': {description: Created.}
    /// components:
    ///   schemas:
    ///     NewCustomer:
    ///       type: object
    ///       required: [email]
    ///       properties:
    ///         email: {type: string}
    ///         note: {type: string}
    /// ```
    ///
    /// and the table behind it, which has no `note` column:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// Use instead: store it (or remove the property):
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, note text);
    /// ```
    ///
    /// ## How to fix
    /// Add the column, remove the property, link it to the column that stores
    /// it (`x-archlint-column`), or mark computed values `readOnly`.
    ///
    /// Severity: `warning` in requests (data is lost), one finding per
    /// property (one per schema, listing them, when most of the schema is
    /// unstored); `info` in responses, one finding per schema listing them.
    pub struct PropertyWithoutColumn {
        id: "CONS006",
        name: "property-without-column",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A property of a schema linked to a table has no column behind it.",
        fix: "Add the column, remove the property, link it with x-archlint-column, or mark computed values readOnly.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    // Request schemas first: a property they share with a response schema
    // (an `allOf` part) is reported as dropped data, not as a computed value.
    let mut linked: Vec<_> = context.links.linked().collect();
    linked.sort_by_key(|(entity, _)| !entity.is_request());
    for (entity, table) in linked {
        let missing: Vec<&Property<'_>> = entity
            .properties
            .iter()
            .filter(|property| is_unstored(property, table))
            .filter(|property| seen.insert(property.at.identity()))
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let related = (table.place.clone(), format!("table `{}`", table.name));
        let stored = entity
            .properties
            .iter()
            .filter(|property| property.column.is_some())
            .count();
        // A few dropped request properties are each a bug; most of a schema
        // unstored is one decision (a JSON column, another table) to review.
        if entity.is_request() && (missing.len() <= 3 || missing.len() <= stored) {
            for property in missing {
                let message = format!(
                    "`{}` of {} has no column in `{}`: clients send it and it is silently dropped",
                    property.name,
                    describe_entity(entity),
                    table.name
                );
                let diagnostic = out
                    .report(property.at.place(), message)
                    .related(related.0.clone(), related.1.clone());
                if let Some(column) = unlinked_lookalike(entity, table, property.name) {
                    diagnostic.help(link_help(property.name, &column.name));
                }
            }
            continue;
        }
        let (verb, consequence, severity) = if entity.is_request() {
            (
                "accepts",
                "clients send them and they are silently dropped",
                Severity::Warning,
            )
        } else {
            ("returns", "mark computed values readOnly", Severity::Info)
        };
        let message = format!(
            "{} {verb} {}, which no column of `{}` stores: {consequence}",
            describe_entity(entity),
            list_names(&missing),
            table.name
        );
        report(out, first.at.place(), message, related, Some(severity));
    }
}

/// "`a`, `b`, `c`, `d`, `e` and 7 more".
fn list_names(properties: &[&Property<'_>]) -> String {
    let names: Vec<String> = properties
        .iter()
        .take(5)
        .map(|property| format!("`{}`", property.name))
        .collect();
    match properties.len() {
        count if count > 5 => format!("{} and {} more", names.join(", "), count - 5),
        _ => names.join(", "),
    }
}

/// A column no property of the schema is linked to, named like `property`.
fn unlinked_lookalike<'a>(
    entity: &Entity<'_>,
    table: &'a Table,
    property: &str,
) -> Option<&'a Column> {
    table
        .columns
        .iter()
        .find(|column| entity.property(column).is_none() && looks_alike(property, &column.name))
}

/// A scalar property no column stores, not computed (`readOnly`) and not
/// opted out (`x-archlint-column: false`).
fn is_unstored(property: &Property<'_>, table: &Table) -> bool {
    let opted_out = property.at.node.get(COLUMN_EXTENSION).is_some()
        || property.schema.node.get(COLUMN_EXTENSION).is_some();
    property.column.is_none()
        && property.is_scalar()
        && !property.read_only()
        && !opted_out
        && !stored_hashed(property.name, table)
}

/// `password` stored as `password_hash`, `password_digest`.
fn stored_hashed(property: &str, table: &Table) -> bool {
    if sensitive_name(property) != Some(Sensitive::Password) {
        return false;
    }
    let words = name_words(property);
    table.columns.iter().any(|column| {
        let column_words = name_words(&column.name);
        column_words.len() > words.len() && column_words.starts_with(&words)
    })
}

use super::{column_related, describe_entity, link_help, looks_alike, report};
use crate::base::words::{is_protected, name_words};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::{assigned_by_database, Entity};
use crate::openapi::Method;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Schema, Table};

crate::declare_rule! {
    /// ## What it does
    /// For each create request (the body of a `POST`) linked to a table, looks
    /// at the table's `NOT NULL` columns that have no default and are not
    /// filled by the database (identity, serial, generated) or part of the
    /// primary key. Reports such a column when the request has the property
    /// but does not require it (`error`), or does not have it at all
    /// (`warning`). Columns set from a path parameter
    /// (`POST /customers/{customerId}/orders` sets `customer_id`), foreign
    /// keys (often taken from the caller's identity), audit columns
    /// (`created_by`, `updated_at`) and hashes of a property the request does
    /// send (`password` → `password_hash`) are left out. When an unlinked
    /// property is named like the column (`email` / `email_address`), the
    /// help suggests linking them.
    ///
    /// ## Why is this bad?
    /// A client following the contract leaves the optional property out, and
    /// the insert fails with a `NOT NULL` violation: a 500 for a valid request.
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
    ///         name: {type: string}
    /// ```
    ///
    /// and the table behind it, where `name` is `NOT NULL` without a default:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, name text NOT NULL);
    /// ```
    ///
    /// Use instead:
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
    ///       required: [email, name]
    ///       properties:
    ///         email: {type: string}
    ///         name: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Require the property in the create request, give the column a default,
    /// or make it nullable.
    ///
    /// Severity: `error` when the property is optional (valid requests fail);
    /// `warning` when it is absent (the server may fill it itself).
    pub struct MissingRequiredColumn {
        id: "CONS004",
        name: "missing-required-column",
        side: Both,
        area: Consistency,
        severity: Error,
        summary: "A NOT NULL column without a default is optional or absent in the create request.",
        fix: "Require the property in the create request, or give the column a default.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for (entity, table) in context.links.linked() {
        let Some(create) = entity.uses.iter().find(|usage| {
            usage.request
                && usage.body
                && context
                    .operation(usage.operation)
                    .is_some_and(|operation| operation.method == Method::Post)
        }) else {
            continue;
        };
        let Some(operation) = context.operation(create.operation) else {
            continue;
        };
        for column in table
            .columns
            .iter()
            .filter(|column| must_be_given(context.schema, table, column))
        {
            let related = column_related(table, column);
            match entity.property(column) {
                Some(property) if property.read_only() || property.required => {}
                Some(property) => {
                    let message = format!(
                        "`{}` is NOT NULL without a default, but `{}` is optional in `{}`: requests without it fail on insert",
                        table.object(&column.name),
                        property.name,
                        operation.label()
                    );
                    report(out, property.at.place(), message, related, None);
                }
                None => {
                    if from_path(operation.path, column) || filled_elsewhere(entity, table, column)
                    {
                        continue;
                    }
                    let message = format!(
                        "`{}` is NOT NULL without a default, but {}, the body of `{}`, does not accept it: inserts fail unless the server always sets it",
                        table.object(&column.name),
                        describe_entity(entity),
                        operation.label()
                    );
                    let (related_place, related_message) = related;
                    let diagnostic = out
                        .report(entity.schema.place(), message)
                        .related(related_place, related_message)
                        .severity(Severity::Warning);
                    let lookalike = entity.properties.iter().find(|property| {
                        property.column.is_none() && looks_alike(property.name, &column.name)
                    });
                    if let Some(property) = lookalike {
                        diagnostic.help(link_help(property.name, &column.name));
                    }
                }
            }
        }
    }
}

/// A column an insert must give a value for.
fn must_be_given(schema: &Schema, table: &Table, column: &Column) -> bool {
    let in_primary_key = table.primary_key.as_ref().is_some_and(|key| {
        key.columns
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    !column.nullable
        && column.default.is_none()
        && !assigned_by_database(schema, table, column)
        && !in_primary_key
}

/// `customer_id` of `POST /customers/{customerId}/orders`.
fn from_path(path: &str, column: &Column) -> bool {
    let key = name_words(&column.name).join("_");
    path.split('/')
        .filter_map(|segment| {
            segment
                .strip_prefix('{')
                .and_then(|rest| rest.strip_suffix('}'))
        })
        .any(|parameter| name_words(parameter).join("_") == key)
}

/// Audit columns and foreign keys come from the request's context; hashes come
/// from a property the request sends (`password` → `password_hash`).
fn filled_elsewhere(entity: &Entity<'_>, table: &Table, column: &Column) -> bool {
    let words = name_words(&column.name);
    // `created`, `created_at`, `updated_by` ...: set by the application.
    let audit = matches!(
        words.first().map(String::as_str),
        Some("created" | "updated" | "modified" | "deleted")
    ) && (words.len() == 1
        || (words.len() == 2
            && matches!(
                words.last().map(String::as_str),
                Some("at" | "by" | "on" | "date" | "time")
            )));
    let foreign = table.foreign_keys.iter().any(|key| {
        key.columns
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    let derived = is_protected(&words)
        && entity.properties.iter().any(|property| {
            property.column.is_none() && words.first() == name_words(property.name).first()
        });
    audit || foreign || derived
}

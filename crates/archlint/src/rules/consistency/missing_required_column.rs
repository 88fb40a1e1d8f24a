use super::{column_related, is_selector, report};
use crate::base::words::{is_owner, is_protected, name_words};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::{assigned_by_database, Entity, Property};
use crate::openapi::Method;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Schema, Table};

crate::declare_rule! {
    /// ## What it does
    /// For each create request (the body of a `POST`) linked to a table, looks
    /// at the table's `NOT NULL` columns that have no default and are not
    /// filled by the database (identity, serial, generated) or part of the
    /// primary key. Reports such a column when the request has the property
    /// but does not require it. Columns the server fills are left out:
    /// those set from a path parameter (`POST /customers/{customerId}/orders`
    /// sets `customer_id`; `/tenants/{tenant}/…` sets `tenant_id`), foreign
    /// keys and owner or tenant columns (`namespace`, `project_id`,
    /// `owner_id`: taken from the caller), audit columns (`created_by`,
    /// `updated_at`), generated secrets, tokens and hashes, and versions. An
    /// optional property with a documented default (a `default`, or a
    /// description that names one, on it or on the same property of another
    /// variant of the same `oneOf`), a nullable property (the server must
    /// replace a `null` anyway; `nullability-mismatch` reports it), one of an
    /// either-or pair (`featureId` /
    /// `featureKey`), and the properties of protobuf-generated descriptions
    /// (proto3 sends a left-out value as its zero value) are not reported. A
    /// column the body lacks altogether is left to the server (when the body
    /// has a property named like it, `email` / `email_address`,
    /// `property-without-column` suggests linking them).
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
    /// Severity: `warning` when the property is optional and nothing in the
    /// description suggests the server fills it (valid requests fail, unless
    /// the server sets a default the schema cannot show — which is why this
    /// is not an error); `info` when it is deprecated.
    pub struct MissingRequiredColumn {
        id: "CONS004",
        name: "missing-required-column",
        side: Both,
        area: Consistency,
        severity: Warning,
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
            .filter(|column| !from_path(operation.path, column))
            .filter(|column| !filled_by_server(entity, table, column))
        {
            let related = column_related(table, column);
            match entity.property(column) {
                Some(property)
                    if property.read_only()
                        || property.required
                        // `null` allowed into a NOT NULL column: the server
                        // must replace it (CONS003 says so), and fills an
                        // absent value the same way.
                        || property.nullable()
                        || documents_default(property)
                        || sibling_documents_default(context, entity, table, property.name)
                        || either_or(entity, property)
                        || is_selector(context, create.operation, property)
                        // proto3 sends a left-out scalar as its zero value.
                        || context.protobuf() => {}
                Some(property) => {
                    let message = format!(
                        "`{}` is NOT NULL without a default, but `{}` is optional in `{}`: unless the server fills it, requests without it fail on insert",
                        table.object(&column.name),
                        property.name,
                        operation.label()
                    );
                    let severity = is_deprecated(property).then_some(Severity::Info);
                    report(out, property.at.place(), message, related, severity);
                }
                // A column the body lacks is the server's to fill; a
                // property named like it is suggested by CONS006.
                None => {}
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

/// `customer_id` of `POST /customers/{customerId}/orders`, and `tenant_id` of
/// `POST /tenants/{tenant}/workflows`.
fn from_path(path: &str, column: &Column) -> bool {
    let key = name_words(&column.name).join("_");
    path.split('/')
        .filter_map(|segment| {
            segment
                .strip_prefix('{')
                .and_then(|rest| rest.strip_suffix('}'))
        })
        .map(|parameter| name_words(parameter).join("_"))
        .any(|parameter| parameter == key || format!("{parameter}_id") == key)
}

/// Last words of values servers generate: secrets, tokens, hashes, versions.
const GENERATED: [&str; 10] = [
    "token", "secret", "hash", "digest", "salt", "nonce", "version", "revision", "etag", "uuid",
];

/// Columns the server fills rather than the client: audit columns, foreign
/// keys and owner or tenant columns (from the caller's identity), generated
/// secrets, tokens, hashes and versions, and hashes of a value the request
/// sends (`password` → `password_hash`).
fn filled_by_server(entity: &Entity<'_>, table: &Table, column: &Column) -> bool {
    let words = name_words(&column.name);
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    // `created`, `created_at`, `updated_by` ...: set by the application.
    let audit = matches!(first, "created" | "updated" | "modified" | "deleted")
        && (words.len() == 1
            || (words.len() == 2 && matches!(last, "at" | "by" | "on" | "date" | "time")));
    let owner = is_owner(&words);
    let generated = GENERATED.contains(&last);
    let foreign = table.foreign_keys.iter().any(|key| {
        key.columns
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    let derived = is_protected(&words)
        && entity.properties.iter().any(|property| {
            property.column.is_none() && words.first() == name_words(property.name).first()
        });
    audit || owner || generated || foreign || derived
}

/// A default the server applies when the property is left out: a `default`
/// keyword, or a description that speaks of one ("Defaults to `x`").
fn documents_default(property: &Property<'_>) -> bool {
    let keyword =
        property.schema.node.get("default").is_some() || property.at.node.get("default").is_some();
    let described = [
        property.schema.str("description"),
        property.at.str("description"),
    ]
    .into_iter()
    .flatten()
    .any(|text| {
        let lower = text.to_ascii_lowercase();
        FILLED_WHEN_OMITTED
            .iter()
            .any(|phrase| lower.contains(phrase))
    });
    keyword || described
}

/// Whether another variant of the same union, stored in the same table,
/// documents a default for the property: `oneOf` members describe one
/// request, and the server fills it the same way for each.
fn sibling_documents_default(
    context: &ConsistencyContext<'_, '_>,
    entity: &Entity<'_>,
    table: &Table,
    name: &str,
) -> bool {
    entity.variant
        && context.links.linked().any(|(other, other_table)| {
            other.variant
                && std::ptr::eq(other_table, table)
                && !std::ptr::eq(other, entity)
                && other
                    .properties
                    .iter()
                    .any(|property| property.name == name && documents_default(property))
        })
}

/// What descriptions say when the server fills a value left out.
const FILLED_WHEN_OMITTED: [&str; 13] = [
    "default",
    "if not provided",
    "if not specified",
    "if not set",
    "if omitted",
    "when omitted",
    "if not given",
    "when not provided",
    "omit ",
    "if provided",
    "if absent",
    "predefined",
    "generated",
];

/// A deprecated property: clients are told to stop sending it, so the server
/// must fill the column without it.
fn is_deprecated(property: &Property<'_>) -> bool {
    property.schema.bool("deprecated") == Some(true)
}

/// Identifier words that name one row in two ways (`featureId` and
/// `featureKey`): a client sends either, and the server resolves the other.
const IDENTIFIERS: [&str; 6] = ["id", "key", "slug", "name", "code", "uuid"];

/// Whether the property has an optional twin naming the same row another way.
fn either_or(entity: &Entity<'_>, property: &Property<'_>) -> bool {
    let words = name_words(property.name);
    let Some((last, stem)) = words.split_last() else {
        return false;
    };
    if stem.is_empty() || !IDENTIFIERS.contains(&last.as_str()) {
        return false;
    }
    entity.properties.iter().any(|other| {
        let other_words = name_words(other.name);
        other.name != property.name
            && !other.required
            && other_words
                .split_last()
                .is_some_and(|(other_last, other_stem)| {
                    other_stem == stem && IDENTIFIERS.contains(&other_last.as_str())
                })
    })
}

use super::{describe_entity, linked_properties, LinkedProperty};
use crate::base::{Emitter, Severity};
use crate::link::{assigned_by_database, Entity, Property};
use crate::openapi::Method;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares nullability on both sides. In responses: a *required*
    /// property that is not nullable over a nullable column (`warning`); the
    /// optional ones of a schema are listed once (`info`), since servers
    /// usually leave a NULL out rather than send `null`. In requests to
    /// create: properties that accept `null` over `NOT NULL` columns without
    /// a default, listed once per schema (`info`): the server must refuse or
    /// replace the `null`, so the contract says more than it keeps. A
    /// property with no type accepts `null` already and is left alone, and
    /// protobuf-generated descriptions (proto3 JSON holds no `null` scalar)
    /// are not compared on the response side.
    ///
    /// ## Why is this bad?
    /// A required property must be there: for a row with `NULL` the server
    /// either sends `null`, which the schema forbids, or leaves the property
    /// out, which the schema forbids too — strict clients and generated
    /// models fail to parse the whole response. The other way round, a
    /// `null` the API accepts fails on insert unless the server replaces it.
    ///
    /// ## Example
    ///
    /// A customer as the API returns it:
    /// ```yaml
    /// paths:
    ///   /customers/{customerId}:
    ///     get:
    ///       parameters:
    ///         - {name: customerId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The customer.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       required: [id, name]
    ///       properties:
    ///         id: {type: integer}
    ///         name: {type: string}
    /// ```
    ///
    /// and the table behind it, where `name` is nullable:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, name text);
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /customers/{customerId}:
    ///     get:
    ///       parameters:
    ///         - {name: customerId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The customer.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       required: [id, name]
    ///       properties:
    ///         id: {type: integer}
    ///         name: {type: [string, "null"]}   # 3.0: nullable: true
    /// ```
    ///
    /// ## How to fix
    /// Declare the property nullable, or make the column `NOT NULL`; in
    /// requests, refuse `null` for columns that cannot hold it.
    ///
    /// Severity: `warning` for required response properties whose type has
    /// no empty value (times, dates, ids, objects); `info` for those that have
    /// one (`""`, `0`, `[]`), which servers in typed languages often send for
    /// NULL, and for the optional response properties and the request
    /// properties of a schema, listed together.
    pub struct NullabilityMismatch {
        id: "CONS003",
        name: "nullability-mismatch",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A property's nullability contradicts its column's.",
        fix: "Declare the property nullable, or make the column NOT NULL (and refuse null in requests).",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    // The optional properties of each response schema, reported together.
    let mut optional: Groups<'_, '_> = Vec::new();
    let mut nulls_sent: Groups<'_, '_> = Vec::new();
    // proto3 JSON never holds `null` for a scalar.
    let protobuf = context.protobuf();
    for linked in linked_properties(context) {
        let property = linked.property;
        let column = linked.column;
        if linked.is_read()
            && !protobuf
            && column.nullable
            // A default fills every row unless NULL is written on purpose.
            && column
                .default
                .as_deref()
                .is_none_or(|default| default.eq_ignore_ascii_case("null"))
            // One variant of a union shares a table whose other variants
            // leave the column empty.
            && !linked.reader.is_some_and(|entity| entity.variant)
            && !property.nullable()
            && property.kind().is_some()
            && !assigned_by_database(context.schema, linked.table, column)
        {
            if linked.required_in_response() && has_zero_value(property) {
                // Servers in typed languages often read NULL as `""`, `0` or
                // `[]`: then no `null` is sent, though a value is invented.
                let message = format!(
                    "{} is required and not nullable, but {} is nullable: unless the server sends an empty value for NULL, clients get a `null` the schema forbids",
                    linked.read_label(),
                    linked.column_label()
                );
                linked.report(out, message, Some(Severity::Info));
            } else if linked.required_in_response() {
                let message = format!(
                    "{} is required and not nullable, but {} is nullable: a NULL reaches clients as `null`, which the schema forbids",
                    linked.read_label(),
                    linked.column_label()
                );
                linked.report(out, message, Some(Severity::Warning));
            } else if let Some(reader) = linked.reader {
                group(&mut optional, reader, linked);
            }
        } else if linked.is_written()
            && !column.nullable
            && column.default.is_none()
            && property.nullable()
            && creates(context, linked.writer)
        {
            if let Some(writer) = linked.writer {
                group(&mut nulls_sent, writer, linked);
            }
        }
    }
    // The API says `null` is accepted where the table cannot store one: the
    // server rejects it (and the contract says otherwise) or fails on insert.
    for (_, group) in nulls_sent {
        let Some(first) = group.first() else {
            continue;
        };
        let names: Vec<String> = group
            .iter()
            .map(|linked| format!("`{}`", linked.property.name))
            .collect();
        let entity = first.writer.map(describe_entity).unwrap_or_default();
        let message = format!(
            "{entity} accepts `null` for {}, but {} NOT NULL in `{}`: the server must refuse `null` (then the contract should not allow it) or replace it, or creating with it fails on insert",
            names.join(", "),
            if group.len() == 1 { "its column is" } else { "their columns are" },
            first.table.name
        );
        first.report(out, message, Some(Severity::Info));
    }
    for (_, group) in optional {
        let Some(first) = group.first() else {
            continue;
        };
        let names: Vec<String> = group
            .iter()
            .map(|linked| format!("`{}`", linked.property.name))
            .collect();
        let entity = first.reader.map(describe_entity).unwrap_or_default();
        let message = format!(
            "{entity} does not declare {} nullable, but {} nullable in `{}`: if the server sends `null` for a NULL rather than leaving the property out, clients that trust the schema break",
            names.join(", "),
            if group.len() == 1 { "its column is" } else { "their columns are" },
            first.table.name
        );
        first.report(out, message, Some(Severity::Info));
    }
}

type Groups<'l, 'a> = Vec<(*const Entity<'a>, Vec<LinkedProperty<'l, 'a>>)>;

/// Adds a property to the findings about its schema.
fn group<'l, 'a>(groups: &mut Groups<'l, 'a>, entity: &Entity<'a>, linked: LinkedProperty<'l, 'a>) {
    let key = entity as *const Entity<'a>;
    match groups.iter_mut().find(|(known, _)| *known == key) {
        Some((_, members)) => members.push(linked),
        None => groups.push((key, vec![linked])),
    }
}

/// Whether some operation creates rows with the schema (a `POST` body).
fn creates(context: &ConsistencyContext<'_, '_>, writer: Option<&Entity<'_>>) -> bool {
    writer.is_some_and(|entity| {
        entity.uses.iter().any(|usage| {
            usage.request
                && context
                    .operation(usage.operation)
                    .is_some_and(|operation| operation.method == Method::Post)
        })
    })
}

/// Whether the property's type has an empty value a server may send for
/// NULL (`""`, `0`, `false`, `[]`); times, dates, ids and objects have none.
fn has_zero_value(property: &Property<'_>) -> bool {
    let formatted = property
        .format()
        .is_some_and(|format| matches!(format, "date" | "date-time" | "uuid" | "time"));
    matches!(
        property.kind(),
        Some("string" | "integer" | "number" | "boolean" | "array")
    ) && !formatted
}

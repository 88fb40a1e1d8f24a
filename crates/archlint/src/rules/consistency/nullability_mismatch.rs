use super::linked_properties;
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::assigned_by_database;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares nullability on both sides. In responses: a property that is
    /// not nullable over a nullable column (`warning` when the property is
    /// also `required`, `info` otherwise, since a server may leave nulls
    /// out). In requests: a property that accepts `null` over a `NOT NULL`
    /// column without a default.
    ///
    /// ## Why is this bad?
    /// The first `NULL` in the column reaches clients as `null` where the
    /// contract promised a string: strict clients and generated models fail to
    /// parse the whole response. The other way round, a `null` the API accepts
    /// fails on insert with a 500.
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
    /// Severity: `warning`; `error` when requests may send `null` into a
    /// `NOT NULL` column, `info` for optional response properties.
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
    for linked in linked_properties(context) {
        let property = linked.property;
        let column = linked.column;
        if linked.is_read()
            && column.nullable
            && !property.nullable()
            && !assigned_by_database(context.schema, linked.table, column)
        {
            let (severity, required) = if linked.required_in_response() {
                (Severity::Warning, "required and ")
            } else {
                (Severity::Info, "")
            };
            let message = format!(
                "{} is {required}not nullable, but {} is nullable: a NULL reaches clients as `null`, which the schema forbids",
                linked.read_label(),
                linked.column_label()
            );
            linked.report(out, message, Some(severity));
        } else if linked.is_written()
            && !column.nullable
            && column.default.is_none()
            && property.nullable()
        {
            let message = format!(
                "{} accepts null, but {} is NOT NULL: requests with null fail on insert",
                linked.label(),
                linked.column_label()
            );
            linked.report(out, message, Some(Severity::Error));
        }
    }
}

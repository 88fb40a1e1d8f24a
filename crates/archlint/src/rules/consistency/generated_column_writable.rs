use super::linked_properties;
use crate::base::Emitter;
use crate::link::assigned_by_database;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a request property, not marked `readOnly`, whose column the
    /// database fills itself: identity, `serial`/`AUTO_INCREMENT` and
    /// generated (`GENERATED ALWAYS AS ...`) columns.
    ///
    /// ## Why is this bad?
    /// Either the server ignores the value (and the contract misleads clients)
    /// or passes it on: an identity column `GENERATED ALWAYS` then rejects the
    /// insert with a 500, and a `serial` column accepts a client-chosen id that
    /// later collides with the sequence.
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
    ///             schema: {$ref: '#/components/schemas/Customer'}
    ///       responses:
    ///         '201':
    ///           description: Created.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    /// ```
    ///
    /// and the table behind it, whose `id` the database assigns:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL);
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
    ///             schema: {$ref: '#/components/schemas/Customer'}
    ///       responses:
    ///         '201':
    ///           description: Created.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       properties:
    ///         id: {type: integer, readOnly: true}
    ///         email: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Mark the property `readOnly: true`, or leave it out of request schemas.
    ///
    /// Severity: `warning`.
    pub struct GeneratedColumnWritable {
        id: "CONS008",
        name: "generated-column-writable",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A request accepts a value for a column the database generates.",
        fix: "Mark the property readOnly: true, or leave it out of request schemas.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for linked in linked_properties(context) {
        let column = linked.column;
        if !linked.is_written() || !assigned_by_database(context.schema, linked.table, column) {
            continue;
        }
        let how = if column.generated {
            "computes"
        } else {
            "assigns"
        };
        let message = format!(
            "{} is writable in requests, but the database {how} {}",
            linked.label(),
            linked.column_label()
        );
        linked.report(out, message, None);
    }
}

use super::{linked_properties, report};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::length_bound;
use crate::openapi::bounds::is_unbounded_string;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares the `maxLength` of a string the API accepts with the length
    /// of the column that stores it (`varchar(n)`, `char(n)`, or a check such
    /// as `char_length(name) <= n`). Reports a `maxLength` larger than the
    /// column, and a string with no bound at all (no `maxLength`, `enum`,
    /// fixed-size `format` or bounded `pattern`) over a bounded column.
    /// Only properties clients send (request bodies, not `readOnly`) are
    /// compared.
    ///
    /// ## Why is this bad?
    /// The API validates the request, accepts a 150-character name, and the
    /// insert into `varchar(80)` fails: the client gets a 500 for input the
    /// contract allowed, and retries it forever. (MySQL without strict mode
    /// silently truncates instead, which is worse.)
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
    ///       required: [name]
    ///       properties:
    ///         name: {type: string, maxLength: 100}
    /// ```
    ///
    /// and the table behind it:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, name varchar(80) NOT NULL);
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
    ///       required: [name]
    ///       properties:
    ///         name: {type: string, maxLength: 80}
    /// ```
    ///
    /// ## How to fix
    /// Make `maxLength` at most the column's length, or widen the column.
    ///
    /// Severity: `error` when `maxLength` exceeds the column (valid requests
    /// fail); `warning` when the API sets no bound at all.
    pub struct LengthMismatch {
        id: "CONS001",
        name: "length-mismatch",
        side: Both,
        area: Consistency,
        severity: Error,
        summary: "A string's maxLength is missing or larger than the column that stores it.",
        fix: "Set maxLength to at most the column's length, or widen the column.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for linked in linked_properties(context) {
        let property = linked.property;
        if !linked.is_written() {
            continue;
        }
        let Some(bound) = length_bound(linked.table, linked.column) else {
            continue;
        };
        let related = (
            bound.place.clone(),
            format!(
                "`{}` is bounded by `{}`",
                linked.table.object(&linked.column.name),
                bound.source
            ),
        );
        let place = property.at.place();
        match property.number("maxLength") {
            Some(max) if max > bound.max as f64 => {
                let message = format!(
                    "{} accepts up to {max} characters but {} holds at most {} (`{}`): longer values fail on insert with a 500",
                    linked.label(),
                    linked.column_label(),
                    bound.max,
                    bound.source
                );
                report(out, place, message, related, None);
            }
            Some(_) => {}
            None if is_unbounded_string(&property.schema) => {
                let message = format!(
                    "{} has no maxLength but {} holds at most {} characters (`{}`): declare `maxLength: {}`",
                    linked.label(),
                    linked.column_label(),
                    bound.max,
                    bound.source,
                    bound.max
                );
                report(out, place, message, related, Some(Severity::Warning));
            }
            None => {}
        }
    }
}

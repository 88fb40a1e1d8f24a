use super::{linked_properties, report};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::length_bound;
use crate::openapi::bounds::is_unbounded_string;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Table};

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
    ///         email: {type: string, format: email, maxLength: 254}
    /// ```
    ///
    /// and the table behind it:
    /// ```sql
    /// CREATE TABLE customers (
    ///     id bigserial PRIMARY KEY,
    ///     name varchar(80) NOT NULL,
    ///     email varchar(254)
    /// );
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
    ///         email: {type: string, format: email, maxLength: 254}
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
            // A reference must match an existing value, which the referenced
            // column already bounds: an over-long one cannot exist.
            None if references_bounded(context, linked.table, linked.column) => {}
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

/// Whether the column is a foreign key whose referenced column is bounded at
/// most as tightly: a value that fits no referenced row is refused anyway.
fn references_bounded(
    context: &ConsistencyContext<'_, '_>,
    table: &Table,
    column: &Column,
) -> bool {
    let Some(own) = length_bound(table, column) else {
        return false;
    };
    table.foreign_keys.iter().any(|key| {
        let Some(position) = key
            .columns
            .iter()
            .position(|name| name.eq_ignore_ascii_case(&column.name))
        else {
            return false;
        };
        let Some(parent) = context.schema.table(&key.ref_table) else {
            return false;
        };
        let referenced = key
            .ref_columns
            .get(position)
            .and_then(|name| parent.column(name))
            .or_else(|| {
                let primary = parent.primary_key.as_ref()?;
                parent.column(primary.columns.get(position)?)
            });
        referenced
            .and_then(|referenced| length_bound(parent, referenced))
            .is_some_and(|bound| bound.max <= own.max)
    })
}

use super::{linked_properties, report};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::allowed_values;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares an API `enum` with the values its column allows: an enum
    /// type, a MySQL `enum(...)` column, or a check such as
    /// `status IN ('a', 'b')`. Reports values the API accepts that the column
    /// rejects, and values the column holds that a response does not list.
    /// A response property with no enum over such a column is reported as
    /// `info`.
    ///
    /// ## Why is this bad?
    /// A value the API accepts but the database rejects fails on insert with a
    /// 500. A value the database holds but the API does not list reaches
    /// clients that switch over the documented values, and breaks generated
    /// clients that deserialize enums strictly.
    ///
    /// ## Example
    ///
    /// An order as the API returns it:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Order'}
    /// components:
    ///   schemas:
    ///     Order:
    ///       type: object
    ///       properties:
    ///         id: {type: integer}
    ///         status: {type: string, enum: [pending, paid, shipped]}
    /// ```
    ///
    /// and the table behind it, whose status can also be `cancelled`:
    /// ```sql
    /// CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
    /// CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Order'}
    /// components:
    ///   schemas:
    ///     Order:
    ///       type: object
    ///       properties:
    ///         id: {type: integer}
    ///         status: {type: string, enum: [pending, paid, shipped, cancelled]}
    /// ```
    ///
    /// ## How to fix
    /// Keep the API enum and the column's allowed values the same, or accept
    /// only a subset of them in requests.
    ///
    /// Severity: `error` for values requests may send that the column rejects;
    /// `warning` for values responses may return that the API does not list.
    pub struct EnumMismatch {
        id: "CONS002",
        name: "enum-mismatch",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "An API enum and the values its column allows differ.",
        fix: "Keep the API enum and the column's allowed values in step.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for linked in linked_properties(context) {
        let Some(allowed) = allowed_values(context.schema, linked.table, linked.column) else {
            continue;
        };
        let related = || {
            (
                allowed.place.clone(),
                format!(
                    "`{}` allows {}",
                    linked.table.object(&linked.column.name),
                    quote_all(&allowed.values)
                ),
            )
        };
        let place = linked.property.at.place();
        let Some(documented) = linked.property.enum_values() else {
            if linked.is_read() && linked.property.kind() == Some("string") {
                let message = format!(
                    "{} lists no values, but {} holds one of {} ({}): document them as an enum",
                    linked.read_label(),
                    linked.column_label(),
                    quote_all(&allowed.values),
                    allowed.source
                );
                report(out, place, message, related(), Some(Severity::Info));
            }
            continue;
        };
        let rejected: Vec<&str> = documented
            .iter()
            .copied()
            .filter(|value| !is_unspecified(value))
            .filter(|value| !allowed.values.iter().any(|known| known == value))
            .collect();
        if linked.is_written() && !rejected.is_empty() {
            let message = format!(
                "{} accepts {}, which {} rejects ({}): requests with it fail on insert",
                linked.label(),
                quote_all(&rejected),
                linked.column_label(),
                allowed.source
            );
            report(
                out,
                place.clone(),
                message,
                related(),
                Some(Severity::Error),
            );
        }
        let undocumented: Vec<&str> = allowed
            .values
            .iter()
            .map(String::as_str)
            .filter(|value| !documented.contains(value))
            .collect();
        if linked.is_read() && !undocumented.is_empty() {
            let message = format!(
                "{} can hold {}, which {} does not list: clients that rely on the enum break when it appears",
                linked.column_label(),
                quote_all(&undocumented),
                linked.read_label()
            );
            report(out, place, message, related(), None);
        }
    }
}

/// Protobuf's zero value of an enum (`STATUS_UNSPECIFIED`), which proto3
/// APIs list but never store: it means "not set".
fn is_unspecified(value: &str) -> bool {
    let upper = value.to_ascii_uppercase();
    upper == "UNSPECIFIED" || upper.ends_with("_UNSPECIFIED")
}

fn quote_all(values: &[impl AsRef<str>]) -> String {
    values
        .iter()
        .map(|value| format!("`{}`", value.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

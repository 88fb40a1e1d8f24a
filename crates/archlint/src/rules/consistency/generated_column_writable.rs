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
    /// ```yaml
    /// Customer:
    ///   properties:
    ///     id: {type: integer}   # column: id serial PRIMARY KEY
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    ///     id: {type: integer, readOnly: true}
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

use super::{all_written, report, undocumented_writes};
use crate::base::Emitter;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// For each write operation whose request body is linked to a table, finds
    /// the foreign keys whose columns the body sets (`customer_id` of an
    /// order), and reports the operation when it documents none of `404`,
    /// `409` or `422` (nor a `4XX` range) for a reference to a row that does
    /// not exist.
    ///
    /// ## Why is this bad?
    /// A client sending an unknown `customer_id` gets a foreign-key violation
    /// as a 500: an error of the client looks like an outage of the server.
    ///
    /// ## Example
    ///
    /// An operation that creates orders:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         required: true
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewOrder'}
    ///       responses:
    ///         '201': {description: Created.}
    ///         '400': {description: Invalid.}
    /// components:
    ///   schemas:
    ///     NewOrder:
    ///       type: object
    ///       required: [customer_id]
    ///       properties:
    ///         customer_id: {type: integer}
    ///         note: {type: string}
    /// ```
    ///
    /// and the tables behind it:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id),
    ///     note text
    /// );
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         required: true
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewOrder'}
    ///       responses:
    ///         '201': {description: Created.}
    ///         '400': {description: Invalid.}
    ///         '422': {description: The customer does not exist.}
    /// components:
    ///   schemas:
    ///     NewOrder:
    ///       type: object
    ///       required: [customer_id]
    ///       properties:
    ///         customer_id: {type: integer}
    ///         note: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Document `422` (or `404`/`409`) and answer foreign-key violations with it.
    ///
    /// Severity: `warning`.
    pub struct ForeignKeyErrorUndocumented {
        id: "CONS011",
        name: "foreign-key-error-undocumented",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "An operation sets a foreign key but documents no 404, 409 or 422.",
        fix: "Document a 422 (or 404/409) response for references to rows that do not exist.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let found = undocumented_writes(context, &["404", "409", "422"], |table, written| {
        table
            .foreign_keys
            .iter()
            .find(|key| all_written(&key.columns, written))
    });
    for (write, key) in found {
        let message = format!(
            "`{}` sets `{}`, a foreign key to `{}`, but documents no 404, 409 or 422: unless the server maps the violation, a reference to a missing row reaches clients as a 500",
            write.label,
            key.columns.join("`, `"),
            key.ref_table
        );
        let related = (
            key.place.clone(),
            format!(
                "foreign key of `{}` to `{}`",
                write.table.name, key.ref_table
            ),
        );
        report(out, write.place, message, related, None);
    }
}

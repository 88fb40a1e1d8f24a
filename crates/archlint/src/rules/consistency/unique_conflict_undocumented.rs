use super::{all_written, report, undocumented_writes};
use crate::base::words::{is_tenant, name_words};
use crate::base::Emitter;
use crate::rules::ConsistencyContext;
use crate::schema::index_likes;

crate::declare_rule! {
    /// ## What it does
    /// For each write operation whose request body is linked to a table, finds
    /// the unique constraints and unique indexes (and a primary key clients
    /// choose) whose columns the body writes, and reports the operation when
    /// it documents no `409 Conflict`.
    ///
    /// ## Why is this bad?
    /// A second customer with the same email is a normal client mistake. With
    /// no 409 in the contract, the unique violation surfaces as a 500, clients
    /// retry it, and nobody can tell a conflict from an outage.
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
    ///         '400': {description: Invalid.}
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
    /// and the table behind it, where `email` is unique:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text);
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
    ///         '400': {description: Invalid.}
    ///         '409': {description: A customer with this email exists.}
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
    /// ## How to fix
    /// Document `409` (catch the unique violation and answer it), or a `4XX`
    /// range.
    ///
    /// Severity: `warning`.
    pub struct UniqueConflictUndocumented {
        id: "CONS010",
        name: "unique-conflict-undocumented",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "An operation writes a uniquely constrained column but documents no 409.",
        fix: "Document a 409 Conflict response (and answer unique violations with it).",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let found = undocumented_writes(context, &["409"], |table, written| {
        index_likes(table)
            .into_iter()
            .filter(|index| index.unique && !index.partial_or_special)
            // One row per owner (`UNIQUE (project_id)`) is written by
            // upserts, which replace rather than conflict.
            .filter(|index| {
                !index
                    .columns
                    .iter()
                    .all(|column| is_tenant(&name_words(column)))
            })
            .find(|index| all_written(index.columns, written))
    });
    for (write, unique) in found {
        let message = format!(
            "`{}` writes `{}`, unique in `{}`, but documents no 409: unless the server maps the violation to another status, a duplicate reaches clients as a 500",
            write.label,
            unique.columns.join("`, `"),
            write.table.name
        );
        let related = (
            unique.place.clone(),
            format!("{} of `{}`", unique.label, write.table.name),
        );
        report(out, write.place, message, related, None);
    }
}

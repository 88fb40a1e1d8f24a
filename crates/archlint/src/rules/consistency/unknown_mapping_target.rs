use crate::base::Emitter;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an explicit link that leads nowhere: an `x-archlint-table` or
    /// `x-archlint-column` extension, or a `[consistency]` setting of
    /// `archlint.toml`, that names a table or column the SQL does not define.
    ///
    /// ## Why is this bad?
    /// The link was written because the names differ; when it is wrong (a
    /// typo, a renamed table) every consistency check of that schema silently
    /// stops.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /accounts/{accountId}:
    ///     get:
    ///       parameters:
    ///         - {name: accountId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The account.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Account'}
    /// components:
    ///   schemas:
    ///     Account:
    ///       type: object
    ///       x-archlint-table: user    # the table is `users`
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    /// ```
    ///
    /// and the schema:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /accounts/{accountId}:
    ///     get:
    ///       parameters:
    ///         - {name: accountId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The account.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Account'}
    /// components:
    ///   schemas:
    ///     Account:
    ///       type: object
    ///       x-archlint-table: users
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Name an existing table or column (`archlint schema` lists them), or
    /// remove the link.
    ///
    /// Severity: `error`.
    pub struct UnknownMappingTarget {
        id: "CONS013",
        name: "unknown-mapping-target",
        side: Both,
        area: Consistency,
        severity: Error,
        summary: "An explicit API ↔ schema link names a table or column the SQL does not define.",
        fix: "Name an existing table or column (`archlint schema` lists them), or remove the link.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for (place, message) in &context.links.problems {
        out.report(place.clone(), message.clone());
    }
}

use crate::base::Emitter;
use crate::change::graphql::only_made_nullable;
use crate::change::{ChangeKind, DeltaKind, GraphqlChangeKind};
use crate::rules::compatibility::located::{report_change, report_graphql_change};
use crate::rules::{ChangeContext, GraphqlChangeContext};

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter or property whose `type` or `format` changed in a way
    /// clients notice: any change in a response, and in a request any change but
    /// a widening (`int32` to `int64`, `float` to `double`, a format dropped from
    /// a string).
    ///
    /// In a GraphQL schema: an argument or input field whose type no longer takes
    /// what it took (another named type, a list added or taken away, `!` added
    /// where a default makes it still optional), and a field whose type no longer
    /// promises what it did (another named type, a list changed, `!` dropped: the
    /// field may now be `null`). Loosening an input (`Int!` to `Int`) or
    /// tightening an output (`Int` to `Int!`) is no change. An input made
    /// required is COMPAT003's.
    ///
    /// ## Why is this bad?
    /// Clients serialise and parse by the old type: a number sent where a string
    /// is now expected is rejected, and a string returned where a number was
    /// fails to parse.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```graphql
    /// type Order { id: ID!, total: Int }
    /// ```
    ///
    /// ```graphql
    /// type Order { id: ID!, total: String }
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer, format: int32}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```graphql
    /// type Order { id: ID!, total: Int }
    /// ```
    ///
    /// ```graphql
    /// type Order { id: ID!, total: Int! }
    /// ```
    ///
    /// ## How to fix
    /// Keep the field's type; add a new field (or a new operation) with the new
    /// type, and deprecate the old one.
    ///
    /// Severity: `error` — clients send or read the wrong type.
    pub struct TypeChanged {
        id: "COMPAT004",
        name: "type-changed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A parameter or property changed type or format.",
        fix: "Add a new field with the new type and deprecate the old one.",
        check_change: check,
        check_graphql_change: check_graphql,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.is_breaking()) {
        let ChangeKind::Schema(DeltaKind::TypeChanged { old, new }) = &change.kind else {
            continue;
        };
        let message = format!(
            "{} of {} changed type from `{old}` to `{new}`",
            change.place_label(),
            change.operations_label()
        );
        report_change(out, change, message);
    }
}

fn check_graphql(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let subject = &change.subject;
        let message = match &change.kind {
            GraphqlChangeKind::InputTypeChanged { old, new } if only_made_nullable(new, old) => {
                format!("{subject} no longer takes `null` (`{old}` to `{new}`): queries that pass `null`, or a variable left unset, fail")
            }
            GraphqlChangeKind::InputTypeChanged { old, new } => {
                format!("{subject} changed type from `{old}` to `{new}`: queries written for `{old}` fail validation")
            }
            GraphqlChangeKind::OutputTypeChanged { old, new } if only_made_nullable(old, new) => {
                format!("{subject} may now be `null` (`{old}` to `{new}`): clients that rely on a value break")
            }
            GraphqlChangeKind::OutputTypeChanged { old, new } => {
                format!(
                    "{subject} changed type from `{old}` to `{new}`: clients read it as `{old}`"
                )
            }
            _ => continue,
        };
        report_graphql_change(out, change, message);
    }
}

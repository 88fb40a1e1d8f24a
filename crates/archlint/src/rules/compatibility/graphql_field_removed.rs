use crate::base::Emitter;
use crate::change::GraphqlChangeKind;
use crate::rules::compatibility::located::report_graphql_removal;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a field of an object or interface type of the old GraphQL
    /// schema that the new one no longer has. An `error` when the old schema
    /// had not marked it `@deprecated`; a `warning` when it had: clients had
    /// their notice, but those still selecting it break all the same.
    ///
    /// A new rule rather than COMPAT001 `operation-removed` or COMPAT006
    /// `response-property-removed`: a GraphQL field is both (a root field is
    /// an operation, any other a property of a response), and its removal
    /// breaks the same way wherever it is — the whole query fails
    /// validation, not only the part that read it.
    ///
    /// ## Why is this bad?
    /// A query that selects a field the schema lacks is invalid: the server
    /// rejects all of it, so a client loses every other field of that query
    /// too.
    ///
    /// ## Example
    /// ```graphql
    /// type User { id: ID!, nickname: String }
    /// ```
    ///
    /// ```graphql
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type User { id: ID!, nickname: String }
    /// ```
    ///
    /// ```graphql
    /// type User { id: ID!, nickname: String @deprecated(reason: "Use `displayName`."), displayName: String }
    /// ```
    ///
    /// ## How to fix
    /// Mark the field `@deprecated(reason: "…")` first, say what replaces it,
    /// and remove it once clients no longer select it (the server's field
    /// usage tells when).
    ///
    /// Severity: `error` — queries that select the field fail; `warning`
    /// once it was deprecated.
    pub struct GraphqlFieldRemoved {
        id: "COMPAT019",
        name: "graphql-field-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A field of a GraphQL object or interface type is gone.",
        fix: "Deprecate the field (@deprecated with a reason) and remove it only once no client selects it.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        if let GraphqlChangeKind::FieldRemoved { deprecated } = change.kind {
            report_graphql_removal(
                out,
                change,
                deprecated,
                "queries that select it fail validation",
                " without having been deprecated",
            );
        }
    }
}

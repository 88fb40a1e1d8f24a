use crate::base::Emitter;
use crate::change::GraphqlChangeKind;
use crate::rules::compatibility::located::report_graphql_removal;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an argument of a field, or a field of an input type, that the
    /// new GraphQL schema no longer has: an `error`, a `warning` when the old
    /// schema had marked it `@deprecated`.
    ///
    /// A new rule rather than COMPAT016 `request-input-removed`: a JSON body
    /// property no longer read is often ignored (a `warning` there), while
    /// GraphQL rejects a query that passes an argument or input field the
    /// schema does not define.
    ///
    /// ## Why is this bad?
    /// Every query that passes it fails validation, even when the server
    /// would have done without it.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { orders(status: String, region: String): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String): [String] }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { orders(status: String, region: String): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String, region: String @deprecated(reason: "Ignored: orders are global.")): [String] }
    /// ```
    ///
    /// ## How to fix
    /// Keep the argument or input field, deprecated and ignored if need be,
    /// until clients no longer pass it.
    ///
    /// Severity: `error` — queries that pass it fail; `warning` once it was
    /// deprecated.
    pub struct GraphqlInputRemoved {
        id: "COMPAT020",
        name: "graphql-input-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "An argument or input field of the GraphQL schema is gone.",
        fix: "Keep the argument or input field (deprecated, ignored if need be) until no client passes it.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        if let GraphqlChangeKind::InputRemoved { deprecated } = change.kind {
            report_graphql_removal(
                out,
                change,
                deprecated,
                "queries that pass it fail validation",
                "",
            );
        }
    }
}

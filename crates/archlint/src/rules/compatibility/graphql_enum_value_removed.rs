use crate::base::Emitter;
use crate::change::GraphqlChangeKind;
use crate::rules::compatibility::located::report_graphql_removal;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a value of an enum that the new GraphQL schema no longer
    /// has: an `error`, a `warning` when the old schema had marked it
    /// `@deprecated`.
    ///
    /// A new rule rather than COMPAT005 `request-constraint-tightened`
    /// (enum values removed from a request): a GraphQL enum serves requests
    /// and responses at once, and a query that writes a value the enum lacks
    /// fails validation as a whole.
    ///
    /// ## Why is this bad?
    /// Queries that pass the value (`orders(status: REFUNDED)`) fail
    /// validation, and code generated from the old schema keeps a case the
    /// server never sends.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID REFUNDED }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID REFUNDED }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: Status): [String] }
    /// enum Status { OPEN PAID REFUNDED @deprecated(reason: "Refunds are orders of their own now.") }
    /// ```
    ///
    /// ## How to fix
    /// Deprecate the value first and keep accepting it until clients stop
    /// sending it.
    ///
    /// Severity: `error` — queries that pass the value fail; `warning` once
    /// it was deprecated.
    pub struct GraphqlEnumValueRemoved {
        id: "COMPAT021",
        name: "graphql-enum-value-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A value of a GraphQL enum is gone.",
        fix: "Deprecate the value (@deprecated with a reason) and remove it only once no client sends it.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        if let GraphqlChangeKind::EnumValueRemoved { deprecated } = change.kind {
            report_graphql_removal(
                out,
                change,
                deprecated,
                "queries that pass it fail validation, and clients keep a case that never comes",
                "",
            );
        }
    }
}

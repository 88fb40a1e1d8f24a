use crate::base::Emitter;
use crate::change::GraphqlChangeKind;
use crate::rules::compatibility::located::report_graphql_change;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a union that no longer lists one of its members, and a type
    /// that no longer implements one of its interfaces: either way, a type
    /// is no longer a possible type of an abstract one.
    ///
    /// GraphQL only: OpenAPI's unions (`oneOf`) losing a branch are compared
    /// as their properties.
    ///
    /// ## Why is this bad?
    /// Clients select the member's fields with fragments (`... on Refund`
    /// inside a `SearchResult`, `... on User` inside a `Node`): a fragment
    /// on a type that can no longer be there fails validation, and the whole
    /// query with it.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { search: [SearchResult] }
    /// union SearchResult = Order | Refund
    /// type Order { id: ID! }
    /// type Refund { id: ID! }
    /// ```
    ///
    /// ```graphql
    /// type Query { search: [SearchResult] }
    /// union SearchResult = Order
    /// type Order { id: ID! }
    /// type Refund { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { search: [SearchResult] }
    /// union SearchResult = Order | Refund
    /// type Order { id: ID! }
    /// type Refund { id: ID! }
    /// ```
    ///
    /// ```graphql
    /// type Query { search: [SearchResult] }
    /// union SearchResult = Refund | Order
    /// type Order { id: ID! }
    /// type Refund { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Keep the member (or the interface) and stop returning it instead:
    /// clients' fragments stay valid and simply match nothing.
    ///
    /// Severity: `error` — queries with a fragment on it fail.
    pub struct GraphqlPossibleTypeRemoved {
        id: "COMPAT022",
        name: "graphql-possible-type-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A union lost a member, or a type no longer implements an interface.",
        fix: "Keep the member or the interface, and stop returning the type instead.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let subject = &change.subject;
        let message = match &change.kind {
            GraphqlChangeKind::UnionMemberRemoved { member } => format!(
                "{subject} no longer includes `{member}`: queries with a fragment on `{member}` inside it fail validation"
            ),
            GraphqlChangeKind::InterfaceRemoved { interface } => format!(
                "{subject} no longer implements `{interface}`: queries with a fragment on it inside a `{interface}` fail validation"
            ),
            _ => continue,
        };
        report_graphql_change(out, change, message);
    }
}

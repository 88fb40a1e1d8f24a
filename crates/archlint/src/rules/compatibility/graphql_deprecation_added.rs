use crate::base::{Emitter, Severity};
use crate::change::GraphqlChangeKind;
use crate::rules::compatibility::located::report_graphql_change;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Lists what the new GraphQL schema newly marks `@deprecated` — a
    /// field, an argument, an input field or an enum value — with its
    /// reason, for the changelog (`--format markdown`).
    ///
    /// A new rule rather than COMPAT014 `operation-deprecated`: most of what
    /// a GraphQL schema deprecates is not an operation (a field of a type,
    /// an enum value), and removing it later is COMPAT019's to weigh.
    ///
    /// ## Why is this bad?
    /// Nothing is wrong: a deprecation is how a removal is announced, and
    /// reviewers and clients want to see it, with what to use instead.
    ///
    /// ## Example
    /// ```graphql
    /// type User { id: ID!, nickname: String, displayName: String }
    /// ```
    ///
    /// ```graphql
    /// type User { id: ID!, nickname: String @deprecated(reason: "Use `displayName`."), displayName: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type User { id: ID!, nickname: String, displayName: String }
    /// ```
    ///
    /// ```graphql
    /// type User { id: ID!, nickname: String, displayName: String }
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix; give the reason, naming what replaces it.
    ///
    /// Severity: `info` — a changelog entry.
    pub struct GraphqlDeprecationAdded {
        id: "COMPAT023",
        name: "graphql-deprecation-added",
        side: Change,
        area: Compatibility,
        severity: Info,
        summary: "A field, argument, input field or enum value is newly deprecated.",
        fix: "Nothing to fix: listed for the changelog.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let GraphqlChangeKind::Deprecated { reason } = &change.kind else {
            continue;
        };
        let message = match reason {
            Some(reason) => format!("{} is deprecated: {reason}", change.subject),
            None => format!("{} is deprecated, with no reason given", change.subject),
        };
        if let Some(diagnostic) = report_graphql_change(out, change, message) {
            diagnostic.severity(Severity::Info);
        }
    }
}

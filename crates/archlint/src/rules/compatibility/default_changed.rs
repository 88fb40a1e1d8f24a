use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, DeltaKind, GraphqlChangeKind, Side};
use crate::rules::compatibility::located::{report_change, report_graphql_change};
use crate::rules::{ChangeContext, GraphqlChangeContext};

crate::declare_rule! {
    /// ## What it does
    /// Reports a request parameter or property whose `default` changed.
    ///
    /// In a GraphQL schema: an argument or input field whose default changed,
    /// was added or was taken away (taken from a non-null one, it is now
    /// required: COMPAT003).
    ///
    /// ## Why is this bad?
    /// Clients that leave the value out relied on the old default: they now get
    /// other behaviour (another page size, another sort order) without changing
    /// a line.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 20}}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 50}}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(first: Int = 20): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(first: Int = 50): [String] }
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 20}}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, maximum: 100, default: 20}}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(first: Int = 20): [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(first: Int = 20, after: String): [String] }
    /// ```
    ///
    /// ## How to fix
    /// Keep the default; change it in a new major version.
    ///
    /// Severity: `warning` — behaviour changes silently for some clients.
    pub struct DefaultChanged {
        id: "COMPAT011",
        name: "default-changed",
        side: Change,
        area: Compatibility,
        severity: Warning,
        summary: "A request default changed.",
        fix: "Keep the default; give the new behaviour its own value clients opt into.",
        check_change: check,
        check_graphql_change: check_graphql,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.side == Side::Request) {
        let ChangeKind::Schema(DeltaKind::DefaultChanged { old, new }) = &change.kind else {
            continue;
        };
        let message = format!(
            "{} of {}: the default changed from `{old}` to `{new}`; clients that leave it out get other behaviour",
            change.place_label(),
            change.operations_label()
        );
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(Severity::Warning);
        }
    }
}

fn check_graphql(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let GraphqlChangeKind::DefaultChanged { old, new } = &change.kind else {
            continue;
        };
        let what = match (old, new) {
            (Some(old), Some(new)) => format!("the default changed from `{old}` to `{new}`"),
            (None, Some(new)) => format!("it now defaults to `{new}`"),
            (Some(old), None) => format!("it no longer defaults to `{old}`"),
            (None, None) => continue,
        };
        let message = format!(
            "{}: {what}; queries that leave it out get other behaviour",
            change.subject
        );
        if let Some(diagnostic) = report_graphql_change(out, change, message) {
            diagnostic.severity(Severity::Warning);
        }
    }
}

use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, GraphqlChangeKind};
use crate::rules::compatibility::located::{report_change, report_graphql_change};
use crate::rules::{ChangeContext, GraphqlChangeContext};

crate::declare_rule! {
    /// ## What it does
    /// Lists the operations the new version adds, for the changelog
    /// (`--format markdown`).
    ///
    /// In a GraphQL schema: the new fields of the query, mutation and
    /// subscription roots (the schema's operations).
    ///
    /// ## Why is this bad?
    /// Nothing is wrong: reviewers want to see what a change adds to the API's
    /// surface, since every operation added is one to support.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /refunds:
    ///     get:
    ///       responses: {'200': {description: The refunds.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders: [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders: [String], refunds: [String] }
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ```graphql
    /// type Query { orders: [String] }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders: [String] }
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix.
    ///
    /// Severity: `info` — a changelog entry.
    pub struct OperationAdded {
        id: "COMPAT013",
        name: "operation-added",
        side: Change,
        area: Compatibility,
        severity: Info,
        summary: "An operation is new.",
        fix: "Nothing to fix: listed for the changelog.",
        check_change: check,
        check_graphql_change: check_graphql,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        if change.kind != ChangeKind::OperationAdded {
            continue;
        }
        let message = format!("{} is new", change.operations_label());
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(Severity::Info);
        }
    }
}

fn check_graphql(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    let added =
        context.changes_where(|kind| matches!(kind, GraphqlChangeKind::OperationAdded { .. }));
    for change in added {
        let message = format!("{} is new", change.subject);
        if let Some(diagnostic) = report_graphql_change(out, change, message) {
            diagnostic.severity(Severity::Info);
        }
    }
}

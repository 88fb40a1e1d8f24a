use crate::base::{Emitter, Severity};
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Lists the operations the new version adds, for the changelog
    /// (`--format markdown`).
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

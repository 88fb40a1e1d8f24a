use crate::base::{Emitter, Severity};
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Lists the operations the new version marks `deprecated: true`, for the
    /// changelog (`--format markdown`).
    ///
    /// ## Why is this bad?
    /// Nothing is wrong: deprecating is how an API tells clients to move, and a
    /// changelog should say so.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/export:
    ///     get:
    ///       deprecated: true
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix; say when the operation goes away with a `Sunset` header.
    ///
    /// Severity: `info` — a changelog entry.
    pub struct OperationDeprecated {
        id: "COMPAT014",
        name: "operation-deprecated",
        side: Change,
        area: Compatibility,
        severity: Info,
        summary: "An operation is newly deprecated.",
        fix: "Nothing to fix: listed for the changelog (announce the end with a Sunset header).",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        if !matches!(change.kind, ChangeKind::OperationDeprecated { .. }) {
            continue;
        }
        let message = format!("{} is now deprecated", change.operations_label());
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(Severity::Info);
        }
    }
}

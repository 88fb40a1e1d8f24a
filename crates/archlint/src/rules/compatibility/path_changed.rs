use crate::base::Emitter;
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation whose path changed between the versions: the same
    /// `operationId` and method under another path template. (Renaming a path
    /// parameter, `/orders/{id}` to `/orders/{orderId}`, is no change.)
    ///
    /// ## Why is this bad?
    /// Clients call the old path, which now answers 404.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       operationId: getOrder
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /purchases/{id}:
    ///     get:
    ///       operationId: getOrder
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       operationId: getOrder
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{orderId}:
    ///     get:
    ///       operationId: getOrder
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ## How to fix
    /// Keep serving the old path (deprecated, with a `Sunset` header) beside the
    /// new one, and drop it in a new major version.
    ///
    /// Severity: `error` — every client of the operation breaks.
    pub struct PathChanged {
        id: "COMPAT002",
        name: "path-changed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "An operation moved to another path.",
        fix: "Keep the old path working (or redirect it) until a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let ChangeKind::PathChanged { old_path } = &change.kind else {
            continue;
        };
        let message = format!(
            "{} moved from `{old_path}`: clients calling the old path break",
            change.operations_label()
        );
        report_change(out, change, message);
    }
}

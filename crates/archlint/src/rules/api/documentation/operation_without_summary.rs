use crate::base::Emitter;
use crate::base::Severity;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without a `summary`: as `warning` when it has no
    /// `description` either, as `info` when only the summary is missing.
    ///
    /// ## Why is this bad?
    /// The summary is the one line documentation sites, API consoles and
    /// generated SDK docs show for the operation; without it readers see only a
    /// method and a path.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}/cancel:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     post:
    ///       responses: {'204': {description: Cancelled.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}/cancel:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     post:
    ///       summary: Cancel an order
    ///       description: Cancels an order that has not shipped yet; refunds the payment.
    ///       responses: {'204': {description: Cancelled.}}
    /// ```
    ///
    /// ## How to fix
    /// Add a short `summary` (and a `description` for anything not obvious).
    ///
    /// Severity: `warning` for an undocumented operation, `info` for a missing
    /// summary only.
    pub struct OperationWithoutSummary {
        id: "DOC002",
        name: "operation-without-summary",
        side: Api,
        area: Documentation,
        severity: Warning,
        summary: "An operation has no summary.",
        fix: "Add a one-line summary (and a description where the behaviour is not obvious).",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let filled = |text: Option<&str>| text.is_some_and(|text| !text.trim().is_empty());
    for operation in &context.api.operations {
        if filled(operation.at.str("summary")) {
            continue;
        }
        let (message, severity) = if filled(operation.at.str("description")) {
            (
                format!("`{}` has a description but no summary", operation.label()),
                Severity::Info,
            )
        } else {
            (
                format!("`{}` has no summary or description", operation.label()),
                Severity::Warning,
            )
        };
        out.report(operation.at.place(), message).severity(severity);
    }
}

use crate::base::Emitter;
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a success status (`2xx`) of the old version that the operation
    /// no longer documents: `201` turned into `200`, or `200` into `204`.
    ///
    /// ## Why is this bad?
    /// Clients check the status: one that waits for `201` treats `200` as
    /// unexpected, and one that reads a `200` body finds none in `204`.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses: {'200': {description: Created.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses: {'201': {description: Created.}, '202': {description: Accepted for processing.}}
    /// ```
    ///
    /// ## How to fix
    /// Keep the old status; add new ones beside it.
    ///
    /// Severity: `error` — clients that check the status break.
    pub struct SuccessStatusRemoved {
        id: "COMPAT008",
        name: "success-status-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "An operation no longer answers with a success status it documented.",
        fix: "Keep answering with the old status; change it only in a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let ChangeKind::SuccessStatusRemoved { status } = &change.kind else {
            continue;
        };
        let message = format!(
            "{} no longer answers `{status}`: clients that expect it break",
            change.operations_label()
        );
        report_change(out, change, message);
    }
}

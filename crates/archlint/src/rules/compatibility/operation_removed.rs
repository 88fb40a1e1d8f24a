use crate::base::{Emitter, Severity};
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation of the old version that the new one no longer has
    /// (same method and path, or same `operationId`). An `error` when the old
    /// version did not mark it `deprecated: true`; a `warning` when it did but
    /// announced no end (a `Sunset` or `Deprecation` response header); `info`
    /// when both were done and clients had their warning. An `error` again
    /// when the end it announced (the `Sunset` header's example, or
    /// `x-sunset` on the operation) is still ahead on the day of the review:
    /// clients were told they had until then.
    ///
    /// ## Why is this bad?
    /// Every client that calls the operation fails with 404 or 405 on the day
    /// the new version ships. Deprecating first, with a date, is what lets
    /// clients move before that day.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /orders/export:
    ///     get:
    ///       deprecated: true
    ///       responses:
    ///         '200':
    ///           description: A CSV file.
    ///           headers:
    ///             Sunset: {schema: {type: string}, description: The date this operation goes away.}
    /// ```
    ///
    /// ## How to fix
    /// Keep the operation, marked `deprecated: true` with a `Sunset` header,
    /// for at least one release; remove it in a new major version.
    ///
    /// Severity: `error` — existing clients break; `warning` or `info` once
    /// the operation was deprecated (and announced).
    pub struct OperationRemoved {
        id: "COMPAT001",
        name: "operation-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "An operation of the old version is gone.",
        fix: "Deprecate the operation (deprecated: true, a Sunset header) before removing it in a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let ChangeKind::OperationRemoved {
            deprecated,
            announced,
            sunset,
        } = change.kind
        else {
            continue;
        };
        let operation = change.operations_label();
        let early = sunset
            .zip(context.today)
            .filter(|(end, today)| today < end)
            .map(|(end, _)| end);
        let (message, severity) = match (deprecated, announced, early) {
            (false, _, _) => (
                format!("{operation} is removed without having been deprecated: its clients break"),
                Severity::Error,
            ),
            (true, _, Some(end)) => (
                format!("{operation} is removed before the end it announced ({end}): clients were told they had until then"),
                Severity::Error,
            ),
            (true, false, None) => (
                format!("{operation} is removed; it was deprecated, but no `Sunset` header told clients when"),
                Severity::Warning,
            ),
            (true, true, None) => (
                format!("{operation} is removed, after its deprecation and announced end"),
                Severity::Info,
            ),
        };
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(severity);
        }
    }
}

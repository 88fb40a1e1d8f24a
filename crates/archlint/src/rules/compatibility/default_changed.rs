use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, DeltaKind, Side};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a request parameter or property whose `default` changed.
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

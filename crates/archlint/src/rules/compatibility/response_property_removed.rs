use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, DeltaKind, Side};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a response property that is gone (an `error`), or that was
    /// required and is now optional or may be `null` (a `warning`).
    ///
    /// ## Why is this bad?
    /// Clients read the property: they fail, or show nothing, when it is missing
    /// or null.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [total]
    ///                 properties: {total: {type: number}, currency: {type: string}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [total]
    ///                 properties: {total: {type: number}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [total]
    ///                 properties: {total: {type: number}, currency: {type: string}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The order.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [total]
    ///                 properties:
    ///                   total: {type: number}
    ///                   currency: {type: string, deprecated: true}
    /// ```
    ///
    /// ## How to fix
    /// Keep returning the property (mark it `deprecated: true`) until a new major
    /// version.
    ///
    /// Severity: `error` when the property is gone; `warning` when it may now be
    /// missing or null.
    pub struct ResponsePropertyRemoved {
        id: "COMPAT006",
        name: "response-property-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A response no longer returns a property, or may leave it out or null.",
        fix: "Keep returning the property; deprecate it and remove it in a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.side == Side::Response) {
        let operation = change.operations_label();
        let place = change.place_label();
        let (message, severity) = match &change.kind {
            ChangeKind::Schema(DeltaKind::PropertyRemoved) => (
                format!("{operation} no longer returns {place}: clients that read it break"),
                Severity::Error,
            ),
            ChangeKind::Schema(DeltaKind::BecameOptional) => (
                format!(
                    "{place} of {operation} is no longer required: clients may find it missing"
                ),
                Severity::Warning,
            ),
            ChangeKind::Schema(DeltaKind::BecameNullable) => (
                format!("{place} of {operation} may now be null"),
                Severity::Warning,
            ),
            _ => continue,
        };
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(severity);
        }
    }
}

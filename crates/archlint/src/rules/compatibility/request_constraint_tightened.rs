use crate::base::{Emitter, Severity};
use crate::change::{ChangeKind, DeltaKind, Side};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a request parameter or property that accepts less than before: a
    /// bound added or made stricter (`maxLength`, `minLength`, `maximum`,
    /// `minimum`, `maxItems`, `minItems`), a `pattern` added or changed, an `enum`
    /// added or values removed from it (an `error`: those values were valid), and
    /// `additionalProperties: false` where undeclared properties were allowed.
    ///
    /// ## Why is this bad?
    /// Values that clients sent successfully are now rejected with 400.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {note: {type: string, maxLength: 500}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {note: {type: string, maxLength: 200}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {note: {type: string, maxLength: 500}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {type: object, properties: {note: {type: string, maxLength: 1000}}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ## How to fix
    /// Keep accepting what the old version accepted; tighten in a new major
    /// version, or truncate and accept.
    ///
    /// Severity: `warning` — only clients that send values past the new bound
    /// break; `error` for enum values removed, which were valid by definition.
    pub struct RequestConstraintTightened {
        id: "COMPAT005",
        name: "request-constraint-tightened",
        side: Change,
        area: Compatibility,
        severity: Warning,
        summary: "A request accepts less than it did.",
        fix: "Loosen the constraint again, or tighten it only in a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.side == Side::Request) {
        let operation = change.operations_label();
        let place = change.place_label();
        let (message, severity) = match &change.kind {
            ChangeKind::Schema(DeltaKind::EnumValuesRemoved(values)) => (
                format!(
                    "{place} of {operation} no longer accepts {}",
                    quoted(values)
                ),
                Severity::Error,
            ),
            ChangeKind::Schema(DeltaKind::Tightened { keyword, old, new }) => {
                let what = match (*keyword, old) {
                    ("additionalProperties", _) => {
                        "now rejects properties it does not declare".to_owned()
                    }
                    ("enum", _) => format!("now accepts only {new}"),
                    (keyword, Some(old)) => format!("`{keyword}` went from {old} to {new}"),
                    (keyword, None) => format!("gained `{keyword}: {new}`"),
                };
                (
                    format!(
                        "{place} of {operation} {what}: values accepted before may be rejected"
                    ),
                    Severity::Warning,
                )
            }
            _ => continue,
        };
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(severity);
        }
    }
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("`{value}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

use crate::base::Emitter;
use crate::change::{ChangeKind, DeltaKind};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter or property whose `type` or `format` changed in a way
    /// clients notice: any change in a response, and in a request any change but
    /// a widening (`int32` to `int64`, `float` to `double`, a format dropped from
    /// a string).
    ///
    /// ## Why is this bad?
    /// Clients serialise and parse by the old type: a number sent where a string
    /// is now expected is rejected, and a string returned where a number was
    /// fails to parse.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string, format: uuid}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer, format: int32}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ## How to fix
    /// Keep the field's type; add a new field (or a new operation) with the new
    /// type, and deprecate the old one.
    ///
    /// Severity: `error` — clients send or read the wrong type.
    pub struct TypeChanged {
        id: "COMPAT004",
        name: "type-changed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A parameter or property changed type or format.",
        fix: "Add a new field with the new type and deprecate the old one.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.is_breaking()) {
        let ChangeKind::Schema(DeltaKind::TypeChanged { old, new }) = &change.kind else {
            continue;
        };
        let message = format!(
            "{} of {} changed type from `{old}` to `{new}`",
            change.place_label(),
            change.operations_label()
        );
        report_change(out, change, message);
    }
}

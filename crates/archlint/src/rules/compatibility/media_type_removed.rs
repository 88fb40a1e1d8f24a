use crate::base::Emitter;
use crate::change::{ChangeKind, Side};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a media type the old version accepted in a request body or
    /// returned in a response that the new version no longer lists.
    ///
    /// ## Why is this bad?
    /// Clients that send the old type get 415; clients that ask for it (`Accept`)
    /// get 406 or a body they cannot parse.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {type: object}}
    ///           application/x-www-form-urlencoded: {schema: {type: object}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {type: object}}
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
    ///           application/json: {schema: {type: object}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {type: object}}
    ///           application/x-www-form-urlencoded: {schema: {type: object}}
    ///       responses: {'201': {description: Created.}}
    /// ```
    ///
    /// ## How to fix
    /// Keep the old media type until a new major version.
    ///
    /// Severity: `error` — clients that use the media type break.
    pub struct MediaTypeRemoved {
        id: "COMPAT009",
        name: "media-type-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A request or response media type is gone.",
        fix: "Keep accepting and producing the old media type until a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let ChangeKind::MediaTypeRemoved { name, replacement } = &change.kind else {
            continue;
        };
        let verb = match change.side {
            Side::Request => "no longer accepts",
            Side::Response => "no longer returns",
        };
        let instead = replacement
            .as_ref()
            .map(|other| format!(" (only `{other}` now)"))
            .unwrap_or_default();
        let message = format!(
            "{} {verb} `{name}` in its {}{instead}",
            change.operations_label(),
            change.subject
        );
        report_change(out, change, message);
    }
}

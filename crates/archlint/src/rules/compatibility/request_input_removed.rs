use crate::base::{Emitter, Severity};
use crate::change::{Change, ChangeKind, DeltaKind, Side};
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a query, header or cookie parameter that an operation no
    /// longer takes, and a request body property it no longer accepts:
    /// a `warning`, as servers usually ignore what they do not read; an
    /// `error` when the body's schema now refuses unknown properties
    /// (`additionalProperties: false`); `info` when the old version had
    /// deprecated it (`deprecated: true`, or a description that begins with
    /// "Deprecated"). A `readOnly` property was never sent: no finding.
    ///
    /// ## Why is this bad?
    /// Clients keep sending it and nothing tells them it is ignored: a
    /// filter that no longer filters returns everything, a setting they send
    /// is silently dropped.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: status, in: query, schema: {type: string}}
    ///       responses:
    ///         '200': {description: The orders.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: The orders.}
    /// ```
    ///
    /// Use instead: deprecate it first, and remove it in a new major version:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: status, in: query, deprecated: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: The orders.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: status, in: query, deprecated: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: The orders.}
    /// ```
    ///
    /// ## How to fix
    /// Keep reading the input (mark it `deprecated: true`) until a new major
    /// version, or reject it with a clear error rather than ignore it.
    ///
    /// Severity: `warning`; `error` when sending it now fails; `info` when it
    /// was deprecated.
    pub struct RequestInputRemoved {
        id: "COMPAT016",
        name: "request-input-removed",
        side: Change,
        area: Compatibility,
        severity: Warning,
        summary: "A request parameter or body property is no longer read.",
        fix: "Keep reading it, deprecated, until a new major version; or reject it with a clear error.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in context.changes_where(|change| change.side == Side::Request) {
        let operation = change.operations_label();
        let place = change.place_label();
        let message = match &change.kind {
            ChangeKind::ParameterRemoved => format!(
                "{operation} no longer takes {place}: what clients still send in it is silently ignored"
            ),
            ChangeKind::Schema(DeltaKind::PropertyRemoved) => {
                if was(context, change, "readOnly") {
                    continue;
                }
                if refuses_unknown(context, change) {
                    let message = format!(
                        "{operation} no longer accepts {place}, and refuses properties it does not know: requests that still send it fail"
                    );
                    if let Some(diagnostic) = report_change(out, change, message) {
                        diagnostic.severity(Severity::Error);
                    }
                    continue;
                }
                format!(
                    "{operation} no longer accepts {place}: clients that still send it have it silently dropped"
                )
            }
            _ => continue,
        };
        let deprecated = was(context, change, "deprecated");
        if let Some(diagnostic) = report_change(out, change, message) {
            if deprecated {
                diagnostic.severity(Severity::Info);
            }
        }
    }
}

/// Whether OLD's input said `keyword: true` (or, for `deprecated`, began
/// its description with "Deprecated", as GitHub's do).
fn was(context: &ChangeContext<'_>, change: &Change<'_>, keyword: &str) -> bool {
    change.old.as_ref().is_some_and(|old| {
        let old = context.old.documents.resolve_or_self(old);
        old.get(keyword).and_then(|value| value.node.as_bool()) == Some(true)
            || keyword == "deprecated" && old.str("description").is_some_and(says_deprecated)
    })
}

/// `**Deprecated**. Use …`, `Deprecated: …`.
fn says_deprecated(description: &str) -> bool {
    description
        .trim_start_matches(['*', '_', ' ', '\n'])
        .get(..10)
        .is_some_and(|start| start.eq_ignore_ascii_case("deprecated"))
}

/// Whether NEW's schema holding the removed property refuses properties it
/// does not list.
fn refuses_unknown(context: &ChangeContext<'_>, change: &Change<'_>) -> bool {
    change.new.as_ref().is_some_and(|parent| {
        let parent = context.new.documents.resolve_or_self(parent);
        ["additionalProperties", "unevaluatedProperties"]
            .iter()
            .any(|keyword| {
                parent.get(keyword).and_then(|value| value.node.as_bool()) == Some(false)
            })
    })
}

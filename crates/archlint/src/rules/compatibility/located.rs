//! Where a compatibility finding goes: at the thing in NEW, or in OLD for
//! what NEW no longer has, with the other version as a related place.

use crate::base::{Diagnostic, Emitter, Place, Severity};
use crate::change::{Change, GraphqlChange};

/// Reports a change at its NEW place (its OLD one when NEW no longer has the
/// thing), the other version's place related.
pub(crate) fn report_change<'o>(
    out: &'o mut Emitter,
    change: &Change<'_>,
    message: String,
) -> Option<&'o mut Diagnostic> {
    let old = change.old.as_ref().map(|at| at.place());
    let new = change.new.as_ref().map(|at| at.place());
    report_between(out, change.is_removal(), old, new, message)
}

/// The same for a change to a GraphQL schema.
pub(crate) fn report_graphql_change<'o>(
    out: &'o mut Emitter,
    change: &GraphqlChange,
    message: String,
) -> Option<&'o mut Diagnostic> {
    report_between(
        out,
        change.is_removal(),
        change.old.clone(),
        change.new.clone(),
        message,
    )
}

fn report_between(
    out: &mut Emitter,
    removal: bool,
    old: Option<Place>,
    new: Option<Place>,
    message: String,
) -> Option<&mut Diagnostic> {
    let (first, other, label) = match removal {
        true => (old, new, "in the new version"),
        false => (new, old, "in the old version"),
    };
    match (first, other) {
        (Some(at), Some(other)) => Some(out.report(at, message).related(other, label)),
        (Some(at), None) | (None, Some(at)) => Some(out.report(at, message)),
        (None, None) => None,
    }
}

/// A GraphQL removal: an `error`, or a `warning` when the thing was
/// deprecated first (clients were told). `what_fails` says which queries
/// break; `otherwise` is added when nothing warned them.
pub(crate) fn report_graphql_removal(
    out: &mut Emitter,
    change: &GraphqlChange,
    deprecated: bool,
    what_fails: &str,
    otherwise: &str,
) {
    let subject = &change.subject;
    let (message, severity) = match deprecated {
        true => (
            format!(
                "{subject} is removed after deprecation: {}",
                what_fails.replacen("queries that ", "queries that still ", 1)
            ),
            Severity::Warning,
        ),
        false => (
            format!("{subject} is removed{otherwise}: {what_fails}"),
            Severity::Error,
        ),
    };
    if let Some(diagnostic) = report_graphql_change(out, change, message) {
        diagnostic.severity(severity);
    }
}

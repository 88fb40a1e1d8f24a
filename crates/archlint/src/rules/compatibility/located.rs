//! Where a compatibility finding goes: at the thing in NEW, or in OLD for
//! what NEW no longer has, with the other version as a related place.

use crate::base::{Diagnostic, Emitter};
use crate::change::{Change, GraphqlChange};

/// Reports a change at its NEW place (its OLD one when NEW no longer has the
/// thing), the other version's place related.
pub(crate) fn report_change<'o>(
    out: &'o mut Emitter,
    change: &Change<'_>,
    message: String,
) -> Option<&'o mut Diagnostic> {
    let (first, other, label) = if change.is_removal() {
        (
            change.old.as_ref(),
            change.new.as_ref(),
            "in the new version",
        )
    } else {
        (
            change.new.as_ref(),
            change.old.as_ref(),
            "in the old version",
        )
    };
    let at = first.or(other)?;
    let diagnostic = out.report(at.place(), message);
    if let (Some(_), Some(other)) = (first, other) {
        diagnostic.related(other.place(), label);
    }
    Some(diagnostic)
}

/// The same for a change to a GraphQL schema.
pub(crate) fn report_graphql_change<'o>(
    out: &'o mut Emitter,
    change: &GraphqlChange,
    message: String,
) -> Option<&'o mut Diagnostic> {
    let (first, other, label) = if change.is_removal() {
        (
            change.old.as_ref(),
            change.new.as_ref(),
            "in the new version",
        )
    } else {
        (
            change.new.as_ref(),
            change.old.as_ref(),
            "in the old version",
        )
    };
    let at = first.or(other)?;
    let diagnostic = out.report(at.clone(), message);
    if let (Some(_), Some(other)) = (first, other) {
        diagnostic.related(other.clone(), label);
    }
    Some(diagnostic)
}

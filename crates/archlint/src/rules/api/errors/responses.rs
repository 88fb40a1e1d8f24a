//! Readings of an operation's error responses shared by the error rules.

use crate::base::Emitter;
use crate::openapi::Operation;

/// Whether the operation documents any client error (`4xx` or `4XX`).
pub(crate) fn has_client_error(operation: &Operation<'_>) -> bool {
    operation
        .responses
        .iter()
        .any(|response| response.class() == Some(4))
}

/// Reports at the operation's `responses` (or the operation, when absent).
pub(crate) fn report_at_responses(out: &mut Emitter, operation: &Operation<'_>, message: String) {
    let at = operation.responses_at.as_ref().unwrap_or(&operation.at);
    out.report(at.place(), message);
}

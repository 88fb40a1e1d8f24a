//! Errors: what clients learn when something goes wrong.
//!
//! `missing-4xx-response` covers an operation with no client error at all; the
//! rules for one specific status (400, 401/403, 404) only speak when the
//! operation documents some 4xx, so one gap gives one finding.

pub mod inconsistent_error_format;
pub mod missing_400_response;
pub mod missing_404_response;
pub mod missing_4xx_response;
pub mod missing_auth_error_response;
pub mod missing_server_error_response;
pub mod missing_success_response;

use crate::diagnostic::Diagnostic;
use crate::openapi::Operation;
use crate::rules::Emitter;

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
    out.emit(Diagnostic::new(out.rule(), at.place(), message));
}

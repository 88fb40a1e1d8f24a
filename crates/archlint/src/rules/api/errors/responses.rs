//! Readings of an operation's error responses shared by the error rules.

use crate::base::Emitter;
use crate::openapi::Operation;
use crate::rules::ApiContext;

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

/// Whether the operation takes input — parameters, a body or credentials:
/// without any (`GET /version`), neither the client nor the data can make
/// it fail in a way worth documenting.
pub(crate) fn takes_input(context: &ApiContext<'_>, operation: &Operation<'_>) -> bool {
    let input = !operation.parameters.is_empty()
        || operation
            .request_body
            .as_ref()
            .is_some_and(|body| !body.content.is_empty());
    let secured = operation
        .effective_security(&context.api)
        .is_some_and(|requirements| !requirements.is_empty());
    input || secured
}

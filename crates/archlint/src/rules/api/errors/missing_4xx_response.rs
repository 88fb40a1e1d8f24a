use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that documents no client-error response: no `4xx`
    /// status and no `4XX` range. An operation a client cannot call wrongly —
    /// no parameter, no body, no credentials (`GET /health`) — is left out.
    ///
    /// ## Why is this bad?
    /// Every operation can fail because of its caller — bad input, missing
    /// credentials, a resource that does not exist. When the description is
    /// silent, client authors cannot know the error shape or which failures to
    /// handle, and generated clients treat every error as unexpected. A `default`
    /// response alone does not tell a client which failures are its own fault.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewUser'}
    ///       responses:
    ///         '201': {description: created}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewUser'}
    ///       responses:
    ///         '201': {description: created}
    ///         '400': {$ref: '#/components/responses/BadRequest'}
    ///         '422': {$ref: '#/components/responses/ValidationFailed'}
    /// ```
    ///
    /// ## How to fix
    /// Document the client errors the operation returns (at least 400 for
    /// invalid input, 401/403 when secured, 404 for item paths), ideally with a
    /// shared `application/problem+json` error schema.
    ///
    /// Severity: `warning` — the API works, but its clients cannot be written
    /// correctly from the description.
    pub struct Missing4xxResponse {
        id: "ERR001",
        name: "missing-4xx-response",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "An operation documents no 4xx (client error) response.",
        fix: "Document the client errors this operation returns (400, 401/403, 404, 422 ...) with an error schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        // With no parameter, no body and no credentials, there is nothing a
        // client can get wrong.
        if super::has_client_error(operation) || !super::takes_input(context, operation) {
            continue;
        }
        let only_default = operation
            .responses
            .iter()
            .any(|response| response.status == "default");
        let message = if only_default {
            format!(
                "`{}` documents no 4xx response, only `default`",
                operation.label()
            )
        } else {
            format!("`{}` documents no 4xx response", operation.label())
        };
        super::report_at_responses(out, operation, message);
    }
}

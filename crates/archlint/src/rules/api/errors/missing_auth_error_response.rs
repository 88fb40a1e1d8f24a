use crate::base::Emitter;
use crate::openapi::Operation;
use crate::rules::api::auth::scopes;
use crate::rules::api::documents_status;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a secured operation that documents no `401` response, and one
    /// that requires OAuth scopes but documents no `403`. Operations with no 4xx
    /// at all are left to `missing-4xx-response`; operations that also accept
    /// anonymous calls (an empty requirement `{}`) are not secured.
    ///
    /// ## Why is this bad?
    /// Expired and missing credentials are routine: clients must recognise 401
    /// to refresh a token or sign the user in again, and 403 to explain that the
    /// user lacks a permission — instead of treating both as generic failures.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:read]}]
    ///       responses:
    ///         '200': {description: the orders}
    ///         '400': {description: invalid filter}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:read]}]
    ///       responses:
    ///         '200': {description: the orders}
    ///         '400': {description: invalid filter}
    ///         '401': {description: missing or expired token}
    ///         '403': {description: the token lacks the orders:read scope}
    /// ```
    ///
    /// ## How to fix
    /// Document 401 on every secured operation, and 403 where scopes apply.
    ///
    /// Severity: `warning`.
    pub struct MissingAuthErrorResponse {
        id: "ERR004",
        name: "missing-auth-error-response",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "A secured operation documents no 401 (or, with scopes, no 403).",
        fix: "Document 401 on secured operations and 403 where scopes apply.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        if !is_secured(context, operation) || !super::has_client_error(operation) {
            continue;
        }
        let missing_401 = !documents_status(operation, &["401"]);
        let missing_403 =
            !scopes(context, operation).is_empty() && !documents_status(operation, &["403"]);
        let missing = match (missing_401, missing_403) {
            (true, true) => "no 401 or 403 response",
            (true, false) => "no 401 response",
            (false, true) => "no 403 response although it requires scopes",
            (false, false) => continue,
        };
        let message = format!(
            "secured operation `{}` documents {missing}",
            operation.label()
        );
        super::report_at_responses(out, operation, message);
    }
}

/// Secured: it has requirements, and none of them is the anonymous `{}`.
fn is_secured(context: &ApiContext<'_>, operation: &Operation<'_>) -> bool {
    operation
        .effective_security(&context.api)
        .is_some_and(|requirements| {
            !requirements.is_empty()
                && requirements
                    .iter()
                    .all(|requirement| !requirement.schemes.is_empty())
        })
}

use crate::base::{Emitter, Severity};
use crate::openapi::Operation;
use crate::rules::api::auth::scopes;
use crate::rules::api::documents_status;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a secured operation that documents no `401` response; and, in
    /// one finding for the API, the operations that require OAuth scopes but
    /// document no `403`. Operations with no 4xx at all are left to
    /// `missing-4xx-response`; operations that also accept anonymous calls (an
    /// empty requirement `{}`) are not secured.
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
    /// Severity: `warning` for a missing 401; `info` for the 403s, since
    /// whether a missing scope is refused with 403 or 404 is the API's choice.
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
    let mut without_403 = Vec::new();
    let mut scoped = 0;
    for operation in &context.api.operations {
        if !is_secured(context, operation) || !super::has_client_error(operation) {
            continue;
        }
        if !documents_status(operation, &["401"]) {
            let message = format!(
                "secured operation `{}` documents no 401 response",
                operation.label()
            );
            super::report_at_responses(out, operation, message);
        }
        if !scopes(context, operation).is_empty() {
            scoped += 1;
            if !documents_status(operation, &["403"]) {
                without_403.push(operation);
            }
        }
    }
    // Whether scopes are refused with 403 is one decision for the whole API.
    if let Some(first) = without_403.first() {
        let message = match without_403.len() {
            1 => format!(
                "`{}` requires scopes but documents no 403 response",
                first.label()
            ),
            count => format!(
                "{count} of the {scoped} operations that require scopes document no 403 response, such as `{}`",
                first.label()
            ),
        };
        let at = first.responses_at.as_ref().unwrap_or(&first.at);
        out.report(at.place(), message).severity(Severity::Info);
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

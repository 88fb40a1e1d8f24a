use crate::base::Emitter;
use crate::base::Severity;
use crate::openapi::Method;
use crate::rules::api::documents_status;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation on a path with a path parameter (`/users/{id}`,
    /// `/users/{id}/orders`) that documents no `404` (nor `410` or a `4XX`
    /// range). Operations with no 4xx at all are left to `missing-4xx-response`.
    ///
    /// ## Why is this bad?
    /// Whenever a path names a resource by id, the id may not exist. Clients need
    /// to tell "not found" from other failures to show the right message or to
    /// stop retrying.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: the user}
    ///         '401': {description: unauthorized}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: the user}
    ///         '401': {description: unauthorized}
    ///         '404': {description: no user with this id}
    /// ```
    ///
    /// ## How to fix
    /// Document 404 with the API's error schema.
    ///
    /// Severity: `warning`; `info` on a `DELETE`, since deleting what is gone
    /// may well succeed (RFC 9110 makes `DELETE` idempotent: `204` for a
    /// missing row is fine).
    pub struct Missing404Response {
        id: "ERR006",
        name: "missing-404-response",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "An operation on an item path documents no 404 response.",
        fix: "Document 404 with the API's error schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        if !operation.path.contains('{')
            || !super::has_client_error(operation)
            || documents_status(operation, &["404", "410"])
        {
            continue;
        }
        let message = format!(
            "`{}` addresses a resource by id but documents no 404 response",
            operation.label()
        );
        // Deleting what is gone may well succeed (RFC 9110 makes DELETE
        // idempotent): only advice there.
        let severity = match operation.method {
            Method::Delete => Severity::Info,
            _ => Severity::Warning,
        };
        let at = operation.responses_at.as_ref().unwrap_or(&operation.at);
        out.report(at.place(), message).severity(severity);
    }
}

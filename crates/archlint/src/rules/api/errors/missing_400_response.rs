use crate::base::Emitter;
use crate::openapi::Operation;
use crate::rules::api::documents_status;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that takes input — query, header or cookie
    /// parameters, or a request body — but documents neither `400` nor `422`
    /// (nor a `4XX` range). HTTP's own headers (`If-None-Match`, `Accept`,
    /// `Prefer` …) are not input that fails validation, and an item's path id
    /// is covered by `404`. Operations with no 4xx at all are left to
    /// `missing-4xx-response`.
    ///
    /// ## Why is this bad?
    /// Input that fails validation is the most common client error. When its
    /// status and body are undocumented, clients cannot show users what was wrong
    /// and retry logic treats a permanent failure as transient.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {type: object, properties: {email: {type: string}}}}
    ///       responses:
    ///         '201': {description: created}
    ///         '401': {description: unauthorized}
    /// ```
    ///
    /// Use instead: a `400` (or `422` for well-formed but invalid input):
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {type: object, properties: {email: {type: string}}}}
    ///       responses:
    ///         '201': {description: created}
    ///         '400': {description: the body is not a valid user}
    ///         '401': {description: unauthorized}
    /// ```
    ///
    /// ## How to fix
    /// Document 400 (malformed) and/or 422 (invalid) with the API's error schema.
    ///
    /// Severity: `warning`.
    pub struct Missing400Response {
        id: "ERR005",
        name: "missing-400-response",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "An operation with input documents no 400 or 422 response.",
        fix: "Document 400 (and/or 422) with the API's error schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        if !takes_input(operation)
            || !super::has_client_error(operation)
            || documents_status(operation, &["400", "422"])
        {
            continue;
        }
        let message = format!(
            "`{}` takes input but documents no 400 or 422 response for invalid input",
            operation.label()
        );
        super::report_at_responses(out, operation, message);
    }
}

fn takes_input(operation: &Operation<'_>) -> bool {
    let body = operation
        .request_body
        .as_ref()
        .is_some_and(|body| !body.content.is_empty());
    body || operation.parameters.iter().any(|parameter| {
        parameter.location != "path"
            && !PROTOCOL_HEADERS
                .iter()
                .any(|name| parameter.name.eq_ignore_ascii_case(name))
    })
}

/// Headers of HTTP itself: conditional requests and content negotiation
/// (answered with 304, 412 or 406), not input that fails validation.
const PROTOCOL_HEADERS: [&str; 8] = [
    "If-None-Match",
    "If-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "Accept",
    "Accept-Language",
    "Accept-Encoding",
    "Prefer",
];

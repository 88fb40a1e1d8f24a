use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an API in which no operation documents a `429 Too Many Requests`
    /// response. One finding for the document.
    ///
    /// ## Why is this bad?
    /// Every public API is rate limited somewhere (gateway, CDN, the server
    /// itself). When the description does not say so, clients do not handle 429
    /// and retry immediately, turning a limit into an outage; and an API with no
    /// limit at all is open to resource exhaustion (OWASP API4).
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: Order placed.}
    ///         '400': {description: Bad request.}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: Order placed.}
    ///         '400': {description: Bad request.}
    ///         '429':
    ///           description: Too many requests.
    ///           headers:
    ///             Retry-After: {schema: {type: integer, minimum: 0}}
    /// ```
    ///
    /// ## How to fix
    /// Document 429 (with `Retry-After`) on the operations that are limited,
    /// ideally through a shared response component.
    ///
    /// Severity: `info` — many services leave rate limiting to a gateway in
    /// front of them, which the description does not show; the finding asks
    /// to document the limits, or to add them.
    pub struct NoRateLimitResponse {
        id: "RATE001",
        name: "no-rate-limit-response",
        side: Api,
        area: RateLimiting,
        severity: Info,
        summary: "No operation documents a 429 Too Many Requests response.",
        fix: "Document 429 with a Retry-After header on rate-limited operations.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    if api.operations.is_empty() {
        return;
    }
    if !super::documents_rate_limits(api) {
        let message = format!("none of the {} operations documents a 429 response: either the API does not limit request rates (OWASP API4: unrestricted resource consumption), or clients cannot know that it does", api.operations.len());
        out.report(api.root.place_of("paths"), message);
    }
}

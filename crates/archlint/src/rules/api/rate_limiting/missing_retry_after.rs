use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::rules::api::response_headers;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `429 Too Many Requests` response that declares no `Retry-After`
    /// header (a `RateLimit`/`RateLimit-Reset`/`X-RateLimit-Reset` header is
    /// accepted too). A shared response is reported once, where it is defined.
    ///
    /// ## Why is this bad?
    /// A client told "too many requests" without being told when to come back
    /// retries at once, in a loop — making the overload worse — or gives up.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: Order placed.}
    ///         '429': {description: Too many requests.}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: Order placed.}
    ///         '429':
    ///           description: Too many requests.
    ///           headers:
    ///             Retry-After: {schema: {type: integer, minimum: 0}, description: Seconds to wait.}
    /// ```
    ///
    /// ## How to fix
    /// Declare `Retry-After` on 429 responses (and send it).
    ///
    /// Severity: `warning`.
    pub struct MissingRetryAfter {
        id: "RATE002",
        name: "missing-retry-after",
        side: Api,
        area: RateLimiting,
        severity: Warning,
        summary: "A 429 response declares no Retry-After header.",
        fix: "Declare a Retry-After header on the 429 response.",
        check_api: check,
    }
}

const WAIT_HEADERS: [&str; 4] = [
    "retry-after",
    "ratelimit",
    "ratelimit-reset",
    "x-ratelimit-reset",
];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    for operation in &context.api.operations {
        for response in operation.responses.iter().filter(|r| r.status == "429") {
            let says_when = response_headers(response)
                .iter()
                .any(|header| WAIT_HEADERS.contains(&header.to_ascii_lowercase().as_str()));
            if says_when || !seen.insert(response.at.identity()) {
                continue;
            }
            let message = format!(
                "429 response of `{}` does not tell clients when to retry (no `Retry-After` header)",
                operation.label()
            );
            out.report(response.at.place(), message);
        }
    }
}

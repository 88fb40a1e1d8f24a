use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::rules::api::{report_gaps, response_headers};

use super::is_rate_limit_header;

crate::declare_rule! {
    /// ## What it does
    /// Reports successful responses that do not tell clients their quota: no
    /// `RateLimit`/`RateLimit-Policy` (IETF draft), `RateLimit-*` or
    /// `X-RateLimit-*` header, in an API that limits rates — it documents
    /// 429 or declares such headers somewhere (one that shows no sign of it is
    /// reported once by `no-rate-limit-response`). When most success responses lack them, a
    /// single finding (at the first) says so; otherwise each success response
    /// without them (shared ones once) is reported.
    ///
    /// ## Why is this bad?
    /// Clients that can see their remaining quota slow down before they hit 429;
    /// clients that cannot only learn the limit by failing.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: The orders.}
    ///         '429': {description: Too many requests.}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The orders.
    ///           headers:
    ///             RateLimit: {$ref: '#/components/headers/RateLimit'}
    ///             RateLimit-Policy: {$ref: '#/components/headers/RateLimitPolicy'}
    ///         '429': {description: Too many requests.}
    /// components:
    ///   headers:
    ///     RateLimit: {schema: {type: string}, example: '"default";r=50;t=30'}
    ///     RateLimitPolicy: {schema: {type: string}, example: '"default";q=100;w=60'}
    /// ```
    ///
    /// ## How to fix
    /// Declare the rate-limit headers on success responses, through shared
    /// `components/headers`.
    ///
    /// Severity: `info` — useful to clients, not a defect of the API itself.
    pub struct MissingRateLimitHeaders {
        id: "RATE003",
        name: "missing-rate-limit-headers",
        side: Api,
        area: RateLimiting,
        severity: Info,
        summary: "Successful responses do not declare rate-limit headers.",
        fix: "Declare RateLimit / RateLimit-Policy (or X-RateLimit-*) headers on success responses.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    let mut gaps = Vec::new();
    let mut covered = 0;
    for operation in &context.api.operations {
        for response in operation.responses.iter().filter(|r| r.is_success()) {
            if !seen.insert(response.at.identity()) {
                continue;
            }
            if response_headers(response)
                .iter()
                .any(|header| is_rate_limit_header(header))
            {
                covered += 1;
                continue;
            }
            let message = format!(
                "{} response of `{}` declares no rate-limit headers",
                response.status,
                operation.label()
            );
            gaps.push((response.key_at.place(), message));
        }
    }
    // An API that shows no sign of limiting rates is reported once, by
    // `no-rate-limit-response`.
    if covered == 0 && !super::documents_rate_limits(&context.api) {
        return;
    }
    report_gaps(out, gaps, covered, "success responses");
}

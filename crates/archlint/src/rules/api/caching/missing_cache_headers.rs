use crate::base::Emitter;
use crate::openapi::{Operation, Response};
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::rules::api::{has_header, report_gaps};

crate::declare_rule! {
    /// ## What it does
    /// Reports GET responses (`200` with a body) that declare none of `ETag`,
    /// `Last-Modified`, `Cache-Control` or `Expires`. When most GET responses lack
    /// them, a single finding (at the first) says so; otherwise each response
    /// without them (shared ones once) is reported.
    ///
    /// ## Why is this bad?
    /// Without validators (`ETag`, `Last-Modified`) clients re-download
    /// unchanged resources instead of getting a cheap `304 Not Modified`; without
    /// `Cache-Control` intermediaries guess, and may cache private data or
    /// nothing at all.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /products/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The product.
    ///           content: {application/json: {schema: {type: object}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /products/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The product.
    ///           headers:
    ///             ETag: {schema: {type: string}}
    ///             Cache-Control: {schema: {type: string, example: 'max-age=60'}}
    ///           content: {application/json: {schema: {type: object}}}
    /// ```
    ///
    /// ## How to fix
    /// Declare `ETag` (and honour `If-None-Match`) and a `Cache-Control` policy
    /// on cacheable GETs.
    ///
    /// Severity: `info` — caching is an optimisation each API weighs.
    pub struct MissingCacheHeaders {
        id: "CACHE001",
        name: "missing-cache-headers",
        side: Api,
        area: Caching,
        severity: Info,
        summary: "A GET response declares no caching headers (ETag, Last-Modified, Cache-Control).",
        fix: "Declare ETag or Last-Modified (for conditional requests) and Cache-Control on GET responses.",
        check_api: check,
    }
}

const CACHE_HEADERS: [&str; 4] = ["etag", "last-modified", "cache-control", "expires"];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let cacheable: Vec<(&Operation<'_>, &Response<'_>)> = context
        .api
        .operations
        .iter()
        .filter(|operation| operation.method.is_read())
        .flat_map(|operation| {
            operation
                .responses
                .iter()
                .filter(|response| response.status == "200" && !response.content.is_empty())
                .map(move |response| (operation, response))
        })
        .collect();
    let mut seen = HashSet::new();
    let mut gaps = Vec::new();
    let mut covered = 0;
    for (operation, response) in cacheable {
        if !seen.insert(response.at.identity()) {
            continue;
        }
        if has_header(response, &CACHE_HEADERS) {
            covered += 1;
            continue;
        }
        let message = format!(
            "200 response of `{}` declares no caching headers",
            operation.label()
        );
        gaps.push((response.key_at.place(), message));
    }
    report_gaps(out, gaps, covered, "GET responses");
}

use crate::base::words::name_words;
use crate::base::Emitter;
use crate::openapi::paths::is_item_path;
use crate::openapi::{Method, Operation};
use crate::rules::api::documents_status;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::base::Severity;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that documents no success at all (no `1xx`, `2xx`
    /// or `3xx`, no `default`), a `DELETE` with none of `200`, `202` or `204`,
    /// and — as `info` — a `POST` with a body on a collection (a path whose
    /// `GET` lists items, or documents no body) that answers `200` instead of
    /// `201 Created` or `202 Accepted`, unless it is an action (`/query`,
    /// `/check`, `/batch` ...) or says it upserts. Beside a `GET` of one
    /// object (a settings singleton) a `POST` updates, and is not reported.
    ///
    /// ## Why is this bad?
    /// Clients and generators need the success status and its body. A creation
    /// answered with 201 and a `Location` header tells clients where the new
    /// resource lives; 202 tells them the work is queued.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: the orders}
    ///     post:
    ///       requestBody:
    ///         content: {application/json: {schema: {type: object}}}
    ///       responses:
    ///         '200': {description: ok}
    ///         '400': {description: invalid order}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: the orders}
    ///     post:
    ///       requestBody:
    ///         content: {application/json: {schema: {type: object}}}
    ///       responses:
    ///         '201':
    ///           description: created
    ///           headers:
    ///             Location: {description: URL of the new order, schema: {type: string}}
    ///         '400': {description: invalid order}
    /// ```
    ///
    /// ## How to fix
    /// Document the success status the operation really returns: 201/202 for
    /// creation, 204 (or 200 with a body) for deletion.
    ///
    /// Severity: `warning`; `info` for creation answered with 200.
    pub struct MissingSuccessResponse {
        id: "ERR007",
        name: "missing-success-response",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "An operation documents no (or not the expected) success response.",
        fix: "Document the success status: 201/202 for creation, 204 or 200 for deletion.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // A POST creates in a collection when the path's GET lists one; beside
    // a GET of one object (a settings singleton) it updates.
    let readable: HashSet<&str> = context
        .api
        .operations
        .iter()
        .filter(|operation| operation.method == Method::Get && lists(context, operation))
        .map(|operation| operation.path)
        .collect();
    for operation in &context.api.operations {
        let Some((message, severity)) = problem(&readable, operation) else {
            continue;
        };
        let at = operation.responses_at.as_ref().unwrap_or(&operation.at);
        out.report(at.place(), message).severity(severity);
    }
}

/// Last path words of POSTs that compute rather than create: `/query`,
/// `/search`, `/batch`.
const ACTIONS: [&str; 20] = [
    "query",
    "search",
    "batch",
    "bulk",
    "validate",
    "preview",
    "calculate",
    "estimate",
    "export",
    "import",
    "execute",
    "run",
    "test",
    "simulate",
    "check",
    "lookup",
    "resolve",
    "match",
    "count",
    "aggregate",
];

/// An action among the last two literal segments (`/tuples/check`,
/// `/tuples/check/openapi`).
fn is_action(path: &str) -> bool {
    path.rsplit('/')
        .filter(|segment| !segment.is_empty() && !segment.starts_with('{'))
        .take(2)
        .any(|segment| {
            name_words(segment)
                .first()
                .is_some_and(|word| ACTIONS.contains(&word.as_str()))
        })
}

/// Whether the operation says it creates or updates (`upsert`): 200 is
/// right when the row existed.
fn is_upsert(operation: &Operation<'_>) -> bool {
    ["summary", "description", "operationId"]
        .iter()
        .filter_map(|key| operation.at.str(key))
        .any(|text| {
            let lower = text.to_ascii_lowercase();
            lower.contains("upsert") || lower.contains("create or update")
        })
}

/// Properties that wrap a page of items (`{"items": [...]}`; SCIM's `Resources`).
const PAGE_WRAPPERS: [&str; 10] = [
    "items",
    "data",
    "results",
    "records",
    "entries",
    "content",
    "list",
    "values",
    "nodes",
    "resources",
];

/// Whether a GET's success response is a list: bare, wrapped in a page, or
/// in a property named after the collection (`GET /namespaces` →
/// `{"namespaces": [...]}`).
fn lists<'a>(context: &ApiContext<'a>, operation: &Operation<'a>) -> bool {
    let Some(schema) = operation
        .responses
        .iter()
        .filter(|response| response.is_success())
        .flat_map(|response| response.content.iter())
        .find_map(|media| media.schema.as_ref())
        .map(|schema| context.resolve_or_self(schema))
    else {
        // Nothing documented: assume a collection, as before.
        return true;
    };
    let is_array = |schema: &crate::openapi::NodeAt<'_>| schema.str("type") == Some("array");
    let collection = operation
        .path
        .rsplit('/')
        .find(|segment| !segment.is_empty() && !segment.starts_with('{'))
        .unwrap_or_default();
    let wraps = |name: &str| {
        name.eq_ignore_ascii_case(collection)
            || PAGE_WRAPPERS
                .iter()
                .any(|wrapper| name.eq_ignore_ascii_case(wrapper))
    };
    is_array(&schema)
        || schema.get("properties").is_some_and(|properties| {
            properties.entries().any(|(name, property)| {
                wraps(name) && is_array(&context.resolve_or_self(&property))
            })
        })
}

/// `readable`: the paths whose GET lists a collection.
fn problem(readable: &HashSet<&str>, operation: &Operation<'_>) -> Option<(String, Severity)> {
    let label = operation.label();
    let succeeds = operation
        .responses
        .iter()
        .any(|response| response.status == "default" || matches!(response.class(), Some(1..=3)));
    if !succeeds {
        return Some((
            format!("`{label}` documents no success response"),
            Severity::Warning,
        ));
    }
    match operation.method {
        Method::Delete if !documents_status(operation, &["200", "202", "204"]) => Some((
            format!("`{label}` documents none of 200, 202 or 204"),
            Severity::Warning,
        )),
        Method::Post
            if operation.request_body.is_some()
                && !is_item_path(operation.path)
                && !is_action(operation.path)
                && !is_upsert(operation)
                && readable.contains(operation.path)
                && !documents_status(operation, &["201", "202", "204", "303"]) =>
        {
            Some((
                format!("`{label}` creates in a collection but documents neither 201 nor 202"),
                Severity::Info,
            ))
        }
        _ => None,
    }
}

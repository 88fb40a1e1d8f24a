use crate::base::{Emitter, Severity};
use crate::openapi::{Method, Operation};
use crate::rules::ApiContext;
use std::collections::HashMap;

use crate::rules::api::{documents_status, has_header};

crate::declare_rule! {
    /// ## What it does
    /// Reports PUT, PATCH and DELETE operations on a resource whose GET returns
    /// an `ETag`, when they neither accept an `If-Match` header nor document
    /// `412 Precondition Failed` or `428 Precondition Required`.
    ///
    /// ## Why is this bad?
    /// The API already versions the resource, but writers cannot use that
    /// version: two clients that read the same state overwrite each other's
    /// changes without noticing (the lost-update problem).
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /documents/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The document.
    ///           headers:
    ///             ETag: {schema: {type: string}}
    ///     put:
    ///       responses:
    ///         '200': {description: Updated.}
    /// ```
    ///
    /// Use instead: accept `If-Match` on the PUT and document `412`:
    /// ```yaml
    /// paths:
    ///   /documents/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The document.
    ///           headers:
    ///             ETag: {schema: {type: string}}
    ///     put:
    ///       parameters:
    ///         - {name: If-Match, in: header, required: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: Updated.}
    ///         '412': {description: The document changed since it was read.}
    /// ```
    ///
    /// ## How to fix
    /// Accept `If-Match` on writes, answer `412` when the ETag no longer matches
    /// (and `428` when it is required but missing).
    ///
    /// Severity: `warning` for PUT and PATCH (lost updates); `info` for
    /// DELETE.
    pub struct EtagWithoutPrecondition {
        id: "CACHE002",
        name: "etag-without-precondition",
        side: Api,
        area: Caching,
        severity: Warning,
        summary: "A write to a resource with an ETag accepts no If-Match and documents no 412.",
        fix: "Accept an If-Match header on the write and document 412 Precondition Failed.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let operations = &context.api.operations;
    let etagged: HashMap<&str, &Operation<'_>> = operations
        .iter()
        .filter(|operation| operation.method.is_read() && returns_etag(operation))
        .map(|operation| (operation.path, operation))
        .collect();
    for operation in operations {
        if !matches!(
            operation.method,
            Method::Put | Method::Patch | Method::Delete
        ) || guards(operation)
        {
            continue;
        }
        let Some(get) = etagged.get(operation.path) else {
            continue;
        };
        let message = format!(
            "`{}` does not accept `If-Match`, although `{}` returns an ETag: concurrent writers overwrite each other",
            operation.label(),
            get.label()
        );
        let diagnostic = out
            .report(operation.at.place(), message)
            .related(get.at.place(), "the ETag is returned here");
        // A delete loses no concurrent change worth keeping as often as an
        // update does: advice there.
        if operation.method == Method::Delete {
            diagnostic.severity(Severity::Info);
        }
    }
}

fn returns_etag(operation: &Operation<'_>) -> bool {
    operation
        .responses
        .iter()
        .any(|response| response.is_success() && has_header(response, &["etag"]))
}

/// Accepts a precondition header or documents the precondition statuses.
fn guards(operation: &Operation<'_>) -> bool {
    let header = operation.parameters.iter().any(|parameter| {
        parameter.location == "header"
            && ["if-match", "if-unmodified-since"]
                .iter()
                .any(|name| parameter.name.eq_ignore_ascii_case(name))
    });
    header || documents_status(operation, &["412", "428"])
}

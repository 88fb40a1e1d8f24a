use crate::base::Emitter;
use crate::openapi::paths::literal_segments;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::base::words::name_words;

crate::declare_rule! {
    /// ## What it does
    /// Reports path segments that start with a CRUD verb — `/getUsers`,
    /// `/create-order`, `/users/{id}/delete` — that is, segments that repeat what
    /// the HTTP method already says. Action resources that are not CRUD
    /// (`/search`, `/merge`, `/cancel`) are not reported. Each path once.
    ///
    /// ## Why is this bad?
    /// REST identifies resources with nouns and operations with methods.
    /// `/getUsers` cannot be cached as the users collection, invites
    /// `POST /getUsers`, and splits one resource over several URLs.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /getUsers:
    ///     get: {responses: {'200': {description: The users.}}}
    ///   /users/{id}/delete:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     post: {responses: {'204': {description: Deleted.}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get: {responses: {'200': {description: The users.}}}
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     delete: {responses: {'204': {description: Deleted.}}}
    /// ```
    ///
    /// ## How to fix
    /// Name the resource with a noun and use the HTTP method for the action.
    ///
    /// Severity: `warning`.
    pub struct VerbInPath {
        id: "CONV006",
        name: "verb-in-path",
        side: Api,
        area: Conventions,
        severity: Warning,
        summary: "A path segment is a verb (getUsers, create-order) instead of a resource.",
        fix: "Name resources with nouns and let the HTTP method say what happens.",
        check_api: check,
    }
}

/// Verbs that duplicate an HTTP method.
const CRUD_VERBS: [&str; 15] = [
    "get", "fetch", "retrieve", "read", "list", "create", "add", "insert", "update", "modify",
    "edit", "set", "save", "delete", "remove",
];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    for operation in &context.api.operations {
        if !seen.insert(operation.path) {
            continue;
        }
        let Some(segment) =
            literal_segments(operation.path).find(|segment| starts_with_verb(segment))
        else {
            continue;
        };
        let message = format!(
            "path `{}` names an action (`{segment}`) instead of a resource",
            operation.path
        );
        let at = context
            .api
            .path_key(operation.path)
            .unwrap_or_else(|| operation.at.clone());
        out.report(at.place(), message);
    }
}

fn starts_with_verb(segment: &str) -> bool {
    name_words(segment)
        .first()
        .is_some_and(|word| CRUD_VERBS.contains(&word.as_str()))
}

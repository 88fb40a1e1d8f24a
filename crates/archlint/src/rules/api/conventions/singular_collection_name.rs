use crate::base::Emitter;
use crate::openapi::paths::{is_template, path_version};
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::base::words::name_words;

crate::declare_rule! {
    /// ## What it does
    /// Reports a collection segment — one followed by an item parameter, as
    /// `user` in `/user/{id}` — whose name is singular. Uncountable nouns
    /// (`data`, `media`, `news`, `metadata`, `status` …) are accepted. Each
    /// segment name once.
    ///
    /// ## Why is this bad?
    /// `/users` is the collection and `/users/{id}` one of its items: one name,
    /// two levels. Mixing `/user/{id}` with `/orders/{id}` makes clients guess
    /// every URL.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /user/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// ## How to fix
    /// Use the plural noun for collections.
    ///
    /// Severity: `info` — a naming convention.
    pub struct SingularCollectionName {
        id: "CONV007",
        name: "singular-collection-name",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "A collection segment is singular (/user/{id} instead of /users/{id}).",
        fix: "Use plural nouns for collections: /users/{id}.",
        check_api: check,
    }
}

const UNCOUNTABLE: [&str; 16] = [
    "data",
    "metadata",
    "media",
    "news",
    "info",
    "information",
    "status",
    "health",
    "staff",
    "feedback",
    "software",
    "equipment",
    "me",
    "self",
    "config",
    "auth",
];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    for operation in &context.api.operations {
        let segments: Vec<&str> = operation.path.split('/').collect();
        for pair in segments.windows(2) {
            let [collection, item] = pair else {
                continue;
            };
            if !is_template(item) || collection.is_empty() || is_template(collection) {
                continue;
            }
            // `/user/{userId}` names an item of a collection; `/oidc/{provider}`,
            // `/by/external/{id}` or `/check-availability/{kind}` do not.
            if !names_an_item(collection, item) || after_by(&segments, collection) {
                continue;
            }
            if !is_singular(collection) || !seen.insert(*collection) {
                continue;
            }
            let message = format!(
                "collection `{collection}` in `{}` is singular; collections read better plural",
                operation.path
            );
            let at = context
                .api
                .path_key(operation.path)
                .unwrap_or_else(|| operation.at.clone());
            out.report(at.place(), message);
        }
    }
}

/// The parameter is an identifier of the segment's items: `{id}`, `{key}`,
/// `{slug}`, or named after the segment (`/user/{userId}`).
fn names_an_item(collection: &str, item: &str) -> bool {
    let parameter = name_words(item.trim_matches(['{', '}']));
    let segment = name_words(collection);
    let identifier = |word: &String| matches!(word.as_str(), "id" | "key" | "slug" | "uuid");
    matches!(parameter.as_slice(), [only] if identifier(only))
        || (!segment.is_empty() && parameter.starts_with(&segment))
}

/// `/identities/by/external/{id}`: a lookup route, not a collection.
fn after_by(segments: &[&str], collection: &str) -> bool {
    segments
        .iter()
        .position(|segment| *segment == collection)
        .and_then(|at| at.checked_sub(1))
        .and_then(|before| segments.get(before))
        .is_some_and(|before| before.eq_ignore_ascii_case("by"))
}

fn is_singular(segment: &str) -> bool {
    if path_version(segment).is_some() {
        return false;
    }
    let words = name_words(segment);
    let Some(last) = words.last() else {
        return false;
    };
    // `codes_of_conduct`: any plural word makes the segment a collection.
    let plural = words
        .iter()
        .any(|word| word.ends_with('s') || word.ends_with("ren") || word.ends_with("people"));
    last.chars().all(|c| c.is_ascii_alphabetic())
        && !plural
        && !UNCOUNTABLE.contains(&last.as_str())
}

//! Rules over OpenAPI descriptions, a folder per area, and the small readings
//! of an operation that several areas share.

pub mod auth;
pub mod caching;
pub mod conventions;
pub mod documentation;
pub mod errors;
pub mod pagination;
pub mod rate_limiting;
pub mod sensitive_data;
pub mod structure;
pub mod transport;
pub mod validation;
pub mod versioning;

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::diagnostic::{Diagnostic, Place};
use crate::openapi::{ApiContext, NodeAt, Operation, Response, SchemaUse};
use crate::rules::Emitter;

/// Whether the operation documents a response whose status matches `codes`
/// exactly, or a range (`4XX`) that covers one of them.
pub(crate) fn documents_status(operation: &Operation<'_>, codes: &[&str]) -> bool {
    operation.responses.iter().any(|response| {
        codes.contains(&response.status)
            || codes.iter().any(|code| covers_range(response.status, code))
    })
}

/// `4XX` covers `404`.
fn covers_range(status: &str, code: &str) -> bool {
    status.len() == 3 && status.ends_with("XX") && status.get(..1) == code.get(..1)
}

/// The header names a response declares, as written.
pub(crate) fn response_headers<'a>(response: &Response<'a>) -> Vec<&'a str> {
    response
        .at
        .node
        .get("headers")
        .map(|headers| {
            headers
                .members()
                .iter()
                .map(|member| member.key.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the response declares one of `names` (case-insensitive).
pub(crate) fn has_header(response: &Response<'_>, names: &[&str]) -> bool {
    response_headers(response)
        .iter()
        .any(|header| names.iter().any(|name| header.eq_ignore_ascii_case(name)))
}

/// `/users/{id}`: the path ends with a parameter, so it names one item.
pub(crate) fn is_item_path(path: &str) -> bool {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .is_some_and(is_template)
}

/// `{id}` is a path template segment.
pub(crate) fn is_template(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

/// The literal (non-template, non-empty) segments of a path.
pub(crate) fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|segment| !segment.is_empty() && !segment.contains('{'))
}

/// Things found while going through the operations, each kept once with the
/// operations where it was found, in first-seen order. The key is usually the
/// identity of the node the finding is about (shared components are reported
/// once), sometimes a name (`{id}` declared inline on every path).
pub(crate) struct Grouped<K, T> {
    entries: Vec<(T, Vec<usize>)>,
    index_of: HashMap<K, usize>,
}

impl<K: Hash + Eq, T> Grouped<K, T> {
    pub(crate) fn new() -> Self {
        Grouped {
            entries: Vec::new(),
            index_of: HashMap::new(),
        }
    }

    /// Notes that `operation` reaches `key`; `make` builds its entry the first time.
    pub(crate) fn add(&mut self, key: K, operation: usize, make: impl FnOnce() -> T) {
        match self.index_of.get(&key) {
            Some(&index) => {
                if let Some((_, operations)) = self.entries.get_mut(index) {
                    operations.push(operation);
                }
            }
            None => {
                self.index_of.insert(key, self.entries.len());
                self.entries.push((make(), vec![operation]));
            }
        }
    }

    pub(crate) fn into_entries(self) -> Vec<(T, Vec<usize>)> {
        self.entries
    }
}

/// The scopes an operation's effective security asks for, across its
/// requirements.
pub(crate) fn scopes<'a>(
    context: &'a ApiContext<'_>,
    operation: &'a Operation<'_>,
) -> Vec<&'a str> {
    operation
        .effective_security(&context.api)
        .unwrap_or_default()
        .iter()
        .flat_map(|requirement| requirement.schemes.iter())
        .flat_map(|(_, scopes)| scopes.iter().copied())
        .collect()
}

/// Every schema node requests or responses reach, once each.
pub(crate) fn all_schemas<'c, 'a>(context: &'c ApiContext<'a>) -> Vec<&'c SchemaUse<'a>> {
    let mut seen = HashSet::new();
    context
        .request_schemas()
        .iter()
        .chain(context.response_schemas())
        .filter(|schema_use| seen.insert(schema_use.schema.identity()))
        .collect()
}

/// The schema of the first media type of a body, after `$ref` resolution.
pub(crate) fn first_schema<'a>(
    context: &ApiContext<'a>,
    content: &[crate::openapi::MediaType<'a>],
) -> Option<NodeAt<'a>> {
    content
        .iter()
        .find_map(|media| media.schema.as_ref())
        .and_then(|schema| context.resolve(schema))
}

/// Reports the gaps in a practice the API follows only in part (rate-limit
/// headers, caching headers, 5xx responses ...). When the gaps are the majority,
/// the fix is one API-wide decision: a single finding, at the first gap, counts
/// the rest ("... (and 41 more of the 50 operations)"). When only a minority
/// lacks the practice, each gap is reported. `noun` names what was counted.
pub(crate) fn report_gaps(
    out: &mut Emitter,
    gaps: Vec<(Place, String)>,
    covered: usize,
    noun: &str,
) {
    let total = covered + gaps.len();
    if gaps.len() > 1 && gaps.len() > covered {
        if let Some((place, first)) = gaps.first() {
            let message = format!(
                "{first} (and {} more of the {total} {noun})",
                gaps.len() - 1
            );
            out.emit(Diagnostic::new(out.rule(), place.clone(), message));
        }
        return;
    }
    for (place, message) in gaps {
        out.emit(Diagnostic::new(out.rule(), place, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_paths() {
        assert!(is_item_path("/users/{id}"));
        assert!(is_item_path("/users/{id}/"));
        assert!(!is_item_path("/users"));
        assert!(!is_item_path("/users/{id}/orders"));
    }

    #[test]
    fn ranges() {
        assert!(covers_range("4XX", "404"));
        assert!(!covers_range("5XX", "404"));
        assert!(!covers_range("400", "404"));
    }
}

//! Reviewing one OpenAPI description (its root file and what its `$ref`s reach).

use super::sql::Database;
use super::{into_unit, run_rules, Free, Root, Unit};
use crate::config::Config;
use crate::consistency::{self, ConsistencyContext};
use crate::diagnostic::Diagnostic;
use crate::loader::Loader;
use crate::openapi::{Api, ApiContext, Documents, IgnoreMarker};
use crate::parallel::{drop_later, join};
use crate::rules::{Side, SUPERSEDED};
use crate::tree::Node;

pub(super) fn review_api(
    root: &Root,
    loader: &dyn Loader,
    config: &Config,
    database: Option<&Database>,
    free: Free,
) -> Option<Unit> {
    let documents = Documents::load(&root.path, loader);
    if !root.named && !looks_like_openapi(documents.tree(documents.root)) {
        return None;
    }
    let mut diagnostics = documents.diagnostics.clone();
    let mut mapping = None;
    if let Some(api) = Api::build(&documents, &mut diagnostics) {
        let context = ApiContext::new(&documents, api, config);
        // Linking to the schema does not wait for the API rules.
        let (found, links) = join(
            || {
                run_rules(config, Side::Api, |rule, emitter| {
                    rule.check_api(&context, emitter)
                })
            },
            || database.map(|database| consistency::link(&context, &database.schema, config)),
        );
        diagnostics.extend(found);
        if let (Some(database), Some(links)) = (database, links) {
            let both = ConsistencyContext {
                api: &context,
                schema: &database.schema,
                db_sources: &database.sources,
                links: &links,
                config,
            };
            diagnostics.extend(run_rules(config, Side::Both, |rule, emitter| {
                rule.check_both(&both, emitter)
            }));
            mapping = Some(consistency::mapping(&links, &context, &database.schema));
        }
    }
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &documents.ignores));
    drop_superseded(&mut diagnostics);
    let mut unit = into_unit(diagnostics, &documents.sources, config);
    unit.mapping = mapping;
    if free == Free::Later {
        drop_later(documents);
    }
    Some(unit)
}

/// Drops a finding that a more certain one says again at the same place: the
/// schema confirms what a name only suggested (see [`SUPERSEDED`]).
fn drop_superseded(diagnostics: &mut Vec<Diagnostic>) {
    let stronger: Vec<(&'static str, crate::source::FileId, u32)> = diagnostics
        .iter()
        .filter(|diagnostic| SUPERSEDED.iter().any(|(by, _)| *by == diagnostic.rule.id))
        .map(|diagnostic| {
            (
                diagnostic.rule.id,
                diagnostic.place.file,
                diagnostic.place.span.start,
            )
        })
        .collect();
    if stronger.is_empty() {
        return;
    }
    diagnostics.retain(|diagnostic| {
        !stronger.iter().any(|(rule, file, start)| {
            *file == diagnostic.place.file
                && *start == diagnostic.place.span.start
                && SUPERSEDED.contains(&(*rule, diagnostic.rule.id))
        })
    });
}

/// A file found in a folder is a description when it says which spec it follows.
fn looks_like_openapi(root: Option<&Node>) -> bool {
    root.is_some_and(|node| node.get("openapi").is_some() || node.get("swagger").is_some())
}

/// `x-archlint-ignore: [rule, ...]` on a node silences those rules in its subtree.
fn is_suppressed(diagnostic: &Diagnostic, ignores: &[IgnoreMarker]) -> bool {
    let Some(pointer) = &diagnostic.place.pointer else {
        return false;
    };
    ignores.iter().any(|marker| {
        marker.file == diagnostic.place.file
            && is_pointer_prefix(&marker.pointer, pointer)
            && marker
                .rules
                .iter()
                .any(|rule| diagnostic.rule.is(rule) || rule == "all")
    })
}

fn is_pointer_prefix(prefix: &str, pointer: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_prefixes_respect_segments() {
        assert!(is_pointer_prefix("/paths/~1a", "/paths/~1a/get"));
        assert!(is_pointer_prefix("", "/paths"));
        assert!(!is_pointer_prefix("/paths/~1a", "/paths/~1ab"));
    }
}

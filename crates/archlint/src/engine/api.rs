//! Reviewing one OpenAPI description (its root file and what its `$ref`s reach).

use super::{into_unit, par_map, Root, Unit};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::loader::Loader;
use crate::openapi::{Api, ApiContext, Documents, IgnoreMarker};
use crate::rules::{Emitter, Side, RULES};
use crate::tree::Node;

pub(super) fn review_api(root: &Root, loader: &dyn Loader, config: &Config) -> Option<Unit> {
    let documents = Documents::load(&root.path, loader);
    if !root.named && !looks_like_openapi(documents.tree(documents.root)) {
        return None;
    }
    let mut diagnostics = documents.diagnostics.clone();
    if let Some(api) = Api::build(&documents, &mut diagnostics) {
        let context = ApiContext::new(&documents, api, config);
        let rules: Vec<_> = RULES
            .iter()
            .filter(|rule| rule.meta().side == Side::Api && config.is_enabled(rule.meta()))
            .collect();
        for found in par_map(&rules, |rule| {
            let mut emitter = Emitter::new(rule.meta());
            rule.check_api(&context, &mut emitter);
            emitter.diagnostics
        }) {
            diagnostics.extend(found);
        }
    }
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &documents.ignores));
    Some(into_unit(diagnostics, &documents.sources, config))
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

//! Reviewing a change to a GraphQL schema (`archlint diff`): each version's
//! files read as one schema, NEW's numbered above OLD's so that one source
//! map locates both, and the compatibility rules run over the differences.

use std::sync::Arc;

use super::graphql::read_into;
use super::inputs::Root;
use super::run::{into_unit, run_rules, Unit};
use super::{ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::source::{FileId, SourceMap, Span};
use crate::base::{Diagnostic, Place, Side};
use crate::graphql::{read_schema, Graphql, GraphqlProblemKind};
use crate::report::Units;
use crate::rules::structure::graphql_finding;
use crate::rules::GraphqlChangeContext;

/// One version's GraphQL files, and the loader that reads them.
pub(super) type Version<'v> = (&'v [Root], &'v dyn Loader);

/// What NEW's schema breaks for clients of OLD's.
pub(super) fn diff_graphql(
    old: Version<'_>,
    new: Version<'_>,
    request: &ReviewRequest,
) -> Result<Unit, ReviewError> {
    // What is wrong in OLD is not this change's doing: its problems are left out.
    let (old_sources, old_unread, _) = read_into(old.0, old.1, request, SourceMap::default())?;
    let old_schema = schema_of(&old_sources, &old_unread);
    let old_files: Vec<String> = old_sources
        .iter()
        .map(|(_, file)| file.name.clone())
        .collect();
    let above_old = SourceMap::on_top_of(Arc::new(old_sources));
    let (new_sources, new_unread, problems) = read_into(new.0, new.1, request, above_old)?;
    let new_schema = schema_of(&new_sources, &new_unread);
    // A file of NEW that cannot be read would show as everything in it
    // removed: its syntax errors say why.
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .filter(|problem| problem.kind == GraphqlProblemKind::Syntax)
        .map(graphql_finding)
        .collect();
    let context = GraphqlChangeContext::new(&old_schema, &new_schema, &request.config);
    let first = new_schema.first_file.unwrap_or(FileId(0));
    let at = Place::object(first, Span::new(0, 0), None);
    diagnostics.extend(run_rules(request, Side::Change, &at, |rule, emitter| {
        rule.check_graphql_change(&context, emitter)
    }));
    let mut unit = into_unit(diagnostics, &new_sources, request);
    unit.files = old_files.into_iter().chain(unit.files).collect();
    unit.units = Units {
        types: old_schema.types.len().max(new_schema.types.len()),
        ..Units::default()
    };
    Ok(unit)
}

/// The schema the readable files of a map make (syntax errors in them are
/// read past, as in a review).
fn schema_of(sources: &SourceMap, unread: &[FileId]) -> Graphql {
    let texts = sources
        .iter()
        .filter(|(id, _)| !unread.contains(id))
        .map(|(id, file)| (id, file.text.as_str()));
    let (schema, _, _) = read_schema(texts);
    schema
}

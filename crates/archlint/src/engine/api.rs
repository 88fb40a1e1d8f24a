//! Reviewing one OpenAPI description (its root file and what its `$ref`s reach),
//! alone or against the schema the run's SQL builds.

use super::inputs::Root;
use super::run::{into_unit, names_rule, run_rules, Unit};
use super::sql::Database;
use super::ReviewRequest;
use crate::base::limits::Limits;
use crate::base::loader::Loader;
use crate::base::parallel::{drop_later, join};
use crate::base::source::SourceMap;
use crate::base::source::Span;
use crate::base::Place;
use crate::base::{Diagnostic, Side};
use crate::link::{self, Mapping};
use crate::openapi::{Api, Documents, IgnoreMarker, OpenApiProblem, OpenApiProblemKind};
use crate::report::Units;
use crate::rules::structure::openapi_finding;
use crate::rules::{ApiContext, ConsistencyContext, SUPERSEDED};
use crate::spectral::LoadedRuleset;
use crate::tree::Node;

/// When a reviewed description's tree is freed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Free {
    Now,
    /// Off the caller's path (see [`crate::base::parallel::drop_later`]).
    Later,
}

pub(super) fn review_api(
    root: &Root,
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: Option<&Database>,
    rulesets: Option<&LoadedRuleset>,
    free: Free,
) -> Option<Unit> {
    let mut documents = load_any(root, loader, database, request.config.limits);
    if !is_description(root, &documents) || is_unparsed_template(&documents) {
        return Some(not_reviewed(&documents, request, root.named));
    }
    let config = &request.config;
    let mut problems = std::mem::take(&mut documents.problems);
    let api = Api::build(&documents, &mut problems);
    let mut diagnostics: Vec<Diagnostic> = problems.into_iter().map(openapi_finding).collect();
    let mut mapping = None;
    let mut units = Units::default();
    if let Some(api) = api {
        units.operations = api.operations.len();
        units.schemas = api
            .root
            .get("components")
            .and_then(|components| components.get("schemas"))
            .map_or(0, |schemas| schemas.entries().count());
        let context = ApiContext::new(&documents, api, config);
        let at = Place::pointer(documents.root, Span::new(0, 0), None);
        // Linking to the schema does not wait for the API rules.
        let (found, links) = join(
            || {
                run_rules(request, Side::Api, &at, |rule, emitter| {
                    rule.check_api(&context, emitter)
                })
            },
            || {
                database.map(|database| {
                    link::link(
                        &documents,
                        &context.api,
                        &database.schema,
                        &config.consistency,
                    )
                })
            },
        );
        diagnostics.extend(found);
        if let (Some(database), Some(links)) = (database, links) {
            let both = ConsistencyContext::new(&context, &database.schema, &links, config);
            diagnostics.extend(run_rules(request, Side::Both, &at, |rule, emitter| {
                rule.check_both(&both, emitter)
            }));
            mapping = Some(link::mapping(
                &links,
                &documents,
                &context.api,
                &database.schema,
            ));
        }
    }
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &documents.ignores));
    drop_superseded(&mut diagnostics);
    documents.restore_pointers(&mut diagnostics);
    units.links = mapping.as_ref().map_or(0, |mapping: &Mapping| {
        mapping.schemas.len() + mapping.parameters.len()
    });
    let mut unit = into_unit(diagnostics, &documents.sources, request);
    if let Some(rulesets) = rulesets {
        super::rulesets::review(rulesets, &documents, request, &mut unit);
    }
    unit.mapping = mapping;
    unit.units = units;
    if free == Free::Later {
        drop_later(documents);
    }
    Some(unit)
}

/// How one description maps onto the schema, with no rule run.
pub(super) fn map_api(
    root: &Root,
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: &Database,
) -> Option<Mapping> {
    let documents = load(root, loader, Some(database), request.config.limits)?;
    let api = Api::build(&documents, &mut Vec::new())?;
    let links = link::link(
        &documents,
        &api,
        &database.schema,
        &request.config.consistency,
    );
    Some(link::mapping(&links, &documents, &api, &database.schema))
}

/// Loads a description, its files numbered after the run's SQL files; `None`
/// for a file met in a folder that is not a description.
pub(super) fn load(
    root: &Root,
    loader: &dyn Loader,
    database: Option<&Database>,
    limits: Limits,
) -> Option<Documents> {
    let documents = load_any(root, loader, database, limits);
    is_description(root, &documents).then_some(documents)
}

fn load_any(
    root: &Root,
    loader: &dyn Loader,
    database: Option<&Database>,
    limits: Limits,
) -> Documents {
    let sources = match database {
        Some(database) => SourceMap::on_top_of(database.sources.clone()),
        None => SourceMap::default(),
    };
    Documents::load_within(&root.path, loader, sources, limits)
}

/// Named by the user, or met in a folder with an `openapi` or `swagger` field.
fn is_description(root: &Root, documents: &Documents) -> bool {
    root.named || looks_like_openapi(documents.tree(documents.root))
}

fn root_text(documents: &Documents) -> &str {
    documents
        .sources
        .get(documents.root)
        .map_or("", |file| file.text.as_str())
}

/// A template (`{{ .Values.x }}`) that does not parse: one finding for the
/// file ("render it first"), not a syntax error at its first placeholder.
fn is_unparsed_template(documents: &Documents) -> bool {
    documents.tree(documents.root).is_none() && root_text(documents).contains("{{")
}

/// A file that is not a description: one finding that says why it was left
/// out — an `error` for a file the user named, `info` for one met in a
/// folder (which the engine drops when a description references the file).
fn not_reviewed(documents: &Documents, request: &ReviewRequest, named: bool) -> Unit {
    let text = root_text(documents);
    let parse_problem = documents
        .problems
        .iter()
        .find(|problem| problem.kind == OpenApiProblemKind::Parse);
    let why = match (documents.tree(documents.root), parse_problem) {
        _ if text.contains("{{") => {
            "a template (`{{ … }}` placeholders): render it, and review the result".to_owned()
        }
        (None, Some(problem)) => format!("not valid YAML or JSON ({})", problem.message),
        (None, None) => "not valid YAML or JSON".to_owned(),
        (Some(_), _) => {
            "no `openapi` or `swagger` field: not an OpenAPI or Swagger description".to_owned()
        }
    };
    let place = Place::pointer(documents.root, Span::new(0, 0), None);
    let kind = if named {
        OpenApiProblemKind::UnsupportedDocument
    } else {
        OpenApiProblemKind::NotReviewed
    };
    let problem = OpenApiProblem::new(kind, place, format!("not reviewed: {why}"));
    let mut unit = into_unit(vec![openapi_finding(problem)], &documents.sources, request);
    unit.skipped = !named;
    unit
}

/// Drops a finding that a more certain one says again at the same place: the
/// schema confirms what a name only suggested (see [`SUPERSEDED`]).
fn drop_superseded(diagnostics: &mut Vec<Diagnostic>) {
    let stronger: Vec<(&'static str, crate::base::source::FileId, u32)> = diagnostics
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
    is_ignored_at(&diagnostic.place, ignores, |rules| {
        names_rule(rules, diagnostic)
    })
}

/// Whether a marker over `place` (its node or one above, in its file) names
/// the rule, as `names` reads a marker's list.
pub(super) fn is_ignored_at(
    place: &Place,
    ignores: &[IgnoreMarker],
    names: impl Fn(&[String]) -> bool,
) -> bool {
    let Some(pointer) = &place.pointer else {
        return false;
    };
    ignores.iter().any(|marker| {
        marker.file == place.file
            && crate::tree::pointer::is_prefix(&marker.pointer, pointer)
            && names(&marker.rules)
    })
}

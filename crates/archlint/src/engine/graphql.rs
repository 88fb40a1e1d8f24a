//! Reviewing the GraphQL side: every GraphQL file of the run, read together
//! as one schema (a schema split over files, with `extend type`), reviewed by
//! the GraphQL rules, against the database when the run has SQL.

use super::inputs::Root;
use super::run::{into_unit, names_rule, run_rules, Unit};
use super::sql::Database;
use super::{ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::source::{FileId, SourceFile, SourceMap, Span};
use crate::base::{Diagnostic, Place, Side};
use crate::graphql::{
    self, FileContents, Graphql, GraphqlIgnore, GraphqlProblem, GraphqlProblemKind,
};
use crate::link::{graphql_mapping, link_graphql, Mapping};
use crate::report::Units;
use crate::rules::structure::graphql_finding;
use crate::rules::GraphqlContext;

/// Reads the files as one schema and runs the GraphQL rules over it.
pub(super) fn review_graphql(
    files: &[Root],
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: Option<&Database>,
) -> Result<Unit, ReviewError> {
    let Parsed {
        sources,
        schema,
        contents,
        mut problems,
    } = parse(files, loader, request, database)?;
    problems.extend(not_schemas(files, &contents, &sources));
    let mut diagnostics: Vec<Diagnostic> = problems.into_iter().map(graphql_finding).collect();
    let mut context = GraphqlContext::new(&schema, &request.config);
    if let Some(database) = database {
        context = context.with_database(&database.schema);
    }
    let first = schema.first_file.unwrap_or(FileId(0));
    let at = Place::object(first, Span::new(0, 0), None);
    diagnostics.extend(run_rules(request, Side::Graphql, &at, |rule, emitter| {
        rule.check_graphql(&context, emitter)
    }));
    let ignores: Vec<GraphqlIgnore> = sources
        .iter()
        .flat_map(|(id, file)| graphql::ignores(id, &file.text))
        .collect();
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &ignores, &sources));
    let mut unit = into_unit(diagnostics, &sources, request);
    unit.units = Units {
        types: schema.types.len(),
        ..Units::default()
    };
    if let (Some(database), Some(linked)) = (database, &context.database) {
        unit.mapping = Some(graphql_mapping(
            &linked.links,
            &schema,
            &database.schema,
            &sources,
        ));
    }
    Ok(unit)
}

/// How the GraphQL schema maps onto the database, with no rule run
/// (`archlint map`).
pub(super) fn map_graphql(
    files: &[Root],
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: &Database,
) -> Result<Mapping, ReviewError> {
    let Parsed {
        sources, schema, ..
    } = parse(files, loader, request, Some(database))?;
    let links = link_graphql(&schema, &database.schema, &request.config.consistency);
    Ok(graphql_mapping(&links, &schema, &database.schema, &sources))
}

/// The files of a run read as one schema.
struct Parsed {
    sources: SourceMap,
    schema: Graphql,
    contents: Vec<(FileId, FileContents)>,
    problems: Vec<GraphqlProblem>,
}

fn parse(
    files: &[Root],
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: Option<&Database>,
) -> Result<Parsed, ReviewError> {
    let (sources, unread, mut problems) = read_all(files, loader, request, database)?;
    let texts = sources
        .iter()
        .filter(|(id, _)| !unread.contains(id))
        .map(|(id, file)| (id, file.text.as_str()));
    let (schema, contents, mut found) = graphql::read_schema(texts);
    problems.append(&mut found);
    Ok(Parsed {
        sources,
        schema,
        contents,
        problems,
    })
}

/// Reads every file; one too large is registered empty, one not UTF-8 is
/// reported and not parsed (both are returned as unread).
pub(super) type Read = (SourceMap, Vec<FileId>, Vec<GraphqlProblem>);

fn read_all(
    files: &[Root],
    loader: &dyn Loader,
    request: &ReviewRequest,
    database: Option<&Database>,
) -> Result<Read, ReviewError> {
    // Numbered after the SQL files, so a finding can name a column's place.
    let sources = match database {
        Some(database) => SourceMap::on_top_of(database.sources.clone()),
        None => SourceMap::default(),
    };
    read_into(files, loader, request, sources)
}

/// Reads every file into `sources` (numbered after what it holds: `diff`
/// reads NEW's files above OLD's).
pub(super) fn read_into(
    files: &[Root],
    loader: &dyn Loader,
    request: &ReviewRequest,
    mut sources: SourceMap,
) -> Result<Read, ReviewError> {
    let mut unread_files = Vec::new();
    let mut problems = Vec::new();
    let limits = request.config.limits;
    for root in files {
        let bytes = loader
            .read(&root.path)
            .map_err(|message| ReviewError::Input(format!("cannot read {message}")))?;
        let unread = |id, message: String| {
            GraphqlProblem::new(
                GraphqlProblemKind::Syntax,
                Place::object(id, Span::new(0, 0), None),
                message,
            )
        };
        if bytes.len() > limits.file_bytes() {
            let id = sources.add(SourceFile::new(root.path.clone(), String::new()));
            unread_files.push(id);
            problems.push(unread(
                id,
                format!(
                    "file is {} MB, larger than the {} MB archlint reads (raise `[limits] file_mb` to read it)",
                    bytes.len() / (1024 * 1024),
                    limits.file_mb
                ),
            ));
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                sources.add(SourceFile::new(root.path.clone(), text));
            }
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                let id = sources.add(SourceFile::new(root.path.clone(), text));
                unread_files.push(id);
                problems.push(GraphqlProblem::new(
                    GraphqlProblemKind::Syntax,
                    Place::object(id, Span::new(valid, valid + 1), None),
                    format!(
                        "file is not valid UTF-8 (invalid byte at offset {valid}); it is not read"
                    ),
                ));
            }
        }
    }
    Ok((sources, unread_files, problems))
}

/// Files with no type definition: a client's operations, or nothing. An
/// `error` for a file the user named, `info` for one met in a folder.
fn not_schemas(
    files: &[Root],
    contents: &[(FileId, FileContents)],
    sources: &SourceMap,
) -> Vec<GraphqlProblem> {
    contents
        .iter()
        .filter(|(_, held)| held.type_system == 0)
        .map(|(id, held)| {
            let name = sources.name(*id);
            let named = files.iter().any(|root| root.path == name && root.named);
            let why = if held.executable > 0 {
                "it holds operations (queries, fragments), not a schema: review the schema they run against"
            } else {
                "it holds no type definition"
            };
            let kind = if named {
                GraphqlProblemKind::NotASchema
            } else {
                GraphqlProblemKind::NotReviewed
            };
            GraphqlProblem::new(
                kind,
                Place::object(*id, Span::new(0, 0), None),
                format!("not reviewed: {why}"),
            )
        })
        .collect()
}

/// `# archlint-ignore: rule` on the finding's line or the line before it.
fn is_suppressed(diagnostic: &Diagnostic, ignores: &[GraphqlIgnore], sources: &SourceMap) -> bool {
    let Some(file) = sources.get(diagnostic.place.file) else {
        return false;
    };
    let line = file.line_col(diagnostic.place.span.start).line;
    ignores.iter().any(|ignore| {
        ignore.covers(diagnostic.place.file, line) && names_rule(&ignore.rules, diagnostic)
    })
}

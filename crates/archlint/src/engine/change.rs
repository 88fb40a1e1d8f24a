//! Reviewing a change (`archlint diff`): both versions are loaded (each
//! description of OLD paired with NEW's of the same name; the GraphQL files
//! of each version as one schema, `graphql_change.rs`), and the
//! compatibility rules report what NEW breaks for clients of OLD. NEW's
//! files are numbered after OLD's, so a finding in NEW can name its OLD
//! counterpart as a related place.

use std::sync::Arc;

use super::api::load;
use super::graphql_change::diff_graphql;
use super::inputs::{discover, Root};
use super::run::{into_unit, run_rules, Unit};
use super::sql::{load_database, Database};
use super::{add_unit, ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::parallel::join;
use crate::base::source::{SourceMap, Span};
use crate::base::Place;
use crate::base::{Area, Diagnostic, Side};
use crate::link::link;
use crate::openapi::{Api, Documents};
use crate::report::{Baseline, Report, Units};
use crate::rules::structure::openapi_finding;
use crate::rules::{check_config, ApiContext, ChangeContext, DatabaseChange, RULES};

/// What changed from `old` to `new`, as findings of the compatibility area.
/// Settings are `new`'s.
pub fn diff(
    old: &ReviewRequest,
    new: &ReviewRequest,
    loader: &dyn Loader,
) -> Result<Report, ReviewError> {
    check_config(&new.config)?;
    let old_loader = old.loader(loader);
    let new_loader = new.loader(loader);
    let old_inputs = discover(old.paths(), &old_loader, &old.config)?;
    let new_inputs = discover(new.paths(), &new_loader, &new.config)?;
    let both_sql = !old_inputs.sql_files.is_empty() && !new_inputs.sql_files.is_empty();
    // Each version's API is linked to its own database: NEW's files, SQL
    // first, are numbered from NEW_FILES on.
    let databases = if both_sql {
        let (old_database, new_database) = join(
            || load_database(&old_inputs.sql_files, &old_loader, old.config.dialect, 0),
            || {
                load_database(
                    &new_inputs.sql_files,
                    &new_loader,
                    new.config.dialect,
                    NEW_FILES,
                )
            },
        );
        Some((old_database?, new_database?))
    } else {
        None
    };
    let mut report = Report::default();
    for (old_root, new_root) in pair_roots(
        &old_inputs.api_roots,
        old.paths(),
        &new_inputs.api_roots,
        new.paths(),
    ) {
        let versions = Versions {
            old: (old_root, &old_loader),
            new: (new_root, &new_loader),
            databases: databases.as_ref().map(|(old, new)| (old, new)),
        };
        if let Some(unit) = diff_api(&versions, new) {
            add_unit(&mut report, unit);
        }
    }
    if !old_inputs.graphql_files.is_empty() && !new_inputs.graphql_files.is_empty() {
        let unit = diff_graphql(
            (&old_inputs.graphql_files, &old_loader),
            (&new_inputs.graphql_files, &new_loader),
            new,
        )?;
        add_unit(&mut report, unit);
    }
    let mut areas = vec![Area::Compatibility];
    if both_sql {
        areas.extend([Area::Consistency, Area::Migrations]);
        let introduced = introduced_by_database_change(
            old,
            new,
            loader,
            &old_inputs.sql_files,
            &new_inputs.sql_files,
        )?;
        report.findings.extend(introduced.findings);
        for file in introduced.summary.files {
            if !report.summary.files.contains(&file) {
                report.summary.files.push(file);
            }
        }
        report.lines.extend(introduced.lines);
    }
    let config = &new.config;
    report.summary.rules = RULES
        .iter()
        .filter(|rule| rule.meta().side == Side::Change && config.is_enabled(rule.meta()))
        .count();
    report.finish();
    report.summary.scores =
        crate::report::score(&report.findings, &areas, report.summary.scores.units);
    Ok(report)
}

/// With SQL on both sides: the consistency findings between the API and its
/// database that NEW has and OLD did not (a column narrowed below what the
/// API accepts, `NOT NULL` added under an optional property, a column dropped
/// that a property still reads), and the migration findings of the files the
/// change adds. Findings are matched without their file, whose name differs
/// between versions.
fn introduced_by_database_change(
    old: &ReviewRequest,
    new: &ReviewRequest,
    loader: &dyn Loader,
    old_sql: &[String],
    new_sql: &[String],
) -> Result<Report, ReviewError> {
    let before = super::review(old, loader)?;
    let mut after = super::review(new, loader)?;
    let known = Baseline::from_findings(
        before
            .findings
            .iter()
            .filter(|finding| finding.area == Area::Consistency),
        |_| String::new(),
    );
    let old_names: Vec<&str> = old_sql.iter().map(|file| base_name(file)).collect();
    let added: Vec<&String> = new_sql
        .iter()
        .filter(|file| !old_names.contains(&base_name(file)))
        .collect();
    after.findings.retain(|finding| match finding.area {
        Area::Consistency => true,
        Area::Migrations => added.iter().any(|file| **file == finding.location.file),
        _ => false,
    });
    let mut consistency: Vec<_> = after
        .findings
        .iter()
        .filter(|finding| finding.area == Area::Consistency)
        .cloned()
        .map(|mut finding| {
            finding.location.file.clear();
            finding
        })
        .collect();
    known.filter(&mut consistency);
    let introduced: Vec<(String, String, u32)> = consistency
        .iter()
        .map(|finding| {
            (
                finding.rule.clone(),
                finding.message.clone(),
                finding.location.line,
            )
        })
        .collect();
    after.findings.retain(|finding| {
        finding.area != Area::Consistency
            || introduced.iter().any(|(rule, message, line)| {
                *rule == finding.rule
                    && *message == finding.message
                    && *line == finding.location.line
            })
    });
    Ok(after)
}

/// `db/0003_orders.sql` → `0003_orders.sql`: migrations are matched by name.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', ':']).next().unwrap_or(path)
}

/// The id of NEW's first file: OLD has fewer files than this.
const NEW_FILES: u32 = 1 << 24;

/// One description in both versions, with the database behind each.
struct Versions<'v> {
    old: (&'v Root, &'v dyn Loader),
    new: (&'v Root, &'v dyn Loader),
    databases: Option<(&'v Database, &'v Database)>,
}

/// One description in both versions.
fn diff_api(versions: &Versions<'_>, request: &ReviewRequest) -> Option<Unit> {
    let ((old_root, old_loader), (new_root, new_loader)) = (versions.old, versions.new);
    let (old_database, new_database) = versions.databases.unzip();
    // Both versions load at once; NEW's files are numbered far above OLD's,
    // and OLD's map is put below NEW's so that one map locates both.
    let new_sources = new_database.map_or_else(
        || SourceMap::starting_at(NEW_FILES),
        |database| SourceMap::on_top_of(database.sources.clone()),
    );
    let limits = request.config.limits;
    let (old_documents, new_documents) = join(
        || load(old_root, old_loader, old_database, limits),
        || Documents::load_within(&new_root.path, new_loader, new_sources, limits),
    );
    let mut old_documents = old_documents?;
    let mut new_documents = new_documents;
    if !new_documents
        .sources
        .put_below(Arc::new(old_documents.sources.clone()))
    {
        return None;
    }
    // What is wrong in OLD is not this change's doing: its problems are
    // reported only when they keep OLD from being compared at all.
    let mut old_problems = std::mem::take(&mut old_documents.problems);
    let old_api = Api::build(&old_documents, &mut old_problems);
    let mut problems = std::mem::take(&mut new_documents.problems);
    if old_api.is_none() {
        problems.append(&mut old_problems);
    }
    let new_api = Api::build(&new_documents, &mut problems);
    let mut diagnostics: Vec<Diagnostic> = problems.into_iter().map(openapi_finding).collect();
    let mut units = Units::default();
    if let (Some(old_api), Some(new_api)) = (old_api, new_api) {
        units.operations = new_api.operations.len().max(old_api.operations.len());
        let old_context = ApiContext::new(&old_documents, old_api, &request.config);
        let new_context = ApiContext::new(&new_documents, new_api, &request.config);
        let mut change =
            ChangeContext::new(&old_context, &new_context, &request.config).on(request.today);
        if let Some((old_database, new_database)) = versions.databases {
            let settings = &request.config.consistency;
            change = change.with_database(DatabaseChange {
                old: &old_database.schema,
                new: &new_database.schema,
                old_links: link(
                    &old_documents,
                    &old_context.api,
                    &old_database.schema,
                    settings,
                ),
                new_links: link(
                    &new_documents,
                    &new_context.api,
                    &new_database.schema,
                    settings,
                ),
            });
        }
        let at = Place::pointer(new_documents.root, Span::new(0, 0), None);
        diagnostics.extend(run_rules(request, Side::Change, &at, |rule, emitter| {
            rule.check_change(&change, emitter)
        }));
    }
    old_documents.restore_pointers(&mut diagnostics);
    new_documents.restore_pointers(&mut diagnostics);
    let mut unit = into_unit(diagnostics, &new_documents.sources, request);
    let mut files: Vec<String> = old_documents
        .sources
        .iter()
        .map(|(_, file)| file.name.clone())
        .collect();
    files.append(&mut unit.files);
    unit.files = files;
    unit.units = units;
    Some(unit)
}

/// Each description of OLD with NEW's of the same name under its input path;
/// a single description on each side pairs whatever its name.
pub(super) fn pair_roots<'r>(
    old: &'r [Root],
    old_paths: &[String],
    new: &'r [Root],
    new_paths: &[String],
) -> Vec<(&'r Root, &'r Root)> {
    if let ([one_old], [one_new]) = (old, new) {
        return vec![(one_old, one_new)];
    }
    let relative = |root: &Root, paths: &[String]| -> String {
        paths
            .iter()
            .find_map(|path| root.path.strip_prefix(path.as_str()))
            .unwrap_or(&root.path)
            .trim_start_matches('/')
            .to_owned()
    };
    old.iter()
        .filter_map(|old_root| {
            let name = relative(old_root, old_paths);
            new.iter()
                .find(|new_root| relative(new_root, new_paths) == name)
                .map(|new_root| (old_root, new_root))
        })
        .collect()
}

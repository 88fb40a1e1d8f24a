//! One review: find the inputs a [`ReviewRequest`] names, build the schema
//! from the SQL history and review it, load each description and review it
//! (against the schema when there is one), apply configuration and inline
//! suppressions, and assemble a sorted, deduplicated report.

mod api;
mod change;
mod changed;
mod graphql;
mod graphql_change;
mod inputs;
mod request;
mod rulesets;
mod run;
mod sql;

pub use change::diff;
pub use changed::{changed_scope, review_since};
pub use request::{sql_text_name, ReviewError, ReviewRequest, GRAPHQL_TEXT, OPENAPI_TEXT, STDIN};
pub use sql::{describe_schema, sql_coverage, CoverageRow};

use api::Free;
use run::Unit;

use crate::base::loader::Loader;
use crate::base::parallel::par_map;
use crate::base::{Area, Side};
use crate::config::Config;
use crate::link::Mapping;
use crate::report::Report;
use crate::rules::{check_config, RULES};

/// Reviews what the request names, reading files through `loader`.
pub fn review(request: &ReviewRequest, loader: &dyn Loader) -> Result<Report, ReviewError> {
    review_with_progress(request, loader, &|_, _| {})
}

/// Like [`review`], calling `progress(done, total)` as each OpenAPI description
/// is finished (from any thread), so a caller can show a progress bar over a
/// folder of thousands of descriptions.
pub fn review_with_progress(
    request: &ReviewRequest,
    loader: &dyn Loader,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, ReviewError> {
    check_config(&request.config)?;
    let loader = request.loader(loader);
    let inputs = inputs::discover(request.paths(), &loader, &request.config)?;
    // The schema is built first: each description is then reviewed against it.
    let mut report = Report::default();
    let mut database = None;
    let mut sql_unit = None;
    if !inputs.sql_files.is_empty() {
        let (unit, reviewed) = sql::review_sql(&inputs.sql_files, &loader, request)?;
        report
            .summary
            .dialects
            .push(reviewed.schema.dialect.as_str().to_owned());
        sql_unit = Some(unit);
        database = Some(reviewed);
    }
    let rulesets = rulesets::load(request, &loader);
    let total = inputs.api_roots.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // A single large description is freed while the report is written; many
    // are freed as they finish, or their trees would pile up in memory.
    let free = if total == 1 { Free::Later } else { Free::Now };
    let mut units = par_map(&inputs.api_roots, |root| {
        let unit = api::review_api(
            root,
            &loader,
            request,
            database.as_ref(),
            rulesets.as_ref(),
            free,
        );
        let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(finished, total);
        unit
    });
    units.push(sql_unit);
    units.push(
        rulesets
            .as_ref()
            .map(|loaded| rulesets::problems(loaded, request)),
    );
    if !inputs.graphql_files.is_empty() {
        units.push(Some(graphql::review_graphql(
            &inputs.graphql_files,
            &loader,
            request,
            database.as_ref(),
        )?));
    }
    // A file met in a folder that is not a description is said to be left
    // out, unless a description read it (a `$ref`'d fragment).
    let read: std::collections::HashSet<String> = units
        .iter()
        .flatten()
        .filter(|unit| !unit.skipped)
        .flat_map(|unit| unit.files.iter().cloned())
        .collect();
    for unit in units.into_iter().flatten() {
        if unit.skipped && unit.files.iter().all(|file| read.contains(file)) {
            continue;
        }
        add_unit(&mut report, unit);
    }
    let config = &request.config;
    report.summary.rules = RULES
        .iter()
        .filter(|rule| rule.meta().side != Side::Change && config.is_enabled(rule.meta()))
        .count();
    if let Some(baseline) = &request.baseline {
        let hidden = baseline.filter_outside(&mut report.findings, request.changed.as_ref());
        report.summary.baseline = Some(crate::report::Baselined {
            known: baseline.len(),
            hidden,
        });
    }
    report.finish();
    let reviewed_api = !inputs.api_roots.is_empty();
    let reviewed_sql = !inputs.sql_files.is_empty();
    let reviewed_graphql = !inputs.graphql_files.is_empty();
    report.summary.scores = crate::report::score(
        &report.findings,
        &scored_areas(config, reviewed_api, reviewed_sql, reviewed_graphql),
        report.summary.scores.units,
    );
    Ok(report)
}

/// How the request's descriptions map onto the schema its SQL builds, with
/// no rule run (`archlint map`); `None` when it lacks either side.
pub fn map(request: &ReviewRequest, loader: &dyn Loader) -> Result<Option<Mapping>, ReviewError> {
    check_config(&request.config)?;
    let loader = request.loader(loader);
    let inputs = inputs::discover(request.paths(), &loader, &request.config)?;
    if inputs.sql_files.is_empty()
        || (inputs.api_roots.is_empty() && inputs.graphql_files.is_empty())
    {
        return Ok(None);
    }
    let database = sql::load_database(&inputs.sql_files, &loader, request.config.dialect, 0)?;
    let mut mappings = par_map(&inputs.api_roots, |root| {
        api::map_api(root, &loader, request, &database)
    });
    if !inputs.graphql_files.is_empty() {
        mappings.push(Some(graphql::map_graphql(
            &inputs.graphql_files,
            &loader,
            request,
            &database,
        )?));
    }
    Ok(mappings
        .into_iter()
        .flatten()
        .reduce(|mut merged, mapping| {
            merged.merge(mapping);
            merged
        }))
}

/// Reviews one description held in memory.
pub fn review_text(name: &str, text: &str, config: &Config) -> Report {
    let mut request = ReviewRequest::new(config.clone());
    request.text(name, text);
    review(&request, &crate::base::loader::MemoryLoader::new()).unwrap_or_default()
}

fn add_unit(report: &mut Report, unit: Unit) {
    for file in unit.files {
        if !report.summary.files.contains(&file) {
            report.summary.files.push(file);
        }
    }
    report.findings.extend(unit.findings);
    report.lines.extend(unit.lines);
    if unit.older.is_some() {
        report.summary.migrations = unit.older;
    }
    report.summary.scores.units.add(unit.units);
    if let Some(mapping) = unit.mapping {
        match &mut report.summary.mapping {
            Some(merged) => merged.merge(mapping),
            None => report.summary.mapping = Some(mapping),
        }
    }
}

/// The areas a rule ran for, given which sides were reviewed.
fn scored_areas(config: &Config, api: bool, sql: bool, graphql: bool) -> Vec<Area> {
    let mut areas: Vec<Area> = RULES
        .iter()
        .map(|rule| rule.meta())
        .filter(|rule| config.is_enabled(rule))
        .filter(|rule| match rule.side {
            Side::Api => api,
            Side::Db => sql,
            Side::Both => api && sql,
            Side::Change => false,
            // GraphQL's consistency rules need the database too.
            Side::Graphql if rule.area == Area::Consistency => graphql && sql,
            Side::Graphql => graphql,
        })
        .map(|rule| rule.area)
        .collect();
    areas.sort();
    areas.dedup();
    areas
}

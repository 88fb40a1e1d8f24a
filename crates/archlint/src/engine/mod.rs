//! One review: find the inputs, load each description and the SQL history, run
//! the enabled rules in parallel, apply configuration and inline suppressions,
//! and assemble a sorted, deduplicated report.

mod api;
mod sql;

pub use sql::{describe_schema, sql_coverage, CoverageRow};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::loader::{Loader, MemoryLoader};
pub(crate) use crate::parallel::par_map;
use crate::report::{Finding, Report, Snippet};
use crate::rules::{Emitter, Rule, Side, RULES};
use crate::source::SourceMap;

/// A review that could not start: a missing file, an empty folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// File extensions looked at inside folders.
const API_EXTENSIONS: [&str; 3] = [".yaml", ".yml", ".json"];
const SQL_EXTENSION: &str = ".sql";

/// Reviews files and folders read through `loader`.
pub fn review(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<Report, InputError> {
    review_with_progress(paths, loader, config, &|_, _| {})
}

/// Like [`review`], calling `progress(done, total)` as each OpenAPI description
/// is finished (from any thread), so a caller can show a progress bar over a
/// folder of thousands of descriptions.
pub fn review_with_progress(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Report, InputError> {
    let inputs = discover(paths, loader, config)?;
    // The schema is built first: each description is then reviewed against it.
    let mut report = Report::default();
    let mut database = None;
    let mut sql_unit = None;
    if !inputs.sql_files.is_empty() {
        let (unit, reviewed) = sql::review_sql(&inputs.sql_files, loader, config)?;
        report
            .summary
            .dialects
            .push(reviewed.schema.dialect.as_str().to_owned());
        sql_unit = Some(unit);
        database = Some(reviewed);
    }
    let total = inputs.api_roots.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    // A single large description is freed while the report is written; many
    // are freed as they finish, or their trees would pile up in memory.
    let free = if total == 1 { Free::Later } else { Free::Now };
    let mut units = par_map(&inputs.api_roots, |root| {
        let unit = api::review_api(root, loader, config, database.as_ref(), free);
        let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        progress(finished, total);
        unit
    });
    units.push(sql_unit);
    for unit in units {
        let Some(unit) = unit else { continue };
        for file in unit.files {
            if !report.summary.files.contains(&file) {
                report.summary.files.push(file);
            }
        }
        report.findings.extend(unit.findings);
        report.lines.extend(unit.lines);
        if let Some(mapping) = unit.mapping {
            match &mut report.summary.mapping {
                Some(merged) => merged.merge(mapping),
                None => report.summary.mapping = Some(mapping),
            }
        }
    }
    report.summary.rules = RULES
        .iter()
        .filter(|rule| config.is_enabled(rule.meta()))
        .count();
    report.finish();
    let reviewed_api = !inputs.api_roots.is_empty();
    let reviewed_sql = !inputs.sql_files.is_empty();
    report.summary.scores = crate::report::score(
        &report.findings,
        &scored_areas(config, reviewed_api, reviewed_sql),
    );
    Ok(report)
}

/// The areas a rule ran for, given which sides were reviewed.
fn scored_areas(config: &Config, api: bool, sql: bool) -> Vec<crate::report::Area> {
    let mut areas: Vec<crate::report::Area> = RULES
        .iter()
        .map(|rule| rule.meta())
        .filter(|rule| config.is_enabled(rule))
        .filter(|rule| match rule.side {
            Side::Api => api,
            Side::Db => sql,
            Side::Both => api && sql,
        })
        .map(|rule| rule.area)
        .collect();
    areas.sort();
    areas.dedup();
    areas
}

/// Reviews one description held in memory (the browser, Python's `openapi=`).
pub fn review_text(name: &str, text: &str, config: &Config) -> Report {
    let mut memory = MemoryLoader::new();
    memory.insert(name, text);
    review(&[name.to_owned()], &memory, config).unwrap_or_default()
}

/// A root document to review, and whether the user named it (a file met inside a
/// folder is only reviewed when it is an OpenAPI document).
struct Root {
    path: String,
    named: bool,
}

/// What a review reads: OpenAPI roots, and SQL files applied in order as one
/// history.
struct Inputs {
    api_roots: Vec<Root>,
    sql_files: Vec<String>,
}

fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    extensions
        .iter()
        .any(|extension| lower.ends_with(extension))
}

fn discover(paths: &[String], loader: &dyn Loader, config: &Config) -> Result<Inputs, InputError> {
    if paths.is_empty() {
        return Err(InputError(
            "no input: give OpenAPI or SQL files or folders to review".to_owned(),
        ));
    }
    let mut inputs = Inputs {
        api_roots: Vec::new(),
        sql_files: Vec::new(),
    };
    for path in paths {
        if loader.is_dir(path) {
            let files: Vec<String> = loader
                .list_dir(path)
                .map_err(InputError)?
                .into_iter()
                .filter(|file| !config.is_ignored(file))
                .collect();
            let before = inputs.api_roots.len() + inputs.sql_files.len();
            for file in files {
                if has_extension(&file, &API_EXTENSIONS) {
                    inputs.api_roots.push(Root {
                        path: file,
                        named: false,
                    });
                } else if has_extension(&file, &[SQL_EXTENSION]) {
                    inputs.sql_files.push(file);
                }
            }
            if inputs.api_roots.len() + inputs.sql_files.len() == before {
                return Err(InputError(format!(
                    "{path}: no .yaml, .yml, .json or .sql files to review in this folder"
                )));
            }
        } else if !config.is_ignored(path) {
            loader
                .read(path)
                .map_err(|message| InputError(format!("cannot read {message}")))?;
            if has_extension(path, &[SQL_EXTENSION]) {
                inputs.sql_files.push(path.clone());
            } else {
                inputs.api_roots.push(Root {
                    path: path.clone(),
                    named: true,
                });
            }
        }
    }
    Ok(inputs)
}

/// Runs the enabled rules of one side in parallel.
fn run_rules(
    config: &Config,
    side: Side,
    check: impl Fn(&dyn Rule, &mut Emitter) + Sync,
) -> Vec<Diagnostic> {
    let rules: Vec<&dyn Rule> = RULES
        .iter()
        .copied()
        .filter(|rule| rule.meta().side == side && config.is_enabled(rule.meta()))
        .collect();
    par_map(&rules, |rule| {
        let mut emitter = Emitter::new(rule.meta());
        check(*rule, &mut emitter);
        emitter.diagnostics
    })
    .into_iter()
    .flatten()
    .collect()
}

/// When a reviewed description's tree is freed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Free {
    Now,
    /// Off the caller's path (see [`crate::parallel::drop_later`]).
    Later,
}

/// What reviewing one description (or the SQL history) produced.
pub(super) struct Unit {
    files: Vec<String>,
    findings: Vec<Finding>,
    lines: Vec<((String, u32), Snippet)>,
    /// How the description maps onto the schema, when both were reviewed.
    mapping: Option<crate::report::Mapping>,
}

/// Applies configuration (off rules, severity overrides), turns spans into
/// line/column locations and keeps the source line under each finding.
fn into_unit(diagnostics: Vec<Diagnostic>, sources: &SourceMap, config: &Config) -> Unit {
    let mut findings = Vec::with_capacity(diagnostics.len());
    let mut lines = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics
        .into_iter()
        .filter(|diagnostic| config.is_enabled(diagnostic.rule))
    {
        let own = diagnostic.severity.unwrap_or(diagnostic.rule.severity);
        let Some(severity) = config.level(diagnostic.rule, own) else {
            continue;
        };
        let offset = diagnostic.place.span.start;
        let file = sources.get(diagnostic.place.file);
        let finding = diagnostic.into_finding(sources, severity);
        if let Some(file) = file.filter(|_| !config.skip_source_lines) {
            let location = &finding.location;
            let snippet = Snippet::at(file, offset, location.line, location.column);
            lines.push(((location.file.clone(), location.line), snippet));
        }
        findings.push(finding);
    }
    Unit {
        files: sources.iter().map(|(_, file)| file.name.clone()).collect(),
        findings,
        lines,
        mapping: None,
    }
}

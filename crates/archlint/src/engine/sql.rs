//! Reviewing the SQL side: every `.sql` file of the run, applied in order as one
//! history, builds one schema model that the database rules then review.

use std::sync::Arc;

use super::inputs::sql_files;
use super::run::{into_unit, names_rule, run_rules, Unit};
use super::{ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::source::{FileId, SourceFile, SourceMap, Span};
use crate::base::{Diagnostic, Place, Side};
use crate::config::ConfigError;
use crate::report::{OlderMigrations, Units};
use crate::rules::structure::sql_finding;
use crate::rules::DbContext;
use crate::schema::{self, BuildOutcome, Coverage, Schema};
use crate::sql::{self, Dialect, SqlIgnore, SqlProblem};

/// The schema a run's SQL builds, kept to review the API against it. Its
/// files are shared by every description's source map.
pub(super) struct Database {
    pub sources: Arc<SourceMap>,
    pub schema: Schema,
}

/// Builds the schema and runs the database rules over it.
pub(super) fn review_sql(
    files: &[String],
    loader: &dyn Loader,
    request: &ReviewRequest,
) -> Result<(Unit, Database), ReviewError> {
    let (sources, outcome, read_problems) = load_history(
        files,
        loader,
        request.config.dialect,
        &request.config.migrations.change,
        0,
    )?;
    let mut diagnostics: Vec<Diagnostic> = read_problems
        .into_iter()
        .chain(outcome.problems)
        .map(sql_finding)
        .collect();
    let context = DbContext {
        schema: &outcome.schema,
        sources: &sources,
        config: &request.config,
    };
    let first = sources.iter().next().map_or(FileId(0), |(id, _)| id);
    let at = Place::object(first, Span::new(0, 0), None);
    diagnostics.extend(run_rules(request, Side::Db, &at, |rule, emitter| {
        rule.check_db(&context, emitter)
    }));
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &outcome.ignores, &sources));
    let older = match request.config.migrations.since.as_deref() {
        Some(since) => Some(leave_out_older(since, &sources, &mut diagnostics)?),
        None => None,
    };
    let mut unit = into_unit(diagnostics, &sources, request);
    unit.older = older;
    unit.units = Units {
        tables: outcome.schema.tables.len(),
        migrations: sources.iter().count(),
        ..Units::default()
    };
    let database = Database {
        sources: Arc::new(sources),
        schema: outcome.schema,
    };
    Ok((unit, database))
}

/// Leaves out the findings located in migrations older than `since` (the
/// first file named `since`, or whose name starts with it).
fn leave_out_older(
    since: &str,
    sources: &SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<OlderMigrations, ReviewError> {
    let files: Vec<(FileId, &str)> = sources
        .iter()
        .map(|(id, file)| (id, file.name.as_str()))
        .collect();
    let first = files
        .iter()
        .position(|(_, name)| migration_matches(name, since))
        .or_else(|| files.iter().position(|(_, name)| version_reaches(name, since)))
        .ok_or_else(|| {
            ReviewError::Config(ConfigError(format!(
                "[migrations] since = \"{since}\": no SQL file is named so, starts with it, or has a later version"
            )))
        })?;
    let older: Vec<FileId> = files.iter().take(first).map(|(id, _)| *id).collect();
    let before = diagnostics.len();
    diagnostics.retain(|diagnostic| !older.contains(&diagnostic.place.file));
    Ok(OlderMigrations {
        since: since.to_owned(),
        first_reviewed: files
            .get(first)
            .map(|(_, name)| (*name).to_owned())
            .unwrap_or_default(),
        older_files: older.len(),
        hidden_findings: before - diagnostics.len(),
    })
}

/// `db/20240105_add_orders.sql` matches `20240105_add_orders.sql`,
/// `20240105` and `db/20240105_add_orders.sql`.
fn migration_matches(path: &str, since: &str) -> bool {
    let base = sql::migration_name(path);
    !since.is_empty()
        && (base.starts_with(since) || path == since || path.ends_with(&format!("/{since}")))
}

/// Whether a migration's version (its leading digits) is at or after
/// `since`, a version or a date: `20250801` reaches `20250803120000_x.sql`,
/// `5` reaches `007_x.sql`.
fn version_reaches(path: &str, since: &str) -> bool {
    let base = sql::migration_name(path);
    let digits: String = base.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || since.is_empty() || !since.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match digits.get(..since.len()) {
        Some(head) if since.len() > 2 => head >= since,
        _ => {
            let number = |text: &str| text.trim_start_matches('0').len();
            let (a, b) = (
                digits.trim_start_matches('0'),
                since.trim_start_matches('0'),
            );
            (number(&digits), a) >= (number(since), b)
        }
    }
}

/// Builds the schema without reviewing it (for `map`, and both versions of
/// `diff`), its files numbered from `first` on.
pub(super) fn load_database(
    files: &[String],
    loader: &dyn Loader,
    dialect: Option<Dialect>,
    first: u32,
) -> Result<Database, ReviewError> {
    let (sources, outcome, _) = load_history(files, loader, dialect, &[], first)?;
    Ok(Database {
        sources: Arc::new(sources),
        schema: outcome.schema,
    })
}

/// Reads the files and applies them in order, in the given or detected
/// dialect; the problems of files that are not UTF-8 come separately.
fn load_history(
    files: &[String],
    loader: &dyn Loader,
    dialect: Option<Dialect>,
    change: &[String],
    first: u32,
) -> Result<(SourceMap, BuildOutcome, Vec<SqlProblem>), ReviewError> {
    let (sources, ids, problems) = read_all(files, loader, SourceMap::starting_at(first))?;
    let chosen = dialect.unwrap_or_else(|| detect(&sources, &ids));
    let outcome = schema::build_change(&sources, &ids, chosen, change);
    Ok((sources, outcome, problems))
}

/// Reads and decodes every file. Text that is not UTF-8 (old Latin-1 dumps) is
/// read with replacement characters and reported, not refused.
fn read_all(
    files: &[String],
    loader: &dyn Loader,
    mut sources: SourceMap,
) -> Result<(SourceMap, Vec<FileId>, Vec<SqlProblem>), ReviewError> {
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        let bytes = loader
            .read(path)
            .map_err(|message| ReviewError::Input(format!("cannot read {message}")))?;
        let (text, invalid_at) = sql::decode(bytes);
        let id = sources.add(SourceFile::new(path.clone(), text));
        if let Some(offset) = invalid_at {
            problems.push(sql::not_utf8(id, offset));
        }
        ids.push(id);
    }
    Ok((sources, ids, problems))
}

/// `-- archlint-ignore: rule` on the finding's line (or the line before it).
fn is_suppressed(diagnostic: &Diagnostic, ignores: &[SqlIgnore], sources: &SourceMap) -> bool {
    let Some(file) = sources.get(diagnostic.place.file) else {
        return false;
    };
    let line = file.line_col(diagnostic.place.span.start).line;
    ignores.iter().any(|ignore| {
        ignore.file == diagnostic.place.file
            && ignore.line == line
            && names_rule(&ignore.rules, diagnostic)
    })
}

/// Statement coverage of one file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CoverageRow {
    pub file: String,
    pub dialect: Dialect,
    #[serde(flatten)]
    pub coverage: Coverage,
}

/// How many statements of each file archlint understands. Each path of the
/// request is read on its own: a file alone, a folder as one migration
/// history. The dialect is detected per path unless the request sets it.
pub fn sql_coverage(
    request: &ReviewRequest,
    loader: &dyn Loader,
) -> Result<Vec<CoverageRow>, ReviewError> {
    let loader = request.loader(loader);
    let mut rows = Vec::new();
    for path in request.paths() {
        let files = sql_files(path, &loader)?;
        let (sources, ids, _) = read_all(&files, &loader, SourceMap::default())?;
        let chosen = request
            .config
            .dialect
            .unwrap_or_else(|| detect(&sources, &ids));
        let outcome = schema::build(&sources, &ids, chosen);
        for (id, coverage) in outcome.coverage {
            rows.push(CoverageRow {
                file: sources.name(id).to_owned(),
                dialect: chosen,
                coverage,
            });
        }
    }
    Ok(rows)
}

/// The schema model the request's SQL files build, described as text
/// (`archlint schema`).
pub fn describe_schema(
    request: &ReviewRequest,
    loader: &dyn Loader,
) -> Result<String, ReviewError> {
    let loader = request.loader(loader);
    let mut files = Vec::new();
    for path in request.paths() {
        files.extend(sql_files(path, &loader)?);
    }
    let (sources, outcome, _) = load_history(&files, &loader, request.config.dialect, &[], 0)?;
    Ok(schema::describe(&outcome.schema, &sources))
}

fn detect(sources: &SourceMap, ids: &[FileId]) -> Dialect {
    Dialect::detect(
        ids.iter()
            .filter_map(|&id| sources.get(id))
            .map(|file| file.text.as_str()),
    )
}

//! Reviewing the SQL side: every `.sql` file of the run, applied in order as one
//! history, builds one schema model that the database rules then review.

use super::{into_unit, run_rules, InputError, Unit};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Place};
use crate::loader::Loader;
use crate::model::DbContext;
use crate::rules::api::structure::sql_syntax_error::SqlSyntaxError;
use crate::rules::Side;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::sql::{self, Coverage, Dialect, SqlIgnore};

/// The schema a run's SQL builds, kept to review the API against it.
pub(super) struct Database {
    pub sources: SourceMap,
    pub schema: crate::model::Schema,
}

pub(super) fn review_sql(
    files: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<(Unit, Database), InputError> {
    let (sources, ids, mut diagnostics) = read_all(files, loader)?;
    let dialect = config.dialect.unwrap_or_else(|| detect(&sources, &ids));
    let outcome = sql::build(&sources, &ids, dialect);
    diagnostics.extend(outcome.diagnostics);
    let context = DbContext {
        schema: &outcome.schema,
        sources: &sources,
        config,
    };
    diagnostics.extend(run_rules(config, Side::Db, |rule, emitter| {
        rule.check_db(&context, emitter)
    }));
    diagnostics.retain(|diagnostic| !is_suppressed(diagnostic, &outcome.ignores, &sources));
    let unit = into_unit(diagnostics, &sources, config);
    let schema = outcome.schema;
    Ok((unit, Database { sources, schema }))
}

/// Reads and decodes every file. Text that is not UTF-8 (old Latin-1 dumps) is
/// read with replacement characters and reported, not refused.
fn read_all(
    files: &[String],
    loader: &dyn Loader,
) -> Result<(SourceMap, Vec<FileId>, Vec<Diagnostic>), InputError> {
    let mut sources = SourceMap::default();
    let mut ids = Vec::new();
    let mut diagnostics = Vec::new();
    for path in files {
        let bytes = loader
            .read(path)
            .map_err(|message| InputError(format!("cannot read {message}")))?;
        let (text, invalid_at) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                (
                    String::from_utf8_lossy(error.as_bytes()).into_owned(),
                    Some(valid),
                )
            }
        };
        let id = sources.add(SourceFile::new(path.clone(), text));
        if let Some(offset) = invalid_at {
            let place = Place {
                file: id,
                span: Span::new(offset, offset + 1),
                pointer: None,
                object: None,
            };
            let message = format!("file is not valid UTF-8 (invalid byte at offset {offset}); it is read with replacement characters");
            diagnostics.push(Diagnostic::new(&SqlSyntaxError::META, place, message));
        }
        ids.push(id);
    }
    Ok((sources, ids, diagnostics))
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
            && ignore
                .rules
                .iter()
                .any(|rule| diagnostic.rule.is(rule) || rule == "all")
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

/// How many statements of each file archlint understands. Each path is reviewed
/// on its own: a file alone, a folder as one migration history. The dialect is
/// detected per path unless given.
pub fn sql_coverage(
    paths: &[String],
    loader: &dyn Loader,
    dialect: Option<Dialect>,
) -> Result<Vec<CoverageRow>, InputError> {
    let mut rows = Vec::new();
    for path in paths {
        let files = sql_files(path, loader)?;
        let (sources, ids, _) = read_all(&files, loader)?;
        let chosen = dialect.unwrap_or_else(|| detect(&sources, &ids));
        let outcome = sql::build(&sources, &ids, chosen);
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

/// The schema model the SQL files build, described as text (`archlint schema`).
pub fn describe_schema(
    paths: &[String],
    loader: &dyn Loader,
    dialect: Option<Dialect>,
) -> Result<String, InputError> {
    let mut files = Vec::new();
    for path in paths {
        files.extend(sql_files(path, loader)?);
    }
    let (sources, outcome) = load_history(&files, loader, dialect)?;
    Ok(crate::model::describe(&outcome.schema, &sources))
}

/// Reads the files and applies them in order, in the given or detected dialect.
fn load_history(
    files: &[String],
    loader: &dyn Loader,
    dialect: Option<Dialect>,
) -> Result<(SourceMap, sql::SqlOutcome), InputError> {
    let (sources, ids, _) = read_all(files, loader)?;
    let chosen = dialect.unwrap_or_else(|| detect(&sources, &ids));
    let outcome = sql::build(&sources, &ids, chosen);
    Ok((sources, outcome))
}

fn detect(sources: &SourceMap, ids: &[FileId]) -> Dialect {
    Dialect::detect(
        ids.iter()
            .filter_map(|&id| sources.get(id))
            .map(|file| file.text.as_str()),
    )
}

/// The `.sql` files of a folder in lexical order (migration order), or the file itself.
fn sql_files(path: &str, loader: &dyn Loader) -> Result<Vec<String>, InputError> {
    if !loader.is_dir(path) {
        return Ok(vec![path.to_owned()]);
    }
    let mut listed: Vec<String> = loader
        .list_dir(path)
        .map_err(InputError)?
        .into_iter()
        .filter(|file| file.to_ascii_lowercase().ends_with(".sql"))
        .collect();
    listed.sort();
    Ok(listed)
}

//! Building the schema model from a run's SQL files: each file is split and
//! parsed (in parallel), then its statements are applied in the history's
//! order — by the AST reader (`apply`) when sqlparser parsed them, else by the
//! token reader (`fallback`) — and each file's coverage is counted.

use serde::Serialize;

use super::applying::Applying;
use super::{fallback, Schema, StatementKind};
use crate::base::diagnostic::{Place, Problem};
use crate::base::source::Span;
use crate::base::source::{FileId, SourceMap};
use crate::sql::{self, locate, Dialect, Prepared, SqlIgnore, SqlProblem, SqlProblemKind};

/// How well the statements of one file were understood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub statements: usize,
    /// Parsed by sqlparser.
    pub parsed: usize,
    /// Not parsed, but their effect on the schema was read by the fallback reader.
    pub fallback: usize,
    /// Not parsed, and recognized as unable to change the schema model (routine
    /// bodies, data changes, session settings, maintenance commands).
    pub no_schema_effect: usize,
    pub not_understood: usize,
}

impl Coverage {
    pub fn understood(&self) -> usize {
        self.parsed + self.fallback + self.no_schema_effect
    }

    pub fn add(&mut self, other: Coverage) {
        self.statements += other.statements;
        self.parsed += other.parsed;
        self.fallback += other.fallback;
        self.no_schema_effect += other.no_schema_effect;
        self.not_understood += other.not_understood;
    }
}

/// The schema built from every SQL file of a review, and what reading it found.
#[derive(Debug, Default)]
pub struct BuildOutcome {
    pub schema: Schema,
    pub problems: Vec<SqlProblem>,
    pub coverage: Vec<(FileId, Coverage)>,
    pub ignores: Vec<SqlIgnore>,
    /// Objects reported as unknown, so that each is reported once.
    pub unknown_seen: Vec<String>,
}

/// Builds the schema from texts in memory, applied in the order given; the
/// dialect is detected when not given.
pub fn build_from_texts(
    files: &[(&str, &str)],
    dialect: Option<Dialect>,
) -> (BuildOutcome, SourceMap) {
    let mut sources = SourceMap::default();
    let ids: Vec<FileId> = files
        .iter()
        .map(|(name, text)| {
            sources.add(crate::base::source::SourceFile::new(
                *name,
                (*text).to_owned(),
            ))
        })
        .collect();
    let dialect = dialect.unwrap_or_else(|| Dialect::detect(files.iter().map(|(_, text)| *text)));
    let outcome = build(&sources, &ids, dialect);
    (outcome, sources)
}

/// Applies the files in order (a migration history) to one schema.
pub fn build(sources: &SourceMap, files: &[FileId], dialect: Dialect) -> BuildOutcome {
    let mut outcome = BuildOutcome::default();
    outcome.schema.dialect = dialect;
    // Splitting and parsing each file is independent and most of the cost:
    // done in parallel. Applying to the schema must follow the history's order.
    let texts: Vec<(FileId, &str)> = files
        .iter()
        .filter_map(|&file| sources.get(file).map(|source| (file, source.text.as_str())))
        .collect();
    let prepared = crate::base::parallel::par_map(&texts, |(_, text)| sql::prepare(text, dialect));
    for ((file, text), prepared) in texts.into_iter().zip(prepared) {
        let coverage = apply_file(&mut outcome, file, text, prepared, sources);
        outcome.coverage.push((file, coverage));
    }
    outcome
}

fn apply_file(
    outcome: &mut BuildOutcome,
    file: FileId,
    text: &str,
    prepared: Prepared,
    sources: &SourceMap,
) -> Coverage {
    let Prepared { split, parsed } = prepared;
    if let Some(source) = sources.get(file) {
        outcome
            .ignores
            .extend(sql::ignores::collect(file, source, &split));
    }
    outcome.problems.extend(sql::syntax_problems(file, &split));
    let mut coverage = Coverage::default();
    for (raw, parsed) in split.statements.iter().zip(parsed) {
        coverage.statements += 1;
        let place = Place::object(file, Span::new(raw.start, raw.end), None);
        if raw.unterminated.is_some() {
            // Reported by `syntax_problems`.
            coverage.not_understood += 1;
            continue;
        }
        let tokens = locate::code_tokens(split.tokens.get(raw.tokens.clone()).unwrap_or(&[]));
        let Some(parsed) = parsed else {
            // A data statement (unterminated ones were handled above).
            coverage.no_schema_effect += 1;
            continue;
        };
        let mut context = Applying {
            schema: &mut outcome.schema,
            problems: &mut outcome.problems,
            file,
            text,
            tokens: &tokens,
            place: place.clone(),
            changes: Vec::new(),
            unknown_seen: &mut outcome.unknown_seen,
        };
        match parsed {
            Ok(statements) => {
                coverage.parsed += 1;
                for statement in &statements {
                    context.apply(statement);
                }
            }
            Err(error) => match fallback::apply(&mut context) {
                fallback::Outcome::Applied => coverage.fallback += 1,
                fallback::Outcome::NoSchemaEffect => {
                    coverage.no_schema_effect += 1;
                    context.changes.clear();
                    context.session_change();
                    context.record(StatementKind::Other, None, false);
                }
                fallback::Outcome::NotUnderstood => {
                    coverage.not_understood += 1;
                    context.record(StatementKind::NotUnderstood, None, false);
                    let message = format!(
                        "statement not understood: {}",
                        clean_parser_message(&error.to_string())
                    );
                    outcome.problems.push(Problem::new(
                        SqlProblemKind::NotUnderstood,
                        place,
                        message,
                    ));
                }
            },
        }
    }
    coverage
}

/// sqlparser's messages end with a position inside the statement; ours are exact
/// already.
fn clean_parser_message(message: &str) -> String {
    let message = message
        .strip_prefix("sql parser error: ")
        .unwrap_or(message);
    match message.find(" at Line: ") {
        Some(at) => message.get(..at).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

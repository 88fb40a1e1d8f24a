//! Building the schema model from a run's SQL files: each file is split and
//! parsed (in parallel), then its statements are applied in the history's
//! order — by the AST reader (`ast`) when sqlparser parsed them, else by the
//! token reader (`fallback`); the DDL inside `DO` blocks is applied too
//! (`blocks`) — and each file's coverage is counted, including what could
//! not be applied. Temporary tables end with their file (the session).

use serde::Serialize;

use super::applying::Applying;
use super::blocks::{ddl_in_block, InBlock};
use super::{fallback, generator_warned, Change, GeneratorWarning, Schema, StatementKind};
use crate::base::diagnostic::{Place, Problem};
use crate::base::source::Span;
use crate::base::source::{FileId, SourceMap};
use crate::sql::lexer::{self, Token, TokenKind};
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
    /// Understood, but not (wholly) in the model: statements about objects the
    /// history never created, and DDL inside `DO` blocks that could not be
    /// read (built with `format()`, or not understood).
    pub not_applied: usize,
}

impl Coverage {
    pub fn understood(&self) -> usize {
        self.parsed + self.fallback + self.no_schema_effect
    }

    /// Statements whose effect is in the model (or that have none).
    pub fn applied(&self) -> usize {
        self.understood().saturating_sub(self.not_applied)
    }

    pub fn add(&mut self, other: Coverage) {
        self.statements += other.statements;
        self.parsed += other.parsed;
        self.fallback += other.fallback;
        self.no_schema_effect += other.no_schema_effect;
        self.not_understood += other.not_understood;
        self.not_applied += other.not_applied;
    }
}

/// How one statement was read.
enum Read {
    Parsed,
    Fallback,
    NoSchemaEffect,
    NotUnderstood(String),
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
    build_change(sources, files, dialect, &[])
}

/// Like [`build`], the files named in `change` (the migrations a change adds)
/// being one release.
pub fn build_change(
    sources: &SourceMap,
    files: &[FileId],
    dialect: Dialect,
    change: &[String],
) -> BuildOutcome {
    let mut outcome = BuildOutcome::default();
    outcome.schema.dialect = dialect;
    // Splitting and parsing each file is independent and most of the cost:
    // done in parallel. Applying to the schema must follow the history's order.
    let texts: Vec<(FileId, &str)> = files
        .iter()
        .filter_map(|&file| sources.get(file).map(|source| (file, source.text.as_str())))
        .collect();
    for &file in files {
        let name = sources.get(file).map(|source| source.name.as_str());
        let release = match name {
            Some(name) if change.iter().any(|changed| changed == name) => {
                Some("<this change>".to_owned())
            }
            Some(name) => release_of(name),
            None => None,
        };
        if let Some(release) = release {
            outcome.schema.releases.insert(file, release);
        }
    }
    let prepared = crate::base::parallel::par_map(&texts, |(_, text)| sql::prepare(text, dialect));
    for ((file, text), prepared) in texts.into_iter().zip(prepared) {
        let coverage = apply_file(&mut outcome, file, text, prepared, sources);
        outcome.coverage.push((file, coverage));
    }
    outcome
}

/// The release a migration file belongs to, from its timestamp: its day
/// (`20240105` of `20240105093000_add_orders.sql`). Sequence-numbered files
/// (`0042_x.sql`) and unnumbered ones are each their own release.
fn release_of(path: &str) -> Option<String> {
    let name = sql::migration_name(path);
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    // A timestamp: at least year, month, day, hour and minute.
    if digits.len() >= 12 && digits.starts_with(['1', '2']) {
        digits.get(..8).map(str::to_owned)
    } else {
        None
    }
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
    let dialect = outcome.schema.dialect;
    let mut coverage = Coverage::default();
    let mut templated = Vec::new();
    for (raw, parsed) in split.statements.iter().zip(parsed) {
        coverage.statements += 1;
        if !outcome.schema.hashes_passwords {
            let statement = text.get(raw.start..raw.end).unwrap_or("");
            outcome.schema.hashes_passwords = mentions_hashing(statement);
        }
        let place = Place::object(file, Span::new(raw.start, raw.end), None);
        if raw.unterminated.is_some() {
            // Reported by `syntax_problems`.
            coverage.not_understood += 1;
            continue;
        }
        let tokens = locate::code_tokens(split.tokens.get(raw.tokens.clone()).unwrap_or(&[]));
        if let Some(at) = placeholder(text, &tokens) {
            // Placeholders around data (`{{ template "sample.sql" }}`) hide no
            // schema: counted, not reported.
            let ddl = tokens.iter().any(|token| {
                ["CREATE", "ALTER", "DROP"]
                    .iter()
                    .any(|word| token.is_word(text, word))
            });
            if ddl {
                templated.push(at);
            }
            coverage.not_understood += 1;
            continue;
        }
        let Some(parsed) = parsed else {
            // A data statement (unterminated ones were handled above).
            coverage.no_schema_effect += 1;
            record_data(outcome, file, text, &tokens, &place);
            continue;
        };
        if let Some(found) = ddl_in_block(text, &tokens) {
            apply_block(outcome, file, text, dialect, found, &place, &mut coverage);
            continue;
        }
        let (read, missed) = apply_statement(outcome, file, text, &tokens, &place, parsed, false);
        let first_code = tokens.first().map_or(raw.start, |token| token.start);
        if let Some(source) = sources.get(file) {
            let line = source
                .line_col(u32::try_from(first_code).unwrap_or(u32::MAX))
                .line;
            note_acknowledged_empty(outcome, file, text, line);
        }
        coverage.not_applied += usize::from(missed);
        match read {
            Read::Parsed => coverage.parsed += 1,
            Read::Fallback => coverage.fallback += 1,
            Read::NoSchemaEffect => coverage.no_schema_effect += 1,
            Read::NotUnderstood(error) => {
                coverage.not_understood += 1;
                let message = format!("statement not understood: {error}");
                outcome
                    .problems
                    .push(Problem::new(SqlProblemKind::NotUnderstood, place, message));
            }
        }
    }
    if let Some(&first) = templated.first() {
        let message = format!(
            "this file is a template (`{{{{ … }}}}` placeholders): render it first; {} statement{} with placeholders were not read",
            templated.len(),
            if templated.len() == 1 { "" } else { "s" }
        );
        let at = Place::object(file, Span::new(first, first + 2), None);
        outcome
            .problems
            .push(Problem::new(SqlProblemKind::NotUnderstood, at, message));
    }
    outcome.schema.drop_temporary_tables();
    coverage
}

/// Applies one statement with the reader that can: the AST reader when
/// sqlparser parsed it, else the fallback reader. Also says whether it named
/// objects the history never created.
fn apply_statement(
    outcome: &mut BuildOutcome,
    file: FileId,
    text: &str,
    tokens: &[Token],
    place: &Place,
    parsed: sql::Parsed,
    in_block: bool,
) -> (Read, bool) {
    let mut context = Applying {
        schema: &mut outcome.schema,
        problems: &mut outcome.problems,
        file,
        text,
        tokens,
        place: place.clone(),
        changes: Vec::new(),
        unknown_seen: &mut outcome.unknown_seen,
        missed: false,
        in_block,
    };
    let read = match parsed {
        Ok(statements) => {
            for statement in &statements {
                context.apply(statement);
            }
            Read::Parsed
        }
        Err(error) => match fallback::apply(&mut context) {
            fallback::Outcome::Applied => Read::Fallback,
            fallback::Outcome::NoSchemaEffect => {
                context.changes.clear();
                context.session_change();
                context.data_change();
                context.record(StatementKind::Other, None, false);
                Read::NoSchemaEffect
            }
            fallback::Outcome::NotUnderstood => {
                context.record(StatementKind::NotUnderstood, None, false);
                Read::NotUnderstood(clean_parser_message(&error.to_string()))
            }
        },
    };
    (read, context.missed)
}

/// A NOT NULL column added without a default whose risk the author
/// acknowledged — a linter's marker on the statement (`-- atlas:nolint
/// MF103`) or the generator's warning in the header — says the table is
/// empty: for the rest of the file it holds no rows.
fn note_acknowledged_empty(outcome: &mut BuildOutcome, file: FileId, text: &str, line: u32) {
    let Some(record) = outcome.schema.statements.last() else {
        return;
    };
    let Some(table) = record.table.clone().filter(|_| record.place.file == file) else {
        return;
    };
    let required: Vec<&str> = record
        .changes
        .iter()
        .filter_map(|change| match change {
            Change::AddColumn {
                column,
                not_null: true,
                default: None,
            } => Some(column.as_str()),
            _ => None,
        })
        .collect();
    if required.is_empty() {
        return;
    }
    let marked = outcome.ignores.iter().any(|ignore| {
        ignore.file == file && ignore.line == line && ignore.acknowledges_required_column()
    });
    let warned = required
        .iter()
        .any(|column| generator_warned(text, &table, GeneratorWarning::RequiredColumn(column)));
    if marked || warned {
        outcome.schema.emptied.push((file, table));
    }
}

/// What a data statement does to rows, for the migration rules; recorded
/// only when it matters to them (emptied or copied tables), so that a dump's
/// million `INSERT`s add nothing to the history.
fn record_data(
    outcome: &mut BuildOutcome,
    file: FileId,
    text: &str,
    tokens: &[Token],
    place: &Place,
) {
    let mut context = Applying {
        schema: &mut outcome.schema,
        problems: &mut outcome.problems,
        file,
        text,
        tokens,
        place: place.clone(),
        changes: Vec::new(),
        unknown_seen: &mut outcome.unknown_seen,
        missed: false,
        in_block: false,
    };
    context.data_change();
    if !context.changes.is_empty() {
        context.record(StatementKind::Other, None, false);
    }
}

/// Applies the DDL found inside a `DO` block, each statement where it is in
/// the file. The block counts as read by the fallback when it changed the
/// schema; what could not be applied is counted, not reported.
fn apply_block(
    outcome: &mut BuildOutcome,
    file: FileId,
    text: &str,
    dialect: Dialect,
    found: Vec<InBlock>,
    block: &Place,
    coverage: &mut Coverage,
) {
    let mut applied = 0;
    for ddl in found {
        let InBlock::Ddl { start, end } = ddl else {
            coverage.not_applied += 1;
            continue;
        };
        let statement = text.get(start..end).unwrap_or("");
        let tokens: Vec<Token> = lexer::tokenize(statement, dialect)
            .into_iter()
            .filter(|token| token.kind != TokenKind::Comment)
            .map(|token| Token {
                start: token.start + start,
                end: token.end + start,
                ..token
            })
            .collect();
        let place = Place {
            span: Span::new(start, end),
            ..block.clone()
        };
        let parsed = sql::parse_statement(statement, dialect);
        let (read, missed) = apply_statement(outcome, file, text, &tokens, &place, parsed, true);
        match read {
            Read::Parsed | Read::Fallback if !missed => applied += 1,
            Read::NoSchemaEffect => {}
            _ => coverage.not_applied += 1,
        }
    }
    if applied > 0 {
        coverage.fallback += 1;
    } else {
        coverage.no_schema_effect += 1;
    }
}

/// pgcrypto's password hashing: `crypt(password, gen_salt('bf'))`.
fn mentions_hashing(statement: &str) -> bool {
    let bytes = statement.as_bytes();
    bytes
        .windows(b"gen_salt(".len())
        .any(|window| window.eq_ignore_ascii_case(b"gen_salt("))
}

/// Where a Go or Jinja template placeholder (`{{ … }}`, `{% … %}`) sits in a
/// statement: a template is SQL only once rendered.
fn placeholder(text: &str, tokens: &[Token]) -> Option<usize> {
    tokens.windows(2).find_map(|pair| {
        let (first, second) = (pair.first()?, pair.get(1)?);
        let opens = first.is_punct(text, '{')
            && (second.is_punct(text, '{') || second.is_punct(text, '%'))
            && second.start == first.end;
        opens.then_some(first.start)
    })
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

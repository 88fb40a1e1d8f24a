//! SQL DDL ingestion: dialect detection, statement splitting, per-statement
//! parsing with sqlparser (and a fallback reader where it fails), and the schema
//! model rebuilt by applying every statement in order.

mod apply;
mod fallback;
pub mod lexer;
pub mod locate;
pub mod split;

use serde::{Deserialize, Serialize};
use sqlparser::dialect::{
    Dialect as ParserDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};
use sqlparser::parser::Parser;

use crate::diagnostic::{Diagnostic, Place};
use crate::model::{Schema, StatementKind};
use crate::rules::api::structure::{
    sql_statement_not_understood::SqlStatementNotUnderstood, sql_syntax_error::SqlSyntaxError,
};
use crate::source::{FileId, SourceMap, Span};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    #[default]
    Postgres,
    Mysql,
    Sqlite,
}

impl Dialect {
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
            Dialect::Sqlite => "sqlite",
        }
    }

    pub fn parse(text: &str) -> Option<Dialect> {
        match text.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::Mysql),
            "sqlite" | "sqlite3" => Some(Dialect::Sqlite),
            _ => None,
        }
    }

    /// Guesses the dialect from tell-tale syntax: backticks, `ENGINE=` and
    /// `AUTO_INCREMENT` mean MySQL; `AUTOINCREMENT` and `WITHOUT ROWID` SQLite;
    /// `$$`, `SERIAL` and `::` PostgreSQL. PostgreSQL wins ties.
    pub fn detect<'t>(texts: impl IntoIterator<Item = &'t str>) -> Dialect {
        let (mut postgres, mut mysql, mut sqlite) = (0usize, 0usize, 0usize);
        for text in texts {
            let upper = text.to_ascii_uppercase();
            let count = |needle: &str| upper.matches(needle).count().min(50);
            mysql += 3 * count("`")
                + 5 * count("ENGINE=")
                + 5 * count("ENGINE =")
                + 5 * count("AUTO_INCREMENT")
                + 2 * count(" UNSIGNED")
                + 2 * count("CHARSET");
            sqlite += 5 * count("AUTOINCREMENT")
                + 5 * count("WITHOUT ROWID")
                + 5 * count(") STRICT")
                + 3 * count("PRAGMA ");
            postgres += 5 * count("$$")
                + 3 * count("SERIAL")
                + 3 * count("::")
                + 3 * count("NEXTVAL(")
                + 2 * count("TIMESTAMPTZ")
                + 2 * count("BYTEA")
                + 2 * count("OWNER TO")
                + 2 * count("CREATE EXTENSION");
        }
        if mysql > postgres && mysql >= sqlite {
            Dialect::Mysql
        } else if sqlite > postgres && sqlite > mysql {
            Dialect::Sqlite
        } else {
            Dialect::Postgres
        }
    }

    fn parser(self) -> Box<dyn ParserDialect> {
        match self {
            Dialect::Postgres => Box::new(PostgreSqlDialect {}),
            Dialect::Mysql => Box::new(MySqlDialect {}),
            Dialect::Sqlite => Box::new(SQLiteDialect {}),
        }
    }
}

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

/// `-- archlint-ignore: rule, rule` — silences those rules on its own line (when
/// code precedes it there) or on the next line with code.
#[derive(Clone, Debug)]
pub struct SqlIgnore {
    pub file: FileId,
    pub line: u32,
    pub rules: Vec<String>,
}

/// The schema built from every SQL file of a review, and what reading it found.
#[derive(Debug, Default)]
pub struct SqlOutcome {
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
    pub coverage: Vec<(FileId, Coverage)>,
    pub ignores: Vec<SqlIgnore>,
    /// Objects reported as unknown, so that each is reported once.
    pub unknown_seen: Vec<String>,
}

/// The deepest expression nesting handed to sqlparser: deeper statements go to
/// the fallback reader instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

/// Statements longer than this are not handed to sqlparser: its AST of a 10 MB
/// statement costs seconds and gigabytes, and no schema statement is that long.
const MAX_PARSED_STATEMENT: usize = 1024 * 1024;

/// Data statements cannot change the schema; they are recognized by their first
/// word and not parsed at all (dumps hold millions of rows of them).
const DATA_STATEMENTS: [&str; 6] = ["INSERT", "COPY", "REPLACE", "UPDATE", "DELETE", "VALUES"];

/// Builds the schema from texts in memory, applied in the order given; the
/// dialect is detected when not given.
pub fn build_from_texts(
    files: &[(&str, &str)],
    dialect: Option<Dialect>,
) -> (SqlOutcome, SourceMap) {
    let mut sources = SourceMap::default();
    let ids: Vec<FileId> = files
        .iter()
        .map(|(name, text)| sources.add(crate::source::SourceFile::new(*name, (*text).to_owned())))
        .collect();
    let dialect = dialect.unwrap_or_else(|| Dialect::detect(files.iter().map(|(_, text)| *text)));
    let outcome = build(&sources, &ids, dialect);
    (outcome, sources)
}

/// Applies the files in order (a migration history) to one schema.
pub fn build(sources: &SourceMap, files: &[FileId], dialect: Dialect) -> SqlOutcome {
    let mut outcome = SqlOutcome::default();
    outcome.schema.dialect = dialect;
    // Splitting and parsing each file is independent and most of the cost:
    // done in parallel. Applying to the schema must follow the history's order.
    let texts: Vec<(FileId, &str)> = files
        .iter()
        .filter_map(|&file| sources.get(file).map(|source| (file, source.text.as_str())))
        .collect();
    let prepared = crate::parallel::par_map(&texts, |(_, text)| prepare(text, dialect));
    for ((file, text), prepared) in texts.into_iter().zip(prepared) {
        let coverage = apply_file(&mut outcome, file, text, prepared, sources);
        outcome.coverage.push((file, coverage));
    }
    outcome
}

/// What sqlparser made of one statement.
type Parsed = Result<Vec<sqlparser::ast::Statement>, sqlparser::parser::ParserError>;

/// A file split into statements, each parsed unless it is unterminated or a
/// data statement (`None`).
struct Prepared {
    split: split::Split,
    parsed: Vec<Option<Parsed>>,
}

fn prepare(text: &str, dialect: Dialect) -> Prepared {
    let split = split::split(text, dialect);
    let parser_dialect = dialect.parser();
    let parsed = split
        .statements
        .iter()
        .map(|raw| {
            if raw.unterminated.is_some() {
                return None;
            }
            let tokens = locate::code_tokens(split.tokens.get(raw.tokens.clone()).unwrap_or(&[]));
            if is_data_statement(&tokens, text) {
                return None;
            }
            Some(parse(
                text.get(raw.start..raw.end).unwrap_or(""),
                parser_dialect.as_ref(),
            ))
        })
        .collect();
    Prepared { split, parsed }
}

/// `INSERT`, `UPDATE`, `SELECT` ...: no effect on the schema.
fn is_data_statement(tokens: &[lexer::Token], text: &str) -> bool {
    tokens
        .first()
        .is_some_and(|first| DATA_STATEMENTS.iter().any(|word| first.is_word(text, word)))
}

fn parse(statement_text: &str, parser_dialect: &dyn ParserDialect) -> Parsed {
    if statement_text.len() > MAX_PARSED_STATEMENT {
        return Err(sqlparser::parser::ParserError::ParserError(format!(
            "statement of {} MB is longer than archlint parses",
            statement_text.len() / 1_000_000
        )));
    }
    Parser::new(parser_dialect)
        .with_recursion_limit(RECURSION_LIMIT)
        .try_with_sql(statement_text)
        .and_then(|mut parser| parser.parse_statements())
}

fn apply_file(
    outcome: &mut SqlOutcome,
    file: FileId,
    text: &str,
    prepared: Prepared,
    sources: &SourceMap,
) -> Coverage {
    let Prepared { split, parsed } = prepared;
    collect_ignores(outcome, file, text, &split, sources);
    for comment in &split.unterminated_comments {
        let at = Place {
            file,
            span: Span::new(comment.start, comment.start + 2),
            pointer: None,
            object: None,
        };
        let message = "this comment is never closed; the rest of the file is part of it";
        outcome
            .diagnostics
            .push(Diagnostic::new(&SqlSyntaxError::META, at, message));
    }
    let mut coverage = Coverage::default();
    for (raw, parsed) in split.statements.iter().zip(parsed) {
        coverage.statements += 1;
        let place = Place {
            file,
            span: Span::new(raw.start, raw.end),
            pointer: None,
            object: None,
        };
        if let Some(open) = raw.unterminated {
            let what = match open.kind {
                lexer::TokenKind::Comment => "comment",
                lexer::TokenKind::QuotedIdent => "quoted identifier",
                _ => "string",
            };
            let at = Place {
                span: Span::new(open.start, open.start + 1),
                ..place.clone()
            };
            let message =
                format!("this {what} is never closed; the rest of the file is part of it");
            outcome
                .diagnostics
                .push(Diagnostic::new(&SqlSyntaxError::META, at, message));
            coverage.not_understood += 1;
            continue;
        }
        let tokens = locate::code_tokens(split.tokens.get(raw.tokens.clone()).unwrap_or(&[]));
        let Some(parsed) = parsed else {
            // A data statement (unterminated ones were handled above).
            coverage.no_schema_effect += 1;
            continue;
        };
        let mut context = apply::Context {
            schema: &mut outcome.schema,
            diagnostics: &mut outcome.diagnostics,
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
                    outcome.diagnostics.push(Diagnostic::new(
                        &SqlStatementNotUnderstood::META,
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

fn collect_ignores(
    outcome: &mut SqlOutcome,
    file: FileId,
    text: &str,
    split: &split::Split,
    sources: &SourceMap,
) {
    let Some(source) = sources.get(file) else {
        return;
    };
    for (index, token) in split.tokens.iter().enumerate() {
        if token.kind != lexer::TokenKind::Comment {
            continue;
        }
        let comment = token.text(text);
        let Some(at) = comment.find("archlint-ignore") else {
            continue;
        };
        let list = comment.get(at + "archlint-ignore".len()..).unwrap_or("");
        let list = list.trim_start_matches([':', ' ']).trim_end_matches("*/");
        let rules: Vec<String> = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|rule| !rule.is_empty())
            .map(str::to_owned)
            .collect();
        let line = source.line_col(clamp(token.start)).line;
        let code_before = index > 0
            && split.tokens.get(index - 1).is_some_and(|previous| {
                previous.kind != lexer::TokenKind::Comment
                    && source.line_col(clamp(previous.start)).line == line
            });
        let target = if code_before {
            line
        } else {
            split
                .tokens
                .get(index + 1..)
                .unwrap_or(&[])
                .iter()
                .find(|next| next.kind != lexer::TokenKind::Comment)
                .map_or(line + 1, |next| source.line_col(clamp(next.start)).line)
        };
        outcome.ignores.push(SqlIgnore {
            file,
            line: target,
            rules,
        });
    }
}

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_dialects() {
        assert_eq!(
            Dialect::detect(["CREATE TABLE `a` (id int AUTO_INCREMENT) ENGINE=InnoDB;"]),
            Dialect::Mysql
        );
        assert_eq!(
            Dialect::detect(["CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT);"]),
            Dialect::Sqlite
        );
        assert_eq!(
            Dialect::detect(["CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;"]),
            Dialect::Sqlite
        );
        assert_eq!(
            Dialect::detect(["CREATE TABLE a (id serial, x text DEFAULT 'a'::text);"]),
            Dialect::Postgres
        );
        assert_eq!(
            Dialect::detect(["CREATE TABLE a (id int);"]),
            Dialect::Postgres
        );
    }
}

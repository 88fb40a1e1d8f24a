//! Parsing a file's statements with sqlparser, one statement at a time: the
//! splitter finds where statements end (sqlparser cannot resynchronise after an
//! error), so one statement it rejects never hides the rest of the file.

use sqlparser::dialect::Dialect as ParserDialect;
use sqlparser::parser::Parser;

use super::{lexer, locate, split, Dialect};

/// The deepest expression nesting handed to sqlparser: deeper statements go to
/// the fallback reader instead of exhausting the stack.
const RECURSION_LIMIT: usize = 64;

/// Statements longer than this are not handed to sqlparser: its AST of a 10 MB
/// statement costs seconds and gigabytes, and no schema statement is that long.
const MAX_PARSED_STATEMENT: usize = 1024 * 1024;

/// Data statements cannot change the schema; they are recognized by their first
/// word and not parsed at all (dumps hold millions of rows of them).
const DATA_STATEMENTS: [&str; 6] = ["INSERT", "COPY", "REPLACE", "UPDATE", "DELETE", "VALUES"];

/// What sqlparser made of one statement.
pub type Parsed = Result<Vec<sqlparser::ast::Statement>, sqlparser::parser::ParserError>;

/// A file split into statements, each parsed unless it is unterminated or a
/// data statement (`None`).
pub struct Prepared {
    pub split: split::Split,
    pub parsed: Vec<Option<Parsed>>,
}

/// Splits a file and parses each of its statements; a migration's down part
/// (after a marker such as `-- migrate:down`) is left out.
pub fn prepare(text: &str, dialect: Dialect) -> Prepared {
    let text = text.get(..super::up_part_end(text)).unwrap_or(text);
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

/// Parses one statement's text (a statement found inside another, such as
/// the DDL of a `DO` block).
pub fn parse_statement(statement_text: &str, dialect: Dialect) -> Parsed {
    parse(statement_text, dialect.parser().as_ref())
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

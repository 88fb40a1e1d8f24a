//! The fallback reader: reads the schema effect of `CREATE TABLE`, `CREATE
//! INDEX` and `ALTER TABLE` statements that sqlparser rejects (an unusual
//! MySQL column type, a vendor option), so the table stays in the model
//! instead of vanishing, and recognizes the statements that cannot change
//! the schema. It reads tokens, not a grammar: names, types as written,
//! NULL-ability, defaults and keys (`tables`), and the operations of an
//! `ALTER TABLE` (`alter`).
//!
//! Why two readers: sqlparser gives an exact AST for the statements it
//! parses (the `ast` reader applies those), but one vendor option it does not
//! know makes it reject the whole statement, and a table missing from the
//! model turns into wrong findings everywhere downstream.

mod alter;
mod objects;
mod tables;

use super::applying::Applying;
use super::StatementKind;
use crate::base::diagnostic::Place;
use crate::base::source::Span;
use crate::sql::lexer::{Token, TokenKind};
use crate::sql::locate;

/// Words that end a column's type and start its options.
pub(super) const OPTION_WORDS: [&str; 17] = [
    "NOT",
    "NULL",
    "DEFAULT",
    "PRIMARY",
    "UNIQUE",
    "REFERENCES",
    "CHECK",
    "CONSTRAINT",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
    "COMMENT",
    "COLLATE",
    "GENERATED",
    "CHARACTER",
    "ON",
    "AS",
    "IDENTITY",
];

/// What the fallback made of a statement sqlparser rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its effect on the schema was read and applied.
    Applied,
    /// It is of a kind that cannot change the schema model (a routine, data,
    /// a session setting, a maintenance command); nothing to apply.
    NoSchemaEffect,
    NotUnderstood,
}

/// Statements that start with one of these cannot change tables, columns, keys
/// or indexes.
const NO_EFFECT_STARTS: [&str; 27] = [
    "PREPARE",
    "EXECUTE",
    "DEALLOCATE",
    "OPTIMIZE",
    "ANALYZE",
    "REPAIR",
    "FLUSH",
    "LOCK",
    "UNLOCK",
    "SET",
    "PRAGMA",
    "DELETE",
    "UPDATE",
    "INSERT",
    "REPLACE",
    "SELECT",
    "CALL",
    "DO",
    "BEGIN",
    "COMMIT",
    "START",
    "ROLLBACK",
    "GRANT",
    "REVOKE",
    "VACUUM",
    "REINDEX",
    "USE",
];
/// `CREATE`/`ALTER`/`DROP` of these objects do not touch the schema model.
const NO_EFFECT_OBJECTS: [&str; 15] = [
    "FUNCTION",
    "PROCEDURE",
    "TRIGGER",
    "EVENT",
    "LANGUAGE",
    "AGGREGATE",
    "OPERATOR",
    "CAST",
    "SEQUENCE",
    "DATABASE",
    "SCHEMA",
    "EXTENSION",
    "ROLE",
    "USER",
    "RULE",
];
/// `ALTER TABLE ... ALTER [COLUMN] x SET <these>` change storage, not the schema.
pub(super) const STORAGE_SETTINGS: [&str; 3] = ["STORAGE", "STATISTICS", "COMPRESSION"];

/// Reads the statement's effect when sqlparser could not.
pub fn apply(context: &mut Applying<'_>) -> Outcome {
    let words = leading_words(context);
    let first = words.first().map(String::as_str).unwrap_or("");
    let object = words.iter().skip(1).find(|word| {
        ![
            "OR",
            "REPLACE",
            "TEMP",
            "TEMPORARY",
            "UNIQUE",
            "DEFINER",
            "TRUSTED",
            "PROCEDURAL",
            "GLOBAL",
            "LOCAL",
            "UNLOGGED",
            "FULLTEXT",
            "SPATIAL",
        ]
        .contains(&word.as_str())
    });
    let applied = |done: bool| {
        if done {
            Outcome::Applied
        } else {
            Outcome::NotUnderstood
        }
    };
    match (first, object.map(String::as_str)) {
        ("CREATE", Some("TABLE")) => applied(tables::create_table(context)),
        ("CREATE", Some("INDEX")) => applied(tables::create_index(context)),
        ("ALTER", Some("TABLE")) => alter::alter_table(context),
        ("DROP", Some("INDEX")) => applied(objects::drop_index(context)),
        ("COMMENT", Some("ON"))
            if words
                .get(2)
                .is_some_and(|object| object == "TABLE" || object == "COLUMN") =>
        {
            applied(objects::comment(context))
        }
        ("CREATE" | "ALTER" | "DROP" | "COMMENT", _)
            if words
                .iter()
                .any(|word| NO_EFFECT_OBJECTS.contains(&word.as_str())) =>
        {
            Outcome::NoSchemaEffect
        }
        _ if NO_EFFECT_STARTS.contains(&first) => Outcome::NoSchemaEffect,
        _ => Outcome::NotUnderstood,
    }
}

fn leading_words(context: &Applying<'_>) -> Vec<String> {
    context
        .tokens
        .iter()
        .take(8)
        .filter(|token| token.kind == TokenKind::Word)
        .map(|token| token.text(context.text).to_ascii_uppercase())
        .collect()
}

/// The name after `keyword` (skipping `IF NOT EXISTS`, `ONLY`), qualified names joined.
pub(super) fn name_after(context: &Applying<'_>, keyword: &str) -> Option<(String, usize)> {
    let source = context.text;
    let tokens = context.tokens;
    let mut index = locate::find_word(source, tokens, keyword)? + 1;
    while tokens.get(index).is_some_and(|token| {
        ["IF", "NOT", "EXISTS", "ONLY", "CONCURRENTLY"]
            .iter()
            .any(|skip| token.is_word(source, skip))
    }) {
        index += 1;
    }
    let mut name = tokens.get(index)?.ident(source)?;
    while tokens
        .get(index + 1)
        .is_some_and(|token| token.is_punct(source, '.'))
    {
        name = format!("{name}.{}", tokens.get(index + 2)?.ident(source)?);
        index += 2;
    }
    Some((name, index + 1))
}

pub(super) fn record(context: &mut Applying<'_>, kind: StatementKind, table: String) {
    let preexisting = context.preexisting(&table);
    context.record(kind, Some(table), preexisting);
}

pub(super) fn span_place(statement: &Place, tokens: &[Token], object: Option<String>) -> Place {
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => Place {
            span: Span::new(first.start, last.end),
            object,
            ..statement.clone()
        },
        _ => statement.clone(),
    }
}

//! DDL inside PostgreSQL `DO $$ … $$` blocks. Migrations guard changes with
//! PL/pgSQL (`IF NOT EXISTS (SELECT … FROM information_schema …) THEN ALTER
//! TABLE … END IF;`) or build them as strings (`EXECUTE 'CREATE INDEX …'`).
//! Leaving them out would make columns "missing" and keep old types; both
//! branches of a condition cannot be told apart statically, so every DDL
//! statement found is applied, as if its condition held (the model says so:
//! `StatementRecord::in_block`).

use crate::sql::lexer::{self, Token, TokenKind};
use crate::sql::Dialect;

/// Words that start a DDL statement inside a block.
const DDL_STARTS: [&str; 4] = ["CREATE", "ALTER", "DROP", "COMMENT"];

/// One DDL statement found inside a block: its byte range in the file, or a
/// statement that cannot be read (built with `format()`, or with escaped
/// quotes in an `EXECUTE` string).
pub(super) enum InBlock {
    Ddl { start: usize, end: usize },
    Unreadable,
}

/// The DDL statements of a `DO` block, in order; `None` when the statement
/// (its code tokens, with offsets into `text`) is not a `DO` block.
pub(super) fn ddl_in_block(text: &str, tokens: &[Token]) -> Option<Vec<InBlock>> {
    if !tokens.first()?.is_word(text, "DO") {
        return None;
    }
    let body = tokens
        .iter()
        .find(|token| token.kind == TokenKind::String && token.text(text).starts_with('$'))?;
    let quoted = body.text(text);
    let tag_length = quoted.get(1..)?.find('$')? + 2;
    let inner_start = body.start + tag_length;
    let inner_end = body.end.checked_sub(tag_length)?.max(inner_start);
    let inner = text.get(inner_start..inner_end)?;
    let inner_tokens: Vec<Token> = lexer::tokenize(inner, Dialect::Postgres)
        .into_iter()
        .filter(|token| token.kind != TokenKind::Comment)
        .map(|token| Token {
            start: token.start + inner_start,
            end: token.end + inner_start,
            ..token
        })
        .collect();
    let found = inner_tokens
        .split(|token| token.is_punct(text, ';'))
        .filter_map(|piece| ddl_in_piece(text, piece))
        .collect();
    Some(found)
}

/// The DDL of one `;`-separated piece of a block body, if it holds any.
fn ddl_in_piece(text: &str, piece: &[Token]) -> Option<InBlock> {
    let last = piece.last()?;
    let execute = piece
        .iter()
        .position(|token| token.is_word(text, "EXECUTE"));
    if let Some(at) = execute {
        let argument = piece.get(at + 1)?;
        let literal = argument.text(text);
        let readable = argument.kind == TokenKind::String
            && literal.starts_with('\'')
            && !literal
                .get(1..literal.len().saturating_sub(1))?
                .contains('\'');
        return Some(if readable && starts_ddl(literal.get(1..)?) {
            InBlock::Ddl {
                start: argument.start + 1,
                end: argument.end.saturating_sub(1),
            }
        } else if starts_ddl(literal.trim_start_matches(['\'', '$'])) || !readable {
            InBlock::Unreadable
        } else {
            return None;
        });
    }
    let mut depth = 0usize;
    for token in piece {
        if token.is_punct(text, '(') {
            depth += 1;
        } else if token.is_punct(text, ')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && DDL_STARTS.iter().any(|word| token.is_word(text, word)) {
            return Some(InBlock::Ddl {
                start: token.start,
                end: last.end,
            });
        }
    }
    None
}

fn starts_ddl(statement: &str) -> bool {
    let first = statement
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    DDL_STARTS
        .iter()
        .any(|word| first.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let tokens: Vec<Token> = lexer::tokenize(text, Dialect::Postgres)
            .into_iter()
            .filter(|token| token.kind != TokenKind::Comment)
            .collect();
        ddl_in_block(text, &tokens)
            .unwrap_or_default()
            .iter()
            .map(|ddl| match ddl {
                InBlock::Ddl { start, end } => text[*start..*end].to_owned(),
                InBlock::Unreadable => "?".to_owned(),
            })
            .collect()
    }

    #[test]
    fn guarded_and_executed_ddl_is_found() {
        let block = "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_attribute) THEN\n    ALTER TABLE a ADD COLUMN z int;\n  END IF;\n  EXECUTE 'CREATE INDEX a_z ON a (z)';\n  EXECUTE format('DROP TABLE %I', t);\n  UPDATE a SET z = 1;\nEND $$";
        assert_eq!(
            found(block),
            [
                "ALTER TABLE a ADD COLUMN z int",
                "CREATE INDEX a_z ON a (z)",
                "?"
            ]
        );
        assert!(found("DO $body$ BEGIN RAISE NOTICE 'x'; END $body$").is_empty());
    }
}

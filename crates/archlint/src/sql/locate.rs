//! Exact places of columns, constraints and options, from the statement's tokens.
//!
//! sqlparser's spans are incomplete (a column's span covers only its name, data
//! types and several statements have none), so every location in the schema
//! model comes from archlint's own tokens: the element of a `CREATE TABLE` body
//! between two top-level commas is exactly one column or constraint definition.

use super::lexer::{Token, TokenKind};

/// One element of a `CREATE TABLE (...)` body.
#[derive(Debug, Clone)]
pub struct Element {
    pub start: usize,
    pub end: usize,
    /// The column name when the element defines a column.
    pub column: Option<String>,
    /// Index range of the element's tokens (comments excluded) in the slice given.
    pub tokens: std::ops::Range<usize>,
}

/// Keywords that start a table-level constraint or index rather than a column.
const CONSTRAINT_STARTS: [&str; 12] = [
    "CONSTRAINT",
    "PRIMARY",
    "UNIQUE",
    "FOREIGN",
    "CHECK",
    "KEY",
    "INDEX",
    "FULLTEXT",
    "SPATIAL",
    "EXCLUDE",
    "LIKE",
    "PERIOD",
];

/// Tokens without comments: what every reader below works on.
pub fn code_tokens(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .copied()
        .filter(|token| token.kind != TokenKind::Comment)
        .collect()
}

/// The index of the `(` that opens the table body, and of its matching `)`.
pub fn table_body(source: &str, tokens: &[Token]) -> Option<(usize, usize)> {
    let open = tokens
        .iter()
        .position(|token| token.is_punct(source, '('))?;
    let close = matching_paren(source, tokens, open)?;
    Some((open, close))
}

pub fn matching_paren(source: &str, tokens: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().skip(open) {
        if token.is_punct(source, '(') {
            depth += 1;
        } else if token.is_punct(source, ')') {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(index);
            }
        }
    }
    None
}

/// The elements of a table body, split at top-level commas.
pub fn table_elements(source: &str, tokens: &[Token]) -> Vec<Element> {
    let Some((open, close)) = table_body(source, tokens) else {
        return Vec::new();
    };
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut first = open + 1;
    for index in open + 1..=close {
        let Some(token) = tokens.get(index) else {
            break;
        };
        let ends_element = (depth == 0 && token.is_punct(source, ',')) || index == close;
        if token.is_punct(source, '(') {
            depth += 1;
        } else if token.is_punct(source, ')') && index != close {
            depth = depth.saturating_sub(1);
        }
        if ends_element {
            if first < index {
                elements.push(element(source, tokens, first..index));
            }
            first = index + 1;
        }
    }
    elements
}

fn element(source: &str, tokens: &[Token], range: std::ops::Range<usize>) -> Element {
    let start = tokens.get(range.start).map_or(0, |token| token.start);
    let end = tokens
        .get(range.end.saturating_sub(1))
        .map_or(start, |token| token.end);
    let first = tokens.get(range.start);
    let is_constraint = first.is_some_and(|token| {
        token.kind == TokenKind::Word
            && CONSTRAINT_STARTS
                .iter()
                .any(|word| token.is_word(source, word))
    });
    let column = if is_constraint {
        None
    } else {
        first.and_then(|token| token.ident(source))
    };
    Element {
        start,
        end,
        column,
        tokens: range,
    }
}

/// The first token at or after `from` naming `name` (case-insensitive).
pub fn find_ident(source: &str, tokens: &[Token], from: usize, name: &str) -> Option<Token> {
    tokens
        .iter()
        .skip(from)
        .find(|token| {
            token
                .ident(source)
                .is_some_and(|ident| ident.eq_ignore_ascii_case(name))
        })
        .copied()
}

/// The index of the first token that is the keyword `word`.
pub fn find_word(source: &str, tokens: &[Token], word: &str) -> Option<usize> {
    tokens.iter().position(|token| token.is_word(source, word))
}

/// `KEYWORD [=] value` among the tokens after the table body: `ENGINE=InnoDB`,
/// `DEFAULT CHARSET=utf8mb4`, `CHARACTER SET utf8`.
pub fn table_option(source: &str, tokens: &[Token], keywords: &[&str]) -> Option<String> {
    let after = table_body(source, tokens).map_or(0, |(_, close)| close + 1);
    let tail = tokens.get(after..)?;
    (0..tail.len()).find_map(|index| {
        let matched = keywords.iter().find(|keyword| {
            keyword.split(' ').enumerate().all(|(offset, part)| {
                tail.get(index + offset)
                    .is_some_and(|candidate| candidate.is_word(source, part))
            })
        })?;
        let mut value_index = index + matched.split(' ').count();
        if tail
            .get(value_index)
            .is_some_and(|token| token.is_punct(source, '='))
        {
            value_index += 1;
        }
        tail.get(value_index).and_then(|value| value.ident(source))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::lexer::tokenize;
    use crate::sql::Dialect;

    #[test]
    fn elements_split_at_top_level_commas() {
        let source = "CREATE TABLE t (\n  id int,\n  price numeric(10, 2) CHECK (price > 0),\n  PRIMARY KEY (id)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
        let tokens = code_tokens(&tokenize(source, Dialect::Mysql));
        let elements = table_elements(source, &tokens);
        assert_eq!(elements.len(), 3);
        assert_eq!(elements[0].column.as_deref(), Some("id"));
        assert_eq!(
            &source[elements[1].start..elements[1].end],
            "price numeric(10, 2) CHECK (price > 0)"
        );
        assert_eq!(elements[2].column, None);
        assert_eq!(
            table_option(source, &tokens, &["ENGINE"]).as_deref(),
            Some("InnoDB")
        );
        assert_eq!(
            table_option(source, &tokens, &["CHARSET", "CHARACTER SET"]).as_deref(),
            Some("utf8mb4")
        );
    }
}

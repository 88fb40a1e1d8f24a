//! Splits SQL text into statements without parsing them.
//!
//! sqlparser's `parse_sql` is all-or-nothing, so archlint finds statement
//! boundaries itself and hands sqlparser one statement at a time. The splitter
//! sees through every kind of quoting and comment (the lexer's job), follows
//! MySQL's `DELIMITER` command, skips psql meta-commands (`\connect`,
//! `\restrict` ...) and sqlite3 dot-commands (`.bail on`), and keeps `BEGIN ... END` trigger and procedure bodies of
//! SQLite and MySQL in one statement.

use super::lexer::{tokenize, Token, TokenKind};
use super::Dialect;

/// One statement: its byte range (without the delimiter) and its tokens.
#[derive(Debug, Clone)]
pub struct RawStatement {
    pub start: usize,
    pub end: usize,
    /// Index range into [`Split::tokens`], comments included.
    pub tokens: std::ops::Range<usize>,
    /// A string, quoted identifier or comment of this statement that is never closed.
    pub unterminated: Option<Token>,
}

#[derive(Debug, Default)]
pub struct Split {
    pub tokens: Vec<Token>,
    pub statements: Vec<RawStatement>,
    /// psql meta-commands and MySQL `DELIMITER` lines that were skipped.
    pub client_commands: usize,
    /// Block comments between statements that are never closed.
    pub unterminated_comments: Vec<Token>,
}

pub fn split(source: &str, dialect: Dialect) -> Split {
    let tokens = tokenize(source, dialect);
    let mut splitter = Splitter {
        source,
        tokens: &tokens,
        dialect,
        index: 0,
        delimiter: ";".to_owned(),
        statements: Vec::new(),
        client_commands: 0,
        unterminated_comments: Vec::new(),
    };
    splitter.run();
    let Splitter {
        statements,
        client_commands,
        unterminated_comments,
        ..
    } = splitter;
    Split {
        tokens,
        statements,
        client_commands,
        unterminated_comments,
    }
}

struct Splitter<'s> {
    source: &'s str,
    tokens: &'s [Token],
    dialect: Dialect,
    index: usize,
    delimiter: String,
    statements: Vec<RawStatement>,
    client_commands: usize,
    unterminated_comments: Vec<Token>,
}

impl Splitter<'_> {
    fn run(&mut self) {
        while self.index < self.tokens.len() {
            let Some(token) = self.tokens.get(self.index).copied() else {
                break;
            };
            if token.kind == TokenKind::Comment || self.at_delimiter(&token) {
                if token.unterminated {
                    self.unterminated_comments.push(token);
                }
                self.index += 1;
                continue;
            }
            if self.is_client_command(&token) {
                continue;
            }
            self.statement();
        }
    }

    /// Skips a psql meta-command or a MySQL `DELIMITER` line starting at `token`;
    /// returns whether it did.
    fn is_client_command(&mut self, token: &Token) -> bool {
        let at_line_start = self
            .source
            .get(..token.start)
            .is_some_and(|before| before.rsplit('\n').next().unwrap_or("").trim().is_empty());
        if !at_line_start {
            return false;
        }
        let line_end = self
            .source
            .get(token.start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(self.source.len(), |at| token.start + at);
        // psql meta-commands (`\connect`) and sqlite3 dot-commands (`.bail on`).
        if token.is_punct(self.source, '\\') || token.is_punct(self.source, '.') {
            self.skip_to(line_end);
            return true;
        }
        if token.is_word(self.source, "DELIMITER") {
            let rest = self.source.get(token.end..line_end).unwrap_or("").trim();
            if !rest.is_empty() {
                self.delimiter = rest.to_owned();
            }
            self.skip_to(line_end);
            return true;
        }
        false
    }

    fn skip_to(&mut self, offset: usize) {
        self.client_commands += 1;
        while self
            .tokens
            .get(self.index)
            .is_some_and(|token| token.start < offset)
        {
            self.index += 1;
        }
    }

    fn at_delimiter(&self, token: &Token) -> bool {
        if matches!(
            token.kind,
            TokenKind::Comment | TokenKind::String | TokenKind::QuotedIdent
        ) {
            return false;
        }
        self.source
            .get(token.start..)
            .is_some_and(|rest| rest.starts_with(self.delimiter.as_str()))
    }

    /// Reads one statement from the current token up to its delimiter.
    fn statement(&mut self) {
        let first = self.index;
        let mut last = first;
        let mut unterminated = None;
        let body_keywords = self.dialect != Dialect::Postgres && self.opens_body(first);
        let mut depth = 0usize;
        while let Some(token) = self.tokens.get(self.index).copied() {
            if token.unterminated && unterminated.is_none() {
                unterminated = Some(token);
            }
            if depth == 0 && self.at_delimiter(&token) {
                break;
            }
            if body_keywords && token.kind == TokenKind::Word {
                depth = self.track_body(&token, depth);
            }
            if token.kind != TokenKind::Comment {
                last = self.index;
            }
            self.index += 1;
        }
        // Skip the delimiter itself (which may span several tokens, like `//`).
        if let Some(token) = self.tokens.get(self.index).copied() {
            let delimiter_end = token.start + self.delimiter.len();
            while self
                .tokens
                .get(self.index)
                .is_some_and(|t| t.start < delimiter_end)
            {
                self.index += 1;
            }
        }
        let (Some(start), Some(end)) = (self.tokens.get(first), self.tokens.get(last)) else {
            return;
        };
        self.statements.push(RawStatement {
            start: start.start,
            end: end.end,
            tokens: first..last + 1,
            unterminated,
        });
    }

    /// `CREATE [TEMP] TRIGGER`, `CREATE PROCEDURE`, `CREATE FUNCTION`, `CREATE EVENT`:
    /// statements whose bodies hold `;` between `BEGIN` and `END`.
    fn opens_body(&self, first: usize) -> bool {
        let words: Vec<&Token> = self
            .tokens
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .filter(|token| token.kind != TokenKind::Comment)
            .take(8)
            .collect();
        words
            .first()
            .is_some_and(|token| token.is_word(self.source, "CREATE"))
            && words.iter().any(|token| {
                ["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"]
                    .iter()
                    .any(|word| token.is_word(self.source, word))
            })
    }

    fn track_body(&self, token: &Token, depth: usize) -> usize {
        if token.is_word(self.source, "BEGIN") || token.is_word(self.source, "CASE") && depth > 0 {
            return depth + 1;
        }
        if token.is_word(self.source, "END") && depth > 0 {
            let next = self
                .tokens
                .get(self.index + 1..)
                .unwrap_or(&[])
                .iter()
                .find(|t| t.kind != TokenKind::Comment);
            let closes_other = next.is_some_and(|next| {
                ["IF", "LOOP", "WHILE", "REPEAT"]
                    .iter()
                    .any(|word| next.is_word(self.source, word))
            });
            if !closes_other {
                return depth - 1;
            }
        }
        depth
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str, dialect: Dialect) -> Vec<&str> {
        split(source, dialect)
            .statements
            .iter()
            .map(|statement| &source[statement.start..statement.end])
            .collect()
    }

    #[test]
    fn semicolons_in_strings_comments_and_dollar_bodies_do_not_split() {
        let source = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n-- a; comment\nINSERT INTO t VALUES ('a;b', E'c\\';d'); /* x; /* y; */ z; */ SELECT 2;";
        assert_eq!(
            texts(source, Dialect::Postgres),
            vec![
                "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
                "INSERT INTO t VALUES ('a;b', E'c\\';d')",
                "SELECT 2"
            ]
        );
    }

    #[test]
    fn tagged_dollar_quotes() {
        let source = "DO $body$ BEGIN PERFORM 1; $x$ inner; $x$ END $body$; SELECT 1";
        assert_eq!(texts(source, Dialect::Postgres).len(), 2);
    }

    #[test]
    fn psql_meta_commands_are_skipped() {
        let source =
            "\\connect shop\n\\restrict abc123\nCREATE TABLE a (id int);\n\\unrestrict abc123\n";
        let result = split(source, Dialect::Postgres);
        assert_eq!(result.statements.len(), 1);
        assert_eq!(result.client_commands, 3);
    }

    #[test]
    fn mysql_delimiter_changes_the_terminator() {
        let source = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nDELIMITER ;\nSELECT 3;";
        assert_eq!(
            texts(source, Dialect::Mysql),
            vec![
                "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
                "SELECT 3"
            ]
        );
    }

    #[test]
    fn sqlite_trigger_bodies_stay_whole() {
        let source = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = CASE WHEN 1 THEN 2 END; DELETE FROM c; END; SELECT 1;";
        assert_eq!(texts(source, Dialect::Sqlite).len(), 2);
    }

    #[test]
    fn unterminated_quotes_are_reported_on_their_statement() {
        let result = split("SELECT 1; SELECT 'oops;\nSELECT 2;", Dialect::Postgres);
        assert_eq!(result.statements.len(), 2);
        assert!(result.statements[1].unterminated.is_some());
    }
}

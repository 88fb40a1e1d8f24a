//! The statement being applied, as both readers of DDL see it: where it is,
//! what it changed (for the migration rules), and what it could not find.

use super::{Change, Schema, StatementKind, StatementRecord, Table};
use crate::base::diagnostic::{Place, Problem};
use crate::base::source::{FileId, Span};
use crate::sql::lexer::Token;
use crate::sql::{SqlProblem, SqlProblemKind};

/// One statement being applied to the schema.
pub struct Applying<'a> {
    pub schema: &'a mut Schema,
    pub problems: &'a mut Vec<SqlProblem>,
    pub file: FileId,
    /// The whole file's text (token offsets point into it).
    pub text: &'a str,
    /// The statement's tokens, comments excluded.
    pub tokens: &'a [Token],
    /// The whole statement.
    pub place: Place,
    /// What applying the statement changed (collected for the history).
    pub changes: Vec<Change>,
    /// Missing objects already reported.
    pub unknown_seen: &'a mut Vec<String>,
    /// Whether the statement named an object the history never created (its
    /// effect is then not in the model).
    pub missed: bool,
    /// Whether the statement sits inside a `DO` block, applied as if its
    /// conditions held.
    pub in_block: bool,
}

impl Applying<'_> {
    /// Whether the table may hold rows: it was created by an earlier release
    /// and this file has not emptied it.
    pub fn preexisting(&self, table: &str) -> bool {
        let emptied = self
            .schema
            .emptied
            .iter()
            .any(|(file, name)| *file == self.file && Schema::same_name(name, table));
        !emptied
            && self
                .schema
                .table(table)
                .is_some_and(|existing| !self.schema.same_release(existing.created_in, self.file))
    }

    /// Records the statement in the history, once applied; what it added to
    /// its table without a name gets the name the database gives it.
    pub fn record(&mut self, kind: StatementKind, table: Option<String>, table_preexisting: bool) {
        if let Some(table) = &table {
            self.schema.name_unnamed(table);
        }
        self.schema.statements.push(StatementRecord {
            kind,
            place: self.place.clone(),
            table,
            table_preexisting,
            changes: std::mem::take(&mut self.changes),
            in_block: self.in_block,
        });
    }

    pub fn has_word(&self, word: &str) -> bool {
        self.tokens
            .iter()
            .any(|token| token.is_word(self.text, word))
    }

    /// Transaction, lock-timeout and grant statements, read from their words.
    pub fn session_change(&mut self) {
        let word = |index: usize, expected: &str| {
            self.tokens
                .get(index)
                .is_some_and(|token| token.is_word(self.text, expected))
        };
        if word(0, "BEGIN") || (word(0, "START") && word(1, "TRANSACTION")) {
            self.changes.push(Change::BeginTransaction);
        } else if word(0, "COMMIT") || word(0, "END") || word(0, "ROLLBACK") {
            self.changes.push(Change::EndTransaction);
        } else if word(0, "SET") && (1..3).any(|index| word(index, "lock_timeout")) {
            self.changes.push(Change::SetLockTimeout);
        } else if word(0, "GRANT") {
            let to_public = self.tokens.windows(2).any(|pair| {
                pair[0].is_word(self.text, "TO") && pair[1].is_word(self.text, "PUBLIC")
            });
            let on = self
                .tokens
                .iter()
                .position(|token| token.is_word(self.text, "ON"));
            let to = self
                .tokens
                .iter()
                .rposition(|token| token.is_word(self.text, "TO"));
            if let (true, Some(on), Some(to)) = (to_public, on, to) {
                let objects = self
                    .tokens
                    .get(on + 1..to)
                    .unwrap_or(&[])
                    .iter()
                    .map(|token| token.text(self.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.changes.push(Change::GrantToPublic { objects });
            }
        }
    }

    pub fn at(&self, start: usize, end: usize, object: Option<String>) -> Place {
        Place {
            file: self.file,
            span: Span::new(start, end),
            pointer: None,
            object,
        }
    }

    pub fn unknown(&mut self, what: &str, name: &str) {
        self.missed = true;
        // One finding per missing object: the first statement that needs it.
        if self
            .unknown_seen
            .iter()
            .any(|seen| Schema::same_name(seen, name))
        {
            return;
        }
        self.unknown_seen.push(name.to_owned());
        let message = format!("{what} `{name}` is not defined by any earlier statement");
        self.problems.push(Problem::new(
            SqlProblemKind::UnknownObject,
            self.place.clone(),
            message,
        ));
    }

    pub fn new_table(&self, name: String) -> Table {
        Table {
            place: Place {
                object: Some(name.clone()),
                ..self.place.clone()
            },
            name,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            indexes: Vec::new(),
            engine: None,
            charset: None,
            comment: None,
            row_level_security: false,
            temporary: false,
            seeded: false,
            dropped_foreign_keys: Vec::new(),
            created_in: self.file,
            changed_in: self.file,
        }
    }

    /// Replaces a table of the same name (a second `CREATE TABLE` after a drop
    /// the history did not show), or adds it.
    pub fn insert_table(&mut self, table: Table) {
        self.schema.add_table(table);
    }
}

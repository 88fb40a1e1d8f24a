//! Data statements of a migration, read from their words: what they tell the
//! migration rules about the rows (a table emptied before a `NOT NULL`
//! column is added, rows copied before a column or table is dropped) and
//! which tables the history fills itself (lookup tables).

use super::applying::Applying;
use super::Change;
use crate::sql::lexer::Token;

impl Applying<'_> {
    /// Records what a `DELETE`, `TRUNCATE`, `INSERT` or `UPDATE` does to rows.
    pub fn data_change(&mut self) {
        let reader = Reader {
            text: self.text,
            tokens: self.tokens,
        };
        for change in reader.changes() {
            // Rows the history inserts only mark their table: a dump's
            // million `INSERT`s must not each add a change.
            match change {
                Change::InsertRows { into } => {
                    if let Some(table) = self.schema.table_mut(&into) {
                        table.seeded = true;
                    }
                }
                Change::EmptyTable { table } => {
                    self.schema.emptied.push((self.file, table.clone()));
                    self.changes.push(Change::EmptyTable { table });
                }
                change => self.changes.push(change),
            }
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Reader<'_> {
    fn word(&self, index: usize, word: &str) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|token| token.is_word(self.text, word))
    }

    fn has_word(&self, word: &str) -> bool {
        self.tokens
            .iter()
            .any(|token| token.is_word(self.text, word))
    }

    fn changes(&self) -> Vec<Change> {
        if self.word(0, "TRUNCATE") {
            return self.truncated();
        }
        if self.word(0, "DELETE") && self.word(1, "FROM") {
            // Without a WHERE, every row goes.
            return match (self.name_at(2), self.has_word("WHERE")) {
                (Some((table, _)), false) => vec![Change::EmptyTable { table }],
                _ => Vec::new(),
            };
        }
        if self.word(0, "INSERT") && self.word(1, "INTO") {
            let Some((into, next)) = self.name_at(2) else {
                return Vec::new();
            };
            // `VALUES` rows are read no further: dumps hold millions.
            return match self.selects_after(next) {
                true => vec![Change::CopyData {
                    into,
                    from: self.tables_read(),
                }],
                false => vec![Change::InsertRows { into }],
            };
        }
        if self.word(0, "UPDATE") {
            let Some((into, _)) = self.name_at(1) else {
                return Vec::new();
            };
            let from = self.tables_read();
            if !from.is_empty() {
                return vec![Change::CopyData { into, from }];
            }
        }
        Vec::new()
    }

    /// Whether the rows come from a query: `SELECT` or `WITH` after the
    /// target and its column list.
    fn selects_after(&self, index: usize) -> bool {
        let mut index = index;
        if self
            .tokens
            .get(index)
            .is_some_and(|token| token.is_punct(self.text, '('))
        {
            let mut depth = 0usize;
            while let Some(token) = self.tokens.get(index) {
                if token.is_punct(self.text, '(') {
                    depth += 1;
                } else if token.is_punct(self.text, ')') {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        index += 1;
                        break;
                    }
                }
                index += 1;
            }
        }
        while self
            .tokens
            .get(index)
            .is_some_and(|token| token.is_punct(self.text, '('))
        {
            index += 1;
        }
        self.word(index, "SELECT") || self.word(index, "WITH")
    }

    /// `TRUNCATE [TABLE] [ONLY] a, b`.
    fn truncated(&self) -> Vec<Change> {
        let mut index = 1;
        while ["TABLE", "ONLY"].iter().any(|skip| self.word(index, skip)) {
            index += 1;
        }
        let mut emptied = Vec::new();
        while let Some((table, next)) = self.name_at(index) {
            emptied.push(Change::EmptyTable { table });
            if !self
                .tokens
                .get(next)
                .is_some_and(|token| token.is_punct(self.text, ','))
            {
                break;
            }
            index = next + 1;
        }
        emptied
    }

    /// The tables named after `FROM` or `JOIN` anywhere in the statement.
    fn tables_read(&self) -> Vec<String> {
        let mut tables: Vec<String> = Vec::new();
        for (index, token) in self.tokens.iter().enumerate() {
            if !(token.is_word(self.text, "FROM") || token.is_word(self.text, "JOIN")) {
                continue;
            }
            if let Some((table, _)) = self.name_at(index + 1) {
                if !tables.contains(&table) {
                    tables.push(table);
                }
            }
        }
        tables
    }

    /// A (possibly qualified) name at `index`, and the index after it.
    fn name_at(&self, index: usize) -> Option<(String, usize)> {
        let first = self.tokens.get(index)?;
        if first.is_punct(self.text, '(') {
            return None;
        }
        let mut name = first.ident(self.text)?;
        let mut index = index;
        while self
            .tokens
            .get(index + 1)
            .is_some_and(|token| token.is_punct(self.text, '.'))
        {
            name = format!("{name}.{}", self.tokens.get(index + 2)?.ident(self.text)?);
            index += 2;
        }
        Some((name, index + 1))
    }
}

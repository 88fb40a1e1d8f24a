//! SQL as a language: dialects, the lexer, the statement splitter, locating
//! parts of a statement by its tokens, and parsing each statement with
//! sqlparser. What the statements mean for a schema is the `schema` floor's
//! business; this floor reports only its own problems ([`SqlProblemKind`]).

pub mod ignores;
pub mod lexer;
pub mod locate;
mod parse;
mod problem;
mod sections;
pub mod split;

use serde::{Deserialize, Serialize};
use sqlparser::dialect::{
    Dialect as ParserDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};

pub use ignores::SqlIgnore;
pub use parse::{parse_statement, prepare, Parsed, Prepared};
pub use problem::{decode, not_utf8, syntax_problems, SqlProblem, SqlProblemKind};
pub use sections::{migration_name, up_part_end};

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

    /// The dialect a setting names (`--dialect`, `[sql] dialect`, Python's and
    /// the browser's `dialect`), with the one message every front door shows.
    pub fn from_setting(name: &str) -> Result<Dialect, String> {
        Dialect::parse(name)
            .ok_or_else(|| format!("unknown SQL dialect `{name}`; use postgres, mysql or sqlite"))
    }

    pub fn parse(text: &str) -> Option<Dialect> {
        match text.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::Mysql),
            "sqlite" | "sqlite3" => Some(Dialect::Sqlite),
            _ => None,
        }
    }

    /// Guesses the dialect from tell-tale syntax outside comments: backticks,
    /// `ENGINE=` and `AUTO_INCREMENT` mean MySQL; `AUTOINCREMENT` and `WITHOUT
    /// ROWID` SQLite; `$$`, `SERIAL`, `::`, `CREATE TYPE … AS ENUM`, `JSONB`
    /// and `CONCURRENTLY` PostgreSQL. PostgreSQL wins ties. Comments are left
    /// out: generated migrations quote names in backticks there (Prisma's
    /// warnings) whatever the dialect.
    pub fn detect<'t>(texts: impl IntoIterator<Item = &'t str>) -> Dialect {
        let (mut postgres, mut mysql, mut sqlite) = (0usize, 0usize, 0usize);
        for text in texts {
            let upper = without_comments(text).to_ascii_uppercase();
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
                + 2 * count("JSONB")
                + 3 * count("AS ENUM")
                + 3 * count("CONCURRENTLY")
                + 2 * count("USING GIN")
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

    pub(crate) fn parser(self) -> Box<dyn ParserDialect> {
        match self {
            Dialect::Postgres => Box::new(PostgreSqlDialect {}),
            Dialect::Mysql => Box::new(MySqlDialect {}),
            Dialect::Sqlite => Box::new(SQLiteDialect {}),
        }
    }
}

/// The text without `--` and `/* */` comments (string literals are kept as
/// they are; a `--` inside one only shortens what is looked at).
fn without_comments(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let line = rest.find("--");
        let block = rest.find("/*");
        let (at, end) = match (line, block) {
            (Some(line), Some(block)) if block < line => (
                block,
                rest.get(block..)
                    .and_then(|r| r.find("*/"))
                    .map(|e| block + e + 2),
            ),
            (Some(line), _) => (
                line,
                rest.get(line..)
                    .and_then(|r| r.find('\n'))
                    .map(|e| line + e),
            ),
            (None, Some(block)) => (
                block,
                rest.get(block..)
                    .and_then(|r| r.find("*/"))
                    .map(|e| block + e + 2),
            ),
            (None, None) => {
                kept.push_str(rest);
                return kept;
            }
        };
        kept.push_str(rest.get(..at).unwrap_or(""));
        match end.and_then(|end| rest.get(end..)) {
            Some(after) => rest = after,
            None => return kept,
        }
    }
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
        // Prisma names enums in backticks inside its warnings, in every dialect.
        let prisma = "/*\n  Warnings:\n  - The values [A] on the enum `Kind` will be removed.\n*/\n-- `x` and `y`\nCREATE TABLE \"t\" (\"id\" TEXT NOT NULL, CONSTRAINT \"t_pkey\" PRIMARY KEY (\"id\"));\n";
        assert_eq!(Dialect::detect([prisma]), Dialect::Postgres);
    }
}

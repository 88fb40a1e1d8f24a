use crate::base::{Emitter, Place};
use crate::rules::DbContext;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table or column named with a reserved word of SQL or of the
    /// dialect: `user`, `order`, `group`, `select`, `table`, `check`, `key`,
    /// `index`, `range`, `rank` ...
    ///
    /// ## Why is this bad?
    /// The name must be quoted in every query; an unquoted use is a syntax error
    /// or, worse, something else (`SELECT user` in PostgreSQL returns the current
    /// role). Every tool and hand-written query has to get the quoting right.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE "user" (id bigint PRIMARY KEY, "order" int);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, sort_order int);
    /// ```
    ///
    /// ## How to fix
    /// Rename: plural table names (`users`, `orders`) or a qualifying word
    /// (`sort_order`, `user_group`).
    ///
    /// Severity: `warning`.
    pub struct ReservedWordName {
        id: "NAME002",
        name: "reserved-word-name",
        side: Db,
        area: Naming,
        severity: Warning,
        summary: "A table or column is named with a reserved word.",
        fix: "Rename it (plural table names, or a qualifying word such as sort_order).",
        check_db: check,
    }
}

/// Reserved in standard SQL and in PostgreSQL, MySQL and SQLite alike.
/// Reserved in both PostgreSQL and MySQL.
const COMMON: [&str; 33] = [
    "all",
    "and",
    "as",
    "asc",
    "case",
    "check",
    "column",
    "constraint",
    "create",
    "default",
    "desc",
    "distinct",
    "else",
    "foreign",
    "from",
    "grant",
    "group",
    "having",
    "in",
    "into",
    "join",
    "like",
    "limit",
    "not",
    "null",
    "on",
    "or",
    "order",
    "primary",
    "references",
    "select",
    "table",
    "where",
];
/// Reserved in PostgreSQL only (its appendix C: "reserved", and "reserved
/// (can be function or type)", which names cannot be either). `index`,
/// `insert` or `delete` are not among them: PostgreSQL takes them as names.
const POSTGRES: [&str; 10] = [
    "user",
    "offset",
    "analyse",
    "analyze",
    "window",
    "current_user",
    "session_user",
    "union",
    "returning",
    "unique",
];
/// Reserved in MySQL only.
const MYSQL: [&str; 19] = [
    "between",
    "by",
    "delete",
    "drop",
    "exists",
    "index",
    "insert",
    "key",
    "keys",
    "range",
    "rank",
    "interval",
    "read",
    "write",
    "usage",
    "condition",
    "match",
    "release",
    "union",
];

fn reserved(dialect: Dialect, name: &str) -> bool {
    let lower = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
    let word = lower.as_str();
    COMMON.contains(&word)
        || match dialect {
            Dialect::Postgres => POSTGRES.contains(&word),
            Dialect::Mysql => MYSQL.contains(&word),
            // SQLite accepts its other keywords as names.
            Dialect::Sqlite => false,
        }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    let dialect = db.schema.dialect;
    let mut flag = |kind: &str, name: &str, place: &Place| {
        if reserved(dialect, name) {
            out.report(
                place.clone(),
                format!("{kind} `{name}` is a reserved word and must be quoted everywhere"),
            );
        }
    };
    for table in &db.schema.tables {
        flag("table", &table.name, &table.place);
        for column in &table.columns {
            flag("column", &column.name, &column.place);
        }
    }
}

use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// On PostgreSQL, reports that the schema bounds strings with `varchar(n)`
    /// rather than `text` with a length check — once for the schema, at the
    /// first such column, with their number.
    ///
    /// ## Why is this bad?
    /// In PostgreSQL `varchar(n)` and `text` are stored alike; the limit is the
    /// only difference, and changing it later is an `ALTER TYPE` (a rewrite
    /// when it shrinks, and a lock either way), where a `CHECK (length(x) <= n)`
    /// can be replaced `NOT VALID` without one. MySQL and SQLite conventions
    /// differ, so the rule is silent there.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, name varchar(100) NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL CHECK (length(name) <= 100));
    /// ```
    ///
    /// ## How to fix
    /// Prefer `text` with a named length check for new columns.
    ///
    /// Severity: `info` — a convention, with reasonable people on both sides.
    pub struct VarcharLength {
        id: "TYPE008",
        name: "varchar-length",
        side: Db,
        area: Types,
        severity: Info,
        summary: "PostgreSQL columns use varchar(n) instead of text with a length check.",
        fix: "Prefer text with CHECK (length(column) <= n): the limit can then change without a rewrite.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    let columns: Vec<_> = db
        .schema
        .tables
        .iter()
        .flat_map(|table| table.columns.iter().map(move |column| (table, column)))
        .filter(|(_, column)| {
            base_type(&column.data_type) == "varchar" && column.data_type.contains('(')
        })
        .collect();
    let Some((table, first)) = columns.first() else {
        return;
    };
    let message = format!(
        "{} column(s) such as `{}.{}` ({}) use varchar(n); PostgreSQL's convention is text with a length check",
        columns.len(),
        table.name,
        first.name,
        first.data_type
    );
    let help = format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE text, ADD CONSTRAINT {}_{}_length CHECK (length({}) <= n);",
        table.name, first.name, table.name, first.name, first.name
    );
    out.report(first.place.clone(), message).help(help);
}

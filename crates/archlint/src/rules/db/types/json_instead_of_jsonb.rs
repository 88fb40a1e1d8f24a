use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{base_type, Change};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a PostgreSQL column of type `json` — unless the history turns
    /// a column into `json` somewhere (`ALTER COLUMN ... TYPE json`): the
    /// project chose it on purpose, to keep key order, and holds to it.
    ///
    /// ## Why is this bad?
    /// `json` stores the text as given and re-parses it on every access; it
    /// cannot be indexed with GIN, has no equality operator (so no `DISTINCT`,
    /// no unique index), and keeps duplicate keys. `jsonb` is what nearly every
    /// use needs.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE events (id bigint PRIMARY KEY, payload json NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
    /// ```
    ///
    /// ## How to fix
    /// `ALTER TABLE ... ALTER COLUMN ... TYPE jsonb` (rewrites the table). Keep
    /// `json` only when the exact text, key order and duplicates must be preserved.
    ///
    /// Severity: `info` — `json` is right when the exact text or key order
    /// matters, which the schema cannot show. PostgreSQL only.
    pub struct JsonInsteadOfJsonb {
        id: "TYPE005",
        name: "json-instead-of-jsonb",
        side: Db,
        area: Types,
        severity: Info,
        summary: "A PostgreSQL column uses json instead of jsonb.",
        fix: "Use jsonb unless the exact JSON text must be kept.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres || chose_json(db) {
        return;
    }
    for table in &db.schema.tables {
        for column in table
            .columns
            .iter()
            .filter(|column| base_type(&column.data_type) == "json")
        {
            let message = format!(
                "`{}.{}` is json: it cannot be indexed and is re-parsed on every read",
                table.name, column.name
            );
            let fix = format!(
                "ALTER TABLE {} ALTER COLUMN {} TYPE jsonb;",
                table.name, column.name
            );
            out.report(column.place.clone(), message).help(fix);
        }
    }
}

/// A history that turns a column into `json` (`ALTER COLUMN ... TYPE json`)
/// chose it over `jsonb` on purpose — to keep key order — and holds to it.
fn chose_json(db: &DbContext<'_>) -> bool {
    db.schema
        .statements
        .iter()
        .flat_map(|record| record.changes.iter())
        .any(|change| matches!(change, Change::AlterColumnType { to, .. } if base_type(to) == "json"))
}

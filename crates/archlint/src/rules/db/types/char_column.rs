use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `char(n)`/`character(n)` column longer than one character.
    ///
    /// ## Why is this bad?
    /// `char(n)` pads values with spaces: `'ab'` is stored and returned as
    /// `'ab   '`, comparisons and `LIKE` behave unexpectedly, and it is not faster
    /// than `varchar` or `text` in PostgreSQL or InnoDB.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, country char(20));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, country varchar(20));
    /// ```
    ///
    /// ## How to fix
    /// Use `varchar(n)` (or `text` with a check on the length in PostgreSQL).
    /// Fixed-length codes (`char(2)` country codes) are fine.
    ///
    /// Severity: `info` — a matter of taste with some sharp edges.
    pub struct CharColumn {
        id: "TYPE004",
        name: "char-column",
        side: Db,
        area: Types,
        severity: Info,
        summary: "A column uses blank-padded char(n).",
        fix: "Use varchar(n), or text with a length check.",
        check_db: check,
    }
}

/// Lengths of fixed-size codes (`char(2)` country, `char(3)` currency, hashes
/// of a fixed size) are fine.
const CODE_LENGTHS: [u32; 8] = [1, 2, 3, 32, 36, 40, 64, 128];

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            if !matches!(
                base_type(&column.data_type),
                "char" | "character" | "nchar" | "bpchar"
            ) {
                continue;
            }
            let length: u32 = column
                .data_type
                .split(['(', ')'])
                .nth(1)
                .and_then(|digits| digits.trim().parse().ok())
                .unwrap_or(1);
            if !CODE_LENGTHS.contains(&length) {
                let message = format!(
                    "`{}.{}` is `{}`: values are padded with spaces",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}

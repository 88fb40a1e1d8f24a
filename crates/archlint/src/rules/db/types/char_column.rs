use crate::base::words::name_words;
use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `char(n)`/`character(n)` column whose name says it holds
    /// free text of varying length (`name`, `title`, `email`, `url` ...).
    /// Fixed-length values — codes, hashes, ULIDs — fit `char(n)` and are
    /// left alone.
    ///
    /// ## Why is this bad?
    /// `char(n)` pads values with spaces: `'ab'` is stored and returned as
    /// `'ab   '`, comparisons and `LIKE` behave unexpectedly, and it is not faster
    /// than `varchar` or `text` in PostgreSQL or InnoDB.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, display_name char(20));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, display_name varchar(20));
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

/// Words of names whose values vary in length: a `char(n)` there pads them.
/// Fixed-length values (ULIDs in `char(26)`, hashes, codes) fit `char(n)`.
const FREE_TEXT: [&str; 16] = [
    "name",
    "title",
    "description",
    "email",
    "address",
    "street",
    "city",
    "comment",
    "note",
    "notes",
    "text",
    "label",
    "message",
    "url",
    "path",
    "summary",
];

fn holds_free_text(column: &str) -> bool {
    name_words(column)
        .last()
        .is_some_and(|last| FREE_TEXT.contains(&last.as_str()))
}

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
            if !CODE_LENGTHS.contains(&length) && holds_free_text(&column.name) {
                let message = format!(
                    "`{}.{}` is `{}`: values are padded with spaces",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}

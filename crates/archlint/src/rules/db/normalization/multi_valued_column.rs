use crate::base::words::name_words;
use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;

crate::declare_rule! {
    /// ## What it does
    /// Reports a text column whose name says it holds several values: `tags`,
    /// `*_ids`, `*_list`, `*_csv`, `roles`, `emails`, `categories`. Array and
    /// JSON columns are reported by other rules if at all.
    ///
    /// ## Why is this bad?
    /// A comma-separated list cannot be indexed, joined or constrained: finding
    /// rows with one value needs `LIKE '%x%'` (which also matches `xy`), ids in it
    /// have no foreign key, and updating one value rewrites the string.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE posts (id bigint PRIMARY KEY, tag_ids varchar(255));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE post_tags (
    ///     post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    ///     tag_id bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    ///     PRIMARY KEY (post_id, tag_id)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Use a link table (or a PostgreSQL array with a GIN index when the values
    /// are not references).
    ///
    /// Severity: `warning`.
    pub struct MultiValuedColumn {
        id: "NORM002",
        name: "multi-valued-column",
        side: Db,
        area: Normalization,
        severity: Warning,
        summary: "A text column holds a list of values.",
        fix: "Use a link table with one row per value.",
        check_db: check,
    }
}

const LIST_WORDS: [&str; 9] = [
    "ids",
    "list",
    "csv",
    "tags",
    "roles",
    "emails",
    "categories",
    "keywords",
    "recipients",
];
const TEXT_TYPES: [&str; 8] = [
    "text",
    "varchar",
    "char",
    "character",
    "tinytext",
    "mediumtext",
    "longtext",
    "nvarchar",
];

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            let is_text = TEXT_TYPES.contains(&base_type(&column.data_type))
                && !column.data_type.contains('[');
            let words = name_words(&column.name);
            if is_text
                && words
                    .last()
                    .is_some_and(|last| LIST_WORDS.contains(&last.as_str()))
            {
                let message = format!(
                    "`{}.{}` is `{}` but its name says it holds several values",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}

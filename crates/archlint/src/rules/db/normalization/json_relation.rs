use crate::base::words::name_words;
use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{base_type, Schema};

crate::declare_rule! {
    /// ## What it does
    /// Reports a JSON (or array) column that holds references to other rows:
    /// its name ends in `_ids`, or it is named after another table of the
    /// schema (`tags jsonb` beside a `tags` table).
    ///
    /// ## Why is this bad?
    /// Ids inside JSON have no foreign keys, no index on the relation and no
    /// cascade: deleted targets leave dangling ids, and "which rows point at
    /// this one" scans every document.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
    /// CREATE TABLE posts (id bigint PRIMARY KEY, tags jsonb);
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
    /// Model the relation as a link table.
    ///
    /// Severity: `info`.
    pub struct JsonRelation {
        id: "NORM006",
        name: "json-relation",
        side: Db,
        area: Normalization,
        severity: Info,
        summary: "A JSON or array column stands in for a relation.",
        fix: "Model the relation as a link table with foreign keys.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            let is_document = matches!(base_type(&column.data_type), "json" | "jsonb")
                || column.data_type.ends_with("[]");
            if !is_document {
                continue;
            }
            // `tag_ids` beside a `tags` table; ids of another system
            // (`stripe_price_ids`) have no table to point at.
            let words = name_words(&column.name);
            let ends_with_ids = words.last().is_some_and(|last| last == "ids")
                && words.len() > 1
                && names_a_table(db.schema, &words[..words.len() - 1]);
            let names_table = db.schema.tables.iter().any(|other| {
                !Schema::same_name(&other.name, &table.name)
                    && Schema::same_name(&other.name, &column.name)
            });
            if ends_with_ids || names_table {
                let message = format!(
                    "`{}.{}` is `{}` holding references that no foreign key checks",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}

/// Whether the words (`tag`, `order_line`) name a table of the schema.
fn names_a_table(schema: &Schema, words: &[String]) -> bool {
    let singular = words.join("_");
    schema.tables.iter().any(|table| {
        let name = name_words(&table.name).join("_");
        name == singular || name == format!("{singular}s") || name == format!("{singular}es")
    })
}

use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::index_label;
use crate::schema::Key;

crate::declare_rule! {
    /// ## What it does
    /// Reports an index with exactly the same columns, in the same order, as
    /// another index, primary key or unique constraint of the same table (with
    /// the same method and partial predicate). A unique index that repeats a
    /// unique constraint or the primary key is reported too.
    ///
    /// ## Why is this bad?
    /// The second index answers no query the first does not. It slows every
    /// write, takes disk and memory, and doubles vacuum and backup work.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);
    /// CREATE UNIQUE INDEX users_email_idx ON users (email);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);
    /// ```
    ///
    /// ## How to fix
    /// Drop the duplicate (`DROP INDEX CONCURRENTLY ...` on PostgreSQL).
    ///
    /// Severity: `warning` — pure cost, no benefit.
    pub struct DuplicateIndex {
        id: "IDX002",
        name: "duplicate-index",
        side: Db,
        area: Indexing,
        severity: Warning,
        summary: "An index duplicates another index or key of the same table.",
        fix: "Drop the duplicate index; the other one already serves every query.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for (position, index) in table.indexes.iter().enumerate() {
            let same_columns = |columns: &[String]| {
                columns.len() == index.columns.len()
                    && columns
                        .iter()
                        .zip(&index.columns)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            let keys = table
                .primary_key
                .iter()
                .map(|key| ("primary key", key))
                .chain(table.uniques.iter().map(|key| ("unique constraint", key)));
            let duplicated_key = keys
                // A GIN or GiST index serves other queries than a key's B-tree.
                .filter(|(_, key)| {
                    index.predicate.is_none() && is_btree(index) && same_columns(&key.columns)
                })
                .map(|(kind, key)| (key_label(kind, key), key.place.clone()))
                .next();
            let earlier_index = table
                .indexes
                .iter()
                .take(position)
                .find(|before| {
                    same_columns(&before.columns)
                        && before.predicate == index.predicate
                        && before.method == index.method
                        && (before.unique || !index.unique)
                })
                .map(|before| (index_label(before), before.place.clone()));
            if let Some((original, place)) = duplicated_key.or(earlier_index) {
                let message = format!(
                    "{} on `{}` ({}) duplicates {original}",
                    index_label(index),
                    table.name,
                    index.columns.join(", ")
                );
                let help = match &index.name {
                    Some(name) => format!("DROP INDEX CONCURRENTLY {name};"),
                    None => "Drop the duplicate index.".to_owned(),
                };
                out.report(index.place.clone(), message)
                    .help(help)
                    .related(place, "the index it duplicates");
            }
        }
    }
}

fn key_label(kind: &str, key: &Key) -> String {
    match &key.name {
        Some(name) => format!("{kind} `{name}`"),
        None => kind.to_owned(),
    }
}

/// A B-tree index, as keys are: no `USING`, or `USING btree`.
fn is_btree(index: &crate::schema::Index) -> bool {
    index
        .method
        .as_deref()
        .is_none_or(|method| method.eq_ignore_ascii_case("btree"))
}

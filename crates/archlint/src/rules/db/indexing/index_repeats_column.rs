use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::index_label;

crate::declare_rule! {
    /// ## What it does
    /// Reports an index, primary key or unique constraint that lists the same
    /// column twice.
    ///
    /// ## Why is this bad?
    /// The second occurrence adds nothing but size; it is almost always a typo
    /// for another column that was meant to be indexed.
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE events (
    ///     id bigint PRIMARY KEY,
    ///     account_id bigint NOT NULL,
    ///     created_at timestamptz NOT NULL
    /// );
    /// ```
    ///
    /// an index that lists `account_id` twice:
    /// ```sql
    /// CREATE INDEX events_account_created_idx ON events (account_id, account_id);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE INDEX events_account_created_idx ON events (account_id, created_at);
    /// ```
    ///
    /// ## How to fix
    /// Remove the repeated column or replace it with the one that was meant.
    ///
    /// Severity: `warning` — a likely typo.
    pub struct IndexRepeatsColumn {
        id: "IDX005",
        name: "index-repeats-column",
        side: Db,
        area: Indexing,
        severity: Warning,
        summary: "An index lists the same column twice.",
        fix: "Remove the repeated column, or put the intended column in its place.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for index in &table.indexes {
            let repeated = index.columns.iter().enumerate().find(|(position, column)| {
                index
                    .columns
                    .iter()
                    .take(*position)
                    .any(|before| before.eq_ignore_ascii_case(column))
            });
            if let Some((_, column)) = repeated {
                let message = format!(
                    "{} on `{}` lists `{column}` twice",
                    index_label(index),
                    table.name
                );
                out.report(index.place.clone(), message);
            }
        }
    }
}

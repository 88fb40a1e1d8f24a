use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{index_label, index_likes};

crate::declare_rule! {
    /// ## What it does
    /// Reports a non-unique index whose columns are a leading prefix of another
    /// index or key of the same table: `(a)` beside `(a, b)`.
    ///
    /// ## Why is this bad?
    /// A B-tree on `(a, b)` serves every lookup on `a` alone. The shorter index
    /// only adds write cost and memory. (It may be slightly smaller and faster to
    /// scan; that rarely pays for its upkeep.)
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     status text NOT NULL,
    ///     created_at timestamptz NOT NULL
    /// );
    /// ```
    ///
    /// two indexes, one a prefix of the other:
    /// ```sql
    /// CREATE INDEX orders_status_idx ON orders (status);
    /// CREATE INDEX orders_status_created_idx ON orders (status, created_at);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE INDEX orders_status_created_idx ON orders (status, created_at);
    /// ```
    ///
    /// ## How to fix
    /// Drop the shorter index.
    ///
    /// Severity: `info` — usually waste, occasionally deliberate.
    pub struct RedundantIndex {
        id: "IDX003",
        name: "redundant-index",
        side: Db,
        area: Indexing,
        severity: Info,
        summary: "An index is a left prefix of another index of the same table.",
        fix: "Drop the shorter index; the longer one serves the same lookups.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        let covering = index_likes(table);
        for index in table
            .indexes
            .iter()
            .filter(|index| !index.unique && index.predicate.is_none())
        {
            let longer = covering.iter().find(|other| {
                !other.partial_or_special
                    && other.columns.len() > index.columns.len()
                    && index
                        .columns
                        .iter()
                        .zip(other.columns)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            });
            if let Some(longer) = longer {
                let message = format!(
                    "{} ({}) on `{}` is a prefix of {} ({})",
                    index_label(index),
                    index.columns.join(", "),
                    table.name,
                    longer.label,
                    longer.columns.join(", ")
                );
                out.report(index.place.clone(), message)
                    .related(longer.place.clone(), "the index that covers it");
            }
        }
    }
}

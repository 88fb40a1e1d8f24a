use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{base_type, index_label};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a plain (non-partial) single-column index on a boolean column,
    /// in PostgreSQL and SQLite (MySQL has no partial index, so an index on a
    /// flag is its only way to find the rare rows).
    ///
    /// ## Why is this bad?
    /// With two values, each matches a large share of the rows and the planner
    /// prefers a sequential scan; the index is maintained on every write and
    /// rarely used. When one value is rare (`WHERE NOT processed`), a partial
    /// index on that value is small and useful.
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE jobs (
    ///     id bigint PRIMARY KEY,
    ///     done boolean NOT NULL DEFAULT false,
    ///     created_at timestamptz NOT NULL
    /// );
    /// ```
    ///
    /// an index on the flag alone:
    /// ```sql
    /// CREATE INDEX jobs_done_idx ON jobs (done);
    /// ```
    ///
    /// Use instead: a partial index on the rare value:
    /// ```sql
    /// CREATE INDEX jobs_pending_idx ON jobs (created_at) WHERE NOT done;
    /// ```
    ///
    /// ## How to fix
    /// Drop the index, or make it a partial index on the rare value, or put the
    /// flag after a selective column in a multi-column index.
    ///
    /// Severity: `info` — usually useless, occasionally right.
    pub struct LowCardinalityIndex {
        id: "IDX006",
        name: "low-cardinality-index",
        side: Db,
        area: Indexing,
        severity: Info,
        summary: "A single-column index on a boolean column.",
        fix: "Use a partial index on the rare value, or drop the index.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    // MySQL has no partial index: an index on a flag is the only way to
    // find its rare rows.
    if db.schema.dialect == Dialect::Mysql {
        return;
    }
    for table in &db.schema.tables {
        for index in table
            .indexes
            .iter()
            .filter(|index| index.columns.len() == 1 && index.predicate.is_none())
        {
            let Some(column) = index.columns.first().and_then(|name| table.column(name)) else {
                continue;
            };
            if matches!(base_type(&column.data_type), "boolean" | "bool" | "bit") {
                let message = format!(
                    "{} on `{}` indexes boolean column `{}`",
                    index_label(index),
                    table.name,
                    column.name
                );
                out.report(index.place.clone(), message);
            }
        }
    }
}

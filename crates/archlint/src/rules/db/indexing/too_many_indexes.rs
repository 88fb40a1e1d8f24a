use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table with more than 10 explicit indexes (keys not counted).
    ///
    /// ## Why is this bad?
    /// Every insert and every update of an indexed column writes each index.
    /// Past a handful, write throughput and `HOT` updates suffer, and some of the
    /// indexes are usually unused or redundant.
    ///
    /// ## Example
    /// ```sql
    /// -- a table with eleven CREATE INDEX statements on it
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// -- the indexes the queries need, combined into multi-column ones
    /// ```
    ///
    /// ## How to fix
    /// Check which indexes the workload uses (`pg_stat_user_indexes`), drop the
    /// unused ones and merge the ones that share leading columns.
    ///
    /// Severity: `info` — a smell worth a look, not a defect.
    pub struct TooManyIndexes {
        id: "IDX004",
        name: "too-many-indexes",
        side: Db,
        area: Indexing,
        severity: Info,
        summary: "A table has more than 10 indexes.",
        fix: "Drop unused indexes and merge those with the same leading columns.",
        check_db: check,
    }
}

const LIMIT: usize = 10;

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.indexes.len() > LIMIT)
    {
        let message = format!(
            "table `{}` has {} indexes; each one slows every write",
            table.name,
            table.indexes.len()
        );
        out.report(table.place.clone(), message);
    }
}

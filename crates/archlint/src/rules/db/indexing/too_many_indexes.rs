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
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL, warehouse_id bigint, sales_rep_id bigint,
    ///     status text NOT NULL, currency text NOT NULL, country text NOT NULL,
    ///     coupon_code text, total numeric(10, 2) NOT NULL,
    ///     created_at timestamptz NOT NULL, updated_at timestamptz, shipped_at timestamptz
    /// );
    /// ```
    ///
    /// an index for every column someone once filtered by:
    /// ```sql
    /// CREATE INDEX orders_customer_idx ON orders (customer_id);
    /// CREATE INDEX orders_warehouse_idx ON orders (warehouse_id);
    /// CREATE INDEX orders_sales_rep_idx ON orders (sales_rep_id);
    /// CREATE INDEX orders_status_idx ON orders (status);
    /// CREATE INDEX orders_currency_idx ON orders (currency);
    /// CREATE INDEX orders_country_idx ON orders (country);
    /// CREATE INDEX orders_coupon_idx ON orders (coupon_code);
    /// CREATE INDEX orders_total_idx ON orders (total);
    /// CREATE INDEX orders_created_idx ON orders (created_at);
    /// CREATE INDEX orders_updated_idx ON orders (updated_at);
    /// CREATE INDEX orders_shipped_idx ON orders (shipped_at);
    /// ```
    ///
    /// Use instead: the indexes the queries need, combined into multi-column ones:
    /// ```sql
    /// CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);
    /// CREATE INDEX orders_status_created_idx ON orders (status, created_at);
    /// CREATE INDEX orders_warehouse_shipped_idx ON orders (warehouse_id, shipped_at);
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

use crate::base::Emitter;
use crate::rules::db::migrations::{on_existing_tables, table_name};
use crate::rules::DbContext;
use crate::schema::Change;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a column added to an existing PostgreSQL table with a volatile
    /// default: `random()`, `gen_random_uuid()`, `uuid_generate_v4()`,
    /// `clock_timestamp()`, `nextval(...)`, `timeofday()`.
    ///
    /// ## Why is this bad?
    /// Since PostgreSQL 11, adding a column with a constant (or `now()`) default
    /// is instant. A volatile default must be computed per row, so the whole
    /// table is rewritten under an `ACCESS EXCLUSIVE` lock: no reads or writes
    /// until it finishes.
    ///
    /// ## Example
    ///
    /// Given a table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10, 2) NOT NULL);
    /// ```
    ///
    /// a later migration adds a column with a per-row default:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN public_id uuid;
    /// ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
    /// -- backfill existing rows in batches, then add NOT NULL
    /// ```
    ///
    /// ## How to fix
    /// Add the column without the default, set the default for new rows, and
    /// backfill old rows in batches.
    ///
    /// Severity: `warning`. PostgreSQL only.
    pub struct VolatileDefault {
        id: "MIG002",
        name: "volatile-default",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "A column with a volatile default is added to an existing table (full rewrite).",
        fix: "Add the column without default, SET DEFAULT afterwards, and backfill in batches.",
        peers: ["squawk:adding-field-with-default"],
        check_db: check,
    }
}

const VOLATILE: [&str; 7] = [
    "random(",
    "gen_random_uuid(",
    "uuid_generate_v1",
    "uuid_generate_v4(",
    "clock_timestamp(",
    "nextval(",
    "timeofday(",
];

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for (record, change) in on_existing_tables(db.schema) {
        let Change::AddColumn {
            column,
            default: Some(default),
            ..
        } = change
        else {
            continue;
        };
        let lower = default.to_ascii_lowercase();
        if VOLATILE.iter().any(|function| lower.contains(function)) {
            let message = format!(
                "column `{column}` is added to existing table `{}` with volatile default `{default}`: the table is rewritten under an exclusive lock",
                table_name(record)
            );
            out.report(record.place.clone(), message);
        }
    }
}

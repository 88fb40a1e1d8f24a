use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;

crate::declare_rule! {
    /// ## What it does
    /// Reports an auto-incremented primary key column of a 32-bit (or smaller)
    /// integer type: `serial`, `integer`/`int`/`int4` with an identity or
    /// `AUTO_INCREMENT`, `smallserial`, `mediumint`.
    ///
    /// ## Why is this bad?
    /// 2,147,483,647 ids arrive sooner than expected (deleted rows, failed
    /// inserts and sequence caching all burn ids). When they run out, every
    /// insert fails, and widening the key rewrites the table and every table
    /// that references it.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE events (id serial PRIMARY KEY);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
    /// ```
    ///
    /// ## How to fix
    /// Use `bigint` (`bigserial`, `BIGINT AUTO_INCREMENT`) for generated keys from
    /// the start.
    ///
    /// Severity: `warning` — an outage scheduled for later.
    pub struct IntegerKeyOverflow {
        id: "TYPE003",
        name: "integer-key-overflow",
        side: Db,
        area: Types,
        severity: Warning,
        summary: "A generated primary key uses a 32-bit integer.",
        fix: "Use bigint for generated keys (bigint identity, bigserial, BIGINT AUTO_INCREMENT).",
        check_db: check,
    }
}

const SMALL: [&str; 9] = [
    "serial",
    "serial4",
    "int",
    "integer",
    "int4",
    "smallint",
    "smallserial",
    "mediumint",
    "tinyint",
];

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        let Some(key) = &table.primary_key else {
            continue;
        };
        for column in key.columns.iter().filter_map(|name| table.column(name)) {
            if column.auto_increment && SMALL.contains(&base_type(&column.data_type)) {
                let message = format!(
                    "generated key `{}.{}` is `{}`: it runs out at about 2.1 billion ids",
                    table.name, column.name, column.data_type
                );
                out.report(column.place.clone(), message);
            }
        }
    }
}

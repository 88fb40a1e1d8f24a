use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a PostgreSQL column of type `timestamp` (without time zone).
    ///
    /// ## Why is this bad?
    /// A `timestamp` is a wall-clock reading with no zone: the same value means
    /// different instants for clients in different zones, and daylight-saving
    /// changes make some values ambiguous. `timestamptz` stores an instant and
    /// converts on the way in and out; it costs the same 8 bytes.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamptz NOT NULL);
    /// ```
    ///
    /// ## How to fix
    /// `ALTER TABLE ... ALTER COLUMN ... TYPE timestamptz USING ... AT TIME ZONE 'UTC'`
    /// (it rewrites the table; plan it).
    ///
    /// Severity: `warning` — a frequent source of off-by-hours bugs. PostgreSQL only.
    pub struct TimestampWithoutTimeZone {
        id: "TYPE002",
        name: "timestamp-without-time-zone",
        side: Db,
        area: Types,
        severity: Warning,
        summary: "A PostgreSQL column uses timestamp without time zone.",
        fix: "Use timestamptz (timestamp with time zone).",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres {
        return;
    }
    for table in &db.schema.tables {
        for column in &table.columns {
            let with_zone = column.data_type.contains("with time zone")
                && !column.data_type.contains("without");
            if base_type(&column.data_type) == "timestamp" && !with_zone {
                let message = format!(
                    "`{}.{}` is a timestamp without time zone",
                    table.name, column.name
                );
                let fix = format!(
                    "ALTER TABLE {} ALTER COLUMN {} TYPE timestamptz USING {} AT TIME ZONE 'UTC';",
                    table.name, column.name, column.name
                );
                out.report(column.place.clone(), message).help(fix);
            }
        }
    }
}

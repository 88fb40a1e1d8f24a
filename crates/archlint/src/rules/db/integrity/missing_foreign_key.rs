use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{Schema, Table};

crate::declare_rule! {
    /// ## What it does
    /// Reports a column named `<thing>_id` (or `<thing>id`) with no foreign key,
    /// when the schema has another table named after `<thing>` (`customer_id`
    /// and a `customers` or `customer` table). Columns of tables using a storage
    /// engine without foreign keys are reported by `non-transactional-engine`
    /// instead. When two thirds or more of such columns (and three or more) lack a
    /// foreign key, the schema evidently does without them: one finding gives
    /// their number rather than one per column. Tables that record events
    /// (`audit_logs`, `login_history`, `webhook_events`) are left out: their
    /// rows must outlive what they mention; so are columns whose foreign key
    /// a migration dropped, on purpose.
    ///
    /// ## Why is this bad?
    /// Without the constraint, rows can point at parents that never existed or
    /// were deleted; the application must re-check every write, and orphans
    /// accumulate silently. The database enforces it for free.
    ///
    /// ## Example
    ///
    /// Given the table:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// a table that refers to it without a foreign key:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (
    ///     id bigint PRIMARY KEY,
    ///     customer_id bigint NOT NULL REFERENCES customers (id)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Add the foreign key (`NOT VALID` first, then `VALIDATE CONSTRAINT`, on a
    /// large live PostgreSQL table).
    ///
    /// Severity: `warning` — only reported when the referenced table is known,
    /// so the finding is rarely wrong.
    pub struct MissingForeignKey {
        id: "INT002",
        name: "missing-foreign-key",
        side: Db,
        area: Integrity,
        severity: Warning,
        summary: "A `<table>_id` column has no foreign key to the table it names.",
        fix: "Add a foreign key constraint to the table the column refers to.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    let mut unreferenced = Vec::new();
    let mut constrained_count = 0usize;
    for table in &db.schema.tables {
        if table.is_non_transactional() || is_record_of_events(table) {
            continue;
        }
        for column in &table.columns {
            let Some(target) = referenced_table(db.schema, table, &column.name) else {
                continue;
            };
            let named = |columns: &Vec<String>| {
                columns
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&column.name))
            };
            // A key the history dropped leaves the reference unchecked on
            // purpose.
            if table.dropped_foreign_keys.iter().any(named) {
                continue;
            }
            let constrained = table.foreign_keys.iter().any(|key| named(&key.columns));
            if constrained {
                constrained_count += 1;
            } else {
                unreferenced.push((table, column, target));
            }
        }
    }
    // A schema that leaves most of its references unchecked made that choice
    // once; say it once rather than per column.
    let total = unreferenced.len() + constrained_count;
    if unreferenced.len() >= 3 && unreferenced.len() * 3 >= total * 2 {
        if let Some((table, column, target)) = unreferenced.first() {
            let message = format!(
                "{} of {} columns that reference other tables have no foreign key, such as `{}.{}` (→ `{}`)",
                unreferenced.len(),
                total,
                table.name,
                column.name,
                target.name
            );
            out.report(column.place.clone(), message);
        }
        return;
    }
    for (table, column, target) in unreferenced {
        let message = format!(
            "`{}.{}` looks like a reference to `{}` but has no foreign key",
            table.name, column.name, target.name
        );
        out.report(column.place.clone(), message);
    }
}

/// The table a `thing_id` column names, if the schema has it.
fn referenced_table<'s>(schema: &'s Schema, owner: &Table, column: &str) -> Option<&'s Table> {
    let lower = column.to_ascii_lowercase();
    let stem = lower
        .strip_suffix("_id")
        .or_else(|| lower.strip_suffix("id").filter(|stem| stem.len() > 2))?;
    if stem.is_empty() || lower == "id" {
        return None;
    }
    let candidates = [
        stem.to_owned(),
        format!("{stem}s"),
        format!("{stem}es"),
        stem.strip_suffix('y')
            .map(|s| format!("{s}ies"))
            .unwrap_or_default(),
    ];
    let found = candidates
        .iter()
        .filter(|name| !name.is_empty())
        .find_map(|name| schema.table(name))?;
    // `users.user_id` in `users` itself is the table's own key, not a reference.
    (!Schema::same_name(&found.name, &owner.name)).then_some(found)
}

/// Last words of tables that record what happened: their rows must outlive
/// the users and objects they mention, which a foreign key would forbid (or
/// cascade away).
const EVENT_RECORDS: [&str; 8] = [
    "log",
    "logs",
    "audit",
    "audits",
    "history",
    "histories",
    "event",
    "events",
];

/// `audit_logs`, `login_history`, `webhook_events`.
fn is_record_of_events(table: &Table) -> bool {
    let name = table.name.rsplit('.').next().unwrap_or(&table.name);
    crate::base::words::name_words(name)
        .last()
        .is_some_and(|last| EVENT_RECORDS.contains(&last.as_str()))
}

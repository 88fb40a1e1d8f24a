use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::{index_likes, IndexLike, Table};

crate::declare_rule! {
    /// ## What it does
    /// Reports a unique constraint or unique index over several columns of which
    /// at least one is nullable. Left out, as NULLs there are meant: a column
    /// the index's `WHERE` excludes when NULL, one of an exclusive arc (a check
    /// that only one of several is set), a key whose NULL rows another unique
    /// index covers (`WHERE x IS NULL` on one of its columns), one of
    /// alternative owners each with its own unique key (`(key_id, name)`
    /// beside `(identity_id, name)`), and a foreign key `ON DELETE SET
    /// NULL` (rows kept after their parent goes must not conflict).
    ///
    /// ## Why is this bad?
    /// NULLs never collide: `(tenant_id, email)` with a NULL `tenant_id` lets the
    /// same email in any number of times, which is rarely what the constraint was
    /// meant to guarantee. (PostgreSQL 15 has `NULLS NOT DISTINCT`; MySQL and
    /// SQLite have no such option.)
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE accounts (tenant_id bigint, email text NOT NULL, UNIQUE (tenant_id, email));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE accounts (tenant_id bigint NOT NULL, email text NOT NULL, UNIQUE (tenant_id, email));
    /// ```
    ///
    /// ## How to fix
    /// Make the columns `NOT NULL`, or use `NULLS NOT DISTINCT` (PostgreSQL 15+),
    /// or a partial unique index for the NULL case.
    ///
    /// Severity: `info` — sometimes intended.
    pub struct NullableUniqueColumn {
        id: "IDX007",
        name: "nullable-unique-column",
        side: Db,
        area: Indexing,
        severity: Info,
        summary: "A multi-column unique key contains a nullable column.",
        fix: "Make the columns NOT NULL, or use NULLS NOT DISTINCT / a partial unique index.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        let keys = index_likes(table);
        for key in keys
            .iter()
            .filter(|key| key.unique && key.columns.len() > 1)
        {
            let nullable: Vec<&str> = key
                .columns
                .iter()
                .filter_map(|name| table.column(name))
                .filter(|column| column.nullable)
                .map(|column| column.name.as_str())
                // `WHERE x IS NOT NULL` leaves those rows out on purpose;
                // an exclusive arc (`a IS NULL OR b IS NULL`) wants them.
                .filter(|column| {
                    !key.predicate
                        .is_some_and(|predicate| excludes_null(predicate, column))
                        && !in_exclusive_arc(table, column)
                        && !null_case_covered(table, key.columns)
                        && !set_null_on_delete(table, column)
                        && !owner_alternative(table, &keys, key.columns, column)
                })
                .collect();
            if let Some(first) = nullable.first() {
                let message = format!(
                    "{} on `{}` includes nullable `{first}`: rows with NULL there never conflict",
                    key.label, table.name
                );
                out.report(key.place.clone(), message);
            }
        }
    }
}

/// `x IS NOT NULL` in a partial index's predicate.
fn excludes_null(predicate: &str, column: &str) -> bool {
    let lower = predicate.to_ascii_lowercase().replace('"', "");
    lower.contains(&format!("{} is not null", column.to_ascii_lowercase()))
}

/// A check that at most one of several columns is set: `a IS NULL OR b IS
/// NULL`, `num_nonnulls(a, b) = 1`.
fn in_exclusive_arc(table: &Table, column: &str) -> bool {
    let column = column.to_ascii_lowercase();
    table.checks.iter().any(|check| {
        let lower = check.expression.to_ascii_lowercase().replace('"', "");
        lower.contains(&column)
            && (lower.contains("num_nonnulls")
                || lower.contains("num_nulls")
                || (lower.contains(&format!("{column} is null")) && lower.contains(" or ")))
    })
}

/// Another unique index for rows where a column of the key is NULL (`WHERE
/// x IS NULL`): the author handled the NULL cases on purpose.
fn null_case_covered(table: &Table, key: &[String]) -> bool {
    table.indexes.iter().any(|index| {
        index.unique
            && index.predicate.as_deref().is_some_and(|predicate| {
                let predicate = predicate.to_ascii_lowercase().replace('"', "");
                key.iter().any(|column| {
                    predicate.contains(&format!("{} is null", column.to_ascii_lowercase()))
                })
            })
    })
}

/// A foreign key that sets the column to NULL when its row goes: rows kept
/// after their parent is deleted must not conflict with each other.
fn set_null_on_delete(table: &Table, column: &str) -> bool {
    table.foreign_keys.iter().any(|key| {
        key.on_delete.as_deref() == Some("set null")
            && key
                .columns
                .iter()
                .any(|name| name.eq_ignore_ascii_case(column))
    })
}

/// Another unique key with the same columns but another nullable one in
/// place of `column` (`(key_id, name)` beside `(identity_id, name)`): a row
/// belongs to one owner or the other, and each owner's key checks its rows.
fn owner_alternative(
    table: &Table,
    keys: &[IndexLike<'_>],
    columns: &[String],
    column: &str,
) -> bool {
    let rest: Vec<&String> = columns
        .iter()
        .filter(|name| !name.eq_ignore_ascii_case(column))
        .collect();
    keys.iter().any(|other| {
        let others: Vec<&String> = other
            .columns
            .iter()
            .filter(|name| !rest.iter().any(|kept| kept.eq_ignore_ascii_case(name)))
            .collect();
        other.unique
            && other.columns.len() == columns.len()
            && matches!(others.as_slice(), [alternative] if !alternative.eq_ignore_ascii_case(column)
                && table.column(alternative).is_some_and(|found| found.nullable))
    })
}

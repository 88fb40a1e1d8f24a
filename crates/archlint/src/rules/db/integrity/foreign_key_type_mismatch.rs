use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::base_type;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key column whose type cannot hold the referenced
    /// column's values or is of another kind: `integer` referencing `bigint`,
    /// `varchar(50)` referencing `varchar(64)`, text referencing an integer, and
    /// (MySQL) signed against unsigned. `serial` counts as `integer`,
    /// `bigserial` as `bigint`; a wider referencing column is fine. On SQLite
    /// only the kind is compared, as SQLite enforces neither sizes nor sign.
    ///
    /// ## Why is this bad?
    /// The referencing column cannot hold every value of the referenced one (the
    /// day `customers.id` passes 2³¹, inserts into `orders` fail), comparisons
    /// need casts that defeat indexes, and MySQL refuses some mismatches outright.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE orders (customer_id integer REFERENCES customers (id));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE orders (customer_id bigint REFERENCES customers (id));
    /// ```
    ///
    /// ## How to fix
    /// Give the referencing column exactly the referenced column's type.
    ///
    /// Severity: `error` — a latent failure that surfaces in production.
    pub struct ForeignKeyTypeMismatch {
        id: "INT003",
        name: "foreign-key-type-mismatch",
        side: Db,
        area: Integrity,
        severity: Error,
        summary: "A foreign key column's type differs from the referenced column's.",
        fix: "Use exactly the referenced column's type for the referencing column.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for key in &table.foreign_keys {
            let Some(target) = db.schema.table(&key.ref_table) else {
                continue;
            };
            let referenced: Vec<String> = if key.ref_columns.is_empty() {
                target
                    .primary_key
                    .as_ref()
                    .map(|pk| pk.columns.clone())
                    .unwrap_or_default()
            } else {
                key.ref_columns.clone()
            };
            for (name, ref_name) in key.columns.iter().zip(&referenced) {
                let (Some(column), Some(ref_column)) =
                    (table.column(name), target.column(ref_name))
                else {
                    continue;
                };
                let Some(problem) =
                    mismatch(db.schema.dialect, &column.data_type, &ref_column.data_type)
                else {
                    continue;
                };
                let message = format!(
                    "`{}.{}` is `{}` but references `{}.{}` of type `{}`: {problem}",
                    table.name,
                    column.name,
                    column.data_type,
                    target.name,
                    ref_column.name,
                    ref_column.data_type
                );
                out.report(column.place.clone(), message)
                    .related(ref_column.place.clone(), "the referenced column");
            }
        }
    }
}

/// What goes wrong when a `mine` column references a `theirs` column, if anything.
fn mismatch(dialect: Dialect, mine: &str, theirs: &str) -> Option<&'static str> {
    let (my_family, my_size) = family(mine);
    let (their_family, their_size) = family(theirs);
    if my_family != their_family {
        return Some("the types differ, so every join needs a cast");
    }
    if dialect == Dialect::Sqlite {
        // SQLite compares by type affinity; sizes and signedness are not enforced.
        return None;
    }
    if my_size < their_size {
        return Some("it cannot hold every value of the referenced key");
    }
    let signed = |text: &str| !text.contains("unsigned");
    if dialect == Dialect::Mysql && my_family == "integer" && signed(mine) != signed(theirs) {
        return Some("MySQL requires the same signedness on both sides");
    }
    None
}

/// A type's family and capacity: integers by width, strings by length.
fn family(data_type: &str) -> (&'static str, u64) {
    let length = data_type
        .split(['(', ')'])
        .nth(1)
        .and_then(|args| args.split(',').next())
        .and_then(|digits| digits.trim().parse().ok());
    match base_type(data_type) {
        "tinyint" => ("integer", 1),
        "smallint" | "int2" | "smallserial" | "serial2" => ("integer", 2),
        "mediumint" => ("integer", 3),
        "int" | "integer" | "int4" | "serial" | "serial4" => ("integer", 4),
        "bigint" | "int8" | "bigserial" | "serial8" => ("integer", 8),
        "varchar" | "char" | "character" | "nvarchar" | "nchar" | "bpchar" => {
            ("string", length.unwrap_or(u64::MAX))
        }
        "text" | "tinytext" | "mediumtext" | "longtext" | "citext" => ("string", u64::MAX),
        "uuid" => ("uuid", 16),
        "numeric" | "decimal" => ("numeric", length.unwrap_or(u64::MAX)),
        "binary" | "varbinary" | "bytea" | "blob" => ("binary", length.unwrap_or(u64::MAX)),
        _ => ("other", 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mismatches() {
        assert!(mismatch(Dialect::Postgres, "integer", "bigint").is_some());
        assert!(mismatch(Dialect::Postgres, "bigint", "serial").is_none());
        assert!(mismatch(Dialect::Postgres, "int4", "serial").is_none());
        assert!(mismatch(Dialect::Postgres, "varchar(50)", "varchar(64)").is_some());
        assert!(mismatch(Dialect::Postgres, "text", "integer").is_some());
        assert!(mismatch(Dialect::Mysql, "int(11)", "int(10) unsigned").is_some());
        assert!(mismatch(Dialect::Sqlite, "integer unsigned", "integer").is_none());
    }
}

//! What a column's type and constraints say about the values it holds: its
//! length bound, its allowed values, its kind of number or date. Read from the
//! type as written and from simple `CHECK`s (`status IN (...)`,
//! `char_length(name) <= 80`); anything more complex is left alone rather than
//! guessed.

use crate::base::Place;
use crate::schema::base_type;
use crate::schema::{Column, Schema, Table};

/// What kind of value a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Signed integer of this many bits (unsigned MySQL types count one more).
    Integer {
        bits: u8,
    },
    Decimal {
        precision: Option<u32>,
        scale: u32,
    },
    Float,
    Text,
    Uuid,
    Date,
    Timestamp,
    Time,
    Boolean,
    Json,
    Binary,
    Other,
}

impl ColumnKind {
    pub fn of(column: &Column) -> ColumnKind {
        let data_type = column.data_type.as_str();
        let base = base_type(data_type);
        let unsigned = data_type.contains("unsigned");
        let integer = |bits: u8| ColumnKind::Integer {
            bits: if unsigned { bits + 1 } else { bits },
        };
        match base {
            "smallint" | "int2" | "smallserial" | "serial2" | "tinyint" | "mediumint" => {
                if base == "tinyint" && data_type.starts_with("tinyint(1)") {
                    ColumnKind::Boolean
                } else {
                    integer(if base == "mediumint" { 24 } else { 16 })
                }
            }
            "int" | "integer" | "int4" | "serial" | "serial4" => integer(32),
            "bigint" | "int8" | "bigserial" | "serial8" => integer(64),
            "numeric" | "decimal" | "dec" | "number" => decimal(data_type),
            "real" | "float" | "float4" | "float8" | "double" => ColumnKind::Float,
            "varchar" | "char" | "character" | "text" | "nvarchar" | "nchar" | "varchar2"
            | "citext" | "tinytext" | "mediumtext" | "longtext" | "string" | "clob" | "enum" => {
                ColumnKind::Text
            }
            "uuid" | "uniqueidentifier" => ColumnKind::Uuid,
            "date" => ColumnKind::Date,
            "timestamp" | "timestamptz" | "datetime" | "datetime2" => ColumnKind::Timestamp,
            "time" | "timetz" => ColumnKind::Time,
            "boolean" | "bool" | "bit" => ColumnKind::Boolean,
            "json" | "jsonb" => ColumnKind::Json,
            "bytea" | "blob" | "binary" | "varbinary" | "longblob" | "mediumblob" => {
                ColumnKind::Binary
            }
            _ => ColumnKind::Other,
        }
    }

    /// The largest value an integer column holds.
    pub fn integer_max(self) -> Option<f64> {
        match self {
            ColumnKind::Integer { bits } => Some(2f64.powi(i32::from(bits) - 1) - 1.0),
            _ => None,
        }
    }
}

/// `numeric(10,2)` → precision 10, scale 2; `numeric` → unconstrained.
fn decimal(data_type: &str) -> ColumnKind {
    let numbers = parameters(data_type);
    ColumnKind::Decimal {
        precision: numbers.first().map(|&value| saturate(value)),
        scale: numbers.get(1).map_or(0, |&value| saturate(value)),
    }
}

fn saturate(value: u64) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The numbers in the first parentheses of a type: `varchar(80)` → `[80]`.
fn parameters(data_type: &str) -> Vec<u64> {
    let Some(open) = data_type.find('(') else {
        return Vec::new();
    };
    let inner = data_type.get(open + 1..).unwrap_or("");
    let inner = inner.split(')').next().unwrap_or("");
    inner
        .split(',')
        .map_while(|part| part.trim().parse::<u64>().ok())
        .collect()
}

/// Whether the database fills the column itself: identity, `serial`,
/// `AUTO_INCREMENT`, generated columns, and SQLite's `INTEGER PRIMARY KEY`
/// (an alias of the rowid, assigned like `AUTOINCREMENT` without the keyword).
pub fn assigned_by_database(schema: &Schema, table: &Table, column: &Column) -> bool {
    column.generated || is_sequence(schema, table, column)
}

/// Whether the database numbers the column in sequence: `serial`, identity,
/// `AUTO_INCREMENT`, the rowid, or a `nextval(...)` default (how pg_dump
/// writes a serial: `CREATE SEQUENCE … OWNED BY` and `SET DEFAULT`).
pub fn is_sequence(schema: &Schema, table: &Table, column: &Column) -> bool {
    column.auto_increment || has_sequence_default(column) || is_sqlite_rowid(schema, table, column)
}

fn has_sequence_default(column: &Column) -> bool {
    column.default.as_deref().is_some_and(|default| {
        default
            .trim_start()
            .get(..8)
            .is_some_and(|head| head.eq_ignore_ascii_case("nextval("))
    })
}

/// The table's single-column primary key, filled by a sequence: ids that
/// count rows.
pub fn is_sequential_key(schema: &Schema, table: &Table, column: &Column) -> bool {
    let in_key = table.primary_key.as_ref().is_some_and(|key| {
        key.columns.len() == 1
            && key
                .columns
                .iter()
                .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    in_key
        && is_sequence(schema, table, column)
        && matches!(ColumnKind::of(column), ColumnKind::Integer { .. })
}

fn is_sqlite_rowid(schema: &Schema, table: &Table, column: &Column) -> bool {
    schema.dialect == crate::sql::Dialect::Sqlite
        && column.data_type == "integer"
        && table.primary_key.as_ref().is_some_and(|key| {
            key.columns.len() == 1
                && key
                    .columns
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&column.name))
        })
}

/// A bound on a column's length, and where it is written.
pub struct LengthBound<'a> {
    pub max: u64,
    pub place: &'a Place,
    /// `varchar(200)`, or the check's expression.
    pub source: String,
}

/// The length bound of a text column: from its type (`varchar(n)`, `char(n)`)
/// or a check on its length; the tighter when both exist.
pub fn length_bound<'a>(table: &'a Table, column: &'a Column) -> Option<LengthBound<'a>> {
    let from_type = match base_type(&column.data_type) {
        "varchar" | "char" | "character" | "nvarchar" | "nchar" | "varchar2" => {
            parameters(&column.data_type)
                .first()
                .map(|&max| LengthBound {
                    max,
                    place: &column.place,
                    source: column.data_type.clone(),
                })
        }
        "tinytext" => Some(LengthBound {
            max: 255,
            place: &column.place,
            source: column.data_type.clone(),
        }),
        _ => None,
    };
    let from_check = table.checks.iter().find_map(|check| {
        check_length(&check.expression, &column.name).map(|max| LengthBound {
            max,
            place: &check.place,
            source: format!("CHECK ({})", check.expression),
        })
    });
    match (from_type, from_check) {
        (Some(a), Some(b)) => Some(if b.max < a.max { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The bound `char_length(col) <= n`, `length(col) < n` or
/// `length(col) BETWEEN a AND n` puts on the column.
fn check_length(expression: &str, column: &str) -> Option<u64> {
    let text = normalize(expression);
    let column = unquote(column).to_ascii_lowercase();
    for function in ["char_length(", "character_length(", "length(", "len("] {
        let call = format!("{function}{column})");
        let Some(position) = text.find(&call) else {
            continue;
        };
        let rest = text.get(position + call.len()..)?.trim_start();
        if let Some(bound) = rest.strip_prefix("<=") {
            return leading_number(bound);
        }
        if let Some(bound) = rest.strip_prefix('<') {
            return leading_number(bound).map(|max| max.saturating_sub(1));
        }
        if let Some(range) = rest.strip_prefix("between") {
            let upper = range.split(" and ").nth(1)?;
            return leading_number(upper);
        }
    }
    None
}

fn leading_number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The values a column accepts, when it is limited to a list, and where the
/// list is written.
pub struct AllowedValues<'a> {
    pub values: Vec<String>,
    pub place: &'a Place,
    /// `enum type order_status`, `CHECK (...)`.
    pub source: String,
}

/// The values of an enum type, a MySQL `enum(...)` column or a check
/// `col IN (...)` / `col = ANY (ARRAY[...])`.
pub fn allowed_values<'a>(
    schema: &'a Schema,
    table: &'a Table,
    column: &'a Column,
) -> Option<AllowedValues<'a>> {
    if let Some(enum_type) = schema.enum_type(&column.data_type) {
        return Some(AllowedValues {
            values: enum_type.values.clone(),
            place: &enum_type.place,
            source: format!("enum type `{}`", enum_type.name),
        });
    }
    if base_type(&column.data_type) == "enum" {
        return Some(AllowedValues {
            values: quoted_strings(&column.data_type),
            place: &column.place,
            source: column.data_type.clone(),
        });
    }
    table.checks.iter().find_map(|check| {
        check_values(&check.expression, &column.name).map(|values| AllowedValues {
            values,
            place: &check.place,
            source: format!("CHECK ({})", check.expression),
        })
    })
}

fn check_values(expression: &str, column: &str) -> Option<Vec<String>> {
    let text = normalize(expression);
    let column = unquote(column).to_ascii_lowercase();
    let list = [
        format!("{column} in ("),
        format!("{column} = any(array["),
        format!("{column} = any (array["),
        format!("({column})::text = any (array["),
        format!("({column})::text = any(array["),
    ];
    let matched = list.iter().any(|start| text.starts_with(start.as_str()));
    if !matched || text.contains(" and ") || text.contains(" or ") {
        return None;
    }
    let values = quoted_strings(expression);
    (!values.is_empty()).then_some(values)
}

/// The single-quoted strings of a text, `''` read as one quote.
fn quoted_strings(text: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\'' {
            continue;
        }
        let mut value = String::new();
        while let Some(c) = chars.next() {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    value.push('\'');
                    continue;
                }
                break;
            }
            value.push(c);
        }
        values.push(value);
    }
    values
}

/// Lower-case, identifier quotes removed, outer parentheses dropped, spaces single.
fn normalize(expression: &str) -> String {
    let unquoted: String = expression
        .chars()
        .filter(|c| !matches!(c, '"' | '`'))
        .collect();
    let mut text = unquoted
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    while let Some(inner) = text
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .filter(|inner| balanced(inner))
    {
        text = inner.trim().to_owned();
    }
    text
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

fn unquote(name: &str) -> &str {
    name.trim_matches(|c| matches!(c, '"' | '`' | '[' | ']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_from_checks() {
        assert_eq!(check_length("char_length(name) <= 50", "name"), Some(50));
        assert_eq!(check_length("(length(\"name\") < 51)", "name"), Some(50));
        assert_eq!(
            check_length("length(name) BETWEEN 1 AND 40", "name"),
            Some(40)
        );
        assert_eq!(check_length("length(other) <= 5", "name"), None);
    }

    #[test]
    fn values_from_checks() {
        assert_eq!(
            check_values("code IN ('x', 'y')", "code"),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
        assert_eq!(
            check_values("s = ANY(ARRAY['p'::TEXT, 'q'::TEXT])", "s"),
            Some(vec!["p".to_owned(), "q".to_owned()])
        );
        assert_eq!(check_values("code IN ('x') OR flag", "code"), None);
        assert_eq!(check_values("other IN ('x')", "code"), None);
        assert_eq!(quoted_strings("enum('a', 'it''s')"), ["a", "it's"]);
    }
}

use super::{column_related, linked_properties, report};
use crate::base::Severity;
use crate::base::{Emitter, Place};
use crate::link::{ColumnKind, ParameterKind, Property};
use crate::rules::api::Grouped;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Table};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Compares each linked property's type and format with its column's
    /// type:
    /// - identifiers: `format: uuid` over an integer column, an integer over a
    ///   `uuid` column;
    /// - integer ranges: a `maximum` (or `format: int64`) beyond what an
    ///   `integer`/`smallint` column holds, in requests; an `int32` property
    ///   over a `bigint` column, in responses;
    /// - dates: `format: date` over a timestamp, `format: date-time` over a
    ///   `DATE`;
    /// - decimals: a `number` over `NUMERIC(p,s)` with no `maximum`, or a
    ///   larger one, in requests;
    /// - strings over integer columns, and booleans over anything else;
    /// - path and query parameters that look rows up or filter them: a UUID
    ///   or any text over an integer column, an integer over a `uuid`
    ///   column, 64-bit integers over a 32-bit column.
    ///
    /// ## Why is this bad?
    /// Each of these is a request the API accepts and the database rejects (a
    /// 500), or a value the database returns that clients cannot parse: ids
    /// beyond 2³¹ overflow `int32` models, a timestamp is not a `date`.
    ///
    /// ## Example
    ///
    /// Customers as the API returns them:
    /// ```yaml
    /// paths:
    ///   /customers:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The customers.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: array
    ///                 items: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       properties:
    ///         id: {type: string, format: uuid}
    ///         email: {type: string}
    /// ```
    ///
    /// and the table behind them, whose `id` is an integer:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /customers:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The customers.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: array
    ///                 items: {$ref: '#/components/schemas/Customer'}
    /// components:
    ///   schemas:
    ///     Customer:
    ///       type: object
    ///       properties:
    ///         id: {type: integer, format: int64}
    ///         email: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Make the property's type, format and bounds say what the column holds,
    /// or change the column.
    ///
    /// Severity: `error` for identifiers and for values requests may send that
    /// the column cannot hold; `warning` otherwise.
    pub struct TypeMismatch {
        id: "CONS005",
        name: "type-mismatch",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A property's type or format does not match its column's type.",
        fix: "Make the property's type, format and bounds match the column, or change the column.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let sqlite = context.schema.dialect == Dialect::Sqlite;
    for linked in linked_properties(context) {
        let flow = Flow {
            written: linked.is_written(),
            read: linked.is_read(),
            parameter: false,
            sqlite,
        };
        if let Some(found) = mismatch(linked.property, linked.column, flow) {
            let subject = linked.label();
            emit(
                out,
                found,
                subject,
                linked.table,
                linked.column,
                linked.property.at.place(),
            );
        }
    }
    // Grouped by column and name: `{user-id}` is declared again on every path.
    let mut found = Grouped::new();
    // A sort parameter's values name columns; they are not column values.
    for link in context
        .links
        .parameters
        .iter()
        .filter(|link| link.kind != ParameterKind::Sort)
    {
        let Some(operation) = context.operation(link.operation) else {
            continue;
        };
        let Some(parameter) = operation.parameters.get(link.parameter) else {
            continue;
        };
        let Some(schema) = parameter
            .schema
            .as_ref()
            .and_then(|schema| context.api.resolve(schema))
        else {
            continue;
        };
        let property = Property {
            name: parameter.name,
            at: parameter.at.clone(),
            schema,
            required: parameter.required,
            column: None,
            elsewhere: None,
            composite: false,
        };
        let flow = Flow {
            written: true,
            read: false,
            parameter: true,
            sqlite,
        };
        if let Some(mismatch) = mismatch(&property, link.column, flow) {
            let key = (link.column as *const Column as usize, parameter.name);
            found.add(key, link.operation, || {
                (mismatch, link, parameter.at.place())
            });
        }
    }
    for ((mismatch, link, place), operations) in found.into_entries() {
        let name = context
            .operation(link.operation)
            .and_then(|operation| operation.parameters.get(link.parameter))
            .map_or("", |parameter| parameter.name);
        let subject = format!(
            "parameter `{name}` of {}",
            context.api.api.describe_operations(&operations)
        );
        emit(out, mismatch, subject, link.table, link.column, place);
    }
}

fn emit(
    out: &mut Emitter,
    found: Mismatch,
    subject: String,
    table: &Table,
    column: &Column,
    place: Place,
) {
    let message = format!(
        "{subject} {}, but `{}` is `{}`{}",
        found.problem,
        table.object(&column.name),
        column.data_type,
        found
            .consequence
            .map(|text| format!(": {text}"))
            .unwrap_or_default()
    );
    let related = column_related(table, column);
    report(out, place, message, related, Some(found.severity));
}

/// Which way values flow: sent by clients (request bodies, parameters),
/// returned to them, and whether they only select rows (parameters).
#[derive(Clone, Copy)]
struct Flow {
    written: bool,
    read: bool,
    parameter: bool,
    /// SQLite: every `INTEGER` holds 64 bits, and booleans are integers.
    sqlite: bool,
}

/// What is wrong, how badly, and what follows from it.
struct Mismatch {
    severity: Severity,
    problem: String,
    consequence: Option<String>,
}

fn found(
    severity: Severity,
    problem: impl Into<String>,
    consequence: Option<String>,
) -> Option<Mismatch> {
    Some(Mismatch {
        severity,
        problem: problem.into(),
        consequence,
    })
}

fn mismatch(property: &Property<'_>, column: &Column, flow: Flow) -> Option<Mismatch> {
    let kind = property.kind()?;
    let format = property.format();
    let column_kind = ColumnKind::of(column);
    if flow.parameter && !matches!(column_kind, ColumnKind::Integer { .. } | ColumnKind::Uuid) {
        // Parameters select rows: a date filter over a timestamp is normal.
        return None;
    }
    match (column_kind, kind) {
        (ColumnKind::Integer { .. }, "string") if format == Some("uuid") => {
            found(Severity::Error, "is a UUID", None)
        }
        // Over an integer column, any non-numeric text fails the query.
        (ColumnKind::Integer { .. }, "string")
            if flow.parameter
                && format.is_none()
                && property.schema.node.get("pattern").is_none() =>
        {
            found(
                Severity::Error,
                "is a string",
                Some("text that is not a number fails the query with a 500".to_owned()),
            )
        }
        // Strings with a pattern or format (`int64` as text) carry numbers on purpose.
        (ColumnKind::Integer { .. }, "string")
            if format.is_none() && property.schema.node.get("pattern").is_none() =>
        {
            found(Severity::Warning, "is a string", None)
        }
        (ColumnKind::Uuid, "integer" | "number") => {
            found(Severity::Error, format!("is an {kind}"), None)
        }
        (ColumnKind::Integer { bits }, "integer") => {
            integer_range(property, flow, if flow.sqlite { 64 } else { bits })
        }
        (ColumnKind::Timestamp, "string") if format == Some("date") => found(
            Severity::Warning,
            "is a `date`",
            Some(
                "the time of day is lost on the way in and breaks date parsers on the way out"
                    .to_owned(),
            ),
        ),
        (ColumnKind::Date, "string") if format == Some("date-time") => found(
            Severity::Warning,
            "is a `date-time`",
            Some("the time of day is dropped on insert".to_owned()),
        ),
        (
            ColumnKind::Decimal {
                precision: Some(precision),
                scale,
            },
            "number" | "integer",
        ) if flow.written => decimal_range(property, precision, scale),
        (ColumnKind::Boolean, "string" | "integer" | "number")
            if property.enum_values().is_none() =>
        {
            found(Severity::Warning, format!("is a {kind}"), None)
        }
        // SQLite has no boolean type: booleans are integers 0 and 1.
        (ColumnKind::Integer { .. }, "boolean") if flow.sqlite => None,
        (
            ColumnKind::Text
            | ColumnKind::Integer { .. }
            | ColumnKind::Uuid
            | ColumnKind::Date
            | ColumnKind::Timestamp,
            "boolean",
        ) => found(Severity::Warning, "is a boolean", None),
        _ => None,
    }
}

fn integer_range(property: &Property<'_>, flow: Flow, bits: u8) -> Option<Mismatch> {
    let column_max = ColumnKind::Integer { bits }.integer_max()?;
    let maximum = property.number("maximum");
    let format_bits = match property.format() {
        Some("int64") => Some(64),
        Some("int32") => Some(32),
        _ => None,
    };
    let api_max = maximum.or(format_bits.map(|bits| 2f64.powi(bits - 1) - 1.0));
    if flow.written && api_max.is_some_and(|max| max > column_max) {
        let accepts = match (maximum, format_bits) {
            (Some(max), _) => format!("accepts integers up to {max}"),
            (None, Some(bits)) => format!("accepts {bits}-bit integers"),
            (None, None) => "accepts any integer".to_owned(),
        };
        let fails = if flow.parameter {
            "fail the query with a 500"
        } else {
            "fail on insert"
        };
        let consequence = format!("values above {column_max} {fails}");
        return found(Severity::Error, accepts, Some(consequence));
    }
    // Only `format: int32` makes clients use 32-bit integers; a `maximum`
    // bounds the values, not the type (`int64` with `maximum: 1000000`).
    if flow.read && bits > 32 && format_bits == Some(32) {
        let consequence = "values beyond 2³¹ overflow clients' 32-bit integers".to_owned();
        return found(
            Severity::Warning,
            "is documented as 32-bit",
            Some(consequence),
        );
    }
    None
}

fn decimal_range(property: &Property<'_>, precision: u32, scale: u32) -> Option<Mismatch> {
    let whole_digits = precision.saturating_sub(scale);
    let limit = 10f64.powi(i32::try_from(whole_digits).unwrap_or(i32::MAX));
    let consequence = Some(format!(
        "values of {} or more whole digits fail on insert",
        whole_digits.saturating_add(1)
    ));
    match property.number("maximum") {
        Some(max) if max >= limit => found(
            Severity::Error,
            format!("accepts numbers up to {max}"),
            consequence,
        ),
        Some(_) => None,
        // Fifteen whole digits or more hold any amount a double carries.
        None if whole_digits >= 15 => None,
        None => found(
            Severity::Warning,
            "accepts numbers with no maximum",
            consequence,
        ),
    }
}

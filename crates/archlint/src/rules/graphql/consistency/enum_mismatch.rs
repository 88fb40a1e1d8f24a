use super::{column_label, linked_fields};
use crate::base::{Emitter, Severity};
use crate::graphql::{Graphql, TypeKind};
use crate::link::allowed_values;
use crate::rules::graphql::names::code_list;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares the values of a GraphQL enum field with the values its
    /// column accepts (a database enum type, a MySQL `enum(...)`, a
    /// `CHECK (status IN (...))`). Values are compared without case or
    /// separators, so `IN_PROGRESS` matches `in_progress` and `in-progress`.
    ///
    /// ## Why is this bad?
    /// A value the column holds and the enum lacks cannot be serialized:
    /// the query fails for every row that has it. A value the enum has and
    /// the column refuses is accepted from clients and then fails on write,
    /// or is a state that never happens.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// enum OrderStatus { PENDING PAID }
    /// type Order { id: ID! status: OrderStatus! }
    /// ```
    ///
    /// ```sql
    /// CREATE TYPE order_status AS ENUM ('pending', 'paid', 'refunded');
    /// CREATE TABLE orders (id uuid PRIMARY KEY, status order_status NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// enum OrderStatus { PENDING PAID REFUNDED }
    /// type Order { id: ID! status: OrderStatus! }
    /// ```
    ///
    /// ## How to fix
    /// Add the missing values on the side that lacks them (or map them in
    /// the resolver and say so in the enum's description).
    ///
    /// Severity: `warning` when the column holds values the enum lacks
    /// (reads fail); `info` when only an enum that inputs take has more
    /// (refused on write). An enum only outputs use may have values nothing
    /// stores (`UNKNOWN`): that is not reported.
    pub struct GraphqlEnumMismatch {
        id: "GQL022",
        name: "graphql-enum-mismatch",
        side: Graphql,
        area: Consistency,
        severity: Warning,
        summary: "A GraphQL enum and its column accept different values.",
        fix: "Give the enum and the column the same values.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(database) = &graphql.database else {
        return;
    };
    for (linked, field) in linked_fields(graphql).filter(|(_, field)| !field.through_key) {
        let Some(enum_type) = graphql
            .schema
            .get(&field.field.ty.name)
            .filter(|ty| ty.kind == TypeKind::Enum)
        else {
            continue;
        };
        let Some(allowed) = allowed_values(database.tables, linked.table, field.column) else {
            continue;
        };
        let graphql_values: Vec<&str> = enum_type
            .values
            .iter()
            .map(|value| value.name.as_str())
            .collect();
        let stored_only = missing(&allowed.values, &graphql_values);
        // Values only the enum has reach the database only from inputs; an
        // output enum may add a fallback (`UNKNOWN`) nothing stores.
        let enum_only = match is_input(graphql.schema, enum_type.name()) {
            true => missing(&graphql_values, &allowed.values),
            false => Vec::new(),
        };
        if stored_only.is_empty() && enum_only.is_empty() {
            continue;
        }
        let label = column_label(linked, field);
        let mut parts = Vec::new();
        if !stored_only.is_empty() {
            parts.push(format!(
                "`{label}` holds {} that `{}` lacks (reading such a row fails)",
                quoted(&stored_only),
                enum_type.name()
            ));
        }
        if !enum_only.is_empty() {
            parts.push(format!(
                "`{}` has {} that {} refuses",
                enum_type.name(),
                quoted(&enum_only),
                allowed.source
            ));
        }
        let diagnostic = out
            .report(
                linked.ty.field_place(field.field),
                format!(
                    "`{}.{}`: {}",
                    linked.ty.name(),
                    field.field.name(),
                    parts.join("; ")
                ),
            )
            .related(allowed.place.clone(), allowed.source.clone())
            .related(enum_type.place(), format!("enum `{}`", enum_type.name()));
        if stored_only.is_empty() {
            diagnostic.severity(Severity::Info);
        }
    }
}

/// Whether an argument or an input field takes the enum.
fn is_input(schema: &Graphql, enum_name: &str) -> bool {
    schema.types.iter().any(|ty| {
        ty.input_fields
            .iter()
            .any(|field| field.ty.name == enum_name)
            || ty.fields.iter().any(|field| {
                field
                    .arguments
                    .iter()
                    .any(|argument| argument.ty.name == enum_name)
            })
    })
}

/// The values of `these` that `those` lack, compared without case or
/// separators.
fn missing<'v>(these: &'v [impl AsRef<str>], those: &[impl AsRef<str>]) -> Vec<&'v str> {
    let keys: Vec<String> = those
        .iter()
        .map(|value| value_key(value.as_ref()))
        .collect();
    these
        .iter()
        .map(AsRef::as_ref)
        .filter(|value| !keys.contains(&value_key(value)))
        .collect()
}

fn value_key(value: &str) -> String {
    value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|character| character.to_ascii_lowercase())
        .collect()
}

fn quoted(values: &[&str]) -> String {
    let noun = if values.len() == 1 { "value" } else { "values" };
    format!("{noun} {}", code_list(values.iter().copied(), 5))
}

use super::{column_label, linked_types};
use crate::base::Emitter;
use crate::graphql::{Graphql, TypeDef};
use crate::link::{is_sequential_key, LinkedField, LinkedType};
use crate::rules::graphql::names::code_list;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports the `ID` or `Int` fields that expose a table's sequential
    /// integer primary key (`serial`, identity, auto-increment), once for
    /// the schema: it is one design decision.
    ///
    /// ## Why is this bad?
    /// Sequential ids are guessable and count the rows: anyone can walk
    /// `order(id: 1)`, `order(id: 2)`, … to probe for records another
    /// authorization bug leaves open, and read your volumes (orders per day)
    /// from two ids. Relay's global ids (`base64("Order:42")`) only hide the
    /// number from a glance.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! total: Int! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE orders (id bigserial PRIMARY KEY, total integer NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! total: Int! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), total integer NOT NULL);
    /// ```
    ///
    /// ## How to fix
    /// Expose a random public id (UUID, ULID) and keep the integer key
    /// internal.
    ///
    /// Severity: `info` — advice: it matters where ids reach callers who
    /// must not see every row (a single-tenant admin API can list them
    /// anyway). The help names the types queries look up by id.
    pub struct GraphqlSequentialId {
        id: "GQL025",
        name: "graphql-sequential-id",
        side: Graphql,
        area: Consistency,
        severity: Info,
        summary: "A GraphQL id exposes a sequential integer primary key.",
        fix: "Expose a random public id (UUID/ULID) instead of the integer key.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(database) = &graphql.database else {
        return;
    };
    let exposed: Vec<(&LinkedType<'_>, &LinkedField<'_>)> = linked_types(graphql)
        .filter_map(|linked| {
            linked
                .fields
                .iter()
                .find(|field| {
                    !field.through_key
                        && matches!(field.field.ty.name.as_str(), "ID" | "Int")
                        && is_sequential_key(database.tables, linked.table, field.column)
                })
                .map(|field| (linked, field))
        })
        .collect();
    let Some((first_type, first_field)) = exposed.first() else {
        return;
    };
    let looked_up: Vec<&str> = exposed
        .iter()
        .filter(|(linked, _)| is_looked_up(graphql.schema, linked.ty))
        .map(|(linked, _)| linked.ty.name())
        .collect();
    let label = column_label(first_type, first_field);
    let message = match exposed.len() {
        1 => format!(
            "`{}.{}` exposes `{label}`, a sequential key (`{}`): ids are guessable and reveal volumes",
            first_type.ty.name(),
            first_field.field.name(),
            first_field.column.data_type
        ),
        count => format!(
            "{count} types expose sequential keys as ids ({}): ids are guessable and reveal volumes",
            code_list(exposed.iter().map(|(linked, _)| linked.ty.name()), 5)
        ),
    };
    let diagnostic = out
        .report(first_type.ty.field_place(first_field.field), message)
        .related(
            first_field.column.place.clone(),
            format!("column `{label}`"),
        )
        .extent(exposed.len());
    if !looked_up.is_empty() {
        diagnostic.help(format!(
            "Queries look up {} by these ids: a caller can walk them.",
            code_list(looked_up.iter().copied(), 5)
        ));
    }
}

/// Whether a query field returns the type by an id argument, or the type
/// is a Relay `Node` that `node(id:)` returns.
fn is_looked_up(schema: &Graphql, ty: &TypeDef) -> bool {
    let Some(query) = schema.query() else {
        return true;
    };
    query.fields.iter().any(|field| {
        let returns = |name: &str| field.ty.name == name && !field.ty.is_list();
        let by_id = field.arguments.iter().any(|argument| {
            let name = argument.name();
            name == "id" || name.ends_with("Id") || name.ends_with("ID")
        });
        by_id
            && (returns(ty.name())
                || (returns("Node") && ty.interfaces.iter().any(|name| name == "Node")))
    })
}

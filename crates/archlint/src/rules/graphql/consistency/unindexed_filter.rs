use super::linked_types;
use crate::base::Emitter;
use crate::graphql::{Field, Graphql, InputValue, TypeDef};
use crate::link::{column_key, ColumnKind};
use crate::rules::graphql::shape::{is_connection, PAGE_SIZE_ARGUMENTS};
use crate::rules::GraphqlContext;
use crate::schema::{lookup_indexes, Column, Table};

crate::declare_rule! {
    /// ## What it does
    /// Follows the fields that return a type served from a table (a
    /// lookup, a list or a connection of it) and reports each scalar
    /// argument that filters by a column no index leads: `user(email:)`,
    /// `orders(status:)`. Paging and ordering arguments, boolean columns
    /// (an index rarely helps) and, under a parent type, columns of an
    /// index led by the key to that parent are left alone.
    ///
    /// ## Why is this bad?
    /// Without an index the database reads the whole table for every such
    /// query: fast in development, a timeout once the table is large — and
    /// GraphQL lets a client send that query as often as it likes.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { users(status: String, first: Int = 20): [User!]! }
    /// type User { id: ID! email: String! status: String! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, status text NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { users(status: String, first: Int = 20): [User!]! }
    /// type User { id: ID! email: String! status: String! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, status text NOT NULL);
    /// CREATE INDEX users_status ON users (status);
    /// ```
    ///
    /// ## How to fix
    /// Add an index that starts with the argument's column.
    ///
    /// Severity: `warning` — a table scan per request.
    pub struct GraphqlUnindexedFilter {
        id: "GQL026",
        name: "graphql-unindexed-filter",
        side: Graphql,
        area: Consistency,
        severity: Warning,
        summary: "A GraphQL argument filters by a column no index leads.",
        fix: "Add an index that starts with the argument's column.",
        check_graphql: check,
    }
}

/// Arguments that order or page rather than filter.
const NOT_FILTERS: [&str; 12] = [
    "after",
    "before",
    "offset",
    "skip",
    "page",
    "cursor",
    "orderBy",
    "order",
    "sort",
    "sortBy",
    "direction",
    "orderDirection",
];

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(database) = &graphql.database else {
        return;
    };
    let parents = graphql
        .schema
        .query()
        .into_iter()
        .map(|query| (query, None))
        .chain(linked_types(graphql).map(|linked| (linked.ty, Some(linked))));
    for (parent, parent_link) in parents {
        for field in &parent.fields {
            let Some(target) =
                served_type(graphql.schema, field).and_then(|name| database.links.of(name))
            else {
                continue;
            };
            for argument in &field.arguments {
                let Some(column) = filtered_column(graphql.schema, argument, target.table) else {
                    continue;
                };
                if is_served(target.table, column, parent_link.map(|linked| linked.table)) {
                    continue;
                }
                let label = target.table.object(&column.name);
                out.report(
                    parent.argument_place(field, argument),
                    format!(
                        "`{}` filters `{}.{}` by `{label}`, which no index leads: each request scans `{}`",
                        argument.name(),
                        parent.name(),
                        field.name(),
                        target.table.name
                    ),
                )
                .related(column.place.clone(), format!("column `{label}`"))
                .help(format!(
                    "CREATE INDEX ON {} ({});",
                    target.table.name, column.name
                ));
            }
        }
    }
}

/// The type a field serves rows of: its own type, or the node type of a
/// connection.
fn served_type<'s>(schema: &'s Graphql, field: &'s Field) -> Option<&'s str> {
    let ty = schema.get(&field.ty.name)?;
    if !is_connection(ty) {
        return Some(ty.name());
    }
    node_type(schema, ty)
}

fn node_type<'s>(schema: &'s Graphql, connection: &'s TypeDef) -> Option<&'s str> {
    if let Some(nodes) = connection.field("nodes") {
        return Some(nodes.ty.name.as_str());
    }
    let edge = schema.get(&connection.field("edges")?.ty.name)?;
    edge.field("node").map(|node| node.ty.name.as_str())
}

/// The column a scalar filter argument compares, if it names one.
fn filtered_column<'t>(
    schema: &Graphql,
    argument: &InputValue,
    table: &'t Table,
) -> Option<&'t Column> {
    let name = argument.name();
    if PAGE_SIZE_ARGUMENTS.contains(&name)
        || NOT_FILTERS.contains(&name)
        || !schema.is_leaf(&argument.ty.name)
    {
        return None;
    }
    let key = column_key(name);
    let column = table
        .columns
        .iter()
        .find(|column| column_key(&column.name) == key)?;
    (ColumnKind::of(column) != ColumnKind::Boolean).then_some(column)
}

/// Whether an index serves the filter: led by its column, or — under a
/// parent — led by the key to the parent (the parent's few rows are read).
fn is_served(table: &Table, column: &Column, parent: Option<&Table>) -> bool {
    let to_parent: Vec<&str> = parent
        .map(|parent| {
            table
                .foreign_keys
                .iter()
                .filter(|key| crate::schema::Schema::same_name(&key.ref_table, &parent.name))
                .filter_map(|key| key.columns.first().map(String::as_str))
                .collect()
        })
        .unwrap_or_default();
    lookup_indexes(table).iter().any(|columns| {
        columns.first().is_some_and(|first| {
            first.eq_ignore_ascii_case(&column.name)
                || to_parent.iter().any(|key| first.eq_ignore_ascii_case(key))
        })
    })
}

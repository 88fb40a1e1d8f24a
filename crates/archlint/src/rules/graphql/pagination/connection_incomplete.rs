use crate::base::{Emitter, Severity};
use crate::rules::graphql::shape::{declared_by_interface, is_connection, read_fields};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a Relay connection type (`…Connection`) without `pageInfo` or
    /// without `edges`/`nodes`, and a field returning a connection that takes
    /// neither `first` and `after` nor `last` and `before`.
    ///
    /// ## Why is this bad?
    /// Clients and caches (Relay, Apollo's `relayStylePagination`) rely on
    /// the whole contract: without `pageInfo` they cannot tell the last page,
    /// without cursor arguments they cannot ask for the next one.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { orders(first: Int): OrderConnection! }
    /// type OrderConnection { edges: [OrderEdge!]! }
    /// type OrderEdge { cursor: String! node: Order! }
    /// type Order { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { orders(first: Int, after: String): OrderConnection! }
    /// type OrderConnection { edges: [OrderEdge!]! pageInfo: PageInfo! }
    /// type OrderEdge { cursor: String! node: Order! }
    /// type PageInfo { hasNextPage: Boolean! endCursor: String }
    /// type Order { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Follow the Relay cursor connections specification: `edges` (or
    /// `nodes`) and `pageInfo` on the type, `first`/`after` (and
    /// `last`/`before` if pages go back) on every field returning it.
    ///
    /// Severity: `warning` — pagination that cannot be followed to the end;
    /// `info` for a field that takes a page size but no cursor (the first
    /// page is bounded; the rest cannot be reached).
    pub struct ConnectionIncomplete {
        id: "GQL002",
        name: "graphql-connection-incomplete",
        side: Graphql,
        area: Pagination,
        severity: Warning,
        summary: "A GraphQL connection lacks `pageInfo`, `edges`, or cursor arguments.",
        fix: "Give the connection `edges` and `pageInfo`, and the field `first`/`after`.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    for ty in schema.output_types().filter(|ty| is_connection(ty)) {
        let mut missing = Vec::new();
        if ty.field("pageInfo").is_none() {
            missing.push("`pageInfo`");
        }
        if ty.field("edges").is_none() && ty.field("nodes").is_none() {
            missing.push("`edges` (or `nodes`)");
        }
        if !missing.is_empty() {
            out.report(
                ty.place(),
                format!(
                    "the connection `{}` has no {}: clients cannot follow its pages",
                    ty.name(),
                    missing.join(" and no ")
                ),
            );
        }
    }
    for (ty, field) in read_fields(graphql) {
        let returns_connection =
            !field.ty.is_list() && schema.get(&field.ty.name).is_some_and(is_connection);
        if !returns_connection || declared_by_interface(schema, ty, field) {
            continue;
        }
        let has = |name: &str| field.argument(name).is_some();
        if (has("first") && has("after")) || (has("last") && has("before")) {
            continue;
        }
        if has("first") || has("last") {
            out.report(
                ty.field_place(field),
                format!(
                    "`{}.{}` returns the connection `{}` with a page size but no cursor (`after`, or `before`): clients cannot ask for the next page",
                    ty.name(),
                    field.name(),
                    field.ty.name
                ),
            )
            .severity(Severity::Info);
            continue;
        }
        out.report(
            ty.field_place(field),
            format!(
                "`{}.{}` returns the connection `{}` but takes no cursor arguments (`first` and `after`, or `last` and `before`)",
                ty.name(),
                field.name(),
                field.ty.name
            ),
        );
    }
}

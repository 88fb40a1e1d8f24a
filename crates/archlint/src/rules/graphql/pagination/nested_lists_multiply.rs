use crate::base::Emitter;
use crate::rules::graphql::names::{growth, Growth};
use crate::rules::graphql::shape::{declared_by_interface, is_unbounded_list, read_fields};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an unbounded list of entities inside the items of an unbounded
    /// list a root query field returns: `Query.users: [User]` and
    /// `User.orders: [Order]` let one query read every order of every user.
    /// Both lists must hold what grows with use (judged by the types' names:
    /// users, orders, comments, events), the inner one even under one owner.
    /// (Deeper nesting is the subject of `graphql-unbounded-query-cost`.)
    ///
    /// ## Why is this bad?
    /// The cost of a query multiplies with each level: a thousand users with
    /// a thousand orders each is a million rows from a request of a few
    /// lines. Complexity limits cannot price a list whose size they cannot
    /// see.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { users: [User!]! }
    /// type User { id: ID! orders: [Order!]! }
    /// type Order { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { users(first: Int!): [User!]! }
    /// type User { id: ID! orders(first: Int!): [Order!]! }
    /// type Order { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Page both lists (connections with `first`), so a query states how many
    /// items it reads at each level.
    ///
    /// Severity: `warning` — a query of a few lines can read a whole table
    /// per item.
    pub struct NestedListsMultiply {
        id: "GQL004",
        name: "graphql-nested-lists-multiply",
        side: Graphql,
        area: Pagination,
        severity: Warning,
        summary: "An unbounded GraphQL list sits inside the items of another.",
        fix: "Page both lists so each level of a query states how much it reads.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let Some(query) = schema.query() else {
        return;
    };
    let grows = |name: &str| matches!(growth(name), Growth::Grows | Growth::Overall);
    let outer: Vec<_> = query
        .fields
        .iter()
        .filter(|field| is_unbounded_list(schema, field) && grows(&field.ty.name))
        .filter(|field| field.defined.deprecated().is_none())
        .map(|field| (query, field))
        .collect();
    for (ty, field) in read_fields(graphql) {
        if !is_unbounded_list(schema, field)
            || declared_by_interface(schema, ty, field)
            || growth(&field.ty.name) != Growth::Grows
        {
            continue;
        }
        let Some((outer_type, outer_field)) =
            outer.iter().find(|(_, outer)| outer.ty.name == ty.name())
        else {
            continue;
        };
        out.report(
            ty.field_place(field),
            format!(
                "`{}.{}` returns every `{}` of each `{}`, and `{}.{}` returns every `{}`: one query reads the product",
                ty.name(),
                field.name(),
                field.ty.name,
                ty.name(),
                outer_type.name(),
                outer_field.name(),
                ty.name()
            ),
        )
        .related(outer_type.field_place(outer_field), "the outer list");
    }
}

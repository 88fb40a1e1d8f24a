use crate::base::{Emitter, Severity};
use crate::rules::graphql::names::{growth, Growth};
use crate::rules::graphql::shape::{declared_by_interface, is_unbounded_list, read_fields};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a field that returns a list of entities (objects with an `id`)
    /// and takes no argument that bounds it (`first`, `last`, `limit`,
    /// `take`, `pageSize`…) and no required list of keys, and is not a Relay
    /// connection. Lists of scalars and enums, the results of mutations,
    /// deprecated fields, and lists of what forms a small catalogue
    /// (countries, channels, licenses, categories, roles…) are left alone.
    ///
    /// ## Why is this bad?
    /// The list returns every row there is: fine with ten, an outage with a
    /// million. Adding pagination later changes the field's type or its
    /// arguments' meaning, a breaking change for every client.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { users: [User!]! }
    /// type User { id: ID! name: String! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { users(first: Int = 20, after: String): UserConnection! }
    /// type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! }
    /// type UserEdge { cursor: String! node: User! }
    /// type PageInfo { hasNextPage: Boolean! endCursor: String }
    /// type User { id: ID! name: String! }
    /// ```
    ///
    /// ## How to fix
    /// Return a connection (`first`/`after`, `edges`, `pageInfo`), or at least
    /// take a `limit` with a documented maximum.
    ///
    /// Severity: `warning` on a root query field whose items grow with use
    /// (users, orders, products: judged by the type's name); `info` on a
    /// root field of other items, and on a nested field whose items grow even
    /// under one owner (`Group.users`, `Post.comments`). Nested lists of what
    /// an owner has a handful of (addresses, invoices, lines) are left alone.
    pub struct ListWithoutPagination {
        id: "GQL001",
        name: "graphql-list-without-pagination",
        side: Graphql,
        area: Pagination,
        severity: Warning,
        summary: "A GraphQL field returns a list of entities with no page size.",
        fix: "Return a connection with `first`/`after`, or take a bounded `limit`.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let query = schema.query().map(|query| query.name());
    for (ty, field) in read_fields(graphql) {
        if !is_unbounded_list(schema, field) || declared_by_interface(schema, ty, field) {
            continue;
        }
        let root = Some(ty.name()) == query;
        let severity = match (root, growth(&field.ty.name)) {
            (true, Growth::Grows | Growth::Overall) => Severity::Warning,
            (true, Growth::Unknown) | (false, Growth::Grows) => Severity::Info,
            _ => continue,
        };
        let whose = if root {
            "there is".to_owned()
        } else {
            format!("of its `{}`", ty.name())
        };
        out.report(
            ty.field_place(field),
            format!(
                "`{}.{}` returns `{}`, every `{}` {whose}, with no argument that bounds it",
                ty.name(),
                field.name(),
                field.ty.text,
                field.ty.name
            ),
        )
        .severity(severity);
    }
}

use crate::base::Emitter;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports query fields named with a `get` prefix (`getUser`,
    /// `getOrders`).
    ///
    /// ## Why is this bad?
    /// A GraphQL query field is a field of the graph, not a remote procedure:
    /// `user(id:)` reads like the data it returns, as every other field of
    /// the schema does, and `get` adds nothing a query does not already say.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { getUser(id: ID!): User }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Name the field after what it returns.
    ///
    /// Severity: `info` — a convention.
    pub struct GetPrefixOnQuery {
        id: "GQL013",
        name: "graphql-get-prefix-on-query",
        side: Graphql,
        area: Conventions,
        severity: Info,
        summary: "A GraphQL query field is named with a `get` prefix.",
        fix: "Name the query field after what it returns (`user`, not `getUser`).",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(query) = graphql.schema.query() else {
        return;
    };
    for field in &query.fields {
        let Some(rest) = field.name().strip_prefix("get") else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let suggested: String = rest
            .chars()
            .take(1)
            .flat_map(char::to_lowercase)
            .chain(rest.chars().skip(1))
            .collect();
        out.report(
            query.field_place(field),
            format!(
                "`{}.{}` starts with `get`; name it after what it returns (`{suggested}`)",
                query.name(),
                field.name()
            ),
        );
    }
}

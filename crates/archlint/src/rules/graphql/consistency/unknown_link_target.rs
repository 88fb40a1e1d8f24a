use crate::base::Emitter;
use crate::link::Via;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an explicit link from the GraphQL schema that leads nowhere:
    /// `@archlint(table: "…")` on a type, `@archlint(column: "…")` on a
    /// field, or a `[consistency]` setting, naming a table or column the SQL
    /// does not define.
    ///
    /// ## Why is this bad?
    /// The link was written because the names differ; when it is wrong (a
    /// typo, a renamed table) every consistency check of that type silently
    /// stops.
    ///
    /// ## Example
    /// ```graphql
    /// directive @archlint(table: String, column: String) on OBJECT | FIELD_DEFINITION
    /// type Query { account(id: ID!): Account }
    /// type Account @archlint(table: "user") { id: ID! email: String! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// directive @archlint(table: String, column: String) on OBJECT | FIELD_DEFINITION
    /// type Query { account(id: ID!): Account }
    /// type Account @archlint(table: "users") { id: ID! email: String! }
    /// ```
    ///
    /// ## How to fix
    /// Name an existing table or column (`archlint schema` lists them), or
    /// remove the link.
    ///
    /// Severity: `error`.
    pub struct GraphqlUnknownLinkTarget {
        id: "GQL027",
        name: "graphql-unknown-link-target",
        side: Graphql,
        area: Consistency,
        severity: Error,
        summary: "An explicit GraphQL ↔ schema link names a table or column the SQL does not define.",
        fix: "Name an existing table or column (`archlint schema` lists them), or remove the link.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(database) = &graphql.database else {
        return;
    };
    for unknown in &database.links.unknown_targets {
        let how = match unknown.via {
            Via::Config => "`[consistency]` links",
            _ => "`@archlint` links",
        };
        let (place, message) = match unknown.field {
            Some(field) => (
                unknown.ty.field_place(field),
                format!(
                    "{how} `{}.{}` to column `{}`, which table `{}` does not have",
                    unknown.ty.name(),
                    field.name(),
                    unknown.target,
                    unknown.table.map_or("?", |table| table.name.as_str())
                ),
            ),
            None => (
                unknown.ty.place(),
                format!(
                    "{how} `{}` to table `{}`, which the SQL does not define",
                    unknown.ty.name(),
                    unknown.target
                ),
            ),
        };
        out.report(place, message);
    }
}

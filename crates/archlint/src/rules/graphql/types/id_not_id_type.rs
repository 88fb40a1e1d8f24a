use crate::base::Emitter;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `id` field of an object or interface type whose type is
    /// `Int` or `String` rather than `ID`. Other identifiers (`databaseId:
    /// Int`, `userId: String`) are left alone: they say what they are.
    ///
    /// ## Why is this bad?
    /// `ID` tells clients the value is opaque and unique: normalized caches
    /// (Apollo, Relay, urql) key objects by it, and clients do not do
    /// arithmetic on it or rely on its order. An `Int` id invites both, and
    /// changing it to `ID` later breaks every typed client.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: Int! total: Int! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! total: Int! }
    /// ```
    ///
    /// ## How to fix
    /// Type the field `ID!` (it serialises as a string); keep a numeric
    /// `databaseId: Int` beside it if clients need the number.
    ///
    /// Severity: `info` — advice; it works, but clients lose what `ID` says.
    pub struct IdNotIdType {
        id: "GQL016",
        name: "graphql-id-not-id-type",
        side: Graphql,
        area: Types,
        severity: Info,
        summary: "A GraphQL `id` field is an `Int` or `String` instead of `ID`.",
        fix: "Type identifiers as `ID`.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let queried = graphql.queried_types();
    // Mutation payloads and events carry other systems' ids in `id`.
    for ty in graphql
        .schema
        .output_types()
        .filter(|ty| queried.contains(ty.name()))
    {
        let Some(field) = ty.field("id") else {
            continue;
        };
        if field.ty.is_list() || !matches!(field.ty.name.as_str(), "Int" | "String") {
            continue;
        }
        out.report(
            ty.field_place(field),
            format!(
                "`{}.id` is `{}`: type identifiers as `ID`, which clients and caches treat as opaque",
                ty.name(),
                field.ty.text
            ),
        );
    }
}

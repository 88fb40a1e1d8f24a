crate::declare_rule! {
    /// ## What it does
    /// Reports text in a GraphQL schema file that is not valid SDL: a missing
    /// brace or colon, a stray token, a string never closed, nesting deeper
    /// than the reader follows, or bytes that are not UTF-8.
    ///
    /// ## Why is this bad?
    /// Servers and code generators refuse the schema. archlint reads the rest
    /// of the file where it can, but the definition around the error may be
    /// reviewed incompletely.
    ///
    /// ## Example
    /// ```graphql
    /// type Query {
    ///   user(id: ID!): User
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query {
    ///   user(id: ID!): User
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Fix the syntax at the reported position.
    ///
    /// Severity: `error` — no server accepts the schema as written.
    pub struct GraphqlSyntaxError {
        id: "STR012",
        name: "graphql-syntax-error",
        side: Graphql,
        area: Structure,
        severity: Error,
        summary: "A GraphQL schema file is not valid SDL.",
        fix: "Fix the syntax at this position.",
    }
}

crate::declare_rule! {
    /// ## What it does
    /// Reports a field, argument, input field, union member or interface that
    /// names a type the schema does not define (built-in scalars and Apollo
    /// Federation's own types aside).
    ///
    /// ## Why is this bad?
    /// The schema is invalid as given: a file is missing from the review, or
    /// the name is misspelled. Rules that follow the type cannot see it.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { user(id: ID!): Usr }
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
    /// Define the type (a custom scalar needs `scalar Name`), fix the name,
    /// or review every file of the schema together.
    ///
    /// Severity: `warning` — certain for the files given, but the missing
    /// definition may live in a file or service not reviewed.
    pub struct GraphqlUnknownType {
        id: "STR014",
        name: "graphql-unknown-type",
        side: Graphql,
        area: Structure,
        severity: Warning,
        summary: "A GraphQL schema names a type it does not define.",
        fix: "Define the type, fix its name, or review all the schema's files together.",
    }
}

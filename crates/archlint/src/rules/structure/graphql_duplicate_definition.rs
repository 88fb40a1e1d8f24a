crate::declare_rule! {
    /// ## What it does
    /// Reports a GraphQL type defined a second time, in the same file or in
    /// another file of the same schema, instead of extended; and a field,
    /// argument, input field or enum value defined twice in one type (also
    /// through `extend`).
    ///
    /// ## Why is this bad?
    /// The schema is invalid: servers and tools refuse it (graphql-js: "can
    /// only be defined once"), and a schema stitched from files silently
    /// depends on which definition is read last.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! }
    /// type User { name: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! }
    /// extend type User { name: String }
    /// ```
    ///
    /// ## How to fix
    /// Keep one definition, and add fields elsewhere with `extend type`;
    /// remove the repeated field.
    ///
    /// Severity: `error` — the schema is invalid.
    pub struct GraphqlDuplicateDefinition {
        id: "STR013",
        name: "graphql-duplicate-definition",
        side: Graphql,
        area: Structure,
        severity: Error,
        summary: "A GraphQL type, field, argument or enum value is defined twice.",
        fix: "Keep one definition (use `extend` to add to a type).",
    }
}

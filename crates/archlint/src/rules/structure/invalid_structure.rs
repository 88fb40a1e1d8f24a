crate::declare_rule! {
    /// ## What it does
    /// Reports places where the description breaks the OpenAPI specification's
    /// structure: a missing `info.title`, a path that does not start with `/`, a
    /// parameter without `in`, a path parameter that is not `required`, a
    /// response key that is not a status code, a security scheme of unknown type,
    /// a value of the wrong JSON type.
    ///
    /// ## Why is this bad?
    /// Generators, gateways and validators reject or misread such documents; what
    /// archlint cannot model it skips, so other rules may miss problems there.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     get:
    ///       parameters:
    ///         - name: id
    ///           in: path
    ///       responses:
    ///         ok: {description: found}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     get:
    ///       parameters:
    ///         - name: id
    ///           in: path
    ///           required: true
    ///           schema: {type: string}
    ///       responses:
    ///         '200': {description: found}
    /// ```
    ///
    /// ## How to fix
    /// Make the reported node match the OpenAPI specification.
    ///
    /// Severity: `error` — the document breaks the OpenAPI specification; tools
    /// reject it or read it differently.
    pub struct InvalidStructure {
        id: "STR003",
        name: "invalid-structure",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "The description does not follow the OpenAPI structure here.",
        fix: "Make this node match the OpenAPI specification (see the message for the expected shape).",
    }
}

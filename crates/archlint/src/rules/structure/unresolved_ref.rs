crate::declare_rule! {
    /// ## What it does
    /// Reports a `$ref` whose target does not exist: a missing file, a JSON
    /// pointer that names no node, or a file that cannot be parsed.
    ///
    /// ## Why is this bad?
    /// Every consumer of the description fails at this reference, and archlint
    /// cannot review what it should have pointed at.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/Usr'}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/User'}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    /// ```
    ///
    /// ## How to fix
    /// Correct the file name or pointer (pointers are case-sensitive; `/` inside a
    /// key is written `~1`).
    ///
    /// Severity: `error` — every tool fails on, or silently drops, what it references.
    pub struct UnresolvedRef {
        id: "STR004",
        name: "unresolved-ref",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "A `$ref` points at nothing.",
        fix: "Correct the file name or JSON pointer of this `$ref`.",
    }
}

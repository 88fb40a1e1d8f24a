crate::declare_rule! {
    /// ## What it does
    /// Reports `$ref`s that only point at each other and never reach a value
    /// (`A: {$ref: B}`, `B: {$ref: A}`). Recursive schemas — a schema whose
    /// property refers back to it — are fine and not reported.
    ///
    /// ## Why is this bad?
    /// Such a reference has no meaning; resolvers loop or give up on it.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   schemas:
    ///     A: {$ref: '#/components/schemas/B'}
    ///     B: {$ref: '#/components/schemas/A'}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// components:
    ///   schemas:
    ///     A: {type: object}
    ///     B: {$ref: '#/components/schemas/A'}
    /// ```
    ///
    /// ## How to fix
    /// Give one member of the cycle a real definition.
    ///
    /// Severity: `error` — the schema has no definition at all; tools loop or fail.
    pub struct RefCycle {
        id: "STR006",
        name: "ref-cycle",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "A chain of `$ref`s loops without reaching a definition.",
        fix: "Replace one `$ref` of the cycle by an actual definition.",
    }
}

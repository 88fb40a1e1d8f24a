crate::declare_rule! {
    /// ## What it does
    /// Reports a key that appears twice in the same JSON object or YAML mapping.
    ///
    /// ## Why is this bad?
    /// JSON leaves the outcome undefined and YAML forbids it: some readers keep
    /// the first value, most keep the last, some fail. The description means
    /// different things to different tools. archlint uses the last value.
    ///
    /// ## Example
    /// ```yaml
    /// responses:
    ///   '200': {description: the user}
    ///   '200': {description: the user, with links}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// responses:
    ///   '200': {description: the user, with links}
    /// ```
    ///
    /// ## How to fix
    /// Remove or merge one of the two entries.
    ///
    /// Severity: `warning` — parsers keep one of the two values silently, so the
    /// document may not say what its author sees.
    pub struct DuplicateKey {
        id: "STR007",
        name: "duplicate-key",
        side: Api,
        area: Structure,
        severity: Warning,
        summary: "A key is repeated in the same object.",
        fix: "Remove or merge the repeated key; tools disagree on which value wins.",
    }
}

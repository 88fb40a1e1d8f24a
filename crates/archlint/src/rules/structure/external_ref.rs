crate::declare_rule! {
    /// ## What it does
    /// Reports a `$ref` that archlint does not follow: one that names a URL, or a
    /// file outside the folder of the root document.
    ///
    /// ## Why is this bad?
    /// A review must not reach the network or read files outside the project, so
    /// what such a reference names is not reviewed. For the API's users, a
    /// description that depends on remote files breaks when those files move or
    /// change, and cannot be reviewed or built offline.
    ///
    /// ## Example
    /// ```yaml
    /// schema:
    ///   $ref: 'https://schemas.example.com/user.yaml'
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// schema:
    ///   $ref: './schemas/user.yaml'
    /// ```
    ///
    /// ## How to fix
    /// Vendor the referenced file into the project folder and reference it by a
    /// relative path.
    ///
    /// Severity: `warning` — the description is reviewed without the referenced
    /// part, and its meaning depends on a file outside the project.
    pub struct ExternalRef {
        id: "STR005",
        name: "external-ref",
        side: Api,
        area: Structure,
        severity: Warning,
        summary: "A `$ref` names a URL or a file outside the project folder; it is not followed.",
        fix: "Copy the referenced document into the project and use a relative `$ref`.",
    }
}

crate::declare_rule! {
    /// ## What it does
    /// Reports a file given for review that is not a Swagger 2.0 or OpenAPI
    /// 3.0, 3.1 or 3.2 description: Swagger 1.x, an unknown `openapi` version,
    /// or a document with neither an `openapi` nor a `swagger` field. A file
    /// named on the command line is an `error`; a file met in a reviewed
    /// folder that is not a description (another YAML file, a template, a
    /// file that does not parse) is `info`, once for the file, unless a
    /// description of the run references it.
    ///
    /// ## Why is this bad?
    /// archlint's rules are written against these versions; reviewing another
    /// format would give wrong answers, so the file is reported instead of
    /// silently passing with no findings.
    ///
    /// ## Example
    /// ```yaml
    /// openapi: 4.0.0
    /// info: {title: Shop, version: 1.0.0}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// openapi: 3.1.0
    /// info: {title: Shop, version: 1.0.0}
    /// ```
    ///
    /// ## How to fix
    /// Declare a supported version (Swagger 1.x documents convert to 2.0 or 3.0
    /// with `api-spec-converter`), or leave non-API files out of the review.
    ///
    /// Severity: `error` — nothing in the file is reviewed.
    pub struct UnsupportedDocument {
        id: "STR002",
        name: "unsupported-document",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "The document is not a Swagger 2.0 or OpenAPI 3.0–3.2 description.",
        fix: "Declare a supported version, or leave non-API files out of the review.",
    }
}

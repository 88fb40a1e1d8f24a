crate::declare_rule! {
    /// ## What it does
    /// Reports a file given for review that is not an OpenAPI 3.0 or 3.1
    /// description: a Swagger 2.0 document (recognized, reported as a warning),
    /// an unknown `openapi` version, or a document without an `openapi` field.
    ///
    /// ## Why is this bad?
    /// archlint's rules are written against OpenAPI 3; reviewing another format
    /// would give wrong answers, so the file is reported instead of silently
    /// passing with no findings.
    ///
    /// ## Example
    /// ```yaml
    /// swagger: "2.0"
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
    /// Convert Swagger 2.0 documents to OpenAPI 3 (for example with
    /// `swagger2openapi`), or leave non-API files out of the review.
    ///
    /// Severity: `error` — nothing in the file is reviewed; a Swagger 2.0
    /// document is a `warning`, since it is recognized and only needs converting.
    pub struct UnsupportedDocument {
        id: "STR002",
        name: "unsupported-document",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "The document is not an OpenAPI 3.0/3.1 description.",
        fix: "Review OpenAPI 3.0 or 3.1 documents; convert Swagger 2.0 with a tool such as swagger2openapi.",
    }
}

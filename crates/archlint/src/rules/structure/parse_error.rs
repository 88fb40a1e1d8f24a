crate::declare_rule! {
    /// ## What it does
    /// Reports a file that cannot be read as JSON or YAML: a syntax error, text
    /// that is not UTF-8, nesting deeper than 512 levels, or YAML aliases that
    /// expand without bound (an "alias bomb").
    ///
    /// ## Why is this bad?
    /// Nothing in the file can be reviewed, and every tool that consumes it —
    /// code generators, gateways, documentation — fails on it too.
    ///
    /// ## Example
    /// ```yaml
    /// openapi: 3.1.0
    /// info: {title: Shop, version: 1.0.0
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// openapi: 3.1.0
    /// info: {title: Shop, version: 1.0.0}
    /// ```
    ///
    /// ## How to fix
    /// Fix the syntax at the reported position. Save files as UTF-8. Replace deep
    /// alias chains by `$ref`s to components.
    ///
    /// Severity: `error` — nothing after the error can be read or reviewed. One
    /// case is a `warning`: a quoted string continued on a line no more indented
    /// than its key, which YAML 1.2 forbids but libyaml and go-yaml read (Docker
    /// Engine's description relies on it); archlint reads it the same way,
    /// reviews the file, and asks for the lines to be indented.
    pub struct ParseError {
        id: "STR001",
        name: "parse-error",
        side: Api,
        area: Structure,
        severity: Error,
        summary: "The file cannot be parsed as JSON or YAML.",
        fix: "Fix the syntax at this position; the rest of the file is not reviewed until it parses.",
    }
}

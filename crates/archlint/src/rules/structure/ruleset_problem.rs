crate::declare_rule! {
    /// ## What it does
    /// Reports what archlint cannot run or read in a Spectral ruleset
    /// (`--ruleset`, `[rulesets] files`, or a `.spectral.yaml` found in the
    /// working folder): a rule whose function is custom JavaScript, a
    /// `given` that is not a JSONPath archlint reads, a bad regular
    /// expression or JSON Schema, an `extends` of an npm package or a URL,
    /// and a file that is not a ruleset. Each is reported once, at its place
    /// in the ruleset; the rest of the ruleset runs. Also reported, at the
    /// rule: a `schema` rule some of whose targets were checked with `$ref`s
    /// left unexpanded, because the references fan out (a schema with two
    /// properties that are itself) past what a review copies for a schema
    /// that may read any depth (one with a `$ref`, or an `enum`, `const` or
    /// `uniqueItems` that compares whole values).
    ///
    /// ## Why is this bad?
    /// A rule that silently does not run looks like a rule that passes: the
    /// team believes its style guide is enforced when part of it is not.
    ///
    /// ## Example
    /// A rule with a custom function:
    /// ```yaml .spectral.yaml
    /// functions: [ownerIsATeam]
    /// rules:
    ///   info-owner:
    ///     given: $.info
    ///     then:
    ///       function: ownerIsATeam
    /// ```
    ///
    /// ```yaml
    /// openapi: 3.1.0
    /// info: {title: Shop, version: 1.0.0, x-owner: payments}
    /// paths: {}
    /// ```
    ///
    /// Use instead: the same check with a core function.
    /// ```yaml .spectral.yaml
    /// rules:
    ///   info-owner:
    ///     given: $.info
    ///     then:
    ///       field: x-owner
    ///       function: truthy
    /// ```
    ///
    /// ## How to fix
    /// Express the rule with Spectral's core functions (`truthy`, `pattern`,
    /// `casing`, `schema`, …), vendor an extended ruleset into the project
    /// and extend it by path, or turn the rule off in the ruleset.
    ///
    /// Severity: `warning` — part of the ruleset is not enforced.
    pub struct RulesetProblem {
        id: "STR015",
        name: "ruleset-problem",
        side: Api,
        area: Structure,
        severity: Warning,
        summary: "Part of a Spectral ruleset cannot be read or run natively; it is skipped.",
        fix: "Use Spectral's core functions, extend local files, or turn the rule off.",
    }
}

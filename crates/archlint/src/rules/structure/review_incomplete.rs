crate::declare_rule! {
    /// ## What it does
    /// Reports a description (or SQL history) whose rules ran past the time
    /// budget of `[limits] time_budget_ms` (default: 60 seconds): the rules
    /// not started by then were skipped, and this finding says how many. A
    /// rule already running finishes. Without a clock (WebAssembly) there is
    /// no budget.
    ///
    /// ## Why is this bad?
    /// A review that stops silently looks like a clean one. No real
    /// description comes near the default (the largest of the APIs.guru
    /// directory, 45 MB, takes 3 s): hitting it means a pathological input,
    /// or a budget set too low.
    ///
    /// ## Example
    /// A budget of no time at all skips every rule:
    /// ```toml
    /// [limits]
    /// time_budget_ms = 0
    /// ```
    ///
    /// ```yaml
    /// openapi: 3.1.0
    /// info: {title: Shop, version: 1.0.0}
    /// paths: {}
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// [limits]
    /// time_budget_ms = 60000
    /// ```
    ///
    /// ## How to fix
    /// Raise `[limits] time_budget_ms`, or split the input.
    ///
    /// Severity: `warning` — the file was only partly reviewed.
    pub struct ReviewIncomplete {
        id: "STR011",
        name: "review-incomplete",
        side: Api,
        area: Structure,
        severity: Warning,
        summary: "The rules ran past the time budget; those not started were skipped.",
        fix: "Raise [limits] time_budget_ms, or split the input.",
    }
}

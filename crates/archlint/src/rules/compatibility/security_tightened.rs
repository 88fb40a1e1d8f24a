use crate::base::Emitter;
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a public operation that now requires credentials, and an
    /// operation whose every security requirement now asks for a scope that no
    /// requirement of the old version asked for.
    ///
    /// ## Why is this bad?
    /// Anonymous clients get 401, and tokens granted before the change lack the
    /// new scope and get 403, until every user signs in again.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:read]}]
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials:
    ///           tokenUrl: https://auth.example.com/token
    ///           scopes: {orders:read: Read orders., orders:list: List orders.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:list]}]
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials:
    ///           tokenUrl: https://auth.example.com/token
    ///           scopes: {orders:read: Read orders., orders:list: List orders.}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:read]}]
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials:
    ///           tokenUrl: https://auth.example.com/token
    ///           scopes: {orders:read: Read orders., orders:list: List orders.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{oauth: [orders:list]}, {oauth: [orders:read]}]
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials:
    ///           tokenUrl: https://auth.example.com/token
    ///           scopes: {orders:read: Read orders., orders:list: List orders.}
    /// ```
    ///
    /// ## How to fix
    /// Keep the old requirement as an alternative while clients move to the new
    /// one; remove it in a new major version.
    ///
    /// Severity: `error` — existing clients are refused.
    pub struct SecurityTightened {
        id: "COMPAT010",
        name: "security-tightened",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "An operation now requires credentials or scopes it did not.",
        fix: "Keep the operation callable as before, or require more only in a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let operation = change.operations_label();
        let message = match &change.kind {
            ChangeKind::SecurityAdded => {
                format!("{operation} now requires credentials: anonymous clients are refused")
            }
            ChangeKind::ScopeAdded { scopes } => {
                let listed = scopes
                    .iter()
                    .map(|scope| format!("`{scope}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{operation} now requires {listed}: tokens granted before lack it")
            }
            _ => continue,
        };
        report_change(out, change, message);
    }
}

use crate::base::Emitter;
use crate::openapi::paths::literal_segments;
use crate::openapi::Operation;
use crate::rules::api::auth::scopes;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// In an API that uses scopes, reports operations on administrative paths
    /// (a segment such as `admin`, `internal`, `manage`, `management`) that
    /// require no scope, or only scopes that ordinary operations also require.
    ///
    /// ## Why is this bad?
    /// Broken function-level authorization (OWASP API5): any client with an
    /// ordinary token can call the administrative function.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     patch:
    ///       security: [{oauth: [users:write]}]
    ///   /admin/users/{id}:
    ///     delete:
    ///       security: [{oauth: [users:write]}]   # any client that edits users can delete them
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     patch:
    ///       security: [{oauth: [users:write]}]
    ///   /admin/users/{id}:
    ///     delete:
    ///       security: [{oauth: [admin]}]   # a scope only administrators get
    /// ```
    ///
    /// ## How to fix
    /// Require a dedicated administrative scope.
    ///
    /// Severity: `warning`.
    pub struct AdminWithoutDistinctScope {
        id: "AUTH007",
        name: "admin-without-distinct-scope",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "An administrative operation requires no scope of its own.",
        fix: "Require a dedicated administrative scope on administrative operations.",
        check_api: check,
    }
}

const ADMIN_SEGMENTS: [&str; 5] = ["admin", "admins", "internal", "manage", "management"];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let operations = &context.api.operations;
    let uses_scopes = operations
        .iter()
        .any(|operation| !scopes(context, operation).is_empty());
    if !uses_scopes {
        return;
    }
    let ordinary: Vec<&str> = operations
        .iter()
        .filter(|operation| !is_admin(operation))
        .flat_map(|operation| scopes(context, operation))
        .collect();
    for operation in operations.iter().filter(|operation| is_admin(operation)) {
        let own = scopes(context, operation);
        let problem = if own.is_empty() {
            "requires no scope"
        } else if own.iter().all(|scope| ordinary.contains(scope)) {
            "requires only scopes that ordinary operations also require"
        } else {
            continue;
        };
        let message = format!("administrative operation `{}` {problem}", operation.label());
        let place = operation
            .security_at
            .as_ref()
            .unwrap_or(&operation.at)
            .place();
        out.report(place, message);
    }
}

fn is_admin(operation: &Operation<'_>) -> bool {
    literal_segments(operation.path)
        .any(|segment| ADMIN_SEGMENTS.contains(&segment.to_ascii_lowercase().as_str()))
}

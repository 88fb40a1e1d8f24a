use crate::base::Emitter;
use crate::base::Severity;
use crate::openapi::Operation;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that anyone can call: no security requirement applies
    /// to it (neither its own `security` nor the document's), or one of the
    /// requirements of a write operation is empty (`{}`, "anonymous allowed"; on
    /// reads this is a legitimate optional-authentication design).
    ///
    /// A read operation that opts out explicitly with `security: []` is taken as
    /// a deliberate public endpoint (a health check, a public catalogue) and not
    /// reported; a write operation that does so is. When the description defines
    /// no security at all, one finding is reported at the document instead of one
    /// per operation.
    ///
    /// ## Why is this bad?
    /// Broken authentication is the second item of the OWASP API Security Top 10.
    /// An unsecured write operation lets anyone change data; an unsecured read may
    /// expose it. An omission in the description usually means an omission in
    /// the gateway configuration generated from it.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: created}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// security:
    ///   - bearer: []
    /// paths:
    ///   /orders:
    ///     post:
    ///       security:
    ///         - bearer: []
    ///       responses:
    ///         '201': {description: created}
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer}
    /// ```
    ///
    /// ## How to fix
    /// Declare a security scheme and require it at document level; mark truly
    /// public read operations with `security: []`.
    ///
    /// Severity: `warning` for reads, `error` for writes (POST, PUT, PATCH,
    /// DELETE).
    pub struct OperationWithoutSecurity {
        id: "AUTH002",
        name: "operation-without-security",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "An operation can be called without any authentication.",
        fix: "Require a security scheme (at document or operation level); mark deliberate public reads with `security: []`.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    let secured_anywhere = api.security.as_ref().is_some_and(|list| !list.is_empty())
        || api.operations.iter().any(|operation| {
            operation
                .security
                .as_ref()
                .is_some_and(|list| !list.is_empty())
        })
        || !api.security_schemes.is_empty();
    if !secured_anywhere {
        if !api.operations.is_empty() {
            let writes = api
                .operations
                .iter()
                .filter(|operation| operation.method.is_write())
                .count();
            let message = format!(
                "the API defines no security at all: its {} operations ({writes} of them writes) are open to anyone",
                api.operations.len()
            );
            let place = api.root.place_of("openapi");
            out.report(place, message).severity(severity(writes > 0));
        }
        return;
    }
    for operation in &api.operations {
        if let Some(message) = problem(context, operation) {
            let place = operation
                .security_at
                .as_ref()
                .unwrap_or(&operation.at)
                .place();
            out.report(place, message)
                .severity(severity(operation.method.is_write()));
        }
    }
}

fn severity(write: bool) -> Severity {
    if write {
        Severity::Error
    } else {
        Severity::Warning
    }
}

fn problem(context: &ApiContext<'_>, operation: &Operation<'_>) -> Option<String> {
    let label = operation.label();
    let write = operation.method.is_write();
    match operation.effective_security(&context.api) {
        None => Some(format!("`{label}` has no security requirement: anyone can call it")),
        Some([]) if operation.security.is_some() => {
            write.then(|| format!("write operation `{label}` opts out of security with `security: []`"))
        }
        Some([]) => Some(format!("`{label}` has no security requirement: the document's `security` is empty")),
        Some(requirements) => (write && requirements.iter().any(|requirement| requirement.schemes.is_empty()))
            .then(|| format!("write operation `{label}` accepts anonymous calls: one of its security requirements is empty (`{{}}`)")),
    }
}

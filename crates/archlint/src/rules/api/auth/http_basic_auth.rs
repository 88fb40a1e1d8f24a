use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a security scheme using HTTP Basic authentication
    /// (`type: http, scheme: basic`).
    ///
    /// ## Why is this bad?
    /// Basic sends the user's long-lived password, merely base64-encoded, with
    /// every request: any log, proxy or client bug that leaks one request leaks
    /// the password. It cannot be scoped, expired or revoked without changing
    /// the password.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     basic: {type: http, scheme: basic}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer, bearerFormat: JWT}
    /// ```
    ///
    /// ## How to fix
    /// Use short-lived bearer tokens (OAuth 2 or an API token exchange).
    ///
    /// Severity: `warning`.
    pub struct HttpBasicAuth {
        id: "AUTH003",
        name: "http-basic-auth",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "A security scheme uses HTTP Basic authentication.",
        fix: "Use short-lived bearer tokens (OAuth 2) instead of passwords on every request.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for scheme in &context.api.security_schemes {
        let basic = scheme.kind == Some("http")
            && scheme
                .at
                .str("scheme")
                .is_some_and(|name| name.eq_ignore_ascii_case("basic"));
        if basic {
            let message = format!(
                "security scheme `{}` uses HTTP Basic: the password travels with every request",
                scheme.name
            );
            out.report(scheme.at.place_at("scheme").place(), message);
        }
    }
}

use super::public::is_public_by_design;
use crate::base::words::name_words;
use crate::base::Emitter;
use crate::openapi::{Operation, SecurityScheme};
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
        if basic && !is_client_authentication(context, scheme) {
            let message = format!(
                "security scheme `{}` uses HTTP Basic: the password travels with every request",
                scheme.name
            );
            out.report(scheme.at.place_at("scheme").place(), message);
        }
    }
}

/// OAuth 2.0 clients authenticate to the token endpoint with HTTP Basic
/// (`client_secret_basic`, RFC 6749 §2.3.1): a client's credentials, not a
/// user's password. Told by the scheme's name or description, or by every
/// operation using it being an OAuth endpoint.
fn is_client_authentication(context: &ApiContext<'_>, scheme: &SecurityScheme<'_>) -> bool {
    let described = [Some(scheme.name), scheme.at.str("description")]
        .into_iter()
        .flatten()
        .flat_map(name_words)
        .any(|word| matches!(word.as_str(), "client" | "oauth" | "oauth2"));
    let users: Vec<&Operation<'_>> = context
        .api
        .operations
        .iter()
        .filter(|operation| {
            operation
                .effective_security(&context.api)
                .unwrap_or_default()
                .iter()
                .any(|requirement| {
                    requirement
                        .schemes
                        .iter()
                        .any(|(name, _)| *name == scheme.name)
                })
        })
        .collect();
    let only_oauth =
        !users.is_empty() && users.iter().all(|operation| is_public_by_design(operation));
    described || only_oauth
}

use crate::base::Emitter;
use crate::openapi::SecurityRequirement;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a security scheme marked `deprecated: true` (OpenAPI 3.2) that
    /// operations still rely on: every security requirement that lets a client
    /// call them names the deprecated scheme. One finding per scheme, with how
    /// many operations are left without an alternative.
    ///
    /// ## Why is this bad?
    /// Deprecating a scheme tells clients to move off it, but an operation
    /// whose only way in is that scheme gives them nowhere to move: the scheme
    /// can never be removed without breaking those calls.
    ///
    /// ## Example
    /// ```yaml
    /// openapi: 3.2.0
    /// info: {title: Example, version: 1.0.0}
    /// security:
    ///   - apiKey: []
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     apiKey: {type: apiKey, in: header, name: X-Api-Key, deprecated: true}
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials: {tokenUrl: https://auth.example.com/token, scopes: {}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// openapi: 3.2.0
    /// info: {title: Example, version: 1.0.0}
    /// security:
    ///   - oauth: []
    ///   - apiKey: []
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// components:
    ///   securitySchemes:
    ///     apiKey: {type: apiKey, in: header, name: X-Api-Key, deprecated: true}
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         clientCredentials: {tokenUrl: https://auth.example.com/token, scopes: {}}
    /// ```
    ///
    /// ## How to fix
    /// Offer the replacement scheme as an alternative requirement on the
    /// operations that use the deprecated one.
    ///
    /// Severity: `warning` — clients are told to migrate but cannot.
    pub struct DeprecatedSecurityScheme {
        id: "AUTH009",
        name: "deprecated-security-scheme",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "Operations can only be called with a deprecated security scheme.",
        fix: "Offer the replacement scheme as an alternative requirement.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    for scheme in &api.security_schemes {
        if scheme.at.bool("deprecated") != Some(true) {
            continue;
        }
        let stuck: Vec<usize> = api
            .operations
            .iter()
            .enumerate()
            .filter(|(_, operation)| {
                operation
                    .effective_security(api)
                    .is_some_and(|requirements| only_through(requirements, scheme.name))
            })
            .map(|(index, _)| index)
            .collect();
        if stuck.is_empty() {
            continue;
        }
        let message = format!(
            "security scheme `{}` is deprecated, but {} can only be called with it",
            scheme.name,
            api.describe_operations(&stuck)
        );
        out.report(scheme.at.place_of("deprecated"), message);
    }
}

/// Every way in names the scheme (an empty requirement is a way in without it).
fn only_through(requirements: &[SecurityRequirement<'_>], scheme: &str) -> bool {
    !requirements.is_empty()
        && requirements
            .iter()
            .all(|requirement| requirement.schemes.iter().any(|(name, _)| *name == scheme))
}

use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports OAuth 2 security schemes that offer the `implicit` or `password`
    /// flow.
    ///
    /// ## Why is this bad?
    /// Both are removed in OAuth 2.1 and advised against by the OAuth security
    /// best current practice: the implicit flow returns tokens in the URL
    /// (history, referrers, injection), and the password flow hands the user's
    /// password to the client.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         implicit:
    ///           authorizationUrl: https://auth.example.com/authorize
    ///           scopes: {orders:read: read orders}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     oauth:
    ///       type: oauth2
    ///       flows:
    ///         authorizationCode:   # with PKCE
    ///           authorizationUrl: https://auth.example.com/authorize
    ///           tokenUrl: https://auth.example.com/token
    ///           scopes: {orders:read: read orders}
    /// ```
    ///
    /// ## How to fix
    /// Use the authorization code flow with PKCE (or client credentials for
    /// machine clients).
    ///
    /// Severity: `warning`.
    pub struct DeprecatedOauthFlow {
        id: "AUTH004",
        name: "deprecated-oauth-flow",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "An OAuth 2 scheme offers the implicit or password flow.",
        fix: "Use the authorization code flow with PKCE, or client credentials for machines.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for scheme in context
        .api
        .security_schemes
        .iter()
        .filter(|scheme| scheme.kind == Some("oauth2"))
    {
        let Some(flows) = scheme.at.get("flows") else {
            continue;
        };
        for flow in ["implicit", "password"] {
            if let Some(at) = flows.get(flow) {
                let message = format!(
                    "OAuth scheme `{}` offers the `{flow}` flow, removed in OAuth 2.1",
                    scheme.name
                );
                out.report(at.place(), message);
            }
        }
    }
}

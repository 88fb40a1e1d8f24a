use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `apiKey` security scheme whose key travels in the query string
    /// (`in: query`).
    ///
    /// ## Why is this bad?
    /// URLs are written to access logs, proxy and CDN logs, browser history and
    /// `Referer` headers. A key in the query string leaks to all of them and stays
    /// valid until someone notices. Headers are not logged by default.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     key:
    ///       type: apiKey
    ///       in: query
    ///       name: api_key
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// components:
    ///   securitySchemes:
    ///     key:
    ///       type: apiKey
    ///       in: header
    ///       name: X-API-Key
    /// ```
    ///
    /// ## How to fix
    /// Accept the key in a header (`in: header`), or better, use bearer tokens
    /// (`type: http, scheme: bearer`) or OAuth 2.
    ///
    /// Severity: `warning` — a credential leak waiting for the first log export.
    pub struct ApiKeyInQuery {
        id: "AUTH001",
        name: "api-key-in-query",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "An API key security scheme sends the key in the query string.",
        fix: "Send the key in a header (`in: header`) or use bearer tokens; URLs end up in logs.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for scheme in &context.api.security_schemes {
        if scheme.kind != Some("apiKey") || scheme.at.str("in") != Some("query") {
            continue;
        }
        let key = scheme.at.str("name").unwrap_or("?");
        let message = format!(
            "security scheme `{}` sends its API key `{key}` in the query string",
            scheme.name
        );
        out.report(scheme.at.place_at("in").place(), message);
    }
}

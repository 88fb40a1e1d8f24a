use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an API description that declares no `servers` at all (neither at
    /// the top, nor on a path or an operation).
    ///
    /// ## Why is this bad?
    /// Tools then assume the server is `/` relative to wherever the description
    /// was loaded from: generated clients, "try it" consoles and contract tests
    /// point at the wrong host, and nobody can tell whether the API is served
    /// over HTTPS.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get: {responses: {'200': {description: The orders.}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// servers:
    ///   - url: https://api.shop.example/v1
    /// paths:
    ///   /orders:
    ///     get: {responses: {'200': {description: The orders.}}}
    /// ```
    ///
    /// ## How to fix
    /// Declare the API's base URLs (production, and staging if public) with `https://`.
    ///
    /// Severity: `warning`.
    pub struct NoServers {
        id: "TLS002",
        name: "no-servers",
        side: Api,
        area: Transport,
        severity: Warning,
        summary: "The description declares no servers.",
        fix: "Declare the API's https:// base URLs under `servers`.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    if !api.servers.is_empty() || api.operations.is_empty() {
        return;
    }
    let place = api
        .root
        .get("servers")
        .unwrap_or_else(|| api.root.place_at("openapi"))
        .place();
    let declared = match api.version {
        crate::openapi::SpecVersion::V2_0 => "no `host`, `basePath` or `schemes` are declared",
        _ => "no servers are declared",
    };
    let message =
        format!("{declared}: clients cannot tell where (or whether over HTTPS) the API is served");
    out.report(place, message);
}

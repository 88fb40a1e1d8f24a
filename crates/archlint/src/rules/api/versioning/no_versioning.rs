use crate::base::Emitter;
use crate::config::VersioningPolicy;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an API that carries no version anywhere clients can see it: no
    /// `/v1` in its server URLs or paths, no version header or query parameter,
    /// no versioned media type. Silent when `archlint.toml` sets
    /// `[api] versioning = "none"` (a deliberate "evolve compatibly" policy).
    ///
    /// ## Why is this bad?
    /// The first breaking change then has nowhere to go: either every client
    /// breaks at once, or the new contract is squeezed in under new names.
    /// `info.version` versions the document, not the API clients call.
    ///
    /// ## Example
    /// ```yaml
    /// servers:
    ///   - url: https://api.example.com
    /// paths:
    ///   /users:
    ///     get:
    ///       responses:
    ///         '200': {description: the users}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// servers:
    ///   - url: https://api.example.com/v1
    /// paths:
    ///   /users:
    ///     get:
    ///       responses:
    ///         '200': {description: the users}
    /// ```
    ///
    /// ## How to fix
    /// Choose one strategy — a major version in the server URL or path, a
    /// version header, or a versioned media type — and apply it everywhere.
    ///
    /// Severity: `warning`.
    pub struct NoVersioning {
        id: "VER002",
        name: "no-versioning",
        side: Api,
        area: Versioning,
        severity: Warning,
        summary: "The API carries no version in its URLs, headers or media types.",
        fix: "Version the API: a major version in the server URL (`/v1`), a version header, or a versioned media type.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    if api.operations.is_empty()
        || context.config.versioning == VersioningPolicy::None
        || !super::evidence(context).is_empty()
    {
        return;
    }
    let place = api
        .root
        .get("servers")
        .unwrap_or_else(|| api.root.place_at("info"))
        .place();
    let servers = match api.version {
        crate::openapi::SpecVersion::V2_0 => "`basePath`",
        _ => "servers",
    };
    let message = format!("no operation carries an API version (no `/v1` in {servers} or paths, no version header or media type)");
    out.report(place, message);
}

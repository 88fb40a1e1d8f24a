use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path that ends with `/` (other than the root path `/`).
    ///
    /// ## Why is this bad?
    /// `/users/` and `/users` are different URLs: some clients, proxies and
    /// frameworks redirect between them (losing the body of a POST), others do
    /// not, and the API ends up with two spellings of one resource.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/:
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// ## How to fix
    /// Drop the trailing slash.
    ///
    /// Severity: `info` — a convention.
    pub struct TrailingSlash {
        id: "CONV003",
        name: "trailing-slash",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "A path ends with a slash.",
        fix: "Remove the trailing slash from the path.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let Some(paths) = context.api.root.get("paths") else {
        return;
    };
    for (path, at) in paths.entries() {
        if path.len() > 1 && path.ends_with('/') {
            let message = format!("path `{path}` ends with a slash");
            out.report(at.place(), message);
        }
    }
}

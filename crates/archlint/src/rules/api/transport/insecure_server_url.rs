use crate::base::Emitter;
use crate::openapi::Server;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a server URL that uses plain `http://` (or `ws://`), at document,
    /// path or operation level, unless it points at the local machine
    /// (`localhost`, `127.0.0.1`, `[::1]`, `*.localhost`). Server variables are
    /// substituted with their defaults first, so `{scheme}://api.example.com` with
    /// `default: http` is reported too.
    ///
    /// ## Why is this bad?
    /// Without TLS, credentials, tokens and personal data cross the network in
    /// clear text and can be read or altered by anyone on the path. Clients
    /// generated from the description will call the insecure URL.
    ///
    /// ## Example
    /// ```yaml
    /// servers:
    ///   - url: http://api.example.com/v1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// servers:
    ///   - url: https://api.example.com/v1
    /// ```
    ///
    /// ## How to fix
    /// Serve the API over HTTPS only, and list only `https://` URLs.
    ///
    /// Severity: `error` — a production API over plain HTTP exposes every
    /// request.
    pub struct InsecureServerUrl {
        id: "TLS001",
        name: "insecure-server-url",
        side: Api,
        area: Transport,
        severity: Error,
        summary: "A server URL uses plain http:// outside localhost.",
        fix: "Use an https:// URL; serve the API over TLS only.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for server in &context.api.servers {
        let url = expand_variables(server);
        let lower = url.to_ascii_lowercase();
        let Some(rest) = lower
            .strip_prefix("http://")
            .or_else(|| lower.strip_prefix("ws://"))
        else {
            continue;
        };
        if is_local(rest) {
            continue;
        }
        if context.api.version == crate::openapi::SpecVersion::V2_0 {
            let message = "`schemes` lists `http`: the API is reached over plain HTTP".to_owned();
            out.report(server.at.place(), message)
                .help("Drop `http` from `schemes`; serve the API over TLS only.");
            continue;
        }
        let message = format!("server `{}` is reached over plain HTTP", server.url);
        out.report(server.at.place(), message);
    }
}

/// The URL with each `{variable}` replaced by its default.
fn expand_variables(server: &Server<'_>) -> String {
    let mut url = server.url.to_owned();
    if let Some(variables) = server.server.get("variables") {
        for (name, variable) in variables.entries() {
            if let Some(default) = variable.str("default") {
                url = url.replace(&format!("{{{name}}}"), default);
            }
        }
    }
    url
}

fn is_local(rest: &str) -> bool {
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = host_port.rsplit('@').next().unwrap_or(host_port);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .map_or("", |h| h.trim_start_matches('['))
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || host == "0.0.0.0"
        || host.starts_with("127.")
        || host.starts_with('{')
}

#[cfg(test)]
mod tests {
    use super::is_local;

    #[test]
    fn local_hosts() {
        assert!(is_local("localhost:8080/v1"));
        assert!(is_local("127.0.0.1"));
        assert!(is_local("[::1]:3000/"));
        assert!(is_local("api.localhost"));
        assert!(!is_local("api.example.com"));
        assert!(!is_local("localhost.example.com"));
    }
}

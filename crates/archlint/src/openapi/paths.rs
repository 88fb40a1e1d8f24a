//! Reading path templates: `/users/{id}` names one item, `{id}` is a
//! template segment, `/v1/` carries a version.

/// `/users/{id}`: the path ends with a parameter, so it names one item.
pub fn is_item_path(path: &str) -> bool {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .is_some_and(is_template)
}

/// `{id}` is a path template segment.
pub fn is_template(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

/// The literal (non-template, non-empty) segments of a path.
pub fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|segment| !segment.is_empty() && !segment.contains('{'))
}

/// `v1` from `https://api.example.com/v1` or `/api/v2/users` (`v1beta`, `v2.1`
/// count too, by their major version).
pub fn path_version(url: &str) -> Option<String> {
    // After a scheme, the first segment is the host.
    let path = url.split_once("://").map_or(url, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, path)| path)
    });
    // `/otel/v1/traces` and `/scim/v2/Users` are the protocols' versions.
    let mut previous = "";
    path.split('/').find_map(|segment| {
        let after_protocol = is_protocol(previous);
        previous = segment;
        if after_protocol {
            return None;
        }
        let digits = segment
            .strip_prefix('v')
            .or_else(|| segment.strip_prefix('V'))?;
        let major: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let rest = digits.get(major.len()..).unwrap_or("");
        let suffix_ok = rest.is_empty()
            || rest.starts_with('.')
            || ["alpha", "beta"].iter().any(|tag| rest.starts_with(tag));
        (!major.is_empty() && suffix_ok).then(|| format!("v{major}"))
    })
}

/// Path segments under which a protocol defined elsewhere is mounted, with
/// its own names and versions: SCIM (RFC 7644 `/Users`, `/ResourceTypes`),
/// OpenTelemetry's OTLP (`/otel/v1/traces`), OAuth 2.0, OpenID Connect,
/// SAML and `/.well-known` (RFC 8615).
const PROTOCOLS: [&str; 9] = [
    "scim",
    "otel",
    "otlp",
    "oauth",
    "oauth2",
    "openid",
    "oidc",
    "saml",
    ".well-known",
];

fn is_protocol(segment: &str) -> bool {
    PROTOCOLS.contains(&segment.to_ascii_lowercase().as_str())
}

/// Whether the path lies under a mounted protocol, whose names the
/// protocol fixes.
pub fn under_protocol(path: &str) -> bool {
    path.split('/').any(is_protocol)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_paths() {
        assert!(is_item_path("/users/{id}"));
        assert!(is_item_path("/users/{id}/"));
        assert!(!is_item_path("/users"));
        assert!(!is_item_path("/users/{id}/orders"));
    }

    #[test]
    fn path_versions() {
        assert_eq!(
            path_version("https://api.example.com/v1").as_deref(),
            Some("v1")
        );
        assert_eq!(path_version("/api/v2.1/users").as_deref(), Some("v2"));
        assert_eq!(path_version("/v1beta/things").as_deref(), Some("v1"));
        assert_eq!(path_version("/videos/{id}"), None);
        assert_eq!(path_version("/api/public/otel/v1/traces"), None);
        assert_eq!(path_version("/scim/v2/Users"), None);
        assert!(under_protocol("/api/public/scim/ResourceTypes"));
        assert!(!under_protocol("/api/public/scores"));
        assert_eq!(path_version("https://v1.example.com/x"), None);
    }
}

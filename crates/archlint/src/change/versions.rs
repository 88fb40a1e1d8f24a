//! The major version a description declares: in `info.version` (semver) and
//! in its URLs (`/v2` in a server or at the start of the paths).

use crate::openapi::Api;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Versions {
    /// `2` of `info.version: 2.4.1` (or `v2.4`).
    pub info_major: Option<u64>,
    /// `2` of `https://api.example.com/v2` or of paths under `/v2/`.
    pub url_major: Option<u64>,
}

pub fn versions(api: &Api<'_>) -> Versions {
    let info_major = api
        .root
        .get("info")
        .and_then(|info| info.str("version"))
        .and_then(semver_major);
    let from_servers = api
        .servers
        .iter()
        .filter_map(|server| url_major(server.url))
        .max();
    let from_paths = api
        .operations
        .iter()
        .filter_map(|operation| url_major(operation.path))
        .max();
    Versions {
        info_major,
        url_major: from_servers.or(from_paths),
    }
}

/// `2.4.1`, `v2.4`, `2` → 2; `2024-01-01` and other text → none.
fn semver_major(version: &str) -> Option<u64> {
    let text = version.trim().trim_start_matches(['v', 'V']);
    let major = text.split('.').next()?;
    if text.contains('-') && !text.contains('.') {
        return None;
    }
    major.parse().ok()
}

/// The first `/vN` segment of a URL or path.
fn url_major(text: &str) -> Option<u64> {
    text.split('/')
        .filter_map(|segment| segment.strip_prefix(['v', 'V']))
        .find_map(|digits| digits.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majors() {
        assert_eq!(semver_major("2.4.1"), Some(2));
        assert_eq!(semver_major("v3"), Some(3));
        assert_eq!(semver_major("2024-01-01"), None);
        assert_eq!(url_major("https://api.example.com/v2/"), Some(2));
        assert_eq!(url_major("/v10/users"), Some(10));
        assert_eq!(url_major("/videos"), None);
    }
}

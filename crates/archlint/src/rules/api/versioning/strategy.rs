//! Where an API carries its version: path, header, query parameter or media type.

use crate::config::VersioningPolicy;
use crate::openapi::paths::path_version;
use crate::openapi::NodeAt;
use crate::rules::ApiContext;

/// Where a version shows up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strategy {
    /// `/v1/...` in a path or a server URL.
    Path,
    /// A version header parameter (`Api-Version`, `X-GitHub-Api-Version`).
    Header,
    /// A version query parameter (`?api-version=2024-01-01`).
    Query,
    /// A versioned media type (`application/vnd.acme.v2+json`, `; version=2`).
    MediaType,
}

impl Strategy {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Strategy::Path => "a version in the path",
            Strategy::Header => "a version header",
            Strategy::Query => "a version query parameter",
            Strategy::MediaType => "a versioned media type",
        }
    }

    pub(crate) fn matches(self, policy: VersioningPolicy) -> bool {
        matches!(
            (self, policy),
            (_, VersioningPolicy::Any)
                | (Strategy::Path, VersioningPolicy::Path)
                | (Strategy::Header, VersioningPolicy::Header)
                | (Strategy::MediaType, VersioningPolicy::MediaType)
        )
    }
}

/// One place the API carries a version.
pub(crate) struct Evidence<'a> {
    pub strategy: Strategy,
    /// `v1`, or the header / parameter / media-type name.
    pub label: String,
    pub at: NodeAt<'a>,
}

/// Every distinct way (and, for paths, every distinct major version) the API
/// carries a version, first occurrence first.
pub(crate) fn evidence<'a>(context: &ApiContext<'a>) -> Vec<Evidence<'a>> {
    let mut found: Vec<Evidence<'a>> = Vec::new();
    let mut add = |strategy: Strategy, label: String, at: &NodeAt<'a>| {
        if !found
            .iter()
            .any(|seen| seen.strategy == strategy && seen.label.eq_ignore_ascii_case(&label))
        {
            found.push(Evidence {
                strategy,
                label,
                at: at.clone(),
            });
        }
    };
    for server in &context.api.servers {
        if let Some(version) = path_version(server.url) {
            add(Strategy::Path, version, &server.at);
        }
    }
    for operation in &context.api.operations {
        if let Some(version) = path_version(operation.path) {
            add(Strategy::Path, version, &operation.at);
        }
        for parameter in &operation.parameters {
            let strategy = match parameter.location {
                "header" => Strategy::Header,
                "query" => Strategy::Query,
                _ => continue,
            };
            if is_version_name(parameter.name, strategy) {
                add(strategy, parameter.name.to_owned(), &parameter.at);
            }
        }
        let bodies = operation
            .request_body
            .iter()
            .flat_map(|body| body.content.iter())
            .chain(operation.responses.iter().flat_map(|r| r.content.iter()));
        for media in bodies {
            if is_versioned_media_type(media.name) {
                add(Strategy::MediaType, media.name.to_owned(), &media.at);
            }
        }
    }
    found
}

/// `Api-Version`, `X-API-Version`, `X-GitHub-Api-Version`, `api-version`,
/// `Accept-Version`; a bare `Version` only as a header (as a query parameter it
/// usually filters by some other version: `?version=2.1` of a firmware).
fn is_version_name(name: &str, strategy: Strategy) -> bool {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    lower.ends_with("api-version")
        || lower == "accept-version"
        || (lower == "version" && strategy == Strategy::Header)
}

/// `application/vnd.acme.v2+json` or `application/json; version=2`.
fn is_versioned_media_type(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("version=")
        || (lower.contains("vnd.")
            && lower
                .split(['.', '+', ';', '-'])
                .any(|part| path_version(part).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert!(is_versioned_media_type("application/vnd.acme.v2+json"));
        assert!(is_versioned_media_type("application/json; version=2"));
        assert!(!is_versioned_media_type("application/vnd.github+json"));
    }
}

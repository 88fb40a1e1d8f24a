use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info.version` that is not a semantic version
    /// (`MAJOR.MINOR.PATCH`, optionally with `-pre-release` and `+build`).
    /// Dated versions (`2024-06-01`) are accepted: they are a deliberate scheme.
    ///
    /// ## Why is this bad?
    /// `info.version` versions the description. With semver, a reader and a diff
    /// tool can tell a breaking change (major) from an addition (minor) or a fix
    /// (patch); `v1`, `latest` or `1.0` say nothing of the kind.
    ///
    /// ## Example
    /// ```yaml
    /// info: {title: Shop, version: v1}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// info: {title: Shop, version: 1.4.0}
    /// ```
    ///
    /// ## How to fix
    /// Write the document version as `MAJOR.MINOR.PATCH`.
    ///
    /// Severity: `info` — a matter of convention.
    pub struct InfoVersionNotSemver {
        id: "VER001",
        name: "info-version-not-semver",
        side: Api,
        area: Versioning,
        severity: Info,
        summary: "info.version is not a semantic version.",
        fix: "Write info.version as MAJOR.MINOR.PATCH (for example 1.4.0).",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let Some(version) = context
        .api
        .root
        .get("info")
        .and_then(|info| info.get("version"))
    else {
        return;
    };
    let Some(text) = version.node.as_str() else {
        let message = "`info.version` should be a string such as \"1.0.0\"".to_owned();
        out.report(version.place(), message);
        return;
    };
    if !is_semver(text) && !is_date(text) {
        let message = format!("`info.version` is `{text}`, not a semantic version");
        out.report(version.place(), message);
    }
}

fn is_semver(text: &str) -> bool {
    let core = text.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// `2024-06-01`.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == 3
        && parts.iter().map(|part| part.len()).eq([4, 2, 2])
        && parts
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert!(is_semver("1.4.0"));
        assert!(is_semver("2.0.0-beta.1+build.5"));
        assert!(!is_semver("1.0"));
        assert!(!is_semver("v1"));
        assert!(is_date("2024-06-01"));
    }
}

use crate::base::Emitter;
use crate::change::versions::{versions, Versions};
use crate::config::VersioningPolicy;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a new version that breaks clients (any breaking change the
    /// other compatibility rules report) while its major version stays the
    /// same: neither the `info.version` major (semver) nor the `/vN` of its
    /// servers or paths went up. `[api] versioning` in `archlint.toml` says
    /// which one counts: `path` looks at the URL only; the default looks at
    /// both. A `0.x` version promises nothing and is not checked, nor are
    /// `header` and `media-type` versioning, which the description cannot show.
    ///
    /// ## Why is this bad?
    /// The major version is the contract: clients pin it, gateways route on it,
    /// SDKs are generated per major. A break within one major reaches every
    /// client at once, with nothing telling them to look.
    ///
    /// ## Example
    /// ```yaml
    /// info: {title: Shop, version: 1.4.0}
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// info: {title: Shop, version: 1.5.0}
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// info: {title: Shop, version: 1.4.0}
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    ///   /orders/export:
    ///     get:
    ///       responses: {'200': {description: A CSV file.}}
    /// ```
    ///
    /// ```yaml
    /// info: {title: Shop, version: 2.0.0}
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ## How to fix
    /// Make the change compatible, or release it as a new major version (and
    /// keep serving the old one while clients move).
    ///
    /// Severity: `error` — the versioning contract is broken.
    pub struct BreakingChangeWithoutMajorVersion {
        id: "COMPAT012",
        name: "breaking-change-without-major-version",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A breaking change ships without a new major version.",
        fix: "Make the change compatible, or release it as a new major version.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    let breaking: Vec<_> = context
        .changes
        .iter()
        .filter(|change| change.is_breaking())
        .collect();
    let Some(first) = breaking.first() else {
        return;
    };
    let (old, new) = (versions(&context.old.api), versions(&context.new.api));
    if old.info_major == Some(0) || bumped(context.config.versioning, old, new) != Some(false) {
        return;
    }
    let kept = match (context.config.versioning, old.url_major, old.info_major) {
        (VersioningPolicy::Path, Some(major), _) | (_, Some(major), None) => format!("`/v{major}`"),
        (_, _, Some(major)) => format!("major version {major}"),
        (_, None, None) => "no version".to_owned(),
    };
    let message = format!(
        "{} breaking change{} (first: {}) but the new version keeps {kept}",
        breaking.len(),
        if breaking.len() == 1 { "" } else { "s" },
        first.describe()
    );
    let info = context.new.api.root.get("info");
    let at = info
        .as_ref()
        .and_then(|info| info.get("version"))
        .or(info)
        .unwrap_or_else(|| context.new.api.root.clone());
    let diagnostic = out.report(at.place(), message);
    let first_place = if first.is_removal() {
        first.old.as_ref()
    } else {
        first.new.as_ref().or(first.old.as_ref())
    };
    if let Some(place) = first_place {
        diagnostic.related(place.place(), "a breaking change");
    }
}

/// Whether the major version went up, as the policy reads it; `None` when the
/// policy's version is not in the description.
fn bumped(policy: VersioningPolicy, old: Versions, new: Versions) -> Option<bool> {
    let up = |old: Option<u64>, new: Option<u64>| match (old, new) {
        (Some(old), Some(new)) => Some(new > old),
        (None, Some(_)) => Some(true),
        (Some(_), None) | (None, None) => None,
    };
    match policy {
        VersioningPolicy::Path => up(old.url_major, new.url_major),
        VersioningPolicy::Header | VersioningPolicy::MediaType => None,
        _ => match (
            up(old.url_major, new.url_major),
            up(old.info_major, new.info_major),
        ) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (None, None) => Some(false),
            _ => Some(false),
        },
    }
}

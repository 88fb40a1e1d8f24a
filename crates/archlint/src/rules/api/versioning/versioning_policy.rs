use crate::base::Emitter;
use crate::config::VersioningPolicy;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Checks the API against the versioning policy set in `archlint.toml`:
    ///
    /// ```toml
    /// [api]
    /// versioning = "path"   # path | header | media-type | none | any (default)
    /// ```
    ///
    /// Reports each strategy the policy does not allow (once, at its first
    /// occurrence), and an API that does not use the required one at all. With the
    /// default `any` the rule is silent; `mixed-versioning` and `no-versioning`
    /// still apply.
    ///
    /// ## Why is this bad?
    /// An organisation's APIs are easier to use and to route when they all carry
    /// the version the same way; gateways and client generators are configured
    /// for one strategy.
    ///
    /// ## Example
    /// With this `archlint.toml`:
    /// ```toml
    /// [api]
    /// versioning = "path"
    /// ```
    /// a version header breaks the policy:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get:
    ///       parameters:
    ///         - {name: Api-Version, in: header, required: true, schema: {type: string}}
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
    /// Move the version to where the policy says, or change the policy.
    ///
    /// Severity: `warning`.
    pub struct VersioningPolicyViolation {
        id: "VER004",
        name: "versioning-policy",
        side: Api,
        area: Versioning,
        severity: Warning,
        summary: "The API's versioning differs from the policy in archlint.toml.",
        fix: "Carry the version the way `[api] versioning` requires, or change the policy.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let policy = context.config.versioning;
    if policy == VersioningPolicy::Any || context.api.operations.is_empty() {
        return;
    }
    let evidence = super::evidence(context);
    let mut reported = Vec::new();
    for found in &evidence {
        if found.strategy.matches(policy) || reported.contains(&found.strategy) {
            continue;
        }
        reported.push(found.strategy);
        let message = format!(
            "`{}` uses {}, but the policy is `versioning = \"{}\"`",
            found.label,
            found.strategy.describe(),
            policy_name(policy)
        );
        out.report(found.at.place(), message);
    }
    let required_missing = policy != VersioningPolicy::None
        && !evidence.iter().any(|found| found.strategy.matches(policy));
    if required_missing {
        let message = format!(
            "the policy is `versioning = \"{}\"`, but the API never carries its version that way",
            policy_name(policy)
        );
        let place = context.api.root.place_of("info");
        out.report(place, message);
    }
}

fn policy_name(policy: VersioningPolicy) -> &'static str {
    match policy {
        VersioningPolicy::Path => "path",
        VersioningPolicy::Header => "header",
        VersioningPolicy::MediaType => "media-type",
        VersioningPolicy::None => "none",
        VersioningPolicy::Any => "any",
    }
}

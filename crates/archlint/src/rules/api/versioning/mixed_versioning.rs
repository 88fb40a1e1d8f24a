use super::Strategy;
use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an API that versions in more than one way — `/v1` in paths and a
    /// version header, or a versioned media type — or that serves several major
    /// versions side by side in one description (`/v1/users` and `/v2/orders`).
    /// Each extra strategy or version is reported once, at its first occurrence,
    /// with the first one as related location.
    ///
    /// ## Why is this bad?
    /// Clients cannot tell which knob selects the contract, and servers must
    /// resolve conflicts (`/v1` with `Api-Version: 2`). Two major versions in one
    /// description usually mean a migration half done: clients mix contracts
    /// without knowing it.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /v1/users:
    ///     get:
    ///       responses:
    ///         '200': {description: the users}
    ///   /v2/orders:
    ///     get:
    ///       responses:
    ///         '200': {description: the orders}
    /// ```
    ///
    /// Use instead: one description per major version, each with its version in
    /// the server URL (here the v2 one; v1 keeps its own file):
    /// ```yaml
    /// servers:
    ///   - url: https://api.example.com/v2
    /// paths:
    ///   /users:
    ///     get:
    ///       responses:
    ///         '200': {description: the users}
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: the orders}
    /// ```
    ///
    /// ## How to fix
    /// Keep one strategy; split major versions into separate descriptions.
    ///
    /// Severity: `warning`.
    pub struct MixedVersioning {
        id: "VER003",
        name: "mixed-versioning",
        side: Api,
        area: Versioning,
        severity: Warning,
        summary: "The API mixes versioning strategies or major versions.",
        fix: "Use one versioning strategy, and one major version per description.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let evidence = super::evidence(context);
    let Some(first) = evidence.first() else {
        return;
    };
    for other in evidence.iter().skip(1) {
        let message = if other.strategy != first.strategy {
            let already = evidence
                .iter()
                .take_while(|seen| !std::ptr::eq(*seen, other))
                .any(|seen| seen.strategy == other.strategy);
            if already {
                continue;
            }
            format!(
                "`{}` adds {} to an API that already uses {}",
                other.label,
                other.strategy.describe(),
                first.strategy.describe()
            )
        } else if other.strategy == Strategy::Path {
            format!(
                "major version `{}` sits beside `{}` in one description",
                other.label, first.label
            )
        } else {
            continue;
        };
        out.report(other.at.place(), message).related(
            first.at.place(),
            format!("`{}` first used here", first.label),
        );
    }
}

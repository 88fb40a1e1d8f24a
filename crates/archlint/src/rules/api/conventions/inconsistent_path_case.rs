use crate::base::Emitter;
use crate::openapi::paths::{literal_segments, under_protocol};
use crate::rules::ApiContext;
use std::collections::HashSet;

use super::{usual_case, Case};

crate::declare_rule! {
    /// ## What it does
    /// Reports path segments written in a different case style (kebab-case,
    /// snake_case, camelCase) from the API's most common one. Single-word
    /// segments have no style and are never reported. Each segment once. Paths
    /// under a mounted protocol (`/scim/v2/ResourceTypes`, `/otel/v1/traces`)
    /// follow the protocol and are left out.
    ///
    /// ## Why is this bad?
    /// URLs are typed and read by people: `/order-items` next to `/shipping_rates`
    /// and `/giftCards` makes every path a lookup.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /order-items:
    ///     get: {responses: {'200': {description: ok}}}
    ///   /gift-cards:
    ///     get: {responses: {'200': {description: ok}}}
    ///   /shipping_rates:
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /order-items:
    ///     get: {responses: {'200': {description: ok}}}
    ///   /gift-cards:
    ///     get: {responses: {'200': {description: ok}}}
    ///   /shipping-rates:
    ///     get: {responses: {'200': {description: ok}}}
    /// ```
    ///
    /// ## How to fix
    /// Write every path segment in one style (kebab-case is the most common).
    ///
    /// Severity: `info` — a naming convention.
    pub struct InconsistentPathCase {
        id: "CONV008",
        name: "inconsistent-path-case",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "A path segment's case style differs from the rest of the API.",
        fix: "Write all path segments in one case style (for example kebab-case).",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let operations = &context.api.operations;
    let mut distinct = HashSet::new();
    // A mounted protocol (SCIM's `/Users`) names its own paths.
    let own = || {
        operations
            .iter()
            .filter(|operation| !under_protocol(operation.path))
    };
    let segments: Vec<&str> = own()
        .flat_map(|operation| literal_segments(operation.path))
        .filter(|segment| distinct.insert(*segment))
        .collect();
    let Some(usual) = usual_case(segments.iter().copied()) else {
        return;
    };
    let mut reported = HashSet::new();
    for operation in own() {
        for segment in literal_segments(operation.path) {
            let Some(case) = Case::of(segment) else {
                continue;
            };
            if case == usual || !reported.insert(segment) {
                continue;
            }
            let message = format!(
                "path segment `{segment}` is {} while the API's paths are mostly {}",
                case.describe(),
                usual.describe()
            );
            let at = context
                .api
                .path_key(operation.path)
                .unwrap_or_else(|| operation.at.clone());
            out.report(at.place(), message);
        }
    }
}

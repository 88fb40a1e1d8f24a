use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `info` object without a `description`, a `contact` or a
    /// `license` — one finding per missing field, at `info`.
    ///
    /// ## Why is this bad?
    /// The description is the API's front page: what it is for, how to
    /// authenticate, where limits are documented. `contact` tells users whom to
    /// ask when something breaks; `license` tells them what they may do with the
    /// description and generated code.
    ///
    /// ## Example
    /// ```yaml
    /// info: {title: Shop, version: 1.0.0}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// info:
    ///   title: Shop
    ///   version: 1.0.0
    ///   description: Orders and customers of the shop. Authenticate with OAuth 2.
    ///   contact: {name: API team, email: api@shop.example}
    ///   license: {name: Apache 2.0, identifier: Apache-2.0}
    /// ```
    ///
    /// ## How to fix
    /// Add the missing fields.
    ///
    /// Severity: `info`.
    pub struct IncompleteInfo {
        id: "DOC001",
        name: "incomplete-info",
        side: Api,
        area: Documentation,
        severity: Info,
        summary: "info lacks a description, contact or license.",
        fix: "Add info.description, info.contact and info.license.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let Some(info) = context
        .api
        .root
        .get("info")
        .filter(|info| info.node.is_object())
    else {
        return;
    };
    for field in ["description", "contact", "license"] {
        let present = info
            .node
            .get(field)
            .is_some_and(|value| value.as_str().is_none_or(|text| !text.trim().is_empty()));
        if !present {
            let message = format!("`info` has no `{field}`");
            out.report(info.place(), message);
        }
    }
}

use crate::base::Emitter;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation tag that is not declared in the top-level `tags`
    /// list. Each tag once, at its first use, with how many operations use it.
    /// In OpenAPI 3.2, also a tag whose `parent` names no declared tag, or
    /// whose `parent` chain loops back to it.
    ///
    /// ## Why is this bad?
    /// Documentation tools group operations by tag and take each group's
    /// description and order from the top-level list; undeclared tags appear
    /// without a description, in arbitrary order — and are often typos that split
    /// a group in two (`Order` and `Orders`).
    ///
    /// ## Example
    /// ```yaml
    /// tags:
    ///   - {name: orders, description: Placing and tracking orders.}
    /// paths:
    ///   /orders:
    ///     get:
    ///       tags: [order]
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// tags:
    ///   - {name: orders, description: Placing and tracking orders.}
    /// paths:
    ///   /orders:
    ///     get:
    ///       tags: [orders]
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ## How to fix
    /// Declare the tag, with a description, or fix its spelling.
    ///
    /// Severity: `info` — OpenAPI allows tags it does not declare; declaring them adds descriptions and order.
    pub struct UndefinedTag {
        id: "DOC005",
        name: "undefined-tag",
        side: Api,
        area: Documentation,
        severity: Info,
        summary: "An operation uses a tag not declared in the top-level tags.",
        fix: "Declare the tag (with a description) in the top-level tags, or fix its spelling.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let declared: Vec<&str> = context
        .api
        .root
        .node
        .get("tags")
        .map(|tags| {
            tags.items()
                .iter()
                .filter_map(|tag| tag.get("name")?.as_str())
                .collect()
        })
        .unwrap_or_default();
    let mut undefined = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        let Some(tags) = operation.at.get("tags") else {
            continue;
        };
        for tag in tags.items() {
            let Some(name) = tag.node.as_str() else {
                continue;
            };
            if declared.contains(&name) {
                continue;
            }
            undefined.add(name, index, || (name, tag.clone()));
        }
    }
    // OpenAPI 3.2 nests tags: a `parent` must name a declared tag.
    if let Some(tags) = context.api.root.get("tags") {
        for tag in tags.items() {
            let Some(parent) = tag.get("parent") else {
                continue;
            };
            let child = tag.str("name").unwrap_or_default();
            if in_parent_cycle(tags.node, child) {
                let message =
                    format!("tag `{child}` is its own ancestor: its `parent` chain loops");
                out.report(parent.place(), message);
                continue;
            }
            let Some(name) = parent.node.as_str().filter(|name| !declared.contains(name)) else {
                continue;
            };
            let message = format!(
                "tag `{child}` has parent `{name}`, which is not declared in the top-level `tags`"
            );
            out.report(parent.place(), message);
        }
    }
    for ((name, at), operations) in undefined.into_entries() {
        let message = format!(
            "tag `{name}` (used by {}) is not declared in the top-level `tags`",
            context.api.describe_operations(&operations)
        );
        out.report(at.place(), message);
    }
}

/// Whether following `parent` from a tag comes back to it.
fn in_parent_cycle(tags: &crate::tree::Node, start: &str) -> bool {
    let parent_of = |name: &str| {
        tags.items()
            .iter()
            .find(|tag| tag.get("name").and_then(|n| n.as_str()) == Some(name))
            .and_then(|tag| tag.get("parent"))
            .and_then(|parent| parent.as_str())
    };
    let mut current = start;
    for _ in 0..tags.items().len() {
        match parent_of(current) {
            Some(parent) if parent == start => return true,
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

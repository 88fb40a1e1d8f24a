use crate::base::Emitter;
use crate::openapi::schemas::types;
use crate::openapi::NodeAt;
use crate::rules::api::{first_schema, report_gaps, Grouped};
use crate::rules::ApiContext;
use crate::tree::Node;

crate::declare_rule! {
    /// ## What it does
    /// Reports a request body whose top-level object schema accepts properties it
    /// does not declare: no `additionalProperties: false` (or
    /// `unevaluatedProperties: false`). Bodies composed with `allOf`, `anyOf` or
    /// `oneOf` are skipped, since closing one part would reject the others. A
    /// shared schema is reported once; when most request bodies are open, one
    /// finding (at the first) says so, since closing them is an API-wide choice.
    ///
    /// ## Why is this bad?
    /// Mass assignment (OWASP API3): when the server binds the body to a model,
    /// undeclared fields such as `role` or `is_admin` may be written too. Closed
    /// schemas also turn client typos into 400s instead of silently ignored data.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties: {name: {type: string, maxLength: 100}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               additionalProperties: false
    ///               properties: {name: {type: string, maxLength: 100}}
    /// ```
    ///
    /// ## How to fix
    /// Add `additionalProperties: false`, and reject unknown fields on the server.
    ///
    /// Severity: `info` — closing schemas is a trade-off with forward
    /// compatibility that each API decides.
    pub struct AdditionalPropertiesAllowed {
        id: "VAL004",
        name: "additional-properties-allowed",
        side: Api,
        area: Validation,
        severity: Info,
        summary: "A request body object accepts undeclared properties.",
        fix: "Add additionalProperties: false to the request body schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut bodies = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        let Some(body) = &operation.request_body else {
            continue;
        };
        let Some(schema) = first_schema(context, &body.content) else {
            continue;
        };
        if let Some(open) = openness(&schema) {
            bodies.add(schema.identity(), index, || (schema.clone(), open));
        }
    }
    let mut covered = 0;
    let mut gaps = Vec::new();
    for ((schema, open), operations) in bodies.into_entries() {
        if !open {
            covered += 1;
            continue;
        }
        let message = format!(
            "request body of {} accepts undeclared properties (no `additionalProperties: false`)",
            context.api.describe_operations(&operations)
        );
        gaps.push((schema.place(), message));
    }
    report_gaps(out, gaps, covered, "request bodies");
}

/// For a plain object schema with properties: whether it accepts undeclared
/// ones. `None` for anything else (composed, not an object).
fn openness(schema: &NodeAt<'_>) -> Option<bool> {
    let types = types(schema);
    let object = types.contains(&"object") || types.is_empty();
    let composed = ["allOf", "anyOf", "oneOf"]
        .iter()
        .any(|key| schema.node.get(key).is_some());
    if !object || composed || schema.node.get("properties").is_none() {
        return None;
    }
    let closed = ["additionalProperties", "unevaluatedProperties"]
        .iter()
        .any(|key| schema.node.get(key).and_then(Node::as_bool) == Some(false));
    Some(!closed)
}

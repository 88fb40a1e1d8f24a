use crate::base::Emitter;
use crate::openapi::schemas::is_array;
use crate::openapi::NodeAt;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports success responses whose body is a bare JSON array. Since an API
    /// that does this usually does it everywhere, the rule gives one finding, at
    /// the first such response, with the number of operations concerned.
    ///
    /// ## Why is this bad?
    /// A bare array cannot grow: adding a cursor, a total count or a warning
    /// later means a breaking change. An object envelope (`{"data": [...],
    /// "next_cursor": ...}`) can gain fields compatibly.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The orders.
    ///           content:
    ///             application/json:
    ///               schema: {type: array, items: {$ref: '#/components/schemas/Order'}}
    /// components:
    ///   schemas:
    ///     Order: {type: object}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The orders.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 properties:
    ///                   data: {type: array, maxItems: 100, items: {$ref: '#/components/schemas/Order'}}
    ///                   next_cursor: {type: [string, 'null']}
    /// components:
    ///   schemas:
    ///     Order: {type: object}
    /// ```
    ///
    /// ## How to fix
    /// Wrap collections in an object with the items under `data` (or `items`).
    ///
    /// Severity: `info` — an evolvability concern, not a defect.
    pub struct TopLevelArrayResponse {
        id: "CONV010",
        name: "top-level-array-response",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "Success responses return a bare JSON array instead of an object envelope.",
        fix: "Wrap the array in an object (`data` plus paging fields) so the response can evolve.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut first: Option<NodeAt<'_>> = None;
    let mut operations = Vec::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        let array = operation
            .responses
            .iter()
            .filter(|response| response.is_success())
            .flat_map(|response| response.content.iter())
            .filter(|media| media.name.contains("json"))
            .filter_map(|media| media.schema.as_ref())
            .find(|schema| {
                context
                    .resolve(schema)
                    .is_some_and(|schema| is_array(&schema))
            });
        if let Some(schema) = array {
            first.get_or_insert_with(|| schema.clone());
            operations.push(index);
        }
    }
    let Some(first) = first else {
        return;
    };
    let message = format!(
        "success responses are bare JSON arrays, which cannot gain paging fields later ({})",
        context.api.describe_operations(&operations)
    );
    out.report(first.place(), message);
}

use crate::base::Emitter;
use crate::openapi::NodeAt;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::openapi::validate::first_violation;

crate::declare_rule! {
    /// ## What it does
    /// Checks examples against the schema they illustrate and reports the first
    /// way each one breaks it: a schema's `example` (or 3.1 `examples` list), a
    /// media type's `example` and `examples.*.value`, and a parameter's `example`
    /// and `examples`. Checked: types (with `nullable`), `enum`/`const`, lengths,
    /// `date`/`date-time`/`uuid`/`email` formats, numeric ranges, array sizes,
    /// `required` and undeclared properties under `additionalProperties: false`,
    /// and `allOf`/`anyOf`/`oneOf`. `pattern` is not checked.
    ///
    /// ## Why is this bad?
    /// Examples are what readers copy and what mock servers return. An example
    /// that the API itself would reject teaches clients to send invalid requests
    /// and to expect responses the server never produces; it usually also shows
    /// that the schema and the implementation have drifted apart.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: the order
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [id]
    ///                 properties: {id: {type: integer}}
    ///               example: {id: "42"}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: the order
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 required: [id]
    ///                 properties: {id: {type: integer}}
    ///               example: {id: 42}
    /// ```
    ///
    /// ## How to fix
    /// Fix the example, or the schema if the example shows what the API really does.
    ///
    /// Severity: `warning`.
    pub struct InvalidExample {
        id: "VAL009",
        name: "invalid-example",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "An example does not validate against its schema.",
        fix: "Fix the example (or the schema) so that the example is valid.",
        check_api: check,
    }
}

/// Checks each (example, schema) pair once.
struct Examiner<'c, 'a> {
    context: &'c ApiContext<'a>,
    seen: HashSet<(usize, usize)>,
}

impl<'a> Examiner<'_, 'a> {
    fn examine(&mut self, example: NodeAt<'a>, schema: &NodeAt<'a>, out: &mut Emitter) {
        let example = self.context.resolve_or_self(&example);
        if !self.seen.insert((example.identity(), schema.identity())) {
            return;
        }
        if let Some(problem) = first_violation(self.context.documents, example.node, schema) {
            let message = format!("example does not match its schema: {problem}");
            out.report(example.place(), message);
        }
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut examiner = Examiner {
        context,
        seen: HashSet::new(),
    };
    for schema in context.every_schema() {
        for example in schema_examples(schema) {
            examiner.examine(example, schema, out);
        }
    }
    for operation in &context.api.operations {
        let bodies = operation
            .request_body
            .iter()
            .flat_map(|body| body.content.iter())
            .chain(
                operation
                    .responses
                    .iter()
                    .flat_map(|response| response.content.iter()),
            );
        for media in bodies {
            let Some(schema) = media.schema.as_ref() else {
                continue;
            };
            for example in owner_examples(context, &media.at) {
                examiner.examine(example, schema, out);
            }
        }
        for parameter in &operation.parameters {
            let Some(schema) = parameter.schema.as_ref() else {
                continue;
            };
            for example in owner_examples(context, &parameter.at) {
                examiner.examine(example, schema, out);
            }
        }
    }
}

/// A schema's `example`, and the items of a 3.1 `examples` list.
fn schema_examples<'a>(schema: &NodeAt<'a>) -> Vec<NodeAt<'a>> {
    let mut examples: Vec<NodeAt<'a>> = schema.get("example").into_iter().collect();
    if let Some(list) = schema.get("examples").filter(|list| list.node.is_array()) {
        examples.extend(list.items());
    }
    examples
}

/// A media type's or parameter's `example`, and the `value` of each entry of
/// its `examples` map (after `$ref` resolution).
fn owner_examples<'a>(context: &ApiContext<'a>, owner: &NodeAt<'a>) -> Vec<NodeAt<'a>> {
    let mut examples: Vec<NodeAt<'a>> = owner.get("example").into_iter().collect();
    if let Some(map) = owner.get("examples").filter(|map| map.node.is_object()) {
        examples.extend(
            map.entries()
                .filter_map(|(_, entry)| context.resolve(&entry))
                .filter_map(|entry| entry.get("value")),
        );
    }
    examples
}

use crate::base::Emitter;
use crate::openapi::validate::{describe_value, matches_type};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports `enum` values, a `const` or a `default` whose type contradicts the
    /// schema's `type`: `type: integer` with `enum: ["1", "2"]`, `type: boolean`
    /// with `default: "false"`.
    ///
    /// ## Why is this bad?
    /// No valid value can equal the listed one: validators reject what the
    /// description advertises, and generated clients get enums they cannot
    /// compile or defaults they cannot assign.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /tickets:
    ///     get:
    ///       parameters:
    ///         - {name: priority, in: query, schema: {type: integer, enum: ['1', '2', '3']}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /tickets:
    ///     get:
    ///       parameters:
    ///         - {name: priority, in: query, schema: {type: integer, enum: [1, 2, 3]}}
    /// ```
    ///
    /// ## How to fix
    /// Write the values with the schema's type (or fix the `type`).
    ///
    /// Severity: `error` — the description contradicts itself.
    pub struct EnumTypeMismatch {
        id: "VAL008",
        name: "enum-type-mismatch",
        side: Api,
        area: Validation,
        severity: Error,
        summary: "An enum, const or default value does not have the schema's type.",
        fix: "Write the value with the schema's type, or fix the type.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema in context.every_schema() {
        if schema.node.get("type").is_none() {
            continue;
        }
        let mut values: Vec<(&str, crate::openapi::NodeAt<'_>)> = Vec::new();
        if let Some(list) = schema.get("enum") {
            values.extend(list.items().map(|item| ("enum value", item)));
        }
        for key in ["const", "default"] {
            if let Some(value) = schema.get(key) {
                values.push((key, value));
            }
        }
        for (what, value) in values {
            // `enum: [..., null]` on a nullable 3.0 schema is the documented way.
            if matches_type(value.node, schema) {
                continue;
            }
            let message = format!(
                "{what} {} is a {}, but the schema's type is {}",
                describe_value(value.node),
                value.node.kind(),
                crate::openapi::schemas::types(schema).join(" or ")
            );
            out.report(value.place(), message);
        }
    }
}

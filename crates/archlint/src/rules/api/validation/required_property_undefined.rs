use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::HashSet;

crate::declare_rule! {
    /// ## What it does
    /// Reports a name in a schema's `required` list that is not among its
    /// `properties`. Schemas that compose others (`allOf`, `anyOf`, `oneOf`), and
    /// the parts of an `allOf`, are skipped: the property may come from another part.
    ///
    /// ## Why is this bad?
    /// It is almost always a typo or a renamed property: validators then reject
    /// every request (the required property can never be sent under its declared
    /// name), or generated clients gain a mandatory field nobody documents.
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
    ///               required: [email]
    ///               properties:
    ///                 e_mail: {type: string, format: email}
    /// ```
    ///
    /// Use instead: the property under the required name (or `required: [e_mail]`):
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               required: [email]
    ///               properties:
    ///                 email: {type: string, format: email}
    /// ```
    ///
    /// ## How to fix
    /// Make `required` name declared properties.
    ///
    /// Severity: `warning`.
    pub struct RequiredPropertyUndefined {
        id: "VAL006",
        name: "required-property-undefined",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "`required` names a property the schema does not declare.",
        fix: "Declare the property, or fix the name in `required`.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let schemas = context.every_schema();
    // A part of an `allOf` may require what a sibling part declares.
    let parts: HashSet<usize> = schemas
        .iter()
        .filter_map(|schema| schema.get("allOf"))
        .flat_map(|all_of| {
            all_of
                .items()
                .filter_map(|part| context.resolve(&part))
                .map(|part| part.identity())
                .collect::<Vec<_>>()
        })
        .collect();
    for schema in schemas
        .iter()
        .filter(|schema| !parts.contains(&schema.identity()))
    {
        let (Some(required), Some(properties)) =
            (schema.get("required"), schema.node.get("properties"))
        else {
            continue;
        };
        let composed = ["allOf", "anyOf", "oneOf"]
            .iter()
            .any(|key| schema.node.get(key).is_some());
        if composed || !properties.is_object() {
            continue;
        }
        for item in required.items() {
            let Some(name) = item.node.as_str() else {
                continue;
            };
            if properties.get(name).is_none() {
                let message =
                    format!("`required` names `{name}`, which is not a declared property");
                out.report(item.place(), message);
            }
        }
    }
}

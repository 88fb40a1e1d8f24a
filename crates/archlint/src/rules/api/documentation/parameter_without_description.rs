use crate::base::Emitter;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a parameter without a `description`. A shared parameter is
    /// reported once, where it is defined.
    ///
    /// ## Why is this bad?
    /// A name and a type rarely say enough: units (`timeout` in seconds or
    /// milliseconds?), accepted formats, defaults and how values combine live in
    /// the description.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: since, in: query, schema: {type: string}}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - name: since
    ///           in: query
    ///           description: Only orders placed at or after this instant (RFC 3339).
    ///           schema: {type: string, format: date-time}
    ///       responses: {'200': {description: The orders.}}
    /// ```
    ///
    /// ## How to fix
    /// Describe what the parameter does, its unit and its default.
    ///
    /// Severity: `info`.
    pub struct ParameterWithoutDescription {
        id: "DOC003",
        name: "parameter-without-description",
        side: Api,
        area: Documentation,
        severity: Info,
        summary: "A parameter has no description.",
        fix: "Describe the parameter: meaning, unit, format and default.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut undescribed = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        for parameter in &operation.parameters {
            let described = parameter
                .at
                .str("description")
                .is_some_and(|text| !text.trim().is_empty());
            if !described {
                undescribed.add(parameter.at.identity(), index, || parameter);
            }
        }
    }
    for (parameter, operations) in undescribed.into_entries() {
        let message = format!(
            "{} parameter `{}` has no description (used by {})",
            parameter.location,
            parameter.name,
            context.api.describe_operations(&operations)
        );
        out.report(parameter.at.place(), message);
    }
}

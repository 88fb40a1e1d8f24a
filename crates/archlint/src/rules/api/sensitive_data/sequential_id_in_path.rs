use crate::base::words::name_words;
use crate::base::Emitter;
use crate::openapi::schemas::types;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports path parameters that identify resources by integer (`{id}`,
    /// `{orderId}`, `{user_id}` with `type: integer`). Each parameter name is
    /// reported once, at its first declaration, with how many operations use it.
    ///
    /// ## Why is this bad?
    /// Sequential ids are guessable: `GET /orders/1001`, `/orders/1002` … walks
    /// every record, so one missing ownership check becomes a data breach (OWASP
    /// API1, broken object-level authorization). They also reveal volumes
    /// (orders per day) to competitors.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{orderId}:
    ///     get:
    ///       parameters:
    ///         - {name: orderId, in: path, required: true, schema: {type: integer}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders/{orderId}:
    ///     get:
    ///       parameters:
    ///         - {name: orderId, in: path, required: true, schema: {type: string, format: uuid}}
    ///       responses: {'200': {description: The order.}}
    /// ```
    ///
    /// ## How to fix
    /// Expose a random public identifier (UUID, ULID) and keep integer keys internal;
    /// check object ownership on every request either way.
    ///
    /// Severity: `info` — integer ids are safe with consistent authorization checks.
    pub struct SequentialIdInPath {
        id: "SENS007",
        name: "sequential-id-in-path",
        side: Api,
        area: SensitiveData,
        severity: Info,
        summary: "A path parameter identifies resources by a guessable integer.",
        fix: "Expose a random public id (UUID/ULID) in paths, and check object ownership on every request.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut found = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        for parameter in &operation.parameters {
            if parameter.location != "path" || !is_id_name(parameter.name) {
                continue;
            }
            let integer = parameter
                .schema
                .as_ref()
                .and_then(|schema| context.resolve(schema))
                .is_some_and(|schema| types(&schema).contains(&"integer"));
            if !integer {
                continue;
            }
            // Grouped by name: the same `{id}` is usually declared inline per path.
            found.add(parameter.name, index, || {
                (parameter.name, parameter.at.clone())
            });
        }
    }
    for ((name, at), operations) in found.into_entries() {
        let message = format!(
            "path parameter `{name}` is a sequential integer id (used by {})",
            context.api.describe_operations(&operations)
        );
        out.report(at.place(), message);
    }
}

fn is_id_name(name: &str) -> bool {
    name_words(name).last().is_some_and(|word| word == "id")
}

use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::HashMap;

crate::declare_rule! {
    /// ## What it does
    /// Reports an `operationId` used by more than one operation.
    ///
    /// ## Why is this bad?
    /// The specification requires operation ids to be unique: code generators
    /// turn them into method names, and documentation tools into link targets.
    /// Duplicates produce clients that do not compile or silently call the wrong
    /// endpoint.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get: {operationId: list, responses: {'200': {description: ok}}}
    ///   /orders:
    ///     get: {operationId: list, responses: {'200': {description: ok}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get: {operationId: listUsers, responses: {'200': {description: ok}}}
    ///   /orders:
    ///     get: {operationId: listOrders, responses: {'200': {description: ok}}}
    /// ```
    ///
    /// ## How to fix
    /// Give each operation a unique id, conventionally verb + resource.
    ///
    /// Severity: `error` — the description violates the specification.
    pub struct DuplicateOperationId {
        id: "CONV001",
        name: "duplicate-operation-id",
        side: Api,
        area: Conventions,
        severity: Error,
        summary: "Two operations share an operationId.",
        fix: "Give every operation a unique operationId (verb + resource, such as listUsers).",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut first_use = HashMap::new();
    for operation in &context.api.operations {
        let Some(id) = operation.operation_id else {
            continue;
        };
        let Some(first) = first_use.get(id) else {
            first_use.insert(id, operation);
            continue;
        };
        let first: &crate::openapi::Operation<'_> = first;
        let message = format!(
            "operationId `{id}` of `{}` is already used by `{}`",
            operation.label(),
            first.label()
        );
        out.report(operation.at.place_of("operationId"), message)
            .related(first.at.place_of("operationId"), "first use");
    }
}

use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation without an `operationId`.
    ///
    /// ## Why is this bad?
    /// Code generators invent method names from the path and method
    /// (`getUsersUserIdOrdersOrderId`) that change whenever a path changes, and
    /// documentation links to the operation break.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get:
    ///       responses: {'200': {description: ok}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get:
    ///       operationId: listUsers
    ///       responses: {'200': {description: ok}}
    /// ```
    ///
    /// ## How to fix
    /// Give every operation a stable, unique `operationId` (verb + resource).
    ///
    /// Severity: `info`.
    pub struct MissingOperationId {
        id: "CONV005",
        name: "missing-operation-id",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "An operation has no operationId.",
        fix: "Add a stable, unique operationId such as listUsers.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in context
        .api
        .operations
        .iter()
        .filter(|operation| operation.operation_id.is_none())
    {
        let message = format!("`{}` has no operationId", operation.label());
        out.report(operation.at.place(), message);
    }
}

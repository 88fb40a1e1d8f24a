use crate::base::Emitter;
use crate::openapi::schemas::is_array;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an array the API accepts — in a request body or a query, header
    /// or cookie parameter — without `maxItems`. Shared schemas are reported
    /// once, where they are defined, with the number of operations that use them.
    ///
    /// ## Why is this bad?
    /// One request can carry millions of items: the server parses, validates
    /// and stores all of them, holding memory and database locks (OWASP API4:
    /// unrestricted resource consumption).
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 productIds: {type: array, items: {type: string, format: uuid}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 productIds: {type: array, maxItems: 100, items: {type: string, format: uuid}}
    /// ```
    ///
    /// ## How to fix
    /// Add the largest `maxItems` the operation should accept.
    ///
    /// Severity: `warning`.
    pub struct ArrayWithoutMaxItems {
        id: "VAL002",
        name: "array-without-max-items",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "An array in a request has no maxItems.",
        fix: "Add maxItems with the largest number of items the operation should accept.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema_use in context.request_schemas() {
        let schema = &schema_use.schema;
        if !is_array(schema) || schema.node.get("maxItems").is_some() {
            continue;
        }
        let message = super::request_message(context, schema_use, "maxItems");
        out.report(schema.place(), message);
    }
}

use crate::base::Emitter;
use crate::openapi::schemas::is_array;
use crate::openapi::NodeAt;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an array the API accepts — in a request body or a query, header
    /// or cookie parameter — without `maxItems`. Shared schemas are reported
    /// once, where they are defined, with the number of operations that use them.
    /// Arrays of `enum` values (`expand=customer,lines`) are a closed choice
    /// and left out.
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
        if !is_array(schema)
            || schema.node.get("maxItems").is_some()
            || closed_items(context, schema)
        {
            continue;
        }
        let message = super::request_message(context, schema_use, "maxItems");
        out.report(schema.place(), message);
    }
}

/// Items drawn from an `enum` (`expand=customer,lines`): the choice is
/// closed, and repeats do no harm.
fn closed_items<'a>(context: &ApiContext<'a>, schema: &NodeAt<'a>) -> bool {
    schema
        .get("items")
        .map(|items| context.resolve_or_self(&items))
        .is_some_and(|items| items.node.get("enum").is_some() || items.node.get("const").is_some())
}

use crate::base::Emitter;
use crate::openapi::schemas::types;
use crate::openapi::NodeAt;
use crate::openapi::Role;
use crate::rules::api::pagination::{style, Style};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an integer the API accepts — in a request body or a query, header
    /// or cookie parameter — without a `minimum` or without a `maximum` (an
    /// `enum` or `const` bounds it too). Shared schemas are reported once.
    ///
    /// ## Why is this bad?
    /// `quantity: -5`, `page: 99999999999` or an id beyond the column's range
    /// reach business logic and the database: negative stock, huge offsets that
    /// scan whole tables, and overflow errors answered with 500.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
    /// ```
    ///
    /// ## How to fix
    /// Add the `minimum` and `maximum` the operation accepts.
    ///
    /// Severity: `warning`.
    pub struct IntegerWithoutBounds {
        id: "VAL003",
        name: "integer-without-bounds",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "An integer in a request has no minimum or maximum.",
        fix: "Add minimum and maximum (the range the operation and the column behind it accept).",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema_use in context.request_schemas() {
        let Some(mut missing) = missing_bounds(&schema_use.schema) else {
            continue;
        };
        // A page number or offset only needs a floor: any page may exist.
        if let Role::Parameter(name, "query") = schema_use.role {
            if matches!(style(name), Some(Style::PageNumber | Style::Offset)) {
                if missing == "maximum" {
                    continue;
                }
                missing = "minimum";
            }
        }
        let message = super::request_message(context, schema_use, missing);
        out.report(schema_use.schema.place(), message);
    }
}

/// Integer formats whose range is fixed (`int64` bounds nothing a database
/// cares about, so it is not among them).
const BOUNDED_FORMATS: [&str; 7] = [
    "int8", "int16", "int32", "uint8", "uint16", "uint32", "byte",
];

fn missing_bounds(schema: &NodeAt<'_>) -> Option<&'static str> {
    let types = types(schema);
    let is_integer =
        types.contains(&"integer") && types.iter().all(|t| *t == "integer" || *t == "null");
    let has = |keys: [&str; 2]| keys.iter().any(|key| schema.node.get(key).is_some());
    // `format: int32`, `uint8` ... bound the value already.
    let sized = schema
        .str("format")
        .is_some_and(|format| BOUNDED_FORMATS.contains(&format));
    if !is_integer || has(["enum", "const"]) || sized {
        return None;
    }
    match (
        has(["minimum", "exclusiveMinimum"]),
        has(["maximum", "exclusiveMaximum"]),
    ) {
        (false, false) => Some("minimum or maximum"),
        (true, false) => Some("maximum"),
        (false, true) => Some("minimum"),
        (true, true) => None,
    }
}

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
        let Some(bounds) = Bounds::of(&schema_use.schema) else {
            continue;
        };
        // A page number or offset needs a floor (a negative one is never
        // valid), whatever its format, and no ceiling: any page may exist.
        let paging = matches!(
            schema_use.role,
            Role::Parameter(name, "query") if matches!(style(name), Some(Style::PageNumber | Style::Offset))
        );
        let missing = match (paging, bounds) {
            (
                true,
                Bounds {
                    minimum: false,
                    unsigned: false,
                    ..
                },
            ) => "minimum",
            (true, _) => continue,
            // `format: int32`, `uint8` ... bound the value already.
            (false, Bounds { sized: true, .. }) => continue,
            (
                false,
                Bounds {
                    minimum: false,
                    maximum: false,
                    ..
                },
            ) => "minimum or maximum",
            (
                false,
                Bounds {
                    minimum: true,
                    maximum: false,
                    ..
                },
            ) => "maximum",
            (
                false,
                Bounds {
                    minimum: false,
                    maximum: true,
                    ..
                },
            ) => "minimum",
            (false, _) => continue,
        };
        let message = super::request_message(context, schema_use, missing);
        out.report(schema_use.schema.place(), message);
    }
}

/// Integer formats whose range is fixed (`int64` bounds nothing a database
/// cares about, so it is not among them).
const SIZED_FORMATS: [&str; 7] = [
    "int8", "int16", "int32", "uint8", "uint16", "uint32", "byte",
];

/// What an integer schema says of its range.
#[derive(Clone, Copy)]
struct Bounds {
    minimum: bool,
    maximum: bool,
    /// A format of fixed size (`int32`, `uint8`).
    sized: bool,
    /// An unsigned format: never negative.
    unsigned: bool,
}

impl Bounds {
    /// The bounds of an integer schema without `enum` or `const`.
    fn of(schema: &NodeAt<'_>) -> Option<Bounds> {
        let types = types(schema);
        let is_integer =
            types.contains(&"integer") && types.iter().all(|t| *t == "integer" || *t == "null");
        let has = |keys: [&str; 2]| keys.iter().any(|key| schema.node.get(key).is_some());
        if !is_integer || has(["enum", "const"]) {
            return None;
        }
        let format = schema.str("format").unwrap_or("");
        Some(Bounds {
            minimum: has(["minimum", "exclusiveMinimum"]),
            maximum: has(["maximum", "exclusiveMaximum"]),
            sized: SIZED_FORMATS.contains(&format),
            unsigned: format.starts_with("uint"),
        })
    }
}

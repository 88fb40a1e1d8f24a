use crate::base::words::name_words;
use crate::base::Emitter;
use crate::openapi::bounds::is_unbounded_string;
use crate::openapi::Role;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a string the API accepts — in a request body or a query, header or
    /// cookie parameter — that has no upper bound: no `maxLength`, no `enum` or
    /// `const`, no fixed-size `format` (`date`, `date-time`, `time`, `uuid`,
    /// `ipv4`, `ipv6`), and no anchored `pattern` without unbounded repetition.
    /// `readOnly` properties are not part of requests and are skipped. A schema
    /// shared by several operations is reported once, where it is defined, with
    /// the number of operations that accept it.
    ///
    /// ## Why is this bad?
    /// An unbounded string lets one request carry megabytes into parsers, logs,
    /// database columns and downstream services (OWASP API4: unrestricted resource
    /// consumption). The database column behind it almost always has a limit, so
    /// long values fail late, as a 500, instead of early, as a 400.
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
    ///               properties:
    ///                 name: {type: string}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 name: {type: string, minLength: 1, maxLength: 100}
    /// ```
    ///
    /// ## How to fix
    /// Add a `maxLength` that matches the storage behind the field, or an `enum`
    /// or `format` that bounds it.
    ///
    /// Severity: `warning` — every unbounded input is an easy resource-exhaustion
    /// vector and a late failure.
    pub struct StringWithoutMaxLength {
        id: "VAL001",
        name: "string-without-max-length",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "A string in a request has no maximum length.",
        fix: "Add maxLength (matching the column or field behind it), or bound the value with enum, format or an anchored pattern.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema_use in context.request_schemas() {
        let schema = &schema_use.schema;
        if !is_unbounded_string(schema) {
            continue;
        }
        // An identifier's natural bound is its format (`uuid`), not a length.
        let missing = match schema_use.role {
            Role::Property(name) | Role::Parameter(name, _) if names_an_id(name) => {
                "maxLength (or a format such as `uuid`)"
            }
            _ => "maxLength",
        };
        let message = super::request_message(context, schema_use, missing);
        out.report(schema.place(), message);
    }
}

/// `id`, `profile_image_id`, `customerId`.
fn names_an_id(name: &str) -> bool {
    name_words(name).last().is_some_and(|last| last == "id")
}

use crate::base::words::{sensitive_name, Sensitive};
use crate::base::Emitter;
use crate::base::Severity;
use crate::openapi::schemas::types;
use crate::openapi::{Method, NodeAt, Role, SchemaUse};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports response properties whose names say they hold a password, PIN,
    /// payment card number or national id (and, as `info`, a secret or API key;
    /// tokens are skipped, since issuing them is what token endpoints do, and
    /// so is a secret only the `POST` that creates it returns — a new API
    /// key is shown once).
    /// `writeOnly` properties are not part of responses and are skipped; hashed
    /// values (`password_hash`) are not secrets. Shared schemas are reported once.
    ///
    /// ## Why is this bad?
    /// Excessive data exposure (OWASP API3): whatever a response carries ends up
    /// in client logs, caches and browser memory. The server should never send a
    /// password back, and card and identity numbers only masked.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         email: {type: string, format: email}
    ///         password: {type: string}
    /// ```
    ///
    /// Use instead: mark it `writeOnly: true` (or use separate request and
    /// response schemas):
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         email: {type: string, format: email}
    ///         password: {type: string, writeOnly: true}
    /// ```
    ///
    /// ## How to fix
    /// Remove the property from responses (`writeOnly`, or a separate schema),
    /// or return a masked form.
    ///
    /// Severity: `error` for passwords; `warning` for card and national id
    /// numbers; `info` for secrets and keys.
    pub struct SensitiveDataInResponse {
        id: "SENS005",
        name: "sensitive-data-in-response",
        side: Api,
        area: SensitiveData,
        severity: Warning,
        summary: "A response returns a password, card number, national id or secret.",
        fix: "Leave the value out of responses (writeOnly, or a separate response schema), or return it masked.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema_use in context.response_schemas() {
        let Role::Property(name) = schema_use.role else {
            continue;
        };
        let Some(sensitive) = sensitive_name(name) else {
            continue;
        };
        // A `pin` that is an object is a pinned item, not a PIN.
        if is_masked(&schema_use.schema) || is_structure(&schema_use.schema) {
            continue;
        }
        let severity = match sensitive {
            Sensitive::Password => Severity::Error,
            Sensitive::PaymentCard | Sensitive::NationalId => Severity::Warning,
            Sensitive::Secret if name.to_ascii_lowercase().ends_with("token") => continue,
            // The operation that creates a credential returns it, once (a
            // new API key, a checkout session's client secret).
            Sensitive::Secret if created_once(context, schema_use) => continue,
            Sensitive::Secret => Severity::Info,
        };
        let users = context
            .api
            .describe_usage(schema_use.first_operation, schema_use.operation_count);
        let message = format!(
            "response property `{name}` returns {} (returned by {users})",
            sensitive.describe()
        );
        // Swagger 2.0 has no `writeOnly`: a definition that requests also
        // send cannot say that responses leave the value out.
        if shared_in_swagger_2(context, schema_use) {
            let help = "Swagger 2.0 cannot mark a property write-only: give responses their own definition without it, or say in its description that responses leave it out.";
            out.report(schema_use.schema.place(), message)
                .severity(Severity::Info)
                .help(help);
            continue;
        }
        out.report(schema_use.schema.place(), message)
            .severity(severity);
    }
}

/// A Swagger 2.0 property whose schema requests also send.
fn shared_in_swagger_2(context: &ApiContext<'_>, schema_use: &SchemaUse<'_>) -> bool {
    context.api.version == crate::openapi::SpecVersion::V2_0
        && context
            .request_schemas()
            .iter()
            .any(|request| request.schema.identity() == schema_use.schema.identity())
}

/// A value returned masked or partly (`**** 4242`), or never returned, as its
/// description, pattern or `x-writeOnly` says.
fn is_masked(schema: &NodeAt<'_>) -> bool {
    let description = schema.str("description").unwrap_or("").to_ascii_lowercase();
    [
        "mask",
        "redact",
        "last 4",
        "last four",
        "obfuscat",
        "truncated",
        // Written, never read back (what `writeOnly` says, in words).
        "write-only",
        "write only",
        "never returned",
        "not returned",
        "not retrieve",
        "cannot be retrieved",
        "can only set",
        "only be set",
    ]
    .iter()
    .any(|word| description.contains(word))
        || schema.bool("x-writeOnly") == Some(true)
        || schema
            .str("pattern")
            .is_some_and(|pattern| pattern.contains('*'))
}

/// Whether only one operation returns the value, and it is a `POST`.
fn created_once(context: &ApiContext<'_>, schema_use: &SchemaUse<'_>) -> bool {
    schema_use.operation_count == 1
        && context
            .api
            .operations
            .get(schema_use.first_operation)
            .is_some_and(|operation| operation.method == Method::Post)
}

/// An object or array: a secret is a string or a number.
fn is_structure(schema: &NodeAt<'_>) -> bool {
    schema.node.get("properties").is_some()
        || schema.node.get("items").is_some()
        || types(schema)
            .iter()
            .any(|kind| matches!(*kind, "object" | "array"))
}

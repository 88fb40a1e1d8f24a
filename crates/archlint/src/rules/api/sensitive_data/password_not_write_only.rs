use crate::base::words::{sensitive_name, Sensitive};
use crate::base::Emitter;
use crate::openapi::Role;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a password (or PIN, passphrase) property of a component schema
    /// used in requests that is not marked `writeOnly: true`. Shared schemas
    /// are reported once; inline request bodies, which no response can reuse,
    /// are left out.
    ///
    /// ## Why is this bad?
    /// `writeOnly` is how the description says "clients send this, the server
    /// never returns it": generated clients and documentation then leave the
    /// field out of response models, and a later reuse of the schema in a
    /// response cannot leak it by accident.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/UserInput'}
    ///       responses: {'201': {description: Created.}}
    /// components:
    ///   schemas:
    ///     UserInput:
    ///       type: object
    ///       properties:
    ///         email: {type: string, format: email}
    ///         password: {type: string, minLength: 12, maxLength: 128}
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
    ///             schema: {$ref: '#/components/schemas/UserInput'}
    ///       responses: {'201': {description: Created.}}
    /// components:
    ///   schemas:
    ///     UserInput:
    ///       type: object
    ///       properties:
    ///         email: {type: string, format: email}
    ///         password: {type: string, minLength: 12, maxLength: 128, writeOnly: true}
    /// ```
    ///
    /// ## How to fix
    /// Add `writeOnly: true`.
    ///
    /// Severity: `info` — the leak itself is `sensitive-data-in-response`.
    pub struct PasswordNotWriteOnly {
        id: "SENS006",
        name: "password-not-write-only",
        side: Api,
        area: SensitiveData,
        severity: Info,
        summary: "A password property is not marked writeOnly.",
        fix: "Add writeOnly: true to the password property.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // Swagger 2.0 has no `writeOnly`; a password it returns is SENS005's.
    if context.api.version == crate::openapi::SpecVersion::V2_0 {
        return;
    }
    for schema_use in context.request_schemas() {
        let Role::Property(name) = schema_use.role else {
            continue;
        };
        if sensitive_name(name) != Some(Sensitive::Password)
            || schema_use.schema.bool("writeOnly") == Some(true)
            // An inline request body cannot end up in a response; a
            // component can, and `writeOnly` keeps it out.
            || !schema_use.schema.pointer.starts_with("/components/")
        {
            continue;
        }
        let message = format!("password property `{name}` is not marked `writeOnly: true`");
        out.report(schema_use.schema.place(), message);
    }
}

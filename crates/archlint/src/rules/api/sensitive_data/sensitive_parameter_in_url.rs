use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::HashSet;

use crate::base::words::sensitive_name;
use crate::base::Severity;
use crate::openapi::schemas::types;

crate::declare_rule! {
    /// ## What it does
    /// Reports query and path parameters whose names say they carry a
    /// password, PIN, card number, national id, secret, token or API key. A
    /// shared parameter is reported once.
    ///
    /// ## Why is this bad?
    /// URLs are written to access logs, proxy logs, browser history and
    /// `Referer` headers, and stay there long after the request: whatever the
    /// URL carries leaks to everyone who can read those.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /sessions:
    ///     post:
    ///       parameters:
    ///         - {name: email, in: query, schema: {type: string}}
    ///         - {name: password, in: query, schema: {type: string}}
    ///       responses: {'201': {description: Signed in.}}
    /// ```
    ///
    /// Use instead: send the value in the request body (or, for credentials, in
    /// the `Authorization` header through a security scheme):
    /// ```yaml
    /// paths:
    ///   /sessions:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json:
    ///             schema:
    ///               type: object
    ///               properties:
    ///                 email: {type: string}
    ///                 password: {type: string, writeOnly: true}
    ///       responses: {'201': {description: Signed in.}}
    /// ```
    ///
    /// ## How to fix
    /// Move the value to the body or a header.
    ///
    /// Severity: `error` for passwords, card and national id numbers;
    /// `warning` for tokens, secrets and keys.
    pub struct SensitiveParameterInUrl {
        id: "SENS004",
        name: "sensitive-parameter-in-url",
        side: Api,
        area: SensitiveData,
        severity: Error,
        summary: "A query or path parameter carries a secret or personal data.",
        fix: "Send the value in the request body or a header, never in the URL.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    for operation in &context.api.operations {
        for parameter in &operation.parameters {
            if !matches!(parameter.location, "query" | "path") {
                continue;
            }
            let Some(sensitive) = sensitive_name(parameter.name) else {
                continue;
            };
            // `hide_secret=true` is a flag about secrets, not a secret.
            let flag = parameter
                .schema
                .as_ref()
                .and_then(|schema| context.resolve(schema))
                .is_some_and(|schema| {
                    types(&schema)
                        .iter()
                        .any(|t| matches!(*t, "boolean" | "integer" | "number"))
                        // `{api-token}` as a uuid names a token; it is not one.
                        || schema.str("format") == Some("uuid")
                });
            if flag {
                continue;
            }
            if !seen.insert(parameter.at.identity()) {
                continue;
            }
            let severity = if sensitive.is_critical() {
                Severity::Error
            } else {
                Severity::Warning
            };
            let message = format!(
                "{} parameter `{}` of `{}` puts {} in the URL, where logs keep it",
                parameter.location,
                parameter.name,
                operation.label(),
                sensitive.describe()
            );
            out.report(parameter.at.place(), message).severity(severity);
        }
    }
}

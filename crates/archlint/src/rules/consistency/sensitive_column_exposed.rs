use super::linked_properties;
use crate::base::words::{is_protected, name_words, sensitive_name};
use crate::base::Emitter;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a response property whose column holds a credential or
    /// sensitive personal data: passwords and their hashes, secrets, tokens,
    /// API keys, card numbers, national identity numbers. The property's own
    /// name need not say so (`credentials` → `password_hash`); names that do
    /// are already reported by `sensitive-data-in-response` (SENS005).
    ///
    /// ## Why is this bad?
    /// Every client, log and cache on the way sees the value. A leaked password
    /// hash is cracked offline; a leaked token is a session.
    ///
    /// ## Example
    ///
    /// A user as the API returns it:
    /// ```yaml
    /// paths:
    ///   /users/{userId}:
    ///     get:
    ///       parameters:
    ///         - {name: userId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/User'}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    ///         passwordHash: {type: string}
    /// ```
    ///
    /// and the table behind it:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, password_hash text NOT NULL);
    /// ```
    ///
    /// Use instead: leave the property out of response schemas (or mark it
    /// `writeOnly` when clients set it):
    /// ```yaml
    /// paths:
    ///   /users/{userId}:
    ///     get:
    ///       parameters:
    ///         - {name: userId, in: path, required: true, schema: {type: integer}}
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content:
    ///             application/json:
    ///               schema: {$ref: '#/components/schemas/User'}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    /// ```
    ///
    /// ## How to fix
    /// Remove the property from responses; use a separate request schema, or
    /// `writeOnly: true`, for values clients send.
    ///
    /// Severity: `error` — credentials must never be returned.
    pub struct SensitiveColumnExposed {
        id: "CONS007",
        name: "sensitive-column-exposed",
        side: Both,
        area: Consistency,
        severity: Error,
        summary: "A response property returns a column holding credentials or sensitive personal data.",
        fix: "Remove the property from responses, or mark it writeOnly.",
        check_both: check,
    }
}

/// Words of credentials whose hashed form is still never to be returned.
const CREDENTIALS: [&str; 6] = ["password", "passwd", "secret", "token", "pin", "otp"];

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for linked in linked_properties(context) {
        if !linked.is_read() || sensitive_name(linked.property.name).is_some() {
            continue;
        }
        let Some(holds) = holds(&linked.column.name) else {
            continue;
        };
        let message = format!(
            "{} returns {}, which holds {holds}",
            linked.read_label(),
            linked.column_label()
        );
        linked.report(out, message, None);
    }
}

/// What a column holds, when it is sensitive.
fn holds(column: &str) -> Option<&'static str> {
    if let Some(sensitive) = sensitive_name(column) {
        return Some(sensitive.describe());
    }
    let words = name_words(column);
    let credential = words
        .iter()
        .any(|word| CREDENTIALS.contains(&word.as_str()));
    (credential && is_protected(&words)).then_some("a hashed credential")
}

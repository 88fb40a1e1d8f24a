use crate::base::words::{sensitive_name, Sensitive};
use crate::base::{Emitter, Severity};
use crate::graphql::Field;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports fields of output types whose names say they hold a password,
    /// a card number, a national id, or a secret or token, and whose type is
    /// a scalar (a `Boolean` like `hasPassword` is a flag, not the secret;
    /// hashed values are left alone). A token on a type queries cannot read
    /// (the payload of `login`, an event sent to subscribers) is how tokens
    /// are issued, and is not reported; nor are tokens that are identifiers
    /// (typed `ID` or `UUID`, or described as unique), masked values ("last 4
    /// characters"), and deprecated fields.
    ///
    /// ## Why is this bad?
    /// Any client that can select the field can read the secret: it ends up
    /// in responses, logs, caches and browser tools. GraphQL makes it worse:
    /// a field on a shared type is reachable from every query that reaches
    /// the type.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { me: User }
    /// type User { id: ID! email: String! password: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { me: User }
    /// type User { id: ID! email: String! hasPassword: Boolean! }
    /// ```
    ///
    /// ## How to fix
    /// Remove the field from the output type; take secrets only in inputs,
    /// and return tokens only from the mutation that issues them.
    ///
    /// Severity: `error` for passwords, card numbers and national ids that
    /// queries can read; `warning` for secrets and API keys queries can read,
    /// and for passwords only a mutation returns; `info` for tokens queries
    /// can read, which are often minted for the caller on request.
    pub struct SensitiveFieldExposed {
        id: "GQL009",
        name: "graphql-sensitive-field-exposed",
        side: Graphql,
        area: SensitiveData,
        severity: Error,
        summary: "A GraphQL output type exposes a password, card number or secret.",
        fix: "Remove the field from the output type; take secrets only as input.",
        check_graphql: check,
    }
}

/// Descriptions of values that only look like secrets.
const NOT_SECRET: [&str; 9] = [
    "last 4",
    "last four",
    "first 4",
    "masked",
    "redacted",
    "obfuscated",
    "truncated",
    "unique",
    "identifier",
];

/// A value whose name says secret but that is not one: an identifier, a
/// masked value, or a field on its way out.
fn only_looks_secret(field: &Field) -> bool {
    let identifier_type = {
        let upper = field.ty.name.to_ascii_uppercase();
        upper == "ID" || upper.contains("UUID")
    };
    let described = field.defined.description.as_deref().is_some_and(|text| {
        let lower = text.to_ascii_lowercase();
        NOT_SECRET.iter().any(|phrase| lower.contains(phrase))
    });
    identifier_type || described || field.defined.deprecated().is_some()
}

fn is_token(name: &str) -> bool {
    crate::base::words::name_words(name)
        .last()
        .is_some_and(|last| last == "token")
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let queried = graphql.queried_types();
    for ty in schema.output_types() {
        let readable = queried.contains(ty.name());
        for field in &ty.fields {
            if field.ty.name == "Boolean" || !schema.is_leaf(&field.ty.name) {
                continue;
            }
            let Some(sensitive) = sensitive_name(field.name()) else {
                continue;
            };
            if sensitive == Sensitive::Secret && only_looks_secret(field) {
                continue;
            }
            let severity = match (sensitive.is_critical(), readable) {
                (true, true) => Severity::Error,
                (true, false) => Severity::Warning,
                // A token a query reads is often minted for the caller
                // (a short-lived access token): worth a look, not an alarm.
                (false, true) if is_token(field.name()) => Severity::Info,
                (false, true) => Severity::Warning,
                (false, false) => continue,
            };
            let reach = if readable {
                "any query that reaches it can read it"
            } else {
                "a mutation or an event returns it"
            };
            let finding = out.report(
                ty.field_place(field),
                format!(
                    "`{}.{}` holds {}, and {reach}",
                    ty.name(),
                    field.name(),
                    sensitive.describe()
                ),
            );
            if severity != Severity::Error {
                finding.severity(severity);
            }
            if sensitive == Sensitive::Secret && readable {
                finding.help("Return tokens only from the mutation that issues them; never on a type queries read.");
            }
        }
    }
}

use crate::base::Emitter;
use crate::rules::api::has_header;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `deprecated: true` operation that tells clients neither when it
    /// goes away nor what replaces it: no `Sunset` (RFC 8594) or `Deprecation`
    /// (RFC 9745) response header, no `x-sunset` extension, and no description
    /// mentioning a replacement or removal date.
    ///
    /// ## Why is this bad?
    /// Deprecation without a date or a successor is a flag nobody acts on: clients
    /// keep calling the operation until it disappears and breaks them.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /v1/users:
    ///     get:
    ///       deprecated: true
    ///       responses:
    ///         '200': {description: the users}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /v1/users:
    ///     get:
    ///       deprecated: true
    ///       description: Use `GET /v2/users` instead; removed on 2026-06-30.
    ///       responses:
    ///         '200':
    ///           description: the users
    ///           headers:
    ///             Sunset: {description: Removal date (RFC 8594)., schema: {type: string}}
    /// ```
    ///
    /// ## How to fix
    /// Document the `Sunset` and `Deprecation` headers and name the replacement.
    ///
    /// Severity: `info`.
    pub struct DeprecatedWithoutSunset {
        id: "VER005",
        name: "deprecated-without-sunset",
        side: Api,
        area: Versioning,
        severity: Info,
        summary: "A deprecated operation gives no sunset date or replacement.",
        fix: "Document `Sunset`/`Deprecation` response headers (RFC 8594, RFC 9745) and name the replacement in the description.",
        check_api: check,
    }
}

/// Words in a description that tell clients what to do.
const GUIDANCE: [&str; 6] = [
    "instead", "sunset", "replaced", "removed", "use ", "migrate",
];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in context.api.operations.iter().filter(|op| op.deprecated) {
        let headers = operation
            .responses
            .iter()
            .any(|response| has_header(response, &["sunset", "deprecation"]));
        let extension = operation.at.node.get("x-sunset").is_some();
        let described = ["description", "summary"].iter().any(|key| {
            operation.at.str(key).is_some_and(|text| {
                let lower = text.to_ascii_lowercase();
                GUIDANCE.iter().any(|word| lower.contains(word))
            })
        });
        if headers || extension || described {
            continue;
        }
        let message = format!(
            "`{}` is deprecated but gives no sunset date or replacement",
            operation.label()
        );
        let place = operation.at.place_of("deprecated");
        out.report(place, message);
    }
}

use crate::base::words::name_words;
use crate::base::Emitter;
use crate::openapi::{Method, NodeAt};
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a request body that accepts a field the server manages —
    /// `createdAt`, `updated_at`, `deletedAt` and the like on any write, `id` on a
    /// POST — without marking it `readOnly: true`. Looks at the body's own
    /// properties and those of its `allOf` parts; shared properties are reported
    /// once.
    ///
    /// ## Why is this bad?
    /// Either the server ignores the value (and the description lies to clients)
    /// or it stores it: clients can then choose ids, backdate records or forge
    /// audit fields (mass assignment, OWASP API3). `readOnly` tells clients and
    /// generators to leave the field out of requests.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {$ref: '#/components/schemas/User'}}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         id: {type: string, format: uuid}
    ///         email: {type: string, format: email}
    ///         createdAt: {type: string, format: date-time}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     post:
    ///       requestBody:
    ///         content:
    ///           application/json: {schema: {$ref: '#/components/schemas/User'}}
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       properties:
    ///         id: {type: string, format: uuid, readOnly: true}
    ///         email: {type: string, format: email}
    ///         createdAt: {type: string, format: date-time, readOnly: true}
    /// ```
    ///
    /// ## How to fix
    /// Mark server-managed fields `readOnly: true`, or use a separate request
    /// schema without them.
    ///
    /// Severity: `warning`.
    pub struct WritableServerField {
        id: "VAL005",
        name: "writable-server-field",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "A request accepts a server-managed field (id, createdAt ...) not marked readOnly.",
        fix: "Mark the field readOnly: true, or leave it out of the request schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut found = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        if !operation.method.is_write() {
            continue;
        }
        let Some(body) = &operation.request_body else {
            continue;
        };
        let Some(schema) = crate::rules::api::first_schema(context, &body.content) else {
            continue;
        };
        let properties = body_properties(context, &schema);
        // An `id` is the server's only in a resource's own representation —
        // a schema the responses return too, or one carrying timestamps;
        // elsewhere it names another row (the token to invalidate) or a
        // client's idempotent key.
        // A CloudEvent's `id` is its producer's (`specversion` marks one).
        let cloud_event = properties.iter().any(|(name, _)| *name == "specversion");
        let representation = !cloud_event
            && (returned_by_responses(context, &schema)
                || properties
                    .iter()
                    .any(|(name, _)| is_server_managed(name, false)));
        for (name, property) in properties {
            let resolved = context.resolve_or_self(&property);
            let creating = operation.method == Method::Post && representation;
            if resolved.bool("readOnly") == Some(true)
                || !is_server_managed(name, creating)
                || described_as_input(&resolved)
                || described_as_input(&property)
            {
                continue;
            }
            found.add(property.identity(), index, || (name, property.clone()));
        }
    }
    for ((name, property), operations) in found.into_entries() {
        let message = format!(
            "server-managed `{name}` is writable in the request body of {} (not readOnly)",
            context.api.describe_operations(&operations)
        );
        out.report(property.place(), message);
    }
}

/// Whether a response returns this very schema.
fn returned_by_responses<'a>(context: &ApiContext<'a>, schema: &NodeAt<'a>) -> bool {
    let identity = context.resolve_or_self(schema).identity();
    context
        .response_schemas()
        .iter()
        .any(|used| used.schema.identity() == identity)
}

/// The body's properties and those of its `allOf` parts.
fn body_properties<'a>(
    context: &ApiContext<'a>,
    schema: &NodeAt<'a>,
) -> Vec<(&'a str, NodeAt<'a>)> {
    let mut parts = vec![schema.clone()];
    if let Some(all_of) = schema.get("allOf") {
        parts.extend(all_of.items().filter_map(|part| context.resolve(&part)));
    }
    parts
        .iter()
        .filter_map(|part| part.get("properties"))
        .flat_map(|properties| properties.entries().collect::<Vec<_>>())
        .collect()
}

/// Audit timestamps always; `id` when creating.
fn is_server_managed(name: &str, creating: bool) -> bool {
    let words = name_words(name);
    let audit = matches!(
        words.as_slice(),
        [first, last] if ["created", "updated", "modified", "deleted"].contains(&first.as_str())
            && ["at", "on", "time", "date"].contains(&last.as_str())
    );
    audit || (creating && name == "id")
}

/// What descriptions say of a value the client may set on purpose: a
/// producer's event id, a timestamp override for backfills.
const CLIENT_SET: [&str; 10] = [
    "override",
    "supplied by",
    "provided by",
    "set by the client",
    "client-provided",
    "deduplicat",
    "idempoten",
    "if not provided",
    "defaults to",
    "to set the",
];

/// Whether the property's description says clients set it on purpose.
fn described_as_input(schema: &NodeAt<'_>) -> bool {
    schema.str("description").is_some_and(|text| {
        let lower = text.to_ascii_lowercase();
        CLIENT_SET.iter().any(|phrase| lower.contains(phrase))
    })
}

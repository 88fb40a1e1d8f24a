use crate::base::Emitter;
use crate::openapi::{MediaType, NodeAt};
use crate::rules::ApiContext;
use std::collections::HashMap;

crate::declare_rule! {
    /// ## What it does
    /// Reports error responses (4xx, 5xx, `default`) that do not share the API's
    /// error format:
    ///
    /// - when the API uses `application/problem+json` (RFC 9457) for most of
    ///   its errors, each error response with a JSON body of another media
    ///   type; when it uses it for a few, one finding for those few;
    /// - otherwise, each error schema whose properties are neither a subset nor a
    ///   superset of the most common error envelope (so `{message, errors}`
    ///   extending `{message}` is fine; `{error_code}` beside `{message}` is not).
    ///
    /// An error status whose body is the operation's success schema mirrors a
    /// result in the status (`403 {allowed: false}` of a permission check) and
    /// is left out.
    ///
    /// A shared response or schema is reported once, with how many operations use it.
    ///
    /// ## Why is this bad?
    /// Clients write one error handler. When every operation fails in its own
    /// shape, that handler misses fields, shows raw JSON to users, or crashes.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     put:
    ///       responses:
    ///         '200': {description: the updated order}
    ///         '404':
    ///           description: no such order
    ///           content:
    ///             application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
    ///         '409':
    ///           description: the order has shipped
    ///           content:
    ///             application/json: {schema: {properties: {error: {type: string}}}}
    /// components:
    ///   schemas:
    ///     Problem:
    ///       type: object
    ///       properties: {title: {type: string}, detail: {type: string}}
    /// ```
    ///
    /// Use instead: `application/problem+json` with the `Problem` schema for every error:
    /// ```yaml
    /// paths:
    ///   /orders/{id}:
    ///     put:
    ///       responses:
    ///         '200': {description: the updated order}
    ///         '404':
    ///           description: no such order
    ///           content:
    ///             application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
    ///         '409':
    ///           description: the order has shipped
    ///           content:
    ///             application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
    /// components:
    ///   schemas:
    ///     Problem:
    ///       type: object
    ///       properties: {title: {type: string}, detail: {type: string}}
    /// ```
    ///
    /// ## How to fix
    /// Define one error schema (RFC 9457 problem details) and shared error
    /// responses in `components/responses`; reference them everywhere.
    ///
    /// Severity: `warning`.
    pub struct InconsistentErrorFormat {
        id: "ERR003",
        name: "inconsistent-error-format",
        side: Api,
        area: Errors,
        severity: Warning,
        summary: "An error response does not use the API's common error format.",
        fix: "Use one error format for every error: application/problem+json (RFC 9457) with a shared schema.",
        check_api: check,
    }
}

/// One error response body: its media type and the operations that return it.
struct ErrorBody<'c, 'a> {
    media: &'c MediaType<'a>,
    first_operation: usize,
    operations: usize,
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let bodies = error_bodies(context);
    let uses = |problem: bool| -> usize {
        bodies
            .iter()
            .filter(|body| is_problem(body.media.name) == problem)
            .map(|body| body.operations)
            .sum()
    };
    let (problem_uses, other_uses) = (uses(true), uses(false));
    let problem = bodies
        .iter()
        .find(|body| is_problem(body.media.name))
        .map(|body| body.media.at.place());
    match problem {
        // problem+json for a few errors among many plain ones: one finding
        // for the habit, and the plain ones compared with each other.
        Some(problem) if problem_uses < other_uses => {
            let (responses, verb) = match problem_uses {
                1 => ("error response", "uses"),
                _ => ("error responses", "use"),
            };
            let message = format!(
                "{problem_uses} {responses} {verb} `application/problem+json` while {other_uses} use other JSON bodies: clients need two error parsers"
            );
            let minority = bodies
                .iter()
                .filter(|body| is_problem(body.media.name))
                .count();
            out.report(problem, message).extent(minority);
            let plain: Vec<ErrorBody<'_, '_>> = bodies
                .into_iter()
                .filter(|body| !is_problem(body.media.name))
                .collect();
            check_envelopes(context, &plain, out);
        }
        Some(problem) => {
            for body in bodies.iter().filter(|body| !is_problem(body.media.name)) {
                let message = format!(
                    "error body `{}` of {} differs from the `application/problem+json` the API uses elsewhere",
                    body.media.name,
                    context.api.describe_usage(body.first_operation, body.operations)
                );
                out.report(body.media.at.place(), message)
                    .related(problem.clone(), "problem+json used here");
            }
        }
        None => check_envelopes(context, &bodies, out),
    }
}

/// JSON error bodies, once per media-type node (shared responses once).
fn error_bodies<'c, 'a>(context: &'c ApiContext<'a>) -> Vec<ErrorBody<'c, 'a>> {
    let mut bodies: Vec<ErrorBody<'c, 'a>> = Vec::new();
    let mut index_of: HashMap<usize, usize> = HashMap::new();
    for (operation_index, operation) in context.api.operations.iter().enumerate() {
        let errors = operation.responses.iter().filter(|response| {
            response.status == "default" || matches!(response.class(), Some(4 | 5))
        });
        // A status that mirrors the result (`403 {allowed: false}` beside
        // `200 {allowed: true}`) answers with the success body: no error.
        let success_schemas: Vec<usize> = operation
            .responses
            .iter()
            .filter(|response| response.is_success())
            .flat_map(|response| response.content.iter())
            .filter_map(|media| media.schema.as_ref())
            .map(|schema| context.resolve_or_self(schema).identity())
            .collect();
        for media in errors.flat_map(|response| response.content.iter()) {
            let mirrors_success = media.schema.as_ref().is_some_and(|schema| {
                success_schemas.contains(&context.resolve_or_self(schema).identity())
            });
            if !media.name.contains("json") || mirrors_success {
                continue;
            }
            match index_of.get(&media.at.identity()) {
                Some(&index) => {
                    if let Some(body) = bodies.get_mut(index) {
                        body.operations += 1;
                    }
                }
                None => {
                    index_of.insert(media.at.identity(), bodies.len());
                    bodies.push(ErrorBody {
                        media,
                        first_operation: operation_index,
                        operations: 1,
                    });
                }
            }
        }
    }
    bodies
}

fn is_problem(media: &str) -> bool {
    media.contains("problem+json")
}

/// Without problem+json: compare each error schema with the most common one.
fn check_envelopes<'a>(context: &ApiContext<'a>, bodies: &[ErrorBody<'_, 'a>], out: &mut Emitter) {
    // Schema identity → (schema, property names, operations, first operation).
    let mut schemas: Vec<(NodeAt<'a>, Vec<&'a str>, usize, usize)> = Vec::new();
    for body in bodies {
        let Some(schema) = body.media.schema.as_ref().and_then(|s| context.resolve(s)) else {
            continue;
        };
        let names = property_names(context, &schema);
        if names.is_empty() {
            continue;
        }
        match schemas
            .iter_mut()
            .find(|seen| seen.0.identity() == schema.identity())
        {
            Some(seen) => seen.2 += body.operations,
            None => schemas.push((schema, names, body.operations, body.first_operation)),
        }
    }
    // The most used schema; on a tie, the first seen.
    let Some(envelope) = schemas.iter().rev().max_by_key(|seen| seen.2) else {
        return;
    };
    for (schema, names, operations, first) in &schemas {
        let subset = names.iter().all(|name| envelope.1.contains(name));
        let superset = envelope.1.iter().all(|name| names.contains(name));
        if subset || superset {
            continue;
        }
        let message = format!(
            "error schema {{{}}} of {} differs from the API's usual error envelope {{{}}}",
            names.join(", "),
            context.api.describe_usage(*first, *operations),
            envelope.1.join(", ")
        );
        out.report(schema.place(), message)
            .related(envelope.0.place(), "the usual error envelope");
    }
}

/// The schema's property names, including those of its `allOf` parts.
fn property_names<'a>(context: &ApiContext<'a>, schema: &NodeAt<'a>) -> Vec<&'a str> {
    let mut names: Vec<&'a str> = own_properties(schema);
    if let Some(parts) = schema.get("allOf") {
        for part in parts.items() {
            if let Some(part) = context.resolve(&part) {
                names.extend(own_properties(&part));
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

fn own_properties<'a>(schema: &NodeAt<'a>) -> Vec<&'a str> {
    schema
        .node
        .get("properties")
        .map(|properties| {
            properties
                .members()
                .iter()
                .map(|member| member.key.as_str())
                .collect()
        })
        .unwrap_or_default()
}

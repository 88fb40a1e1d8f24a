use crate::base::words::{name_words, COLLECTION_WRAPPERS};
use crate::base::{Emitter, Severity};
use crate::openapi::schemas::{is_array, types};
use crate::openapi::{NodeAt, Operation, Parameter};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `GET` operation whose successful response is a collection — an
    /// array, or an object wrapping one in `data`, `items`, `results` and the like
    /// — when the operation has no parameter that bounds the page (`limit`,
    /// `per_page`, `page_size`, `first`, `cursor` ...). When such a parameter
    /// exists but its schema has no `maximum`, the parameter is reported instead.
    ///
    /// ## Why is this bad?
    /// Collections grow. Without a page limit, one request eventually returns
    /// every row: slow responses, memory exhaustion on the server and the client,
    /// and an easy denial-of-service (OWASP API4: unrestricted resource
    /// consumption). Adding pagination later is a breaking change.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The users.
    ///           content:
    ///             application/json:
    ///               schema: {type: array, items: {$ref: '#/components/schemas/User'}}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users:
    ///     get:
    ///       parameters:
    ///         - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
    ///         - {name: cursor, in: query, schema: {type: string, maxLength: 200}}
    ///       responses:
    ///         '200':
    ///           description: A page of users.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 type: object
    ///                 properties:
    ///                   items: {type: array, maxItems: 100, items: {$ref: '#/components/schemas/User'}}
    ///                   next_cursor: {type: string}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    /// ```
    ///
    /// ## How to fix
    /// Add a page-size parameter with a `maximum` (and a cursor), or bound the
    /// array with `maxItems` when the collection is small by nature.
    ///
    /// Severity: `warning` — a design gap that becomes an outage as data grows;
    /// `info` for a page size without a documented maximum, which most servers
    /// cap in code (the gap is then in the description).
    pub struct UnboundedCollection {
        id: "PAGE001",
        name: "unbounded-collection",
        side: Api,
        area: Pagination,
        severity: Warning,
        summary: "A collection GET returns an array with no page limit.",
        fix: "Add a page-size parameter with a maximum (for example `limit`, maximum 100) and a cursor, or bound the array with maxItems.",
        check_api: check,
    }
}

/// Query parameters that bound the size of a page.
const PAGE_SIZE: [&str; 11] = [
    "limit",
    "perpage",
    "pagesize",
    "size",
    "first",
    "last",
    "top",
    "$top",
    "max",
    "maxresults",
    "count",
];
/// Collections of reference data, bounded by what exists: currencies,
/// countries, roles, scopes, settings.
const REFERENCE_DATA: [&str; 22] = [
    "currencies",
    "countries",
    "languages",
    "locales",
    "timezones",
    "regions",
    "roles",
    "permissions",
    "scopes",
    "types",
    "kinds",
    "categories",
    "capabilities",
    "features",
    "settings",
    "config",
    "configuration",
    "info",
    "metadata",
    "versions",
    "health",
    "status",
];

/// Last words of paths that answer a query with aggregated rows, bounded by
/// the query's window rather than by a page: `/meters/{id}/query`,
/// `/v2/metrics`, `/usage`.
const AGGREGATES: [&str; 9] = [
    "query",
    "metrics",
    "stats",
    "statistics",
    "summary",
    "usage",
    "aggregate",
    "histogram",
    "timeseries",
];

/// Whether the path serves reference data or aggregates (its last literal
/// segment).
fn is_reference_data(path: &str) -> bool {
    path.split('/')
        .rev()
        .find(|segment| !segment.is_empty() && !segment.starts_with('{'))
        .is_some_and(|segment| {
            name_words(segment).last().is_some_and(|word| {
                REFERENCE_DATA.contains(&word.as_str()) || AGGREGATES.contains(&word.as_str())
            })
        })
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // Page-size parameters are usually shared components: one finding per
    // parameter schema, naming how many operations use it.
    let mut unbounded_sizes: Vec<UnboundedSize<'_>> = Vec::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        if !operation.method.is_read() {
            continue;
        }
        let Some(collection) = collection_response(context, operation) else {
            continue;
        };
        let size_parameter = operation.parameters.iter().find(|parameter| {
            parameter.location == "query"
                && PAGE_SIZE.contains(&super::normalized(parameter.name).as_str())
        });
        match size_parameter {
            Some(parameter) => note_unbounded_size(context, index, parameter, &mut unbounded_sizes),
            None if is_reference_data(operation.path) => {}
            None if body_pages(context, operation) => {}
            None => {
                let pages = operation.parameters.iter().any(|parameter| {
                    super::style(parameter.name).is_some() || describes_page(parameter)
                });
                let message = if pages {
                    format!(
                        "`{}` pages through a collection but the client cannot bound the page size",
                        operation.label()
                    )
                } else {
                    format!(
                        "`{}` returns a collection with no page limit",
                        operation.label()
                    )
                };
                // A page of fixed size is bounded.
                let severity = if pages {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                out.report(collection.place(), message).severity(severity);
            }
        }
    }
    for size in unbounded_sizes {
        let message = format!(
            "page-size parameter `{}` has no documented maximum: clients cannot know the largest page, and unless the server caps it, a client can ask for every row (used by {})",
            size.name,
            context.api.describe_operations(&size.operations)
        );
        let help = "Give the page-size parameter a `maximum` (for example 100) and a `default`.";
        // Most servers cap the page size; the gap is in the description.
        out.report(size.at.place(), message)
            .help(help)
            .severity(Severity::Info);
    }
}

/// A QUERY (OpenAPI 3.2) that takes its page size or cursor in the body.
fn body_pages<'a>(context: &ApiContext<'a>, operation: &crate::openapi::Operation<'a>) -> bool {
    let Some(body) = &operation.request_body else {
        return false;
    };
    body.content
        .iter()
        .filter_map(|media| media.schema.as_ref())
        .map(|schema| context.resolve_or_self(schema))
        .filter_map(|schema| schema.get("properties"))
        .any(|properties| {
            properties.entries().any(|(name, _)| {
                PAGE_SIZE.contains(&super::normalized(name).as_str())
                    || super::style(name).is_some()
            })
        })
}

struct UnboundedSize<'a> {
    at: NodeAt<'a>,
    name: &'a str,
    operations: Vec<usize>,
}

fn note_unbounded_size<'a>(
    context: &ApiContext<'a>,
    operation: usize,
    parameter: &Parameter<'a>,
    sizes: &mut Vec<UnboundedSize<'a>>,
) {
    let schema = parameter
        .schema
        .as_ref()
        .map(|schema| context.resolve_or_self(schema));
    let bounded = schema.as_ref().is_some_and(|schema| {
        ["maximum", "exclusiveMaximum", "enum", "const"]
            .iter()
            .any(|key| schema.node.get(key).is_some())
    });
    if bounded {
        return;
    }
    let at = schema.unwrap_or_else(|| parameter.at.clone());
    match sizes
        .iter_mut()
        .find(|size| size.at.identity() == at.identity())
    {
        Some(size) => size.operations.push(operation),
        None => sizes.push(UnboundedSize {
            at,
            name: parameter.name,
            operations: vec![operation],
        }),
    }
}

/// The success response whose body is a collection, if any (its key location).
fn collection_response<'a>(
    context: &ApiContext<'a>,
    operation: &Operation<'a>,
) -> Option<NodeAt<'a>> {
    operation
        .responses
        .iter()
        .filter(|response| response.is_success())
        .find_map(|response| {
            let is_collection = response.content.iter().any(|media| {
                media
                    .schema
                    .as_ref()
                    .and_then(|schema| context.resolve(schema))
                    .is_some_and(|schema| unbounded_array(&schema) || wraps_array(context, &schema))
            });
            is_collection.then(|| response.key_at.clone())
        })
}

/// A query parameter that its description calls a page number (`p`: "The
/// page number").
fn describes_page(parameter: &Parameter<'_>) -> bool {
    parameter.location == "query"
        && parameter
            .at
            .str("description")
            .is_some_and(|text| text.to_ascii_lowercase().contains("page number"))
}

fn unbounded_array(schema: &NodeAt<'_>) -> bool {
    is_array(schema) && schema.node.get("maxItems").is_none()
}

fn wraps_array<'a>(context: &ApiContext<'a>, schema: &NodeAt<'a>) -> bool {
    if !types(schema).is_empty() && !types(schema).contains(&"object") {
        return false;
    }
    let Some(properties) = schema.get("properties") else {
        return false;
    };
    let wrapped = properties.entries().any(|(name, property)| {
        COLLECTION_WRAPPERS.contains(&name.to_ascii_lowercase().as_str())
            && context
                .resolve(&property)
                .is_some_and(|property| unbounded_array(&property))
    });
    wrapped
}

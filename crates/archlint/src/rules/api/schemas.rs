//! Schemas as the API rules look at them.

use std::collections::HashSet;

use crate::openapi::{MediaType, NodeAt, SchemaUse};
use crate::rules::ApiContext;

/// Every schema node requests or responses reach, once each.
pub(crate) fn all_schemas<'c, 'a>(context: &'c ApiContext<'a>) -> Vec<&'c SchemaUse<'a>> {
    let mut seen = HashSet::new();
    context
        .request_schemas()
        .iter()
        .chain(context.response_schemas())
        .filter(|schema_use| seen.insert(schema_use.schema.identity()))
        .collect()
}

/// The schema of the first media type of a body, after `$ref` resolution.
pub(crate) fn first_schema<'a>(
    context: &ApiContext<'a>,
    content: &[MediaType<'a>],
) -> Option<NodeAt<'a>> {
    content
        .iter()
        .find_map(|media| media.schema.as_ref())
        .and_then(|schema| context.resolve(schema))
}

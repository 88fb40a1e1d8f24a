//! Values that pick a row rather than write one. An update body often
//! repeats the key its path names (`PUT /flags/{flagKey}` with `flagKey` in
//! the body, as grpc-gateway copies path parameters into the body message):
//! the server uses it in `WHERE`, not in `SET`, so it is neither written nor
//! "dropped".

use crate::link::{column_key, Entity, ParameterKind, Property};
use crate::rules::ConsistencyContext;

/// Whether the property picks the row in operation `operation`: it is named
/// like one of its path parameters, or stored in the column a path
/// parameter looks rows up by.
pub(crate) fn is_selector(
    context: &ConsistencyContext<'_, '_>,
    operation: usize,
    property: &Property<'_>,
) -> bool {
    let Some(found) = context.operation(operation) else {
        return false;
    };
    let key = column_key(property.name);
    let named = found
        .parameters
        .iter()
        .filter(|parameter| parameter.location == "path")
        .any(|parameter| column_key(parameter.name) == key);
    let looked_up = property.column.is_some_and(|(column, _)| {
        context.links.parameters.iter().any(|link| {
            link.operation == operation
                && link.kind == ParameterKind::Lookup
                && std::ptr::eq(link.column, column)
        })
    });
    named || looked_up
}

/// Whether the property picks the row in every request that sends it.
pub(crate) fn selects_everywhere(
    context: &ConsistencyContext<'_, '_>,
    entity: &Entity<'_>,
    property: &Property<'_>,
) -> bool {
    let mut requests = entity
        .uses
        .iter()
        .filter(|usage| usage.request && usage.body)
        .peekable();
    requests.peek().is_some()
        && requests.all(|usage| is_selector(context, usage.operation, property))
}

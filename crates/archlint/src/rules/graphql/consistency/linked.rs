//! What the consistency rules share: the types and fields linked to the
//! database.

use crate::link::{LinkedField, LinkedType};
use crate::rules::GraphqlContext;

/// Every field that reads a column, with its type.
pub(super) fn linked_fields<'c, 'a>(
    graphql: &'c GraphqlContext<'a>,
) -> impl Iterator<Item = (&'c LinkedType<'a>, &'c LinkedField<'a>)> {
    linked_types(graphql).flat_map(|linked| linked.fields.iter().map(move |field| (linked, field)))
}

/// The object types served from a table.
pub(super) fn linked_types<'c, 'a>(
    graphql: &'c GraphqlContext<'a>,
) -> impl Iterator<Item = &'c LinkedType<'a>> {
    graphql
        .database
        .iter()
        .flat_map(|database| database.links.types.iter())
}

/// `users.email`, as findings name a column.
pub(super) fn column_label(linked: &LinkedType<'_>, field: &LinkedField<'_>) -> String {
    linked.table.object(&field.column.name)
}

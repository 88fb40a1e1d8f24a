//! What the shape of a GraphQL field says: whether it pages, whether it
//! returns entities, whether a type is a Relay connection.

use crate::graphql::{Field, Graphql, TypeDef, TypeKind};
use crate::rules::GraphqlContext;

/// Arguments that bound how many items a list returns.
pub(crate) const PAGE_SIZE_ARGUMENTS: [&str; 10] = [
    "first",
    "last",
    "limit",
    "take",
    "pageSize",
    "perPage",
    "per_page",
    "page_size",
    "top",
    "count",
];

/// Whether the field takes an argument that bounds its size.
pub(crate) fn takes_page_size(field: &Field) -> bool {
    field
        .arguments
        .iter()
        .any(|argument| PAGE_SIZE_ARGUMENTS.contains(&argument.name()))
}

/// A Relay connection: named `…Connection` with `edges`, `nodes` or
/// `pageInfo` (a `RabbitMQConnection` of host and port is not one), or with
/// `edges` and `pageInfo`.
pub(crate) fn is_connection(ty: &TypeDef) -> bool {
    let has = |name: &str| ty.field(name).is_some();
    let paged = has("edges") || has("nodes") || has("pageInfo");
    ty.kind == TypeKind::Object
        && ((ty.name().ends_with("Connection") && paged) || (has("edges") && has("pageInfo")))
}

/// An entity: an object or interface with an `id`, something stored and
/// counted, or a union of them.
pub(crate) fn is_entity(schema: &Graphql, name: &str) -> bool {
    match schema.get(name) {
        Some(ty) if matches!(ty.kind, TypeKind::Object | TypeKind::Interface) => {
            ty.field("id").is_some()
        }
        Some(ty) if ty.kind == TypeKind::Union => ty.members.iter().any(|member| {
            schema
                .get(member)
                .is_some_and(|member| member.field("id").is_some())
        }),
        _ => false,
    }
}

/// A list of entities with nothing that bounds it: no page-size argument,
/// and no required list argument (`nodes(ids: [ID!]!)` returns at most as
/// many items as it is given).
pub(crate) fn is_unbounded_list(schema: &Graphql, field: &Field) -> bool {
    field.ty.is_list()
        && is_entity(schema, &field.ty.name)
        && !takes_page_size(field)
        && !field
            .arguments
            .iter()
            .any(|argument| argument.ty.is_list() && argument.ty.non_null)
}

/// The plumbing of pagination: a connection, or one of its edges.
pub(crate) fn is_pagination_plumbing(ty: &TypeDef) -> bool {
    is_connection(ty)
        || ty.name().ends_with("Edge")
        || (ty.field("node").is_some() && ty.field("cursor").is_some())
}

/// The field as its interface declares it: a finding about a field an
/// interface declares is made once, on the interface.
pub(crate) fn declared_by_interface(schema: &Graphql, ty: &TypeDef, field: &Field) -> bool {
    ty.interfaces.iter().any(|interface| {
        schema
            .get(interface)
            .is_some_and(|interface| interface.field(field.name()).is_some())
    })
}

/// The fields queries read, with their type: fields of the types a query
/// reaches (events pushed to subscribers are not read page by page),
/// except the plumbing of connections (paged by the field that returns
/// them). What only mutations return is what a change made, not a read;
/// a deprecated field is on its way out, and not worth changing.
pub(crate) fn read_fields<'s>(
    graphql: &'s GraphqlContext<'s>,
) -> impl Iterator<Item = (&'s TypeDef, &'s Field)> {
    let schema = graphql.schema;
    let queried = graphql.queried_types();
    schema
        .output_types()
        .filter(move |ty| queried.contains(ty.name()) && !is_pagination_plumbing(ty))
        .flat_map(|ty| ty.fields.iter().map(move |field| (ty, field)))
        .filter(|(_, field)| field.defined.deprecated().is_none())
}

/// A namespace of mutations, the type a mutation field returns when its
/// fields are the mutations: `attackPatternEdit(id): AttackPatternEditMutations`
/// with `delete`, `fieldPatch(input)`… Named `…Mutations`, or with two
/// fields or more that all take arguments.
pub(crate) fn mutation_namespace<'s>(schema: &'s Graphql, field: &Field) -> Option<&'s TypeDef> {
    let ty = schema
        .get(&field.ty.name)
        .filter(|ty| ty.kind == TypeKind::Object && !field.ty.is_list())?;
    let named = ty.name().ends_with("Mutations") || ty.name().ends_with("Mutation");
    let all_take_arguments =
        ty.fields.len() > 1 && ty.fields.iter().all(|field| !field.arguments.is_empty());
    (!ty.fields.is_empty() && (named || all_take_arguments)).then_some(ty)
}

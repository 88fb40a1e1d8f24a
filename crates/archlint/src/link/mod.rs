//! Linking an OpenAPI description (`linker`) or a GraphQL schema (`graphql`)
//! to the database behind it: which schema is
//! stored in which table, which property in which column, which parameters
//! look rows up by which columns (`linker`, with the naming conventions of
//! `names`), what the columns allow (`columns`), and the links as the report
//! shows them (`mapping`). It knows no rule: the consistency rules read the
//! links it makes.

mod columns;
mod graphql;
mod linker;
mod mapping;
mod names;

pub use columns::{
    allowed_values, assigned_by_database, is_sequence, is_sequential_key, length_bound, ColumnKind,
};
pub use graphql::{
    link_graphql, GraphqlLinks, LinkedField, LinkedType, UnknownTarget, LINK_DIRECTIVE,
};
pub use linker::{
    enum_strings, link, Elsewhere, Entity, Links, ParameterKind, ParameterLink, Property, Use, Via,
    COLUMN_EXTENSION,
};
pub use mapping::{
    graphql_mapping, mapping, Mapping, ParameterMapping, PropertyMapping, SchemaMapping,
    Suggestion, Unmapped,
};
pub use names::column_key;

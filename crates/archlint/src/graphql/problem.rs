//! What reading a GraphQL schema can find wrong, in the parser's own terms;
//! the rules decide which finding each kind becomes.

use crate::base::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphqlProblemKind {
    /// Not valid SDL, nested too deep, or not UTF-8.
    Syntax,
    /// A type defined twice, or a field, argument or value twice in one.
    DuplicateDefinition,
    /// A field, argument or union member names a type the schema lacks.
    UnknownType,
    /// A file that holds operations, not a schema, or no definition at all.
    NotASchema,
    /// The same, for a file met in a folder: reported as `info`.
    NotReviewed,
}

pub type GraphqlProblem = Problem<GraphqlProblemKind>;

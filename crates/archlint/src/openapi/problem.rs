//! What loading and modelling a description can find wrong, in this floor's
//! own terms: the rules turn each kind into a finding (`rules/structure/`).

use crate::base::diagnostic::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenApiProblemKind {
    /// A file that cannot be read or parsed as YAML or JSON.
    Parse,
    /// Text read leniently, as other readers do, although its syntax is invalid.
    LenientParse,
    /// A document that is not a Swagger 2.0 or OpenAPI 3.0–3.2 description.
    UnsupportedDocument,
    /// A file met in a reviewed folder that is not a description (nor a file
    /// a description references): left out, and said so.
    NotReviewed,
    /// A node of the wrong type or shape for its place in the description.
    InvalidStructure,
    /// A `$ref` whose target does not exist.
    UnresolvedRef,
    /// A `$ref` to a URL or outside the root document's folder (not followed).
    ExternalRef,
    /// A `$ref` that only leads to itself.
    RefCycle,
    /// A key repeated in one mapping.
    DuplicateKey,
}

pub type OpenApiProblem = Problem<OpenApiProblemKind>;

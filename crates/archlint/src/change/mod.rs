//! What changed between two versions of an API description: operations paired
//! across the versions (`operations`), and the differences of the schemas,
//! parameters, bodies, responses and security of each pair (`compare`), each
//! classified as breaking or not for the side that reads it; and the same
//! for two versions of a GraphQL schema (`graphql`). The compatibility rules
//! report them; `archlint diff` runs them.

pub mod compare;
pub mod graphql;
pub mod operations;
pub mod schemas;
pub mod sunset;
pub mod versions;

pub use compare::{compare_apis, Change, ChangeKind, Side};
pub use graphql::{compare_graphql, GraphqlChange, GraphqlChangeKind};
pub use operations::{pair_operations, OperationPairs};
pub use schemas::{Delta, DeltaKind};

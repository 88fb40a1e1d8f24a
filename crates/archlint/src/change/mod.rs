//! What changed between two versions of an API description: operations paired
//! across the versions (`operations`), and the differences of the schemas,
//! parameters, bodies, responses and security of each pair (`compare`), each
//! classified as breaking or not for the side that reads it. The
//! compatibility rules report them; `archlint diff` runs them.

pub mod compare;
pub mod operations;
pub mod schemas;
pub mod sunset;
pub mod versions;

pub use compare::{compare_apis, Change, ChangeKind, Side};
pub use operations::{pair_operations, OperationPairs};
pub use schemas::{Delta, DeltaKind};

//! The ground floor: what every other floor uses and nothing above it.
//!
//! Source files and their line index (`source`), the loader trait that is the
//! core's only door to files (`loader`), calendar days (`date`), the caps of
//! a review (`limits`), path globs, data parallelism that
//! degrades to a loop on WASM, JavaScript regular expressions, the words of identifiers, and the vocabulary of
//! findings (`diagnostic`: severities, areas, rule metadata, places, problems,
//! diagnostics and the emitter rules report through).

pub mod date;
pub mod diagnostic;
pub(crate) mod glob;
pub mod limits;
pub mod loader;
pub(crate) mod parallel;
pub(crate) mod regex;
pub mod source;
pub(crate) mod words;

pub use diagnostic::{
    locate, Area, Diagnostic, Emitter, Location, Place, Problem, RuleMeta, Severity, Side,
};

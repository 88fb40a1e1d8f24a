//! Spectral rulesets, run natively: the rules a team already wrote for
//! Spectral run beside archlint's own, with Spectral's names, severities,
//! messages and places.

mod casing;
mod functions;
mod json;
mod message;
mod model;
mod oas;
mod read;
mod run;
mod schema;
mod view;

pub use model::{Ruleset, RulesetProblem, SpectralRule};
pub use oas::COVERED as OAS_COVERED;
pub use read::{load, LoadedRuleset};
pub use run::{run, RulesetHit};

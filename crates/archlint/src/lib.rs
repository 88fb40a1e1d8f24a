//! archlint reviews backend designs — OpenAPI descriptions (and, in later
//! releases, SQL schemas) — the way a senior backend architect would, and says
//! precisely what to fix and where.
//!
//! The core does no I/O of its own: files come through a [`Loader`], so the same
//! code runs in the CLI, in Python and in the browser.
//!
//! ```
//! use archlint::{review_text, Config};
//! let report = review_text("api.yaml", "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n", &Config::default());
//! assert!(report.findings.iter().all(|f| f.area != archlint::Area::Structure));
//! ```

pub mod config;
pub mod consistency;
pub mod diagnostic;
pub mod docs;
mod engine;
mod glob;
pub mod loader;
pub mod model;
pub mod openapi;
mod parallel;
pub mod report;
pub mod rules;
pub mod source;
pub mod sql;
pub mod tree;

pub use config::{Config, ConfigError, Level, VersioningPolicy};
pub use engine::{
    describe_schema, review, review_text, review_with_progress, sql_coverage, CoverageRow,
    InputError,
};
pub use loader::{FsLoader, Loader, MemoryLoader};
pub use report::{Area, Finding, Location, Related, Report, Severity, Summary};
pub use rules::{Rule, RuleMeta, RULES};
pub use sql::Dialect;

//! archlint reviews backend designs — OpenAPI descriptions and the SQL schemas
//! and migrations of the database behind them — the way a senior backend
//! architect would, and says precisely what to fix and where.
//!
//! The core does no I/O of its own: files come through a [`Loader`], so the same
//! code runs in the CLI, in Python and in the browser. Every front door builds
//! one [`ReviewRequest`] and gets one [`Report`].
//!
//! ```
//! use archlint::{review, Config, MemoryLoader, ReviewRequest};
//! let mut request = ReviewRequest::new(Config::default());
//! request
//!     .openapi_text("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n")
//!     .sql_texts(["CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);"]);
//! let report = review(&request, &MemoryLoader::new()).unwrap();
//! assert!(report.findings.iter().all(|f| f.area != archlint::Area::Structure));
//! assert_eq!(report.summary.dialects, ["postgres"]);
//! ```
//!
//! # Layout: folders are floors
//! Each floor names only the floors below it (a test, `tests/layers.rs`,
//! enforces it):
//!
//! 1. `base` — source files and line index, the loader trait, globs, parallel
//!    helpers, the words of names, and the vocabulary of findings (severities,
//!    areas, rule metadata, places, problems, diagnostics, the emitter),
//!    and JavaScript regular expressions;
//! 2. `tree` — the spanned JSON/YAML tree, and JSONPath queries over it;
//! 3. `openapi`, `sql` and `graphql` — the parsers: loading and modelling a description,
//!    lexing, splitting and parsing SQL; each reports its own problem kinds;
//! 4. `config`, `schema` and `spectral` — the settings, the database model
//!    built by applying a SQL history, and Spectral rulesets (read and run
//!    over a description);
//! 5. `link` and `change` — linking a description to the schema, and what
//!    changed between two versions of a description;
//! 6. `rules` — the registry, the contexts rules read, and the rules;
//! 7. `report` — findings, scores and their renderings;
//! 8. `engine` — running a review.

mod base;
pub mod change;
pub mod config;
mod engine;
pub mod graphql;
pub mod link;
pub mod openapi;
pub mod report;
pub mod rules;
pub mod schema;
pub mod spectral;
pub mod sql;
pub mod tree;

pub use base::{diagnostic, loader, source};
pub use config::{Config, ConfigError, Level, VersioningPolicy};
pub use engine::{
    changed_scope, describe_schema, diff, map, review, review_since, review_text,
    review_with_progress, sql_coverage, sql_text_name, CoverageRow, ReviewError, ReviewRequest,
    GRAPHQL_TEXT, OPENAPI_TEXT, STDIN,
};
pub use loader::{FsLoader, Loader, MemoryLoader};
pub use report::{Area, Finding, Location, Related, Report, Severity, Summary};
pub use rules::catalogue as docs;
pub use rules::{Rule, RULES};
pub use sql::Dialect;

pub use base::date::Day;
pub use base::{RuleMeta, Side};

//! Rules: the `Rule` trait, the `declare_rule!` macro, the contexts rules
//! read, and the one registry (`registry.rs`).
//!
//! A rule is one file under `rules/<api|db>/<area>/`, `rules/consistency/` or
//! `rules/compatibility/` (what changed between two versions), `rules/graphql/<area>/`
//! (`rules/structure/` for the findings parsers' problems become). Its doc
//! comment is its documentation, in fixed sections (`## What it does`, `## Why
//! is this bad?`, `## Example`, `## How to fix`); the same text feeds `archlint
//! explain`, the generated `docs/rules/*.md` and the Python and WASM catalogues,
//! and its examples are run by the tests. Helpers shared by the rules of an
//! area live in named files beside them, never in another rule's file.

pub mod api;
pub mod catalogue;
pub mod compatibility;
pub mod consistency;
mod context;
pub mod db;
pub mod graphql;
mod registry;
pub mod structure;

pub use context::GraphqlChangeContext;
pub use context::{
    ApiContext, ChangeContext, ConsistencyContext, DatabaseChange, DbContext, GraphqlContext,
    GraphqlDatabase,
};
pub(crate) use registry::SUPERSEDED;
pub use registry::{check_config, find, RULES};

use crate::base::{Emitter, RuleMeta};

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    /// Reviews one API description. Rules of other sides keep the default.
    fn check_api(&self, _api: &ApiContext<'_>, _out: &mut Emitter) {}

    /// Reviews the schema model built from the SQL files.
    fn check_db(&self, _db: &DbContext<'_>, _out: &mut Emitter) {}

    /// Reviews an API together with the schema behind it.
    fn check_both(&self, _both: &ConsistencyContext<'_, '_>, _out: &mut Emitter) {}

    /// Reviews what changed between two versions (`archlint diff`).
    fn check_change(&self, _change: &ChangeContext<'_>, _out: &mut Emitter) {}

    /// Reviews a GraphQL schema.
    fn check_graphql(&self, _graphql: &GraphqlContext<'_>, _out: &mut Emitter) {}

    /// Reviews what changed between two versions of a GraphQL schema
    /// (`archlint diff`).
    fn check_graphql_change(&self, _change: &GraphqlChangeContext<'_>, _out: &mut Emitter) {}
}

/// Declares a rule: its type, metadata and documentation in one place.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does ...
///     pub struct MissingClientErrorResponse {
///         id: "ERR001", name: "missing-4xx-response", side: Api, area: Errors,
///         severity: Warning, summary: "...", fix: "...",
///         check_api: check,
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            name: $rule_name:literal,
            side: $side:ident,
            area: $area:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            fix: $fix:literal,
            $(peers: [$($peer:literal),* $(,)?],)?
            $(check_api: $check_api:path,)?
            $(check_db: $check_db:path,)?
            $(check_both: $check_both:path,)?
            $(check_change: $check_change:path,)?
            $(check_graphql: $check_graphql:path,)?
            $(check_graphql_change: $check_graphql_change:path,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::base::RuleMeta = $crate::base::RuleMeta {
                id: $id,
                name: $rule_name,
                side: $crate::base::Side::$side,
                area: $crate::base::Area::$area,
                severity: $crate::base::Severity::$severity,
                summary: $summary,
                fix: $fix,
                docs: concat!($($doc, "\n"),*),
                peers: &[$($($peer),*)?],
            };
        }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::base::RuleMeta {
                &Self::META
            }

            $(
                fn check_api(&self, api: &$crate::rules::ApiContext<'_>, out: &mut $crate::base::Emitter) {
                    $check_api(api, out)
                }
            )?

            $(
                fn check_db(&self, db: &$crate::rules::DbContext<'_>, out: &mut $crate::base::Emitter) {
                    $check_db(db, out)
                }
            )?

            $(
                fn check_both(&self, both: &$crate::rules::ConsistencyContext<'_, '_>, out: &mut $crate::base::Emitter) {
                    $check_both(both, out)
                }
            )?

            $(
                fn check_change(&self, change: &$crate::rules::ChangeContext<'_>, out: &mut $crate::base::Emitter) {
                    $check_change(change, out)
                }
            )?

            $(
                fn check_graphql(&self, graphql: &$crate::rules::GraphqlContext<'_>, out: &mut $crate::base::Emitter) {
                    $check_graphql(graphql, out)
                }
            )?

            $(
                fn check_graphql_change(&self, change: &$crate::rules::GraphqlChangeContext<'_>, out: &mut $crate::base::Emitter) {
                    $check_graphql_change(change, out)
                }
            )?
        }
    };
}

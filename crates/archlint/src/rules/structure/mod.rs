//! Structure: what reading the inputs finds. Parsers report problems in their
//! own terms (`OpenApiProblemKind`, `SqlProblemKind`, `GraphqlProblemKind`); each kind is the
//! finding of one rule here, as is a review that ran past its time budget.
//! These rules have no check of their own.

pub mod duplicate_key;
pub mod external_ref;
pub mod graphql_duplicate_definition;
pub mod graphql_syntax_error;
pub mod graphql_unknown_type;
pub mod invalid_structure;
pub mod parse_error;
pub mod ref_cycle;
pub mod review_incomplete;
pub mod ruleset_problem;
pub mod sql_statement_not_understood;
pub mod sql_syntax_error;
pub mod sql_unknown_object;
pub mod unresolved_ref;
pub mod unsupported_document;

mod findings;

pub use findings::{
    graphql_finding, incomplete_review_finding, openapi_finding, ruleset_finding, sql_finding,
};

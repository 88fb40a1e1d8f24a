//! Which finding each problem of the parsers becomes: one exhaustive match
//! per parser, so a new kind of problem cannot go unreported.

use super::{
    duplicate_key, external_ref, graphql_duplicate_definition, graphql_syntax_error,
    graphql_unknown_type, invalid_structure, parse_error, ref_cycle, review_incomplete,
    ruleset_problem, sql_statement_not_understood, sql_syntax_error, sql_unknown_object,
    unresolved_ref, unsupported_document,
};
use crate::base::{Diagnostic, Place, Problem, RuleMeta, Severity};
use crate::graphql::{GraphqlProblem, GraphqlProblemKind};
use crate::openapi::{OpenApiProblem, OpenApiProblemKind};
use crate::sql::{SqlProblem, SqlProblemKind};

/// The finding an OpenAPI problem becomes.
pub fn openapi_finding(problem: OpenApiProblem) -> Diagnostic {
    let (rule, severity): (&'static RuleMeta, _) = match problem.kind {
        OpenApiProblemKind::Parse => (&parse_error::ParseError::META, None),
        // Read anyway, as other readers do: worth fixing, not blocking.
        OpenApiProblemKind::LenientParse => {
            (&parse_error::ParseError::META, Some(Severity::Warning))
        }
        OpenApiProblemKind::UnsupportedDocument => {
            (&unsupported_document::UnsupportedDocument::META, None)
        }
        OpenApiProblemKind::NotReviewed => (
            &unsupported_document::UnsupportedDocument::META,
            Some(Severity::Info),
        ),
        OpenApiProblemKind::InvalidStructure => (&invalid_structure::InvalidStructure::META, None),
        OpenApiProblemKind::UnresolvedRef => (&unresolved_ref::UnresolvedRef::META, None),
        OpenApiProblemKind::ExternalRef => (&external_ref::ExternalRef::META, None),
        OpenApiProblemKind::RefCycle => (&ref_cycle::RefCycle::META, None),
        OpenApiProblemKind::DuplicateKey => (&duplicate_key::DuplicateKey::META, None),
    };
    finding(rule, problem, severity)
}

/// The finding of an input whose rules ran past the time budget.
pub fn incomplete_review_finding(place: Place, message: String) -> Diagnostic {
    Diagnostic::new(&review_incomplete::ReviewIncomplete::META, place, message)
}

/// The finding of something a Spectral ruleset has that archlint cannot run.
pub fn ruleset_finding(problem: &crate::spectral::RulesetProblem) -> Diagnostic {
    let place = Place::pointer(problem.file, problem.span, None);
    Diagnostic::new(
        &ruleset_problem::RulesetProblem::META,
        place,
        problem.message.clone(),
    )
}

/// The finding a SQL problem becomes.
pub fn sql_finding(problem: SqlProblem) -> Diagnostic {
    let rule: &'static RuleMeta = match problem.kind {
        SqlProblemKind::SyntaxError => &sql_syntax_error::SqlSyntaxError::META,
        SqlProblemKind::NotUnderstood => {
            &sql_statement_not_understood::SqlStatementNotUnderstood::META
        }
        SqlProblemKind::UnknownObject => &sql_unknown_object::SqlUnknownObject::META,
    };
    finding(rule, problem, None)
}

/// The finding a GraphQL problem becomes.
pub fn graphql_finding(problem: GraphqlProblem) -> Diagnostic {
    let (rule, severity): (&'static RuleMeta, _) = match problem.kind {
        GraphqlProblemKind::Syntax => (&graphql_syntax_error::GraphqlSyntaxError::META, None),
        GraphqlProblemKind::DuplicateDefinition => (
            &graphql_duplicate_definition::GraphqlDuplicateDefinition::META,
            None,
        ),
        GraphqlProblemKind::UnknownType => (&graphql_unknown_type::GraphqlUnknownType::META, None),
        GraphqlProblemKind::NotASchema => (&unsupported_document::UnsupportedDocument::META, None),
        GraphqlProblemKind::NotReviewed => (
            &unsupported_document::UnsupportedDocument::META,
            Some(Severity::Info),
        ),
    };
    finding(rule, problem, severity)
}

fn finding<K>(
    rule: &'static RuleMeta,
    problem: Problem<K>,
    severity: Option<Severity>,
) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(rule, problem.place, problem.message);
    diagnostic.related = problem.related;
    diagnostic.severity = severity;
    diagnostic
}

//! The quality bars of the API checklist: a well-designed API gets no warning
//! or error, and a deliberately flawed one gets exactly the expected findings
//! (`tests/fixtures/flawed/api.expected`, messages included), all rules on.

use archlint::Severity;
use archlint_tests::{expect, fixture_path, links, review, root, snapshot, Base};

#[test]
fn a_well_designed_api_gets_no_warning_or_error() {
    let report = review(&[fixture_path("fixtures/well-designed/api.yaml")], &[]);
    let serious: Vec<String> = report
        .findings
        .iter()
        .filter(|finding| finding.severity >= Severity::Warning)
        .map(|finding| {
            format!(
                "{} {}: {}",
                finding.rule, finding.location.line, finding.message
            )
        })
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
}

#[test]
fn a_flawed_api_gets_a_finding_for_each_flaw() {
    let path = fixture_path("fixtures/flawed/api.yaml");
    let report = review(std::slice::from_ref(&path), &[]);
    let found = snapshot(&report.findings, &Base::File(&path));
    let expected = root().join("tests/fixtures/flawed/api.expected");
    if let Err(difference) = expect(&expected, &found) {
        panic!("{difference}");
    }
}

#[test]
fn a_well_designed_graphql_schema_gets_no_finding() {
    let report = review(
        &[fixture_path(
            "fixtures/well-designed-graphql/schema.graphql",
        )],
        &[],
    );
    assert_no_finding(&report);
}

/// Reviewed with the database behind it, the consistency rules link its
/// types to tables and find nothing to say either.
#[test]
fn a_well_designed_graphql_schema_and_its_database_get_no_finding() {
    let report = review(
        &[
            fixture_path("fixtures/well-designed-graphql/schema.graphql"),
            fixture_path("fixtures/well-designed-graphql/database.sql"),
        ],
        &[],
    );
    assert_no_finding(&report);
    // The silence is not for want of links: each entity type has its table.
    let mapping = report
        .summary
        .mapping
        .expect("GraphQL and SQL were reviewed");
    assert_eq!(
        links(&mapping),
        [
            ("Product", "products", "name"),
            ("Customer", "customers", "name"),
            ("Order", "orders", "name")
        ]
    );
}

fn assert_no_finding(report: &archlint::Report) {
    let found: Vec<String> = report
        .findings
        .iter()
        .map(|finding| {
            format!(
                "{} {}: {}",
                finding.rule, finding.location.line, finding.message
            )
        })
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

//! The quality bars of the API checklist: a well-designed API gets no warning
//! or error, and a deliberately flawed one gets exactly the expected findings
//! (`tests/fixtures/flawed/api.expected`), all rules on.

use archlint::Severity;
use archlint_tests::{fixture_path, read_expected, review, root, summarize};

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
    let report = review(&[fixture_path("fixtures/flawed/api.yaml")], &[]);
    let expected = read_expected(&root().join("tests/fixtures/flawed/api.expected"));
    assert_eq!(summarize(&report.findings), expected);
}

//! Swagger 2.0 is reviewed as what it means in OpenAPI 3: a 2.0 description and
//! its 3.0 translation give the same findings, each located in its own file,
//! with the 2.0 file's own pointers.

use archlint::Finding;
use archlint_tests::{expect, fixture_path, review, snapshot, Base};
use std::path::Path;

/// Rules whose messages name the 2.0 fields (`schemes`, `host`, `definitions`).
const WORDED_FOR_2_0: [&str; 4] = ["TLS001", "TLS002", "DOC004", "VER002"];

/// Rule, severity and message: what a finding says, wherever it is.
fn said(findings: &[Finding]) -> Vec<String> {
    let mut said: Vec<String> = findings
        .iter()
        .map(|f| {
            let message = if WORDED_FOR_2_0.contains(&f.rule.as_str()) {
                ""
            } else {
                f.message.as_str()
            };
            format!("{} {} {message}", f.rule, f.severity.as_str())
        })
        .collect();
    said.sort();
    said
}

fn with_pointers(findings: &[Finding], file: &str) -> Vec<String> {
    let base = Base::File(file);
    snapshot(findings, &base)
        .into_iter()
        .zip(findings)
        .map(|(entry, finding)| {
            let pointer = finding.location.pointer.as_deref().unwrap_or("-");
            match entry.split_once(' ') {
                Some((rule, rest)) => format!("{rule} {pointer} {rest}"),
                None => entry,
            }
        })
        .collect()
}

fn assert_same_as_translation(two: &str, three: &str) {
    let two = review(&[fixture_path(two)], &[]);
    let three = review(&[fixture_path(three)], &[]);
    assert!(!two.findings.is_empty());
    assert_eq!(said(&two.findings), said(&three.findings));
}

#[test]
fn swagger_2_and_its_3_0_translation_say_the_same() {
    assert_same_as_translation(
        "fixtures/swagger/petstore.yaml",
        "fixtures/swagger/petstore-3.0.yaml",
    );
}

/// Against swagger2openapi's translation of a description with flaws for
/// most API rules: the same findings, so every rule reads 2.0 as 3.0 means it.
#[test]
fn swagger_2_and_swagger2openapi_s_translation_say_the_same() {
    assert_same_as_translation(
        "fixtures/swagger/flawed.yaml",
        "fixtures/swagger/flawed-3.0.yaml",
    );
}

#[test]
fn swagger_2_findings_point_into_the_2_0_text() {
    for name in ["petstore", "flawed"] {
        pinned_with_pointers(&format!("fixtures/swagger/{name}.yaml"));
    }
}

fn pinned_with_pointers(relative: &str) {
    let file = fixture_path(relative);
    let report = review(std::slice::from_ref(&file), &[]);
    let found = with_pointers(&report.findings, &file);
    let expected = Path::new(&file).with_extension("expected");
    if let Err(difference) = expect(&expected, &found) {
        panic!("{difference}");
    }
    for finding in &report.findings {
        let pointer = finding.location.pointer.as_deref().unwrap_or("");
        for invented in ["/components", "/requestBody", "/servers", "/content/"] {
            assert!(
                !pointer.contains(invented),
                "{} names a 3.0 place: {pointer}",
                finding.rule
            );
        }
    }
}

#[test]
fn swagger_2_split_over_files_is_reviewed_where_each_part_is() {
    let file = fixture_path("fixtures/swagger/split/swagger.yaml");
    let report = review(std::slice::from_ref(&file), &[]);
    let found = with_pointers(&report.findings, &file);
    let expected = Path::new(&file).with_extension("expected");
    if let Err(difference) = expect(&expected, &found) {
        panic!("{difference}");
    }
}

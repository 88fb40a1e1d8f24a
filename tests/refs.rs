//! `$ref` across files: findings point into the file where a node is written,
//! shared components are reviewed once, and nothing outside the root folder or on
//! the network is ever read.

use archlint::{Config, MemoryLoader};
use archlint_tests::{fixture_path, review};

#[test]
fn findings_point_into_the_referenced_file() {
    let root = fixture_path("fixtures/multi-file/api/root.yaml");
    let report = review(&[root], &["string-without-max-length"]);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let finding = &report.findings[0];
    assert!(
        finding.location.file.ends_with("api/schemas/common.json"),
        "{}",
        finding.location.file
    );
    assert_eq!((finding.location.line, finding.location.column), (7, 11));
    assert_eq!(
        finding.location.pointer.as_deref(),
        Some("/components/schemas/NewUser/properties/name")
    );
    assert!(
        finding.message.contains("2 operations"),
        "{}",
        finding.message
    );
}

#[test]
fn every_file_reached_is_listed_once() {
    let root = fixture_path("fixtures/multi-file/api/root.yaml");
    let report = review(&[root], &[]);
    let names: Vec<&str> = report
        .summary
        .files
        .iter()
        .map(|f| f.rsplit("multi-file/").next().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        vec![
            "api/root.yaml",
            "api/paths/users.yaml",
            "api/schemas/common.json"
        ]
    );
}

#[test]
fn refs_out_of_the_root_folder_are_not_read() {
    let mut loader = MemoryLoader::new();
    loader.insert(
        "project/api.yaml",
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '../outside.yaml'\n  /b:\n    $ref: 'file:///etc/passwd'\n  /c:\n    $ref: '//evil.example.com/x.yaml'\n",
    );
    loader.insert(
        "outside.yaml",
        "get: {responses: {'200': {description: ok}}}\n",
    );
    let report = archlint_tests::review_in(
        &["project/api.yaml".to_owned()],
        &loader,
        &Config::default(),
    )
    .unwrap();
    let external: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.name == "external-ref")
        .collect();
    assert_eq!(external.len(), 3, "{:?}", report.findings);
    assert_eq!(report.summary.files, vec!["project/api.yaml"]);
}

#[test]
fn mutually_recursive_files_end() {
    let mut loader = MemoryLoader::new();
    loader.insert(
        "a.yaml",
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody: {content: {application/json: {schema: {$ref: 'b.yaml#/B'}}}}\n      responses: {'400': {description: bad}}\nA: {type: object, properties: {b: {$ref: 'b.yaml#/B'}, s: {type: string}}}\n",
    );
    loader.insert("b.yaml", "B: {type: object, properties: {a: {$ref: 'a.yaml#/A'}, t: {type: string}}}\nLoop: {$ref: 'a.yaml#/Loop'}\n");
    let report =
        archlint_tests::review_in(&["a.yaml".to_owned()], &loader, &Config::default()).unwrap();
    let strings = report
        .findings
        .iter()
        .filter(|f| f.name == "string-without-max-length")
        .count();
    assert_eq!(strings, 2);
}

#[test]
fn a_folder_reviews_each_description_and_skips_parts() {
    let folder = fixture_path("fixtures/multi-file/api");
    let report = review(&[folder], &["string-without-max-length"]);
    // root.yaml is the only description; paths/ and schemas/ are parts of it.
    assert_eq!(report.findings.len(), 1);
}

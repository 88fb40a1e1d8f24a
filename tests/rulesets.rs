//! Spectral rulesets run natively: each folder of `tests/fixtures/rulesets/`
//! holds `api.yaml` (and the files it references), a `ruleset.yaml` (and the
//! files it extends) and `expected`, the exact findings of the ruleset's
//! rules and of `ruleset-problem` (the built-in rules are left out).
//! `ARCHLINT_BLESS=1` rewrites `expected`.

use archlint::{Config, MemoryLoader, ReviewRequest};
use archlint_tests::{expect, review_with, root, snapshot, Base};

fn case(name: &str) -> Result<(), String> {
    let folder = root().join("tests/fixtures/rulesets").join(name);
    let folder_text = folder.to_string_lossy().into_owned();
    let mut config = Config::default();
    config.rulesets.files = vec![format!("{folder_text}/ruleset.yaml")];
    let report = review_with(&[format!("{folder_text}/api.yaml")], &["STR015"], config);
    let found = snapshot(&report.findings, &Base::Folder(&folder_text));
    expect(&folder.join("expected"), &found)
}

#[test]
fn every_core_function() {
    case("functions").unwrap_or_else(|difference| panic!("{difference}"));
}

#[test]
fn queries_as_spectral_evaluates_them() {
    case("queries").unwrap_or_else(|difference| panic!("{difference}"));
}

#[test]
fn extends_aliases_overrides_and_except() {
    case("extends").unwrap_or_else(|difference| panic!("{difference}"));
}

#[test]
fn extends_spectral_oas() {
    case("spectral-oas").unwrap_or_else(|difference| panic!("{difference}"));
}

/// `schema` targets are copied only as deep as the schema reads, and a copy
/// whose references fan out stops at a budget, with a finding at the rule.
#[test]
fn schema_targets_whose_references_fan_out() {
    case("fan-out").unwrap_or_else(|difference| panic!("{difference}"));
}

#[test]
fn swagger_is_read_in_its_own_shape() {
    case("swagger").unwrap_or_else(|difference| panic!("{difference}"));
}

/// A ruleset given as text (the Python and WASM way), in JSON.
#[test]
fn a_ruleset_text_runs_beside_the_built_in_rules() {
    let mut request = ReviewRequest::new(Config::default());
    request
        .openapi_text("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n")
        .file(
            "<ruleset>.json",
            r#"{"rules": {"has-servers": {"given": "$", "severity": "error",
                "then": {"field": "servers", "function": "truthy"}}}}"#,
        )
        .ruleset("<ruleset>.json");
    let report = archlint::review(&request, &MemoryLoader::new()).expect("reviewed");
    let found: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "has-servers")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, archlint::Severity::Error);
    assert_eq!(found[0].area, archlint::Area::Conventions);
    assert_eq!(found[0].message, "\"servers\" property must be truthy");
    // The built-in rules ran too.
    assert!(report
        .findings
        .iter()
        .any(|finding| archlint::rules::find(&finding.rule).is_some()));
}

/// `[rulesets] area` files the findings; `[areas]` turns them off.
#[test]
fn area_settings_apply() {
    let review = |toml: &str| {
        let mut config = Config::from_toml(toml).expect("valid settings");
        config.select(&["STR015"]);
        let mut request = ReviewRequest::new(config);
        request
            .openapi_text("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n")
            .file(
                "r.yaml",
                "rules: {c: {given: $.info, then: {field: contact, function: truthy}}}",
            )
            .ruleset("r.yaml");
        archlint::review(&request, &MemoryLoader::new()).expect("reviewed")
    };
    let documented = review("[rulesets]\narea = \"documentation\"\n");
    assert_eq!(documented.findings.len(), 1);
    assert_eq!(documented.findings[0].area, archlint::Area::Documentation);
    assert!(review("[areas]\nconventions = \"off\"\n")
        .findings
        .is_empty());
}

#[test]
fn settings_refuse_rulesets_outside_the_project() {
    for path in ["../style.yaml", "/etc/ruleset.yaml", "a/../../b.yaml"] {
        let toml = format!("[rulesets]\nfiles = [\"{path}\"]\n");
        assert!(Config::from_toml(&toml).is_err(), "{path} accepted");
    }
    assert!(Config::from_toml("[rulesets]\narea = \"style\"\n").is_err());
    assert!(Config::from_toml("[rulesets]\nfiles = [\"style/.spectral.yaml\"]\n").is_ok());
}

/// Hostile rulesets end in findings, never in a crash or a hang.
#[test]
fn hostile_rulesets_end() {
    let hostile = [
        "rules: {a: {given: \"$..[?(@ && @.a && @.a.b && @.a.b.c)]..*..*\", then: {function: truthy}}}".to_owned(),
        format!("rules: {{a: {{given: \"$.{}\", then: {{function: truthy}}}}}}", "[".repeat(5000)),
        format!("rules: {{a: {{given: \"$[?({}@{})]\", then: {{function: truthy}}}}}}", "(".repeat(500), ")".repeat(500)),
        "rules: {a: {given: $, then: {function: pattern, functionOptions: {match: \"^(a+)+$\"}}}}".to_owned(),
        "extends: ./self.yaml\nrules: {}".to_owned(),
        "\"rules\": [1, 2".to_owned(),
        "aliases: {A: ['#B'], B: ['#A']}\nrules: {a: {given: '#A', then: {function: truthy}}}".to_owned(),
    ];
    for ruleset in hostile {
        let mut request = ReviewRequest::new(Config::default());
        request
            .openapi_text(format!(
                "openapi: 3.1.0\ninfo: {{title: t, version: 1.0.0, description: '{}'}}\npaths: {{}}\n",
                "a".repeat(50)
            ))
            .file("self.yaml", ruleset)
            .ruleset("self.yaml");
        let report = archlint::review(&request, &MemoryLoader::new());
        assert!(report.is_ok());
    }
}

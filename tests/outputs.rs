//! The report formats: the JSON contract, SARIF 2.1.0, GitHub annotations,
//! text, JUnit XML, Markdown and HTML.

use archlint::report::{
    to_github, to_html, to_json, to_junit, to_review_markdown, to_sarif, to_text, TextOptions,
};
use archlint::{Config, MemoryLoader, Report, Severity};
use serde_json::Value;

const YAML_30: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /users:
    get:
      parameters: [{name: limit, in: query, schema: {type: integer, maximum: 100}}]
      responses:
        '200': {description: ok}
";

const JSON_31: &str = r#"{
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "servers": [{"url": "http://api.example.com"}],
  "paths": {
    "/users/{id}": {
      "get": {
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}
      }
    }
  }
}"#;

fn review(name: &str, text: &str) -> Report {
    let mut loader = MemoryLoader::new();
    loader.insert(name, text);
    archlint_tests::review_in(&[name.to_owned()], &loader, &Config::default()).unwrap()
}

fn finding<'r>(json: &'r Value, rule: &str) -> &'r Value {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["name"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {json}"))
}

#[test]
fn json_on_openapi_30_yaml_has_exact_locations() {
    let json: Value = serde_json::from_str(&to_json(&review("api.yaml", YAML_30))).unwrap();
    let missing = finding(&json, "missing-4xx-response");
    assert_eq!(missing["rule"], "ERR001");
    assert_eq!(missing["area"], "errors");
    assert_eq!(missing["severity"], "warning");
    let location = &missing["location"];
    assert_eq!(location["file"], "api.yaml");
    assert_eq!(
        (location["line"].as_u64(), location["column"].as_u64()),
        (Some(7), Some(7))
    );
    assert_eq!(
        (
            location["end_line"].as_u64(),
            location["end_column"].as_u64()
        ),
        (Some(8), Some(33))
    );
    assert_eq!(location["pointer"], "/paths/~1users/get/responses");
    assert_eq!(location["object"], Value::Null);
    for key in [
        "rule", "area", "severity", "message", "help", "location", "related",
    ] {
        assert!(missing.get(key).is_some(), "finding lacks `{key}`");
    }
    let summary = &json["summary"];
    assert_eq!(summary["files"], serde_json::json!(["api.yaml"]));
    assert!(summary["counts"]["warning"].as_u64().unwrap() >= 1);
    assert!(summary["areas"]["errors"].as_u64().unwrap() >= 1);
    assert_eq!(summary["dialects"], serde_json::json!([]));
}

#[test]
fn json_on_openapi_31_json_has_exact_locations() {
    let json: Value = serde_json::from_str(&to_json(&review("api.json", JSON_31))).unwrap();
    let server = finding(&json, "insecure-server-url");
    assert_eq!(server["location"]["line"], 4);
    assert_eq!(server["location"]["column"], 16);
    assert_eq!(server["location"]["pointer"], "/servers/0/url");
    let missing = finding(&json, "missing-4xx-response");
    assert_eq!(missing["location"]["line"], 9);
    assert_eq!(missing["location"]["column"], 9);
    assert_eq!(
        missing["location"]["pointer"],
        "/paths/~1users~1{id}/get/responses"
    );
}

#[test]
fn findings_are_sorted_and_identical_across_runs() {
    let first = to_json(&review("api.json", JSON_31));
    for _ in 0..5 {
        assert_eq!(first, to_json(&review("api.json", JSON_31)));
    }
    let report = review("api.json", JSON_31);
    let keys: Vec<_> = report.findings.iter().map(|f| f.sort_key()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn sarif_is_2_1_0_with_rules_and_regions() {
    let sarif: Value = serde_json::from_str(&to_sarif(&review("api.json", JSON_31))).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), archlint::RULES.len());
    assert!(rules.iter().all(
        |rule| rule["help"]["text"].is_string() && rule["shortDescription"]["text"].is_string()
    ));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
    }
}

#[test]
fn github_annotations_and_text() {
    let report = review("api.yaml", YAML_30);
    let github = to_github(&report);
    assert!(
        github
            .lines()
            .any(|line| line.starts_with("::warning file=api.yaml,line=7,col=7,")),
        "{github}"
    );
    let text = to_text(
        &report,
        TextOptions {
            color: false,
            ..TextOptions::default()
        },
    );
    assert!(
        text.contains("warning[ERR001] missing-4xx-response"),
        "{text}"
    );
    assert!(text.contains("--> api.yaml:7:7"));
    assert!(text.contains("7 |       responses:"));
    assert!(text.contains("  |       ^^^^^^^^^^"));
    assert!(!text.contains('\u{1b}'));
    assert!(to_text(
        &report,
        TextOptions {
            color: true,
            ..TextOptions::default()
        }
    )
    .contains('\u{1b}'));
}

/// Names, descriptions and source lines from the input reach every
/// renderer escaped: no control sequence reaches a terminal or a CI log raw,
/// no line break starts a workflow command, no markup starts in Markdown,
/// and JSON and SARIF stay valid.
#[test]
fn text_from_the_input_is_rendered_inert() {
    let hostile = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  \"/a\\e[2J\\r\\u202e<img src=x onerror=alert(1)>\\n::set-output name=x::y\":\n    get:\n      responses: {'200': {description: ok}}\n";
    let report = review("api.yaml", hostile);
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.message.contains('\u{1b}')),
        "the case needs a finding naming the path"
    );
    let text = to_text(
        &report,
        TextOptions {
            color: false,
            ..TextOptions::default()
        },
    );
    for raw in ['\u{1b}', '\r', '\u{202e}'] {
        assert!(!text.contains(raw), "{raw:?} in {text}");
    }
    assert!(text.contains("\\u{1b}[2J"), "{text}");
    let github = to_github(&report);
    assert!(
        github.lines().all(|line| line.starts_with("::")),
        "one workflow command per line: {github}"
    );
    assert!(!github.contains('\u{1b}') && !github.contains('\u{202e}'));
    assert!(!github.lines().any(|line| line.starts_with("::set-output")));
    let markdown = archlint::report::to_markdown(&report);
    // Inside a code span (the path is quoted with backticks) HTML is text.
    for line in markdown.lines().filter(|line| line.contains("<img")) {
        let before = line.split("<img").next().unwrap_or("");
        assert!(before.matches('`').count() % 2 == 1, "{line}");
    }
    assert!(!markdown.contains("\n::set-output"), "{markdown}");
    assert!(!markdown.contains('\u{1b}'));
    let json: Value = serde_json::from_str(&to_json(&report)).expect("valid JSON");
    assert!(json["findings"][0]["message"].is_string());
    let _: Value = serde_json::from_str(&to_sarif(&report)).expect("valid SARIF");
    let junit = to_junit(&report, Some(Severity::Info));
    assert!(
        !junit.contains("<img") && junit.contains("&lt;img"),
        "{junit}"
    );
    assert!(!junit.contains('\u{1b}') && !junit.contains('\u{202e}'));
    let comment = to_review_markdown(&report);
    for line in comment.lines().filter(|line| line.contains("<img")) {
        let before = line.split("<img").next().unwrap_or("");
        assert!(before.matches('`').count() % 2 == 1, "{line}");
    }
    let html = to_html(&report, false);
    assert!(!html.contains("<img") && html.contains("&lt;img"), "{html}");
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
}

/// JUnit: a suite per file, a case per rule and file, failed from the
/// `--fail-on` severity; findings below it are the case's output.
#[test]
fn junit_has_a_case_per_rule_and_file() {
    let report = review("api.json", JSON_31);
    let cases = |xml: &str| xml.matches("<testcase ").count();
    let failures = |xml: &str| xml.matches("<failure ").count();
    let rules: std::collections::BTreeSet<&str> = report
        .findings
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect();
    let strict = to_junit(&report, Some(Severity::Info));
    assert_eq!(cases(&strict), rules.len());
    assert_eq!(failures(&strict), rules.len());
    let errors: std::collections::BTreeSet<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.rule.as_str())
        .collect();
    assert!(!errors.is_empty(), "the case needs an error (plain HTTP)");
    let lenient = to_junit(&report, Some(Severity::Error));
    assert_eq!(failures(&lenient), errors.len());
    assert_eq!(failures(&to_junit(&report, None)), 0);
    assert!(lenient.contains(r#"<failure message="server `http://api.example.com` is reached over plain HTTP" type="error">"#), "{lenient}");
    // A clean file is one passing case.
    let clean = to_junit(&review("empty.json", r#"{"openapi": "3.1.0"}"#), None);
    assert!(clean.starts_with("<?xml"));
    assert_eq!(cases(&clean), clean.matches("<testcase").count());
}

/// The HTML page stands alone: no script, no stylesheet or font from
/// elsewhere; each finding shows its source line.
#[test]
fn html_is_self_contained_with_source_lines() {
    let mut request = archlint::ReviewRequest::new(Config::default());
    request.text("api.json", JSON_31);
    request.keep_source_lines = true;
    let report = archlint::review(&request, &MemoryLoader::new()).unwrap();
    let html = to_html(&report, false);
    for outside in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    assert!(html.contains(r#"<pre>  &quot;servers&quot;: [{&quot;url&quot;: &quot;http://api.example.com&quot;}],</pre>"#), "{html}");
    assert!(html.contains("<h2>Scores</h2>") && html.ends_with("</body></html>\n"));
}

#[test]
fn configuration_and_inline_suppression() {
    let text = "openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    x-archlint-ignore: [missing-4xx-response]
    get: {parameters: [{name: q, in: query, schema: {type: string}}], responses: {'200': {description: ok}}}
  /b:
    get: {parameters: [{name: q, in: query, schema: {type: string}}], responses: {'200': {description: ok}}}
";
    let report = review("api.yaml", text);
    let missing: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "ERR001")
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].location.line, 8);

    let config =
        Config::from_toml("[rules]\nERR001 = \"error\"\n[areas]\nauth = \"off\"\n").unwrap();
    let mut loader = MemoryLoader::new();
    loader.insert("api.yaml", text);
    let report = archlint_tests::review_in(&["api.yaml".to_owned()], &loader, &config).unwrap();
    assert!(report
        .findings
        .iter()
        .all(|f| f.area != archlint::Area::Auth));
    assert!(report
        .findings
        .iter()
        .filter(|f| f.rule == "ERR001")
        .all(|f| f.severity == archlint::Severity::Error));
}

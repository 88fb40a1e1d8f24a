//! The `archlint` binary: exit codes, formats, stdin, configuration, catalogue.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn archlint(args: &[&str]) -> Output {
    run(args, None)
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_archlint"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn reviewing_the_example_fails_on_errors() {
    let output = archlint(&["review", "corpus/api/shop.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("error[TLS001] insecure-server-url"), "{text}");
    assert!(text.contains("--> corpus/api/shop.yaml:8:5"));
    assert!(text.contains("findings in 2 files"));
    assert!(!text.contains('\u{1b}'), "no colour on a pipe");
}

/// The shareable formats from the command line: JUnit for CI test reports,
/// Markdown for a pull-request comment, HTML for a review to pass around.
#[test]
fn junit_markdown_and_html_reports() {
    let junit = archlint(&["review", "corpus/api", "--format", "junit"]);
    assert_eq!(junit.status.code(), Some(1));
    let xml = stdout(&junit);
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(
        xml.contains(
            r#"<testcase name="TLS001 insecure-server-url" classname="corpus/api/shop.yaml">"#
        ),
        "{xml}"
    );
    let markdown = stdout(&archlint(&["review", "corpus/api", "--format", "markdown"]));
    assert!(markdown.starts_with("## archlint review\n"), "{markdown}");
    assert!(markdown.contains("### Errors"), "{markdown}");
    let html = stdout(&archlint(&["review", "corpus/api", "--format", "html"]));
    assert!(
        html.starts_with("<!doctype html>") && html.contains("<pre>"),
        "{html}"
    );
    // A diff in Markdown is its changelog.
    let changelog = stdout(&archlint(&[
        "diff",
        "tests/fixtures/diff/shop/old.yaml",
        "tests/fixtures/diff/shop/new.yaml",
        "--format",
        "markdown",
    ]));
    assert!(changelog.starts_with("## API changes"), "{changelog}");
}

#[test]
fn fail_on_threshold() {
    assert_eq!(
        archlint(&["review", "--fail-on", "never", "corpus/api/shop.yaml"])
            .status
            .code(),
        Some(0)
    );
    let clean = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n";
    assert_eq!(run(&["review", "-"], Some(clean)).status.code(), Some(0));
    let warning_only = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nsecurity: [{k: []}]\npaths:\n  /a:\n    get: {responses: {'200': {description: ok}}}\ncomponents: {securitySchemes: {k: {type: http, scheme: bearer}}}\n";
    assert_eq!(
        run(&["review", "-"], Some(warning_only)).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["review", "--fail-on", "warning", "-"], Some(warning_only))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn stdin_json_output() {
    let spec = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"servers\": [{\"url\": \"http://x.example.com\"}], \"paths\": {}}";
    let output = run(&["review", "--format", "json", "-"], Some(spec));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let findings = json["findings"].as_array().expect("a findings array");
    let insecure = findings
        .iter()
        .find(|finding| finding["rule"] == "TLS001")
        .expect("the http server is reported");
    assert_eq!(insecure["location"]["file"], "<stdin>");
    assert_eq!(json["summary"]["counts"]["error"], 1);
}

#[test]
fn usage_and_input_errors_exit_2_with_a_message() {
    let missing = archlint(&["review", "no/such/file.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no/such/file.yaml"),
        "{}",
        stderr(&missing)
    );
    let bad_format = archlint(&["review", "--format", "xml", "corpus/api/shop.yaml"]);
    assert_eq!(bad_format.status.code(), Some(2));
    let unknown_rule = archlint(&["review", "--select", "NOPE1", "corpus/api/shop.yaml"]);
    assert_eq!(unknown_rule.status.code(), Some(2));
    assert!(stderr(&unknown_rule).contains("archlint rules"));
    let dir = std::env::temp_dir().join(format!("archlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("archlint.toml");
    std::fs::write(&config, "[rules]\nERR001 = \"loud\"\n").unwrap();
    let bad_config = archlint(&[
        "review",
        "--config",
        config.to_str().unwrap(),
        "corpus/api/shop.yaml",
    ]);
    assert_eq!(bad_config.status.code(), Some(2));
    assert!(stderr(&bad_config).contains("\"error\", \"warning\", \"info\" or \"off\""));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let empty_dir = archlint(&["review", empty.to_str().unwrap()]);
    assert_eq!(empty_dir.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn select_sarif_and_github() {
    let output = archlint(&[
        "review",
        "--select",
        "TLS001",
        "--format",
        "sarif",
        "corpus/api/shop.yaml",
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "TLS001");
    let github = stdout(&archlint(&[
        "review",
        "--select",
        "TLS001",
        "--format",
        "github",
        "corpus/api/shop.yaml",
    ]));
    assert!(
        github.starts_with("::error file=corpus/api/shop.yaml,line=8,col=5,"),
        "{github}"
    );
}

#[test]
fn rules_and_explain() {
    let list = stdout(&archlint(&["rules"]));
    assert!(list
        .lines()
        .any(|line| line.starts_with("ERR001") && line.contains("missing-4xx-response")));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&archlint(&["rules", "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), archlint::RULES.len());
    let explained = archlint(&["explain", "missing-4xx-response"]);
    assert_eq!(explained.status.code(), Some(0));
    assert!(stdout(&explained).contains("## Why is this bad?"));
    assert_eq!(archlint(&["explain", "ERR999"]).status.code(), Some(2));
}

#[test]
fn output_file() {
    let path = std::env::temp_dir().join(format!("archlint-out-{}.json", std::process::id()));
    let output = archlint(&[
        "review",
        "-f",
        "json",
        "-o",
        path.to_str().unwrap(),
        "corpus/api/shop.yaml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(json["findings"].as_array().unwrap().len() > 5);
    let _ = std::fs::remove_file(path);
}

#[test]
fn map_shows_the_links_and_what_is_unmapped() {
    let output = archlint(&["map", "corpus/api", "corpus/db"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("NewCustomer → customers  (name: 3 of 4 values are columns, corpus/api/components/schemas.yaml:8)"),
        "{text}"
    );
    assert!(text.contains("    note → (no column)"), "{text}");
    assert!(
        text.contains("    lines → (in rows of order_lines)"),
        "{text}"
    );
    assert!(
        text.contains("GET /orders customer_id (query) → orders.customer_id  [filter]"),
        "{text}"
    );
    assert!(
        text.contains("tables without a schema: audit_log"),
        "{text}"
    );

    let json = archlint(&["map", "corpus/api", "corpus/db", "--format", "json"]);
    let mapping: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(mapping["schemas"][0]["schema"], "Customer");
    assert_eq!(mapping["schemas"][0]["table"], "customers");
    assert_eq!(mapping["unmapped"]["tables"][0], "audit_log");

    // The review's JSON carries the same mapping.
    let review = archlint(&[
        "review",
        "corpus/api",
        "corpus/db",
        "-f",
        "json",
        "--fail-on",
        "never",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&review.stdout).expect("JSON");
    assert_eq!(report["summary"]["mapping"], mapping);

    let api_only = archlint(&["map", "corpus/api"]);
    assert_eq!(api_only.status.code(), Some(2));
    assert!(stderr(&api_only).contains("nothing to map"));
}

#[test]
fn diff_reports_what_breaks_and_writes_a_changelog() {
    let (old, new) = (
        "tests/fixtures/diff/shop/old.yaml",
        "tests/fixtures/diff/shop/new.yaml",
    );
    let output = archlint(&["diff", old, new, "--color", "never"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("error[COMPAT001] operation-removed"),
        "{text}"
    );
    assert!(
        text.contains("--> tests/fixtures/diff/shop/old.yaml:35:5"),
        "{text}"
    );
    let markdown = stdout(&archlint(&[
        "diff",
        old,
        new,
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]));
    assert!(
        markdown.starts_with("## API changes\n\n**10 breaking changes.**"),
        "{markdown}"
    );
    let same = archlint(&["diff", old, old]);
    assert_eq!(same.status.code(), Some(0));
    let usage = archlint(&["diff", old]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).contains("give OLD and NEW"),
        "{}",
        stderr(&usage)
    );
}

/// Runs git in `repository`, as a committer named for the tests.
fn git(repository: &std::path::Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.email=ci@example.com", "-c", "user.name=ci"])
        .args(args)
        .current_dir(repository)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn diff_against_a_git_revision_reads_the_old_files_from_git() {
    let repository = std::env::temp_dir().join(format!("archlint-diff-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repository);
    std::fs::create_dir_all(repository.join("api")).unwrap();
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/diff/shop"
    );
    let git = |args: &[&str]| git(&repository, args);
    git(&["init", "-q"]);
    std::fs::copy(
        format!("{root}/old.yaml"),
        repository.join("api/openapi.yaml"),
    )
    .unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(
        format!("{root}/new.yaml"),
        repository.join("api/openapi.yaml"),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_archlint"))
        .args(["diff", "--base", "HEAD", "api", "--format", "json"])
        .current_dir(&repository)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let files = report["summary"]["files"].as_array().unwrap();
    assert_eq!(files[0], "HEAD:api/openapi.yaml");
    assert_eq!(report["findings"].as_array().unwrap().len(), 16);
    let _ = std::fs::remove_dir_all(&repository);
}

/// `review --changed-since REV`: findings on what the change added or
/// modified (an operation edited, a migration added and the column it adds),
/// not on what it left alone, even where the revision had them too.
#[test]
fn changed_since_reports_what_the_change_touched() {
    let repository = std::env::temp_dir().join(format!("archlint-since-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repository);
    std::fs::create_dir_all(repository.join("api")).unwrap();
    std::fs::create_dir_all(repository.join("db")).unwrap();
    let git = |args: &[&str]| git(&repository, args);
    let operation = |path: &str, extra: &str| {
        format!(
            "  /{path}:\n    get:\n      operationId: get{path}\n{extra}      parameters: [{{name: q, in: query, schema: {{type: string}}}}]\n      responses:\n        '200': {{description: ok, content: {{application/json: {{schema: {{type: object, properties: {{name: {{type: string}}}}}}}}}}}}\n"
        )
    };
    let description = |extra: &str| {
        format!(
            "openapi: 3.1.0\ninfo: {{title: Shop, version: 1.0.0}}\npaths:\n{}{}",
            operation("a", ""),
            operation("b", extra)
        )
    };
    std::fs::write(repository.join("api/openapi.yaml"), description("")).unwrap();
    std::fs::write(
        repository.join("db/001.sql"),
        "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int, total float);\n",
    )
    .unwrap();
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::write(
        repository.join("api/openapi.yaml"),
        description("      summary: Get b.\n"),
    )
    .unwrap();
    std::fs::write(
        repository.join("db/002.sql"),
        "ALTER TABLE orders ADD COLUMN price float;\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_archlint"))
        .args([
            "review",
            "--changed-since",
            "HEAD",
            "api",
            "db",
            "--format",
            "json",
        ])
        .current_dir(&repository)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let places: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            let location = &finding["location"];
            let at = location["pointer"]
                .as_str()
                .or(location["object"].as_str())
                .unwrap_or("");
            format!("{} {}", finding["rule"].as_str().unwrap_or(""), at)
        })
        .collect();
    let _ = std::fs::remove_dir_all(&repository);
    assert!(
        places
            .iter()
            .any(|place| place.starts_with("VAL001 /paths/~1b/")),
        "{places:?}"
    );
    assert!(
        !places.iter().any(|place| place.contains("/paths/~1a")),
        "{places:?}"
    );
    assert!(
        places.contains(&"TYPE001 orders.price".to_owned()),
        "{places:?}"
    );
    assert!(
        !places.contains(&"TYPE001 orders.total".to_owned()),
        "{places:?}"
    );
}

/// `--ruleset`, and a `.spectral.yaml` found in the working folder as
/// Spectral finds it.
#[test]
fn spectral_rulesets_given_and_found() {
    let folder = std::env::temp_dir().join(format!("archlint-ruleset-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("api.yaml"),
        "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n",
    )
    .unwrap();
    let ruleset = "rules:\n  has-servers:\n    severity: error\n    given: $\n    then: {field: servers, function: truthy}\n";
    std::fs::write(folder.join(".spectral.yaml"), ruleset).unwrap();
    let review = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_archlint"))
            .args(args)
            .current_dir(&folder)
            .output()
            .expect("the binary runs")
    };
    let rules = |output: &Output| -> Vec<String> {
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|finding| finding["rule"].as_str().map(str::to_owned))
            .filter(|rule| rule == "has-servers")
            .collect()
    };
    let found = review(&["review", "api.yaml", "--format", "json"]);
    assert_eq!(rules(&found), ["has-servers"], "{}", stdout(&found));
    assert_eq!(
        found.status.code(),
        Some(1),
        "an error-severity ruleset finding fails the run"
    );
    std::fs::write(
        folder.join("other.yaml"),
        ruleset.replace("has-servers", "other-rule"),
    )
    .unwrap();
    let given = review(&[
        "review",
        "api.yaml",
        "--format",
        "json",
        "--ruleset",
        "other.yaml",
    ]);
    assert!(rules(&given).is_empty(), "--ruleset replaces the found one");
    assert!(stdout(&given).contains("\"other-rule\""));
    std::fs::remove_dir_all(&folder).ok();
}

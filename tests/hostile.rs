//! Hostile input ends in a finding or a clear error — never a crash, a hang or a
//! runaway allocation. Each case runs on a watchdog thread: the bound only
//! detects hangs (measurements live in benches/, not in tests).

use std::sync::mpsc;
use std::time::Duration;

use archlint::{Config, MemoryLoader, Report};

const HANG: Duration = Duration::from_secs(60);

fn review_bytes(name: &str, bytes: Vec<u8>) -> Report {
    let name = name.to_owned();
    watched(move || {
        let mut loader = MemoryLoader::new();
        loader.insert(name.clone(), bytes);
        archlint_tests::review_in(&[name], &loader, &Config::default())
    })
    .expect("the input exists")
}

/// Runs `job` on a thread with a main thread's stack, failing on a hang.
fn watched<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let _ = sender.send(job());
        })
        .expect("spawn");
    receiver
        .recv_timeout(HANG)
        .expect("the review finished without hanging or crashing")
}

fn rules(report: &Report) -> Vec<&str> {
    report
        .findings
        .iter()
        .map(|finding| finding.name.as_str())
        .collect()
}

fn assert_parse_error(report: &Report, needle: &str) {
    let finding = report
        .findings
        .iter()
        .find(|finding| finding.name == "parse-error")
        .unwrap_or_else(|| panic!("no parse-error in {:?}", rules(report)));
    assert!(
        finding.message.contains(needle),
        "`{}` does not mention `{needle}`",
        finding.message
    );
}

#[test]
fn billion_laughs_is_a_finding() {
    let mut text = String::from("openapi: 3.1.0\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        text.push_str(&format!("{}: &{} [{}]\n", pair[1], pair[1], refs));
    }
    let report = review_bytes("bomb.yaml", text.into_bytes());
    assert_parse_error(&report, "alias");
}

#[test]
fn quadratic_blowup_through_nested_mappings_is_a_finding() {
    // Each level doubles: 2^40 nodes if expanded.
    let mut text = String::from("openapi: 3.1.0\nl0: &l0 {x: 1}\n");
    for level in 1..40 {
        text.push_str(&format!(
            "l{level}: &l{level} {{a: *l{prev}, b: *l{prev}}}\n",
            prev = level - 1
        ));
    }
    let report = review_bytes("doubling.yaml", text.into_bytes());
    assert_parse_error(&report, "alias");
}

#[test]
fn deep_nesting_is_a_finding() {
    let json = format!("{{\"openapi\": \"3.1.0\", \"x\": {}", "[".repeat(100_000));
    assert_parse_error(&review_bytes("deep.json", json.into_bytes()), "nesting");
    let flow = format!("openapi: 3.1.0\nx: {}", "{a: ".repeat(100_000));
    let report = review_bytes("deep-flow.yaml", flow.into_bytes());
    assert!(rules(&report).contains(&"parse-error"));
    let mut block = String::from("openapi: 3.1.0\n");
    for depth in 0..2_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    assert_parse_error(
        &review_bytes("deep-block.yaml", block.into_bytes()),
        "nesting",
    );
}

#[test]
fn huge_strings_are_reviewed() {
    let big = "x".repeat(100 * 1024 * 1024);
    let json = format!("{{\"openapi\": \"3.1.0\", \"info\": {{\"title\": \"t\", \"version\": \"1\", \"description\": \"{big}\"}}, \"paths\": {{}}}}");
    let report = review_bytes("huge.json", json.into_bytes());
    assert!(
        !rules(&report).contains(&"parse-error"),
        "{:?}",
        rules(&report)
    );
    let yaml = format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\nx-note: '{}'\n",
        "y".repeat(10 * 1024 * 1024)
    );
    let report = review_bytes("huge.yaml", yaml.into_bytes());
    assert!(
        !rules(&report).contains(&"parse-error"),
        "{:?}",
        rules(&report)
    );
}

#[test]
fn invalid_utf8_is_a_finding_with_a_location() {
    let mut bytes = b"openapi: 3.1.0\ninfo:\n  title: caf".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\n");
    let report = review_bytes("latin1.yaml", bytes);
    assert_parse_error(&report, "UTF-8");
    let location = &report.findings[0].location;
    assert_eq!((location.line, location.column), (3, 13));
}

#[test]
fn byte_order_mark_is_ignored_and_columns_stay_right() {
    let text = "\u{feff}openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers:\n  - url: http://api.example.com\npaths: {}\n";
    let report = review_bytes("bom.yaml", text.as_bytes().to_vec());
    let finding = report
        .findings
        .iter()
        .find(|f| f.name == "insecure-server-url")
        .expect("reviewed");
    assert_eq!((finding.location.line, finding.location.column), (4, 5));
}

#[test]
fn unterminated_quotes_are_findings() {
    for (name, text) in [
        ("a.json", "{\"openapi\": \"3.1.0"),
        ("b.yaml", "openapi: '3.1.0\ninfo: x\n"),
        ("c.yaml", "openapi: \"3.1.0\n"),
        ("d.json", "{\"openapi\": \"3.1.0\", \"x\": \"\\u12"),
    ] {
        let report = review_bytes(name, text.as_bytes().to_vec());
        assert!(
            rules(&report).contains(&"parse-error"),
            "{name}: {:?}",
            rules(&report)
        );
    }
}

#[test]
fn degenerate_documents_are_findings_not_crashes() {
    for (name, bytes) in [
        ("empty.yaml", b"".to_vec()),
        ("blank.json", b"   \n\t".to_vec()),
        ("scalar.yaml", b"just a string".to_vec()),
        ("null.json", b"null".to_vec()),
        ("array.json", b"[1, 2]".to_vec()),
        ("binary.yaml", (0u8..=255).cycle().take(4096).collect()),
        ("nul.yaml", b"openapi: 3.1.0\x00\n".to_vec()),
        ("complex-key.yaml", b"? {a: 1}\n: b\n".to_vec()),
        ("tabs.yaml", b"openapi: 3.1.0\n\tinfo: x\n".to_vec()),
        ("multi-doc.yaml", b"openapi: 3.1.0\n---\nopenapi: 3.0.0\n".to_vec()),
        ("anchors.yaml", b"a: *missing\n".to_vec()),
        ("wrong-types.yaml", b"openapi: 3.1.0\ninfo: 7\npaths: [1]\ncomponents: {securitySchemes: 5}\n".to_vec()),
        ("bad-paths.yaml", b"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {/a: 5, /b: {get: 5, post: {parameters: 7, responses: [1]}}}\n".to_vec()),
    ] {
        let report = review_bytes(name, bytes);
        assert!(!report.findings.is_empty(), "{name} gave no finding");
    }
}

#[test]
fn long_ref_chains_and_deep_schema_recursion_end() {
    let mut text = String::from("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/S0'}\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n");
    for index in 0..5_000 {
        text.push_str(&format!(
            "    S{index}: {{type: object, properties: {{next: {{$ref: '#/components/schemas/S{}'}}, name: {{type: string}}}}}}\n",
            (index + 1) % 5_000
        ));
    }
    let report = review_bytes("chain.yaml", text.into_bytes());
    let unbounded = report
        .findings
        .iter()
        .filter(|f| f.name == "string-without-max-length")
        .count();
    assert_eq!(unbounded, 5_000, "each schema's `name` is reported once");
}

#[test]
fn examples_against_self_composing_schemas_end() {
    // `allOf: [A, A]` inside `A` branches exponentially unless the check is budgeted.
    let text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/A'}\n            example: {x: {x: {x: 1}}}\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties: {x: {$ref: '#/components/schemas/A'}}\n      allOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/A'}]\n      anyOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/A'}]\n";
    let report = review_bytes("self.yaml", text.as_bytes().to_vec());
    assert!(
        rules(&report).contains(&"invalid-example"),
        "{:?}",
        rules(&report)
    );
}

/// A schema whose `allOf`, `oneOf` or `anyOf` names itself sixty times.
/// Every walk that follows compositions must read each part once, not once
/// per path to it (60^8 paths): the review, its link to the database, and
/// the change review. A union that is its own branch also ends: it
/// overflowed the change review's stack (docs/RELIABILITY.md).
#[test]
fn self_naming_compositions_end_in_every_walk() {
    for keyword in ["allOf", "oneOf", "anyOf"] {
        let (review, diff) = watched(move || {
            let mut loader = MemoryLoader::new();
            loader.insert("old.yaml", fanned_out(keyword, "").into_bytes());
            loader.insert(
                "new.yaml",
                fanned_out(keyword, "      required: [name]\n").into_bytes(),
            );
            loader.insert(
                "schema.sql",
                b"CREATE TABLE items (id bigint PRIMARY KEY, name text);".to_vec(),
            );
            let paths = |names: &[&str]| {
                names
                    .iter()
                    .map(|name| name.to_string())
                    .collect::<Vec<_>>()
            };
            let config = Config::default();
            let review =
                archlint_tests::review_in(&paths(&["old.yaml", "schema.sql"]), &loader, &config);
            let diff = archlint_tests::diff_in(
                &paths(&["old.yaml"]),
                &paths(&["new.yaml"]),
                &loader,
                &[],
                config,
            );
            (review, diff)
        });
        let review = review.expect("the files exist");
        let diff = diff.expect("the files exist");
        // The link to the table ran: `id` is the table's key.
        assert!(
            rules(&review).contains(&"writable-server-field"),
            "{keyword}: {:?}",
            rules(&review)
        );
        assert!(
            rules(&diff).contains(&"required-input-added"),
            "{keyword}: {:?}",
            rules(&diff)
        );
    }
}

fn fanned_out(keyword: &str, extra: &str) -> String {
    let mut text = format!(
        "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths:\n  /items:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {{$ref: '#/components/schemas/Item'}}\n      responses:\n        '201':\n          description: created\n          content:\n            application/json:\n              schema: {{$ref: '#/components/schemas/Item'}}\ncomponents:\n  schemas:\n    Item:\n      type: object\n      properties: {{id: {{type: integer}}, name: {{type: string}}}}\n{extra}      {keyword}:\n"
    );
    for _ in 0..60 {
        text.push_str("        - $ref: '#/components/schemas/Item'\n");
    }
    text
}

/// Swagger 2.0 with every field of the wrong shape (numbers for objects,
/// `$ref`s to nothing and to themselves, form fields without names): read
/// as 3.0 without a crash, reported, and diffable.
#[test]
fn swagger_2_of_the_wrong_shapes_is_reported_not_a_crash() {
    for name in ["swagger-shapes.yaml", "swagger-ref-loop.yaml"] {
        let path = archlint_tests::fixture_path(&format!("fixtures/hostile/{name}"));
        let bytes = std::fs::read(&path).expect("the fixture exists");
        let report = review_bytes(name, bytes);
        assert!(!report.findings.is_empty(), "{name}");
    }
    let old = archlint_tests::fixture_path("fixtures/hostile/swagger-shapes.yaml");
    let new = archlint_tests::fixture_path("fixtures/hostile/swagger-ref-loop.yaml");
    let report =
        archlint_tests::diff_in(&[old], &[new], &archlint::FsLoader, &[], Config::default())
            .expect("both versions exist");
    assert!(report
        .findings
        .iter()
        .all(|finding| finding.location.line >= 1));
}

/// Nothing in a reviewed folder is left out silently: a file that is not a
/// description (another YAML, a template, a truncated file) gets one `info`
/// finding saying why, and a fragment a description references gets none.
/// A template named on the command line is one error for the file.
#[test]
fn files_left_out_of_a_folder_are_said_to_be() {
    let folder = archlint_tests::fixture_path("fixtures/skipped");
    let report = archlint_tests::review_with(std::slice::from_ref(&folder), &[], Config::default());
    let left_out: Vec<(String, String)> = report
        .findings
        .iter()
        .filter(|finding| finding.message.starts_with("not reviewed"))
        .map(|finding| {
            let file = finding
                .location
                .file
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned();
            let severity = format!("{:?}", finding.severity).to_lowercase();
            (file, format!("{severity} {}", finding.message))
        })
        .collect();
    assert_eq!(
        left_out,
        [
            ("broken.json".to_owned(), "info not reviewed: not valid YAML or JSON (this object is never closed)".to_owned()),
            ("chart.yaml".to_owned(), "info not reviewed: a template (`{{ … }}` placeholders): render it, and review the result".to_owned()),
            ("compose.yaml".to_owned(), "info not reviewed: no `openapi` or `swagger` field: not an OpenAPI or Swagger description".to_owned()),
        ]
    );
    let chart = format!("{folder}/chart.yaml");
    let named = archlint_tests::review_with(&[chart], &[], Config::default());
    assert_eq!(named.findings.len(), 1, "{:#?}", named.findings);
    assert_eq!(named.findings[0].rule, "STR002");
    assert_eq!(named.findings[0].severity, archlint::Severity::Error);
}

/// Every cap of `[limits]` is configurable; hitting one is a finding that
/// names the setting to raise, and the rest of the review goes on.
#[test]
fn limits_are_settings_and_hitting_one_is_a_finding() {
    let review = |files: &[(&str, String)], limits: &str| {
        let mut loader = MemoryLoader::new();
        for (name, text) in files {
            loader.insert(*name, text.clone());
        }
        let config = Config::from_toml(&format!("[limits]\n{limits}")).expect("valid limits");
        archlint_tests::review_in(&["api.yaml".to_owned()], &loader, &config).expect("reviewed")
    };
    let says = |report: &Report, setting: &str| {
        report
            .findings
            .iter()
            .any(|finding| finding.message.contains(&format!("`[limits] {setting}")))
    };
    let header = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\n";
    // Nesting.
    let deep = format!(
        "{header}x-deep: {}1{}\npaths: {{}}\n",
        "[".repeat(30),
        "]".repeat(30)
    );
    assert!(says(
        &review(&[("api.yaml", deep.clone())], "depth = 20"),
        "depth"
    ));
    assert!(!says(&review(&[("api.yaml", deep)], ""), "depth"));
    // File size.
    let big = format!("{header}x-big: '{}'\npaths: {{}}\n", "a".repeat(1_200_000));
    assert!(says(
        &review(&[("api.yaml", big)], "file_mb = 1"),
        "file_mb"
    ));
    // `$ref` chains.
    let mut chain = format!("{header}paths: {{}}\ncomponents:\n  schemas:\n");
    for step in 0..8 {
        chain.push_str(&format!(
            "    S{step}: {{$ref: '#/components/schemas/S{}'}}\n",
            step + 1
        ));
    }
    chain.push_str("    S8: {type: string}\n");
    assert!(says(
        &review(&[("api.yaml", chain.clone())], "ref_hops = 4"),
        "ref_hops"
    ));
    assert!(!says(&review(&[("api.yaml", chain)], ""), "ref_hops"));
    // Files one description reads.
    let split = format!(
        "{header}paths: {{}}\ncomponents:\n  schemas:\n    A: {{$ref: 'a.yaml'}}\n    B: {{$ref: 'b.yaml'}}\n    C: {{$ref: 'c.yaml'}}\n"
    );
    let fragment = "type: string\n".to_owned();
    let files = [
        ("api.yaml", split),
        ("a.yaml", fragment.clone()),
        ("b.yaml", fragment.clone()),
        ("c.yaml", fragment),
    ];
    assert!(says(&review(&files, "documents = 2"), "documents"));
    assert!(!says(&review(&files, ""), "documents"));
    // Findings per rule.
    let mut many = format!("{header}paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n");
    for index in 0..6 {
        many.push_str(&format!("                p{index}: {{type: string}}\n"));
    }
    many.push_str("      responses: {'201': {description: ok}}\n");
    let capped = review(&[("api.yaml", many.clone())], "findings_per_rule = 2");
    let of = |report: &Report| {
        report
            .findings
            .iter()
            .filter(|f| f.rule == "VAL001")
            .count()
    };
    assert!(of(&review(&[("api.yaml", many)], "")) > 3);
    assert_eq!(of(&capped), 3, "two findings and the note");
    assert!(says(&capped, "findings_per_rule"));
    assert!(Config::from_toml("[limits]\nfile_gb = 1\n").is_err());
}

/// Hostile GraphQL: deep nesting, huge files, unterminated strings, bytes
/// that are not UTF-8, a file of operations, and nothing at all.
#[test]
fn hostile_graphql_ends_in_findings() {
    let deep_list = format!(
        "type Query {{ f: {}Int{} }}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = review_bytes("deep.graphql", deep_list.into_bytes());
    assert!(
        rules(&report).contains(&"graphql-syntax-error"),
        "{:?}",
        rules(&report)
    );

    let deep_value = format!(
        "type Query {{ f: Int @d(a: {}1{}) }}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = review_bytes("value.graphql", deep_value.into_bytes());
    assert!(
        rules(&report).contains(&"graphql-syntax-error"),
        "{:?}",
        rules(&report)
    );

    let mut huge = String::from("type Query { a: A }\ntype A {\n");
    for index in 0..200_000 {
        huge.push_str(&format!("  field{index}(first: Int): [A!]!\n"));
    }
    huge.push_str("}\n");
    let report = review_bytes("huge.graphql", huge.into_bytes());
    assert!(report.summary.files.len() == 1);

    for text in [
        "type Query { \"\"\" never closed",
        "type Query { f(a: \"never closed): Int }",
        "{ user { id } }",
        "",
        "\u{feff}# only a comment",
        "extend type Query { f: Int } extend type Query { f: Int }",
    ] {
        let report = review_bytes("odd.graphql", text.as_bytes().to_vec());
        assert!(!report.findings.is_empty(), "`{text}` gave no finding");
    }

    let report = review_bytes("latin1.graphql", b"type Query { caf\xe9: Int }".to_vec());
    assert!(
        rules(&report).contains(&"graphql-syntax-error"),
        "{:?}",
        rules(&report)
    );
}

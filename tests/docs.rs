//! Rule documentation: every rule has every section, and the generated pages
//! under docs/rules/ match the rules (`UPDATE_DOCS=1` rewrites them).

use archlint::docs::{index_page, page_name, rule_page, GENERATED, REQUIRED_SECTIONS};
use archlint::RULES;
use archlint_tests::root;

#[test]
fn every_rule_documents_every_section() {
    for rule in RULES.iter().map(|rule| rule.meta()) {
        let docs = rule.markdown();
        let mut last = 0;
        for section in REQUIRED_SECTIONS {
            let at = docs
                .find(section)
                .unwrap_or_else(|| panic!("{} lacks `{section}`", rule.name));
            assert!(at >= last, "{}: `{section}` is out of order", rule.name);
            last = at;
        }
        assert!(docs.contains("```"), "{} has no example", rule.name);
        assert!(
            !rule.summary.is_empty() && !rule.fix.is_empty(),
            "{}",
            rule.name
        );
        let kebab = rule
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(kebab, "{} is not kebab-case", rule.name);
    }
}

#[test]
fn generated_pages_are_current() {
    let dir = root().join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut expected = vec![("README.md".to_owned(), index_page())];
    for rule in RULES.iter().map(|rule| rule.meta()) {
        expected.push((page_name(rule), format!("{GENERATED}{}", rule_page(rule))));
    }
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let on_disk = std::fs::read_dir(&dir)
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert!(
        stale.is_empty(),
        "stale docs (run UPDATE_DOCS=1 cargo test -p archlint-tests --test docs): {stale:?}"
    );
    assert_eq!(
        on_disk,
        expected.len(),
        "docs/rules has pages of rules that no longer exist"
    );
}

/// A rule's documented example, run: its code blocks before "Use instead:"
/// are the bad example, those after it the good one. `yaml`/`json` blocks are
/// the OpenAPI description (the `openapi`/`info` header is added when the
/// block leaves it out), `sql` blocks the migrations in order, a `graphql`
/// block the GraphQL schema, a `toml` block
/// the settings, a `yaml .spectral.yaml` block a Spectral ruleset. A part without a description or settings takes the other
/// part's; the good part's migrations replace the bad part's last ones (the
/// earlier ones are the history both share).
struct Example {
    openapi: Option<String>,
    /// Every description block, in order: a compatibility rule's example is
    /// the old version then the new one.
    versions: Vec<String>,
    sql: Vec<String>,
    /// The GraphQL schema (`graphql` blocks).
    graphql: Option<String>,
    /// Every `graphql` block, in order: a compatibility rule's GraphQL
    /// example is the old schema then the new one.
    graphql_versions: Vec<String>,
    toml: Option<String>,
    /// A Spectral ruleset (`yaml .spectral.yaml` blocks).
    ruleset: Option<String>,
}

fn code_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        match (&mut current, trimmed.strip_prefix("```")) {
            (None, Some(language)) => current = Some((language.trim().to_owned(), String::new())),
            (Some(_), Some(_)) => blocks.extend(current.take()),
            (Some((_, code)), None) => {
                code.push_str(line);
                code.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

fn example(blocks: &[(String, String)]) -> Example {
    let mut example = Example {
        openapi: None,
        versions: Vec::new(),
        sql: Vec::new(),
        graphql: None,
        graphql_versions: Vec::new(),
        toml: None,
        ruleset: None,
    };
    for (language, code) in blocks {
        match language.as_str() {
            "yaml .spectral.yaml" => example.ruleset = Some(code.clone()),
            "yaml" | "json" => {
                example.openapi = Some(code.clone());
                example.versions.push(code.clone());
            }
            "sql" => example.sql.push(code.clone()),
            "graphql" => {
                example.graphql = Some(code.clone());
                example.graphql_versions.push(code.clone());
            }
            "toml" => example.toml = Some(code.clone()),
            _ => {}
        }
    }
    example
}

/// The header a fragment leaves out.
fn with_header(openapi: &str) -> String {
    let has = |key: &str| openapi.lines().any(|line| line.starts_with(key));
    if has("openapi:") || has("swagger:") || openapi.trim_start().starts_with('{') {
        return openapi.to_owned();
    }
    let info = if has("info:") {
        ""
    } else {
        "info: {title: Example, version: 1.0.0}\n"
    };
    format!("openapi: 3.1.0\n{info}{openapi}")
}

/// The documented examples of a rule, bad then good.
fn examples(rule: &archlint::RuleMeta) -> Option<(Example, Example)> {
    let docs = rule.markdown();
    let start = docs.find("## Example")?;
    let end = docs.find("## How to fix").unwrap_or(docs.len());
    let section = docs.get(start..end)?;
    let (bad, good) = section.split_once("Use instead:")?;
    let (mut bad, mut good) = (example(&code_blocks(bad)), example(&code_blocks(good)));
    if good.openapi.is_none() {
        good.openapi.clone_from(&bad.openapi);
    }
    if bad.openapi.is_none() {
        bad.openapi.clone_from(&good.openapi);
    }
    // The good part's migrations replace the bad part's last ones: the
    // earlier ones are the history both share.
    if good.sql.len() < bad.sql.len() {
        let shared = bad.sql.len() - good.sql.len();
        let mut sql: Vec<String> = bad.sql.iter().take(shared).cloned().collect();
        sql.append(&mut good.sql);
        good.sql = sql;
    }
    if bad.sql.is_empty() {
        bad.sql.clone_from(&good.sql);
    }
    if good.toml.is_none() {
        good.toml.clone_from(&bad.toml);
    }
    if good.ruleset.is_none() {
        good.ruleset.clone_from(&bad.ruleset);
    }
    Some((bad, good))
}

/// How many findings of `rule` its example gives.
fn run_example(rule: &archlint::RuleMeta, example: &Example) -> Result<usize, String> {
    let mut config = match &example.toml {
        Some(toml) => archlint::Config::from_toml(toml).map_err(|error| error.to_string())?,
        None => archlint::Config::default(),
    };
    config.select(&[rule.id]);
    if rule.side == archlint::Side::Change {
        // Two descriptions are the old and new versions; one serves both
        // when only the database changes (the first `sql` block is the old
        // schema, the others the change's migrations). Two `graphql` blocks
        // are the old and new GraphQL schemas, compared in the same run.
        let api = match (example.versions.as_slice(), &example.openapi) {
            ([old, new], _) => Some((old, new)),
            (_, Some(both)) if !example.sql.is_empty() => Some((both, both)),
            _ => None,
        };
        let graphql = match example.graphql_versions.as_slice() {
            [old, new] => Some((old, new)),
            _ => None,
        };
        if api.is_none() && graphql.is_none() {
            return Err(
                "a change example needs an old and a new description or GraphQL schema".to_owned(),
            );
        }
        let version = |api: Option<&String>, graphql: Option<&String>, migrations: usize| {
            let mut request = archlint::ReviewRequest::new(config.clone());
            if let Some(text) = api {
                request.openapi_text(with_header(text));
                request.sql_texts(example.sql.iter().take(migrations).cloned());
            }
            if let Some(text) = graphql {
                request.graphql_text(text.clone());
            }
            request
        };
        let report = archlint::diff(
            &version(api.map(|(old, _)| old), graphql.map(|(old, _)| old), 1),
            &version(
                api.map(|(_, new)| new),
                graphql.map(|(_, new)| new),
                example.sql.len(),
            ),
            &archlint::MemoryLoader::new(),
        )
        .map_err(|error| error.to_string())?;
        return Ok(report.findings.iter().filter(|f| f.rule == rule.id).count());
    }
    let mut request = archlint::ReviewRequest::new(config);
    if let Some(openapi) = &example.openapi {
        request.openapi_text(with_header(openapi));
    }
    if let Some(ruleset) = &example.ruleset {
        request
            .file(".spectral.yaml", ruleset.clone())
            .ruleset(".spectral.yaml");
    }
    request.sql_texts(example.sql.iter().cloned());
    if let Some(graphql) = &example.graphql {
        request.graphql_text(graphql.clone());
    }
    let report = archlint::review(&request, &archlint::MemoryLoader::new())
        .map_err(|error| error.to_string())?;
    Ok(report
        .findings
        .iter()
        .filter(|finding| finding.rule == rule.id)
        .count())
}

#[test]
fn documented_examples_do_what_they_say() {
    let mut failures = Vec::new();
    for rule in RULES.iter().map(|rule| rule.meta()) {
        let Some((bad, good)) = examples(rule) else {
            failures.push(format!("{}: no example with `Use instead:`", rule.name));
            continue;
        };
        match run_example(rule, &bad) {
            Ok(0) => failures.push(format!("{}: the bad example gives no finding", rule.name)),
            Ok(_) => {}
            Err(error) => failures.push(format!("{}: the bad example: {error}", rule.name)),
        }
        match run_example(rule, &good) {
            Ok(0) => {}
            Ok(count) => failures.push(format!(
                "{}: the good example gives {count} finding(s)",
                rule.name
            )),
            Err(error) => failures.push(format!("{}: the good example: {error}", rule.name)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

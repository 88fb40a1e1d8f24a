//! Every rule has a folder `tests/fixtures/rules/<rule-name>/` with `fail*` and
//! `pass*` documents. Each document is reviewed with only that rule enabled; the
//! findings must equal `<document-stem>.expected` exactly — rule, line, column,
//! severity and message (`ERR001 6:7 warning: ...`), then the help when it is
//! not the rule's own and every related place (`  -> schema.sql:3:5 ...`): a
//! missing, extra or reworded finding fails. `pass*` documents have no
//! `.expected` and must give no finding. A `fail*`/`pass*` folder is reviewed as
//! one migration history (or an API with its schema); its places name the
//! file: `file.sql:line:col`. A rule that reads settings takes them from an
//! `archlint.toml` in its folder, or a document from its own `.toml`
//! (`fail.toml` beside `fail.yaml`), and a Spectral ruleset from its own
//! `.spectral.yaml` (`fail.spectral.yaml`).
//!
//! `ARCHLINT_BLESS=1` rewrites the `.expected` files from what the rules find
//! (review the diff before committing it); `ARCHLINT_RULE=<id or name>` runs
//! one rule's fixtures.

use std::path::{Path, PathBuf};

use archlint::{Config, Report, RuleMeta, Side, RULES};
use archlint_tests::{diff_in, expect, review_with, root, rule_selected, snapshot, versions, Base};

/// Reviews a fixture with only its rule; a compatibility rule's fixture is a
/// folder of `old*` and `new*` files, diffed.
fn run(rule: &RuleMeta, document: &Path) -> Report {
    let path = document.to_string_lossy().into_owned();
    if rule.side == Side::Change {
        let (old, new) = versions(document);
        return diff_in(
            &old,
            &new,
            &archlint::FsLoader,
            &[rule.id],
            config(rule.name, document),
        )
        .expect("the fixture's versions exist");
    }
    review_with(
        std::slice::from_ref(&path),
        &[rule.id],
        config(rule.name, document),
    )
}

fn rule_dir(name: &str) -> PathBuf {
    root().join("tests/fixtures/rules").join(name)
}

/// The document's own settings (`fail.toml` beside `fail.yaml`), else the
/// fixture folder's `archlint.toml` (for rules that read settings), else the
/// default.
fn config(name: &str, document: &Path) -> Config {
    let own = document.with_extension("toml");
    let text = std::fs::read_to_string(&own)
        .or_else(|_| std::fs::read_to_string(rule_dir(name).join("archlint.toml")));
    let mut config = match text {
        Ok(text) => Config::from_toml(&text).expect("the fixture's settings are valid"),
        Err(_) => Config::default(),
    };
    let ruleset = document.with_extension("spectral.yaml");
    if ruleset.is_file() {
        config.rulesets.files = vec![ruleset.to_string_lossy().into_owned()];
    }
    config
}

fn documents(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    files.retain(|path| {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        (name.starts_with("fail") || name.starts_with("pass"))
            && !name.ends_with(".expected")
            && !name.ends_with(".toml")
            && !name.ends_with(".spectral.yaml")
    });
    files.sort();
    files
}

#[test]
fn every_rule_has_failing_and_passing_fixtures() {
    let mut missing = Vec::new();
    for rule in RULES.iter().map(|rule| rule.meta()) {
        let files = documents(&rule_dir(rule.name));
        let has = |prefix: &str| {
            files.iter().any(|file| {
                file.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
        };
        if !has("fail") || !has("pass") {
            missing.push(rule.name);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without fail/pass fixtures: {missing:?}"
    );
}

#[test]
fn fixtures_give_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in RULES
        .iter()
        .map(|rule| rule.meta())
        .filter(|rule| rule_selected(rule))
    {
        for document in documents(&rule_dir(rule.name)) {
            let path = document.to_string_lossy().into_owned();
            let report = run(rule, &document);
            let base = if document.is_dir() {
                Base::Folder(&path)
            } else {
                Base::File(&path)
            };
            let found = snapshot(&report.findings, &base);
            let passing = document
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("pass"));
            if passing {
                if !found.is_empty() {
                    failures.push(format!("{path}: a passing document gives {found:#?}"));
                }
            } else if found.is_empty() {
                failures.push(format!("{path}: a failing document gives no finding"));
            } else if let Err(difference) = expect(&document.with_extension("expected"), &found) {
                failures.push(difference);
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixture matched ARCHLINT_RULE");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn findings_name_rules_and_point_inside_the_fixture() {
    for rule in RULES.iter().map(|rule| rule.meta()) {
        for document in documents(&rule_dir(rule.name)) {
            let report = run(rule, &document);
            for finding in &report.findings {
                assert_eq!(finding.rule, rule.id);
                assert!(finding.location.line >= 1 && finding.location.column >= 1);
                assert!(!finding.message.is_empty() && !finding.help.is_empty());
            }
        }
    }
}

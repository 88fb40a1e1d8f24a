//! The hooks linters are wired into, run as their hosts run them, in a fake
//! workspace: the GitHub Action's script (`scripts/action.sh`, which
//! `action.yml` calls) and the pre-commit hook (`.pre-commit-hooks.yaml`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPOSITORY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A fresh folder holding the example corpus's API and schema, and a YAML
/// file that is no API (a CI or compose file, as every repository has).
fn workspace(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("archlint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (from, to) in [
        ("corpus/api/shop.yaml", "api/shop.yaml"),
        (
            "corpus/api/components/schemas.yaml",
            "api/components/schemas.yaml",
        ),
        ("corpus/db/schema.sql", "db/schema.sql"),
    ] {
        let target = root.join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(Path::new(REPOSITORY).join(from), target).unwrap();
    }
    std::fs::write(
        root.join("docker-compose.yml"),
        "services:\n  web: {image: nginx}\n",
    )
    .unwrap();
    root
}

fn action(workspace: &Path, paths: &str, fail_on: &str) -> Output {
    Command::new("bash")
        .arg(Path::new(REPOSITORY).join("scripts/action.sh"))
        .current_dir(workspace)
        .env("ARCHLINT", env!("CARGO_BIN_EXE_archlint"))
        .env("INPUT_PATHS", paths)
        .env("INPUT_FAIL_ON", fail_on)
        .env("INPUT_CONFIG", "")
        .env("RUNNER_TEMP", workspace)
        .env("GITHUB_OUTPUT", workspace.join("github-output"))
        .env("GITHUB_STEP_SUMMARY", workspace.join("summary.md"))
        .output()
        .expect("bash runs the script")
}

#[test]
fn the_action_annotates_summarizes_writes_sarif_and_fails_on_errors() {
    let root = workspace("action");
    let output = action(&root, "api db", "error");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the corpus has errors: {stdout}"
    );
    assert!(
        stdout.lines().all(|line| line.starts_with("::")),
        "{stdout}"
    );
    assert!(stdout.contains("::error file=api/shop.yaml"), "{stdout}");
    let summary = std::fs::read_to_string(root.join("summary.md")).unwrap();
    assert!(summary.starts_with("## archlint review"), "{summary}");
    let outputs = std::fs::read_to_string(root.join("github-output")).unwrap();
    let sarif = outputs
        .trim()
        .strip_prefix("sarif=")
        .expect("the sarif output");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sarif).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["runs"][0]["results"].as_array().unwrap().len() > 10);
    // `fail-on: never` reports and passes; a path that does not exist fails
    // the step with the usage status.
    assert_eq!(action(&root, "api db", "never").status.code(), Some(0));
    let missing = action(&root, "no-such-folder", "error");
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn the_pre_commit_hook_reviews_the_workspace_and_leaves_other_yaml_out() {
    let hooks =
        std::fs::read_to_string(Path::new(REPOSITORY).join(".pre-commit-hooks.yaml")).unwrap();
    let field = |name: &str| {
        hooks
            .lines()
            .find_map(|line| line.trim().strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("`{name}` in .pre-commit-hooks.yaml"))
            .to_owned()
    };
    assert_eq!(field("- id"), "archlint");
    assert_eq!(field("language"), "system");
    let entry = field("entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("archlint"));
    let args: Vec<String> = serde_json::from_str(&field("args")).unwrap();
    let run = |workspace: &Path| {
        Command::new(env!("CARGO_BIN_EXE_archlint"))
            .args(words.clone())
            .args(&args)
            .current_dir(workspace)
            .output()
            .unwrap()
    };
    let root = workspace("pre-commit");
    assert_eq!(run(&root).status.code(), Some(1), "the corpus has errors");
    // Without the flawed API, the compose file alone does not fail a commit.
    std::fs::remove_dir_all(root.join("api")).unwrap();
    std::fs::remove_dir_all(root.join("db")).unwrap();
    let clean = run(&root);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let _ = std::fs::remove_dir_all(&root);
}

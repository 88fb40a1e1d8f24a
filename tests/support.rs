//! Shared helpers of the end-to-end tests.

use std::path::{Path, PathBuf};

use archlint::{Config, Finding, FsLoader, Loader, Report, ReviewError, ReviewRequest};

/// The workspace root (tests run with the `tests/` crate as working directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Path of a file under `tests/`, relative to the workspace root, as findings name it.
pub fn fixture_path(relative: &str) -> String {
    format!("{}/tests/{relative}", root().display())
}

/// Reviews files from disk with only the given rules enabled (all when empty).
pub fn review(paths: &[String], rules: &[&str]) -> Report {
    review_with(paths, rules, Config::default())
}

/// Like [`review`], starting from a given configuration.
pub fn review_with(paths: &[String], rules: &[&str], mut config: Config) -> Report {
    if !rules.is_empty() {
        config.select(rules);
    }
    review_in(paths, &FsLoader, &config).expect("the test inputs exist")
}

/// Reviews paths read through `loader` (in-memory files in most tests).
pub fn review_in(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<Report, ReviewError> {
    let mut request = ReviewRequest::new(config.clone());
    for path in paths {
        request.path(path.clone());
    }
    request.keep_source_lines = true;
    archlint::review(&request, loader)
}

/// `RULE line:col` per finding, the format of `.expected` files.
pub fn summarize(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|finding| {
            format!(
                "{} {}:{}",
                finding.rule, finding.location.line, finding.location.column
            )
        })
        .collect()
}

/// `RULE file:line:col` per finding, the file relative to `base` (folder
/// fixtures). A consistency finding also names its other side:
/// `CONS001 api.yaml:12:5 -> schema.sql:3:5`.
pub fn summarize_in(findings: &[Finding], base: &str) -> Vec<String> {
    let relative = |location: &archlint::Location| {
        let file = location.file.strip_prefix(base).unwrap_or(&location.file);
        format!(
            "{}:{}:{}",
            file.trim_start_matches('/'),
            location.line,
            location.column
        )
    };
    findings
        .iter()
        .map(|finding| {
            let mut line = format!("{} {}", finding.rule, relative(&finding.location));
            if finding.area == archlint::Area::Consistency {
                for related in &finding.related {
                    line.push_str(&format!(" -> {}", relative(&related.location)));
                }
            }
            line
        })
        .collect()
}

/// Reads an `.expected` file: one `RULE line:col` per line; `#` starts a comment.
pub fn read_expected(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

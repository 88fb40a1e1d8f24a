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

/// The day change fixtures are reviewed on: the ends they announce
/// (`Sunset`) are read against it.
pub const FIXTURES_TODAY: &str = "2026-06-01";

/// Diffs two versions read through `loader`, with only the given rules
/// enabled (all when empty), on [`FIXTURES_TODAY`].
pub fn diff_in(
    old: &[String],
    new: &[String],
    loader: &dyn Loader,
    rules: &[&str],
    mut config: Config,
) -> Result<Report, ReviewError> {
    if !rules.is_empty() {
        config.select(rules);
    }
    let request = |paths: &[String]| {
        let mut request = ReviewRequest::new(config.clone());
        for path in paths {
            request.path(path.clone());
        }
        request
    };
    let mut new = request(new);
    new.today = archlint::Day::parse(FIXTURES_TODAY);
    archlint::diff(&request(old), &new, loader)
}

/// A change fixture's folder: the `old*` files are the old version, the
/// `new*` files the new one.
pub fn versions(folder: &Path) -> (Vec<String>, Vec<String>) {
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.path().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let named = |prefix: &str| -> Vec<String> {
        files
            .iter()
            .filter(|file| {
                Path::new(file)
                    .file_name()
                    .and_then(|name| name.to_str())
                    .is_some_and(|name| name.starts_with(prefix))
            })
            .cloned()
            .collect()
    };
    (named("old"), named("new"))
}

/// Where a snapshot's locations are relative to: the reviewed file (shown as
/// `line:col`) or the reviewed folder (shown as `file:line:col`).
pub enum Base<'a> {
    File(&'a str),
    Folder(&'a str),
}

impl Base<'_> {
    fn place(&self, location: &archlint::Location) -> String {
        let at = format!("{}:{}", location.line, location.column);
        match self {
            Base::File(file) if location.file == *file => at,
            Base::File(file) => {
                let folder = file.rsplit_once('/').map_or("", |(folder, _)| folder);
                format!("{}:{at}", relative(&location.file, folder))
            }
            Base::Folder(folder) => format!("{}:{at}", relative(&location.file, folder)),
        }
    }
}

fn relative<'f>(file: &'f str, folder: &str) -> &'f str {
    file.strip_prefix(folder)
        .unwrap_or(file)
        .trim_start_matches('/')
}

/// What a fixture pins of each finding, as a user sees it: rule, place,
/// severity and message; then its help when it differs from the rule's own
/// (`  help: ...`), and each related place (`  -> place message`).
pub fn snapshot(findings: &[Finding], base: &Base<'_>) -> Vec<String> {
    // Messages that quote a path the loader tried name it from the checkout:
    // pinned relative to it, so that any clone gives the same text.
    let checkout = format!("{}/", root().display());
    findings
        .iter()
        .map(|finding| {
            let mut entry = format!(
                "{} {} {}: {}",
                finding.rule,
                base.place(&finding.location),
                finding.severity.as_str(),
                finding.message.replace(&checkout, "")
            );
            let default_help = archlint::rules::find(&finding.rule).map(|rule| rule.meta().fix);
            if default_help != Some(finding.help.as_str()) {
                entry.push_str(&format!("\n  help: {}", finding.help));
            }
            for related in &finding.related {
                entry.push_str(&format!(
                    "\n  -> {} {}",
                    base.place(&related.location),
                    related.message
                ));
            }
            entry
        })
        .collect()
}

/// The rule and place of an entry (`ERR001 6:7`), which comments attach to.
fn entry_key(line: &str) -> String {
    line.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An `.expected` file: entries (a finding line and its indented lines), and
/// the comments written above entries (by key) or at the top of the file.
struct Expected {
    entries: Vec<String>,
    top: Vec<String>,
    comments: Vec<(String, String)>,
}

fn parse_expected(text: &str) -> Expected {
    let mut expected = Expected {
        entries: Vec::new(),
        top: Vec::new(),
        comments: Vec::new(),
    };
    let mut pending: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix('#') {
            pending.push(comment.trim().to_owned());
        } else if let Some(detail) = line.strip_prefix("  ") {
            if let Some(entry) = expected.entries.last_mut() {
                entry.push_str(&format!("\n  {detail}"));
            }
        } else if !line.trim().is_empty() {
            let key = entry_key(line);
            // The format before messages were pinned, `RULE place   # comment`,
            // has no `severity:` as its third word.
            let pinned = line
                .split_whitespace()
                .nth(2)
                .is_some_and(|third| third.ends_with(':'));
            let (line, trailing) = match line.split_once('#') {
                Some((code, comment)) if !pinned => (code.trim_end(), Some(comment)),
                _ => (line, None),
            };
            if expected.entries.is_empty() && expected.comments.is_empty() {
                expected.top.append(&mut pending);
            }
            for comment in pending
                .drain(..)
                .chain(trailing.map(|c| c.trim().to_owned()))
            {
                expected.comments.push((key.clone(), comment));
            }
            expected.entries.push(line.to_owned());
        }
    }
    expected.top.append(&mut pending);
    expected
}

/// Compares findings with an `.expected` file; with `ARCHLINT_BLESS=1`,
/// rewrites the file instead (keeping its comments). `Err` describes the
/// difference.
pub fn expect(path: &Path, found: &[String]) -> Result<(), String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let expected = parse_expected(&text);
    if std::env::var_os("ARCHLINT_BLESS").is_some() {
        bless(path, &expected, found);
        return Ok(());
    }
    if expected.entries == found {
        return Ok(());
    }
    let missing: Vec<&String> = expected
        .entries
        .iter()
        .filter(|entry| !found.contains(entry))
        .collect();
    let extra: Vec<&String> = found
        .iter()
        .filter(|entry| !expected.entries.contains(entry))
        .collect();
    Err(format!(
        "{}: findings differ (ARCHLINT_BLESS=1 rewrites the file)\n  missing:\n{}\n  unexpected:\n{}",
        path.display(),
        indent(&missing),
        indent(&extra)
    ))
}

fn indent(entries: &[&String]) -> String {
    entries
        .iter()
        .map(|entry| format!("    {}", entry.replace('\n', "\n    ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bless(path: &Path, expected: &Expected, found: &[String]) {
    if found.is_empty() {
        let _ = std::fs::remove_file(path);
        return;
    }
    let mut text = String::new();
    for comment in &expected.top {
        text.push_str(&format!("# {comment}\n"));
    }
    // Each comment stays above the first entry of its key, unless the
    // entry's message already says it.
    let mut comments: Vec<Option<&(String, String)>> = expected.comments.iter().map(Some).collect();
    for entry in found {
        let key = entry_key(entry);
        let mut taken = Vec::new();
        for slot in comments.iter_mut() {
            if slot.is_some_and(|(of, _)| *of == key) {
                taken.extend(slot.take().map(|(_, comment)| comment));
            }
        }
        let redundant =
            |comment: &String| found.iter().any(|entry| entry.contains(comment.as_str()));
        for comment in taken.into_iter().filter(|comment| !redundant(comment)) {
            text.push_str(&format!("# {comment}\n"));
        }
        text.push_str(entry);
        text.push('\n');
    }
    std::fs::write(path, text).expect("the .expected file is writable");
}

/// Only the rule `ARCHLINT_RULE` names (by id or name) when it is set.
pub fn rule_selected(rule: &archlint::RuleMeta) -> bool {
    std::env::var("ARCHLINT_RULE").map_or(true, |selector| rule.is(&selector))
}

/// A mapping's links as `(schema or type, table, via)`.
pub fn links(mapping: &archlint::report::Mapping) -> Vec<(&str, &str, &str)> {
    mapping
        .schemas
        .iter()
        .map(|schema| {
            (
                schema.schema.as_str(),
                schema.table.as_str(),
                schema.via.as_str(),
            )
        })
        .collect()
}

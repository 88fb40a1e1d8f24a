//! One review: find the inputs, load each description, run the enabled rules in
//! parallel, apply configuration and inline suppressions, and assemble a sorted,
//! deduplicated report.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::loader::{Loader, MemoryLoader};
use crate::openapi::{Api, ApiContext, Documents, IgnoreMarker};
use crate::report::{Finding, Report};
use crate::rules::{Emitter, Side, RULES};
use crate::tree::Node;

/// A review that could not start: a missing file, an empty folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// File extensions looked at inside folders.
const API_EXTENSIONS: [&str; 3] = [".yaml", ".yml", ".json"];

/// Reviews files and folders read through `loader`.
pub fn review(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<Report, InputError> {
    let roots = discover(paths, loader, config)?;
    let results = par_map(&roots, |root| review_api(root, loader, config));
    let mut report = Report::default();
    for unit in results {
        let Some(unit) = unit else { continue };
        for file in unit.files {
            if !report.summary.files.contains(&file) {
                report.summary.files.push(file);
            }
        }
        report.findings.extend(unit.findings);
        report.lines.extend(unit.lines);
    }
    report.summary.rules = RULES
        .iter()
        .filter(|rule| config.is_enabled(rule.meta()))
        .count();
    report.finish();
    Ok(report)
}

/// Reviews one description held in memory (the browser, Python's `openapi=`).
pub fn review_text(name: &str, text: &str, config: &Config) -> Report {
    let mut memory = MemoryLoader::new();
    memory.insert(name, text);
    review(&[name.to_owned()], &memory, config).unwrap_or_default()
}

/// A root document to review, and whether the user named it (a file met inside a
/// folder is only reviewed when it is an OpenAPI document).
struct Root {
    path: String,
    named: bool,
}

fn discover(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<Vec<Root>, InputError> {
    if paths.is_empty() {
        return Err(InputError(
            "no input: give OpenAPI files or folders to review".to_owned(),
        ));
    }
    let mut roots = Vec::new();
    for path in paths {
        if loader.is_dir(path) {
            let files = loader.list_dir(path).map_err(InputError)?;
            let before = roots.len();
            roots.extend(
                files
                    .into_iter()
                    .filter(|file| {
                        API_EXTENSIONS
                            .iter()
                            .any(|ext| file.to_ascii_lowercase().ends_with(ext))
                    })
                    .filter(|file| !config.is_ignored(file))
                    .map(|file| Root {
                        path: file,
                        named: false,
                    }),
            );
            if roots.len() == before {
                return Err(InputError(format!(
                    "{path}: no .yaml, .yml or .json files to review in this folder"
                )));
            }
        } else if !config.is_ignored(path) {
            loader
                .read(path)
                .map_err(|message| InputError(format!("cannot read {message}")))?;
            roots.push(Root {
                path: path.clone(),
                named: true,
            });
        }
    }
    Ok(roots)
}

/// What reviewing one description produced.
struct Unit {
    files: Vec<String>,
    findings: Vec<Finding>,
    lines: Vec<((String, u32), String)>,
}

fn review_api(root: &Root, loader: &dyn Loader, config: &Config) -> Option<Unit> {
    let documents = Documents::load(&root.path, loader);
    if !root.named && !looks_like_openapi(documents.tree(documents.root)) {
        return None;
    }
    let mut diagnostics = documents.diagnostics.clone();
    if let Some(api) = Api::build(&documents, &mut diagnostics) {
        let context = ApiContext::new(&documents, api, config);
        let rules: Vec<_> = RULES
            .iter()
            .filter(|rule| rule.meta().side == Side::Api && config.is_enabled(rule.meta()))
            .collect();
        for found in par_map(&rules, |rule| {
            let mut emitter = Emitter::new(rule.meta());
            rule.check_api(&context, &mut emitter);
            emitter.diagnostics
        }) {
            diagnostics.extend(found);
        }
    }
    let findings = finalize(diagnostics, &documents, config);
    let lines = findings
        .iter()
        .filter_map(|finding| {
            let id = documents.sources.find(&finding.location.file)?;
            let file = documents.sources.get(id)?;
            let text = file.lines.line_text(&file.text, finding.location.line);
            Some((
                (finding.location.file.clone(), finding.location.line),
                text.to_owned(),
            ))
        })
        .collect();
    Some(Unit {
        files: documents
            .sources
            .iter()
            .map(|(_, file)| file.name.clone())
            .collect(),
        findings,
        lines,
    })
}

/// A file found in a folder is a description when it says which spec it follows.
fn looks_like_openapi(root: Option<&Node>) -> bool {
    root.is_some_and(|node| node.get("openapi").is_some() || node.get("swagger").is_some())
}

/// Applies configuration (off rules, severity overrides) and inline suppressions,
/// and turns spans into line/column locations.
fn finalize(diagnostics: Vec<Diagnostic>, documents: &Documents, config: &Config) -> Vec<Finding> {
    diagnostics
        .into_iter()
        .filter(|diagnostic| !is_suppressed(diagnostic, &documents.ignores))
        .filter_map(|diagnostic| {
            let own = diagnostic.severity.unwrap_or(diagnostic.rule.severity);
            let severity = config.level(diagnostic.rule, own)?;
            if !config.is_enabled(diagnostic.rule) {
                return None;
            }
            Some(diagnostic.into_finding(&documents.sources, severity))
        })
        .collect()
}

/// `x-archlint-ignore: [rule, ...]` on a node silences those rules in its subtree.
fn is_suppressed(diagnostic: &Diagnostic, ignores: &[IgnoreMarker]) -> bool {
    let Some(pointer) = &diagnostic.place.pointer else {
        return false;
    };
    ignores.iter().any(|marker| {
        marker.file == diagnostic.place.file
            && is_pointer_prefix(&marker.pointer, pointer)
            && marker
                .rules
                .iter()
                .any(|rule| diagnostic.rule.is(rule) || rule == "all")
    })
}

fn is_pointer_prefix(prefix: &str, pointer: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// Maps in parallel when the `parallel` feature is on; the output keeps the input
/// order either way, so reports are identical.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_prefixes_respect_segments() {
        assert!(is_pointer_prefix("/paths/~1a", "/paths/~1a/get"));
        assert!(is_pointer_prefix("", "/paths"));
        assert!(!is_pointer_prefix("/paths/~1a", "/paths/~1ab"));
    }
}

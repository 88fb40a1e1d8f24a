//! Reviewing a change (`archlint diff`): both versions are loaded (each
//! description of OLD paired with NEW's of the same name), and the
//! compatibility rules report what NEW breaks for clients of OLD. NEW's
//! files are numbered after OLD's, so a finding in NEW can name its OLD
//! counterpart as a related place.

use std::sync::Arc;

use super::api::load;
use super::inputs::{discover, Root};
use super::run::{into_unit, run_rules, Unit};
use super::{add_unit, ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::source::SourceMap;
use crate::base::{Area, Diagnostic, Side};
use crate::openapi::{Api, Documents};
use crate::report::{Report, Units};
use crate::rules::structure::openapi_finding;
use crate::rules::{check_config, ApiContext, ChangeContext, RULES};

/// What changed from `old` to `new`, as findings of the compatibility area.
/// Settings are `new`'s.
pub fn diff(
    old: &ReviewRequest,
    new: &ReviewRequest,
    loader: &dyn Loader,
) -> Result<Report, ReviewError> {
    check_config(&new.config)?;
    let old_loader = old.loader(loader);
    let new_loader = new.loader(loader);
    let old_inputs = discover(old.paths(), &old_loader, &old.config)?;
    let new_inputs = discover(new.paths(), &new_loader, &new.config)?;
    let mut report = Report::default();
    for (old_root, new_root) in pair_roots(
        &old_inputs.api_roots,
        old.paths(),
        &new_inputs.api_roots,
        new.paths(),
    ) {
        if let Some(unit) = diff_api(old_root, &old_loader, new_root, &new_loader, new) {
            add_unit(&mut report, unit);
        }
    }
    let config = &new.config;
    report.summary.rules = RULES
        .iter()
        .filter(|rule| rule.meta().side == Side::Change && config.is_enabled(rule.meta()))
        .count();
    report.finish();
    report.summary.scores = crate::report::score(
        &report.findings,
        &[Area::Compatibility],
        report.summary.scores.units,
    );
    Ok(report)
}

/// One description in both versions.
fn diff_api(
    old_root: &Root,
    old_loader: &dyn Loader,
    new_root: &Root,
    new_loader: &dyn Loader,
    request: &ReviewRequest,
) -> Option<Unit> {
    let mut old_documents = load(old_root, old_loader, None)?;
    let below = Arc::new(old_documents.sources.clone());
    let mut new_documents =
        Documents::load_into(&new_root.path, new_loader, SourceMap::on_top_of(below));
    // What is wrong in OLD is not this change's doing: its problems are
    // reported only when they keep OLD from being compared at all.
    let mut old_problems = std::mem::take(&mut old_documents.problems);
    let old_api = Api::build(&old_documents, &mut old_problems);
    let mut problems = std::mem::take(&mut new_documents.problems);
    if old_api.is_none() {
        problems.append(&mut old_problems);
    }
    let new_api = Api::build(&new_documents, &mut problems);
    let mut diagnostics: Vec<Diagnostic> = problems.into_iter().map(openapi_finding).collect();
    let mut units = Units::default();
    if let (Some(old_api), Some(new_api)) = (old_api, new_api) {
        units.operations = new_api.operations.len().max(old_api.operations.len());
        let old_context = ApiContext::new(&old_documents, old_api, &request.config);
        let new_context = ApiContext::new(&new_documents, new_api, &request.config);
        let change = ChangeContext::new(&old_context, &new_context, &request.config);
        diagnostics.extend(run_rules(request, Side::Change, |rule, emitter| {
            rule.check_change(&change, emitter)
        }));
    }
    old_documents.restore_pointers(&mut diagnostics);
    new_documents.restore_pointers(&mut diagnostics);
    let mut unit = into_unit(diagnostics, &new_documents.sources, request);
    let mut files: Vec<String> = old_documents
        .sources
        .iter()
        .map(|(_, file)| file.name.clone())
        .collect();
    files.append(&mut unit.files);
    unit.files = files;
    unit.units = units;
    Some(unit)
}

/// Each description of OLD with NEW's of the same name under its input path;
/// a single description on each side pairs whatever its name.
fn pair_roots<'r>(
    old: &'r [Root],
    old_paths: &[String],
    new: &'r [Root],
    new_paths: &[String],
) -> Vec<(&'r Root, &'r Root)> {
    if let ([one_old], [one_new]) = (old, new) {
        return vec![(one_old, one_new)];
    }
    let relative = |root: &Root, paths: &[String]| -> String {
        paths
            .iter()
            .find_map(|path| root.path.strip_prefix(path.as_str()))
            .unwrap_or(&root.path)
            .trim_start_matches('/')
            .to_owned()
    };
    old.iter()
        .filter_map(|old_root| {
            let name = relative(old_root, old_paths);
            new.iter()
                .find(|new_root| relative(new_root, new_paths) == name)
                .map(|new_root| (old_root, new_root))
        })
        .collect()
}

//! Spectral rulesets in a review: read once, run on each description, their
//! results turned into findings under the ruleset's rule names.

use super::api::is_ignored_at;
use super::run::{into_unit, Unit};
use super::ReviewRequest;
use crate::base::loader::Loader;
use crate::base::locate;
use crate::base::source::SourceMap;
use crate::openapi::{Documents, IgnoreMarker};
use crate::report::{Finding, Snippet};
use crate::rules::structure::ruleset_finding;
use crate::spectral::{self, LoadedRuleset, RulesetHit};

/// The request's rulesets, or `None` when it names none.
pub(super) fn load(request: &ReviewRequest, loader: &dyn Loader) -> Option<LoadedRuleset> {
    let paths = request.rulesets();
    (!paths.is_empty()).then(|| spectral::load(&paths, loader))
}

/// What could not be read or run, as findings in the ruleset files.
pub(super) fn problems(loaded: &LoadedRuleset, request: &ReviewRequest) -> Unit {
    let diagnostics = loaded
        .ruleset
        .problems
        .iter()
        .map(ruleset_finding)
        .collect();
    into_unit(diagnostics, &loaded.sources, request)
}

/// Runs the rulesets over one description; its findings join `unit`.
pub(super) fn review(
    loaded: &LoadedRuleset,
    documents: &Documents,
    request: &ReviewRequest,
    unit: &mut Unit,
) {
    let area = request.config.rulesets.area;
    let (hits, problems) = spectral::run(&loaded.ruleset, documents);
    if !problems.is_empty() {
        let name = documents.sources.name(documents.root);
        let diagnostics = problems
            .into_iter()
            .map(|problem| {
                ruleset_finding(&spectral::RulesetProblem {
                    message: format!("on `{name}`: {}", problem.message),
                    ..problem
                })
            })
            .collect();
        let found = into_unit(diagnostics, &loaded.sources, request);
        unit.findings.extend(found.findings);
        unit.lines.extend(found.lines);
    }
    for hit in hits {
        let Some(severity) = request.config.area_level(area, hit.severity) else {
            continue;
        };
        if is_suppressed(&hit, &documents.ignores) {
            continue;
        }
        let (file, offset) = (hit.place.file, hit.place.span.start);
        let finding = finding(hit, &documents.sources, area, severity);
        if let Some(file) = documents
            .sources
            .get(file)
            .filter(|_| request.keep_source_lines)
        {
            let location = &finding.location;
            let snippet = Snippet::at(file, offset, location.line, location.column);
            unit.lines
                .push(((location.file.clone(), location.line), snippet));
        }
        unit.findings.push(finding);
    }
}

fn finding(
    hit: RulesetHit,
    sources: &SourceMap,
    area: crate::base::Area,
    severity: crate::base::Severity,
) -> Finding {
    Finding {
        rule: hit.rule.clone(),
        name: hit.rule,
        area,
        severity,
        message: hit.message,
        help: hit.help,
        location: locate(sources, &hit.place),
        related: Vec::new(),
        extent: None,
    }
}

/// `x-archlint-ignore: [rule]` silences a ruleset rule by its name too.
fn is_suppressed(hit: &RulesetHit, ignores: &[IgnoreMarker]) -> bool {
    is_ignored_at(&hit.place, ignores, |rules| {
        rules.iter().any(|rule| *rule == hit.rule || rule == "all")
    })
}

//! Running rules and turning what they report into located findings.

use super::ReviewRequest;
use crate::base::parallel::par_map;
use crate::base::source::SourceMap;
use crate::base::{Diagnostic, Emitter, Place, Side};
use crate::report::{Finding, Mapping, OlderMigrations, Snippet, Units};
use crate::rules::structure::incomplete_review_finding;
use crate::rules::{Rule, RULES};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs the enabled rules of one side in parallel.
pub(super) fn run_rules(
    request: &ReviewRequest,
    side: Side,
    at: &Place,
    check: impl Fn(&dyn Rule, &mut Emitter) + Sync,
) -> Vec<Diagnostic> {
    let rules: Vec<&dyn Rule> = RULES
        .iter()
        .copied()
        .filter(|rule| rule.meta().side == side && request.config.is_enabled(rule.meta()))
        .collect();
    let budget = Budget::start(request.config.limits.time_budget_ms);
    let skipped = AtomicUsize::new(0);
    let mut diagnostics: Vec<Diagnostic> = par_map(&rules, |rule| {
        if budget.spent() {
            skipped.fetch_add(1, Ordering::Relaxed);
            return Vec::new();
        }
        let mut emitter = Emitter::new(rule.meta());
        check(*rule, &mut emitter);
        emitter.into_diagnostics()
    })
    .into_iter()
    .flatten()
    .collect();
    let skipped = skipped.into_inner();
    if skipped > 0 {
        let message = format!(
            "the rules ran past the time budget of {} ms (`[limits] time_budget_ms`): {skipped} rule{} not run on this input",
            request.config.limits.time_budget_ms,
            if skipped == 1 { " was" } else { "s were" }
        );
        diagnostics.push(incomplete_review_finding(at.clone(), message));
    }
    diagnostics
}

/// When the rules of one input must be done by: `None` when the budget is
/// beyond what a clock counts, and always in WebAssembly (no clock there).
struct Budget {
    #[cfg(not(target_arch = "wasm32"))]
    deadline: Option<std::time::Instant>,
}

impl Budget {
    #[cfg(not(target_arch = "wasm32"))]
    fn start(milliseconds: u64) -> Budget {
        Budget {
            deadline: std::time::Instant::now()
                .checked_add(std::time::Duration::from_millis(milliseconds)),
        }
    }

    #[cfg(target_arch = "wasm32")]
    fn start(_milliseconds: u64) -> Budget {
        Budget {}
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn spent(&self) -> bool {
        self.deadline
            .is_some_and(|deadline| std::time::Instant::now() >= deadline)
    }

    #[cfg(target_arch = "wasm32")]
    fn spent(&self) -> bool {
        false
    }
}

/// What reviewing one description (or the SQL history) produced.
pub(super) struct Unit {
    pub files: Vec<String>,
    pub findings: Vec<Finding>,
    pub lines: Vec<((String, u32), Snippet)>,
    /// How the description maps onto the schema, when both were reviewed.
    pub mapping: Option<Mapping>,
    /// The migrations left out of the review, for the SQL history.
    pub older: Option<OlderMigrations>,
    /// What was reviewed, for the scores.
    pub units: Units,
    /// A file met in a folder and left out (its one finding says why).
    pub skipped: bool,
}

/// Applies configuration (off rules, severity overrides), turns spans into
/// line/column locations and keeps the source line under each finding.
pub(super) fn into_unit(
    diagnostics: Vec<Diagnostic>,
    sources: &SourceMap,
    request: &ReviewRequest,
) -> Unit {
    let config = &request.config;
    let mut findings = Vec::with_capacity(diagnostics.len());
    let mut lines = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics
        .into_iter()
        .filter(|diagnostic| config.is_enabled(diagnostic.rule))
    {
        let own = diagnostic.severity.unwrap_or(diagnostic.rule.severity);
        let Some(severity) = config.level(diagnostic.rule, own) else {
            continue;
        };
        let offset = diagnostic.place.span.start;
        let file = sources.get(diagnostic.place.file);
        let finding = Finding::from_diagnostic(diagnostic, sources, severity);
        if let Some(file) = file.filter(|_| request.keep_source_lines) {
            let location = &finding.location;
            let snippet = Snippet::at(file, offset, location.line, location.column);
            lines.push(((location.file.clone(), location.line), snippet));
        }
        findings.push(finding);
    }
    cap_per_rule(&mut findings, config.limits.findings_per_rule);
    Unit {
        files: sources.iter().map(|(_, file)| file.name.clone()).collect(),
        findings,
        lines,
        mapping: None,
        older: None,
        units: Units::default(),
        skipped: false,
    }
}

/// Keeps the first `cap` findings of each rule (by place), and says how many
/// more there were in one `info` finding at the first left out (`0`: no cap).
fn cap_per_rule(findings: &mut Vec<Finding>, cap: usize) {
    if cap == 0 {
        return;
    }
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for finding in findings.iter() {
        *counts.entry(finding.rule.as_str()).or_default() += 1;
    }
    let over: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(_, count)| *count > cap)
        .map(|(rule, count)| (rule.to_owned(), count))
        .collect();
    for (rule, count) in over {
        let (mut of_rule, rest): (Vec<Finding>, Vec<Finding>) = std::mem::take(findings)
            .into_iter()
            .partition(|finding| finding.rule == rule);
        of_rule.sort_by(|a, b| {
            let place = |finding: &Finding| {
                let location = &finding.location;
                (location.file.clone(), location.line, location.column)
            };
            place(a).cmp(&place(b))
        });
        let mut left_out = of_rule.split_off(cap);
        if let Some(mut note) = left_out.drain(..).next() {
            note.severity = crate::base::Severity::Info;
            note.message = format!(
                "{} more findings of this rule are not listed (`[limits] findings_per_rule = {cap}`; raise it to see them)",
                count - cap
            );
            note.related.clear();
            of_rule.push(note);
        }
        *findings = rest;
        findings.append(&mut of_rule);
    }
}

/// Whether a suppression marker's rule list names this diagnostic's rule.
pub(super) fn names_rule(rules: &[String], diagnostic: &Diagnostic) -> bool {
    rules
        .iter()
        .any(|rule| diagnostic.rule.is(rule) || rule == "all" || diagnostic.rule.answers_to(rule))
}

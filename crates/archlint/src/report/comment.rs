//! A review as a pull-request comment in Markdown: the counts and the score,
//! the areas that lost points, then the findings by severity — errors and
//! warnings listed, info folded — each capped so a comment stays readable.

use super::markdown::escape;
use super::printable::printable;
use super::{Finding, Report, Severity};

/// Findings listed per severity before the rest are counted.
const LISTED: usize = 50;

pub fn to_review_markdown(report: &Report) -> String {
    let mut out = String::from("## archlint review\n\n");
    let counts = &report.summary.counts;
    if report.findings.is_empty() {
        out.push_str(&format!(
            "No findings in {} files ({} rules).\n",
            report.summary.files.len(),
            report.summary.rules
        ));
        return out;
    }
    out.push_str(&format!(
        "**{} findings**: {} errors, {} warnings, {} info · score **{}/100**\n",
        report.findings.len(),
        counts.error,
        counts.warning,
        counts.info,
        report.summary.scores.overall
    ));
    out.push_str(&areas_table(report));
    for severity in Severity::ALL {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .collect();
        out.push_str(&section(severity, &findings));
    }
    out
}

/// The areas under 100, worst first, with what cost most in each.
fn areas_table(report: &Report) -> String {
    let scores = &report.summary.scores;
    let mut lost: Vec<_> = scores
        .areas
        .iter()
        .filter(|(_, score)| **score < 100)
        .collect();
    lost.sort_by_key(|(area, score)| (**score, **area));
    if lost.is_empty() {
        return String::new();
    }
    let mut table = String::from("\n| area | score | weighed most |\n|---|---:|---|\n");
    for (area, score) in lost {
        let heaviest = scores.heaviest.get(area).map_or(String::new(), |heaviest| {
            format!("{} {} ×{}", heaviest.rule, heaviest.name, heaviest.findings)
        });
        table.push_str(&format!(
            "| {} | {score} | {} |\n",
            area.as_str(),
            escape(&heaviest)
        ));
    }
    table
}

fn section(severity: Severity, findings: &[&Finding]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let title = match severity {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Info",
    };
    let mut items = String::new();
    for finding in findings.iter().take(LISTED) {
        let location = &finding.location;
        items.push_str(&format!(
            "- `{}:{}` **{}** {} — {}\n",
            printable(&location.file).replace('`', "'"),
            location.line,
            finding.rule,
            finding.name,
            escape(&finding.message)
        ));
    }
    if findings.len() > LISTED {
        items.push_str(&format!(
            "- … and {} more (the full report has them all)\n",
            findings.len() - LISTED
        ));
    }
    match severity {
        Severity::Info => format!(
            "\n<details><summary>{title} ({})</summary>\n\n{items}\n</details>\n",
            findings.len()
        ),
        _ => format!("\n### {title} ({})\n\n{items}", findings.len()),
    }
}

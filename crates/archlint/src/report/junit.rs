//! JUnit XML, the test report CI systems (GitLab, Jenkins, Azure, CircleCI)
//! show: one test suite per file, one test case per rule that reported in
//! it. A case fails when one of its findings reaches the `--fail-on`
//! severity; findings below it are listed in the case's output, and a file
//! with no finding is one passing case, so the report always says what was
//! reviewed.

use std::collections::BTreeMap;

use super::printable::printable;
use super::{Finding, Report, Severity};

/// The report as JUnit XML; `fail_on` is the severity from which a finding
/// fails its case (`None`: none fails).
pub fn to_junit(report: &Report, fail_on: Option<Severity>) -> String {
    let suites = suites(report);
    let failing = |findings: &[&Finding]| {
        fail_on
            .is_some_and(|threshold| findings.iter().any(|finding| finding.severity >= threshold))
    };
    let total_cases: usize = suites.values().map(|cases| cases.len().max(1)).sum();
    let total_failures: usize = suites
        .values()
        .flat_map(|cases| cases.values())
        .filter(|findings| failing(findings))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"archlint\" tests=\"{total_cases}\" failures=\"{total_failures}\">\n"
    ));
    for (file, cases) in &suites {
        let failures = cases.values().filter(|findings| failing(findings)).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">\n",
            escape(file),
            cases.len().max(1)
        ));
        if cases.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"archlint review\" classname=\"{}\"/>\n",
                escape(file)
            ));
        }
        for ((rule, name), findings) in cases {
            out.push_str(&test_case(file, rule, name, findings, failing(findings)));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// File → (rule, name) → findings, every reviewed file included.
type Suites<'r> = BTreeMap<&'r str, BTreeMap<(&'r str, &'r str), Vec<&'r Finding>>>;

fn suites(report: &Report) -> Suites<'_> {
    let mut suites: Suites<'_> = report
        .summary
        .files
        .iter()
        .map(|file| (file.as_str(), BTreeMap::new()))
        .collect();
    for finding in &report.findings {
        suites
            .entry(finding.location.file.as_str())
            .or_default()
            .entry((finding.rule.as_str(), finding.name.as_str()))
            .or_default()
            .push(finding);
    }
    suites
}

fn test_case(file: &str, rule: &str, name: &str, findings: &[&Finding], failed: bool) -> String {
    let lines: Vec<String> = findings
        .iter()
        .map(|finding| finding_line(finding))
        .collect();
    let body = escape(&lines.join("\n"));
    let head = format!(
        "    <testcase name=\"{} {}\" classname=\"{}\">\n",
        escape(rule),
        escape(name),
        escape(file)
    );
    let worst = worst(findings);
    let first_worst = findings.iter().find(|finding| finding.severity == worst);
    let inner = match (failed, first_worst) {
        (true, Some(first)) => format!(
            "      <failure message=\"{}\" type=\"{}\">{body}</failure>\n",
            escape(&first.message),
            worst.as_str()
        ),
        _ => format!("      <system-out>{body}</system-out>\n"),
    };
    format!("{head}{inner}    </testcase>\n")
}

fn finding_line(finding: &Finding) -> String {
    let location = &finding.location;
    let mut line = format!(
        "{}:{}:{} {}: {} ({})",
        location.file,
        location.line,
        location.column,
        finding.severity.as_str(),
        finding.message,
        finding.help
    );
    for related in &finding.related {
        line.push_str(&format!(
            "\n  -> {}:{}:{} {}",
            related.location.file, related.location.line, related.location.column, related.message
        ));
    }
    line
}

fn worst(findings: &[&Finding]) -> Severity {
    findings
        .iter()
        .map(|finding| finding.severity)
        .max()
        .unwrap_or(Severity::Info)
}

/// XML text and attribute escaping, after control characters (which XML 1.0
/// cannot hold at all) are made printable.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in printable(text).chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            // Not characters in XML 1.0.
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        assert!(!escape("bell\u{7}").contains('\u{7}'));
    }
}

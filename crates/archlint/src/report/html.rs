//! The review as one self-contained HTML page an architecture review can
//! read and pass around: counts and scores as bars, the findings grouped by
//! area and rule with their source line and related places, the API ↔
//! schema mapping, and for a change review the changelog. No script, no
//! font or style from the network; every text from the input is escaped.

use std::fmt::Write as _;

use super::markdown::SECTIONS;
use super::{Area, Finding, Report, Severity};

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1f2328}\
h1{margin:0 0 4px}h2{border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}\
.scores{display:grid;grid-template-columns:max-content 1fr max-content;gap:4px 10px;align-items:center;max-width:640px}\
.bar{background:#eaeef2;height:10px;border-radius:5px}.bar span{display:block;height:10px;border-radius:5px}\
details{margin:8px 0;border:1px solid #d0d7de;border-radius:6px;padding:6px 10px}summary{cursor:pointer;font-weight:600}\
.finding{margin:10px 0 10px 8px;padding-left:10px;border-left:3px solid #d0d7de}\
.error{border-color:#cf222e}.warning{border-color:#d4a72c}.info{border-color:#54aeff}\
.where{color:#57606a;font-family:ui-monospace,monospace;font-size:12px}\
pre{background:#f6f8fa;padding:6px 8px;overflow-x:auto;margin:4px 0}code{background:#f6f8fa;padding:0 3px}\
.help{color:#57606a}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left}";

/// The page; `changelog` adds the change review's sections.
pub fn to_html(report: &Report, changelog: bool) -> String {
    let mut page = String::with_capacity(4096 + report.findings.len() * 512);
    let counts = &report.summary.counts;
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>archlint review</title><style>{STYLE}</style></head><body>\n\
<h1>archlint review</h1>\n<p id=\"summary\">{} findings in {} files: {} errors, {} warnings, {} info · score <strong>{}/100</strong></p>\n",
        report.findings.len(),
        report.summary.files.len(),
        counts.error,
        counts.warning,
        counts.info,
        report.summary.scores.overall
    );
    page.push_str(&scores(report));
    if changelog {
        page.push_str(&changes(report));
    }
    page.push_str(&findings_by_area(report));
    page.push_str(&mapping(report));
    page.push_str("</body></html>\n");
    page
}

fn scores(report: &Report) -> String {
    let mut out = String::from("<h2>Scores</h2>\n<div class=\"scores\">\n");
    for (area, score) in &report.summary.scores.areas {
        let color = match score {
            90.. => "#2da44e",
            70..=89 => "#d4a72c",
            _ => "#cf222e",
        };
        let _ = writeln!(
            out,
            "<span>{}</span><div class=\"bar\"><span style=\"width:{score}%;background:{color}\"></span></div><span>{score}</span>",
            area.as_str()
        );
    }
    out.push_str("</div>\n");
    out
}

fn changes(report: &Report) -> String {
    let mut out = String::from("<h2>Changelog</h2>\n");
    for (title, belongs) in SECTIONS {
        let findings: Vec<&Finding> = report.findings.iter().filter(|f| belongs(f)).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{title} ({})</h3>\n<ul>", findings.len());
        for finding in findings {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"where\">{} {} · {}</span></li>",
                rich(&finding.message),
                escape(&finding.rule),
                escape(&finding.name),
                place(
                    &finding.location.file,
                    finding.location.line,
                    finding.location.column
                )
            );
        }
        out.push_str("</ul>\n");
    }
    out
}

/// Areas worst first; in each, rules by severity then count.
fn findings_by_area(report: &Report) -> String {
    let mut out = String::from("<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p>No findings.</p>\n");
        return out;
    }
    let mut areas: Vec<Area> = report.findings.iter().map(|finding| finding.area).collect();
    areas.sort_by_key(|area| {
        (
            report
                .summary
                .scores
                .areas
                .get(area)
                .copied()
                .unwrap_or(100),
            *area,
        )
    });
    areas.dedup();
    for area in areas {
        let in_area: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|finding| finding.area == area)
            .collect();
        let _ = writeln!(out, "<h3>{} ({})</h3>", area.as_str(), in_area.len());
        for rule in rules(&in_area) {
            out.push_str(&rule_group(report, &rule));
        }
    }
    out
}

/// The findings of one area by rule and severity: errors first, then the
/// most frequent.
fn rules<'r>(findings: &[&'r Finding]) -> Vec<Vec<&'r Finding>> {
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for finding in findings {
        match groups.iter_mut().find(|group| {
            group.first().is_some_and(|first| {
                first.rule == finding.rule && first.severity == finding.severity
            })
        }) {
            Some(group) => group.push(finding),
            None => groups.push(vec![finding]),
        }
    }
    groups.sort_by_key(|group| {
        let severity = group.first().map_or(Severity::Info, |first| first.severity);
        (std::cmp::Reverse(severity), std::cmp::Reverse(group.len()))
    });
    groups
}

fn rule_group(report: &Report, group: &[&Finding]) -> String {
    let Some(first) = group.first() else {
        return String::new();
    };
    let mut out = format!(
        "<details{}><summary>{} {} — {} ×{}</summary>\n",
        if first.severity == Severity::Info {
            ""
        } else {
            " open"
        },
        escape(&first.rule),
        escape(&first.name),
        first.severity.as_str(),
        group.len()
    );
    for finding in group {
        out.push_str(&finding_html(report, finding));
    }
    out.push_str("</details>\n");
    out
}

fn finding_html(report: &Report, finding: &Finding) -> String {
    let location = &finding.location;
    let mut out = format!(
        "<div class=\"finding {}\"><div class=\"where\">{}</div><div>{}</div>",
        finding.severity.as_str(),
        place(&location.file, location.line, location.column),
        rich(&finding.message)
    );
    if let Some(snippet) = report.lines.get(&(location.file.clone(), location.line)) {
        let _ = write!(out, "<pre>{}</pre>", escape(&snippet.text));
    }
    let _ = write!(out, "<div class=\"help\">{}</div>", rich(&finding.help));
    for related in &finding.related {
        let _ = write!(
            out,
            "<div class=\"where\">↳ {} — {}</div>",
            place(
                &related.location.file,
                related.location.line,
                related.location.column
            ),
            rich(&related.message)
        );
    }
    out.push_str("</div>\n");
    out
}

fn mapping(report: &Report) -> String {
    let Some(mapping) = &report.summary.mapping else {
        return String::new();
    };
    let mut out = String::from(
        "<h2>API ↔ schema mapping</h2>\n<table><tr><th>schema</th><th>table</th><th>linked by</th><th>columns matched</th></tr>\n",
    );
    for schema in &mapping.schemas {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} of {}</td></tr>",
            escape(&schema.schema),
            escape(&schema.table),
            escape(&schema.via),
            schema.matching,
            schema.values
        );
    }
    out.push_str("</table>\n");
    out
}

fn place(file: &str, line: u32, column: u32) -> String {
    format!("{}:{line}:{column}", escape(file))
}

/// Escaped text with `code` spans.
fn rich(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len());
    for (index, part) in escaped.split('`').enumerate() {
        if index % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// HTML escaping of text and attribute values, after control and
/// bidirectional characters are made visible.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in super::printable(text).chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_text_cannot_become_markup() {
        assert_eq!(
            rich("`<script>` & \"x\""),
            "<code>&lt;script&gt;</code> &amp; &quot;x&quot;"
        );
        // An unbalanced backtick leaves the rest as code, still escaped.
        assert_eq!(rich("a `<b"), "a <code>&lt;b</code>");
    }
}

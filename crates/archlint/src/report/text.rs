//! Compiler-style text: `file:line:col`, severity, rule, message, the source line
//! with a caret underline, and the help.

use std::fmt::Write;

use super::{Finding, Report, Severity};

#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// ANSI colours (the CLI turns them on for terminals only).
    pub color: bool,
}

struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, severity.as_str())
    }

    fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }

    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
}

pub fn to_text(report: &Report, options: TextOptions) -> String {
    let paint = Paint {
        color: options.color,
    };
    let mut out = String::new();
    for finding in &report.findings {
        render_finding(&mut out, report, finding, &paint);
    }
    render_summary(&mut out, report, &paint);
    out
}

fn render_finding(out: &mut String, report: &Report, finding: &Finding, paint: &Paint) {
    let location = &finding.location;
    let _ = writeln!(
        out,
        "{}{} {}",
        paint.severity(finding.severity),
        paint.bold(&format!("[{}]", finding.rule)),
        paint.bold(&format!("{}: {}", finding.name, finding.message))
    );
    let _ = writeln!(
        out,
        "  {} {}:{}:{}",
        paint.dim("-->"),
        location.file,
        location.line,
        location.column
    );
    let number = location.line.to_string();
    let gutter = " ".repeat(number.len());
    if let Some(snippet) = report.lines.get(&(location.file.clone(), location.line)) {
        let line = &snippet.text;
        let shift = snippet.first_column.saturating_sub(1);
        let start = location.column.saturating_sub(1).saturating_sub(shift) as usize;
        let line_chars = line.chars().count();
        let end = if location.end_line == location.line {
            (location.end_column.saturating_sub(1).saturating_sub(shift) as usize).min(line_chars)
        } else {
            line_chars
        };
        let width = end.saturating_sub(start).max(1);
        let shown: String = line
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "{gutter} {}", paint.dim("|"));
        let _ = writeln!(out, "{} {} {shown}", paint.dim(&number), paint.dim("|"));
        let carets = format!("{}{}", " ".repeat(start), "^".repeat(width));
        let carets = match finding.severity {
            Severity::Error => paint.wrap("31", &carets),
            Severity::Warning => paint.wrap("33", &carets),
            Severity::Info => paint.wrap("36", &carets),
        };
        let _ = writeln!(out, "{gutter} {} {carets}", paint.dim("|"));
        let _ = writeln!(out, "{gutter} {} help: {}", paint.dim("="), finding.help);
    } else {
        let _ = writeln!(out, "{gutter} {} help: {}", paint.dim("="), finding.help);
    }
    for related in &finding.related {
        let place = &related.location;
        let _ = writeln!(
            out,
            "{gutter} {} {}: {}:{}:{}",
            paint.dim("="),
            related.message,
            place.file,
            place.line,
            place.column
        );
    }
    out.push('\n');
}

fn render_summary(out: &mut String, report: &Report, paint: &Paint) {
    let summary = &report.summary;
    let files = summary.files.len();
    let files_text = format!("{files} file{}", if files == 1 { "" } else { "s" });
    if report.findings.is_empty() {
        let _ = writeln!(
            out,
            "{} in {files_text} ({} rules)",
            paint.bold("No findings"),
            summary.rules
        );
        return;
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|&severity| {
            let count = summary.counts.get(severity);
            let noun = match (severity, count) {
                (Severity::Error, 1) => "error",
                (Severity::Error, _) => "errors",
                (Severity::Warning, 1) => "warning",
                (Severity::Warning, _) => "warnings",
                (Severity::Info, _) => "info",
            };
            format!("{count} {noun}")
        })
        .collect();
    let areas: Vec<String> = summary
        .areas
        .iter()
        .map(|(area, count)| format!("{} {count}", area.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "{} in {files_text}: {}",
        paint.bold(&format!("{} findings", report.findings.len())),
        counts.join(", ")
    );
    let _ = writeln!(out, "by area: {}", areas.join(", "));
    render_scores(out, report, paint);
    render_dialects(out, report);
}

fn render_scores(out: &mut String, report: &Report, paint: &Paint) {
    let scores = &report.summary.scores;
    if scores.areas.is_empty() {
        return;
    }
    let areas: Vec<String> = scores
        .areas
        .iter()
        .filter(|(_, score)| **score < 100)
        .map(|(area, score)| format!("{} {score}", area.as_str()))
        .collect();
    let rest = if areas.is_empty() {
        String::new()
    } else {
        format!(" · {}", areas.join(", "))
    };
    let _ = writeln!(
        out,
        "{}{rest} (other areas 100)",
        paint.bold(&format!("score {}/100", scores.overall))
    );
}

fn render_dialects(out: &mut String, report: &Report) {
    if !report.summary.dialects.is_empty() {
        let _ = writeln!(out, "SQL dialect: {}", report.summary.dialects.join(", "));
    }
    if let Some(older) = &report.summary.migrations {
        let _ = writeln!(
            out,
            "migrations from {} on reviewed; {} older file{} applied to build the schema, {} finding{} in them left out",
            older.first_reviewed,
            older.older_files,
            if older.older_files == 1 { "" } else { "s" },
            older.hidden_findings,
            if older.hidden_findings == 1 { "" } else { "s" },
        );
    }
}

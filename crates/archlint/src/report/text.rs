//! Compiler-style text: `file:line:col`, severity, rule, message, the source line
//! with a caret underline, and the help.

use std::fmt::Write;

use super::printable::printable;
use super::{Finding, Report, Severity};

#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    /// ANSI colours (the CLI turns them on for terminals only).
    pub color: bool,
    /// Every finding in full, rather than repeated rules grouped.
    pub all: bool,
    /// Rules (ids or names) whose every finding is shown in full.
    pub expand: Vec<String>,
}

/// A rule reported more often than this is one entry with examples.
const GROUP_ABOVE: usize = 3;
/// Examples shown for a grouped rule: its first, middle and last finding.
const EXAMPLES: usize = 3;
/// Areas named in the summary, worst first.
const WORST_AREAS: usize = 4;
/// Migrations named in the summary, most findings first.
const BUSIEST_MIGRATIONS: usize = 5;

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

/// The report for a person: a summary first (counts, the worst areas and
/// what weighed most), then the findings rule by rule, errors first — each
/// in full when its rule fires a few times, else one entry with its count
/// and a few examples (`all` or `expand` show every one) — and the counts
/// again at the end, where a terminal leaves them.
pub fn to_text(report: &Report, options: TextOptions) -> String {
    let paint = Paint {
        color: options.color,
    };
    let mut out = String::new();
    if report.findings.is_empty() {
        render_summary(&mut out, report, &paint);
        return out;
    }
    render_summary(&mut out, report, &paint);
    out.push('\n');
    let mut grouped = false;
    for group in rule_groups(report) {
        let expanded = options.all
            || group.findings.len() <= GROUP_ABOVE
            || options
                .expand
                .iter()
                .any(|rule| rule.eq_ignore_ascii_case(&group.rule) || *rule == group.name);
        if expanded {
            for finding in &group.findings {
                render_finding(&mut out, report, finding, &paint);
            }
        } else {
            grouped = true;
            render_group(&mut out, &group, &paint);
        }
    }
    render_counts(&mut out, report, &paint);
    if grouped {
        let _ = writeln!(
            out,
            "{}",
            paint.dim("repeated rules are grouped: --expand RULE shows one in full, --all shows every finding")
        );
    }
    out
}

/// The findings of one rule at one severity.
struct RuleGroup<'r> {
    rule: String,
    name: String,
    severity: Severity,
    findings: Vec<&'r Finding>,
}

/// Findings by rule and severity: errors first, then the most frequent.
fn rule_groups(report: &Report) -> Vec<RuleGroup<'_>> {
    let mut groups: Vec<RuleGroup<'_>> = Vec::new();
    for finding in &report.findings {
        match groups
            .iter_mut()
            .find(|group| group.rule == finding.rule && group.severity == finding.severity)
        {
            Some(group) => group.findings.push(finding),
            None => groups.push(RuleGroup {
                rule: finding.rule.clone(),
                name: finding.name.clone(),
                severity: finding.severity,
                findings: vec![finding],
            }),
        }
    }
    groups.sort_by(|a, b| {
        let key = |group: &RuleGroup<'_>| {
            (
                std::cmp::Reverse(group.severity),
                std::cmp::Reverse(group.findings.len()),
                group.rule.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    groups
}

/// `warning[VAL001] string-without-max-length ×888`, its first, middle and
/// last places with their messages, and how to see the rest.
fn render_group(out: &mut String, group: &RuleGroup<'_>, paint: &Paint) {
    let _ = writeln!(
        out,
        "{}{} {}",
        paint.severity(group.severity),
        paint.bold(&format!("[{}]", group.rule)),
        paint.bold(&format!("{} ×{}", group.name, group.findings.len()))
    );
    let last = group.findings.len() - 1;
    let mut shown: Vec<usize> = vec![0, last / 2, last];
    shown.dedup();
    for finding in shown
        .iter()
        .take(EXAMPLES)
        .filter_map(|index| group.findings.get(*index))
    {
        let location = &finding.location;
        let _ = writeln!(
            out,
            "  {} {}:{}:{}: {}",
            paint.dim("-->"),
            printable(&location.file),
            location.line,
            location.column,
            printable(&finding.message)
        );
    }
    if let Some(first) = group.findings.first() {
        let _ = writeln!(out, "  {} help: {}", paint.dim("="), printable(&first.help));
    }
    let _ = writeln!(
        out,
        "  {} {} more: --expand {}",
        paint.dim("="),
        group.findings.len().saturating_sub(shown.len()),
        group.rule
    );
    out.push('\n');
}

fn render_finding(out: &mut String, report: &Report, finding: &Finding, paint: &Paint) {
    let location = &finding.location;
    let _ = writeln!(
        out,
        "{}{} {}",
        paint.severity(finding.severity),
        paint.bold(&format!("[{}]", finding.rule)),
        paint.bold(&format!(
            "{}: {}",
            finding.name,
            printable(&finding.message)
        ))
    );
    let _ = writeln!(
        out,
        "  {} {}:{}:{}",
        paint.dim("-->"),
        printable(&location.file),
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
        let shown = printable(&shown);
        let _ = writeln!(out, "{gutter} {}", paint.dim("|"));
        let _ = writeln!(out, "{} {} {shown}", paint.dim(&number), paint.dim("|"));
        let carets = format!("{}{}", " ".repeat(start), "^".repeat(width));
        let carets = match finding.severity {
            Severity::Error => paint.wrap("31", &carets),
            Severity::Warning => paint.wrap("33", &carets),
            Severity::Info => paint.wrap("36", &carets),
        };
        let _ = writeln!(out, "{gutter} {} {carets}", paint.dim("|"));
    }
    let _ = writeln!(
        out,
        "{gutter} {} help: {}",
        paint.dim("="),
        printable(&finding.help)
    );
    for related in &finding.related {
        let place = &related.location;
        let _ = writeln!(
            out,
            "{gutter} {} {}: {}:{}:{}",
            paint.dim("="),
            printable(&related.message),
            printable(&place.file),
            place.line,
            place.column
        );
    }
    out.push('\n');
}

/// Counts, then the areas that score worst and what weighed most in them,
/// then where the SQL findings are when they span many migrations.
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
        render_scores(out, report, paint);
        render_dialects(out, report);
        return;
    }
    let _ = writeln!(
        out,
        "{} in {files_text}: {}",
        paint.bold(&format!("{} findings", report.findings.len())),
        severity_counts(report)
    );
    render_scores(out, report, paint);
    render_busiest_migrations(out, report);
    render_dialects(out, report);
}

/// The closing line: the counts again, where a terminal leaves them.
fn render_counts(out: &mut String, report: &Report, paint: &Paint) {
    let _ = writeln!(
        out,
        "{}: {}",
        paint.bold(&format!("{} findings", report.findings.len())),
        severity_counts(report)
    );
}

fn severity_counts(report: &Report) -> String {
    Severity::ALL
        .iter()
        .map(|&severity| {
            let count = report.summary.counts.get(severity);
            let noun = match (severity, count) {
                (Severity::Error, 1) => "error",
                (Severity::Error, _) => "errors",
                (Severity::Warning, 1) => "warning",
                (Severity::Warning, _) => "warnings",
                (Severity::Info, _) => "info",
            };
            format!("{count} {noun}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `score 71/100`, then the worst areas: `validation 40: VAL001
/// string-without-max-length ×888, in 412 of 1903 operations and schemas`.
fn render_scores(out: &mut String, report: &Report, paint: &Paint) {
    let scores = &report.summary.scores;
    if scores.areas.is_empty() {
        return;
    }
    let mut worst: Vec<(&super::Area, &u32)> = scores
        .areas
        .iter()
        .filter(|(_, score)| **score < 100)
        .collect();
    worst.sort_by_key(|(area, score)| (**score, area.as_str()));
    let perfect = scores.areas.len() - worst.len();
    let _ = writeln!(
        out,
        "{} ({} area{} scored, {perfect} at 100)",
        paint.bold(&format!("score {}/100", scores.overall)),
        scores.areas.len(),
        if scores.areas.len() == 1 { "" } else { "s" },
    );
    for (area, score) in worst.iter().take(WORST_AREAS) {
        let why = scores.heaviest.get(*area).map(|heaviest| {
            format!(
                ": {} {} ×{}, in {} of {} {}",
                heaviest.rule,
                heaviest.name,
                heaviest.findings,
                heaviest.subjects,
                heaviest.units,
                heaviest.of
            )
        });
        let _ = writeln!(
            out,
            "  {} {score}{}",
            area.as_str(),
            why.unwrap_or_default()
        );
    }
    if worst.len() > WORST_AREAS {
        let rest: Vec<String> = worst
            .iter()
            .skip(WORST_AREAS)
            .map(|(area, score)| format!("{} {score}", area.as_str()))
            .collect();
        let _ = writeln!(out, "  then {}", rest.join(", "));
    }
}

/// `findings by migration: 0042_orders.sql 12, …` when SQL findings span
/// many files.
fn render_busiest_migrations(out: &mut String, report: &Report) {
    let mut per_file: Vec<(&str, usize)> = Vec::new();
    for finding in report.findings.iter().filter(|finding| {
        finding.location.pointer.is_none() && finding.location.file.ends_with(".sql")
    }) {
        match per_file
            .iter_mut()
            .find(|(file, _)| *file == finding.location.file)
        {
            Some((_, count)) => *count += 1,
            None => per_file.push((&finding.location.file, 1)),
        }
    }
    if per_file.len() <= BUSIEST_MIGRATIONS {
        return;
    }
    let files = per_file.len();
    per_file.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let busiest: Vec<String> = per_file
        .iter()
        .take(BUSIEST_MIGRATIONS)
        .map(|(file, count)| format!("{} {count}", file.rsplit('/').next().unwrap_or(file)))
        .collect();
    let _ = writeln!(
        out,
        "SQL findings in {files} files, most in: {} (--since reviews only newer migrations)",
        busiest.join(", ")
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
    if let Some(baseline) = &report.summary.baseline {
        let _ = writeln!(
            out,
            "{} known finding{} left out (the baseline has {})",
            baseline.hidden,
            if baseline.hidden == 1 { "" } else { "s" },
            baseline.known
        );
    }
}

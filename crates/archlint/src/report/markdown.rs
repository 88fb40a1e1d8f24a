//! A change review as a changelog that reads well as a pull-request comment:
//! breaking changes first, then changes to check, deprecations, additions.

use super::printable::printable;
use super::{Area, Finding, Report, Severity};

/// Whether a finding belongs in a section.
pub(super) type Belongs = fn(&Finding) -> bool;

/// The sections of a changelog, in order, and which findings each takes.
pub(super) const SECTIONS: [(&str, Belongs); 5] = [
    ("Breaking changes", |finding| {
        finding.area == Area::Compatibility && finding.severity == Severity::Error
    }),
    ("Changes to check", |finding| {
        finding.area == Area::Compatibility && finding.severity == Severity::Warning
    }),
    ("Deprecations", |finding| {
        matches!(
            finding.name.as_str(),
            "operation-deprecated" | "graphql-deprecation-added"
        )
    }),
    ("Additions", |finding| finding.name == "operation-added"),
    ("Other notes", |finding| {
        finding.severity == Severity::Info
            && !matches!(
                finding.name.as_str(),
                "operation-deprecated" | "graphql-deprecation-added" | "operation-added"
            )
            || finding.area != Area::Compatibility && finding.severity != Severity::Info
    }),
];

pub fn to_markdown(report: &Report) -> String {
    let mut out = String::from("## API changes\n\n");
    if report.findings.is_empty() {
        out.push_str("No change that clients can notice.\n");
        return out;
    }
    let breaking = report.findings.iter().filter(|f| SECTIONS[0].1(f)).count();
    out.push_str(&match breaking {
        0 => "No breaking change.\n".to_owned(),
        1 => "**1 breaking change.**\n".to_owned(),
        count => format!("**{count} breaking changes.**\n"),
    });
    for (title, belongs) in SECTIONS {
        let findings: Vec<&Finding> = report.findings.iter().filter(|f| belongs(f)).collect();
        if findings.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {title} ({})\n\n", findings.len()));
        for finding in findings {
            out.push_str(&format!(
                "- {} (`{}` {}, `{}:{}`)\n",
                escape(&finding.message),
                finding.rule,
                finding.name,
                finding.location.file,
                finding.location.line
            ));
        }
    }
    out
}

/// Keeps Markdown from reading `*`, `_` and `<` in messages as markup (in a
/// code span they are text already).
pub(super) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut in_code = false;
    // A message is one list item: a line break in it would start markup.
    for character in printable(text)
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
    {
        if character == '`' {
            in_code = !in_code;
        }
        if !in_code && matches!(character, '*' | '_' | '<' | '>' | '[' | ']') {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

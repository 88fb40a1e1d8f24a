//! GitHub Actions workflow commands (`::warning file=...::message`), which the
//! runner turns into annotations on the pull request.

use super::printable::printable;
use super::{Report, Severity};

pub fn to_github(report: &Report) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let location = &finding.location;
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            escape_property(&location.file),
            location.line,
            location.column,
            location.end_line,
            location.end_column,
            escape_property(&format!("{} {}", finding.rule, finding.name)),
            escape_data(&format!("{} — {}", finding.message, finding.help)),
        ));
    }
    out
}

/// Escaping rules of the workflow command format, after the text is made
/// printable (no control character reaches the runner's log raw).
fn escape_data(text: &str) -> String {
    printable(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_are_escaped() {
        assert_eq!(escape_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}

//! The JSON report: `{"findings": [...], "summary": {...}}`. This shape is a
//! contract (see docs/json-output.md); fields are only ever added.

use super::Report;

/// Streams the report as pretty JSON: on a directory of thousands of specs the
/// report is hundreds of megabytes, which need not sit in memory twice.
pub fn write_json(report: &Report, writer: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(writer, report).map_err(std::io::Error::other)
}

pub fn to_json(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

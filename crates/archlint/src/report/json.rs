//! The JSON report: `{"findings": [...], "summary": {...}}`. This shape is a
//! contract (see docs/json-output.md); fields are only ever added.

use super::Report;

pub fn to_json(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

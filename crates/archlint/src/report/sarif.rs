//! SARIF 2.1.0, as GitHub code scanning accepts it: every rule with its help
//! text, results with regions (columns in Unicode code points, as we count them).

use crate::base::RuleMeta;
use crate::rules::RULES;
use serde_json::{json, Value};

use super::{Finding, Location, Report, Severity};

pub fn to_sarif(report: &Report) -> String {
    let rules: Vec<&RuleMeta> = RULES.iter().map(|rule| rule.meta()).collect();
    let descriptors: Vec<Value> = rules.iter().map(|rule| descriptor(rule)).collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            result(
                finding,
                rules.iter().position(|rule| rule.id == finding.rule),
            )
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "archlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/archlint/archlint",
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&sarif).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn descriptor(rule: &RuleMeta) -> Value {
    json!({
        "id": rule.id,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        "help": { "text": rule.fix, "markdown": rule.markdown() },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "tags": [rule.area.as_str()] },
    })
}

fn physical(location: &Location) -> Value {
    json!({
        "artifactLocation": { "uri": uri(&location.file) },
        "region": {
            "startLine": location.line,
            "startColumn": location.column,
            "endLine": location.end_line,
            "endColumn": location.end_column.max(1),
        }
    })
}

fn logical(location: &Location) -> Vec<Value> {
    location
        .pointer
        .iter()
        .map(|pointer| json!({ "fullyQualifiedName": pointer, "kind": "member" }))
        .chain(
            location
                .object
                .iter()
                .map(|object| json!({ "fullyQualifiedName": object, "kind": "object" })),
        )
        .collect()
}

fn result(finding: &Finding, index: Option<usize>) -> Value {
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(id, related)| {
            json!({
                "id": id,
                "message": { "text": related.message },
                "physicalLocation": physical(&related.location),
            })
        })
        .collect();
    let mut value = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": format!("{} — {}", finding.message, finding.help) },
        "locations": [{
            "physicalLocation": physical(&finding.location),
            "logicalLocations": logical(&finding.location),
        }],
        "relatedLocations": related,
    });
    if let (Some(index), Some(object)) = (index, value.as_object_mut()) {
        object.insert("ruleIndex".to_owned(), json!(index));
    }
    value
}

/// SARIF URIs are relative references with `/` separators; spaces and `%` are
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    path.replace('%', "%25").replace(' ', "%20")
}

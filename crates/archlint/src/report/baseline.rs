//! A baseline: the findings a design already had, so that a review reports
//! only new ones (adopting archlint on an existing API; `--changed-since`).
//!
//! A finding is known by its fingerprint — rule, file, JSON pointer or object,
//! and message with its numbers left out — never by its line, so findings
//! survive lines moving and counts in messages changing. The file is JSON, one
//! finding per line, sorted: stable and diff-friendly in git.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ChangedScope, Finding};

/// Fingerprint → how many findings have it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeMap<Entry, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Entry {
    rule: String,
    file: String,
    /// The JSON pointer or the SQL object, when the finding has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    at: String,
    /// The message with every number replaced by `#`.
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    archlint_baseline: u32,
    findings: Vec<Entry>,
}

fn entry(finding: &Finding, file: &str) -> Entry {
    let location = &finding.location;
    Entry {
        rule: finding.rule.clone(),
        file: file.to_owned(),
        at: location
            .pointer
            .clone()
            .or_else(|| location.object.clone())
            .unwrap_or_default(),
        message: without_numbers(&finding.message),
    }
}

/// `(and 7 more of the 12 operations)` → `(and # more of the # operations)`.
fn without_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for character in text.chars() {
        if character.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(character);
        }
    }
    out
}

impl Baseline {
    /// The baseline of these findings, their files named by `name` (the
    /// old version's `main:api.yaml` named `api.yaml`, for instance).
    pub fn from_findings<'f>(
        findings: impl IntoIterator<Item = &'f Finding>,
        name: impl Fn(&str) -> String,
    ) -> Baseline {
        let mut baseline = Baseline::default();
        for finding in findings {
            let file = name(&finding.location.file);
            *baseline.entries.entry(entry(finding, &file)).or_insert(0) += 1;
        }
        baseline
    }

    /// Adds another baseline's findings.
    pub fn merge(&mut self, other: Baseline) {
        for (entry, count) in other.entries {
            *self.entries.entry(entry).or_insert(0) += count;
        }
    }

    pub fn len(&self) -> usize {
        self.entries.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reads a baseline file.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let file: File = serde_json::from_str(text)
            .map_err(|error| format!("not an archlint baseline: {error}"))?;
        if file.archlint_baseline != 1 {
            return Err(format!(
                "baseline format {} is newer than this archlint reads",
                file.archlint_baseline
            ));
        }
        let mut baseline = Baseline::default();
        for entry in file.findings {
            *baseline.entries.entry(entry).or_insert(0) += 1;
        }
        Ok(baseline)
    }

    /// The file's text: one finding per line, sorted.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n  \"archlint_baseline\": 1,\n  \"findings\": [");
        let mut first = true;
        for (entry, count) in &self.entries {
            let line = serde_json::to_string(entry).unwrap_or_default();
            for _ in 0..*count {
                out.push_str(if first { "\n    " } else { ",\n    " });
                out.push_str(&line);
                first = false;
            }
        }
        out.push_str(if first { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    /// Drops the findings the baseline has (each entry as many times as it
    /// was recorded); returns how many were dropped.
    pub fn filter(&self, findings: &mut Vec<Finding>) -> usize {
        self.filter_outside(findings, None)
    }

    /// [`Baseline::filter`], keeping every finding located in what a change
    /// added or modified.
    pub fn filter_outside(
        &self,
        findings: &mut Vec<Finding>,
        scope: Option<&ChangedScope>,
    ) -> usize {
        let mut left = self.entries.clone();
        let before = findings.len();
        findings.retain(|finding| {
            if scope.is_some_and(|scope| scope.contains(finding)) {
                return true;
            }
            let key = entry(finding, &finding.location.file);
            match left.get_mut(&key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            }
        });
        before - findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::{Area, Location, Severity};

    fn finding(line: u32, message: &str) -> Finding {
        Finding {
            rule: "VAL001".to_owned(),
            name: "string-without-max-length".to_owned(),
            area: Area::Validation,
            severity: Severity::Warning,
            message: message.to_owned(),
            help: String::new(),
            location: Location {
                file: "api.yaml".to_owned(),
                line,
                column: 3,
                end_line: line,
                end_column: 9,
                pointer: Some("/components/schemas/User/properties/name".to_owned()),
                object: None,
            },
            related: Vec::new(),
            extent: None,
        }
    }

    #[test]
    fn findings_survive_moving_lines_and_changing_counts() {
        let baseline =
            Baseline::from_findings(&[finding(10, "used by 2 operations")], str::to_owned);
        let text = baseline.to_json();
        let read = Baseline::parse(&text).unwrap();
        assert_eq!(read, baseline);
        let mut later = vec![finding(42, "used by 5 operations"), finding(43, "another")];
        assert_eq!(read.filter(&mut later), 1);
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].message, "another");
    }

    #[test]
    fn the_file_is_one_finding_per_line() {
        let baseline = Baseline::from_findings(&[finding(1, "a"), finding(2, "a")], str::to_owned);
        assert_eq!(baseline.len(), 2);
        assert_eq!(
            baseline
                .to_json()
                .lines()
                .filter(|line| line.contains("VAL001"))
                .count(),
            2
        );
        assert!(Baseline::parse("{\"archlint_baseline\": 2, \"findings\": []}").is_err());
        assert_eq!(
            Baseline::default().to_json(),
            "{\n  \"archlint_baseline\": 1,\n  \"findings\": []\n}\n"
        );
    }
}

//! The report of a review and its renderings: text (compiler-style), JSON (the
//! stable contract), SARIF 2.1.0 and GitHub workflow annotations.

mod finding;
mod github;
mod json;
mod sarif;
mod score;
mod text;

use std::collections::BTreeMap;

use serde::Serialize;

pub use finding::{Area, Finding, Location, Related, Severity};
pub use github::to_github;
pub use json::to_json;
pub use sarif::to_sarif;
pub use score::{score, Scores};
pub use text::{to_text, TextOptions};

/// The outcome of one review.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// The source line under each finding's start, for text rendering.
    #[serde(skip)]
    pub lines: BTreeMap<(String, u32), String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Every file read, in the order read.
    pub files: Vec<String>,
    pub counts: Counts,
    /// Findings per area (areas without findings are left out).
    pub areas: BTreeMap<Area, usize>,
    /// SQL dialects used (empty when no SQL was reviewed).
    pub dialects: Vec<String>,
    /// Number of rules that ran.
    pub rules: usize,
    /// 0–100 per area and overall (see `report/score.rs` and docs/json-output.md).
    pub scores: Scores,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

impl Report {
    /// Sorts findings into the report order and recounts the summary.
    pub fn finish(&mut self) {
        self.findings
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.findings.dedup();
        let mut counts = Counts::default();
        let mut areas = BTreeMap::new();
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
            *areas.entry(finding.area).or_insert(0) += 1;
        }
        self.summary.counts = counts;
        self.summary.areas = areas;
    }

    /// Whether any finding is at least this severe.
    pub fn has_at_least(&self, threshold: Severity) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity >= threshold)
    }
}

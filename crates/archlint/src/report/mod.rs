//! The report of a review and its renderings: text (compiler-style), JSON (the
//! stable contract), SARIF 2.1.0, GitHub workflow annotations, JUnit XML,
//! Markdown (a review as a pull-request comment, a diff as a changelog) and
//! a self-contained HTML page.

mod baseline;
mod comment;
mod finding;
mod github;
mod html;
mod json;
mod junit;
mod mapping;
mod markdown;
mod printable;
mod sarif;
mod scope;
mod score;
mod text;

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::base::{Area, Location, Severity};
pub use crate::link::{
    Mapping, ParameterMapping, PropertyMapping, SchemaMapping, Suggestion, Unmapped,
};
pub use baseline::Baseline;
pub use comment::to_review_markdown;
pub use finding::{Finding, Related};
pub use github::to_github;
pub use html::to_html;
pub use json::{to_json, write_json};
pub use junit::to_junit;
pub use markdown::to_markdown;
pub use printable::printable;
pub use sarif::to_sarif;
pub use scope::ChangedScope;
pub use score::{score, Heaviest, Scores, Units};
pub use text::{to_text, TextOptions};

/// The outcome of one review.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// The source line under each finding's start, for text rendering.
    #[serde(skip)]
    pub lines: BTreeMap<(String, u32), Snippet>,
}

/// The part of a source line shown under a finding: whole for ordinary lines,
/// a window around the finding for very long (minified) ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// The 1-based column of the line where `text` starts.
    pub first_column: u32,
}

/// Bytes shown on each side of a finding on a long line.
const SNIPPET_WINDOW: usize = 240;

impl Snippet {
    /// The line holding byte `offset` of `file` (at character `column`), or for
    /// a long (minified) line a window of it around the offset: cut by bytes, so
    /// a finding on a 20 MB line costs no more than one on a short line.
    pub fn at(
        file: &crate::base::source::SourceFile,
        offset: u32,
        line: u32,
        column: u32,
    ) -> Snippet {
        let text = &file.text;
        let (start, end) = file.lines.line_bounds(text, line);
        if end - start <= 2 * SNIPPET_WINDOW {
            return Snippet {
                text: text.get(start..end).unwrap_or("").to_owned(),
                first_column: 1,
            };
        }
        let offset = (offset as usize).clamp(start, end);
        let from = crate::base::source::floor_char_boundary(
            text,
            offset.saturating_sub(SNIPPET_WINDOW).max(start),
        );
        let to = crate::base::source::floor_char_boundary(text, (offset + SNIPPET_WINDOW).min(end));
        let before = text
            .get(from..crate::base::source::floor_char_boundary(text, offset))
            .map_or(0, |part| part.chars().count());
        Snippet {
            text: text.get(from..to).unwrap_or("").to_owned(),
            first_column: column
                .saturating_sub(u32::try_from(before).unwrap_or(u32::MAX))
                .max(1),
        }
    }
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
    /// How the API maps onto the schema, when a run reviews both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Mapping>,
    /// The migrations left out of the review (`[migrations] since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub migrations: Option<OlderMigrations>,
    /// Findings left out because a baseline (or the `--changed-since`
    /// revision) already had them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baselined>,
}

/// What a baseline left out.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Baselined {
    /// Findings of the baseline.
    pub known: usize,
    /// Findings of this review it matched and left out.
    pub hidden: usize,
}

/// Migrations older than `since`: applied to build the schema, not reviewed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct OlderMigrations {
    /// As configured.
    pub since: String,
    /// The first file reviewed.
    pub first_reviewed: String,
    /// How many files came before it.
    pub older_files: usize,
    /// How many findings located in them were left out.
    pub hidden_findings: usize,
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

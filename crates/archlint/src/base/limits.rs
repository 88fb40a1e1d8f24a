//! The caps that keep a review bounded on any input, set in `[limits]` of
//! `archlint.toml`. The defaults never reject a real file of the corpus
//! (docs/RELIABILITY.md); hitting one is a finding that names the cap and the
//! setting to raise, and the rest of the run goes on.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest file read, in MB.
    pub file_mb: usize,
    /// Deepest nesting of a YAML or JSON document.
    pub depth: usize,
    /// Longest chain of `$ref`s to `$ref`s followed.
    pub ref_hops: usize,
    /// Most files one description may reference.
    pub documents: usize,
    /// Most findings of one rule in one description or history (0: no cap);
    /// the rest are counted in one more finding.
    pub findings_per_rule: usize,
    /// Time the rules of one description or history may take, in
    /// milliseconds: rules not started by then are skipped, and a finding
    /// says so. Not kept in WebAssembly (no clock there).
    pub time_budget_ms: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_mb: 512,
            depth: 512,
            ref_hops: 64,
            documents: 10_000,
            findings_per_rule: 0,
            time_budget_ms: 60_000,
        }
    }
}

impl Limits {
    /// `file_mb` in bytes.
    pub fn file_bytes(&self) -> usize {
        self.file_mb.saturating_mul(1024 * 1024)
    }
}

//! Scores: 0–100 per area and overall, computed from the findings with a
//! formula simple enough to check by hand.
//!
//! - An area starts at 100 and loses 10 points per error, 3 per warning and 1
//!   per info finding in it, down to 0.
//! - Areas are scored when a rule of theirs ran on the input: the API areas
//!   when an OpenAPI description was reviewed, the database areas when SQL was,
//!   `consistency` when both were.
//! - The overall score is the mean of the scored areas, rounded.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Area, Finding, Severity};

pub const ERROR_POINTS: u32 = 10;
pub const WARNING_POINTS: u32 = 3;
pub const INFO_POINTS: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Scores {
    pub overall: u32,
    pub areas: BTreeMap<Area, u32>,
}

pub fn points(severity: Severity) -> u32 {
    match severity {
        Severity::Error => ERROR_POINTS,
        Severity::Warning => WARNING_POINTS,
        Severity::Info => INFO_POINTS,
    }
}

/// Scores the given areas (those a rule ran for) from the findings.
pub fn score(findings: &[Finding], scored_areas: &[Area]) -> Scores {
    let mut lost: BTreeMap<Area, u32> = scored_areas.iter().map(|area| (*area, 0)).collect();
    for finding in findings {
        if let Some(total) = lost.get_mut(&finding.area) {
            *total = total.saturating_add(points(finding.severity));
        }
    }
    let areas: BTreeMap<Area, u32> = lost
        .into_iter()
        .map(|(area, lost)| (area, 100u32.saturating_sub(lost)))
        .collect();
    let overall = if areas.is_empty() {
        100
    } else {
        let sum: u32 = areas.values().sum();
        (f64::from(sum) / areas.len() as f64).round() as u32
    };
    Scores { overall, areas }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Location;

    fn finding(area: Area, severity: Severity) -> Finding {
        Finding {
            rule: "X".into(),
            name: "x".into(),
            area,
            severity,
            message: String::new(),
            help: String::new(),
            location: Location {
                file: String::new(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                pointer: None,
                object: None,
            },
            related: Vec::new(),
        }
    }

    #[test]
    fn formula() {
        let findings = vec![
            finding(Area::Auth, Severity::Error),
            finding(Area::Auth, Severity::Warning),
            finding(Area::Errors, Severity::Info),
        ];
        let scores = score(&findings, &[Area::Auth, Area::Errors, Area::Transport]);
        assert_eq!(scores.areas[&Area::Auth], 87);
        assert_eq!(scores.areas[&Area::Errors], 99);
        assert_eq!(scores.areas[&Area::Transport], 100);
        assert_eq!(scores.overall, 95);
        let many = vec![finding(Area::Auth, Severity::Error); 20];
        assert_eq!(score(&many, &[Area::Auth]).areas[&Area::Auth], 0);
    }
}

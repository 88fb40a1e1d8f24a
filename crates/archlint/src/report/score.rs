//! Scores: 0–100 per area and overall, as densities — what share of the
//! reviewed API or schema a kind of problem touches, not how many times it
//! was reported. A habit repeated in every operation weighs the same in a
//! five-operation API and in a 1,200-operation one; a problem in one table
//! of three weighs more than in one of three hundred; a clean operation or
//! table added never lowers a score. See docs/json-output.md for the
//! formula, worked through.
//!
//! - The reviewed units are counted per side: operations and component
//!   schemas of the API, tables of the schema, migration files for the
//!   `migrations` area, and links (schemas and parameters linked to the
//!   schema) for `consistency`.
//! - Each finding is about one subject: the operation, schema or path it
//!   points into, the table of its SQL object, or its migration; a finding
//!   about the whole description (its `info`, `servers`, `paths`) is about
//!   every unit, and one that speaks for several ("and 50 more of the 51
//!   operations") about that many.
//! - Findings of one rule at one severity weigh `weight × subjects / units`
//!   (at most `weight`), with weights 2 (error), 0.5 (warning) and 0.1
//!   (info): a warning in every operation costs as much as four errors in a
//!   fifth of them.
//! - An area scores `100 × e^(−sum of its weights)`, rounded; `overall` is
//!   the rounded mean of the scored areas (those a rule ran for).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Area, Finding, Severity};

/// What a review covered, to weigh findings against.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Units {
    /// Operations of the reviewed descriptions.
    pub operations: usize,
    /// Component schemas of the reviewed descriptions.
    pub schemas: usize,
    /// Tables of the final schema.
    pub tables: usize,
    /// SQL files (migrations) read.
    pub migrations: usize,
    /// Schemas and parameters linked to the database.
    pub links: usize,
    /// Types of the reviewed GraphQL schema (left out of JSON when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub types: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl Units {
    pub fn add(&mut self, other: Units) {
        self.operations += other.operations;
        self.schemas += other.schemas;
        self.tables += other.tables;
        self.migrations += other.migrations;
        self.links += other.links;
        self.types += other.types;
    }
}

/// What weighed most in an area.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Heaviest {
    pub rule: String,
    pub name: String,
    pub severity: Option<Severity>,
    /// Its findings in the area.
    pub findings: usize,
    /// The operations, schemas, tables or migrations they touch...
    pub subjects: usize,
    /// ... of this many reviewed ...
    pub units: usize,
    /// ... which are `operations and schemas`, `tables`, `migrations` or
    /// `links`.
    pub of: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Scores {
    pub overall: u32,
    pub areas: BTreeMap<Area, u32>,
    /// Per area with findings, the rule (at one severity) that cost most.
    pub heaviest: BTreeMap<Area, Heaviest>,
    /// What the findings were weighed against.
    pub units: Units,
}

pub fn weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 2.0,
        Severity::Warning => 0.5,
        Severity::Info => 0.1,
    }
}

/// The pool of units a finding is counted against, and its subject there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    /// One named thing: an operation, a schema, a path, a table, a file.
    One(String),
    /// A finding that stands for several (or all, as `u32::MAX`) units.
    Many(String, u32),
}

#[derive(Clone, Copy)]
enum Pool {
    Api,
    Tables,
    Migrations,
    Links,
    /// The types of a GraphQL schema.
    Types,
}

impl Pool {
    fn noun(self) -> &'static str {
        match self {
            Pool::Api => "operations and schemas",
            Pool::Tables => "tables",
            Pool::Migrations => "migrations",
            Pool::Links => "links",
            Pool::Types => "types",
        }
    }

    fn size(self, units: &Units) -> usize {
        let size = match self {
            Pool::Api => units.operations + units.schemas,
            Pool::Tables => units.tables,
            Pool::Migrations => units.migrations,
            Pool::Links => units.links,
            Pool::Types => units.types,
        };
        size.max(1)
    }
}

fn pool(finding: &Finding) -> Pool {
    match finding.area {
        Area::Consistency => Pool::Links,
        Area::Migrations => Pool::Migrations,
        _ if finding.location.pointer.is_some() => Pool::Api,
        _ if crate::graphql::is_schema_file(&finding.location.file) => Pool::Types,
        _ => Pool::Tables,
    }
}

/// What a finding is about, within its pool.
fn subject(finding: &Finding, pool: Pool) -> Subject {
    let location = &finding.location;
    let one = match pool {
        Pool::Migrations => Some(location.file.clone()),
        Pool::Api | Pool::Links => location.pointer.as_deref().and_then(api_subject),
        // A key or constraint without a named object is still one thing.
        Pool::Tables | Pool::Types => Some(
            location
                .object
                .as_deref()
                .map_or_else(|| format!("line {}", location.line), table_of),
        ),
    };
    match (one, finding.extent) {
        // A finding that speaks for several: as many as it says.
        (one, Some(extent)) if extent > 1 => Subject::Many(
            format!(
                "{}#{}:{}",
                location.file,
                one.unwrap_or_default(),
                location.line
            ),
            extent,
        ),
        (Some(name), _) => Subject::One(format!("{}#{name}", location.file)),
        // About the whole description (`info`, `servers`, `paths`).
        (None, _) => Subject::Many(location.file.clone(), u32::MAX),
    }
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// `/paths/~1users/get/responses` → the operation; `/components/schemas/User/…`
/// → the schema; `/info`, `/servers/0`, `/paths` → none (the whole API).
fn api_subject(pointer: &str) -> Option<String> {
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    match tokens.as_slice() {
        ["paths" | "webhooks", path, method, ..] if METHODS.contains(method) => {
            Some(format!("{path} {method}"))
        }
        ["paths" | "webhooks", path, ..] => Some((*path).to_owned()),
        ["components", kind, name, ..] => Some(format!("{kind}/{name}")),
        ["definitions" | "parameters" | "responses", name, ..] => Some((*name).to_owned()),
        [first, ..] if TOP_LEVEL.contains(first) => None,
        // A file of schemas that a description `$ref`s: its entries.
        [name, ..] if !name.is_empty() => Some((*name).to_owned()),
        _ => None,
    }
}

/// Top-level members of an OpenAPI or Swagger document: findings there are
/// about the whole description.
const TOP_LEVEL: [&str; 14] = [
    "openapi",
    "swagger",
    "info",
    "servers",
    "paths",
    "webhooks",
    "components",
    "security",
    "tags",
    "externalDocs",
    "jsonSchemaDialect",
    "host",
    "basePath",
    "schemes",
];

/// `orders.customer_id` → `orders`; `app.orders.id` → `app.orders`; for
/// GraphQL, `User.posts(first)` → `User`.
fn table_of(object: &str) -> String {
    match object.rsplit_once('.') {
        Some((table, _)) => table.to_owned(),
        None => object.to_owned(),
    }
}

/// Findings of one rule at one severity in one area.
#[derive(Default)]
struct Group<'f> {
    first: Option<&'f Finding>,
    findings: usize,
    subjects: BTreeSet<Subject>,
}

impl Group<'_> {
    /// Distinct subjects, counting a finding that stands for several as
    /// that many, at most the pool.
    fn touched(&self, size: usize) -> usize {
        let counted: u64 = self
            .subjects
            .iter()
            .map(|subject| match subject {
                Subject::One(_) => 1,
                Subject::Many(_, extent) => u64::from(*extent),
            })
            .sum();
        usize::try_from(counted).unwrap_or(usize::MAX).min(size)
    }
}

/// Scores the given areas (those a rule ran for) from the findings.
/// What archlint could not read (a file left out of a folder, a statement
/// not understood) says nothing of the design: `info` of the structure area
/// is reported, not scored.
fn is_coverage_note(finding: &Finding) -> bool {
    finding.area == Area::Structure && finding.severity == Severity::Info
}

pub fn score(findings: &[Finding], scored_areas: &[Area], units: Units) -> Scores {
    let mut groups: BTreeMap<(Area, String, Severity), Group<'_>> = BTreeMap::new();
    for finding in findings {
        if !scored_areas.contains(&finding.area) || is_coverage_note(finding) {
            continue;
        }
        let key = (finding.area, finding.rule.clone(), finding.severity);
        let group = groups.entry(key).or_default();
        group.first.get_or_insert(finding);
        group.findings += 1;
        group.subjects.insert(subject(finding, pool(finding)));
    }
    let mut lost: BTreeMap<Area, f64> = scored_areas.iter().map(|area| (*area, 0.0)).collect();
    let mut heaviest: BTreeMap<Area, (f64, Heaviest)> = BTreeMap::new();
    for ((area, rule, severity), group) in &groups {
        let Some(first) = group.first else {
            continue;
        };
        let size = pool(first).size(&units);
        let touched = group.touched(size);
        let cost = weight(*severity) * touched as f64 / size as f64;
        *lost.entry(*area).or_default() += cost;
        let current = heaviest.get(area).map_or(-1.0, |(cost, _)| *cost);
        if cost > current {
            let entry = Heaviest {
                rule: rule.clone(),
                name: first.name.clone(),
                severity: Some(*severity),
                findings: group.findings,
                subjects: touched,
                units: size,
                of: pool(first).noun().to_owned(),
            };
            heaviest.insert(*area, (cost, entry));
        }
    }
    let areas: BTreeMap<Area, u32> = lost
        .into_iter()
        .map(|(area, lost)| (area, (100.0 * (-lost).exp()).round() as u32))
        .collect();
    let overall = if areas.is_empty() {
        100
    } else {
        let sum: u32 = areas.values().sum();
        (f64::from(sum) / areas.len() as f64).round() as u32
    };
    Scores {
        overall,
        areas,
        heaviest: heaviest
            .into_iter()
            .map(|(area, (_, entry))| (area, entry))
            .collect(),
        units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Location;

    fn finding(area: Area, severity: Severity, pointer: &str) -> Finding {
        Finding {
            rule: "X".into(),
            name: "x".into(),
            area,
            severity,
            message: String::new(),
            help: String::new(),
            location: Location {
                file: "api.yaml".into(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                pointer: Some(pointer.into()),
                object: None,
            },
            related: Vec::new(),
            extent: None,
        }
    }

    fn api(operations: usize) -> Units {
        Units {
            operations,
            ..Units::default()
        }
    }

    /// A warning in every operation of `size` operations.
    fn habit(size: usize) -> u32 {
        let findings: Vec<Finding> = (0..size)
            .map(|index| {
                finding(
                    Area::Errors,
                    Severity::Warning,
                    &format!("/paths/~1r{index}/get"),
                )
            })
            .collect();
        score(&findings, &[Area::Errors], api(size)).areas[&Area::Errors]
    }

    #[test]
    fn a_habit_weighs_the_same_at_any_size() {
        assert_eq!(habit(5), 61);
        assert_eq!(habit(1200), 61);
    }

    #[test]
    fn clean_operations_never_lower_a_score() {
        let one = vec![finding(Area::Auth, Severity::Error, "/paths/~1a/post")];
        let small = score(&one, &[Area::Auth], api(5)).areas[&Area::Auth];
        let large = score(&one, &[Area::Auth], api(50)).areas[&Area::Auth];
        assert_eq!(small, 67);
        assert!(large > small);
    }

    #[test]
    fn repeated_findings_on_one_subject_count_once() {
        let same = vec![
            finding(
                Area::Validation,
                Severity::Warning,
                "/components/schemas/User/properties/a",
            ),
            finding(
                Area::Validation,
                Severity::Warning,
                "/components/schemas/User/properties/b",
            ),
        ];
        let scores = score(&same, &[Area::Validation], api(10));
        assert_eq!(scores.areas[&Area::Validation], 95);
        let heaviest = &scores.heaviest[&Area::Validation];
        assert_eq!(
            (heaviest.findings, heaviest.subjects, heaviest.units),
            (2, 1, 10)
        );
    }

    #[test]
    fn whole_api_findings_touch_every_unit() {
        let whole = vec![finding(Area::RateLimiting, Severity::Info, "/paths")];
        assert_eq!(
            score(&whole, &[Area::RateLimiting, Area::Transport], api(40)).areas
                [&Area::RateLimiting],
            90
        );
    }
}

//! What a review produces: findings with exact locations.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// The fixed vocabulary of review areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    // API
    Structure,
    Versioning,
    Errors,
    Auth,
    Validation,
    RateLimiting,
    Pagination,
    Caching,
    Transport,
    SensitiveData,
    Conventions,
    Documentation,
    // Database
    Indexing,
    Normalization,
    Integrity,
    Types,
    Migrations,
    Naming,
    // Both
    Consistency,
}

impl Area {
    pub const ALL: [Area; 19] = [
        Area::Structure,
        Area::Versioning,
        Area::Errors,
        Area::Auth,
        Area::Validation,
        Area::RateLimiting,
        Area::Pagination,
        Area::Caching,
        Area::Transport,
        Area::SensitiveData,
        Area::Conventions,
        Area::Documentation,
        Area::Indexing,
        Area::Normalization,
        Area::Integrity,
        Area::Types,
        Area::Migrations,
        Area::Naming,
        Area::Consistency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Structure => "structure",
            Area::Versioning => "versioning",
            Area::Errors => "errors",
            Area::Auth => "auth",
            Area::Validation => "validation",
            Area::RateLimiting => "rate-limiting",
            Area::Pagination => "pagination",
            Area::Caching => "caching",
            Area::Transport => "transport",
            Area::SensitiveData => "sensitive-data",
            Area::Conventions => "conventions",
            Area::Documentation => "documentation",
            Area::Indexing => "indexing",
            Area::Normalization => "normalization",
            Area::Integrity => "integrity",
            Area::Types => "types",
            Area::Migrations => "migrations",
            Area::Naming => "naming",
            Area::Consistency => "consistency",
        }
    }

    pub fn parse(text: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|area| area.as_str() == text)
    }
}

/// Where a finding is: 1-based lines and character columns, end inclusive of the
/// last character's column + 1 (an end column points just past the range, as in
/// SARIF). `pointer` locates OpenAPI nodes, `object` SQL objects.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub pointer: Option<String>,
    pub object: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Related {
    pub message: String,
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, such as `ERR001`.
    pub rule: String,
    /// The rule's kebab-case name, such as `missing-4xx-response`.
    pub name: String,
    pub area: Area,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub location: Location,
    pub related: Vec<Related>,
}

impl Finding {
    /// The order of every report: file, line, column, rule, then message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.location.file,
            self.location.line,
            self.location.column,
            &self.rule,
            &self.message,
        )
    }
}

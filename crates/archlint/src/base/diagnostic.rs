//! The vocabulary of findings shared by every floor: severities and areas,
//! rule metadata, places in source files, the problems parsers report, and the
//! diagnostics rules emit. Spans become lines and columns only when a report is
//! assembled ([`locate`]).

use serde::{Deserialize, Serialize};

use super::source::{FileId, LineCol, SourceMap, Span};

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
    // Between two versions (`archlint diff`)
    Compatibility,
}

impl Area {
    pub const ALL: [Area; 20] = [
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
        Area::Compatibility,
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
            Area::Compatibility => "compatibility",
        }
    }

    pub fn parse(text: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|area| area.as_str() == text)
    }
}

/// Which input a rule reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Api,
    Db,
    Both,
    /// Two versions of a design (`archlint diff`).
    Change,
    /// A GraphQL schema.
    Graphql,
}

/// What a rule is: its identity, area, default severity and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, never reused: `ERR001`.
    pub id: &'static str,
    /// Short kebab-case name: `missing-4xx-response`.
    pub name: &'static str,
    pub side: Side,
    pub area: Area,
    pub severity: Severity,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// One line: how to fix it (the default `help` of a finding).
    pub fix: &'static str,
    /// The Markdown documentation (the rule's doc comment).
    pub docs: &'static str,
    /// The same check in other tools, as their suppression comments name it
    /// (`atlas:MF103`, `squawk:adding-required-field`): their markers
    /// silence this rule too.
    pub peers: &'static [&'static str],
}

impl RuleMeta {
    /// Whether `selector` names this rule by id or name.
    pub fn is(&self, selector: &str) -> bool {
        self.id.eq_ignore_ascii_case(selector) || self.name == selector
    }

    /// Whether another tool's marker (`atlas:MF103`, or `atlas:*` for all of
    /// that tool's checks) names the same check as this rule.
    pub fn answers_to(&self, marker: &str) -> bool {
        match marker.strip_suffix('*') {
            Some(tool) => self.peers.iter().any(|peer| peer.starts_with(tool)),
            None => self
                .peers
                .iter()
                .any(|peer| peer.eq_ignore_ascii_case(marker)),
        }
    }

    /// The documentation with the one leading space of each doc-comment line removed.
    pub fn markdown(&self) -> String {
        let mut text = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text
    }
}

/// A place in a source file: its span, and its JSON pointer (OpenAPI) or object
/// name (SQL).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
    pub pointer: Option<String>,
    pub object: Option<String>,
}

impl Place {
    /// A place in an OpenAPI document.
    pub fn pointer(file: FileId, span: Span, pointer: Option<String>) -> Place {
        Place {
            file,
            span,
            pointer,
            object: None,
        }
    }

    /// A place in a SQL file, about the named object when there is one.
    pub fn object(file: FileId, span: Span, object: Option<String>) -> Place {
        Place {
            file,
            span,
            pointer: None,
            object,
        }
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

/// The line and column of a place, named after its file.
pub fn locate(sources: &SourceMap, place: &Place) -> Location {
    let (file, start, end) = match sources.get(place.file) {
        Some(file) => (
            file.name.clone(),
            file.line_col(place.span.start),
            file.line_col(place.span.end),
        ),
        None => (String::new(), LineCol::FIRST, LineCol::FIRST),
    };
    Location {
        file,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        pointer: place.pointer.clone(),
        object: place.object.clone(),
    }
}

/// Something a parser or model builder found wrong with its input, in its own
/// terms (`K` is its kind of problem). The rules decide which finding each
/// kind becomes: parsers know no rule.
#[derive(Clone, Debug)]
pub struct Problem<K> {
    pub kind: K,
    pub place: Place,
    pub message: String,
    /// Other places the problem involves (the first of two duplicate keys).
    pub related: Vec<(Place, String)>,
}

impl<K> Problem<K> {
    pub fn new(kind: K, place: Place, message: impl Into<String>) -> Self {
        Problem {
            kind,
            place,
            message: message.into(),
            related: Vec::new(),
        }
    }

    pub fn related(mut self, place: Place, message: impl Into<String>) -> Self {
        self.related.push((place, message.into()));
        self
    }
}

/// A finding as a rule reports it, before configuration and locating.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub place: Place,
    pub message: String,
    /// Overrides the rule's general help for this finding.
    pub help: Option<String>,
    /// Overrides the rule's default severity for this finding (for example, an
    /// unsecured write operation is worse than an unsecured read).
    pub severity: Option<Severity>,
    /// Other places the finding involves, in any file of the run (the column
    /// behind an API property is a place like any other).
    pub related: Vec<(Place, String)>,
    /// How many operations, schemas or tables one finding stands for, when
    /// it speaks for several ("and 50 more of the 51 operations"); the score
    /// weighs it by that.
    pub extent: Option<u32>,
}

impl Diagnostic {
    pub fn new(rule: &'static RuleMeta, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            place,
            message: message.into(),
            help: None,
            severity: None,
            related: Vec::new(),
            extent: None,
        }
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }

    pub fn related(&mut self, place: Place, message: impl Into<String>) -> &mut Self {
        self.related.push((place, message.into()));
        self
    }

    /// The finding stands for this many operations, schemas or tables.
    pub fn extent(&mut self, subjects: usize) -> &mut Self {
        self.extent = Some(u32::try_from(subjects).unwrap_or(u32::MAX));
        self
    }
}

/// Collects what one rule reports: `out.report(place, message)`, refined with
/// `.help(...)`, `.related(...)` and `.severity(...)`.
pub struct Emitter {
    rule: &'static RuleMeta,
    diagnostics: Vec<Diagnostic>,
}

impl Emitter {
    pub fn new(rule: &'static RuleMeta) -> Self {
        Emitter {
            rule,
            diagnostics: Vec::new(),
        }
    }

    /// Reports a finding of this emitter's rule at `place`.
    pub fn report(&mut self, place: Place, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostics = &mut self.diagnostics;
        diagnostics.push(Diagnostic::new(self.rule, place, message));
        match diagnostics.last_mut() {
            Some(diagnostic) => diagnostic,
            None => unreachable!("a diagnostic was just pushed"),
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

//! Findings as rules and loaders produce them: byte spans, turned into lines and
//! columns only when the report is assembled.

use crate::report::{Finding, Location, Related, Severity};
use crate::rules::RuleMeta;
use crate::source::{FileId, SourceMap, Span};

/// A place in a source file: its span, and its JSON pointer (OpenAPI) or object
/// name (SQL).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
    pub pointer: Option<String>,
    pub object: Option<String>,
}

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
    pub related: Vec<(Place, String)>,
    /// Related locations in another set of files (the schema side of an API
    /// finding), located by the rule that knows those files.
    pub located: Vec<Related>,
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
            located: Vec::new(),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    pub fn related(mut self, place: Place, message: impl Into<String>) -> Self {
        self.related.push((place, message.into()));
        self
    }

    /// Adds a related location already located in other files.
    pub fn located(mut self, related: Related) -> Self {
        self.located.push(related);
        self
    }

    /// The finding as reported, with the severity the configuration decided.
    pub fn into_finding(self, sources: &SourceMap, severity: Severity) -> Finding {
        Finding {
            rule: self.rule.id.to_owned(),
            name: self.rule.name.to_owned(),
            area: self.rule.area,
            severity,
            message: self.message,
            help: self.help.unwrap_or_else(|| self.rule.fix.to_owned()),
            location: locate(sources, &self.place),
            related: self
                .related
                .iter()
                .map(|(place, message)| Related {
                    message: message.clone(),
                    location: locate(sources, place),
                })
                .chain(self.located)
                .collect(),
        }
    }
}

pub fn locate(sources: &SourceMap, place: &Place) -> Location {
    let (file, start, end) = match sources.get(place.file) {
        Some(file) => (
            file.name.clone(),
            file.line_col(place.span.start),
            file.line_col(place.span.end),
        ),
        None => Default::default(),
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

impl Default for crate::source::LineCol {
    fn default() -> Self {
        crate::source::LineCol { line: 1, column: 1 }
    }
}

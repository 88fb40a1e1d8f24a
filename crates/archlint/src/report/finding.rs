//! What a review produces: findings with exact locations.

use serde::{Deserialize, Serialize};

use crate::base::source::SourceMap;
use crate::base::{locate, Area, Diagnostic, Location, Severity};

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
    /// How many operations, schemas or tables it stands for, when several
    /// (for the score; not part of the JSON contract).
    #[serde(skip)]
    pub extent: Option<u32>,
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

impl Finding {
    /// The finding a diagnostic becomes, at the severity the configuration
    /// decided, located in the run's files.
    pub fn from_diagnostic(
        diagnostic: Diagnostic,
        sources: &SourceMap,
        severity: Severity,
    ) -> Self {
        Finding {
            rule: diagnostic.rule.id.to_owned(),
            name: diagnostic.rule.name.to_owned(),
            area: diagnostic.rule.area,
            severity,
            message: diagnostic.message,
            help: diagnostic
                .help
                .unwrap_or_else(|| diagnostic.rule.fix.to_owned()),
            location: locate(sources, &diagnostic.place),
            related: diagnostic
                .related
                .iter()
                .map(|(place, message)| Related {
                    message: message.clone(),
                    location: locate(sources, place),
                })
                .collect(),
            extent: diagnostic.extent,
        }
    }
}

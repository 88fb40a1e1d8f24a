//! A Spectral ruleset as archlint runs it: rules with their `given`
//! queries, the core function each `then` applies, and the overrides by file.

use crate::base::source::{FileId, Span};
use crate::base::Severity;
use crate::tree::query::JsonPath;
use crate::tree::Node;

/// Every rule of the rulesets a run reads, merged as Spectral merges
/// `extends`, with what could not be read.
#[derive(Default)]
pub struct Ruleset {
    pub rules: Vec<SpectralRule>,
    pub overrides: Vec<Override>,
    pub exceptions: Vec<Exception>,
    pub problems: Vec<RulesetProblem>,
}

impl Ruleset {
    /// The rules that run: native, and on (or on in some override).
    pub fn runnable(&self) -> impl Iterator<Item = &SpectralRule> {
        self.rules
            .iter()
            .filter(|rule| rule.native && (rule.enabled || self.overridden_on(&rule.name)))
    }

    fn overridden_on(&self, name: &str) -> bool {
        self.overrides.iter().any(|over| {
            over.rules
                .iter()
                .any(|(rule, severity)| rule == name && severity.is_some())
        })
    }

    pub fn rule(&self, name: &str) -> Option<&SpectralRule> {
        self.rules.iter().find(|rule| rule.name == name)
    }

    pub(super) fn rule_mut(&mut self, name: &str) -> Option<&mut SpectralRule> {
        self.rules.iter_mut().find(|rule| rule.name == name)
    }

    /// Adds a rule, replacing one of the same name (as a redefinition does).
    pub(super) fn define(&mut self, rule: SpectralRule) {
        match self.rule_mut(&rule.name) {
            Some(existing) => *existing = rule,
            None => self.rules.push(rule),
        }
    }
}

pub struct SpectralRule {
    pub name: String,
    pub description: Option<String>,
    pub message: Option<String>,
    pub severity: Severity,
    pub enabled: bool,
    /// Recommended rules run when a ruleset extends this one without `all`.
    pub recommended: bool,
    /// Every `then` uses a function archlint runs natively.
    pub native: bool,
    pub given: Vec<Given>,
    pub then: Vec<Then>,
    /// `None`: every format.
    pub formats: Option<Vec<String>>,
    /// Run over the description with `$ref`s followed (Spectral's default).
    pub resolved: bool,
    pub documentation_url: Option<String>,
    /// Where the rule is defined (the key in its ruleset file).
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug)]
pub struct Origin {
    pub file: FileId,
    pub span: Span,
}

/// One `given` query, and the formats it is for when it came from a
/// scoped alias (`targets: [{formats, given}]`).
pub struct Given {
    pub query: JsonPath,
    pub formats: Option<Vec<String>>,
}

pub struct Then {
    pub field: Option<Field>,
    pub function: Function,
}

/// `then.field`: which part of each `given` result the function judges.
pub enum Field {
    /// `@key`: the property names of an object.
    Keys,
    /// `a.b[0].c`: a path below the result.
    Path(Vec<String>),
    /// `$.x..y`: a query below the result.
    Query(JsonPath),
}

/// The core functions of Spectral.
pub enum Function {
    Truthy,
    Falsy,
    Defined,
    Undefined,
    Pattern {
        must_match: Option<Pattern>,
        must_not_match: Option<Pattern>,
    },
    Casing(super::casing::Casing),
    Alphabetical {
        keyed_by: Option<String>,
    },
    Length {
        min: Option<f64>,
        max: Option<f64>,
    },
    Enumeration {
        values: Vec<Node>,
    },
    Schema(Box<super::schema::SchemaCheck>),
    Xor {
        properties: Vec<String>,
    },
    Or {
        properties: Vec<String>,
    },
    TypedEnum,
    UnreferencedReusableObject {
        location: String,
    },
    /// A function archlint does not run (a custom JavaScript function).
    NotNative(String),
}

/// A regular expression of a `pattern` option, as written and compiled.
pub struct Pattern {
    pub source: String,
    pub regex: crate::base::regex::JsRegex,
}

/// `overrides`: rule severities for the files a pattern matches (and, with
/// `#/pointer`, below that place).
pub struct Override {
    pub files: Vec<String>,
    pub rules: Vec<(String, Option<Severity>)>,
}

/// `except`: rules silenced at one place (`file.yaml#/paths/~1x`).
pub struct Exception {
    pub file: String,
    pub pointer: Option<String>,
    pub rules: Vec<String>,
}

/// Something in a ruleset archlint cannot run or read, at its place.
#[derive(Clone, Debug)]
pub struct RulesetProblem {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// A ruleset severity: `error`, `warn`, `info`, `hint` (archlint's `info`),
/// `off`, their numbers 0–3 and -1, or `true`/`false` (on/off).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesetSeverity {
    Set(Severity),
    Off,
    /// `true`: on, at the rule's own severity.
    On,
}

impl RulesetSeverity {
    pub fn read(node: &Node) -> Option<RulesetSeverity> {
        use crate::tree::Value;
        match &node.value {
            Value::String(text) => match text.as_str() {
                "error" => Some(RulesetSeverity::Set(Severity::Error)),
                "warn" | "warning" => Some(RulesetSeverity::Set(Severity::Warning)),
                "info" | "hint" => Some(RulesetSeverity::Set(Severity::Info)),
                "off" => Some(RulesetSeverity::Off),
                _ => None,
            },
            Value::Number(number) => match number.value as i64 {
                0 => Some(RulesetSeverity::Set(Severity::Error)),
                1 => Some(RulesetSeverity::Set(Severity::Warning)),
                2 | 3 => Some(RulesetSeverity::Set(Severity::Info)),
                -1 => Some(RulesetSeverity::Off),
                _ => None,
            },
            Value::Bool(true) => Some(RulesetSeverity::On),
            Value::Bool(false) => Some(RulesetSeverity::Off),
            _ => None,
        }
    }
}

//! `extends: spectral:oas`: Spectral's OpenAPI ruleset. Its rules that use
//! core functions are written here in Spectral's ruleset format and run
//! natively; the others are listed with the built-in archlint rule that
//! covers them (or none), so that a ruleset may still turn them off.

use super::model::{Origin, Ruleset, SpectralRule};
use crate::base::Severity;

/// The name the ruleset is read under (and its findings' file for problems).
pub const NAME: &str = "spectral:oas";

pub const RULESET: &str = include_str!("oas.yaml");

/// The rules of `spectral:oas` that need Spectral's own JavaScript
/// functions, and the archlint rule that reviews the same thing ("" when
/// none does).
pub const COVERED: &[(&str, &str)] = &[
    ("operation-success-response", "missing-success-response"),
    ("oas2-operation-formData-consume-check", ""),
    ("operation-operationId-unique", "duplicate-operation-id"),
    ("operation-parameters", ""),
    ("operation-tag-defined", "undefined-tag"),
    ("path-params", "path-parameter-mismatch"),
    ("duplicated-entry-in-enum", ""),
    ("openapi-tags-uniqueness", ""),
    ("no-$ref-siblings", ""),
    ("typed-enum", "enum-type-mismatch"),
    ("oas2-discriminator", ""),
    (
        "oas2-operation-security-defined",
        "undefined-security-scheme",
    ),
    ("oas2-valid-schema-example", "invalid-example"),
    ("oas2-valid-media-example", "invalid-example"),
    ("oas2-schema", "invalid-structure"),
    (
        "oas3-operation-security-defined",
        "undefined-security-scheme",
    ),
    ("oas3-valid-media-example", "invalid-example"),
    ("oas3-valid-schema-example", "invalid-example"),
    ("oas3-schema", "invalid-structure"),
    ("oas3-unused-component", "unused-component"),
    ("oas3-server-variables", ""),
];

/// Adds the rules of `spectral:oas` that do not run natively (off, and
/// never run), so that a ruleset naming them is not an error.
pub fn add_covered(ruleset: &mut Ruleset) {
    for (name, _) in COVERED {
        if ruleset.rule(name).is_some() {
            continue;
        }
        ruleset.rules.push(SpectralRule {
            name: (*name).to_owned(),
            description: None,
            message: None,
            severity: Severity::Warning,
            enabled: false,
            recommended: true,
            native: false,
            given: Vec::new(),
            then: Vec::new(),
            formats: None,
            resolved: true,
            documentation_url: None,
            origin: Origin {
                file: crate::base::source::FileId(0),
                span: crate::base::source::Span::default(),
            },
        });
    }
}

//! Spectral's `schema` function: a JSON Schema (draft 4, 6, 7, 2019-09 or
//! 2020-12) each target must satisfy, checked by the `jsonschema` crate.

use jsonschema::Draft;

pub struct SchemaCheck {
    validator: jsonschema::Validator,
    /// Report every error, not only the first (`allErrors`).
    all_errors: bool,
    /// How deep below a target the schema reads (`None`: any depth).
    reach: Option<usize>,
}

/// One way the target fails its schema: where below the target, and why.
pub struct SchemaError {
    pub pointer: String,
    pub message: String,
}

impl SchemaCheck {
    /// `dialect` as Spectral names it (`auto`, `draft4` … `draft2020-12`).
    pub fn new(
        schema: &serde_json::Value,
        dialect: Option<&str>,
        all_errors: bool,
    ) -> Result<SchemaCheck, String> {
        let mut options = jsonschema::options();
        if let Some(draft) = dialect.and_then(draft_named) {
            options = options.with_draft(draft);
        } else if schema.get("$schema").is_none() {
            // Spectral's default for a schema that names no dialect.
            options = options.with_draft(Draft::Draft7);
        }
        let validator = options
            .build(schema)
            .map_err(|error| format!("the schema of this rule is not valid: {error}"))?;
        Ok(SchemaCheck {
            validator,
            all_errors,
            reach: super::json::schema_reach(schema),
        })
    }

    /// How many levels below a target the schema reads values at; deeper
    /// values need not be copied (`None`: any depth).
    pub fn reach(&self) -> Option<usize> {
        self.reach
    }

    /// How `instance` fails; `name` is the property it is the value of.
    /// Messages name the failing value briefly (a short scalar as written,
    /// else its property), never print a whole object.
    pub fn errors(&self, instance: &serde_json::Value, name: Option<&str>) -> Vec<SchemaError> {
        let limit = if self.all_errors { usize::MAX } else { 1 };
        self.validator
            .iter_errors(instance)
            .take(limit)
            .map(|error| {
                let pointer = error.instance_path().as_str().to_owned();
                let property = pointer
                    .rsplit('/')
                    .next()
                    .filter(|last| !last.is_empty())
                    .or(name);
                let placeholder = placeholder(error.instance().as_ref(), property);
                SchemaError {
                    message: error.masked_with(placeholder).to_string(),
                    pointer,
                }
            })
            .collect()
    }
}

fn draft_named(name: &str) -> Option<Draft> {
    Some(match name {
        "draft4" => Draft::Draft4,
        "draft6" => Draft::Draft6,
        "draft7" => Draft::Draft7,
        "draft2019-09" => Draft::Draft201909,
        "draft2020-12" => Draft::Draft202012,
        _ => return None,
    })
}

/// How a message names the failing value.
fn placeholder(value: &serde_json::Value, property: Option<&str>) -> String {
    let written = value.to_string();
    let scalar = !value.is_object() && !value.is_array();
    match property {
        _ if scalar && written.chars().count() <= 60 => written,
        Some(property) => format!("\"{property}\" property"),
        None => "the value".to_owned(),
    }
}

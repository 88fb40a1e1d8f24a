//! A rule's `message`, with Spectral's placeholders filled in:
//! `{{error}}`, `{{description}}`, `{{path}}`, `{{property}}`, `{{value}}`.

use super::functions::{print_value, Lead};
use crate::tree::Node;

/// What the placeholders of one result stand for.
pub struct Vars<'v> {
    /// The function's own message (with its lead).
    pub error: &'v str,
    pub description: Option<&'v str>,
    /// The result's path from the root, as keys and indexes.
    pub path: &'v [String],
    pub value: Option<&'v Node>,
    /// The value is a property name (`~`, `@key`).
    pub name: Option<&'v str>,
}

/// The function's message with its lead (`"name" property must be truthy`).
pub fn with_lead(lead: Lead, message: &str, vars: &Vars<'_>) -> String {
    match lead {
        Lead::None => message.to_owned(),
        Lead::Property => match vars.path.last() {
            Some(property) => format!("\"{property}\" property {message}"),
            None => message.to_owned(),
        },
        Lead::Value => match printed_value(vars) {
            Some(printed) => format!("{printed} {message}"),
            None => message.to_owned(),
        },
    }
}

/// Fills a template (`None`: the rule's description, or else the error).
pub fn render(template: Option<&str>, vars: &Vars<'_>) -> String {
    let Some(template) = template else {
        return vars.description.unwrap_or(vars.error).to_owned();
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = after.find("}}") else {
            out.push_str(rest.get(open..).unwrap_or(""));
            return out;
        };
        let name = after.get(..close).unwrap_or("").trim();
        match placeholder(name, vars) {
            Some(value) => out.push_str(&value),
            None => {
                out.push_str("{{");
                out.push_str(after.get(..close).unwrap_or(""));
                out.push_str("}}");
            }
        }
        rest = after.get(close + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn placeholder(name: &str, vars: &Vars<'_>) -> Option<String> {
    Some(match name {
        "error" => vars.error.to_owned(),
        "description" => vars.description.unwrap_or("").to_owned(),
        "path" => json_path(vars.path),
        "property" => vars.path.last().cloned().unwrap_or_default(),
        "value" => printed_value(vars).unwrap_or_else(|| "undefined".to_owned()),
        _ => return None,
    })
}

fn printed_value(vars: &Vars<'_>) -> Option<String> {
    match (vars.name, vars.value) {
        (Some(name), _) => Some(format!("\"{name}\"")),
        (None, Some(node)) => Some(print_value(node)),
        (None, None) => None,
    }
}

/// `#/paths/~1users/get`, as Spectral prints a path in messages.
fn json_path(path: &[String]) -> String {
    let mut out = String::from("#");
    for segment in path {
        out = crate::tree::pointer::push(&out, segment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let path = vec!["paths".to_owned(), "/users".to_owned()];
        let vars = Vars {
            error: "must be kebab case",
            description: Some("Paths are kebab-case."),
            path: &path,
            value: None,
            name: Some("/Users"),
        };
        assert_eq!(
            render(
                Some("{{property}} at {{path}}: {{error}} ({{value}}) {{other}}"),
                &vars
            ),
            "/users at #/paths/~1users: must be kebab case (\"/Users\") {{other}}"
        );
        assert_eq!(render(None, &vars), "Paths are kebab-case.");
        assert_eq!(render(Some("open {{error"), &vars), "open {{error");
    }
}

//! Spectral's core functions, judged on one target each: what they report,
//! with the same words as Spectral, and where below the target.

use std::collections::HashSet;

use super::model::Function;
use crate::tree::query::{Follow, Place};
use crate::tree::{Node, Value};

/// What a function judges: a value, a property name (`~`, `@key`), or
/// nothing (a `field` the target lacks).
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    Undefined,
    Node(Place<'a>),
    Name(&'a str),
}

/// How a message begins, as Spectral's `print("property")`/`print("value")`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    None,
    /// `"name" property `
    Property,
    /// `"value" `
    Value,
}

pub struct Violation {
    pub lead: Lead,
    pub message: String,
    /// Below the target (object keys and array indexes as text).
    pub path: Vec<String>,
}

impl Violation {
    fn new(lead: Lead, message: impl Into<String>) -> Violation {
        Violation {
            lead,
            message: message.into(),
            path: Vec::new(),
        }
    }

    fn at(mut self, path: Vec<String>) -> Violation {
        self.path = path;
        self
    }
}

/// What some functions need beyond the target.
pub struct Scope<'s, 'a> {
    pub follow: &'s dyn Follow<'a>,
    /// Every `$ref` of the description that points into its root file, as
    /// the pointer it names (`/components/schemas/Pet`).
    pub referenced: &'s HashSet<String>,
    /// The target as JSON, `$ref`s followed, down to a depth (`None`: all
    /// of it), for `schema`.
    pub to_json: &'s dyn Fn(Place<'a>, Option<usize>) -> serde_json::Value,
}

pub fn apply<'a>(
    function: &Function,
    subject: Subject<'a>,
    name: Option<&str>,
    scope: &Scope<'_, 'a>,
) -> Vec<Violation> {
    let subject = match subject {
        Subject::Node(place) => Subject::Node(scope.follow.follow(place)),
        other => other,
    };
    match function {
        Function::Truthy => unless(is_truthy(subject), Lead::Property, "must be truthy"),
        Function::Falsy => unless(!is_truthy(subject), Lead::Property, "must be falsy"),
        Function::Defined => unless(
            !matches!(subject, Subject::Undefined),
            Lead::Property,
            "must be defined",
        ),
        Function::Undefined => unless(
            matches!(subject, Subject::Undefined),
            Lead::Property,
            "must be undefined",
        ),
        Function::Pattern {
            must_match,
            must_not_match,
        } => {
            let Some(text) = text_of(subject) else {
                return Vec::new();
            };
            let mut found = Vec::new();
            if let Some(pattern) = must_match.as_ref().filter(|p| !p.regex.is_match(text)) {
                let message = format!("must match the pattern \"{}\"", pattern.source);
                found.push(Violation::new(Lead::Value, message));
            }
            if let Some(pattern) = must_not_match.as_ref().filter(|p| p.regex.is_match(text)) {
                let message = format!("must not match the pattern \"{}\"", pattern.source);
                found.push(Violation::new(Lead::Value, message));
            }
            found
        }
        Function::Casing(casing) => match text_of(subject) {
            Some(text) if !text.is_empty() && !casing.matches(text) => vec![Violation::new(
                Lead::Property,
                format!("must be {} case", casing.kind),
            )],
            _ => Vec::new(),
        },
        Function::Alphabetical { keyed_by } => alphabetical(subject, keyed_by.as_deref(), scope),
        Function::Length { min, max } => length(subject, *min, *max),
        Function::Enumeration { values } => enumeration(subject, values),
        Function::Schema(check) => match subject {
            Subject::Node(place) => check
                .errors(&(scope.to_json)(place, check.reach()), name)
                .into_iter()
                .map(|error| {
                    let path = pointer_segments(&error.pointer);
                    Violation::new(Lead::None, error.message).at(path)
                })
                .collect(),
            Subject::Name(key) => check
                .errors(&serde_json::Value::String(key.to_owned()), None)
                .into_iter()
                .map(|error| Violation::new(Lead::None, error.message))
                .collect(),
            // Spectral: a missing value fails any schema.
            Subject::Undefined => vec![Violation::new(Lead::Property, "must exist")],
        },
        Function::Xor { properties } => defined_count(
            subject,
            properties,
            |count| count != 1,
            |names| format!("{names} must not be both defined or both undefined"),
            " and ",
        ),
        Function::Or { properties } => defined_count(
            subject,
            properties,
            |count| count == 0,
            |names| format!("at least one of {names} must be defined"),
            ", ",
        ),
        Function::TypedEnum => typed_enum(subject),
        Function::UnreferencedReusableObject { location } => unreferenced(subject, location, scope),
        Function::NotNative(_) => Vec::new(),
    }
}

fn unless(holds: bool, lead: Lead, message: &str) -> Vec<Violation> {
    if holds {
        Vec::new()
    } else {
        vec![Violation::new(lead, message)]
    }
}

/// JavaScript's truthiness.
fn is_truthy(subject: Subject<'_>) -> bool {
    match subject {
        Subject::Undefined => false,
        Subject::Name(name) => !name.is_empty(),
        Subject::Node(place) => node_truthy(place.node),
    }
}

pub fn node_truthy(node: &Node) -> bool {
    match &node.value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.value != 0.0 && !number.value.is_nan(),
        Value::String(text) => !text.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn text_of(subject: Subject<'_>) -> Option<&str> {
    match subject {
        Subject::Name(name) => Some(name),
        Subject::Node(place) => place.node.as_str(),
        Subject::Undefined => None,
    }
}

fn length(subject: Subject<'_>, min: Option<f64>, max: Option<f64>) -> Vec<Violation> {
    let size = match subject {
        Subject::Name(name) => name.chars().count() as f64,
        Subject::Node(place) => match &place.node.value {
            Value::String(text) => text.chars().count() as f64,
            Value::Array(items) => items.len() as f64,
            Value::Object(members) => members.len() as f64,
            Value::Number(number) => number.value,
            _ => return Vec::new(),
        },
        Subject::Undefined => return Vec::new(),
    };
    let mut found = Vec::new();
    if let Some(min) = min.filter(|min| size < *min) {
        found.push(Violation::new(
            Lead::Property,
            format!("must be longer than {}", number(min)),
        ));
    }
    if let Some(max) = max.filter(|max| size > *max) {
        found.push(Violation::new(
            Lead::Property,
            format!("must be shorter than {}", number(max)),
        ));
    }
    found
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

fn enumeration(subject: Subject<'_>, values: &[Node]) -> Vec<Violation> {
    let allowed = |candidate: &Node| match subject {
        Subject::Name(name) => candidate.as_str() == Some(name),
        Subject::Node(place) => same_primitive(candidate, place.node),
        Subject::Undefined => true,
    };
    let primitive = match subject {
        Subject::Node(place) => !place.node.is_object() && !place.node.is_array(),
        _ => true,
    };
    if !primitive || values.iter().any(allowed) {
        return Vec::new();
    }
    let list: Vec<String> = values.iter().map(print_value).collect();
    vec![Violation::new(
        Lead::Value,
        format!(
            "must be equal to one of the allowed values: {}",
            list.join(", ")
        ),
    )]
}

fn same_primitive(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Number(x), Value::Number(y)) => x.value == y.value,
        (x, y) => x == y,
    }
}

/// Spectral's `printValue`: strings quoted, containers by kind.
pub fn print_value(node: &Node) -> String {
    match &node.value {
        Value::String(text) => format!("\"{text}\""),
        Value::Number(number) => self::number(number.value),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        Value::Array(_) => "Array[]".to_owned(),
        Value::Object(_) => "Object{}".to_owned(),
    }
}

fn alphabetical<'a>(
    subject: Subject<'a>,
    keyed_by: Option<&str>,
    scope: &Scope<'_, 'a>,
) -> Vec<Violation> {
    let Subject::Node(place) = subject else {
        return Vec::new();
    };
    let keys: Vec<Option<SortKey>> = match &place.node.value {
        Value::Object(members) => members
            .iter()
            .map(|member| Some(SortKey::Text(member.key.clone())))
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                let item = scope
                    .follow
                    .follow(Place {
                        doc: place.doc,
                        node: item,
                    })
                    .node;
                let keyed = match keyed_by {
                    Some(key) => item.get(key)?,
                    None => item,
                };
                SortKey::of(keyed)
            })
            .collect(),
        _ => return Vec::new(),
    };
    let unsorted = keys
        .windows(2)
        .any(|pair| matches!(pair, [Some(a), Some(b)] if a > b));
    // Spectral reports the list itself, not the first item out of order.
    if unsorted {
        vec![Violation::new(
            Lead::Property,
            "must be sorted alphabetically",
        )]
    } else {
        Vec::new()
    }
}

/// What `alphabetical` compares: numbers as numbers, the rest as text.
#[derive(PartialEq, PartialOrd)]
enum SortKey {
    Number(f64),
    Text(String),
}

impl SortKey {
    fn of(node: &Node) -> Option<SortKey> {
        match &node.value {
            Value::Number(number) => Some(SortKey::Number(number.value)),
            Value::String(text) => Some(SortKey::Text(text.clone())),
            _ => None,
        }
    }
}

fn defined_count(
    subject: Subject<'_>,
    properties: &[String],
    fails: impl Fn(usize) -> bool,
    message: impl Fn(&str) -> String,
    joiner: &str,
) -> Vec<Violation> {
    let Subject::Node(place) = subject else {
        return Vec::new();
    };
    if !place.node.is_object() {
        return Vec::new();
    }
    let count = properties
        .iter()
        .filter(|name| place.node.get(name).is_some())
        .count();
    if !fails(count) {
        return Vec::new();
    }
    let names: Vec<String> = properties
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect();
    vec![Violation::new(Lead::None, message(&names.join(joiner)))]
}

fn typed_enum(subject: Subject<'_>) -> Vec<Violation> {
    let Subject::Node(place) = subject else {
        return Vec::new();
    };
    let (Some(values), Some(kind)) = (place.node.get("enum"), place.node.get("type")) else {
        return Vec::new();
    };
    let kinds: Vec<&str> = match &kind.value {
        Value::String(kind) => vec![kind.as_str()],
        Value::Array(kinds) => kinds.iter().filter_map(Node::as_str).collect(),
        _ => return Vec::new(),
    };
    values
        .items()
        .iter()
        .enumerate()
        .filter(|(_, value)| !kinds.iter().any(|kind| is_of_type(value, kind)))
        .map(|(index, value)| {
            Violation::new(
                Lead::None,
                format!(
                    "Enum value {} must be \"{}\".",
                    print_value(value),
                    kinds.join("\" or \"")
                ),
            )
            .at(vec!["enum".to_owned(), index.to_string()])
        })
        .collect()
}

fn is_of_type(value: &Node, kind: &str) -> bool {
    match (&value.value, kind) {
        (Value::String(_), "string") | (Value::Bool(_), "boolean") | (Value::Null, "null") => true,
        (Value::Array(_), "array") | (Value::Object(_), "object") => true,
        (Value::Number(_), "number") => true,
        (Value::Number(number), "integer") => number.value.fract() == 0.0,
        _ => false,
    }
}

fn unreferenced<'a>(subject: Subject<'a>, location: &str, scope: &Scope<'_, 'a>) -> Vec<Violation> {
    let Subject::Node(place) = subject else {
        return Vec::new();
    };
    let base = location.trim_start_matches('#').trim_end_matches('/');
    place
        .node
        .members()
        .iter()
        .filter(|member| {
            let pointer = crate::tree::pointer::push(base, &member.key);
            !scope.referenced.contains(&pointer)
        })
        .map(|member| {
            Violation::new(
                Lead::None,
                "Potential orphaned reusable object has been detected.",
            )
            .at(vec![member.key.clone()])
        })
        .collect()
}

/// `/a/b~1c` → `["a", "b/c"]`.
fn pointer_segments(pointer: &str) -> Vec<String> {
    crate::tree::pointer::tokens(pointer).unwrap_or_default()
}

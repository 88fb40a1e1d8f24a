//! Checks a JSON/YAML value (an `example`) against an OpenAPI schema.
//!
//! The subset every real example problem comes down to: types (with `nullable`
//! and 3.1 type lists), `enum`/`const`, string lengths and common formats,
//! numeric bounds, array sizes and items, required and declared properties,
//! and `allOf`/`anyOf`/`oneOf`. `pattern` is not checked (no regex engine in
//! the core). Depth is bounded, so cyclic schemas and deep values are safe.

use super::{Documents, NodeAt};
use crate::tree::{Node, Value};

/// Deepest schema/value nesting followed; beyond it a value is accepted.
const MAX_DEPTH: usize = 64;

/// Schema visits per example. `allOf: [A, A]` inside `A` would otherwise
/// branch exponentially within the depth bound; past the budget a value is
/// accepted.
const MAX_STEPS: usize = 20_000;

/// The first way `value` breaks `schema`, as "at `/items/0/id`: expected integer".
pub fn first_violation<'a>(
    documents: &'a Documents,
    value: &Node,
    schema: &NodeAt<'a>,
) -> Option<String> {
    let mut checker = Checker {
        documents,
        path: String::new(),
        steps: 0,
    };
    let problem = checker.violation(value, schema, 0)?;
    Some(if checker.path.is_empty() {
        problem
    } else {
        format!("at `{}`: {problem}", checker.path)
    })
}

/// One example's check: where in the value it is, and how much work is left.
struct Checker<'a> {
    documents: &'a Documents,
    /// JSON pointer of the value being checked (kept at the first violation).
    path: String,
    steps: usize,
}

impl<'a> Checker<'a> {
    fn violation(&mut self, value: &Node, schema: &NodeAt<'a>, depth: usize) -> Option<String> {
        self.steps += 1;
        if depth > MAX_DEPTH || self.steps > MAX_STEPS {
            return None;
        }
        let schema = self.documents.resolve(schema)?;
        if !schema.node.is_object() {
            return None;
        }
        if let Value::Null = value.value {
            if schema.bool("nullable") == Some(true) {
                return None;
            }
        }
        type_violation(value, &schema)
            .or_else(|| enum_violation(value, &schema))
            .or_else(|| bounds_violation(value, &schema))
            .or_else(|| self.composition_violation(value, &schema, depth))
            .or_else(|| self.children_violation(value, &schema, depth))
    }

    /// Descends into `child` under the pointer token `token`; on success the
    /// path is restored, on a violation it stays pointing at the culprit.
    fn child_violation(
        &mut self,
        token: &str,
        value: &Node,
        schema: &NodeAt<'a>,
        depth: usize,
    ) -> Option<String> {
        let length = self.path.len();
        self.path.push('/');
        self.path.push_str(&crate::tree::pointer::escape(token));
        let problem = self.violation(value, schema, depth + 1);
        if problem.is_none() {
            self.path.truncate(length);
        }
        problem
    }
}

/// The JSON type names a value satisfies (`integer` values are numbers too).
fn value_types(value: &Node) -> &'static [&'static str] {
    match &value.value {
        Value::Null => &["null"],
        Value::Bool(_) => &["boolean"],
        Value::Number(number) if number.integer || number.value.fract() == 0.0 => {
            &["integer", "number"]
        }
        Value::Number(_) => &["number"],
        Value::String(_) => &["string"],
        Value::Array(_) => &["array"],
        Value::Object(_) => &["object"],
    }
}

/// Whether `value` has one of the schema's types (any, when it has none).
pub fn matches_type(value: &Node, schema: &NodeAt<'_>) -> bool {
    let declared = super::schemas::types(schema);
    if declared.is_empty() {
        return true;
    }
    let nullable = schema.bool("nullable") == Some(true);
    value_types(value)
        .iter()
        .any(|kind| declared.contains(kind) || (nullable && *kind == "null"))
}

fn type_violation(value: &Node, schema: &NodeAt<'_>) -> Option<String> {
    (!matches_type(value, schema)).then(|| {
        format!(
            "expected {}, found {}",
            super::schemas::types(schema).join(" or "),
            value.kind()
        )
    })
}

fn enum_violation(value: &Node, schema: &NodeAt<'_>) -> Option<String> {
    if let Some(allowed) = schema.node.get("enum") {
        let items = allowed.items();
        if !items.is_empty() && !items.iter().any(|item| same_value(item, value)) {
            return Some(format!(
                "{} is not one of the enum values",
                describe_value(value)
            ));
        }
    }
    let constant = schema.node.get("const")?;
    (!same_value(constant, value))
        .then(|| format!("{} is not the const value", describe_value(value)))
}

/// Structural equality, ignoring spans.
fn same_value(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Number(x), Value::Number(y)) => x.value == y.value,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|member| {
                    b.get(&member.key)
                        .is_some_and(|other| same_value(&member.value, other))
                })
        }
        (x, y) => x == y,
    }
}

fn bounds_violation(value: &Node, schema: &NodeAt<'_>) -> Option<String> {
    let number = |key: &str| schema.node.get(key).and_then(Node::as_f64);
    match &value.value {
        Value::String(text) => {
            let length = text.chars().count() as f64;
            if number("maxLength").is_some_and(|max| length > max) {
                return Some(format!("string of {length} characters exceeds maxLength"));
            }
            if number("minLength").is_some_and(|min| length < min) {
                return Some(format!("string of {length} characters is below minLength"));
            }
            schema
                .str("format")
                .filter(|format| !format_ok(format, text))
                .map(|format| format!("`{}` is not a valid `{format}`", truncate(text)))
        }
        Value::Number(actual) => {
            let x = actual.value;
            let exclusive = |key: &str| schema.bool(key) == Some(true);
            let too_big = number("maximum")
                .is_some_and(|max| x > max || (exclusive("exclusiveMaximum") && x >= max))
                || number("exclusiveMaximum").is_some_and(|max| x >= max);
            let too_small = number("minimum")
                .is_some_and(|min| x < min || (exclusive("exclusiveMinimum") && x <= min))
                || number("exclusiveMinimum").is_some_and(|min| x <= min);
            (too_big || too_small).then(|| format!("{x} is outside the allowed range"))
        }
        Value::Array(items) => {
            let count = items.len() as f64;
            let too_many = number("maxItems").is_some_and(|max| count > max);
            let too_few = number("minItems").is_some_and(|min| count < min);
            (too_many || too_few).then(|| format!("{count} items is outside minItems/maxItems"))
        }
        _ => None,
    }
}

/// Shape checks for the formats whose values are easy to get wrong by hand.
fn format_ok(format: &str, text: &str) -> bool {
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let date = |text: &str| {
        let parts: Vec<&str> = text.split('-').collect();
        parts.len() == 3
            && parts.first().is_some_and(|p| digits(p, 4))
            && parts.iter().skip(1).all(|p| digits(p, 2))
    };
    match format {
        "date" => date(text),
        "date-time" => text.split_once(['T', 't', ' ']).is_some_and(|(day, time)| {
            date(day) && time.len() >= 8 && time.as_bytes().get(2) == Some(&b':')
        }),
        "uuid" => {
            let parts: Vec<&str> = text.split('-').collect();
            parts.iter().map(|part| part.len()).eq([8, 4, 4, 4, 12])
                && parts
                    .iter()
                    .all(|part| part.bytes().all(|b| b.is_ascii_hexdigit()))
        }
        "email" => text
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty()),
        _ => true,
    }
}

/// The structural checks: composition, arrays and objects.
impl<'a> Checker<'a> {
    fn composition_violation(
        &mut self,
        value: &Node,
        schema: &NodeAt<'a>,
        depth: usize,
    ) -> Option<String> {
        if let Some(parts) = schema.get("allOf") {
            for part in parts.items() {
                if let Some(problem) = self.violation(value, &part, depth + 1) {
                    return Some(problem);
                }
            }
        }
        for key in ["anyOf", "oneOf"] {
            let Some(parts) = schema.get(key) else {
                continue;
            };
            let path = self.path.clone();
            let mut alternatives = parts.items().peekable();
            let fits_one = alternatives.peek().is_none()
                || alternatives.any(|part| self.violation(value, &part, depth + 1).is_none());
            // A failed alternative says nothing about where the value is wrong.
            self.path = path;
            if !fits_one {
                return Some(format!("matches none of the `{key}` alternatives"));
            }
        }
        None
    }

    fn children_violation(
        &mut self,
        value: &Node,
        schema: &NodeAt<'a>,
        depth: usize,
    ) -> Option<String> {
        match &value.value {
            Value::Object(members) => self.object_violation(value, members, schema, depth),
            Value::Array(items) => {
                let item_schema = schema.get("items").filter(|items| items.node.is_object())?;
                items.iter().enumerate().find_map(|(index, item)| {
                    self.child_violation(&index.to_string(), item, &item_schema, depth)
                })
            }
            _ => None,
        }
    }

    fn object_violation(
        &mut self,
        value: &Node,
        members: &[crate::tree::Member],
        schema: &NodeAt<'a>,
        depth: usize,
    ) -> Option<String> {
        let properties = schema.get("properties");
        if let Some(missing) = self.missing_required(value, schema, properties.as_ref()) {
            return Some(format!("required property `{missing}` is missing"));
        }
        let closed = schema
            .node
            .get("additionalProperties")
            .and_then(Node::as_bool)
            == Some(false);
        for member in members {
            match properties
                .as_ref()
                .and_then(|properties| properties.get(&member.key))
            {
                Some(property) => {
                    if let Some(problem) =
                        self.child_violation(&member.key, &member.value, &property, depth)
                    {
                        return Some(problem);
                    }
                }
                None if closed && schema.get("allOf").is_none() => {
                    self.path.push('/');
                    self.path
                        .push_str(&crate::tree::pointer::escape(&member.key));
                    return Some(
                        "property is not declared and additionalProperties is false".to_owned(),
                    );
                }
                None => {}
            }
        }
        None
    }

    /// A required property the value lacks; readOnly/writeOnly properties are
    /// absent from one direction by design.
    fn missing_required<'s>(
        &self,
        value: &Node,
        schema: &'s NodeAt<'a>,
        properties: Option<&NodeAt<'a>>,
    ) -> Option<&'s str> {
        let required = schema
            .node
            .get("required")
            .map(Node::items)
            .unwrap_or_default();
        required.iter().filter_map(Node::as_str).find(|name| {
            if value.get(name).is_some() {
                return false;
            }
            let one_way = properties
                .and_then(|properties| properties.get(name))
                .and_then(|property| self.documents.resolve(&property))
                .is_some_and(|property| {
                    property.bool("readOnly") == Some(true)
                        || property.bool("writeOnly") == Some(true)
                });
            !one_way
        })
    }
}

/// A value for messages: `"abc"`, `42`, `true`, `null`, `an object`.
pub fn describe_value(value: &Node) -> String {
    match &value.value {
        Value::String(text) => format!("\"{}\"", truncate(text)),
        Value::Number(number) => number.value.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".to_owned(),
        _ => format!("an {}", value.kind()),
    }
}

fn truncate(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

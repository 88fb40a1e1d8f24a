//! Checks a JSON/YAML value (an `example`) against an OpenAPI schema.
//!
//! The subset every real example problem comes down to: types (with `nullable`
//! and 3.1 type lists), `enum`/`const`, string lengths and common formats,
//! numeric bounds, array sizes and items, required and declared properties,
//! and `allOf`/`anyOf`/`oneOf`. `pattern` is not checked (no regex engine in
//! the core). Depth is bounded, so cyclic schemas and deep values are safe.

use super::{ApiContext, NodeAt};
use crate::tree::{Node, Value};

/// Deepest schema/value nesting followed; beyond it a value is accepted.
const MAX_DEPTH: usize = 64;

/// The first way `value` breaks `schema`, as "at `/items/0/id`: expected integer".
pub fn first_violation<'a>(
    context: &ApiContext<'a>,
    value: &Node,
    schema: &NodeAt<'a>,
) -> Option<String> {
    let mut path = String::new();
    violation(context, value, schema, &mut path, 0).map(|problem| {
        if path.is_empty() {
            problem
        } else {
            format!("at `{path}`: {problem}")
        }
    })
}

fn violation<'a>(
    context: &ApiContext<'a>,
    value: &Node,
    schema: &NodeAt<'a>,
    path: &mut String,
    depth: usize,
) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let schema = context.resolve(schema)?;
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
        .or_else(|| composition_violation(context, value, &schema, path, depth))
        .or_else(|| children_violation(context, value, &schema, path, depth))
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

fn composition_violation<'a>(
    context: &ApiContext<'a>,
    value: &Node,
    schema: &NodeAt<'a>,
    path: &mut String,
    depth: usize,
) -> Option<String> {
    if let Some(parts) = schema.get("allOf") {
        for part in parts.items() {
            if let Some(problem) = violation(context, value, &part, path, depth + 1) {
                return Some(problem);
            }
        }
    }
    for key in ["anyOf", "oneOf"] {
        let Some(parts) = schema.get(key) else {
            continue;
        };
        let mut scratch = path.clone();
        let fits_one = parts.items().next().is_none()
            || parts
                .items()
                .any(|part| violation(context, value, &part, &mut scratch, depth + 1).is_none());
        if !fits_one {
            return Some(format!("matches none of the `{key}` alternatives"));
        }
    }
    None
}

fn children_violation<'a>(
    context: &ApiContext<'a>,
    value: &Node,
    schema: &NodeAt<'a>,
    path: &mut String,
    depth: usize,
) -> Option<String> {
    match &value.value {
        Value::Object(members) => object_violation(context, value, members, schema, path, depth),
        Value::Array(items) => {
            let item_schema = schema.get("items").filter(|items| items.node.is_object())?;
            for (index, item) in items.iter().enumerate() {
                let length = path.len();
                path.push('/');
                path.push_str(&index.to_string());
                if let Some(problem) = violation(context, item, &item_schema, path, depth + 1) {
                    return Some(problem);
                }
                path.truncate(length);
            }
            None
        }
        _ => None,
    }
}

fn object_violation<'a>(
    context: &ApiContext<'a>,
    value: &Node,
    members: &[crate::tree::Member],
    schema: &NodeAt<'a>,
    path: &mut String,
    depth: usize,
) -> Option<String> {
    let properties = schema.get("properties");
    for name in schema
        .node
        .get("required")
        .map(Node::items)
        .unwrap_or_default()
    {
        let Some(name) = name.as_str() else { continue };
        if value.get(name).is_some() {
            continue;
        }
        // readOnly/writeOnly properties are absent from one direction by design.
        let one_way = properties
            .as_ref()
            .and_then(|properties| properties.get(name))
            .and_then(|property| context.resolve(&property))
            .is_some_and(|property| {
                property.bool("readOnly") == Some(true) || property.bool("writeOnly") == Some(true)
            });
        if !one_way {
            return Some(format!("required property `{name}` is missing"));
        }
    }
    let closed = schema
        .node
        .get("additionalProperties")
        .and_then(Node::as_bool)
        == Some(false);
    for member in members {
        let declared = properties
            .as_ref()
            .and_then(|properties| properties.get(&member.key));
        let length = path.len();
        path.push('/');
        path.push_str(&crate::tree::pointer::escape(&member.key));
        match declared {
            Some(property) => {
                if let Some(problem) = violation(context, &member.value, &property, path, depth + 1)
                {
                    return Some(problem);
                }
            }
            None if closed && schema.get("allOf").is_none() => {
                return Some(
                    "property is not declared and additionalProperties is false".to_owned(),
                );
            }
            None => {}
        }
        path.truncate(length);
    }
    None
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

//! A JSON/YAML value tree in which every node keeps its byte span.
//!
//! Both syntaxes parse into the same [`Node`] so that the OpenAPI layer never cares
//! which one a file used. Object members keep the span of their key too, because a
//! finding about `responses` should point at the `responses:` key, not at the value
//! on the next line.

mod filter;
mod json;
pub mod pointer;
pub mod query;
mod yaml;

use crate::base::source::Span;

pub use json::{parse_json, parse_json_within};
pub use yaml::{parse_yaml, parse_yaml_within};

/// Deepest nesting accepted. Deeper documents are rejected with a finding: no real
/// API description comes close, and it keeps every walker's recursion bounded.
pub const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Written without a fraction or exponent.
    pub integer: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Member {
    /// From the start of the key to the end of the value.
    pub fn span(&self) -> Span {
        self.key_span.cover(self.value.span)
    }
}

/// A problem found while parsing, at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}

/// A duplicate key: the repeated occurrence and the first one.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    pub key: String,
    pub span: Span,
    pub first: Span,
}

/// Result of parsing one file: the tree (absent when the text could not be read at
/// all) and the non-fatal observations made on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub root: Option<Node>,
    pub error: Option<ParseError>,
    pub duplicate_keys: Vec<DuplicateKey>,
    /// Text read although the YAML specification forbids it (as other readers do).
    pub warnings: Vec<ParseError>,
}

/// Which syntax a text is written in, decided by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
}

impl Syntax {
    /// JSON when the first meaningful character opens an object or array; YAML
    /// otherwise (JSON documents are also YAML, but the JSON parser is faster and
    /// stricter).
    pub fn detect(text: &str) -> Syntax {
        match text.trim_start().as_bytes().first() {
            Some(b'{') | Some(b'[') => Syntax::Json,
            _ => Syntax::Yaml,
        }
    }
}

/// Parses JSON or YAML, chosen by content. Text that looks like JSON but is not
/// valid JSON gets a second chance as YAML (flow-style YAML starts with `{` too).
pub fn parse(text: &str) -> Parsed {
    parse_within(text, MAX_DEPTH)
}

/// [`parse`], nesting bounded at `max_depth` (`[limits] depth`).
pub fn parse_within(text: &str, max_depth: usize) -> Parsed {
    match Syntax::detect(text) {
        Syntax::Json => {
            let parsed = parse_json_within(text, max_depth);
            if parsed.error.is_none() {
                return parsed;
            }
            let as_yaml = parse_yaml_within(text, max_depth);
            if as_yaml.error.is_none() {
                as_yaml
            } else {
                parsed
            }
        }
        Syntax::Yaml => parse_yaml_within(text, max_depth),
    }
}

/// What a document nested past the cap is told.
fn too_deep(max_depth: usize) -> String {
    format!(
        "nesting deeper than {max_depth} levels; the document is not reviewed (raise `[limits] depth` to read it)"
    )
}

impl Node {
    pub fn new(value: Value, span: Span) -> Self {
        Node { value, span }
    }

    /// The member with this key (the last one when a key is repeated, as most
    /// JSON readers do).
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|member| member.key == key),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|member| &member.value)
    }

    pub fn members(&self) -> &[Member] {
        match &self.value {
            Value::Object(members) => members,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Array(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(flag) => Some(flag),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Number(number) => Some(number.value),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self.value, Value::Array(_))
    }

    /// A short name of the node's JSON type, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Number of nodes in this subtree, counted without recursion.
    pub fn count_nodes(&self) -> usize {
        let mut count = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            count += 1;
            match &node.value {
                Value::Array(items) => stack.extend(items.iter()),
                Value::Object(members) => stack.extend(members.iter().map(|m| &m.value)),
                _ => {}
            }
        }
        count
    }
}

/// Collects duplicate keys of an object being built.
pub(crate) fn find_duplicates(members: &[Member], out: &mut Vec<DuplicateKey>) {
    if members.len() < 2 {
        return;
    }
    if members.len() <= 16 {
        for (index, member) in members.iter().enumerate() {
            if let Some(first) = members[..index].iter().find(|m| m.key == member.key) {
                out.push(duplicate(member, first));
            }
        }
        return;
    }
    let mut seen = std::collections::HashMap::with_capacity(members.len());
    for member in members {
        if let Some(first) = seen.insert(member.key.as_str(), member) {
            out.push(duplicate(member, first));
            seen.insert(member.key.as_str(), first);
        }
    }
}

fn duplicate(member: &Member, first: &Member) -> DuplicateKey {
    DuplicateKey {
        key: member.key.clone(),
        span: member.key_span,
        first: first.key_span,
    }
}

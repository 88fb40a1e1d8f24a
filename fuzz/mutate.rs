//! Structure-aware mutation, shared by the fuzz targets (through
//! `structured.rs`) and the replay in the main test suite.
//!
//! Byte mutations rarely keep a description readable, so most of what
//! libFuzzer tries ends in a syntax error and the rules never see it. Here an
//! input is read the way archlint reads it — a JSON/YAML tree, SQL statements,
//! GraphQL definitions — changed the way real documents change (a subtree
//! moved, copied, nested or deleted; a key renamed to a keyword; a `$ref`
//! aimed at a random place, at itself, at another file or outside the root; a
//! migration's statements reordered or moved to another file; a name replaced
//! by another one) and written back. Each function returns `None` when the
//! input cannot be read that way; the caller then mutates bytes instead.

use archlint::source::Span;
use archlint::tree::{Member, Node, Number, Value};

/// A small deterministic generator: the same seed gives the same mutation, so
/// a found input can be reproduced from libFuzzer's log.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u32) -> Self {
        Random(u64::from(seed).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// What a target's input is made of, for its mutator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    /// One JSON or YAML document.
    Document,
    /// Documents split at NUL (a description over several files).
    Documents,
    /// A dialect byte, then SQL files split at NUL.
    Sql,
    /// A description, NUL, its SQL schema.
    DocumentAndSql,
    /// An old version, NUL, a new version of a description.
    Change,
    /// GraphQL files split at NUL.
    Graphql,
    /// A Spectral ruleset, NUL, a description.
    RulesetAndDocument,
}

/// The shape of each target's input.
pub fn shape(target: &str) -> Shape {
    match target {
        "refs" => Shape::Documents,
        "sql" => Shape::Sql,
        "both" => Shape::DocumentAndSql,
        "diff" => Shape::Change,
        "graphql" => Shape::Graphql,
        "ruleset" => Shape::RulesetAndDocument,
        _ => Shape::Document,
    }
}

/// One structural mutation of a target's input, or `None` when it cannot be
/// read as that target's shape.
pub fn mutate(shape: Shape, data: &[u8], random: &mut Random) -> Option<Vec<u8>> {
    match shape {
        Shape::Document => document(data, random, OPENAPI_KEYS),
        Shape::Documents => one_part(data, usize::MAX, random, |part, random| {
            document(part, random, OPENAPI_KEYS)
        }),
        Shape::Sql => sql_history(data, random),
        Shape::DocumentAndSql => match random.below(2) {
            0 => in_half(data, 0, random, |half, r| document(half, r, OPENAPI_KEYS)),
            _ => in_half(data, 1, random, |half, r| chunks(half, r, &SQL)),
        },
        Shape::Change => change(data, random),
        Shape::Graphql => one_part(data, 4, random, |part, random| {
            chunks(part, random, &GRAPHQL)
        }),
        Shape::RulesetAndDocument => match random.below(3) {
            0 => in_half(data, 1, random, |half, r| document(half, r, OPENAPI_KEYS)),
            _ => in_half(data, 0, random, |half, r| document(half, r, RULESET_KEYS)),
        },
    }
}

// ------------------------------------------------------------ documents

/// Keys that make a description's structure mean something.
const OPENAPI_KEYS: &[&str] = &[
    "$ref",
    "openapi",
    "swagger",
    "info",
    "paths",
    "components",
    "schemas",
    "parameters",
    "responses",
    "requestBody",
    "content",
    "application/json",
    "schema",
    "type",
    "properties",
    "items",
    "required",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "discriminator",
    "enum",
    "format",
    "in",
    "name",
    "security",
    "securitySchemes",
    "servers",
    "url",
    "definitions",
    "x-archlint-ignore",
    "additionalProperties",
    "nullable",
    "default",
    "example",
    "examples",
    "headers",
    "links",
    "callbacks",
    "webhooks",
    "pathItems",
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "operationId",
    "tags",
    "maxLength",
    "maximum",
    "minimum",
    "pattern",
    "readOnly",
    "deprecated",
    "200",
];

/// Keys of a Spectral ruleset.
const RULESET_KEYS: &[&str] = &[
    "rules",
    "extends",
    "given",
    "then",
    "function",
    "functionOptions",
    "field",
    "severity",
    "message",
    "description",
    "formats",
    "aliases",
    "overrides",
    "files",
    "except",
    "recommended",
    "resolved",
    "targets",
    "truthy",
    "falsy",
    "pattern",
    "match",
    "notMatch",
    "casing",
    "type",
    "schema",
    "enumeration",
    "values",
    "length",
    "min",
    "max",
    "xor",
    "or",
    "properties",
    "alphabetical",
    "keyedBy",
    "typedEnum",
    "undefined",
    "defined",
    "documentationUrl",
    "spectral:oas",
    "$..*",
    "$.paths[*][*]",
    "#Alias",
    "$..[?(@.type == 'string')]",
];

/// Values that stress a reader or a rule.
fn odd_value(random: &mut Random, keys: &[&str]) -> Value {
    match random.below(9) {
        0 => Value::Null,
        1 => Value::Bool(random.chance(2)),
        2 => Value::Number(Number {
            value: [0.0, -1.0, 1e308, 2f64.powi(53) + 1.0, 0.5][random.below(5)],
            integer: random.chance(2),
        }),
        3 => Value::String(String::new()),
        4 => Value::String("\u{202e}<img src=x onerror=alert(1)>\u{1b}[2J::error::x".into()),
        5 => Value::String("x".repeat(1 + random.below(4096))),
        6 => Value::String((*random.pick(keys).unwrap_or(&"")).into()),
        7 => Value::Array(Vec::new()),
        _ => Value::Object(Vec::new()),
    }
}

/// Where a `$ref` may point: a node of the document, itself, nothing, another
/// file of the set, a file outside the root, the network.
fn ref_target(random: &mut Random, pointer: String) -> String {
    let targets = [
        format!("#{pointer}"),
        "#".to_string(),
        "#/components/schemas/Missing".into(),
        format!("common.yaml#{pointer}"),
        "schemas/a.yaml".into(),
        "../outside.yaml#/x".into(),
        "https://example.com/api.yaml#/x".into(),
        "#/%7E%2".into(),
        String::new(),
    ];
    targets[random.below(targets.len())].clone()
}

fn node(value: Value) -> Node {
    Node {
        value,
        span: Span::default(),
    }
}

fn read_tree(data: &[u8]) -> Option<Node> {
    let text = std::str::from_utf8(data).ok()?;
    let parsed = if text.trim_start().starts_with(['{', '[']) {
        archlint::tree::parse_json(text)
    } else {
        archlint::tree::parse_yaml(text)
    };
    parsed.root
}

/// One document, changed in one to three places and written as JSON or YAML.
pub fn document(data: &[u8], random: &mut Random, keys: &[&str]) -> Option<Vec<u8>> {
    let mut root = read_tree(data)?;
    for _ in 0..1 + random.below(3) {
        change_tree(&mut root, random, keys);
    }
    let mut out = String::new();
    match random.below(3) {
        0 => write_json(&root, &mut out, None),
        1 => write_json(&root, &mut out, Some(0)),
        _ => write_yaml(&root, 0, &mut out),
    }
    Some(out.into_bytes())
}

/// The path of every node, as child indexes from the root.
fn paths(root: &Node) -> Vec<Vec<usize>> {
    let mut all = Vec::new();
    let mut stack = vec![(root, Vec::new())];
    while let Some((at, path)) = stack.pop() {
        for (index, child) in children(at).enumerate() {
            let mut child_path = path.clone();
            child_path.push(index);
            stack.push((child, child_path));
        }
        all.push(path);
    }
    all
}

fn children(node: &Node) -> Box<dyn Iterator<Item = &Node> + '_> {
    match &node.value {
        Value::Array(items) => Box::new(items.iter()),
        Value::Object(members) => Box::new(members.iter().map(|member| &member.value)),
        _ => Box::new(std::iter::empty()),
    }
}

fn at_mut<'n>(mut at: &'n mut Node, path: &[usize]) -> Option<&'n mut Node> {
    for &index in path {
        at = match &mut at.value {
            Value::Array(items) => items.get_mut(index)?,
            Value::Object(members) => &mut members.get_mut(index)?.value,
            _ => return None,
        };
    }
    Some(at)
}

fn at<'n>(mut at: &'n Node, path: &[usize]) -> Option<&'n Node> {
    for &index in path {
        at = children(at).nth(index)?;
    }
    Some(at)
}

/// The JSON pointer of a node, for `$ref`s aimed at it.
fn pointer(root: &Node, path: &[usize]) -> String {
    let mut pointer = String::new();
    let mut here = root;
    for &index in path {
        let token = match &here.value {
            Value::Object(members) => members.get(index).map(|m| m.key.clone()),
            _ => Some(index.to_string()),
        };
        pointer.push('/');
        pointer.push_str(
            &token
                .unwrap_or_default()
                .replace('~', "~0")
                .replace('/', "~1"),
        );
        match children(here).nth(index) {
            Some(child) => here = child,
            None => break,
        }
    }
    pointer
}

fn change_tree(root: &mut Node, random: &mut Random, keys: &[&str]) {
    let all = paths(root);
    let (Some(target), Some(source)) = (random.pick(&all), random.pick(&all)) else {
        return;
    };
    let copied = at(root, source).cloned();
    let aimed = pointer(root, source);
    let Some(place) = at_mut(root, target) else {
        return;
    };
    match random.below(8) {
        0 => {
            if let Some(copied) = copied {
                *place = copied;
            }
        }
        1 => nest(place, random, keys),
        2 => remove_child(place, random),
        3 => rename_key(place, random, keys),
        4 => place.value = odd_value(random, keys),
        5 => {
            let key = if random.chance(4) {
                "$dynamicRef"
            } else {
                "$ref"
            };
            place.value = Value::Object(vec![member(
                key,
                node(Value::String(ref_target(random, aimed))),
            )]);
        }
        6 => add_member(place, random, keys, copied),
        _ => duplicate_child(place, random),
    }
}

fn member(key: &str, value: Node) -> Member {
    Member {
        key: key.into(),
        key_span: Span::default(),
        value,
    }
}

/// The node put one level deeper, under a keyword or in a list.
fn nest(place: &mut Node, random: &mut Random, keys: &[&str]) {
    let inner = std::mem::replace(place, node(Value::Null));
    place.value = match random.pick(keys) {
        Some(key) if random.chance(2) => Value::Object(vec![member(key, inner)]),
        _ => Value::Array(vec![inner]),
    };
}

fn remove_child(place: &mut Node, random: &mut Random) {
    match &mut place.value {
        Value::Array(items) if !items.is_empty() => {
            items.remove(random.below(items.len()));
        }
        Value::Object(members) if !members.is_empty() => {
            members.remove(random.below(members.len()));
        }
        _ => place.value = Value::Null,
    }
}

fn rename_key(place: &mut Node, random: &mut Random, keys: &[&str]) {
    if let Value::Object(members) = &mut place.value {
        let count = members.len();
        let new_key = match random.pick(keys) {
            Some(key) if random.chance(2) => (*key).to_string(),
            _ => members
                .get(random.below(count))
                .map(|m| m.key.clone())
                .unwrap_or_default(),
        };
        if let Some(chosen) = members.get_mut(random.below(count)) {
            chosen.key = new_key;
        }
    }
}

fn add_member(place: &mut Node, random: &mut Random, keys: &[&str], copied: Option<Node>) {
    let value = match copied {
        Some(copied) if random.chance(2) => copied,
        _ => node(odd_value(random, keys)),
    };
    match &mut place.value {
        Value::Object(members) => {
            let key = random.pick(keys).copied().unwrap_or("x");
            members.insert(random.below(members.len() + 1), member(key, value));
        }
        Value::Array(items) => items.insert(random.below(items.len() + 1), value),
        _ => place.value = Value::Array(vec![value]),
    }
}

/// A member or item repeated (duplicate keys, repeated parameters).
fn duplicate_child(place: &mut Node, random: &mut Random) {
    match &mut place.value {
        Value::Array(items) if !items.is_empty() => {
            let index = random.below(items.len());
            let copy = items[index].clone();
            items.insert(index, copy);
        }
        Value::Object(members) if !members.is_empty() => {
            let index = random.below(members.len());
            let copy = members[index].clone();
            members.insert(index, copy);
        }
        _ => {}
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_number(number: Number, out: &mut String) {
    if number.integer && number.value.abs() < 1e18 {
        out.push_str(&format!("{}", number.value as i64));
    } else if number.value.is_finite() {
        out.push_str(&format!("{:e}", number.value));
    } else {
        out.push_str("1e999");
    }
}

/// A scalar or an empty container, as JSON (also valid YAML).
fn write_leaf(value: &Value, out: &mut String) -> bool {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => write_number(*number, out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        _ => return false,
    }
    true
}

/// JSON, compact or indented by `indent` levels.
fn write_json(node: &Node, out: &mut String, indent: Option<usize>) {
    if write_leaf(&node.value, out) {
        return;
    }
    let inner = indent.map(|level| level + 1);
    let newline = |out: &mut String, level: Option<usize>| {
        if let Some(level) = level {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        }
    };
    let (open, close) = match &node.value {
        Value::Array(_) => ('[', ']'),
        _ => ('{', '}'),
    };
    out.push(open);
    let mut first = true;
    let mut item = |out: &mut String, key: Option<&str>, value: &Node| {
        if !first {
            out.push(',');
        }
        first = false;
        newline(out, inner);
        if let Some(key) = key {
            write_string(key, out);
            out.push(':');
        }
        write_json(value, out, inner);
    };
    match &node.value {
        Value::Array(items) => items.iter().for_each(|value| item(out, None, value)),
        Value::Object(members) => members
            .iter()
            .for_each(|m| item(out, Some(&m.key), &m.value)),
        _ => {}
    }
    newline(out, indent);
    out.push(close);
}

/// Block-style YAML, strings double-quoted.
fn write_yaml(node: &Node, level: usize, out: &mut String) {
    let pad = "  ".repeat(level);
    let entry = |out: &mut String, lead: &dyn Fn(&mut String), value: &Node| {
        out.push_str(&pad);
        lead(out);
        if write_leaf(&value.value, out) {
            out.push('\n');
        } else {
            out.push('\n');
            write_yaml(value, level + 1, out);
        }
    };
    match &node.value {
        Value::Array(items) if !items.is_empty() => {
            for value in items {
                entry(out, &|out| out.push_str("- "), value);
            }
        }
        Value::Object(members) if !members.is_empty() => {
            for m in members {
                entry(
                    out,
                    &|out| {
                        write_string(&m.key, out);
                        out.push_str(": ");
                    },
                    &m.value,
                );
            }
        }
        _ => {
            out.push_str(&pad);
            write_leaf(&node.value, out);
            out.push('\n');
        }
    }
}

// ------------------------------------------------------------ split inputs

fn split_nul(data: &[u8]) -> Vec<Vec<u8>> {
    data.split(|byte| *byte == 0).map(<[u8]>::to_vec).collect()
}

fn join_nul(parts: &[Vec<u8>]) -> Vec<u8> {
    parts.join(&0u8)
}

/// One of the first `limit` NUL-separated parts mutated, the others kept.
fn one_part(
    data: &[u8],
    limit: usize,
    random: &mut Random,
    change: impl Fn(&[u8], &mut Random) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let parts = split_nul(data);
    let index = random.below(parts.len().min(limit));
    with_part_changed(parts, index, random, change)
}

/// Half `which` (0 before the first NUL, 1 after it) mutated.
fn in_half(
    data: &[u8],
    which: usize,
    random: &mut Random,
    change: impl Fn(&[u8], &mut Random) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let mut halves: Vec<Vec<u8>> = data
        .splitn(2, |byte| *byte == 0)
        .map(<[u8]>::to_vec)
        .collect();
    halves.resize(2, Vec::new());
    with_part_changed(halves, which, random, change)
}

fn with_part_changed(
    mut parts: Vec<Vec<u8>>,
    index: usize,
    random: &mut Random,
    change: impl Fn(&[u8], &mut Random) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let changed = change(parts.get(index)?, random)?;
    *parts.get_mut(index)? = changed;
    Some(join_nul(&parts))
}

/// A change to review: most often the new version becomes a mutation of the
/// old one, the way a pull request changes a description.
fn change(data: &[u8], random: &mut Random) -> Option<Vec<u8>> {
    let old = data.split(|byte| *byte == 0).next().unwrap_or_default();
    if random.chance(3) {
        return in_half(data, random.below(2), random, |half, r| {
            document(half, r, OPENAPI_KEYS)
        });
    }
    let new = document(old, random, OPENAPI_KEYS)?;
    Some(join_nul(&[old.to_vec(), new]))
}

// ------------------------------------------------------------ statements

/// How a language's text is cut into definitions and what new ones look like.
pub struct Language {
    /// Bytes that end a definition (kept with it).
    ends: &'static [u8],
    /// Definitions to insert; `{n}` becomes a name taken from the text.
    templates: &'static [&'static str],
    /// Words to put in place of a name.
    words: &'static [&'static str],
}

pub const SQL: Language = Language {
    ends: b";",
    templates: &[
        "\nCREATE TABLE {n} (id bigint PRIMARY KEY, {n} text NOT NULL REFERENCES {n} ({n}));",
        "\nALTER TABLE {n} ADD COLUMN {n} integer NOT NULL;",
        "\nALTER TABLE {n} DROP COLUMN {n};",
        "\nALTER TABLE {n} ALTER COLUMN {n} TYPE varchar(10);",
        "\nALTER TABLE {n} RENAME COLUMN {n} TO {n};",
        "\nALTER TABLE {n} RENAME TO {n};",
        "\nCREATE INDEX {n} ON {n} ({n}, {n});",
        "\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS {n} ON {n} USING btree (lower({n}));",
        "\nALTER TABLE {n} ADD CONSTRAINT {n} FOREIGN KEY ({n}) REFERENCES {n} ({n}) ON DELETE CASCADE;",
        "\nALTER TABLE {n} ADD CONSTRAINT {n} UNIQUE ({n});",
        "\nDROP TABLE IF EXISTS {n} CASCADE;",
        "\nDROP INDEX {n};",
        "\nUPDATE {n} SET {n} = NULL;",
        "\nCREATE VIEW {n} AS SELECT * FROM {n};",
        "\nBEGIN;",
        "\nCOMMIT;",
    ],
    words: &[
        "id", "user_id", "password", "email", "created_at", "\"Quoted Name\"", "`tick`", "[bracket]",
        "NOT NULL", "PRIMARY KEY", "UNIQUE", "DEFAULT now()", "REFERENCES", "CHECK (1 = 1)",
        "GENERATED ALWAYS AS IDENTITY", "AUTO_INCREMENT", "json", "jsonb", "text", "varchar(255)",
        "int", "bigint", "serial", "timestamp", "boolean", "enum('a', 'b')", "(", ")", "'", "$$",
        "--", "/*", ",", "CONCURRENTLY", "CASCADE", "ON DELETE SET NULL",
    ],
};

pub const GRAPHQL: Language = Language {
    ends: b"}",
    templates: &[
        "\ntype {n} { {n}: {n}! }",
        "\nextend type {n} { {n}: [{n}!]! }",
        "\ninterface {n} implements {n} { id: ID! }",
        "\ntype {n} implements {n} & {n} { id: ID! {n}(first: Int = 10, after: String): {n} }",
        "\nunion {n} = {n} | {n}",
        "\ninput {n} { {n}: {n} = null {n}: [{n}] = [] }",
        "\nenum {n} { A B {n} }",
        "\nscalar {n}",
        "\ndirective @{n}(reason: String) repeatable on FIELD_DEFINITION | OBJECT",
        "\nschema { query: {n} mutation: {n} }",
        "\n\"\"\"{n}\"\"\"\ntype {n} @deprecated { {n}: {n} @{n} }",
    ],
    words: &[
        "Query",
        "Mutation",
        "ID",
        "String",
        "Int",
        "Float",
        "Boolean",
        "[ID!]!",
        "!",
        "{",
        "}",
        "\"\"\"",
        "\"",
        "#",
        "@deprecated",
        "implements",
        "extend",
        "Node",
        "Connection",
        "edges",
        "pageInfo",
        "password",
        "__typename",
    ],
};

/// The text cut after each byte of `ends` (the last piece keeps what is left).
fn pieces<'t>(text: &'t [u8], ends: &[u8]) -> Vec<&'t [u8]> {
    let mut all = Vec::new();
    let mut start = 0;
    for (index, byte) in text.iter().enumerate() {
        if ends.contains(byte) {
            all.push(&text[start..=index]);
            start = index + 1;
        }
    }
    if start < text.len() {
        all.push(&text[start..]);
    }
    all
}

/// Identifier-like words of the text, to reuse as names.
fn names(text: &[u8]) -> Vec<&[u8]> {
    text.split(|byte| !(byte.is_ascii_alphanumeric() || *byte == b'_'))
        .filter(|word| {
            word.first()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        })
        .collect()
}

fn fill(template: &str, names: &[&[u8]], random: &mut Random) -> Vec<u8> {
    let mut out = Vec::new();
    for (index, part) in template.split("{n}").enumerate() {
        if index > 0 {
            out.extend_from_slice(random.pick(names).copied().unwrap_or(b"t"));
        }
        out.extend_from_slice(part.as_bytes());
    }
    out
}

/// Definitions deleted, repeated, swapped or inserted, or a name replaced.
pub fn chunks(text: &[u8], random: &mut Random, language: &Language) -> Option<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = pieces(text, language.ends)
        .into_iter()
        .map(<[u8]>::to_vec)
        .collect();
    let found = names(text);
    let count = all.len();
    match random.below(5) {
        0 if count > 0 => {
            all.remove(random.below(count));
        }
        1 if count > 0 => {
            let copy = all[random.below(count)].clone();
            all.insert(random.below(count + 1), copy);
        }
        2 if count > 1 => all.swap(random.below(count), random.below(count)),
        3 => {
            let new = fill(
                random.pick(language.templates).copied().unwrap_or(""),
                &found,
                random,
            );
            all.insert(random.below(count + 1), new);
        }
        _ => return Some(replace_name(text, &found, language, random)),
    }
    Some(all.concat())
}

/// One occurrence of a name replaced by another name or a keyword.
fn replace_name(text: &[u8], found: &[&[u8]], language: &Language, random: &mut Random) -> Vec<u8> {
    let Some(old) = random.pick(found) else {
        return text.to_vec();
    };
    let start = old.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + old.len();
    let new: &[u8] = match random.below(2) {
        0 => random.pick(found).copied().unwrap_or(b"x"),
        _ => random.pick(language.words).map_or(b"x", |w| w.as_bytes()),
    };
    [&text[..start], new, &text[end..]].concat()
}

/// A migration history: one file's statements changed, or a statement moved
/// to another file (the order migrations run in).
fn sql_history(data: &[u8], random: &mut Random) -> Option<Vec<u8>> {
    let (&dialect, rest) = data.split_first()?;
    let mut files = split_nul(rest);
    files.truncate(8);
    let from = random.below(files.len());
    let statements = pieces(&files[from], SQL.ends);
    let moved = statements
        .get(random.below(statements.len()))
        .map(|s| s.to_vec());
    if let Some(moved) = moved.filter(|_| files.len() > 1 && random.chance(4)) {
        let to = random.below(files.len());
        files[to].extend_from_slice(&moved);
    } else if random.chance(8) && files.len() < 8 {
        files.push(fill("CREATE TABLE {n} (id int);", &names(rest), random));
    } else {
        files[from] = chunks(&files[from], random, &SQL)?;
    }
    let mut out = vec![dialect];
    out.extend(join_nul(&files));
    Some(out)
}

//! Builds a spanned [`Node`] tree from saphyr-parser's event stream.
//!
//! Measured on the YAML rendering of GitHub's description, building our own tree
//! from events costs about what saphyr's own loader does, and it lets us control the
//! two things that make YAML dangerous: aliases are expanded against a budget (a
//! 342-byte "billion laughs" file stops in microseconds with a finding), and nesting
//! is bounded by [`MAX_DEPTH`] without recursion.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YamlSpan};

use super::{
    find_duplicates, too_deep, Member, Node, Number, ParseError, Parsed, Value, MAX_DEPTH,
};
use crate::base::source::Span;

/// Nodes that alias expansion may add beyond the document's own, on top of half its
/// size in bytes: generous for real reuse of anchors, fatal for alias bombs.
const ALIAS_BUDGET_BASE: usize = 100_000;

/// What saphyr says of a quoted string continued on a line no more indented
/// than its key: YAML 1.2 forbids it, but libyaml and go-yaml read it, and
/// real descriptions (Docker Engine's) rely on that.
const QUOTED_INDENT: &str = "invalid indentation in quoted scalar";

/// Quoted strings re-indented before the reader gives up on a file.
const MAX_REPAIRS: usize = 256;

pub fn parse_yaml(text: &str) -> Parsed {
    parse_yaml_within(text, MAX_DEPTH)
}

/// [`parse_yaml`], nesting bounded at `max_depth`.
pub fn parse_yaml_within(text: &str, max_depth: usize) -> Parsed {
    let parsed = parse_strict(text, max_depth);
    match &parsed.error {
        Some(error) if error.message == QUOTED_INDENT => {
            read_under_indented_strings(text, max_depth).unwrap_or(parsed)
        }
        _ => parsed,
    }
}

/// Reads a text whose quoted strings continue on under-indented lines as the
/// readers that accept it do: those lines are indented in a copy, the copy is
/// parsed, and every span is moved back onto the original text. Each string
/// repaired is a warning. `None` when the copy still does not parse.
fn read_under_indented_strings(text: &str, max_depth: usize) -> Option<Parsed> {
    let mut copy = text.to_owned();
    let mut shifts = Shifts::default();
    let mut warnings = Vec::new();
    for _ in 0..MAX_REPAIRS {
        let parsed = parse_strict(&copy, max_depth);
        let quote = match &parsed.error {
            None => {
                let mut parsed = parsed;
                shifts.move_back(&mut parsed);
                parsed.warnings = warnings;
                return Some(parsed);
            }
            Some(error) if error.message == QUOTED_INDENT => error.span.start as usize,
            Some(_) => return None,
        };
        let inserts = under_indented_lines(&copy, quote);
        if inserts.is_empty() {
            return None;
        }
        let at = shifts.original(quote);
        warnings.push(ParseError {
            message: "a quoted string continues on a line no more indented than its key; YAML 1.2 readers reject this (libyaml and go-yaml accept it), so it is read as if indented: indent the continuation lines".to_owned(),
            span: Span::new(at, at + 1),
        });
        for (line_start, spaces) in inserts.into_iter().rev() {
            shifts.insert(line_start, spaces);
            copy.insert_str(line_start, &" ".repeat(spaces));
        }
    }
    None
}

/// The lines of the quoted string opening at `quote` that are not indented
/// past its first line, with the spaces each needs.
fn under_indented_lines(text: &str, quote: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let Some(&delimiter) = bytes.get(quote).filter(|b| matches!(b, b'"' | b'\'')) else {
        return Vec::new();
    };
    let line_start = text
        .get(..quote)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i + 1);
    let indent = |start: usize| bytes.iter().skip(start).take_while(|b| **b == b' ').count();
    let needed = indent(line_start) + 2;
    let mut inserts = Vec::new();
    let mut index = quote + 1;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\\' if delimiter == b'"' => index += 1,
            b'\'' if delimiter == b'\'' && bytes.get(index + 1) == Some(&b'\'') => index += 1,
            byte if byte == delimiter => break,
            b'\n' => {
                let next = index + 1;
                let have = indent(next);
                let blank = matches!(bytes.get(next + have), Some(b'\n' | b'\r') | None);
                if !blank && have < needed {
                    inserts.push((next, needed - have));
                }
            }
            _ => {}
        }
        index += 1;
    }
    inserts
}

/// Spaces inserted into a copy of a text, to move spans back onto the original.
#[derive(Default)]
struct Shifts {
    /// Offset in the original text → spaces inserted there, in order.
    inserts: Vec<(usize, usize)>,
}

impl Shifts {
    /// Records spaces inserted at `at` in the current copy.
    fn insert(&mut self, at: usize, spaces: usize) {
        let original = self.original(at);
        match self
            .inserts
            .binary_search_by_key(&original, |(offset, _)| *offset)
        {
            Ok(found) => {
                if let Some(entry) = self.inserts.get_mut(found) {
                    entry.1 += spaces;
                }
            }
            Err(position) => self.inserts.insert(position, (original, spaces)),
        }
    }

    /// The original offset of an offset in the copy (inside inserted spaces:
    /// where they were inserted).
    fn original(&self, copy: usize) -> usize {
        let mut shift = 0;
        for &(offset, spaces) in &self.inserts {
            if copy < offset + shift {
                break;
            }
            if copy < offset + shift + spaces {
                return offset;
            }
            shift += spaces;
        }
        copy - shift
    }

    fn span(&self, span: Span) -> Span {
        Span::new(
            self.original(span.start as usize),
            self.original(span.end as usize),
        )
    }

    fn move_back(&self, parsed: &mut Parsed) {
        for duplicate in &mut parsed.duplicate_keys {
            duplicate.span = self.span(duplicate.span);
            duplicate.first = self.span(duplicate.first);
        }
        let mut stack: Vec<&mut Node> = parsed.root.iter_mut().collect();
        while let Some(node) = stack.pop() {
            node.span = self.span(node.span);
            match &mut node.value {
                Value::Array(items) => stack.extend(items.iter_mut()),
                Value::Object(members) => {
                    for member in members.iter_mut() {
                        member.key_span = self.span(member.key_span);
                        stack.push(&mut member.value);
                    }
                }
                _ => {}
            }
        }
    }
}

fn parse_strict(text: &str, max_depth: usize) -> Parsed {
    let mut builder = TreeBuilder {
        offsets: CharOffsets::new(text),
        stack: Vec::new(),
        max_depth,
        anchors: HashMap::new(),
        alias_budget: ALIAS_BUDGET_BASE + text.len() / 2,
        root: None,
        parsed: Parsed::default(),
    };
    let mut parser = Parser::new_from_str(text);
    let outcome = loop {
        match parser.next_event() {
            None => break Ok(()),
            Some(Err(error)) => break Err(builder.scan_error(&error)),
            Some(Ok((event, span))) => match builder.event(event, span) {
                Ok(Flow::Continue) => {}
                Ok(Flow::Done) => break Ok(()),
                Err(error) => break Err(error),
            },
        }
    };
    match outcome {
        Ok(()) => {
            builder.parsed.root = Some(
                builder
                    .root
                    .unwrap_or(Node::new(Value::Null, Span::default())),
            );
        }
        Err(error) => builder.parsed.error = Some(error),
    }
    builder.parsed
}

enum Flow {
    Continue,
    Done,
}

enum Frame {
    Sequence {
        start: Span,
        anchor: usize,
        items: Vec<Node>,
    },
    Mapping {
        start: Span,
        anchor: usize,
        members: Vec<Member>,
        key: Option<(String, Span)>,
    },
}

struct TreeBuilder<'t> {
    offsets: CharOffsets<'t>,
    stack: Vec<Frame>,
    max_depth: usize,
    anchors: HashMap<usize, Node>,
    alias_budget: usize,
    root: Option<Node>,
    parsed: Parsed,
}

impl TreeBuilder<'_> {
    fn event(&mut self, event: Event<'_>, span: YamlSpan) -> Result<Flow, ParseError> {
        let span = self.span(span);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let is_str_tag = tag
                    .as_ref()
                    .is_some_and(|tag| tag.handle == "!!" && tag.suffix == "str");
                let value = if style == ScalarStyle::Plain && !is_str_tag {
                    plain_scalar(&text)
                } else {
                    Value::String(text.into_owned())
                };
                self.complete(Node::new(value, span), anchor)
            }
            Event::SequenceStart(anchor, _) => self.open(Frame::Sequence {
                start: span,
                anchor,
                items: Vec::new(),
            }),
            Event::MappingStart(anchor, _) => self.open(Frame::Mapping {
                start: span,
                anchor,
                members: Vec::new(),
                key: None,
            }),
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Alias(anchor) => self.alias(anchor, span),
            Event::DocumentEnd if self.root.is_some() => Ok(Flow::Done),
            Event::StreamEnd => Ok(Flow::Done),
            _ => Ok(Flow::Continue),
        }
    }

    fn open(&mut self, frame: Frame) -> Result<Flow, ParseError> {
        if self.stack.len() >= self.max_depth {
            let span = match &frame {
                Frame::Sequence { start, .. } | Frame::Mapping { start, .. } => *start,
            };
            return Err(ParseError {
                message: too_deep(self.max_depth),
                span,
            });
        }
        if let Frame::Mapping { start, .. } = &frame {
            if let Some(Frame::Mapping { key: None, .. }) = self.stack.last() {
                return Err(ParseError {
                    message: "a mapping used as a mapping key is not supported".to_owned(),
                    span: *start,
                });
            }
        }
        self.stack.push(frame);
        Ok(Flow::Continue)
    }

    fn close(&mut self, end: Span) -> Result<Flow, ParseError> {
        let Some(frame) = self.stack.pop() else {
            return Ok(Flow::Continue);
        };
        let (value, start, anchor, last) = match frame {
            Frame::Sequence {
                start,
                anchor,
                items,
            } => {
                let last = items.last().map(|item| item.span.end);
                (Value::Array(items), start, anchor, last)
            }
            Frame::Mapping {
                start,
                anchor,
                members,
                ..
            } => {
                let members = merge_keys(members);
                find_duplicates(&members, &mut self.parsed.duplicate_keys);
                let last = members.last().map(|member| member.value.span.end);
                (Value::Object(members), start, anchor, last)
            }
        };
        // A flow collection ends at its closing bracket; a block collection's end
        // event sits where the next token starts, so its last child is the end.
        let is_flow = matches!(
            self.offsets.text.as_bytes().get(start.start as usize),
            Some(b'{' | b'[')
        );
        let end = if is_flow {
            end.end
        } else {
            last.unwrap_or(end.end)
        }
        .max(start.start);
        let node = Node::new(
            value,
            Span {
                start: start.start,
                end,
            },
        );
        self.complete(node, anchor)
    }

    fn alias(&mut self, anchor: usize, span: Span) -> Result<Flow, ParseError> {
        let Some(target) = self.anchors.get(&anchor) else {
            return Err(ParseError {
                message: "alias to an unknown anchor".to_owned(),
                span,
            });
        };
        let size = target.count_nodes();
        if size > self.alias_budget {
            return Err(ParseError {
                message: "YAML aliases expand to too many nodes (possible alias bomb); the document is not reviewed".to_owned(),
                span,
            });
        }
        self.alias_budget -= size;
        let node = target.clone();
        self.complete(node, 0)
    }

    /// Attaches a finished node to its parent (or makes it the root).
    fn complete(&mut self, node: Node, anchor: usize) -> Result<Flow, ParseError> {
        if anchor != 0 {
            let size = node.count_nodes();
            if size > self.alias_budget {
                return Err(ParseError {
                    message: "YAML anchors hold too many nodes (possible alias bomb); the document is not reviewed".to_owned(),
                    span: node.span,
                });
            }
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { members, key, .. }) => match key.take() {
                None => *key = Some((key_text(&node), node.span)),
                Some((key, key_span)) => members.push(Member {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
        Ok(Flow::Continue)
    }

    fn span(&mut self, span: YamlSpan) -> Span {
        let start = self.offsets.byte_offset(span.start.index());
        let end = self.offsets.byte_offset(span.end.index());
        Span::new(start, end)
    }

    fn scan_error(&mut self, error: &ScanError) -> ParseError {
        let start = self.offsets.byte_offset(error.marker().index());
        let message = if error.info().contains("recursion limit") {
            "nesting deeper than the YAML reader allows; the document is not reviewed".to_owned()
        } else {
            error.info().to_owned()
        };
        ParseError {
            message,
            span: Span::new(start, start + 1),
        }
    }
}

/// The text of a mapping key; keys are compared as text (`200:` is the key "200").
fn key_text(node: &Node) -> String {
    match &node.value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => format_number(*number),
        Value::Array(_) | Value::Object(_) => "<complex key>".to_owned(),
    }
}

fn format_number(number: Number) -> String {
    if number.integer && number.value.abs() < 1e15 {
        format!("{}", number.value as i64)
    } else {
        number.value.to_string()
    }
}

/// Applies YAML merge keys (`<<: *base`): members not already present are copied in.
fn merge_keys(members: Vec<Member>) -> Vec<Member> {
    if !members.iter().any(|member| member.key == "<<") {
        return members;
    }
    let (merges, mut own): (Vec<Member>, Vec<Member>) =
        members.into_iter().partition(|member| member.key == "<<");
    for merge in merges {
        let sources: Vec<Node> = match merge.value.value {
            Value::Object(_) => vec![merge.value],
            Value::Array(items) => items,
            _ => Vec::new(),
        };
        for source in sources {
            if let Value::Object(inherited) = source.value {
                for member in inherited {
                    if !own.iter().any(|existing| existing.key == member.key) {
                        own.push(member);
                    }
                }
            }
        }
    }
    own
}

/// Resolves a plain scalar with the YAML 1.2 core schema.
fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return float(f64::NAN),
        _ => {}
    }
    if let Some(number) = parse_int(text) {
        return Value::Number(Number {
            value: number,
            integer: true,
        });
    }
    if looks_like_float(text) {
        if let Ok(value) = text.parse::<f64>() {
            return float(value);
        }
    }
    Value::String(text.to_owned())
}

fn float(value: f64) -> Value {
    Value::Number(Number {
        value,
        integer: false,
    })
}

fn parse_int(text: &str) -> Option<f64> {
    if let Some(octal) = text.strip_prefix("0o") {
        return i64::from_str_radix(octal, 8).ok().map(|n| n as f64);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(|n| n as f64);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse::<f64>().ok()
}

/// `[-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn looks_like_float(text: &str) -> bool {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let mut parts = mantissa.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(fraction) => {
            digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty())
        }
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|exp| {
        let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
        !exp.is_empty() && digits(exp)
    });
    mantissa_ok && exponent_ok
}

/// Converts saphyr's character indexes into byte offsets. ASCII text maps one to
/// one; otherwise a checkpoint every 256 characters bounds the walk.
struct CharOffsets<'t> {
    text: &'t str,
    checkpoints: Option<Vec<usize>>,
}

const CHECKPOINT_EVERY: usize = 256;

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        let checkpoints = (!text.is_ascii()).then(|| {
            text.char_indices()
                .step_by(CHECKPOINT_EVERY)
                .map(|(byte, _)| byte)
                .collect()
        });
        CharOffsets { text, checkpoints }
    }

    fn byte_offset(&self, char_index: usize) -> usize {
        let Some(checkpoints) = &self.checkpoints else {
            return char_index.min(self.text.len());
        };
        let slot = char_index / CHECKPOINT_EVERY;
        let Some(&base) = checkpoints.get(slot) else {
            return self.text.len();
        };
        let rest = char_index - slot * CHECKPOINT_EVERY;
        self.text
            .get(base..)
            .and_then(|tail| tail.char_indices().nth(rest))
            .map_or(self.text.len(), |(offset, _)| base + offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        let parsed = parse_yaml(text);
        assert!(parsed.error.is_none(), "{:?}", parsed.error);
        parsed.root.unwrap()
    }

    #[test]
    fn under_indented_quoted_strings_are_read_with_their_own_spans() {
        let text = "a:\n  b:\n    d: \"one\n    two\\\" \n  three\"\n    e: 'x\n    y'\n    type: string\n";
        let parsed = parse_yaml(text);
        assert!(parsed.error.is_none(), "{:?}", parsed.error);
        assert_eq!(parsed.warnings.len(), 2);
        assert_eq!(
            parsed.warnings[0].span.start as usize,
            text.find('"').unwrap()
        );
        let root = parsed.root.unwrap();
        let b = root.get("a").unwrap().get("b").unwrap();
        assert_eq!(b.get("d").unwrap().as_str(), Some("one two\" three"));
        assert_eq!(b.get("e").unwrap().as_str(), Some("x y"));
        let member = b.member("type").unwrap();
        let at = text.find("type").unwrap();
        assert_eq!(member.key_span, Span::new(at, at + 4));
        assert_eq!(member.value.span, Span::new(at + 6, at + 12));
    }

    #[test]
    fn other_errors_are_not_repaired() {
        let parsed = parse_yaml("a: \"one\ntwo\n");
        assert!(parsed.error.is_some());
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn keys_and_values_have_spans() {
        let text = "openapi: 3.1.0\npaths:\n  /users:\n    get: {}\n";
        let root = ok(text);
        let paths = root.member("paths").unwrap();
        assert_eq!(
            &text[paths.key_span.start as usize..paths.key_span.end as usize],
            "paths"
        );
        let users = paths.value.member("/users").unwrap();
        assert_eq!(users.key_span.start as usize, text.find("/users").unwrap());
        assert_eq!(root.get("openapi").unwrap().as_str(), Some("3.1.0"));
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let root = ok("a: 12\nb: 1.5\nc: true\nd: ~\ne: '12'\nf: 1.0.3\n200: x\n");
        assert_eq!(root.get("a").unwrap().as_f64(), Some(12.0));
        assert_eq!(root.get("b").unwrap().as_f64(), Some(1.5));
        assert_eq!(root.get("c").unwrap().as_bool(), Some(true));
        assert_eq!(root.get("d").unwrap().value, Value::Null);
        assert_eq!(root.get("e").unwrap().as_str(), Some("12"));
        assert_eq!(root.get("f").unwrap().as_str(), Some("1.0.3"));
        assert!(root.get("200").is_some());
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        let text = "é: ü\nkey: value\n";
        let root = ok(text);
        let member = root.member("key").unwrap();
        assert_eq!(member.key_span.start as usize, text.find("key").unwrap());
    }

    #[test]
    fn merge_keys_and_aliases() {
        let root = ok("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n");
        let derived = root.get("derived").unwrap();
        assert_eq!(derived.get("x").unwrap().as_f64(), Some(1.0));
        assert_eq!(derived.get("y").unwrap().as_f64(), Some(3.0));
        assert!(derived.get("<<").is_none());
    }

    #[test]
    fn billion_laughs_is_stopped() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            let refs = vec![format!("*{}", pair[0]); 9].join(",");
            text.push_str(&format!("{}: &{} [{}]\n", pair[1], pair[1], refs));
        }
        let parsed = parse_yaml(&text);
        assert!(parsed.error.unwrap().message.contains("alias"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let parsed = parse_yaml(&"[".repeat(100_000));
        assert!(parsed.error.is_some());
    }
}

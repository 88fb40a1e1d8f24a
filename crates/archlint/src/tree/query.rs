//! JSONPath as Spectral evaluates `given` (JSONPath-Plus): `$..`, `[*]`,
//! unions (`[get,put]`), slices, filters (`[?(@.in === 'query')]`) with
//! `@property`, `@parentProperty`, `@parent`, `@root`, `@path`, and `~` for
//! property names. Queries run over the spanned tree, following `$ref`s when
//! the caller's [`Follow`] does; each physical node is visited once by `..`,
//! which keeps the work linear on descriptions with heavily shared parts.

use std::collections::HashSet;

use super::{Member, Node, Value};

/// Results past this are dropped (a query over a hostile document ends).
const MAX_RESULTS: usize = 1_000_000;
/// Deepest path followed.
const MAX_DEPTH: usize = 512;

/// A node and the document it lives in (documents are numbered by the caller).
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub doc: usize,
    pub node: &'a Node,
}

/// Follows `$ref`s: the target of a `{"$ref": ...}` object, or the place itself.
pub trait Follow<'a> {
    fn follow(&self, place: Place<'a>) -> Place<'a>;
}

/// Does not follow references (Spectral's `resolved: false`).
pub struct Unresolved;

impl<'a> Follow<'a> for Unresolved {
    fn follow(&self, place: Place<'a>) -> Place<'a> {
        place
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// One result of a query.
pub struct Selected<'a> {
    pub path: Vec<Segment<'a>>,
    pub place: Place<'a>,
    /// The object member whose value `place` is.
    pub member: Option<&'a Member>,
    /// The query ended with `~`: the result is the member's key.
    pub property_name: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathError {
    pub message: String,
}

fn error<T>(message: impl Into<String>) -> Result<T, PathError> {
    Err(PathError {
        message: message.into(),
    })
}

/// A parsed query.
#[derive(Debug)]
pub struct JsonPath {
    steps: Vec<Step>,
    names: bool,
}

#[derive(Debug)]
enum Step {
    Child(Selector),
    Descend(Selector),
    /// `^`: the node holding the current one (JSONPath-Plus).
    Parent,
}

#[derive(Debug)]
enum Selector {
    Name(String),
    Wildcard,
    Index(i64),
    Union(Vec<Selector>),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    Filter(super::filter::Expr),
}

impl JsonPath {
    pub fn parse(text: &str) -> Result<JsonPath, PathError> {
        let text = text.trim();
        let (text, names) = match text.strip_suffix('~') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let Some(mut rest) = text.strip_prefix('$') else {
            return error(format!("a JSONPath starts with `$`: {text:?}"));
        };
        let mut steps = Vec::new();
        while !rest.is_empty() {
            let (step, after) = parse_step(rest)?;
            steps.push(step);
            rest = after;
        }
        Ok(JsonPath { steps, names })
    }

    pub fn select<'a>(&self, root: Place<'a>, follow: &dyn Follow<'a>) -> Vec<Selected<'a>> {
        let root = follow.follow(root);
        let mut current = vec![Cursor {
            place: root,
            path: Vec::new(),
            member: None,
            parent: None,
        }];
        let context = Context { root, follow };
        for step in &self.steps {
            let mut next = Vec::new();
            match step {
                Step::Child(selector) => {
                    for cursor in &current {
                        apply(selector, cursor, &context, &mut next);
                    }
                }
                Step::Descend(selector) => {
                    let mut seen = HashSet::new();
                    for cursor in &current {
                        descend(selector, cursor, &context, &mut seen, &mut next);
                    }
                }
                Step::Parent => {
                    let mut seen = HashSet::new();
                    for cursor in &current {
                        let Some((_, parent_path)) = cursor.path.split_last() else {
                            continue;
                        };
                        if seen.insert(parent_path.to_vec()) {
                            next.extend(cursor_at(root, parent_path, follow));
                        }
                    }
                }
            }
            next.truncate(MAX_RESULTS);
            current = next;
        }
        current
            .into_iter()
            .filter(|cursor| !self.names || cursor.member.is_some())
            .map(|cursor| Selected {
                path: cursor.path,
                place: cursor.place,
                member: cursor.member,
                property_name: self.names,
            })
            .collect()
    }
}

/// The node at `path` from the root (for `^`).
fn cursor_at<'a>(
    root: Place<'a>,
    path: &[Segment<'a>],
    follow: &dyn Follow<'a>,
) -> Option<Cursor<'a>> {
    let mut cursor = Cursor {
        place: root,
        path: Vec::new(),
        member: None,
        parent: None,
    };
    for segment in path {
        let node = cursor.place.node;
        cursor = match segment {
            Segment::Key(key) => {
                let member = node.member(key)?;
                cursor.child(
                    &member.value,
                    Segment::Key(&member.key),
                    Some(member),
                    follow,
                )
            }
            Segment::Index(index) => cursor.child(
                node.items().get(*index)?,
                Segment::Index(*index),
                None,
                follow,
            ),
        };
    }
    Some(cursor)
}

struct Context<'c, 'a> {
    root: Place<'a>,
    follow: &'c dyn Follow<'a>,
}

/// A node reached, with how.
#[derive(Clone)]
pub(super) struct Cursor<'a> {
    pub place: Place<'a>,
    pub path: Vec<Segment<'a>>,
    pub member: Option<&'a Member>,
    /// The value this node sits in (for `@parent`).
    pub parent: Option<Place<'a>>,
}

impl<'a> Cursor<'a> {
    fn child(
        &self,
        node: &'a Node,
        segment: Segment<'a>,
        member: Option<&'a Member>,
        follow: &dyn Follow<'a>,
    ) -> Cursor<'a> {
        let mut path = self.path.clone();
        path.push(segment);
        Cursor {
            place: follow.follow(Place {
                doc: self.place.doc,
                node,
            }),
            path,
            member,
            parent: Some(self.place),
        }
    }

    fn children(&self, follow: &dyn Follow<'a>) -> Vec<Cursor<'a>> {
        if self.path.len() >= MAX_DEPTH {
            return Vec::new();
        }
        match &self.place.node.value {
            Value::Object(members) => members
                .iter()
                .map(|member| {
                    self.child(
                        &member.value,
                        Segment::Key(&member.key),
                        Some(member),
                        follow,
                    )
                })
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| self.child(item, Segment::Index(index), None, follow))
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn apply<'a>(
    selector: &Selector,
    cursor: &Cursor<'a>,
    context: &Context<'_, 'a>,
    out: &mut Vec<Cursor<'a>>,
) {
    let follow = context.follow;
    let node = cursor.place.node;
    match selector {
        Selector::Name(name) => {
            if let Some(member) = node.member(name) {
                out.push(cursor.child(
                    &member.value,
                    Segment::Key(&member.key),
                    Some(member),
                    follow,
                ));
            } else if let (Value::Array(items), Ok(index)) = (&node.value, name.parse::<usize>()) {
                if let Some(item) = items.get(index) {
                    out.push(cursor.child(item, Segment::Index(index), None, follow));
                }
            }
        }
        Selector::Wildcard => out.extend(cursor.children(follow)),
        Selector::Index(index) => {
            let items = node.items();
            let at = if *index < 0 {
                items.len() as i64 + index
            } else {
                *index
            };
            if let Some(item) = usize::try_from(at)
                .ok()
                .and_then(|at| items.get(at).map(|item| (at, item)))
            {
                out.push(cursor.child(item.1, Segment::Index(item.0), None, follow));
            }
        }
        Selector::Union(parts) => {
            for part in parts {
                apply(part, cursor, context, out);
            }
        }
        Selector::Slice(start, end, step) => {
            let items = node.items();
            for index in slice_indexes(items.len(), *start, *end, *step) {
                if let Some(item) = items.get(index) {
                    out.push(cursor.child(item, Segment::Index(index), None, follow));
                }
            }
        }
        Selector::Filter(expr) => {
            for child in cursor.children(follow) {
                let scope = super::filter::Scope {
                    current: &child,
                    root: context.root,
                    follow,
                };
                if expr.holds(&scope) {
                    out.push(child);
                }
            }
        }
    }
}

/// `..selector`: the selector applied to the node and each node below it,
/// in document order, each physical node once.
fn descend<'a>(
    selector: &Selector,
    start: &Cursor<'a>,
    context: &Context<'_, 'a>,
    seen: &mut HashSet<(usize, *const Node)>,
    out: &mut Vec<Cursor<'a>>,
) {
    let mut stack = vec![start.clone()];
    while let Some(cursor) = stack.pop() {
        if !seen.insert((cursor.place.doc, cursor.place.node as *const Node))
            || out.len() >= MAX_RESULTS
        {
            continue;
        }
        apply(selector, &cursor, context, out);
        let mut children = cursor.children(context.follow);
        children.reverse();
        stack.extend(children);
    }
}

fn slice_indexes(
    len: usize,
    start: Option<i64>,
    end: Option<i64>,
    step: Option<i64>,
) -> Vec<usize> {
    let len = len as i64;
    let step = step.unwrap_or(1);
    if step <= 0 {
        return Vec::new();
    }
    let clamp = |value: i64| {
        if value < 0 {
            (len + value).max(0)
        } else {
            value.min(len)
        }
    };
    let (start, end) = (clamp(start.unwrap_or(0)), clamp(end.unwrap_or(len)));
    (start..end)
        .step_by(step as usize)
        .filter_map(|index| usize::try_from(index).ok())
        .collect()
}

/// One step: `.name`, `.*`, `..name`, `..*`, `..[...]`, `[...]`, `^`.
fn parse_step(text: &str) -> Result<(Step, &str), PathError> {
    if let Some(rest) = text.strip_prefix('^') {
        return Ok((Step::Parent, rest));
    }
    if let Some(rest) = text.strip_prefix("..") {
        let (selector, after) = if rest.starts_with('[') {
            parse_bracket(rest)?
        } else {
            parse_dot_name(rest)?
        };
        return Ok((Step::Descend(selector), after));
    }
    if let Some(rest) = text.strip_prefix('.') {
        let (selector, after) = if rest.starts_with('[') {
            parse_bracket(rest)?
        } else {
            parse_dot_name(rest)?
        };
        return Ok((Step::Child(selector), after));
    }
    if text.starts_with('[') {
        let (selector, after) = parse_bracket(text)?;
        return Ok((Step::Child(selector), after));
    }
    error(format!("unexpected {text:?}"))
}

/// A name after a dot: up to the next `.` or `[` (JSONPath-Plus reads
/// `x-logo` or `200` as names).
fn parse_dot_name(text: &str) -> Result<(Selector, &str), PathError> {
    let end = text.find(['.', '[', '^']).unwrap_or(text.len());
    let (name, rest) = text.split_at(end);
    match name {
        "" => error("a name is missing after `.`"),
        "*" => Ok((Selector::Wildcard, rest)),
        _ => Ok((Selector::Name(name.to_owned()), rest)),
    }
}

/// `[...]`: an index, names, a union, a slice, `*` or a filter.
fn parse_bracket(text: &str) -> Result<(Selector, &str), PathError> {
    let inner_start = 1;
    if text
        .get(inner_start..)
        .is_some_and(|rest| rest.starts_with("?("))
    {
        let body_start = inner_start + 2;
        let close =
            super::filter::closing_paren(text, body_start - 1).ok_or_else(|| PathError {
                message: "a filter `[?(` is not closed".to_owned(),
            })?;
        let body = text.get(body_start..close).unwrap_or("");
        let after = text.get(close + 1..).unwrap_or("");
        let after = after
            .trim_start()
            .strip_prefix(']')
            .ok_or_else(|| PathError {
                message: "a filter must end with `)]`".to_owned(),
            })?;
        return Ok((Selector::Filter(super::filter::Expr::parse(body)?), after));
    }
    if text
        .get(inner_start..)
        .is_some_and(|rest| rest.starts_with('('))
    {
        return error("script expressions like `[(@.length-1)]` are not supported");
    }
    let close = bracket_end(text).ok_or_else(|| PathError {
        message: format!("`[` is not closed in {text:?}"),
    })?;
    let inner = text.get(inner_start..close).unwrap_or("");
    let rest = text.get(close + 1..).unwrap_or("");
    let parts = split_union(inner);
    let mut selectors = Vec::with_capacity(parts.len());
    for part in parts {
        selectors.push(parse_member(part.trim())?);
    }
    let selector = if selectors.len() == 1 {
        selectors.pop().unwrap_or(Selector::Wildcard)
    } else {
        Selector::Union(selectors)
    };
    Ok((selector, rest))
}

/// Where the `]` closing the bracket at the start of `text` is (quotes skipped).
fn bracket_end(text: &str) -> Option<usize> {
    let mut quote = None;
    let mut escaped = false;
    for (index, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(open), c) if c == open && !escaped => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, ']') => return Some(index),
            _ => {}
        }
        escaped = false;
    }
    None
}

fn split_union(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (index, c) in inner.char_indices() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, ',') => {
                parts.push(inner.get(start..index).unwrap_or(""));
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(inner.get(start..).unwrap_or(""));
    parts
}

fn parse_member(part: &str) -> Result<Selector, PathError> {
    if part == "*" {
        return Ok(Selector::Wildcard);
    }
    if let Some(name) = unquote(part) {
        return Ok(Selector::Name(name));
    }
    if part.contains(':') {
        let bounds: Vec<&str> = part.split(':').collect();
        let number = |index: usize| -> Result<Option<i64>, PathError> {
            match bounds
                .get(index)
                .map(|text| text.trim())
                .filter(|text| !text.is_empty())
            {
                None => Ok(None),
                Some(text) => text.parse().map(Some).map_err(|_| PathError {
                    message: format!("`{text}` is not a slice bound"),
                }),
            }
        };
        return Ok(Selector::Slice(number(0)?, number(1)?, number(2)?));
    }
    if let Ok(index) = part.parse::<i64>() {
        return Ok(Selector::Index(index));
    }
    if part.is_empty() {
        return error("empty `[]`");
    }
    // JSONPath-Plus reads bare words in brackets as names: `[get,put]`.
    Ok(Selector::Name(part.to_owned()))
}

/// `'name'` or `"name"` (with `\'` escapes) → name.
pub(super) fn unquote(text: &str) -> Option<String> {
    let quote = text.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

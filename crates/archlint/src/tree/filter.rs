//! The filter expressions of JSONPath-Plus (`[?(@.in === 'query')]`): a
//! small part of JavaScript — `@` paths, `@property`, `@parentProperty`,
//! `@parent`, `@root`, `@path`, literals, comparisons, `&&`, `||`, `!`,
//! `typeof`, `Array.isArray`, and the string methods rulesets use
//! (`match`, `test`, `startsWith`, `endsWith`, `includes`, `indexOf`).

use super::query::{unquote, Cursor, Follow, PathError, Place, Segment};
use super::{Node, Value};
use crate::base::regex::JsRegex;

/// Nesting of a filter expression past which it is refused.
const MAX_NESTING: usize = 64;

#[derive(Debug)]
pub enum Expr {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Regex(Box<JsRegex>),
    Current,
    Property,
    ParentProperty,
    Parent,
    Root,
    Path,
    Get(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    TypeOf(Box<Expr>),
    IsArray(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Op, Box<Expr>, Box<Expr>),
    Call(Box<Expr>, String, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    StrictEq,
    StrictNe,
    LooseEq,
    LooseNe,
    Less,
    LessEq,
    Greater,
    GreaterEq,
}

/// What an expression is evaluated against.
pub struct Scope<'s, 'a> {
    pub current: &'s Cursor<'a>,
    pub root: Place<'a>,
    pub follow: &'s dyn Follow<'a>,
}

/// Where the `)` matching the `(` at byte `open` is (quotes and regex
/// literals skipped).
pub fn closing_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (index, c) in text.char_indices().filter(|(index, _)| *index >= open) {
        if let Some(open_quote) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == open_quote {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

impl Expr {
    pub fn parse(text: &str) -> Result<Expr, PathError> {
        let mut parser = Parser {
            chars: text.chars().collect(),
            at: 0,
            nesting: 0,
        };
        let expr = parser.or()?;
        parser.skip_space();
        if parser.at < parser.chars.len() {
            return parser.fail("unexpected text");
        }
        Ok(expr)
    }

    /// Whether the filter keeps the current node (JavaScript truthiness).
    pub fn holds(&self, scope: &Scope<'_, '_>) -> bool {
        self.eval(scope).truthy()
    }

    fn eval<'a>(&self, scope: &Scope<'_, 'a>) -> Js<'a> {
        match self {
            Expr::Undefined => Js::Undefined,
            Expr::Null => Js::Null,
            Expr::Bool(flag) => Js::Bool(*flag),
            Expr::Number(number) => Js::Number(*number),
            Expr::Text(text) => Js::Text(text.clone()),
            Expr::Regex(_) => Js::Bool(true),
            Expr::Current => Js::of(scope.current.place),
            Expr::Property => segment(scope.current.path.last()),
            Expr::ParentProperty => {
                let path = &scope.current.path;
                segment(path.len().checked_sub(2).and_then(|index| path.get(index)))
            }
            Expr::Parent => scope.current.parent.map_or(Js::Undefined, Js::of),
            Expr::Root => Js::of(scope.root),
            Expr::Path => Js::Text(path_text(&scope.current.path)),
            Expr::Get(target, key) => {
                let key = key.eval(scope).as_key();
                target.eval(scope).get(&key, scope.follow)
            }
            Expr::Not(inner) => Js::Bool(!inner.eval(scope).truthy()),
            Expr::TypeOf(inner) => Js::Text(inner.eval(scope).type_of().to_owned()),
            Expr::IsArray(inner) => {
                Js::Bool(matches!(inner.eval(scope), Js::Node(place) if place.node.is_array()))
            }
            Expr::And(left, right) => {
                let left = left.eval(scope);
                if left.truthy() {
                    right.eval(scope)
                } else {
                    left
                }
            }
            Expr::Or(left, right) => {
                let left = left.eval(scope);
                if left.truthy() {
                    left
                } else {
                    right.eval(scope)
                }
            }
            Expr::Compare(op, left, right) => {
                Js::Bool(compare(*op, &left.eval(scope), &right.eval(scope)))
            }
            Expr::Call(target, method, args) => call(target, method, args, scope),
        }
    }
}

fn segment<'a>(segment: Option<&Segment<'_>>) -> Js<'a> {
    match segment {
        Some(Segment::Key(key)) => Js::Text((*key).to_owned()),
        Some(Segment::Index(index)) => Js::Number(*index as f64),
        None => Js::Undefined,
    }
}

/// `$['paths']['/users'][0]`, as JSONPath-Plus writes `@path`.
fn path_text(path: &[Segment<'_>]) -> String {
    let mut out = String::from("$");
    for segment in path {
        match segment {
            Segment::Key(key) => {
                out.push_str("['");
                out.push_str(&key.replace('\'', "\\'"));
                out.push_str("']");
            }
            Segment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

fn call<'a>(target: &Expr, method: &str, args: &[Expr], scope: &Scope<'_, 'a>) -> Js<'a> {
    if let (Expr::Regex(regex), "test") = (target, method) {
        let text = args.first().map_or(Js::Undefined, |arg| arg.eval(scope));
        return Js::Bool(regex.is_match(&text.as_key()));
    }
    let value = target.eval(scope);
    let argument = || args.first().map_or(Js::Undefined, |arg| arg.eval(scope));
    match (method, &value) {
        ("match", Js::Text(text)) => match args.first() {
            Some(Expr::Regex(regex)) => Js::Bool(regex.is_match(text)),
            Some(other) => match JsRegex::new(&other.eval(scope).as_key()) {
                Ok(regex) => Js::Bool(regex.is_match(text)),
                Err(_) => Js::Bool(false),
            },
            None => Js::Bool(false),
        },
        ("startsWith", Js::Text(text)) => Js::Bool(text.starts_with(argument().as_key().as_str())),
        ("endsWith", Js::Text(text)) => Js::Bool(text.ends_with(argument().as_key().as_str())),
        ("includes", Js::Text(text)) => Js::Bool(text.contains(argument().as_key().as_str())),
        ("indexOf", Js::Text(text)) => {
            let needle = argument().as_key();
            Js::Number(text.find(needle.as_str()).map_or(-1.0, |at| {
                text.get(..at).map_or(0, |s| s.chars().count()) as f64
            }))
        }
        ("toLowerCase", Js::Text(text)) => Js::Text(text.to_lowercase()),
        ("toUpperCase", Js::Text(text)) => Js::Text(text.to_uppercase()),
        ("includes" | "indexOf", Js::Node(place)) if place.node.is_array() => {
            let needle = argument();
            let found = place.node.items().iter().position(|item| {
                compare(
                    Op::StrictEq,
                    &Js::of(scope.follow.follow(Place {
                        doc: place.doc,
                        node: item,
                    })),
                    &needle,
                )
            });
            if method == "includes" {
                Js::Bool(found.is_some())
            } else {
                Js::Number(found.map_or(-1.0, |index| index as f64))
            }
        }
        _ => Js::Undefined,
    }
}

/// A JavaScript value during a filter.
#[derive(Clone, Debug)]
enum Js<'a> {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// An object or array.
    Node(Place<'a>),
    /// `x.constructor`: only its `name` is read (`@.type.constructor.name === "Array"`).
    Constructor(&'static str),
}

impl<'a> Js<'a> {
    fn of(place: Place<'a>) -> Js<'a> {
        match &place.node.value {
            Value::Null => Js::Null,
            Value::Bool(flag) => Js::Bool(*flag),
            Value::Number(number) => Js::Number(number.value),
            Value::String(text) => Js::Text(text.clone()),
            Value::Array(_) | Value::Object(_) => Js::Node(place),
        }
    }

    fn truthy(&self) -> bool {
        match self {
            Js::Undefined | Js::Null => false,
            Js::Bool(flag) => *flag,
            Js::Number(number) => *number != 0.0 && !number.is_nan(),
            Js::Text(text) => !text.is_empty(),
            Js::Node(_) | Js::Constructor(_) => true,
        }
    }

    fn type_of(&self) -> &'static str {
        match self {
            Js::Undefined => "undefined",
            Js::Null | Js::Node(_) => "object",
            Js::Constructor(_) => "function",
            Js::Bool(_) => "boolean",
            Js::Number(_) => "number",
            Js::Text(_) => "string",
        }
    }

    /// The value as a property key or string argument.
    fn as_key(&self) -> String {
        match self {
            Js::Undefined => "undefined".to_owned(),
            Js::Null => "null".to_owned(),
            Js::Bool(flag) => flag.to_string(),
            Js::Number(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
                format!("{}", *number as i64)
            }
            Js::Number(number) => number.to_string(),
            Js::Text(text) => text.clone(),
            Js::Node(_) => "[object Object]".to_owned(),
            Js::Constructor(name) => format!("function {name}"),
        }
    }

    fn get(&self, key: &str, follow: &dyn Follow<'a>) -> Js<'a> {
        if key == "constructor" {
            return match self.constructor() {
                Some(name) => Js::Constructor(name),
                None => Js::Undefined,
            };
        }
        match self {
            Js::Constructor(name) if key == "name" => Js::Text((*name).to_owned()),
            Js::Text(text) if key == "length" => Js::Number(text.chars().count() as f64),
            Js::Node(place) => {
                let child: Option<&'a Node> = match &place.node.value {
                    Value::Array(items) if key == "length" => return Js::Number(items.len() as f64),
                    Value::Array(items) => {
                        key.parse::<usize>().ok().and_then(|index| items.get(index))
                    }
                    Value::Object(_) => place.node.get(key),
                    _ => None,
                };
                child.map_or(Js::Undefined, |node| {
                    Js::of(follow.follow(Place {
                        doc: place.doc,
                        node,
                    }))
                })
            }
            _ => Js::Undefined,
        }
    }

    fn constructor(&self) -> Option<&'static str> {
        match self {
            Js::Undefined | Js::Null => None,
            Js::Bool(_) => Some("Boolean"),
            Js::Number(_) => Some("Number"),
            Js::Text(_) => Some("String"),
            Js::Node(place) if place.node.is_array() => Some("Array"),
            Js::Node(_) => Some("Object"),
            Js::Constructor(_) => Some("Function"),
        }
    }

    fn as_number(&self) -> Option<f64> {
        match self {
            Js::Number(number) => Some(*number),
            Js::Bool(flag) => Some(f64::from(u8::from(*flag))),
            Js::Null => Some(0.0),
            Js::Text(text) if text.trim().is_empty() => Some(0.0),
            Js::Text(text) => text.trim().parse().ok(),
            Js::Undefined | Js::Node(_) | Js::Constructor(_) => None,
        }
    }
}

fn strict_equal(left: &Js<'_>, right: &Js<'_>) -> bool {
    match (left, right) {
        (Js::Undefined, Js::Undefined) | (Js::Null, Js::Null) => true,
        (Js::Bool(a), Js::Bool(b)) => a == b,
        (Js::Number(a), Js::Number(b)) => a == b,
        (Js::Text(a), Js::Text(b)) => a == b,
        (Js::Node(a), Js::Node(b)) => std::ptr::eq(a.node, b.node),
        (Js::Constructor(a), Js::Constructor(b)) => a == b,
        _ => false,
    }
}

fn loose_equal(left: &Js<'_>, right: &Js<'_>) -> bool {
    match (left, right) {
        (Js::Undefined | Js::Null, Js::Undefined | Js::Null) => true,
        (Js::Undefined | Js::Null, _) | (_, Js::Undefined | Js::Null) => false,
        (Js::Node(_) | Js::Constructor(_), _) | (_, Js::Node(_) | Js::Constructor(_)) => {
            strict_equal(left, right)
        }
        (Js::Text(a), Js::Text(b)) => a == b,
        _ => match (left.as_number(), right.as_number()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        },
    }
}

fn compare(op: Op, left: &Js<'_>, right: &Js<'_>) -> bool {
    match op {
        Op::StrictEq => strict_equal(left, right),
        Op::StrictNe => !strict_equal(left, right),
        Op::LooseEq => loose_equal(left, right),
        Op::LooseNe => !loose_equal(left, right),
        _ => {
            let ordering = match (left, right) {
                (Js::Text(a), Js::Text(b)) => Some(a.cmp(b)),
                _ => left
                    .as_number()
                    .zip(right.as_number())
                    .and_then(|(a, b)| a.partial_cmp(&b)),
            };
            let Some(ordering) = ordering else {
                return false;
            };
            match op {
                Op::Less => ordering.is_lt(),
                Op::LessEq => ordering.is_le(),
                Op::Greater => ordering.is_gt(),
                _ => ordering.is_ge(),
            }
        }
    }
}

struct Parser {
    chars: Vec<char>,
    at: usize,
    nesting: usize,
}

impl Parser {
    fn fail<T>(&self, what: &str) -> Result<T, PathError> {
        let rest: String = self.chars.iter().skip(self.at).take(20).collect();
        Err(PathError {
            message: format!("filter: {what} at {rest:?}"),
        })
    }

    /// The characters read since `start`.
    fn text_from(&self, start: usize) -> String {
        self.chars
            .get(start..self.at)
            .unwrap_or(&[])
            .iter()
            .collect()
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        let matches = token
            .chars()
            .enumerate()
            .all(|(offset, c)| self.chars.get(self.at + offset) == Some(&c));
        if matches {
            self.at += token.chars().count();
        }
        matches
    }

    fn deeper(&mut self) -> Result<(), PathError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return self.fail("nested too deeply");
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, PathError> {
        self.deeper()?;
        let mut left = self.and()?;
        while self.eat("||") {
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        self.nesting -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, PathError> {
        let mut left = self.comparison()?;
        while self.eat("&&") {
            left = Expr::And(Box::new(left), Box::new(self.comparison()?));
        }
        Ok(left)
    }

    fn comparison(&mut self) -> Result<Expr, PathError> {
        let left = self.unary()?;
        const OPS: [(&str, Op); 8] = [
            ("===", Op::StrictEq),
            ("!==", Op::StrictNe),
            ("==", Op::LooseEq),
            ("!=", Op::LooseNe),
            ("<=", Op::LessEq),
            (">=", Op::GreaterEq),
            ("<", Op::Less),
            (">", Op::Greater),
        ];
        for (token, op) in OPS {
            if self.eat(token) {
                let right = self.unary()?;
                return Ok(Expr::Compare(op, Box::new(left), Box::new(right)));
            }
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, PathError> {
        self.skip_space();
        if self.peek() == Some('!') && self.chars.get(self.at + 1) != Some(&'=') {
            self.at += 1;
            self.deeper()?;
            let inner = self.unary()?;
            self.nesting -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        if self.word_ahead("typeof") {
            self.eat("typeof");
            return Ok(Expr::TypeOf(Box::new(self.unary()?)));
        }
        self.postfix()
    }

    fn word_ahead(&mut self, word: &str) -> bool {
        self.skip_space();
        let end = self.at + word.chars().count();
        let matches = word
            .chars()
            .enumerate()
            .all(|(offset, c)| self.chars.get(self.at + offset) == Some(&c));
        matches
            && !self
                .chars
                .get(end)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
    }

    fn postfix(&mut self) -> Result<Expr, PathError> {
        let mut expr = self.primary()?;
        loop {
            self.skip_space();
            match self.peek() {
                Some('.') if self.chars.get(self.at + 1) != Some(&'.') => {
                    self.at += 1;
                    let name = self.identifier();
                    if name.is_empty() {
                        return self.fail("a name is missing after `.`");
                    }
                    if self.eat("(") {
                        let args = self.arguments()?;
                        expr = Expr::Call(Box::new(expr), name, args);
                    } else {
                        expr = Expr::Get(Box::new(expr), Box::new(Expr::Text(name)));
                    }
                }
                Some('[') => {
                    self.at += 1;
                    let key = self.or()?;
                    if !self.eat("]") {
                        return self.fail("`]` expected");
                    }
                    expr = Expr::Get(Box::new(expr), Box::new(key));
                }
                _ => return Ok(expr),
            }
        }
    }

    fn arguments(&mut self) -> Result<Vec<Expr>, PathError> {
        let mut args = Vec::new();
        if self.eat(")") {
            return Ok(args);
        }
        loop {
            args.push(self.or()?);
            if self.eat(")") {
                return Ok(args);
            }
            if !self.eat(",") {
                return self.fail("`,` or `)` expected");
            }
        }
    }

    fn identifier(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '-')
        {
            name.push(c);
            self.at += 1;
        }
        name
    }

    fn primary(&mut self) -> Result<Expr, PathError> {
        self.skip_space();
        match self.peek() {
            Some('(') => {
                self.at += 1;
                let inner = self.or()?;
                if !self.eat(")") {
                    return self.fail("`)` expected");
                }
                Ok(inner)
            }
            Some('@') => {
                self.at += 1;
                let name = self.identifier();
                Ok(match name.as_str() {
                    "" => Expr::Current,
                    "property" => Expr::Property,
                    "parentProperty" => Expr::ParentProperty,
                    "parent" => Expr::Parent,
                    "root" => Expr::Root,
                    "path" => Expr::Path,
                    other => return self.fail(&format!("`@{other}` is not known")),
                })
            }
            Some(quote @ ('\'' | '"')) => self.string(quote),
            Some('/') => self.regex(),
            Some(c) if c.is_ascii_digit() || c == '-' => self.number(),
            Some(_) => {
                let word = self.identifier();
                match word.as_str() {
                    "true" => Ok(Expr::Bool(true)),
                    "false" => Ok(Expr::Bool(false)),
                    "null" => Ok(Expr::Null),
                    "undefined" => Ok(Expr::Undefined),
                    "Array" if self.eat(".isArray(") => {
                        let inner = self.or()?;
                        if !self.eat(")") {
                            return self.fail("`)` expected");
                        }
                        Ok(Expr::IsArray(Box::new(inner)))
                    }
                    _ => self.fail("unsupported expression"),
                }
            }
            None => self.fail("an operand is missing"),
        }
    }

    fn string(&mut self, quote: char) -> Result<Expr, PathError> {
        let start = self.at;
        self.at += 1;
        let mut escaped = false;
        while let Some(c) = self.peek() {
            self.at += 1;
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == quote {
                return unquote(&self.text_from(start))
                    .map(Expr::Text)
                    .ok_or(PathError {
                        message: "bad string".to_owned(),
                    });
            }
        }
        self.fail("a string is not closed")
    }

    fn regex(&mut self) -> Result<Expr, PathError> {
        self.at += 1;
        let mut body = String::new();
        let mut escaped = false;
        let mut in_class = false;
        loop {
            let Some(c) = self.peek() else {
                return self.fail("a regular expression is not closed");
            };
            self.at += 1;
            if !escaped && c == '/' && !in_class {
                break;
            }
            if !escaped {
                match c {
                    '[' => in_class = true,
                    ']' => in_class = false,
                    _ => {}
                }
            }
            escaped = !escaped && c == '\\';
            body.push(c);
        }
        let flags = self.identifier();
        JsRegex::with_flags(&body, &flags)
            .map(|regex| Expr::Regex(Box::new(regex)))
            .map_err(|message| PathError { message })
    }

    fn number(&mut self) -> Result<Expr, PathError> {
        let start = self.at;
        if self.peek() == Some('-') {
            self.at += 1;
        }
        while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
            self.at += 1;
        }
        self.text_from(start)
            .parse()
            .map(Expr::Number)
            .or_else(|_| self.fail("not a number"))
    }
}

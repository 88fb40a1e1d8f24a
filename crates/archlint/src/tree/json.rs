//! A strict JSON parser that records the byte span of every value and key.
//!
//! Written for this crate rather than taken from serde_json (no spans) or
//! jsonc-parser (a second tree type to convert): it builds our [`Node`] directly,
//! bounds nesting at [`MAX_DEPTH`], reports duplicate keys, and on GitHub's 13 MB
//! description runs at the speed of `serde_json::Value`.

use super::{
    find_duplicates, too_deep, Member, Node, Number, ParseError, Parsed, Value, MAX_DEPTH,
};
use crate::base::source::Span;

pub fn parse_json(text: &str) -> Parsed {
    parse_json_within(text, MAX_DEPTH)
}

/// [`parse_json`], nesting bounded at `max_depth`.
pub fn parse_json_within(text: &str, max_depth: usize) -> Parsed {
    let mut parser = JsonParser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth,
        parsed: Parsed::default(),
    };
    match parser.document() {
        Ok(root) => parser.parsed.root = Some(root),
        Err(error) => parser.parsed.error = Some(error),
    }
    parser.parsed
}

struct JsonParser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    max_depth: usize,
    parsed: Parsed,
}

type Result<T> = std::result::Result<T, ParseError>;

impl JsonParser<'_> {
    fn document(&mut self) -> Result<Node> {
        self.skip_whitespace();
        let root = self.value(0)?;
        self.skip_whitespace();
        if self.pos < self.bytes.len() {
            return Err(self.error_here("unexpected content after the JSON document"));
        }
        Ok(root)
    }

    fn value(&mut self, depth: usize) -> Result<Node> {
        if depth > self.max_depth {
            return Err(self.error_here(&too_deep(self.max_depth)));
        }
        let start = self.pos;
        let value = match self.bytes.get(self.pos) {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error_here("expected a JSON value")),
            None => return Err(self.error_here("unexpected end of input, expected a value")),
        };
        Ok(Node::new(value, Span::new(start, self.pos)))
    }

    fn object(&mut self, depth: usize) -> Result<Value> {
        let open = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            let key_start = self.pos;
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error_here("expected a string key"));
            }
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_whitespace();
            if !self.eat(b':') {
                return Err(self.error_here("expected `:` after the key"));
            }
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b'}') {
                break;
            }
            return Err(self.unclosed_or(open, "object", "expected `,` or `}` in the object"));
        }
        find_duplicates(&members, &mut self.parsed.duplicate_keys);
        Ok(Value::Object(members))
    }

    fn array(&mut self, depth: usize) -> Result<Value> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            if self.eat(b',') {
                continue;
            }
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            return Err(self.unclosed_or(open, "array", "expected `,` or `]` in the array"));
        }
    }

    fn string(&mut self) -> Result<String> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut chunk_start = self.pos;
        loop {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(ParseError {
                    message: "unterminated string".to_owned(),
                    span: Span::new(open, open + 1),
                });
            };
            match byte {
                b'"' => {
                    out.push_str(self.slice(chunk_start, self.pos));
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.slice(chunk_start, self.pos));
                    self.escape(&mut out)?;
                    chunk_start = self.pos;
                }
                0..=0x1f => return Err(self.error_here("control character inside a string")),
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(&code) = self.bytes.get(self.pos + 1) else {
            return Err(self.error_here("unterminated escape sequence"));
        };
        self.pos += 2;
        let decoded = match code {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.pos -= 2;
                return Err(self.error_here("invalid escape sequence"));
            }
        };
        out.push(decoded);
        Ok(())
    }

    fn unicode_escape(&mut self) -> Result<char> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high) {
            if self.bytes.get(self.pos) == Some(&b'\\')
                && self.bytes.get(self.pos + 1) == Some(&b'u')
            {
                self.pos += 2;
                let low = self.hex4()?;
                if (0xDC00..0xE000).contains(&low) {
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
            }
            return Ok('\u{fffd}');
        }
        Ok(char::from_u32(high).unwrap_or('\u{fffd}'))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error_here("truncated \\u escape"))?;
        let code =
            u32::from_str_radix(digits, 16).map_err(|_| self.error_here("invalid \\u escape"))?;
        self.pos += 4;
        Ok(code)
    }

    fn number(&mut self) -> Result<Value> {
        let start = self.pos;
        self.eat(b'-');
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error_here("invalid number")),
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if !self.peek_digit() {
                return Err(self.error_here("expected digits after the decimal point"));
            }
            self.skip_digits();
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            integer = false;
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek_digit() {
                return Err(self.error_here("expected digits in the exponent"));
            }
            self.skip_digits();
        }
        let value = self
            .slice(start, self.pos)
            .parse::<f64>()
            .map_err(|_| self.error_here("invalid number"))?;
        Ok(Value::Number(Number { value, integer }))
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value> {
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error_here("expected a JSON value"))
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn skip_digits(&mut self) {
        while self.peek_digit() {
            self.pos += 1;
        }
    }

    fn peek_digit(&self) -> bool {
        matches!(self.bytes.get(self.pos), Some(b'0'..=b'9'))
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Text between two offsets that the parser has checked to be char boundaries
    /// (they sit next to ASCII delimiters).
    fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    /// At the end of the input, the useful place is where the container opened.
    fn unclosed_or(&self, open: usize, what: &str, message: &str) -> ParseError {
        if self.pos >= self.bytes.len() {
            ParseError {
                message: format!("this {what} is never closed"),
                span: Span::new(open, open + 1),
            }
        } else {
            self.error_here(message)
        }
    }

    fn error_here(&self, message: &str) -> ParseError {
        ParseError {
            message: message.to_owned(),
            span: Span::new(self.pos, self.pos + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        let parsed = parse_json(text);
        assert!(parsed.error.is_none(), "{:?}", parsed.error);
        parsed.root.unwrap()
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let root = ok(r#"{"a": [1, 2.5], "b": "x\u00e9y"}"#);
        let a = root.member("a").unwrap();
        assert_eq!(a.key_span, Span::new(1, 4));
        assert_eq!(a.value.span, Span::new(6, 14));
        assert_eq!(root.get("b").unwrap().as_str(), Some("xéy"));
        assert!(matches!(
            a.value.items()[1].value,
            Value::Number(Number { integer: false, .. })
        ));
    }

    #[test]
    fn errors_point_at_the_problem() {
        let parsed = parse_json("{\"a\": tru}");
        assert_eq!(parsed.error.unwrap().span.start, 6);
        assert!(parse_json("\"abc")
            .error
            .unwrap()
            .message
            .contains("unterminated"));
        assert!(parse_json("[1,]").error.is_some());
        assert!(parse_json("{} x").error.is_some());
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(100_000);
        let parsed = parse_json(&deep);
        assert!(parsed.error.unwrap().message.contains("nesting"));
    }

    #[test]
    fn surrogate_pairs_decode() {
        let root = ok(r#""\ud83d\ude00""#);
        assert_eq!(root.as_str(), Some("😀"));
    }

    #[test]
    fn duplicate_keys_are_reported() {
        let parsed = parse_json(r#"{"a": 1, "a": 2}"#);
        assert_eq!(parsed.duplicate_keys.len(), 1);
        assert_eq!(parsed.root.unwrap().get("a").unwrap().as_f64(), Some(2.0));
    }
}

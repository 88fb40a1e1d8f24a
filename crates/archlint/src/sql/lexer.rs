//! A small SQL lexer that knows where every token starts and ends.
//!
//! It is not a full tokenizer: it only needs to be right about what can hide a
//! `;` or change where a statement ends — quotes of every dialect, `E''` strings,
//! dollar quoting, line and (nested) block comments — and to give identifiers and
//! punctuation with byte offsets, so that the splitter, the locator and the
//! fallback reader work on the same tokens.

use super::Dialect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A keyword or an unquoted identifier.
    Word,
    /// `"..."`, `` `...` `` or `[...]`.
    QuotedIdent,
    /// `'...'`, `E'...'`, `$tag$...$tag$` (and `"..."` in MySQL).
    String,
    Number,
    /// `--`, `#` (MySQL) or `/* */`.
    Comment,
    /// Any other single character: `(`, `)`, `,`, `;`, `.`, `=`, ...
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// A string, quoted identifier or block comment that reaches the end of the
    /// text without being closed.
    pub unterminated: bool,
}

impl Token {
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// Whether this is the keyword `word` (case-insensitive).
    pub fn is_word(&self, source: &str, word: &str) -> bool {
        self.kind == TokenKind::Word && self.text(source).eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, source: &str, punct: char) -> bool {
        self.kind == TokenKind::Punct && self.text(source).starts_with(punct)
    }

    /// The identifier this token names, unquoted (`"Order"` → `Order`).
    pub fn ident(&self, source: &str) -> Option<String> {
        let text = self.text(source);
        match self.kind {
            TokenKind::Word => Some(text.to_owned()),
            TokenKind::QuotedIdent => {
                let inner = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
                Some(inner.replace("\"\"", "\"").replace("``", "`"))
            }
            // MySQL writes `"name"` as a string in some dumps; SQLite accepts
            // 'name' as an identifier where one is expected.
            TokenKind::String if text.starts_with(['\'', '"']) => Some(
                text.get(1..text.len().saturating_sub(1))
                    .unwrap_or("")
                    .to_owned(),
            ),
            _ => None,
        }
    }
}

pub fn tokenize(source: &str, dialect: Dialect) -> Vec<Token> {
    let mut lexer = Lexer {
        source,
        bytes: source.as_bytes(),
        pos: 0,
        dialect,
    };
    let mut tokens = Vec::with_capacity(source.len() / 4);
    while let Some(token) = lexer.next_token() {
        tokens.push(token);
    }
    tokens
}

struct Lexer<'s> {
    source: &'s str,
    bytes: &'s [u8],
    pos: usize,
    dialect: Dialect,
}

impl Lexer<'_> {
    fn next_token(&mut self) -> Option<Token> {
        while self.peek(0).is_some_and(|byte| byte.is_ascii_whitespace()) {
            self.pos += 1;
        }
        let start = self.pos;
        let byte = self.peek(0)?;
        let (kind, unterminated) = match byte {
            b'-' if self.peek(1) == Some(b'-') => (TokenKind::Comment, self.line_comment()),
            b'#' if self.dialect == Dialect::Mysql => (TokenKind::Comment, self.line_comment()),
            b'/' if self.peek(1) == Some(b'*') => (TokenKind::Comment, self.block_comment()),
            b'\'' => (
                TokenKind::String,
                self.quoted(b'\'', self.dialect == Dialect::Mysql),
            ),
            b'e' | b'E' if self.peek(1) == Some(b'\'') && self.dialect == Dialect::Postgres => {
                self.pos += 1;
                (TokenKind::String, self.quoted(b'\'', true))
            }
            b'"' if self.dialect == Dialect::Mysql => (TokenKind::String, self.quoted(b'"', true)),
            b'"' => (TokenKind::QuotedIdent, self.quoted(b'"', false)),
            b'`' => (TokenKind::QuotedIdent, self.quoted(b'`', false)),
            b'[' if self.dialect == Dialect::Sqlite => {
                (TokenKind::QuotedIdent, self.quoted(b']', false))
            }
            b'$' if self.dialect == Dialect::Postgres && self.dollar_tag().is_some() => {
                (TokenKind::String, self.dollar_quoted())
            }
            b'0'..=b'9' => {
                self.number();
                (TokenKind::Number, false)
            }
            _ if is_word_start(byte) => {
                self.word();
                (TokenKind::Word, false)
            }
            _ => {
                self.pos += utf8_len(byte);
                (TokenKind::Punct, false)
            }
        };
        let end = self.pos.min(self.bytes.len());
        Some(Token {
            kind,
            start,
            end,
            unterminated,
        })
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn line_comment(&mut self) -> bool {
        while let Some(byte) = self.peek(0) {
            if byte == b'\n' {
                break;
            }
            self.pos += 1;
        }
        false
    }

    /// `/* ... */`, nested in PostgreSQL. Returns whether it is unterminated.
    fn block_comment(&mut self) -> bool {
        self.pos += 2;
        let mut depth = 1;
        while let Some(byte) = self.peek(0) {
            if byte == b'*' && self.peek(1) == Some(b'/') {
                self.pos += 2;
                depth -= 1;
                if depth == 0 {
                    return false;
                }
            } else if byte == b'/'
                && self.peek(1) == Some(b'*')
                && self.dialect == Dialect::Postgres
            {
                self.pos += 2;
                depth += 1;
            } else {
                self.pos += 1;
            }
        }
        true
    }

    /// A quoted run closed by `close`, where a doubled `close` escapes it and, when
    /// `backslash` is set, `\` escapes the next byte. Returns whether unterminated.
    fn quoted(&mut self, close: u8, backslash: bool) -> bool {
        self.pos += 1;
        while let Some(byte) = self.peek(0) {
            if backslash && byte == b'\\' {
                self.pos += 2;
            } else if byte == close {
                if self.peek(1) == Some(close) && close != b']' {
                    self.pos += 2;
                } else {
                    self.pos += 1;
                    return false;
                }
            } else {
                self.pos += 1;
            }
        }
        self.pos = self.bytes.len();
        true
    }

    /// `$tag$` at the current position: the tag's length in bytes, both dollars included.
    fn dollar_tag(&self) -> Option<usize> {
        let mut length = 1;
        while let Some(byte) = self.peek(length) {
            if byte == b'$' {
                return Some(length + 1);
            }
            let valid = byte == b'_'
                || byte.is_ascii_alphabetic()
                || byte >= 0x80
                || (length > 1 && byte.is_ascii_digit());
            if !valid {
                return None;
            }
            length += 1;
        }
        None
    }

    fn dollar_quoted(&mut self) -> bool {
        let Some(length) = self.dollar_tag() else {
            return false;
        };
        let tag = self.bytes.get(self.pos..self.pos + length).unwrap_or(b"$$");
        let body_start = self.pos + length;
        let found = self
            .bytes
            .get(body_start..)
            .and_then(|body| body.windows(tag.len()).position(|window| window == tag));
        match found {
            Some(offset) => {
                self.pos = body_start + offset + length;
                false
            }
            None => {
                self.pos = self.bytes.len();
                true
            }
        }
    }

    fn number(&mut self) {
        while let Some(byte) = self.peek(0) {
            let exponent_sign = matches!(byte, b'+' | b'-')
                && self.pos > 0
                && matches!(self.bytes.get(self.pos - 1), Some(b'e' | b'E'));
            if byte.is_ascii_alphanumeric() || byte == b'.' || byte == b'_' || exponent_sign {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn word(&mut self) {
        while let Some(byte) = self.peek(0) {
            if is_word_start(byte) || byte.is_ascii_digit() || byte == b'$' {
                self.pos += utf8_len(byte);
            } else {
                break;
            }
        }
        // Never stop inside a multi-byte character.
        while self.pos < self.bytes.len() && !self.source.is_char_boundary(self.pos) {
            self.pos += 1;
        }
    }
}

fn is_word_start(byte: u8) -> bool {
    byte == b'_' || byte.is_ascii_alphabetic() || byte >= 0x80
}

fn utf8_len(byte: u8) -> usize {
    match byte {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str, dialect: Dialect) -> Vec<(TokenKind, &str)> {
        tokenize(source, dialect)
            .iter()
            .map(|t| (t.kind, t.text(source)))
            .collect()
    }

    #[test]
    fn quotes_and_comments_hide_semicolons() {
        let source = "a ';' \"b;\" -- c;\n /* d; /* e; */ f; */ $x$ g; $x$ E'h\\';'";
        let found = kinds(source, Dialect::Postgres);
        assert!(
            found
                .iter()
                .all(|(kind, text)| *kind != TokenKind::Punct || *text != ";"),
            "{found:?}"
        );
        assert_eq!(found.len(), 7);
    }

    #[test]
    fn mysql_quotes() {
        let found = kinds("`a``b` 'it\\'s' \"x\" # c;\n;", Dialect::Mysql);
        assert_eq!(
            found,
            vec![
                (TokenKind::QuotedIdent, "`a``b`"),
                (TokenKind::String, "'it\\'s'"),
                (TokenKind::String, "\"x\""),
                (TokenKind::Comment, "# c;"),
                (TokenKind::Punct, ";"),
            ]
        );
    }

    #[test]
    fn unterminated_runs_are_flagged() {
        for source in ["'abc", "$$ body", "/* never", "\"x"] {
            let tokens = tokenize(source, Dialect::Postgres);
            assert!(tokens.last().unwrap().unterminated, "{source}");
        }
    }

    #[test]
    fn positional_parameters_are_not_dollar_quotes() {
        let found = kinds("$1 ; $2", Dialect::Postgres);
        assert!(found.contains(&(TokenKind::Punct, ";")));
    }

    #[test]
    fn non_ascii_words_stay_whole() {
        let found = kinds("créé é;", Dialect::Sqlite);
        assert_eq!(found[0], (TokenKind::Word, "créé"));
    }
}

//! JavaScript regular expressions, as Spectral rulesets write them: `^x-`, or a
//! literal `/^x-/i` with flags. Look-around and back-references work
//! (fancy-regex); a pattern that still cannot be compiled is a ruleset
//! problem, and a match that runs past the backtracking limit is no match.

/// Steps of backtracking allowed per match: a hostile pattern stops here.
const BACKTRACK_LIMIT: usize = 100_000;

#[derive(Debug)]
pub struct JsRegex {
    regex: fancy_regex::Regex,
}

impl JsRegex {
    /// Compiles a pattern written as a string (`new RegExp(text)`) or as a
    /// `/literal/flags`.
    pub fn new(text: &str) -> Result<JsRegex, String> {
        let (body, flags) = split_literal(text).unwrap_or((text, ""));
        JsRegex::with_flags(body, flags)
    }

    pub fn with_flags(body: &str, flags: &str) -> Result<JsRegex, String> {
        let mut inline = String::new();
        for flag in flags.chars() {
            match flag {
                'i' | 'm' | 's' => inline.push(flag),
                // Global, sticky, unicode, indices and v-mode change nothing for a test.
                'g' | 'y' | 'u' | 'd' | 'v' => {}
                other => return Err(format!("unknown regular expression flag `{other}`")),
            }
        }
        let pattern = if inline.is_empty() {
            translate(body)
        } else {
            format!("(?{inline}){}", translate(body))
        };
        fancy_regex::RegexBuilder::new(&pattern)
            .backtrack_limit(BACKTRACK_LIMIT)
            .build()
            .map(|regex| JsRegex { regex })
            .map_err(|error| {
                format!("`{body}` is not a regular expression archlint can run: {error}")
            })
    }

    /// Whether the text contains a match (`RegExp.prototype.test`).
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text).unwrap_or(false)
    }
}

/// `/body/flags` → (body, flags).
pub fn split_literal(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('/')?;
    // `/.+/flags`, as Spectral reads a literal: `//` is a plain pattern.
    let end = rest.rfind('/').filter(|end| *end > 0)?;
    let flags = rest.get(end + 1..)?;
    flags
        .chars()
        .all(|flag| flag.is_ascii_alphabetic())
        .then(|| (rest.get(..end).unwrap_or(""), flags))
}

/// The few spellings JavaScript reads differently: `\/` is a slash, `\d` is
/// ASCII only, `[` inside a class is a character, and `[]`/`[^]` are classes.
fn translate(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 8);
    let mut chars = body.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('/') => out.push('/'),
                Some('d') if !in_class => out.push_str("[0-9]"),
                Some('d') => out.push_str("0-9"),
                Some('D') if !in_class => out.push_str("[^0-9]"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push_str("\\\\"),
            },
            '[' if !in_class => {
                let negated = chars.peek() == Some(&'^');
                if negated {
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    // `[^]` is JavaScript's any character, `[]` matches nothing.
                    chars.next();
                    out.push_str(if negated { "[\\s\\S]" } else { "[^\\s\\S]" });
                } else {
                    in_class = true;
                    out.push_str(if negated { "[^" } else { "[" });
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '[' => out.push_str("\\["),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_literals_and_strings() {
        assert!(JsRegex::new("/^X-/i").is_ok_and(|regex| regex.is_match("x-rate")));
        assert!(JsRegex::new("^x-").is_ok_and(|regex| !regex.is_match("X-rate")));
        assert!(JsRegex::new("^(?!.*http:)").is_ok_and(|regex| regex.is_match("https://a")));
        assert!(JsRegex::new("\\/v\\d+\\/").is_ok_and(|regex| regex.is_match("/v2/users")));
        assert!(JsRegex::new("[^]").is_ok_and(|regex| regex.is_match("\n")));
        assert!(JsRegex::new("a[").is_err());
        assert!(JsRegex::new("/a/q").is_err());
        assert!(
            JsRegex::new("//").is_ok_and(|regex| regex.is_match("a//b") && !regex.is_match("/a"))
        );
    }

    #[test]
    fn hostile_patterns_end() {
        let Ok(regex) = JsRegex::new("^(a+)+(?=b)$") else {
            panic!("compiles");
        };
        assert!(!regex.is_match(&"a".repeat(40)));
    }
}

//! Spectral's `casing` function: the same patterns per casing type, digits
//! and a separator allowed as its options say.

use crate::base::regex::JsRegex;

pub struct Casing {
    pub kind: String,
    regex: JsRegex,
}

/// The pattern of one word of each casing type; `D` stands for the digits.
fn word_pattern(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "flat" => "[a-zD]*",
        "camel" => "[a-z][a-zD]*(?:[A-ZD](?:[a-zD]+|$))*",
        "pascal" => "[A-Z][a-zD]*(?:[A-ZD](?:[a-zD]+|$))*",
        "kebab" => "[a-z][a-zD]*(?:-[a-zD]+)*",
        "cobol" => "[A-Z][A-ZD]*(?:-[A-ZD]+)*",
        "snake" => "[a-z][a-zD]*(?:_[a-zD]+)*",
        "macro" => "[A-Z][A-ZD]*(?:_[A-ZD]+)*",
        _ => return None,
    })
}

impl Casing {
    /// `type`, `disallowDigits`, and `separator: {char, allowLeading}`.
    pub fn new(
        kind: &str,
        disallow_digits: bool,
        separator: Option<(char, bool)>,
    ) -> Result<Casing, String> {
        let word = word_pattern(kind).ok_or_else(|| {
            format!(
                "unknown casing type `{kind}` (flat, camel, pascal, kebab, cobol, snake or macro)"
            )
        })?;
        let word = word.replace('D', if disallow_digits { "" } else { "0-9" });
        // `flat` must start with a letter too.
        let word = if kind == "flat" {
            format!("[a-z]{word}")
        } else {
            word
        };
        let pattern = match separator {
            None => format!("^{word}$"),
            Some((separator, leading)) => {
                let separator = escape(separator);
                let lead = if leading {
                    format!("{separator}?")
                } else {
                    String::new()
                };
                format!("^{lead}{word}(?:{separator}{word})*$")
            }
        };
        Ok(Casing {
            kind: kind.to_owned(),
            regex: JsRegex::new(&pattern)?,
        })
    }

    pub fn matches(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

fn escape(character: char) -> String {
    if character.is_ascii_alphanumeric() {
        character.to_string()
    } else {
        format!("\\{character}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn casing(kind: &str) -> Casing {
        match Casing::new(kind, false, None) {
            Ok(casing) => casing,
            Err(message) => panic!("{message}"),
        }
    }

    #[test]
    fn each_type() {
        assert!(casing("camel").matches("userId2"));
        assert!(!casing("camel").matches("UserId"));
        assert!(casing("pascal").matches("UserId"));
        assert!(casing("kebab").matches("user-id"));
        assert!(!casing("kebab").matches("user_id"));
        assert!(casing("snake").matches("user_id"));
        assert!(casing("macro").matches("USER_ID"));
        assert!(casing("cobol").matches("USER-ID"));
        assert!(casing("flat").matches("userid"));
        assert!(!casing("flat").matches("userId"));
        assert!(Casing::new("title", false, None).is_err());
    }

    #[test]
    fn options() {
        let Ok(no_digits) = Casing::new("camel", true, None) else {
            panic!("valid");
        };
        assert!(!no_digits.matches("user2"));
        let Ok(paths) = Casing::new("kebab", false, Some(('/', true))) else {
            panic!("valid");
        };
        assert!(paths.matches("/users/user-groups"));
        assert!(!paths.matches("/users/userGroups"));
    }
}

//! Text taken from the input (names, descriptions, source lines, file names)
//! shown safely: control characters (a terminal's `ESC [2J`, a carriage
//! return that rewrites a line) and the invisible marks that reorder text
//! (right-to-left overrides, "Trojan Source") are written as visible
//! escapes, so a description cannot drive the terminal or hide what a line
//! says. Tabs and line ends are the renderers' to handle.

use std::borrow::Cow;

/// `text` with each control or bidirectional formatting character written
/// as `\u{…}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if is_unsafe(character) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(character)));
        } else {
            out.push(character);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(character: char) -> bool {
    (character.is_control() && !matches!(character, '\t' | '\n'))
        || matches!(
            character,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_marks_become_visible() {
        assert_eq!(printable("plain `name`"), "plain `name`");
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("x\ry"), "x\\u{d}y");
        assert_eq!(printable("admin\u{202e}txt.exe"), "admin\\u{202e}txt.exe");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(printable("tab\tand\nline"), "tab\tand\nline");
    }
}

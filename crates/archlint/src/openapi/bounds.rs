//! What bounds the values a schema accepts.

use super::schemas::types;
use super::NodeAt;

/// Formats whose values have a fixed maximum length.
const BOUNDED_FORMATS: [&str; 6] = ["date", "date-time", "time", "uuid", "ipv4", "ipv6"];

/// A string with no `maxLength`, `enum`, `const`, fixed-size `format` or
/// bounded `pattern`.
pub fn is_unbounded_string(schema: &NodeAt<'_>) -> bool {
    let types = types(schema);
    let is_string =
        types.contains(&"string") && types.iter().all(|t| *t == "string" || *t == "null");
    if !is_string {
        return false;
    }
    let node = schema.node;
    if ["maxLength", "enum", "const"]
        .iter()
        .any(|key| node.get(key).is_some())
    {
        return false;
    }
    if let Some(format) = schema.str("format") {
        if BOUNDED_FORMATS.contains(&format) || format == "binary" {
            return false;
        }
    }
    !schema.str("pattern").is_some_and(is_bounded_pattern)
}

/// `^[a-z]{2,8}$` is bounded; `^[a-z]+$` and unanchored patterns are not.
fn is_bounded_pattern(pattern: &str) -> bool {
    let anchored = pattern.starts_with('^') && pattern.ends_with('$') && !pattern.ends_with("\\$");
    anchored && !pattern.contains(['*', '+']) && !has_open_repetition(pattern)
}

/// `{n,}` — a repetition with no upper bound.
fn has_open_repetition(pattern: &str) -> bool {
    pattern.match_indices(",}").count() > 0
}

#[cfg(test)]
mod tests {
    use super::is_bounded_pattern;

    #[test]
    fn patterns() {
        assert!(is_bounded_pattern("^[a-z]{2,8}$"));
        assert!(!is_bounded_pattern("^[a-z]+$"));
        assert!(!is_bounded_pattern("[a-z]{2}"));
        assert!(!is_bounded_pattern("^a{2,}$"));
    }
}

use crate::base::Emitter;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `pattern` anchored at neither end (no leading `^`, no trailing
    /// `$`). A single anchor is taken as a deliberate prefix or suffix check,
    /// and a not-blank check (`\S`, `[^\s]+`) is meant to match anywhere.
    ///
    /// ## Why is this bad?
    /// JSON Schema patterns match anywhere in the value: `[0-9]{5}` accepts
    /// `"abc12345; DROP TABLE"` because it contains five digits. The author
    /// almost always meant the whole value to match.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /stores:
    ///     get:
    ///       parameters:
    ///         - {name: zip, in: query, schema: {type: string, pattern: '[0-9]{5}'}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /stores:
    ///     get:
    ///       parameters:
    ///         - {name: zip, in: query, schema: {type: string, pattern: '^[0-9]{5}$'}}
    /// ```
    ///
    /// ## How to fix
    /// Anchor the pattern: `^...$`.
    ///
    /// Severity: `warning`.
    pub struct UnanchoredPattern {
        id: "VAL007",
        name: "unanchored-pattern",
        side: Api,
        area: Validation,
        severity: Warning,
        summary: "A pattern is anchored at neither end (^ ... $).",
        fix: "Anchor the pattern with ^ at the start and $ at the end.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for schema in context.every_schema() {
        let Some(pattern) = schema.get("pattern") else {
            continue;
        };
        let Some(text) = pattern.node.as_str() else {
            continue;
        };
        let start = text.starts_with('^') || text.starts_with("\\A");
        let end = (text.ends_with('$') && !text.ends_with("\\$"))
            || text.ends_with("\\z")
            || text.ends_with("\\Z");
        // One anchor is a deliberate prefix or suffix check (`^https://`);
        // `\S` or a negated class (`[^\s]+`) checks the value is not blank,
        // and anchoring it would break that.
        if start || end || is_containment_check(text) {
            continue;
        }
        let message = format!(
            "pattern `{text}` is not anchored (`^...$`), so it matches anywhere in the value"
        );
        out.report(pattern.place(), message);
    }
}

/// `\S`, `\S+`, `[^\s]`, `[^ ]+`: "contains something that is not blank",
/// meant to match anywhere.
fn is_containment_check(pattern: &str) -> bool {
    let body = pattern.trim_end_matches(['+', '*']);
    let not_blank = body == "\\S";
    // Only a negation of blanks: `[^0-9]+` may mean "no digits at all".
    let negated_class = body.starts_with("[^")
        && body.ends_with(']')
        && body
            .get(2..body.len() - 1)
            .is_some_and(|inner| inner == "\\s" || inner.trim().is_empty());
    not_blank || negated_class
}

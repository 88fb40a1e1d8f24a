//! Suggesting a link where a property and an unlinked column are named alike.

use crate::base::words::name_words;

/// Whether two names look like one field written two ways: the words of one
/// begin the other's (`email` / `email_address`, `zip_code` / `zip`).
pub(crate) fn looks_alike(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && short != long && long.starts_with(short) && short != &["id"]
}

/// The help that suggests linking a property to the column it seems to be.
pub(crate) fn link_help(property: &str, column: &str) -> String {
    format!(
        "If `{property}` is stored in `{column}`, link them: `x-archlint-column: {column}` on the property (or `[consistency] columns` in archlint.toml)."
    )
}

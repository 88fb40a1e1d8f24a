//! How multi-word names are written, and the style an API mostly uses.

/// How a multi-word name is written. Single lower-case words have no style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Camel,
    Pascal,
    Snake,
    Kebab,
}

impl Case {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Case::Camel => "camelCase",
            Case::Pascal => "PascalCase",
            Case::Snake => "snake_case",
            Case::Kebab => "kebab-case",
        }
    }

    /// The style of a name, when it has one (`userId`, `user_id`, `user-id`).
    pub(crate) fn of(name: &str) -> Option<Case> {
        let alphanumeric = |c: char| c.is_ascii_alphanumeric();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| alphanumeric(c) || c == '_' || c == '-')
            || !name.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            return None;
        }
        let has_upper = name.chars().any(|c| c.is_ascii_uppercase());
        let has_lower = name.chars().any(|c| c.is_ascii_lowercase());
        match (name.contains('_'), name.contains('-')) {
            (true, false) if !has_upper => Some(Case::Snake),
            (false, true) if !has_upper => Some(Case::Kebab),
            (false, false) if has_upper && has_lower => {
                if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    Some(Case::Pascal)
                } else {
                    Some(Case::Camel)
                }
            }
            _ => None,
        }
    }
}

/// The most common style among `names` (ties: the first seen), if any.
pub(crate) fn usual_case<'n>(names: impl Iterator<Item = &'n str>) -> Option<Case> {
    let mut counts: Vec<(Case, usize)> = Vec::new();
    for case in names.filter_map(Case::of) {
        match counts.iter_mut().find(|(seen, _)| *seen == case) {
            Some((_, count)) => *count += 1,
            None => counts.push((case, 1)),
        }
    }
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(case, _)| *case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(Case::of("userId"), Some(Case::Camel));
        assert_eq!(Case::of("UserId"), Some(Case::Pascal));
        assert_eq!(Case::of("user_id"), Some(Case::Snake));
        assert_eq!(Case::of("user-id"), Some(Case::Kebab));
        assert_eq!(Case::of("user"), None);
        assert_eq!(Case::of("+1"), None);
        assert_eq!(Case::of("URL"), None);
    }
}

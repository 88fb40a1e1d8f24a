//! `-- archlint-ignore: rule, rule` comments, read from a file's tokens, and
//! the markers of the migration linters a project may already use: Atlas's
//! `-- atlas:nolint MF103` and squawk's `-- squawk-ignore ban-drop-column`.

use super::{lexer, split};
use crate::base::source::{FileId, SourceFile};

/// `-- archlint-ignore: rule, rule` — silences those rules on its own line (when
/// code precedes it there) or on the next line with code.
#[derive(Clone, Debug)]
pub struct SqlIgnore {
    pub file: FileId,
    pub line: u32,
    pub rules: Vec<String>,
}

impl SqlIgnore {
    /// Whether the marker silences another tool's check of a NOT NULL column
    /// added without a default (Atlas `MF103`, squawk's
    /// `adding-required-field`): the author says the table is empty.
    pub fn acknowledges_required_column(&self) -> bool {
        self.rules.iter().any(|rule| {
            matches!(
                rule.as_str(),
                "atlas:*"
                    | "atlas:MF103"
                    | "atlas:data_depend"
                    | "squawk:*"
                    | "squawk:adding-required-field"
                    | "squawk:adding-not-nullable-field"
            )
        })
    }
}

/// The ignore markers among a file's comments.
pub fn collect(file: FileId, source: &SourceFile, split: &split::Split) -> Vec<SqlIgnore> {
    let text = source.text.as_str();
    let mut ignores = Vec::new();
    for (index, token) in split.tokens.iter().enumerate() {
        if token.kind != lexer::TokenKind::Comment {
            continue;
        }
        let Some(rules) = marked_rules(token.text(text)) else {
            continue;
        };
        let line = source.line_col(clamp(token.start)).line;
        let code_before = index > 0
            && split.tokens.get(index - 1).is_some_and(|previous| {
                previous.kind != lexer::TokenKind::Comment
                    && source.line_col(clamp(previous.start)).line == line
            });
        let target = if code_before {
            line
        } else {
            split
                .tokens
                .get(index + 1..)
                .unwrap_or(&[])
                .iter()
                .find(|next| next.kind != lexer::TokenKind::Comment)
                .map_or(line + 1, |next| source.line_col(clamp(next.start)).line)
        };
        ignores.push(SqlIgnore {
            file,
            line: target,
            rules,
        });
    }
    ignores
}

/// Comment markers and the prefix their rule lists get: archlint's own
/// names rules as they are; another tool's are kept as `tool:check`, which
/// rules that do the same check answer to.
const MARKERS: [(&str, &str); 3] = [
    ("archlint-ignore", ""),
    ("atlas:nolint", "atlas:"),
    ("squawk-ignore", "squawk:"),
];

/// The rules a comment silences, if it is a marker; a marker of another
/// tool with no list silences all of that tool's checks (`atlas:*`).
fn marked_rules(comment: &str) -> Option<Vec<String>> {
    let (at, marker, prefix) = MARKERS
        .iter()
        .find_map(|(marker, prefix)| comment.find(marker).map(|at| (at, marker, prefix)))?;
    let list = comment.get(at + marker.len()..).unwrap_or("");
    if list.starts_with('-') {
        // `squawk-ignore-file` and the like: not a statement's marker.
        return None;
    }
    let list = list.trim_start_matches([':', ' ']).trim_end_matches("*/");
    let mut rules: Vec<String> = list
        .split([',', ' '])
        .map(str::trim)
        .filter(|rule| !rule.is_empty())
        .map(|rule| format!("{prefix}{rule}"))
        .collect();
    if rules.is_empty() && !prefix.is_empty() {
        rules.push(format!("{prefix}*"));
    }
    Some(rules)
}

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

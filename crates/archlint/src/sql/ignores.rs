//! `-- archlint-ignore: rule, rule` comments, read from a file's tokens.

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

/// The ignore markers among a file's comments.
pub fn collect(file: FileId, source: &SourceFile, split: &split::Split) -> Vec<SqlIgnore> {
    let text = source.text.as_str();
    let mut ignores = Vec::new();
    for (index, token) in split.tokens.iter().enumerate() {
        if token.kind != lexer::TokenKind::Comment {
            continue;
        }
        let comment = token.text(text);
        let Some(at) = comment.find("archlint-ignore") else {
            continue;
        };
        let list = comment.get(at + "archlint-ignore".len()..).unwrap_or("");
        let list = list.trim_start_matches([':', ' ']).trim_end_matches("*/");
        let rules: Vec<String> = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|rule| !rule.is_empty())
            .map(str::to_owned)
            .collect();
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

fn clamp(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

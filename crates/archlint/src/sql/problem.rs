//! What reading SQL can find wrong, in this floor's own terms: the rules turn
//! each kind into a finding (`rules/structure/`).

use super::{lexer, split};
use crate::base::diagnostic::{Place, Problem};
use crate::base::source::{FileId, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SqlProblemKind {
    /// Text that is not SQL: an unterminated string or comment, bytes that
    /// are not UTF-8.
    SyntaxError,
    /// A statement neither sqlparser nor the fallback reader understood.
    NotUnderstood,
    /// A statement about a table, column or type the history never created.
    UnknownObject,
}

pub type SqlProblem = Problem<SqlProblemKind>;

/// A file's text: invalid UTF-8 (old Latin-1 dumps) is read with replacement
/// characters, with the offset of the first invalid byte.
pub fn decode(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(valid),
            )
        }
    }
}

/// The problem of a file that is not UTF-8.
pub fn not_utf8(file: FileId, offset: usize) -> SqlProblem {
    let message = format!(
        "file is not valid UTF-8 (invalid byte at offset {offset}); it is read with replacement characters"
    );
    Problem::new(
        SqlProblemKind::SyntaxError,
        Place::object(file, Span::new(offset, offset + 1), None),
        message,
    )
}

/// Comments, strings and quoted names the splitter found never closed.
pub fn syntax_problems(file: FileId, split: &split::Split) -> Vec<SqlProblem> {
    let mut problems = Vec::new();
    for comment in &split.unterminated_comments {
        let at = Place::object(file, Span::new(comment.start, comment.start + 2), None);
        let message = "this comment is never closed; the rest of the file is part of it";
        problems.push(Problem::new(SqlProblemKind::SyntaxError, at, message));
    }
    for open in split.statements.iter().filter_map(|raw| raw.unterminated) {
        let what = match open.kind {
            lexer::TokenKind::Comment => "comment",
            lexer::TokenKind::QuotedIdent => "quoted identifier",
            _ => "string",
        };
        let at = Place::object(file, Span::new(open.start, open.start + 1), None);
        let message = format!("this {what} is never closed; the rest of the file is part of it");
        problems.push(Problem::new(SqlProblemKind::SyntaxError, at, message));
    }
    problems
}

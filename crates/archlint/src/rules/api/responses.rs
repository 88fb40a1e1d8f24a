//! Readings of an operation's responses that several areas share: which
//! statuses it documents and which headers a response declares.

use crate::openapi::{Operation, Response};

/// Whether the operation documents a response whose status matches `codes`
/// exactly, or a range (`4XX`) that covers one of them.
pub(crate) fn documents_status(operation: &Operation<'_>, codes: &[&str]) -> bool {
    operation.responses.iter().any(|response| {
        codes.contains(&response.status)
            || codes.iter().any(|code| covers_range(response.status, code))
    })
}

/// `4XX` covers `404`.
fn covers_range(status: &str, code: &str) -> bool {
    status.len() == 3 && status.ends_with("XX") && status.get(..1) == code.get(..1)
}

/// The header names a response declares, as written.
pub(crate) fn response_headers<'a>(response: &Response<'a>) -> Vec<&'a str> {
    response
        .at
        .node
        .get("headers")
        .map(|headers| {
            headers
                .members()
                .iter()
                .map(|member| member.key.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the response declares one of `names` (case-insensitive).
pub(crate) fn has_header(response: &Response<'_>, names: &[&str]) -> bool {
    response_headers(response)
        .iter()
        .any(|header| names.iter().any(|name| header.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        assert!(covers_range("4XX", "404"));
        assert!(!covers_range("5XX", "404"));
        assert!(!covers_range("400", "404"));
    }
}

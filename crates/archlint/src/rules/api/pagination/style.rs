//! Reading how a collection pages: cursor, offset or page number.

use crate::openapi::{Operation, Parameter};

/// How a query parameter moves through pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// An opaque position: `cursor`, `after`, `page_token`.
    Cursor,
    /// A row count to skip: `offset`, `skip`, `start`.
    Offset,
    /// A page number: `page`.
    PageNumber,
}

impl Style {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Style::Cursor => "cursor",
            Style::Offset => "offset",
            Style::PageNumber => "page-number",
        }
    }
}

/// `pageToken` and `page_token` alike.
pub(crate) fn normalized(name: &str) -> String {
    name.to_ascii_lowercase().replace(['-', '_'], "")
}

/// The paging style a query parameter name shows.
pub(crate) fn style(name: &str) -> Option<Style> {
    match normalized(name).as_str() {
        "cursor" | "after" | "before" | "pagetoken" | "nextpagetoken" | "startingafter"
        | "endingbefore" | "continuationtoken" | "continuation" | "skiptoken" | "$skiptoken" => {
            Some(Style::Cursor)
        }
        "offset" | "skip" | "$skip" | "start" | "startindex" => Some(Style::Offset),
        "page" | "pagenumber" | "pageno" | "pagenum" => Some(Style::PageNumber),
        _ => None,
    }
}

/// The GET's first query parameter that pages, with its style.
pub(crate) fn paging_parameter<'o, 'a>(
    operation: &'o Operation<'a>,
) -> Option<(&'o Parameter<'a>, Style)> {
    if !operation.method.is_read() {
        return None;
    }
    operation
        .parameters
        .iter()
        .filter(|parameter| parameter.location == "query")
        .find_map(|parameter| style(parameter.name).map(|style| (parameter, style)))
}

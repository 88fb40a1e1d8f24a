//! When an operation says it goes away: the `Sunset` header it answers with
//! (RFC 8594), or `x-sunset` on the operation (oasdiff's extension). The
//! header's value is read from its `example`, or its schema's `example`,
//! `default` or `const`.

use crate::base::date::Day;
use crate::openapi::{Documents, NodeAt, Operation};

/// Whether the operation answers with a `Sunset` or `Deprecation` header.
pub fn announces_end(operation: &Operation<'_>) -> bool {
    operation.responses.iter().any(|response| {
        response.at.get("headers").is_some_and(|headers| {
            headers.entries().any(|(name, _)| {
                name.eq_ignore_ascii_case("sunset") || name.eq_ignore_ascii_case("deprecation")
            })
        })
    })
}

/// The day the operation announces as its end, when it names one.
pub fn sunset(documents: &Documents, operation: &Operation<'_>) -> Option<Day> {
    if let Some(day) = operation.at.str("x-sunset").and_then(Day::parse) {
        return Some(day);
    }
    operation.responses.iter().find_map(|response| {
        let headers = response.at.get("headers")?;
        let day = headers.entries().find_map(|(name, header)| {
            if !name.eq_ignore_ascii_case("sunset") {
                return None;
            }
            header_day(&documents.resolve_or_self(&header), documents)
        });
        day
    })
}

fn header_day(header: &NodeAt<'_>, documents: &Documents) -> Option<Day> {
    let schema = header
        .get("schema")
        .map(|schema| documents.resolve_or_self(&schema));
    let from_schema = |key: &str| schema.as_ref().and_then(|schema| schema.str(key));
    header
        .str("example")
        .or_else(|| from_schema("example"))
        .or_else(|| from_schema("default"))
        .or_else(|| from_schema("const"))
        .and_then(Day::parse)
}

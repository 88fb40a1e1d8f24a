use crate::base::{Emitter, Severity};
use crate::openapi::Parameter;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

use super::Style;

crate::declare_rule! {
    /// ## What it does
    /// Reports collection GETs that page in a different style (cursor, offset,
    /// page number) from the API's most common one, or with a differently named
    /// parameter of the same style (`cursor` here, `after` there). The first
    /// operation of the common style is the related location.
    ///
    /// ## Why is this bad?
    /// Clients write one paging loop. Every exception needs its own code, and SDK
    /// generators cannot offer a uniform iterator.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: cursor, in: query, schema: {type: string}}
    ///       responses: {'200': {description: A page of orders.}}
    ///   /customers:
    ///     get:
    ///       parameters:
    ///         - {name: page, in: query, schema: {type: integer}}
    ///       responses: {'200': {description: A page of customers.}}
    /// ```
    ///
    /// Use instead: `cursor` on both:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: cursor, in: query, schema: {type: string}}
    ///       responses: {'200': {description: A page of orders.}}
    ///   /customers:
    ///     get:
    ///       parameters:
    ///         - {name: cursor, in: query, schema: {type: string}}
    ///       responses: {'200': {description: A page of customers.}}
    /// ```
    ///
    /// ## How to fix
    /// Page every collection the same way, with the same parameter names.
    ///
    /// Severity: `warning` for another name of the usual parameter
    /// (`page_size` where the API says `limit`); `info` for another style,
    /// which may be deliberate (cursors for a large, growing collection).
    pub struct InconsistentPagination {
        id: "PAGE003",
        name: "inconsistent-pagination",
        side: Api,
        area: Pagination,
        severity: Warning,
        summary: "Collections page in different styles or with different parameter names.",
        fix: "Use one pagination style and one set of parameter names across the API.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // Every paging parameter of each GET: a list offering both `offset` and
    // `pageToken` follows both conventions.
    type Paged<'o, 'a> = Vec<(usize, Vec<(&'o Parameter<'a>, Style)>)>;
    let paged: Paged<'_, '_> = context
        .api
        .operations
        .iter()
        .enumerate()
        .filter(|(_, operation)| operation.method.is_read())
        .map(|(index, operation)| {
            let parameters: Vec<(&Parameter<'_>, Style)> = operation
                .parameters
                .iter()
                .filter(|parameter| parameter.location == "query")
                .filter_map(|parameter| {
                    super::style(parameter.name).map(|style| (parameter, style))
                })
                .collect();
            (index, parameters)
        })
        .filter(|(_, parameters)| !parameters.is_empty())
        .collect();
    // The usual way: the most common (style, name); ties go to the first seen.
    let key = |style: Style, name: &str| (style, super::normalized(name));
    let mut counts: Vec<((Style, String), usize)> = Vec::new();
    for (_, parameters) in &paged {
        for (parameter, style) in parameters {
            let this = key(*style, parameter.name);
            match counts.iter_mut().find(|(seen, _)| *seen == this) {
                Some((_, count)) => *count += 1,
                None => counts.push((this, 1)),
            }
        }
    }
    let Some(usual) = counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(usual, _)| usual.clone())
    else {
        return;
    };
    let Some(first_usual) = paged
        .iter()
        .flat_map(|(_, parameters)| parameters.iter())
        .find(|(parameter, style)| key(*style, parameter.name) == usual)
        .map(|(parameter, _)| *parameter)
    else {
        return;
    };
    // Each differing parameter once (shared ones are common), with its users.
    let mut differing: Grouped<usize, (&Parameter<'_>, Style)> = Grouped::new();
    for (index, parameters) in &paged {
        if parameters
            .iter()
            .any(|(parameter, style)| key(*style, parameter.name) == usual)
        {
            continue;
        }
        if let Some((parameter, style)) = parameters.first() {
            differing.add(parameter.at.identity(), *index, || (*parameter, *style));
        }
    }
    for ((parameter, style), operations) in differing.into_entries() {
        let users = context.api.describe_operations(&operations);
        // Another name for the same thing is a slip; another style may be
        // chosen on purpose (cursors for a large, growing collection).
        let (message, severity) = if style == usual.0 {
            let message = format!(
                "`{}` pages {users}, where the API usually uses `{}`",
                parameter.name, first_usual.name
            );
            (message, Severity::Warning)
        } else {
            let message = format!(
                "{} pagination (`{}`) in {users}, where the API usually uses {} (`{}`)",
                style.describe(),
                parameter.name,
                usual.0.describe(),
                first_usual.name
            );
            (message, Severity::Info)
        };
        out.report(parameter.at.place(), message)
            .severity(severity)
            .related(first_usual.at.place(), "the usual pagination");
    }
}

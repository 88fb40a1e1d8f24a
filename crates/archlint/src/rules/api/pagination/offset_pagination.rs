use crate::base::Emitter;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

use super::Style;

crate::declare_rule! {
    /// ## What it does
    /// Reports collection GETs that page by offset (`offset`, `skip`, `start`) or
    /// page number (`page`) instead of a cursor. A shared parameter is reported
    /// once, with how many operations use it.
    ///
    /// ## Why is this bad?
    /// The database must read and discard every skipped row, so deep pages get
    /// slower and slower (`OFFSET 100000`); and rows inserted or deleted between
    /// two requests make clients skip or repeat items. A cursor (the last seen
    /// key) stays fast and stable.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: offset, in: query, schema: {type: integer, minimum: 0}}
    ///       responses: {'200': {description: A page of orders.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: cursor, in: query, schema: {type: string, maxLength: 200}}
    ///       responses: {'200': {description: A page of orders.}}
    /// ```
    ///
    /// ## How to fix
    /// Page with an opaque cursor returned by the previous page (`next_cursor`
    /// in the body or a `Link` header).
    ///
    /// Severity: `info` — offsets are fine on small, stable collections.
    pub struct OffsetPagination {
        id: "PAGE002",
        name: "offset-pagination",
        side: Api,
        area: Pagination,
        severity: Info,
        summary: "A collection pages by offset or page number instead of a cursor.",
        fix: "Page with an opaque cursor (keyset pagination) instead of offset or page numbers.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut found = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        let Some((parameter, style)) = super::paging_parameter(operation) else {
            continue;
        };
        if style == Style::Cursor {
            continue;
        }
        found.add(parameter.at.identity(), index, || {
            (parameter.at.clone(), parameter.name, style)
        });
    }
    for ((at, name, style), operations) in found.into_entries() {
        let message = format!(
            "{} pagination (`{name}`) in {}; cursors stay fast and stable on deep pages",
            style.describe(),
            context.api.describe_operations(&operations)
        );
        out.report(at.place(), message);
    }
}

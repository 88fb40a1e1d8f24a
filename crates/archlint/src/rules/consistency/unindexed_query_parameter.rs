use super::{first_parameter_per_column, report};
use crate::base::Emitter;
use crate::link::{ParameterKind, ParameterLink};
use crate::rules::ConsistencyContext;
use crate::schema::index_likes;

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter that looks rows up, a query parameter of a
    /// collection `GET` that filters them, or a value of a `sort` parameter's
    /// enum, whose column leads no index (the primary key, a unique
    /// constraint or a plain, non-partial index). Each column is reported
    /// once, at the first parameter that uses it.
    ///
    /// ## Why is this bad?
    /// Every such request scans the whole table: fast in development, a
    /// timeout in production once the table grows. Offset pagination sorted by
    /// an unindexed column sorts the whole table for every page.
    ///
    /// ## Example
    ///
    /// An operation that filters orders by customer:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: customer_id, in: query, schema: {type: integer}}
    ///       responses:
    ///         '200': {description: The orders.}
    /// ```
    ///
    /// and the table behind it, with no index on `customer_id`:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(10, 2));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(10, 2));
    /// CREATE INDEX orders_customer_id_idx ON orders (customer_id);
    /// ```
    ///
    /// ## How to fix
    /// Add an index whose first column is the parameter's column, or stop
    /// offering the filter or sort.
    ///
    /// Severity: `warning`.
    pub struct UnindexedQueryParameter {
        id: "CONS009",
        name: "unindexed-query-parameter",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A lookup, filter or sort parameter's column leads no index.",
        fix: "Add an index that starts with the parameter's column.",
        check_both: check,
    }
}

/// Query parameters that make a collection offset-paginated.
const OFFSET_PARAMETERS: [&str; 3] = ["offset", "page", "skip"];

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for (link, operation, parameter) in
        first_parameter_per_column(context, |link| !is_indexed(link))
    {
        let column = format!("`{}`", link.table.object(&link.column.name));
        let label = operation.label();
        let offset = operation
            .parameters
            .iter()
            .any(|other| other.location == "query" && OFFSET_PARAMETERS.contains(&other.name));
        let message = match link.kind {
            ParameterKind::Lookup => format!(
                "`{label}` looks rows up by {column}, which no index leads: each request scans the table"
            ),
            ParameterKind::Filter => format!(
                "`{}` filters `{label}` by {column}, which no index leads: each request scans the table",
                parameter.name
            ),
            ParameterKind::Sort if offset => format!(
                "`{}` sorts `{label}` by {column}, which no index leads: every page of the offset pagination sorts the whole table",
                parameter.name
            ),
            ParameterKind::Sort => format!(
                "`{}` sorts `{label}` by {column}, which no index leads: each request sorts the table",
                parameter.name
            ),
        };
        let related = (
            link.table.place.clone(),
            format!("table `{}`", link.table.name),
        );
        report(out, parameter.at.place(), message, related, None);
    }
}

fn is_indexed(link: &ParameterLink<'_>) -> bool {
    index_likes(link.table).iter().any(|index| {
        !index.partial_or_special
            && index
                .columns
                .first()
                .is_some_and(|first| first.eq_ignore_ascii_case(&link.column.name))
    })
}

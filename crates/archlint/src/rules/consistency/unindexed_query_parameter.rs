use super::first_parameter_per_column;
use crate::base::words::{is_tenant, name_words};
use crate::base::Emitter;
use crate::link::{column_key, ColumnKind, ParameterKind, ParameterLink};
use crate::rules::ConsistencyContext;
use crate::schema::{lookup_indexes, Column};

crate::declare_rule! {
    /// ## What it does
    /// Reports a path parameter that looks rows up, a query parameter of a
    /// collection `GET` that filters them, or a value of a `sort` parameter's
    /// enum, whose column no index serves: none leads with it (the primary
    /// key, a unique constraint or a plain, non-partial index), not even
    /// after the columns that scope the query — those the operation's path
    /// names and tenant columns (`(tenant_id, name)` serves `GET
    /// /tenants/{tenant}/workflows?name=`). Boolean columns are left out (a
    /// b-tree index on two values rarely helps); JSON and array columns are
    /// served by a GIN index, which the finding recommends. Each column is
    /// reported once, at the first parameter that uses it.
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
    /// Add an index whose first column is the parameter's column (after the
    /// columns that scope every query, such as the tenant), a GIN index for
    /// JSON and array containment, or stop offering the filter or sort.
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
    for (link, operation, parameter) in first_parameter_per_column(context, |link| {
        !is_served(context, link) && ColumnKind::of(link.column) != ColumnKind::Boolean
    }) {
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
        let diagnostic = out.report(parameter.at.place(), message).related(
            link.table.place.clone(),
            format!("table `{}`", link.table.name),
        );
        if is_document(link.column) {
            diagnostic.help(format!(
                "Containment filters on JSON and arrays need a GIN index: CREATE INDEX ON {} USING gin ({});",
                link.table.name, link.column.name
            ));
        }
    }
}

/// Whether an index serves the parameter: led by its column, after the
/// columns that scope the query; for JSON and array columns, a GIN index.
fn is_served(context: &ConsistencyContext<'_, '_>, link: &ParameterLink<'_>) -> bool {
    if is_document(link.column) {
        return link.table.indexes.iter().any(|index| {
            index
                .method
                .as_deref()
                .is_some_and(|method| matches!(method, "gin" | "gist"))
                && index
                    .columns
                    .first()
                    .is_some_and(|first| first.eq_ignore_ascii_case(&link.column.name))
        });
    }
    let scope = scope_columns(context, link);
    let scoped = |column: &String| {
        scope
            .iter()
            .any(|scoped| scoped.eq_ignore_ascii_case(column))
    };
    let usable = lookup_indexes(link.table);
    let leads = usable.iter().any(|columns| {
        columns
            .iter()
            .find(|column| !scoped(column))
            .is_some_and(|first| first.eq_ignore_ascii_case(&link.column.name))
    });
    // A filter or sort within a tenant or a parent reads that scope's rows,
    // which an index led by the scope finds: no table-wide scan or sort. A
    // lookup needs the scope to name a parent (a customer's few rows), not
    // only a tenant (all of its rows).
    let tenant = |column: &String| is_tenant(&name_words(column));
    let within_scope = usable.iter().any(|columns| {
        let prefix: Vec<&String> = columns.iter().take_while(|column| scoped(column)).collect();
        !prefix.is_empty()
            && (link.kind != ParameterKind::Lookup || prefix.iter().any(|column| !tenant(column)))
    });
    leads || within_scope
}

/// JSON and array columns are searched by containment, which a GIN index serves.
fn is_document(column: &Column) -> bool {
    ColumnKind::of(column) == ColumnKind::Json || column.data_type.ends_with("[]")
}

/// The columns that scope the parameter's query: those the operation's path
/// parameters look rows up by (in this table), and tenant columns.
fn scope_columns(context: &ConsistencyContext<'_, '_>, link: &ParameterLink<'_>) -> Vec<String> {
    let mut scope: Vec<String> = link
        .table
        .columns
        .iter()
        .filter(|column| is_tenant(&name_words(&column.name)))
        .map(|column| column.name.clone())
        .collect();
    let path_keys: Vec<String> = context
        .operation(link.operation)
        .map(|operation| {
            operation
                .parameters
                .iter()
                .filter(|parameter| parameter.location == "path")
                .map(|parameter| column_key(parameter.name))
                .collect()
        })
        .unwrap_or_default();
    // Under a parent's path (`/customers/{id}/orders/{orderId}`), its
    // foreign key is pinned too, whatever the parameter is called.
    let nested = path_keys.len() > 1;
    for column in &link.table.columns {
        let key = column_key(&column.name);
        let named = path_keys
            .iter()
            .any(|parameter| *parameter == key || format!("{parameter}_id") == key);
        let parent = nested
            && link.table.foreign_keys.iter().any(|foreign| {
                foreign
                    .columns
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&column.name))
            });
        if (named || parent) && !std::ptr::eq(column, link.column) {
            scope.push(column.name.clone());
        }
    }
    scope
}

use crate::base::Emitter;
use crate::rules::api::report_gaps;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that documents neither a 5xx response nor a
    /// `default` response. When most operations lack one, a single finding (at
    /// the first) counts them, since one shared `default` response fixes all.
    /// An operation that takes no input (`GET /version`) is left out.
    ///
    /// ## Why is this bad?
    /// Every operation can fail on the server side. Without a documented error
    /// shape, clients cannot parse the body of a 500 or 503, and generated
    /// clients treat it as an unexpected exception.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
    ///       responses:
    ///         '200': {description: the orders}
    ///         '400': {description: invalid filter}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: status, in: query, schema: {type: string, enum: [open, paid]}}
    ///       responses:
    ///         '200': {description: the orders}
    ///         '400': {description: invalid filter}
    ///         default: {description: unexpected error}
    /// ```
    ///
    /// ## How to fix
    /// Add a `default` (or `5XX`) response with the API's error schema.
    ///
    /// Severity: `info` — most APIs document it once, through a shared component.
    pub struct MissingServerErrorResponse {
        id: "ERR002",
        name: "missing-server-error-response",
        side: Api,
        area: Errors,
        severity: Info,
        summary: "An operation documents no 5xx or default response.",
        fix: "Add a default (or 5XX) response with the API's error schema.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let operations = &context.api.operations;
    let mut gaps = Vec::new();
    for operation in operations {
        // `GET /version` answers a constant: it has no failure to describe.
        if !super::takes_input(context, operation) {
            continue;
        }
        let covered = operation
            .responses
            .iter()
            .any(|response| response.status == "default" || response.class() == Some(5));
        if !covered {
            let at = operation.responses_at.as_ref().unwrap_or(&operation.at);
            let message = format!(
                "`{}` documents no 5xx or default response",
                operation.label()
            );
            gaps.push((at.place(), message));
        }
    }
    let covered = operations.len() - gaps.len();
    report_gaps(out, gaps, covered, "operations");
}

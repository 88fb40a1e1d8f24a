use crate::base::Emitter;
use crate::openapi::Method;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a `requestBody` on a GET, HEAD or DELETE operation.
    ///
    /// ## Why is this bad?
    /// HTTP gives these methods no defined body semantics: proxies, caches,
    /// CDNs and client libraries drop or reject the body, and OpenAPI 3.0 says
    /// tools should ignore it.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /products/search:
    ///     get:
    ///       requestBody:
    ///         content: {application/json: {schema: {type: object}}}
    ///       responses: {'200': {description: Matching products.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /products/search:
    ///     post:
    ///       requestBody:
    ///         content: {application/json: {schema: {type: object}}}
    ///       responses: {'200': {description: Matching products.}}
    /// ```
    ///
    /// ## How to fix
    /// Move the input to query parameters, or use POST for complex queries.
    ///
    /// Severity: `warning`.
    pub struct BodyOnGet {
        id: "CONV004",
        name: "body-on-get",
        side: Api,
        area: Conventions,
        severity: Warning,
        summary: "A GET, HEAD or DELETE operation has a request body.",
        fix: "Use query parameters, or POST for complex queries.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    for operation in &context.api.operations {
        if !matches!(
            operation.method,
            Method::Get | Method::Head | Method::Delete
        ) {
            continue;
        }
        if let Some(body) = operation.at.get("requestBody") {
            let message = format!(
                "`{}` has a request body, which intermediaries may drop",
                operation.label()
            );
            out.report(body.place(), message);
        }
    }
}

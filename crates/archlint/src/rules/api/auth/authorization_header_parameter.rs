use crate::base::Emitter;
use crate::rules::api::Grouped;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a header parameter named `Authorization`. A shared parameter is
    /// reported once.
    ///
    /// ## Why is this bad?
    /// OpenAPI ignores it (the specification says such a parameter "SHALL be
    /// ignored"), so tools see an unsecured operation: generated clients, mock
    /// servers and security scanners do not know how to authenticate, and the
    /// credential's format goes undocumented.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       parameters:
    ///         - {name: Authorization, in: header, required: true, schema: {type: string}}
    ///       responses:
    ///         '200': {description: the orders}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:
    ///       security: [{bearer: []}]
    ///       responses:
    ///         '200': {description: the orders}
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer}
    /// ```
    ///
    /// ## How to fix
    /// Describe the credential as a security scheme and require it with `security`.
    ///
    /// Severity: `warning`.
    pub struct AuthorizationHeaderParameter {
        id: "AUTH008",
        name: "authorization-header-parameter",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "Authorization is declared as a header parameter instead of a security scheme.",
        fix: "Replace the parameter with a security scheme (http bearer, apiKey or oauth2) and a security requirement.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let mut found = Grouped::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        for parameter in &operation.parameters {
            if parameter.location == "header"
                && parameter.name.eq_ignore_ascii_case("authorization")
            {
                found.add(parameter.at.identity(), index, || parameter.at.clone());
            }
        }
    }
    for (at, operations) in found.into_entries() {
        let message = format!(
            "the `Authorization` header is declared as a parameter (by {}), which OpenAPI ignores",
            context.api.describe_operations(&operations)
        );
        out.report(at.place(), message);
    }
}

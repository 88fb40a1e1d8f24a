use crate::base::Emitter;
use crate::openapi::SecurityRequirement;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a security requirement (document or operation level) that names
    /// a scheme not defined under `components.securitySchemes`, or an OAuth 2
    /// scope that none of the scheme's flows declares.
    ///
    /// ## Why is this bad?
    /// Tools cannot know how to authenticate the operation: generated clients
    /// send no credentials, gateways generated from the description enforce
    /// nothing, and the documentation shows a requirement nobody can satisfy.
    ///
    /// ## Example
    /// ```yaml
    /// security:
    ///   - bearerAuth: []
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// security:
    ///   - bearer: []
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer}
    /// ```
    ///
    /// ## How to fix
    /// Use the exact name of a defined scheme, and declare every scope in the
    /// scheme's flows.
    ///
    /// Severity: `error` — the requirement cannot be met.
    pub struct UndefinedSecurityScheme {
        id: "AUTH005",
        name: "undefined-security-scheme",
        side: Api,
        area: Auth,
        severity: Error,
        summary: "A security requirement names an undefined scheme or scope.",
        fix: "Name a scheme defined in components.securitySchemes, and scopes its flows declare.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    let requirements = api.security.iter().flatten().chain(
        api.operations
            .iter()
            .flat_map(|operation| operation.security.iter().flatten()),
    );
    for requirement in requirements {
        check_requirement(context, requirement, out);
    }
}

fn check_requirement(
    context: &ApiContext<'_>,
    requirement: &SecurityRequirement<'_>,
    out: &mut Emitter,
) {
    for (name, scopes) in &requirement.schemes {
        let place = requirement.at.place_of(name);
        let Some(scheme) = context
            .api
            .security_schemes
            .iter()
            .find(|scheme| scheme.name == *name)
        else {
            let message = format!(
                "security requirement names `{name}`, which is not a defined security scheme"
            );
            out.report(place, message);
            continue;
        };
        if scheme.kind != Some("oauth2") {
            continue;
        }
        let Some(flows) = scheme.at.get("flows") else {
            continue;
        };
        for scope in scopes {
            let declared = flows.entries().any(|(_, flow)| {
                flow.get("scopes")
                    .is_some_and(|declared| declared.node.get(scope).is_some())
            });
            if !declared {
                let message =
                    format!("scope `{scope}` is not declared by any flow of OAuth scheme `{name}`");
                out.report(place.clone(), message);
            }
        }
    }
}

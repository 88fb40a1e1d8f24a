use super::public::is_public_by_design;
use crate::base::{Emitter, Place, Severity};
use crate::openapi::Operation;
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an operation that anyone can call while its neighbours require
    /// credentials: no security requirement applies to it (neither its own
    /// `security` nor the document's), or one of the requirements of a write
    /// operation is empty (`{}`, "anonymous allowed"; on reads this is a
    /// legitimate optional-authentication design).
    ///
    /// Operations that must be public by design are left out: signing in and
    /// up, account recovery and verification, OAuth 2.0 and OpenID Connect
    /// endpoints (`authorize`, `token`, `revoke`, `introspect`, callbacks,
    /// dynamic client registration), `/.well-known/*`, health and readiness
    /// probes, webhook receivers (the sender signs the request) and SAML
    /// assertion consumers. Operations made public explicitly with
    /// `security: []` are a choice: they are listed once, as information.
    /// When most operations, or all, have no security, that is one decision
    /// (authentication may live in a gateway): one finding counts them.
    ///
    /// ## Why is this bad?
    /// Broken authentication is the second item of the OWASP API Security Top 10.
    /// An unsecured write operation lets anyone change data; an unsecured read may
    /// expose it. An omission in the description usually means an omission in
    /// the gateway configuration generated from it.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses:
    ///         '201': {description: created}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// security:
    ///   - bearer: []
    /// paths:
    ///   /orders:
    ///     post:
    ///       security:
    ///         - bearer: []
    ///       responses:
    ///         '201': {description: created}
    /// components:
    ///   securitySchemes:
    ///     bearer: {type: http, scheme: bearer}
    /// ```
    ///
    /// ## How to fix
    /// Declare a security scheme and require it at document level; mark truly
    /// public read operations with `security: []`.
    ///
    /// Severity: `error` for a write operation (POST, PUT, PATCH, DELETE) left
    /// open among secured ones, `warning` for a read; `warning` for one finding
    /// about an API that is mostly or wholly open; `info` for the list of
    /// operations that are public by choice (`security: []`).
    pub struct OperationWithoutSecurity {
        id: "AUTH002",
        name: "operation-without-security",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "An operation can be called without any authentication.",
        fix: "Require a security scheme (at document or operation level); mark deliberate public reads with `security: []`.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    let considered: Vec<&Operation<'_>> = api
        .operations
        .iter()
        .filter(|operation| !is_public_by_design(operation))
        .collect();
    let mut open = Vec::new();
    let mut chosen = Vec::new();
    let mut anonymous = Vec::new();
    for operation in &considered {
        match operation.effective_security(api) {
            None => open.push(*operation),
            Some([]) if operation.security.is_some() => chosen.push(*operation),
            Some([]) => open.push(*operation),
            Some(requirements) => {
                let allows_anonymous = requirements
                    .iter()
                    .any(|requirement| requirement.schemes.is_empty());
                if allows_anonymous && operation.method.is_write() {
                    anonymous.push(*operation);
                }
            }
        }
    }
    let secured = considered.len() - open.len() - chosen.len();
    if !open.is_empty() && (secured == 0 || open.len() * 2 > considered.len()) {
        report_open_api(context, out, &open, considered.len(), secured);
    } else {
        for operation in open {
            let place = place_of(operation);
            let message = format!(
                "`{}` has no security requirement while the API's other operations do: anyone can call it",
                operation.label()
            );
            out.report(place, message)
                .severity(severity(operation.method.is_write()));
        }
    }
    for operation in anonymous {
        let message = format!(
            "write operation `{}` accepts anonymous calls: one of its security requirements is empty (`{{}}`)",
            operation.label()
        );
        out.report(place_of(operation), message);
    }
    if let Some(first) = chosen.first() {
        let labels: Vec<String> = chosen
            .iter()
            .take(5)
            .map(|operation| format!("`{}`", operation.label()))
            .collect();
        let more = match chosen.len() {
            count if count > 5 => format!(" and {} more", count - 5),
            _ => String::new(),
        };
        let message = format!(
            "{} {} public by choice (`security: []`): {}{more}",
            chosen.len(),
            if chosen.len() == 1 {
                "operation is"
            } else {
                "operations are"
            },
            labels.join(", ")
        );
        out.report(place_of(first), message)
            .severity(Severity::Info)
            .help("Check that each should be callable without credentials; no change is needed if so.");
    }
}

/// One finding for an API whose operations are mostly or wholly open.
fn report_open_api(
    context: &ApiContext<'_>,
    out: &mut Emitter,
    open: &[&Operation<'_>],
    considered: usize,
    secured: usize,
) {
    let api = &context.api;
    let writes = open
        .iter()
        .filter(|operation| operation.method.is_write())
        .count();
    let message = if secured == 0 {
        let declared = match api.security_schemes.is_empty() {
            true => "the API defines no security at all",
            false => "the API declares security schemes but no operation requires one",
        };
        format!(
            "{declared}: {} open to anyone, unless a gateway in front of it authenticates",
            counted(open.len(), writes)
        )
    } else {
        format!(
            "{} of the {considered} operations have no security requirement ({}): anyone can call them, unless a gateway in front of the API authenticates",
            open.len(),
            writes_among(writes)
        )
    };
    out.report(api.root.place_of("openapi"), message)
        .severity(Severity::Warning)
        .extent(open.len());
}

/// `its 3 operations (2 of them writes) are`, `its only operation is`.
fn counted(operations: usize, writes: usize) -> String {
    match operations {
        1 => "its only operation is".to_owned(),
        _ => format!("its {operations} operations ({}) are", writes_among(writes)),
    }
}

fn writes_among(writes: usize) -> String {
    match writes {
        0 => "all reads".to_owned(),
        1 => "1 of them a write".to_owned(),
        _ => format!("{writes} of them writes"),
    }
}

/// Where an operation's security is written, or the operation.
fn place_of(operation: &Operation<'_>) -> Place {
    operation
        .security_at
        .as_ref()
        .unwrap_or(&operation.at)
        .place()
}

fn severity(write: bool) -> Severity {
    if write {
        Severity::Error
    } else {
        Severity::Warning
    }
}

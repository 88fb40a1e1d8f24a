use crate::base::Emitter;
use crate::openapi::Operation;
use crate::rules::api::auth::scopes;
use crate::rules::ApiContext;
use std::collections::HashMap;

crate::declare_rule! {
    /// ## What it does
    /// Reports write operations (POST, PUT, PATCH, DELETE) whose scopes do not
    /// separate writing from reading: every scope they require is a read scope
    /// (`read`, `orders:read`, `orders.readonly`), or they require exactly the
    /// scopes of the GET on the same resource. Operations that inherit the
    /// document's `security` are reported once, at the document's `security`.
    ///
    /// ## Why is this bad?
    /// A token issued to a reporting dashboard can then delete data. Least
    /// privilege needs write scopes that read-only clients never receive.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:  {security: [{oauth: [orders]}]}
    ///     post: {security: [{oauth: [orders]}]}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:  {security: [{oauth: [orders:read]}]}
    ///     post: {security: [{oauth: [orders:write]}]}
    /// ```
    ///
    /// ## How to fix
    /// Define write scopes and require them on write operations.
    ///
    /// Severity: `warning`.
    pub struct WriteScopeNotSeparated {
        id: "AUTH006",
        name: "write-scope-not-separated",
        side: Api,
        area: Auth,
        severity: Warning,
        summary: "A write operation requires only read scopes, or the same scopes as reads.",
        fix: "Require a write scope (for example `orders:write`) on write operations.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // The sorted scopes of each path's GET.
    let reads: HashMap<&str, Vec<&str>> = context
        .api
        .operations
        .iter()
        .filter(|operation| operation.method.is_read())
        .map(|operation| {
            let mut scopes = scopes(context, operation);
            scopes.sort_unstable();
            (operation.path, scopes)
        })
        .collect();
    let mut inherited = Vec::new();
    for (index, operation) in context.api.operations.iter().enumerate() {
        if !operation.method.is_write() {
            continue;
        }
        let Some(problem) = problem(context, &reads, operation) else {
            continue;
        };
        match &operation.security_at {
            Some(own) => {
                let message = format!("write operation `{}` {problem}", operation.label());
                out.report(own.place(), message);
            }
            None => inherited.push(index),
        }
    }
    if let (Some(at), false) = (&context.api.security_at, inherited.is_empty()) {
        let message = format!(
            "the document's security gives write operations no write scope ({})",
            context.api.describe_operations(&inherited)
        );
        out.report(at.place(), message);
    }
}

fn problem(
    context: &ApiContext<'_>,
    reads: &HashMap<&str, Vec<&str>>,
    operation: &Operation<'_>,
) -> Option<&'static str> {
    let mut own = scopes(context, operation);
    if own.is_empty() {
        return None;
    }
    if own.iter().all(|scope| is_read_scope(scope)) {
        return Some("requires only read scopes");
    }
    own.sort_unstable();
    let resource = operation
        .path
        .trim_end_matches('/')
        .rsplit_once('/')
        .filter(|(_, last)| last.starts_with('{'))
        .map_or(operation.path, |(parent, _)| parent);
    let same_as_read = [operation.path, resource]
        .iter()
        .any(|path| reads.get(path).is_some_and(|read| *read == own));
    same_as_read.then_some("requires the same scopes as reading the resource")
}

/// `read`, `orders:read`, `read:orders`, `orders.readonly`, `https://.../auth/drive.readonly`.
fn is_read_scope(scope: &str) -> bool {
    let lower = scope.to_ascii_lowercase();
    lower
        .split([':', '.', '/', '_', '-'])
        .any(|part| part == "read" || part == "readonly")
}

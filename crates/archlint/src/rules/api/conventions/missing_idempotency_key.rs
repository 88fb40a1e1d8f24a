use crate::base::Emitter;
use crate::openapi::{Method, Operation};
use crate::rules::api::{documents_status, report_gaps};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports POST operations that create something (they document `201`)
    /// but accept no `Idempotency-Key` header (a `202` alone is as often an
    /// action queued, such as an asynchronous delete, which a retry does not
    /// duplicate). When most creating POSTs
    /// lack it, a single finding (at the first) says so; otherwise each one
    /// without it is reported.
    ///
    /// ## Why is this bad?
    /// POST is not idempotent. When a response is lost (timeout, dropped
    /// connection), the client cannot know whether the order was placed; retrying
    /// may place it twice. An idempotency key lets the server recognise the retry
    /// (IETF draft `Idempotency-Key` header, as used by Stripe and others).
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       responses: {'201': {description: Order placed.}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     post:
    ///       parameters:
    ///         - {name: Idempotency-Key, in: header, schema: {type: string, maxLength: 64}}
    ///       responses: {'201': {description: Order placed.}}
    /// ```
    ///
    /// ## How to fix
    /// Accept an `Idempotency-Key` header on creating POSTs and replay the first
    /// response for a repeated key.
    ///
    /// Severity: `info` — it matters where retries can duplicate side effects
    /// (payments, orders), which the description cannot tell.
    pub struct MissingIdempotencyKey {
        id: "CONV011",
        name: "missing-idempotency-key",
        side: Api,
        area: Conventions,
        severity: Info,
        summary: "A creating POST accepts no Idempotency-Key header.",
        fix: "Accept an Idempotency-Key header so clients can retry safely.",
        check_api: check,
    }
}

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    // 201 says a POST creates; a 202 is as often an action queued (a delete,
    // a resend), which a retry does not duplicate.
    let creating = context.api.operations.iter().filter(|operation| {
        operation.method == Method::Post && documents_status(operation, &["201"])
    });
    let mut gaps = Vec::new();
    let mut covered = 0;
    for operation in creating {
        if accepts_key(operation) {
            covered += 1;
            continue;
        }
        let message = format!(
            "`{}` accepts no `Idempotency-Key`: a retried request may create a duplicate",
            operation.label()
        );
        gaps.push((operation.at.place(), message));
    }
    report_gaps(out, gaps, covered, "creating POSTs");
}

fn accepts_key(operation: &Operation<'_>) -> bool {
    operation.parameters.iter().any(|parameter| {
        parameter.location == "header"
            && (parameter.name.eq_ignore_ascii_case("idempotency-key")
                || parameter.name.eq_ignore_ascii_case("x-idempotency-key"))
    })
}

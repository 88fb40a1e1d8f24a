use crate::base::{Emitter, Severity};
use crate::openapi::{Operation, SpecVersion};
use crate::rules::ApiContext;

crate::declare_rule! {
    /// ## What it does
    /// Swagger 2.0 only: reports operations that take or return a body while
    /// neither they nor the document declare `consumes` (request) or
    /// `produces` (response) media types, and form fields (`in: formData`)
    /// whose operation consumes no form media type. One finding per gap, with
    /// how many operations it touches.
    ///
    /// ## Why is this bad?
    /// Without `produces`, clients and generated SDKs guess the response
    /// format and send no `Accept` header; without `consumes`, they guess the
    /// `Content-Type` to send. Form fields sent as anything but
    /// `application/x-www-form-urlencoded` or `multipart/form-data` are not
    /// form fields at all (Swagger 2.0 requires one of the two).
    ///
    /// ## Example
    /// ```yaml
    /// swagger: "2.0"
    /// info: {title: Example, version: 1.0.0}
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: The orders., schema: {type: array, items: {type: object}}}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// swagger: "2.0"
    /// info: {title: Example, version: 1.0.0}
    /// produces: [application/json]
    /// paths:
    ///   /orders:
    ///     get:
    ///       responses:
    ///         '200': {description: The orders., schema: {type: array, items: {type: object}}}
    /// ```
    ///
    /// ## How to fix
    /// Declare `produces` and `consumes` at the top level (and per operation
    /// where one differs); list a form media type on operations with form fields.
    ///
    /// Severity: `info` for a missing list (clients assume JSON, usually
    /// rightly); `warning` for form fields without a form media type.
    pub struct UndeclaredMediaType {
        id: "DOC006",
        name: "undeclared-media-type",
        side: Api,
        area: Documentation,
        severity: Info,
        summary: "A Swagger 2.0 operation takes or returns a body with no declared media type.",
        fix: "Declare produces and consumes at the top level or on the operation.",
        check_api: check,
    }
}

const FORM_TYPES: [&str; 2] = ["application/x-www-form-urlencoded", "multipart/form-data"];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    if api.version != SpecVersion::V2_0 {
        return;
    }
    let mut no_produces = Vec::new();
    let mut no_consumes = Vec::new();
    for (index, operation) in api.operations.iter().enumerate() {
        let returns_body = operation.responses.iter().any(|r| !r.content.is_empty());
        if returns_body && declared(context, operation, "produces").is_none() {
            no_produces.push(index);
        }
        let Some(body) = &operation.request_body else {
            continue;
        };
        match declared(context, operation, "consumes") {
            None => no_consumes.push(index),
            Some(types) => {
                let form = body
                    .content
                    .iter()
                    .any(|media| FORM_TYPES.contains(&media.name));
                let lists_form = types
                    .iter()
                    .any(|name| FORM_TYPES.iter().any(|form| name.starts_with(form)));
                if form && !lists_form {
                    let message = format!(
                        "`{}` has form fields but consumes only {}: Swagger 2.0 sends form fields as `application/x-www-form-urlencoded` or `multipart/form-data`",
                        operation.label(),
                        types.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
                    );
                    let at = operation
                        .at
                        .get("consumes")
                        .unwrap_or_else(|| operation.at.clone());
                    out.report(at.place(), message)
                        .severity(Severity::Warning)
                        .help("Add `multipart/form-data` (with files) or `application/x-www-form-urlencoded` to the operation's consumes.");
                }
            }
        }
    }
    for (key, what, operations) in [
        ("produces", "the bodies they return", no_produces),
        ("consumes", "the bodies they take", no_consumes),
    ] {
        if operations.is_empty() {
            continue;
        }
        let message = format!(
            "no `{key}` at the top level, nor on {}: clients must guess the media type of {what}",
            api.describe_operations(&operations)
        );
        out.report(api.root.place_of("openapi"), message);
    }
}

/// The media types an operation declares for `key`, its own or the document's.
fn declared<'a>(
    context: &ApiContext<'a>,
    operation: &Operation<'a>,
    key: &str,
) -> Option<Vec<&'a str>> {
    let list = operation
        .at
        .get(key)
        .or_else(|| context.api.root.get(key))?;
    let names: Vec<&str> = list
        .node
        .items()
        .iter()
        .filter_map(|item| item.as_str())
        .collect();
    (!names.is_empty()).then_some(names)
}

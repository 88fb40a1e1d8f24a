use crate::base::Emitter;
use crate::rules::ApiContext;
use std::collections::BTreeSet;

use crate::base::source::FileId;
use crate::tree::{pointer, Node, Value};

crate::declare_rule! {
    /// ## What it does
    /// Reports a component of the root document (`components/schemas`,
    /// `responses`, `parameters`, `requestBodies`, `headers`, `examples`, `links`,
    /// `callbacks`, `pathItems`, and `securitySchemes`) that nothing uses: no
    /// `$ref` reachable from `paths`, `webhooks` or the document's other parts
    /// leads to it (nor a discriminator mapping), and, for security schemes, no
    /// security requirement names it. A document with neither `paths` nor
    /// `webhooks` is a component library and is not checked.
    ///
    /// ## Why is this bad?
    /// Dead components are read, reviewed and maintained for nothing, show up in
    /// documentation and generated SDKs as types no operation uses, and often
    /// mean an operation references an old copy of the same thing.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    ///     LegacyUser: {type: object}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     parameters:
    ///       - {name: id, in: path, required: true, schema: {type: string}}
    ///     get:
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}
    /// components:
    ///   schemas:
    ///     User: {type: object}
    /// ```
    ///
    /// ## How to fix
    /// Delete the component, or reference it where it was meant to be used.
    ///
    /// Severity: `info` — clutter that generators often emit, not a defect of the API.
    pub struct UnusedComponent {
        id: "DOC004",
        name: "unused-component",
        side: Api,
        area: Documentation,
        severity: Info,
        summary: "A component is defined but never used.",
        fix: "Delete the component, or reference it where it was meant to be used.",
        check_api: check,
    }
}

const SECTIONS: [&str; 9] = [
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "examples",
    "links",
    "callbacks",
    "pathItems",
];

fn check(context: &ApiContext<'_>, out: &mut Emitter) {
    let root = &context.api.root;
    if root.get("paths").is_none() && root.get("webhooks").is_none() {
        return;
    }
    let Some(components) = root.get("components") else {
        return;
    };
    let reached = reached_pointers(context);
    let used = |pointer: &str| {
        let prefix = format!("{pointer}/");
        reached.contains(&(root.file, pointer.to_owned()))
            || reached
                .range((root.file, prefix.clone())..)
                .next()
                .is_some_and(|(file, reached)| *file == root.file && reached.starts_with(&prefix))
    };
    for section in SECTIONS {
        let Some(entries) = components.get(section) else {
            continue;
        };
        for (name, component) in entries.entries() {
            if !used(&component.pointer) {
                let section: &str = match (context.api.version, section) {
                    (crate::openapi::SpecVersion::V2_0, "schemas") => "definitions",
                    (crate::openapi::SpecVersion::V2_0, "requestBodies") => "parameters",
                    (_, section) => section,
                };
                let message = format!("component `{section}/{name}` is never used");
                out.report(component.place(), message);
            }
        }
    }
    check_security_schemes(context, out);
}

fn check_security_schemes(context: &ApiContext<'_>, out: &mut Emitter) {
    let api = &context.api;
    let requirements = api.security.iter().flatten().chain(
        api.operations
            .iter()
            .flat_map(|op| op.security.iter().flatten()),
    );
    let named: BTreeSet<&str> = requirements
        .flat_map(|requirement| requirement.schemes.iter().map(|(name, _)| *name))
        .collect();
    let Some(schemes) = api
        .root
        .get("components")
        .and_then(|c| c.get("securitySchemes"))
    else {
        return;
    };
    for (name, scheme) in schemes.entries() {
        if !named.contains(name) {
            let message = format!("security scheme `{name}` is never required by any operation");
            out.report(scheme.place(), message);
        }
    }
}

/// The (file, pointer) of every `$ref` target reachable from the document
/// outside its `components`, following references transitively.
fn reached_pointers(context: &ApiContext<'_>) -> BTreeSet<(FileId, String)> {
    let documents = context.documents;
    let root = &context.api.root;
    let mut reached = BTreeSet::new();
    let mut stack: Vec<(FileId, &Node)> = root
        .node
        .members()
        .iter()
        .filter(|member| member.key != "components")
        .map(|member| (root.file, &member.value))
        .collect();
    while let Some((file, node)) = stack.pop() {
        match &node.value {
            Value::Object(members) => {
                for member in members {
                    let is_ref = member.key == "$ref";
                    let mapping = member.key == "mapping";
                    match &member.value.value {
                        Value::String(text) if is_ref => {
                            follow(documents, file, text, &mut reached, &mut stack)
                        }
                        // A discriminator's `mapping`, or a property named
                        // `mapping`: read it both ways.
                        Value::Object(entries) if mapping => {
                            for text in entries.iter().filter_map(|entry| entry.value.as_str()) {
                                follow_mapping(documents, file, text, &mut reached, &mut stack);
                            }
                            stack.push((file, &member.value));
                        }
                        _ => stack.push((file, &member.value)),
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().map(|item| (file, item))),
            _ => {}
        }
    }
    reached
}

/// Records where a reference leads and, the first time, walks the target.
fn follow<'a>(
    documents: &'a crate::openapi::Documents,
    file: FileId,
    text: &str,
    reached: &mut BTreeSet<(FileId, String)>,
    stack: &mut Vec<(FileId, &'a Node)>,
) {
    let Some(target) = documents.target(file, text) else {
        return;
    };
    if reached.insert((target.file, target.pointer.clone())) {
        stack.push((target.file, target.node));
    }
}

/// A discriminator mapping value: a reference (`#/components/schemas/Dog`,
/// `other.yaml#/Dog`) or a bare schema name (`Dog`).
fn follow_mapping<'a>(
    documents: &'a crate::openapi::Documents,
    file: FileId,
    text: &str,
    reached: &mut BTreeSet<(FileId, String)>,
    stack: &mut Vec<(FileId, &'a Node)>,
) {
    if documents.target(file, text).is_some() {
        return follow(documents, file, text, reached, stack);
    }
    let pointer = match text.strip_prefix('#') {
        Some(pointer) => pointer.to_owned(),
        None if !text.contains(['/', '#', '.']) => {
            format!("/components/schemas/{}", pointer::escape(text))
        }
        None => return,
    };
    let Some(node) = pointer::tokens(&pointer)
        .zip(documents.tree(file))
        .and_then(|(tokens, tree)| pointer::lookup(tree, &tokens))
    else {
        return;
    };
    if reached.insert((file, pointer)) {
        stack.push((file, node.node));
    }
}

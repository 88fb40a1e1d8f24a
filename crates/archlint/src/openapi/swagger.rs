//! Swagger 2.0 read as OpenAPI 3.0.
//!
//! The tree of a 2.0 document is rewritten into the 3.0 shape the model and
//! every rule already read, so nothing above this floor needs to know which
//! version a description was written in. Every node of the new tree keeps the
//! span of the 2.0 text it came from (so lines and columns are exact), and the
//! [`Grafts`] remember which 3.0 pointer stands for which 2.0 pointer, so that
//! findings name `/definitions/Pet/properties/name`, `/paths/~1pets/post/parameters/0/schema`
//! or `/schemes/0`, not the 3.0 places that exist only in memory.
//!
//! The mapping follows the 2.0 → 3.0 correspondence of the specification (and
//! of swagger2openapi): `host` + `basePath` + `schemes` → `servers`;
//! `consumes`/`produces` → media types; `in: body` → `requestBody`;
//! `in: formData` → a form body (multipart when a parameter is a `file`);
//! `definitions`, `parameters`, `responses`, `securityDefinitions` →
//! `components`; `collectionFormat` → `style`/`explode`; `x-nullable` →
//! `nullable`; OAuth 2.0 `flow` → `flows` (`application` is
//! `clientCredentials`, `accessCode` is `authorizationCode`).

use std::collections::HashMap;

use crate::base::source::Span;
use crate::tree::{pointer, Member, Node, Value};

/// Whether a parsed root is a Swagger 2.x document.
pub fn is_swagger2(root: &Node) -> bool {
    root.get("swagger")
        .is_some_and(|version| swagger_version(version).starts_with('2'))
}

/// The `swagger` field as text (`2.0`, also when written as a number).
pub fn swagger_version(node: &Node) -> String {
    match &node.value {
        Value::String(text) => text.clone(),
        Value::Number(number) => format!("{:?}", number.value),
        _ => String::new(),
    }
}

/// 3.0 pointer → the 2.0 pointer it was made from, at each place the shapes part.
#[derive(Debug, Default)]
pub struct Grafts {
    map: HashMap<String, String>,
}

impl Grafts {
    fn add(&mut self, converted: &str, original: &str) {
        if converted != original {
            self.map
                .entry(converted.to_owned())
                .or_insert_with(|| original.to_owned());
        }
    }

    /// Like [`Grafts::add`], replacing an earlier graft of the same place.
    fn set(&mut self, converted: &str, original: &str) {
        self.map.insert(converted.to_owned(), original.to_owned());
    }

    /// The 2.0 pointer of a node of the converted tree: the longest grafted
    /// prefix, replaced; pointers below an unchanged subtree are the same.
    pub fn original(&self, converted: &str) -> String {
        let mut end = converted.len();
        loop {
            let (Some(prefix), Some(rest)) = (converted.get(..end), converted.get(end..)) else {
                return converted.to_owned();
            };
            if let Some(original) = self.map.get(prefix) {
                return format!("{original}{rest}");
            }
            match prefix.rfind('/') {
                Some(slash) => end = slash,
                None => return converted.to_owned(),
            }
        }
    }

    /// Translates a pointer written against the 2.0 layout (`/definitions/Pet`,
    /// in a `$ref` from another file) into the converted tree's.
    pub fn translate_tokens(tokens: &[String], converted_root: &Node) -> Vec<String> {
        let section = |name: &str| {
            let mut out = vec!["components".to_owned(), name.to_owned()];
            out.extend(tokens.iter().skip(1).cloned());
            out
        };
        match tokens.first().map(String::as_str) {
            Some("definitions") => section("schemas"),
            Some("responses") => section("responses"),
            Some("securityDefinitions") => section("securitySchemes"),
            Some("parameters") => {
                let name = tokens.get(1).map(String::as_str).unwrap_or_default();
                let is_body = converted_root
                    .get("components")
                    .and_then(|components| components.get("requestBodies"))
                    .and_then(|bodies| bodies.get(name))
                    .is_some();
                section(if is_body {
                    "requestBodies"
                } else {
                    "parameters"
                })
            }
            _ => tokens.to_vec(),
        }
    }
}

/// A 2.0 document in the 3.0 shape, and where its parts came from.
pub struct Converted {
    pub root: Node,
    pub grafts: Grafts,
}

/// Rewrites a Swagger 2.0 root (see the module documentation).
pub fn convert(root: &Node) -> Converted {
    let mut converter = Converter {
        root,
        grafts: Grafts::default(),
    };
    let converted = converter.document();
    Converted {
        root: converted,
        grafts: converter.grafts,
    }
}

/// A file that a 2.0 document references without being one (a file of
/// definitions): its schemas' 2.0 spellings rewritten, nothing moved.
pub fn convert_fragment(root: &Node) -> Converted {
    let mut converter = Converter {
        root,
        grafts: Grafts::default(),
    };
    let converted = if is_path_item(root) {
        converter.path_item(root, "")
    } else {
        converter.schema(root, "", false)
    };
    Converted {
        root: converted,
        grafts: converter.grafts,
    }
}

/// A path item split into its own file: an operation (a method with `responses`).
fn is_path_item(node: &Node) -> bool {
    METHODS
        .iter()
        .filter_map(|method| node.get(method))
        .any(|operation| operation.get("responses").is_some())
}

struct Converter<'s> {
    root: &'s Node,
    grafts: Grafts,
}

/// One member being built: its key, the span findings about it cover, and the value.
fn member(key: &str, key_span: Span, value: Node) -> Member {
    Member {
        key: key.to_owned(),
        key_span,
        value,
    }
}

fn object(members: Vec<Member>, span: Span) -> Node {
    Node::new(Value::Object(members), span)
}

fn string(text: &str, span: Span) -> Node {
    Node::new(Value::String(text.to_owned()), span)
}

/// Operation keys of a 2.0 path item.
const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// Parameter fields that describe its value: in 3.0 they live in `schema`.
const VALUE_FIELDS: [&str; 18] = [
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
    "example",
];

/// Media types of a form body.
const FORM_TYPES: [&str; 2] = ["application/x-www-form-urlencoded", "multipart/form-data"];

/// The media types that apply to an operation: its own list, or the document's.
struct MediaTypes<'s> {
    /// Each name, with its node and its 2.0 pointer.
    names: Vec<(&'s str, Span, String)>,
    /// No list of the operation's own: the document's (or none) applies.
    from_document: bool,
    /// The 2.0 pointer of the list in force.
    list_at: Option<String>,
}

impl<'s> Converter<'s> {
    fn document(&mut self) -> Node {
        let root = self.root;
        let mut members = Vec::new();
        for source in root.members() {
            match source.key.as_str() {
                "swagger" => {
                    // The version the model and findings read; it points at `swagger`.
                    let version = swagger_version(&source.value);
                    members.push(member(
                        "openapi",
                        source.key_span,
                        string(&version, source.value.span),
                    ));
                    self.grafts.add("/openapi", "/swagger");
                }
                // `consumes`/`produces` stay for the rules that check 2.0's media types.
                "host"
                | "basePath"
                | "schemes"
                | "definitions"
                | "parameters"
                | "responses"
                | "securityDefinitions" => {}
                "paths" => {
                    members.push(member("paths", source.key_span, self.paths(&source.value)))
                }
                _ => members.push(source.clone()),
            }
        }
        if let Some(servers) = self.servers(root.get("schemes"), "/servers", "") {
            members.push(servers);
        }
        if let Some(components) = self.components() {
            members.push(components);
        }
        object(members, root.span)
    }

    /// `servers` from `host`, `basePath` and `schemes` (the document's, or an
    /// operation's own `schemes`).
    fn servers(
        &mut self,
        schemes: Option<&Node>,
        converted: &str,
        schemes_owner: &str,
    ) -> Option<Member> {
        let root = self.root;
        let host = root.member("host");
        let base = root.member("basePath");
        let host_text = host.and_then(|m| m.value.as_str()).unwrap_or_default();
        let base_text = base.and_then(|m| m.value.as_str()).unwrap_or_default();
        let scheme_list: Vec<(usize, &Node)> = schemes
            .map(|list| list.items().iter().enumerate().collect())
            .unwrap_or_default();
        if host.is_none() && base.is_none() && scheme_list.is_empty() {
            return None;
        }
        let schemes_pointer = pointer::push(schemes_owner, "schemes");
        // Where `servers` as a whole is: the document's path (versions live
        // there) or host, else the schemes.
        let document_level = schemes_owner.is_empty();
        let (anchor, anchor_pointer) = match (schemes, host, base) {
            (_, _, Some(base)) if document_level => (base.span(), "/basePath".to_owned()),
            (_, Some(host), _) if document_level => (host.span(), "/host".to_owned()),
            (Some(list), _, _) if !scheme_list.is_empty() => (list.span, schemes_pointer.clone()),
            _ => (root.span, String::new()),
        };
        // The part of the URL a finding is most likely about: the scheme when it
        // is `http`, else the path (versions live there), else the host.
        let path_anchor = base
            .map(|m| (m.value.span, "/basePath"))
            .or_else(|| host.map(|m| (m.value.span, "/host")));
        let mut servers = Vec::new();
        let mut add =
            |grafts: &mut Grafts, url: String, at: (Span, String), server_at: (Span, String)| {
                let index = servers.len().to_string();
                let server_pointer = pointer::push(converted, &index);
                grafts.add(&server_pointer, &server_at.1);
                grafts.add(&pointer::push(&server_pointer, "url"), &at.1);
                let url_member = member("url", at.0, string(&url, at.0));
                servers.push(object(vec![url_member], server_at.0));
            };
        let base_part = if base_text.is_empty() || base_text.starts_with('/') {
            base_text.to_owned()
        } else {
            format!("/{base_text}")
        };
        if scheme_list.is_empty() {
            let url = if host_text.is_empty() {
                base_part.clone()
            } else {
                format!("//{host_text}{base_part}")
            };
            let at = path_anchor.map_or((anchor, anchor_pointer.clone()), |(span, p)| {
                (span, p.to_owned())
            });
            add(&mut self.grafts, url, at, (anchor, anchor_pointer.clone()));
        }
        for (index, scheme) in scheme_list {
            let scheme_text = scheme.as_str().unwrap_or_default();
            let item_pointer = pointer::push(&schemes_pointer, &index.to_string());
            let url = format!("{scheme_text}://{host_text}{base_part}");
            let at = match path_anchor {
                Some((span, p)) if scheme_text != "http" => (span, p.to_owned()),
                _ => (scheme.span, item_pointer.clone()),
            };
            add(&mut self.grafts, url, at, (scheme.span, item_pointer));
        }
        self.grafts.add(converted, &anchor_pointer);
        Some(member(
            "servers",
            anchor,
            Node::new(Value::Array(servers), anchor),
        ))
    }

    fn components(&mut self) -> Option<Member> {
        let root = self.root;
        let mut members = Vec::new();
        if let Some(definitions) = root.member("definitions") {
            self.grafts.add("/components/schemas", "/definitions");
            let schemas = self.schema(&definitions.value, "/components/schemas", true);
            members.push(member("schemas", definitions.key_span, schemas));
        }
        if let Some(parameters) = root.member("parameters") {
            let (plain, bodies) = self.shared_parameters(parameters);
            if !plain.is_empty() {
                members.push(member(
                    "parameters",
                    parameters.key_span,
                    object(plain, parameters.value.span),
                ));
            }
            if !bodies.is_empty() {
                members.push(member(
                    "requestBodies",
                    parameters.key_span,
                    object(bodies, parameters.value.span),
                ));
            }
        }
        if let Some(responses) = root.member("responses") {
            let produces = self.media_types(None, "produces");
            members.push(
                self.section(responses, "responses", |converter, node, at, original| {
                    converter.response(node, at, original, &produces)
                }),
            );
        }
        if let Some(schemes) = root.member("securityDefinitions") {
            members.push(self.section(schemes, "securitySchemes", Converter::security_scheme));
        }
        if members.is_empty() {
            return None;
        }
        let span = members
            .iter()
            .map(Member::span)
            .reduce(Span::cover)
            .unwrap_or(root.span);
        Some(member("components", span, object(members, span)))
    }

    /// A 2.0 section of named entries (`responses`, `securityDefinitions`) as
    /// `components/<name>`, each entry converted with its 3.0 and 2.0 pointers.
    fn section(
        &mut self,
        source: &Member,
        name: &str,
        convert: impl Fn(&mut Self, &Node, &str, &str) -> Node,
    ) -> Member {
        let converted_at = pointer::push("/components", name);
        let original_at = pointer::push("", &source.key);
        self.grafts.add(&converted_at, &original_at);
        let entries = source
            .value
            .members()
            .iter()
            .map(|entry| {
                let at = pointer::push(&converted_at, &entry.key);
                let original = pointer::push(&original_at, &entry.key);
                let value = convert(self, &entry.value, &at, &original);
                member(&entry.key, entry.key_span, value)
            })
            .collect();
        member(name, source.key_span, object(entries, source.value.span))
    }

    /// The document's `parameters`: plain ones stay parameters, body ones become
    /// request bodies; form fields are folded into each operation's form body.
    fn shared_parameters(&mut self, parameters: &Member) -> (Vec<Member>, Vec<Member>) {
        let consumes = self.media_types(None, "consumes");
        let mut plain = Vec::new();
        let mut bodies = Vec::new();
        for entry in parameters.value.members() {
            let original = pointer::push("/parameters", &entry.key);
            match entry.value.get("in").and_then(Node::as_str) {
                Some("body") => {
                    let at = pointer::push("/components/requestBodies", &entry.key);
                    let body = self.request_body(&entry.value, &at, &original, &consumes);
                    bodies.push(member(&entry.key, entry.key_span, body));
                }
                Some("formData") => {}
                _ => {
                    let at = pointer::push("/components/parameters", &entry.key);
                    self.grafts.add(&at, &original);
                    let parameter = self.parameter(&entry.value, &at, &original);
                    plain.push(member(&entry.key, entry.key_span, parameter));
                }
            }
        }
        (plain, bodies)
    }

    fn paths(&mut self, paths: &'s Node) -> Node {
        let members = paths
            .members()
            .iter()
            .map(|entry| {
                let at = pointer::push("/paths", &entry.key);
                let value = if entry.key.starts_with("x-") {
                    entry.value.clone()
                } else {
                    self.path_item(&entry.value, &at)
                };
                member(&entry.key, entry.key_span, value)
            })
            .collect();
        object(members, paths.span)
    }

    fn path_item(&mut self, item: &'s Node, at: &str) -> Node {
        if !item.is_object() {
            return item.clone();
        }
        let shared = item.member("parameters");
        let mut members = Vec::new();
        for source in item.members() {
            let key = source.key.as_str();
            if METHODS.contains(&key) && source.value.is_object() {
                let operation_at = pointer::push(at, key);
                let operation = self.operation(&source.value, &operation_at, shared, at);
                members.push(member(key, source.key_span, operation));
            } else if key == "parameters" {
                // Body and form parameters of a path item move into each operation.
                let kept = self.parameter_list(&source.value, at, at);
                members.push(member(key, source.key_span, kept));
            } else {
                members.push(source.clone());
            }
        }
        object(members, item.span)
    }

    fn operation(
        &mut self,
        operation: &'s Node,
        at: &str,
        shared: Option<&'s Member>,
        item_at: &str,
    ) -> Node {
        let consumes = self.media_types(Some((operation, at)), "consumes");
        let produces = self.media_types(Some((operation, at)), "produces");
        let mut members = Vec::new();
        for source in operation.members() {
            match source.key.as_str() {
                "schemes" => {}
                "parameters" => {
                    let kept = self.parameter_list(&source.value, at, at);
                    members.push(member("parameters", source.key_span, kept));
                }
                "responses" => {
                    let responses_at = pointer::push(at, "responses");
                    let converted = source
                        .value
                        .members()
                        .iter()
                        .map(|entry| {
                            let response_at = pointer::push(&responses_at, &entry.key);
                            let value = if entry.key.starts_with("x-") {
                                entry.value.clone()
                            } else {
                                self.response(&entry.value, &response_at, &response_at, &produces)
                            };
                            member(&entry.key, entry.key_span, value)
                        })
                        .collect();
                    members.push(member(
                        "responses",
                        source.key_span,
                        object(converted, source.value.span),
                    ));
                }
                _ => members.push(source.clone()),
            }
        }
        if let Some(schemes) = operation.get("schemes") {
            let servers_at = pointer::push(at, "servers");
            if let Some(servers) = self.servers(Some(schemes), &servers_at, at) {
                members.push(servers);
            }
        }
        let sources = [
            operation.member("parameters").map(|list| (list, at)),
            shared.map(|list| (list, item_at)),
        ];
        if let Some(body) = self.body(&sources, at, &consumes) {
            members.push(body);
        }
        object(members, operation.span)
    }

    /// Keeps the plain parameters of a list (resolving nothing: `$ref`s are
    /// renamed), leaving body and form parameters to [`Converter::body`].
    fn parameter_list(&mut self, list: &Node, at: &str, original_owner: &str) -> Node {
        let list_at = pointer::push(at, "parameters");
        let original_list = pointer::push(original_owner, "parameters");
        let mut kept = Vec::new();
        for (index, entry) in list.items().iter().enumerate() {
            let original = pointer::push(&original_list, &index.to_string());
            if self.moves_to_body(entry) {
                continue;
            }
            let converted = pointer::push(&list_at, &kept.len().to_string());
            self.grafts.add(&converted, &original);
            let parameter = match entry.get("$ref").and_then(Node::as_str) {
                Some(text) => reference(entry, text),
                None => self.parameter(entry, &converted, &original),
            };
            kept.push(parameter);
        }
        Node::new(Value::Array(kept), list.span)
    }

    /// A body or form parameter (a local `$ref` followed): part of the request body.
    fn moves_to_body(&self, entry: &Node) -> bool {
        let location = match self.shared(entry) {
            Some((node, _)) => node.get("in").and_then(Node::as_str),
            None => entry.get("in").and_then(Node::as_str),
        };
        matches!(location, Some("body" | "formData"))
    }

    /// The parameter itself (a local `$ref` followed) and its 2.0 pointer when shared.
    fn shared(&self, entry: &Node) -> Option<(&'s Node, Option<String>)> {
        let root: &'s Node = self.root;
        match entry.get("$ref").and_then(Node::as_str) {
            Some(text) => {
                let name = text.strip_prefix("#/parameters/")?;
                let name = name.replace("~1", "/").replace("~0", "~");
                let node = root.get("parameters")?.get(&name)?;
                Some((node, Some(pointer::push("/parameters", &name))))
            }
            // An inline parameter: callers use the entry itself.
            None => None,
        }
    }

    /// A plain (query, path, header) parameter: its value fields move into `schema`.
    fn parameter(&mut self, parameter: &Node, at: &str, original: &str) -> Node {
        if !parameter.is_object() {
            return parameter.clone();
        }
        let mut members = Vec::new();
        let mut schema = Vec::new();
        for source in parameter.members() {
            let key = source.key.as_str();
            if VALUE_FIELDS.contains(&key) {
                let field_at = pointer::push(&pointer::push(at, "schema"), key);
                let field_original = pointer::push(original, key);
                schema.push(self.schema_member(source, &field_at, &field_original));
            } else if key == "collectionFormat" {
                members.extend(self.style(parameter, source, at, original));
            } else {
                members.push(source.clone());
            }
        }
        if !schema.is_empty() {
            let span = schema
                .iter()
                .map(Member::span)
                .reduce(Span::cover)
                .unwrap_or(parameter.span);
            self.grafts.add(&pointer::push(at, "schema"), original);
            let key_span = schema.first().map_or(span, |first| first.key_span);
            members.push(member("schema", key_span, object(schema, span)));
        }
        object(members, parameter.span)
    }

    /// `collectionFormat` as `style` and `explode`.
    fn style(
        &mut self,
        parameter: &Node,
        format: &Member,
        at: &str,
        original: &str,
    ) -> Vec<Member> {
        let location = parameter
            .get("in")
            .and_then(Node::as_str)
            .unwrap_or("query");
        let simple = if location == "query" {
            "form"
        } else {
            "simple"
        };
        let (style, explode) = match format.value.as_str().unwrap_or("csv") {
            "multi" => ("form", true),
            "ssv" => ("spaceDelimited", false),
            "pipes" => ("pipeDelimited", false),
            // `tsv` has no 3.0 style; `csv` is the default.
            _ => (simple, false),
        };
        let format_at = pointer::push(original, "collectionFormat");
        self.grafts.add(&pointer::push(at, "style"), &format_at);
        self.grafts.add(&pointer::push(at, "explode"), &format_at);
        vec![
            member("style", format.key_span, string(style, format.value.span)),
            member(
                "explode",
                format.key_span,
                Node::new(Value::Bool(explode), format.value.span),
            ),
        ]
    }

    /// The request body of an operation, from its body parameter or its form
    /// fields (the operation's own, then the path item's).
    fn body(
        &mut self,
        sources: &[Option<(&'s Member, &str)>],
        at: &str,
        consumes: &MediaTypes<'s>,
    ) -> Option<Member> {
        let body_at = pointer::push(at, "requestBody");
        let mut fields: Vec<(&'s Node, String)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (list, owner) in sources.iter().flatten() {
            let list_original = pointer::push(owner, "parameters");
            for (index, entry) in list.value.items().iter().enumerate() {
                let entry_at = pointer::push(&list_original, &index.to_string());
                let (node, original) = match self.shared(entry) {
                    Some((node, Some(shared_at))) => (node, shared_at),
                    _ => (entry, entry_at.clone()),
                };
                let name = node.get("name").and_then(Node::as_str).unwrap_or_default();
                match node.get("in").and_then(Node::as_str) {
                    Some("body") if !seen.contains(&"\u{0}body") => {
                        seen.push("\u{0}body");
                        if let (Some(text), true) = (
                            entry.get("$ref").and_then(Node::as_str),
                            consumes.from_document,
                        ) {
                            let name = text.trim_start_matches("#/parameters/");
                            let text = format!("#/components/requestBodies/{name}");
                            self.grafts.add(&body_at, &entry_at);
                            return Some(member(
                                "requestBody",
                                entry.span,
                                reference(entry, &text),
                            ));
                        }
                        // The body is where the operation names it; its schema
                        // stays where it is written.
                        self.grafts.set(&body_at, &entry_at);
                        let mut body = self.request_body(node, &body_at, &original, consumes);
                        body.span = entry.span;
                        return Some(member("requestBody", entry.span, body));
                    }
                    Some("formData") if !seen.contains(&name) => {
                        seen.push(name);
                        fields.push((node, original));
                    }
                    _ => {}
                }
            }
        }
        if fields.is_empty() {
            return None;
        }
        Some(self.form_body(&fields, &body_at, consumes))
    }

    /// `in: body`: its schema under each media type the operation consumes.
    fn request_body(
        &mut self,
        parameter: &Node,
        at: &str,
        original: &str,
        consumes: &MediaTypes<'s>,
    ) -> Node {
        self.grafts.add(at, original);
        let mut members = Vec::new();
        for key in ["description", "required"] {
            if let Some(source) = parameter.member(key) {
                members.push(source.clone());
            }
        }
        members.extend(
            parameter
                .members()
                .iter()
                .filter(|m| m.key.starts_with("x-"))
                .cloned(),
        );
        if let Some(schema) = parameter.member("schema") {
            let content_at = pointer::push(at, "content");
            let content = self.content(
                schema,
                &content_at,
                &pointer::push(original, "schema"),
                consumes,
                &[],
            );
            members.push(member("content", schema.key_span, content));
        }
        object(members, parameter.span)
    }

    /// `content` with the same schema under each media type.
    fn content(
        &mut self,
        schema: &Member,
        at: &str,
        schema_original: &str,
        media: &MediaTypes<'s>,
        fallback: &[&str],
    ) -> Node {
        self.grafts.add(at, &media.pointer_or(schema_original));
        let defaults: Vec<(&str, Span, String)> = if media.names.is_empty() {
            let names: &[&str] = if fallback.is_empty() {
                &["application/json"]
            } else {
                fallback
            };
            names
                .iter()
                .map(|name| (*name, schema.key_span, schema_original.to_owned()))
                .collect()
        } else {
            media
                .names
                .iter()
                .map(|(name, span, p)| (*name, *span, p.clone()))
                .collect()
        };
        let mut entries = Vec::new();
        for (name, span, name_original) in defaults {
            let media_at = pointer::push(at, name);
            self.grafts.add(&media_at, &name_original);
            let schema_at = pointer::push(&media_at, "schema");
            self.grafts.add(&schema_at, schema_original);
            let converted = self.schema(&schema.value, &schema_at, false);
            let schema_member = member("schema", schema.key_span, converted);
            entries.push(member(
                name,
                span,
                object(vec![schema_member], schema.span()),
            ));
        }
        object(entries, schema.span())
    }

    /// `in: formData` fields as the properties of one object schema.
    fn form_body(
        &mut self,
        fields: &[(&'s Node, String)],
        at: &str,
        consumes: &MediaTypes<'s>,
    ) -> Member {
        let has_file = fields
            .iter()
            .any(|(node, _)| node.get("type").and_then(Node::as_str) == Some("file"));
        let span = fields
            .iter()
            .map(|(node, _)| node.span)
            .reduce(Span::cover)
            .unwrap_or_default();
        let first_original = fields.first().map(|(_, p)| p.clone()).unwrap_or_default();
        self.grafts.add(at, &first_original);
        let content_at = pointer::push(at, "content");
        let form_names: Vec<(&str, Span, String)> = consumes
            .names
            .iter()
            .filter(|(name, _, _)| FORM_TYPES.iter().any(|form| name.starts_with(form)))
            .map(|(name, span, p)| (*name, *span, p.clone()))
            .collect();
        let names = if form_names.is_empty() {
            let default = if has_file {
                FORM_TYPES[1]
            } else {
                FORM_TYPES[0]
            };
            vec![(default, span, first_original.clone())]
        } else {
            form_names
        };
        self.grafts.add(&content_at, &first_original);
        let mut entries = Vec::new();
        for (name, name_span, name_original) in names {
            let media_at = pointer::push(&content_at, name);
            self.grafts.add(&media_at, &name_original);
            let schema_at = pointer::push(&media_at, "schema");
            self.grafts.add(&schema_at, &first_original);
            let properties_at = pointer::push(&schema_at, "properties");
            let mut properties = Vec::new();
            let mut required = Vec::new();
            for (node, original) in fields {
                let name_member = node.member("name");
                let field_name = name_member
                    .and_then(|m| m.value.as_str())
                    .unwrap_or_default();
                let key_span = name_member.map_or(node.span, |m| m.value.span);
                let property_at = pointer::push(&properties_at, field_name);
                let property = self.field_schema(node, &property_at, original);
                properties.push(member(field_name, key_span, property));
                if let Some(flag) = node
                    .member("required")
                    .filter(|m| m.value.as_bool() == Some(true))
                {
                    required.push(string(field_name, flag.span()));
                }
            }
            // Form fields are a closed list: the server reads the declared ones.
            let mut schema = vec![
                member("type", span, string("object", span)),
                member("properties", span, object(properties, span)),
                member(
                    "additionalProperties",
                    span,
                    Node::new(Value::Bool(false), span),
                ),
            ];
            if !required.is_empty() {
                schema.push(member(
                    "required",
                    span,
                    Node::new(Value::Array(required), span),
                ));
            }
            let schema_member = member("schema", span, object(schema, span));
            entries.push(member(name, name_span, object(vec![schema_member], span)));
        }
        let content = member("content", span, object(entries, span));
        member("requestBody", span, object(vec![content], span))
    }

    /// A form field as a property schema (`type: file` is a binary string).
    fn field_schema(&mut self, field: &Node, at: &str, original: &str) -> Node {
        self.grafts.add(at, original);
        let mut members = Vec::new();
        for source in field.members() {
            let key = source.key.as_str();
            if VALUE_FIELDS.contains(&key) || key == "description" {
                let field_at = pointer::push(at, key);
                let field_original = pointer::push(original, key);
                members.push(self.schema_member(source, &field_at, &field_original));
            }
        }
        self.file_as_binary(&mut members, at, original);
        object(members, field.span)
    }

    /// A response: its schema under each media type produced, its headers' value
    /// fields under `schema`, its `examples` as each media type's `example`.
    fn response(
        &mut self,
        response: &Node,
        at: &str,
        original: &str,
        produces: &MediaTypes<'s>,
    ) -> Node {
        self.grafts.add(at, original);
        if let Some(text) = response.get("$ref").and_then(Node::as_str) {
            return reference(response, text);
        }
        if !response.is_object() {
            return response.clone();
        }
        let mut members = Vec::new();
        for source in response.members() {
            match source.key.as_str() {
                "schema" => {
                    let content_at = pointer::push(at, "content");
                    let schema_original = pointer::push(original, "schema");
                    let mut content =
                        self.content(source, &content_at, &schema_original, produces, &[]);
                    self.examples(response, &mut content, &content_at, original);
                    members.push(member("content", source.key_span, content));
                }
                "examples" => {}
                "headers" => {
                    let headers_at = pointer::push(at, "headers");
                    let headers_original = pointer::push(original, "headers");
                    let converted = source
                        .value
                        .members()
                        .iter()
                        .map(|header| {
                            let header_at = pointer::push(&headers_at, &header.key);
                            let header_original = pointer::push(&headers_original, &header.key);
                            member(
                                &header.key,
                                header.key_span,
                                self.parameter(&header.value, &header_at, &header_original),
                            )
                        })
                        .collect();
                    members.push(member(
                        "headers",
                        source.key_span,
                        object(converted, source.value.span),
                    ));
                }
                _ => members.push(source.clone()),
            }
        }
        object(members, response.span)
    }

    /// 2.0 `examples: {application/json: …}` as `content.<type>.example`.
    fn examples(&mut self, response: &Node, content: &mut Node, content_at: &str, original: &str) {
        let Some(examples) = response.get("examples") else {
            return;
        };
        let Value::Object(entries) = &mut content.value else {
            return;
        };
        for entry in entries {
            let Some(example) = examples.member(&entry.key) else {
                continue;
            };
            let example_at = pointer::push(&pointer::push(content_at, &entry.key), "example");
            let example_original = pointer::push(&pointer::push(original, "examples"), &entry.key);
            self.grafts.add(&example_at, &example_original);
            if let Value::Object(media) = &mut entry.value.value {
                media.push(member("example", example.key_span, example.value.clone()));
            }
        }
    }

    /// `basic` → `http`/`basic`; `oauth2`'s one `flow` → `flows`.
    fn security_scheme(&mut self, scheme: &Node, at: &str, original: &str) -> Node {
        let kind = scheme.member("type");
        match kind.and_then(|m| m.value.as_str()) {
            Some("basic") => {
                let kind = kind.map_or(scheme.span, |m| m.value.span);
                let key_span = scheme.member("type").map_or(scheme.span, |m| m.key_span);
                let mut members: Vec<Member> = scheme
                    .members()
                    .iter()
                    .filter(|m| m.key != "type")
                    .cloned()
                    .collect();
                members.push(member("type", key_span, string("http", kind)));
                members.push(member("scheme", key_span, string("basic", kind)));
                self.grafts.add(
                    &pointer::push(at, "scheme"),
                    &pointer::push(original, "type"),
                );
                object(members, scheme.span)
            }
            Some("oauth2") => self.oauth2(scheme, at, original),
            _ => scheme.clone(),
        }
    }

    fn oauth2(&mut self, scheme: &Node, at: &str, original: &str) -> Node {
        let flow = scheme.member("flow");
        let flow_name = match flow.and_then(|m| m.value.as_str()) {
            Some("application") => "clientCredentials",
            Some("accessCode") => "authorizationCode",
            Some("password") => "password",
            _ => "implicit",
        };
        let mut members = Vec::new();
        let mut flow_members = Vec::new();
        for source in scheme.members() {
            match source.key.as_str() {
                "flow" => {}
                "authorizationUrl" | "tokenUrl" | "scopes" => {
                    let moved = pointer::push(
                        &pointer::push(&pointer::push(at, "flows"), flow_name),
                        &source.key,
                    );
                    self.grafts
                        .add(&moved, &pointer::push(original, &source.key));
                    flow_members.push(source.clone());
                }
                _ => members.push(source.clone()),
            }
        }
        let flow_span = flow.map_or(scheme.span, Member::span);
        let flow_key = flow.map_or(scheme.span, |m| m.value.span);
        let flows_at = pointer::push(at, "flows");
        let flow_at = pointer::push(&flows_at, flow_name);
        let flow_pointer = if flow.is_some() {
            pointer::push(original, "flow")
        } else {
            original.to_owned()
        };
        self.grafts.add(&flows_at, &flow_pointer);
        self.grafts.add(&flow_at, &flow_pointer);
        let flow_node = member(flow_name, flow_key, object(flow_members, flow_span));
        members.push(member(
            "flows",
            flow.map_or(scheme.span, |m| m.key_span),
            object(vec![flow_node], flow_span),
        ));
        object(members, scheme.span)
    }

    /// The media types in force: the operation's own list, or the document's.
    fn media_types(&self, operation: Option<(&'s Node, &str)>, key: &str) -> MediaTypes<'s> {
        let own = operation
            .and_then(|(node, at)| node.get(key).map(|list| (list, pointer::push(at, key))));
        let from_document = own.is_none();
        let (list, list_at) = match own {
            Some(found) => (Some(found.0), found.1),
            None => (self.root.get(key), pointer::push("", key)),
        };
        let names = list
            .map(|list| {
                list.items()
                    .iter()
                    .enumerate()
                    .filter_map(|(index, item)| {
                        let name = item.as_str()?;
                        Some((name, item.span, pointer::push(&list_at, &index.to_string())))
                    })
                    .collect()
            })
            .unwrap_or_default();
        MediaTypes {
            names,
            from_document,
            list_at: list.map(|_| list_at),
        }
    }

    fn schema_member(&mut self, source: &Member, at: &str, original: &str) -> Member {
        self.grafts.add(at, original);
        let value = self.schema(&source.value, at, source.key == "properties");
        let key = if source.key == "x-nullable" {
            "nullable"
        } else {
            source.key.as_str()
        };
        member(key, source.key_span, value)
    }

    /// A schema (or a map of schemas, when `names` says its keys are names) with
    /// the 2.0 spellings rewritten: `x-nullable`, `type: file`, a string
    /// `discriminator`, and local `$ref`s.
    fn schema(&mut self, node: &Node, at: &str, names: bool) -> Node {
        match &node.value {
            Value::Object(source) => {
                let mut members = Vec::with_capacity(source.len());
                for entry in source {
                    let child_at = pointer::push(at, &entry.key);
                    if names {
                        let value = self.schema(&entry.value, &child_at, false);
                        members.push(member(&entry.key, entry.key_span, value));
                        continue;
                    }
                    match entry.key.as_str() {
                        "x-nullable" => {
                            self.grafts.add(&pointer::push(at, "nullable"), &child_at);
                            members.push(member("nullable", entry.key_span, entry.value.clone()));
                        }
                        "discriminator" if entry.value.as_str().is_some() => {
                            let property_at = pointer::push(&child_at, "propertyName");
                            self.grafts.add(&property_at, &child_at);
                            let inner =
                                member("propertyName", entry.value.span, entry.value.clone());
                            members.push(member(
                                "discriminator",
                                entry.key_span,
                                object(vec![inner], entry.value.span),
                            ));
                        }
                        "properties" | "definitions" | "patternProperties" => {
                            let value = self.schema(&entry.value, &child_at, true);
                            members.push(member(&entry.key, entry.key_span, value));
                        }
                        key if key.starts_with("x-")
                            || key == "example"
                            || key == "default"
                            || key == "enum" =>
                        {
                            members.push(entry.clone());
                        }
                        _ => {
                            let value = self.schema(&entry.value, &child_at, false);
                            members.push(member(&entry.key, entry.key_span, value));
                        }
                    }
                }
                if !names {
                    self.file_as_binary(&mut members, at, at);
                }
                object(members, node.span)
            }
            Value::Array(items) => {
                let converted = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| {
                        self.schema(item, &pointer::push(at, &index.to_string()), false)
                    })
                    .collect();
                Node::new(Value::Array(converted), node.span)
            }
            _ => node.clone(),
        }
    }

    /// `type: file` is `type: string, format: binary` in 3.0.
    fn file_as_binary(&mut self, members: &mut Vec<Member>, at: &str, original: &str) {
        let Some(index) = members
            .iter()
            .position(|m| m.key == "type" && m.value.as_str() == Some("file"))
        else {
            return;
        };
        let Some(kind) = members.get_mut(index) else {
            return;
        };
        let (key_span, span) = (kind.key_span, kind.value.span);
        kind.value = string("string", span);
        members.retain(|m| m.key != "format");
        members.push(member("format", key_span, string("binary", span)));
        self.grafts.add(
            &pointer::push(at, "format"),
            &pointer::push(original, "type"),
        );
    }
}

/// A `{$ref: text}` object at the span of the one it replaces.
fn reference(entry: &Node, text: &str) -> Node {
    let key_span = entry.member("$ref").map_or(entry.span, |m| m.key_span);
    let value_span = entry.get("$ref").map_or(entry.span, |v| v.span);
    object(
        vec![member("$ref", key_span, string(text, value_span))],
        entry.span,
    )
}

impl MediaTypes<'_> {
    /// The 2.0 pointer of the list, or `fallback` when there is none.
    fn pointer_or(&self, fallback: &str) -> String {
        self.list_at.clone().unwrap_or_else(|| fallback.to_owned())
    }
}

//! The typed view of an OpenAPI description that rules read.
//!
//! Built leniently from the spanned tree: anything malformed becomes an
//! invalid-structure problem at its location and is skipped, and the rest of the
//! document is still modelled. `$ref`s are resolved here, once.

use super::{Documents, NodeAt, OpenApiProblem, OpenApiProblemKind};
use crate::base::diagnostic::Problem;
use crate::tree::{Node, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpecVersion {
    /// Swagger 2.0, read as 3.0 (see `swagger.rs`).
    V2_0,
    V3_0,
    V3_1,
    V3_2,
}

impl SpecVersion {
    /// Whether `paths` and every operation's `responses` are required.
    fn requires_paths(self) -> bool {
        matches!(self, SpecVersion::V2_0 | SpecVersion::V3_0)
    }

    /// `Swagger 2.0`, `OpenAPI 3.1`, for messages.
    pub fn label(self) -> &'static str {
        match self {
            SpecVersion::V2_0 => "Swagger 2.0",
            SpecVersion::V3_0 => "OpenAPI 3.0",
            SpecVersion::V3_1 => "OpenAPI 3.1",
            SpecVersion::V3_2 => "OpenAPI 3.2",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
    /// OpenAPI 3.2's `query`: a safe, idempotent read with a body.
    Query,
    /// A method under OpenAPI 3.2's `additionalOperations` (`COPY`, `LINK`).
    Other,
}

impl Method {
    const ALL: [Method; 9] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
        Method::Trace,
        Method::Query,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
            Method::Query => "query",
            Method::Other => "other",
        }
    }

    fn parse(key: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|method| method.as_str() == key)
    }

    /// GET and QUERY read a resource or a collection: caching and pagination apply.
    pub fn is_read(self) -> bool {
        matches!(self, Method::Get | Method::Query)
    }

    /// POST, PUT, PATCH and DELETE change state.
    pub fn is_write(self) -> bool {
        matches!(
            self,
            Method::Post | Method::Put | Method::Patch | Method::Delete
        )
    }
}

pub struct Api<'a> {
    pub version: SpecVersion,
    pub root: NodeAt<'a>,
    /// Every server: document, path-item and operation level.
    pub servers: Vec<Server<'a>>,
    pub operations: Vec<Operation<'a>>,
    pub security_schemes: Vec<SecurityScheme<'a>>,
    /// The document-level `security`, when present.
    pub security: Option<Vec<SecurityRequirement<'a>>>,
    /// Where the document-level `security` is written.
    pub security_at: Option<NodeAt<'a>>,
}

pub struct Server<'a> {
    pub url: &'a str,
    /// The `url` member.
    pub at: NodeAt<'a>,
    pub server: NodeAt<'a>,
}

pub struct Operation<'a> {
    pub method: Method,
    /// The method as the description names it (`get`, `query`, `COPY`).
    pub verb: &'a str,
    pub path: &'a str,
    pub at: NodeAt<'a>,
    pub operation_id: Option<&'a str>,
    pub parameters: Vec<Parameter<'a>>,
    pub request_body: Option<RequestBody<'a>>,
    pub responses: Vec<Response<'a>>,
    pub responses_at: Option<NodeAt<'a>>,
    pub security: Option<Vec<SecurityRequirement<'a>>>,
    pub security_at: Option<NodeAt<'a>>,
    pub deprecated: bool,
}

impl Operation<'_> {
    /// `GET /users/{id}`, for messages.
    pub fn label(&self) -> String {
        format!("{} {}", self.verb.to_uppercase(), self.path)
    }

    /// The security that applies: the operation's own, or the document's.
    pub fn effective_security<'s>(
        &'s self,
        api: &'s Api<'_>,
    ) -> Option<&'s [SecurityRequirement<'s>]> {
        match &self.security {
            Some(own) => Some(own),
            None => api.security.as_deref(),
        }
    }
}

pub struct Parameter<'a> {
    pub name: &'a str,
    /// `query`, `path`, `header` or `cookie`.
    pub location: &'a str,
    pub required: bool,
    /// The parameter object, after `$ref` resolution.
    pub at: NodeAt<'a>,
    /// Its `schema`, unresolved (schema walks resolve as they go).
    pub schema: Option<NodeAt<'a>>,
    /// Declared on the path item rather than the operation.
    pub from_path_item: bool,
}

pub struct RequestBody<'a> {
    pub at: NodeAt<'a>,
    pub required: bool,
    pub content: Vec<MediaType<'a>>,
}

pub struct Response<'a> {
    /// `200`, `4XX` or `default`.
    pub status: &'a str,
    /// The member in the operation's `responses`.
    pub key_at: NodeAt<'a>,
    /// The response object, after `$ref` resolution.
    pub at: NodeAt<'a>,
    pub content: Vec<MediaType<'a>>,
}

impl Response<'_> {
    /// The first digit of the status (`4` for `404` and `4XX`), `None` for `default`.
    pub fn class(&self) -> Option<u8> {
        self.status
            .as_bytes()
            .first()
            .filter(|digit| digit.is_ascii_digit())
            .map(|digit| digit - b'0')
    }

    pub fn is_success(&self) -> bool {
        self.class() == Some(2)
    }
}

pub struct MediaType<'a> {
    pub name: &'a str,
    pub at: NodeAt<'a>,
    pub schema: Option<NodeAt<'a>>,
}

pub struct SecurityScheme<'a> {
    pub name: &'a str,
    /// After `$ref` resolution.
    pub at: NodeAt<'a>,
    /// `apiKey`, `http`, `oauth2`, `openIdConnect`, `mutualTLS`.
    pub kind: Option<&'a str>,
}

pub struct SecurityRequirement<'a> {
    pub at: NodeAt<'a>,
    /// Scheme name → scopes.
    pub schemes: Vec<(&'a str, Vec<&'a str>)>,
}

impl<'a> Api<'a> {
    /// The member of `paths` for a path, so findings can point at the path itself.
    pub fn path_key(&self, path: &str) -> Option<NodeAt<'a>> {
        self.root.get("paths")?.get(path)
    }

    /// Names the operations that share a component: "`GET /a`" for one, "12
    /// operations, such as `GET /a`" for more.
    pub fn describe_operations(&self, indexes: &[usize]) -> String {
        self.describe_usage(indexes.first().copied().unwrap_or(0), indexes.len())
    }

    /// Like [`Api::describe_operations`], from the first operation and a count.
    pub fn describe_usage(&self, first: usize, count: usize) -> String {
        let first = self
            .operations
            .get(first)
            .map(Operation::label)
            .unwrap_or_default();
        match count {
            0 | 1 => format!("`{first}`"),
            count => format!("{count} operations, such as `{first}`"),
        }
    }

    /// Builds the model, or `None` with a finding when the root is not an OpenAPI
    /// 3.x description.
    pub fn build(documents: &'a Documents, out: &mut Vec<OpenApiProblem>) -> Option<Api<'a>> {
        let root = documents.root_node()?;
        let mut builder = Builder {
            documents,
            out,
            version: SpecVersion::V3_1,
        };
        builder.version = builder.version(&root)?;
        Some(builder.api(root))
    }
}

struct Builder<'a, 'o> {
    documents: &'a Documents,
    out: &'o mut Vec<OpenApiProblem>,
    version: SpecVersion,
}

const PARAMETER_LOCATIONS: [&str; 4] = ["query", "header", "path", "cookie"];
const SCHEME_KINDS: [&str; 5] = ["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"];

impl<'a> Builder<'a, '_> {
    fn invalid(&mut self, at: &NodeAt<'a>, message: impl Into<String>) {
        self.problem(OpenApiProblemKind::InvalidStructure, at, message);
    }

    fn problem(&mut self, kind: OpenApiProblemKind, at: &NodeAt<'a>, message: impl Into<String>) {
        self.out.push(Problem::new(kind, at.place(), message));
    }

    fn version(&mut self, root: &NodeAt<'a>) -> Option<SpecVersion> {
        if !root.node.is_object() {
            let message = format!(
                "the document is a {}, not an OpenAPI object",
                root.node.kind()
            );
            self.problem(OpenApiProblemKind::UnsupportedDocument, root, message);
            return None;
        }
        if self.documents.is_swagger2(root.file) {
            return Some(SpecVersion::V2_0);
        }
        if let Some(swagger) = root.get("swagger") {
            let version = swagger.node.as_str().unwrap_or_default();
            let message = format!("Swagger `{version}` is not supported; archlint reviews Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2");
            self.problem(OpenApiProblemKind::UnsupportedDocument, &swagger, message);
            return None;
        }
        let Some(openapi) = root.get("openapi") else {
            let message =
                "no `openapi` or `swagger` field: this is not an OpenAPI or Swagger description"
                    .to_owned();
            self.problem(OpenApiProblemKind::UnsupportedDocument, root, message);
            return None;
        };
        let text = match &openapi.node.value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.value.to_string(),
            _ => String::new(),
        };
        if text.starts_with("3.0") {
            Some(SpecVersion::V3_0)
        } else if text.starts_with("3.1") {
            Some(SpecVersion::V3_1)
        } else if text.starts_with("3.2") {
            Some(SpecVersion::V3_2)
        } else {
            let message = format!(
                "OpenAPI version `{text}` is not supported; archlint reviews Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2"
            );
            self.problem(OpenApiProblemKind::UnsupportedDocument, &openapi, message);
            None
        }
    }

    fn api(&mut self, root: NodeAt<'a>) -> Api<'a> {
        let version = self.version;
        self.info(&root);
        let mut servers = Vec::new();
        self.servers(&root, &mut servers);
        let security_at = root.get("security");
        let security = security_at.as_ref().map(|at| self.security(at));
        let security_schemes = self.security_schemes(&root);
        let mut operations = Vec::new();
        match root.get("paths") {
            Some(paths) if paths.node.is_object() => {
                for (path, item) in paths.entries() {
                    if path.starts_with("x-") {
                        continue;
                    }
                    if !path.starts_with('/') {
                        self.invalid(&item, format!("path `{path}` must start with `/`"));
                    }
                    self.path_item(path, &item, &mut servers, &mut operations);
                }
            }
            Some(paths) => self.invalid(&paths, "`paths` must be an object"),
            None if version.requires_paths() => self.invalid(
                &root,
                format!("{} requires a `paths` object", version.label()),
            ),
            None => {}
        }
        Api {
            version,
            root,
            servers,
            operations,
            security_schemes,
            security,
            security_at,
        }
    }

    fn info(&mut self, root: &NodeAt<'a>) {
        match root.get("info") {
            None => self.invalid(root, "the required `info` object is missing"),
            Some(info) if !info.node.is_object() => self.invalid(&info, "`info` must be an object"),
            Some(info) => {
                for field in ["title", "version"] {
                    if info.get(field).is_none() {
                        self.invalid(&info, format!("`info.{field}` is required"));
                    }
                }
            }
        }
    }

    fn servers(&mut self, owner: &NodeAt<'a>, servers: &mut Vec<Server<'a>>) {
        let Some(list) = owner.get("servers") else {
            return;
        };
        if !list.node.is_array() {
            self.invalid(&list, "`servers` must be an array");
            return;
        }
        for server in list.items() {
            match server.get("url") {
                Some(url) => match url.node.as_str() {
                    Some(text) => servers.push(Server {
                        url: text,
                        at: url.clone(),
                        server: server.clone(),
                    }),
                    None => self.invalid(&url, "a server `url` must be a string"),
                },
                None => self.invalid(&server, "a server needs a `url`"),
            }
        }
    }

    fn path_item(
        &mut self,
        path: &'a str,
        item: &NodeAt<'a>,
        servers: &mut Vec<Server<'a>>,
        operations: &mut Vec<Operation<'a>>,
    ) {
        let item = self.documents.resolve_or_self(item);
        if !item.node.is_object() {
            self.invalid(&item, format!("path item `{path}` must be an object"));
            return;
        }
        self.servers(&item, servers);
        let shared = self.parameters(&item, true);
        let additional = item.get("additionalOperations");
        let additional = additional.iter().flat_map(|list| list.entries());
        let methods = item
            .entries()
            .filter_map(|(key, at)| Some((Method::parse(key)?, key, at)))
            .chain(additional.map(|(key, at)| {
                let method = Method::parse(&key.to_ascii_lowercase()).unwrap_or(Method::Other);
                (method, key, at)
            }));
        for (method, key, at) in methods.collect::<Vec<_>>() {
            if method == Method::Query && self.version < SpecVersion::V3_2 {
                continue;
            }
            if !at.node.is_object() {
                self.invalid(
                    &at,
                    format!(
                        "operation `{} {path}` must be an object",
                        key.to_uppercase()
                    ),
                );
                continue;
            }
            self.servers(&at, servers);
            operations.push(self.operation(method, key, path, at, &shared));
        }
    }

    fn operation(
        &mut self,
        method: Method,
        verb: &'a str,
        path: &'a str,
        at: NodeAt<'a>,
        shared: &[Parameter<'a>],
    ) -> Operation<'a> {
        let mut parameters = self.parameters(&at, false);
        // Path-level parameters apply unless the operation overrides them.
        for inherited in shared {
            let overridden = parameters
                .iter()
                .any(|own| own.name == inherited.name && own.location == inherited.location);
            if !overridden {
                parameters.push(Parameter {
                    name: inherited.name,
                    location: inherited.location,
                    required: inherited.required,
                    at: inherited.at.clone(),
                    schema: inherited.schema.clone(),
                    from_path_item: true,
                });
            }
        }
        let request_body = at.get("requestBody").map(|body| self.request_body(&body));
        let responses_at = at.get("responses");
        let responses = match &responses_at {
            Some(responses) => self.responses(responses),
            None => Vec::new(),
        };
        if responses_at.is_none() && self.version.requires_paths() {
            let message = format!(
                "{} requires `responses` on every operation",
                self.version.label()
            );
            self.invalid(&at, message);
        }
        let security_at = at.get("security");
        let security = security_at.as_ref().map(|security| self.security(security));
        Operation {
            method,
            verb,
            path,
            operation_id: at.str("operationId"),
            deprecated: at.bool("deprecated").unwrap_or(false),
            at,
            parameters,
            request_body,
            responses,
            responses_at,
            security,
            security_at,
        }
    }

    fn parameters(&mut self, owner: &NodeAt<'a>, from_path_item: bool) -> Vec<Parameter<'a>> {
        let Some(list) = owner.get("parameters") else {
            return Vec::new();
        };
        if !list.node.is_array() {
            self.invalid(&list, "`parameters` must be an array");
            return Vec::new();
        }
        let mut parameters = Vec::new();
        for entry in list.items() {
            let Some(at) = self.documents.resolve(&entry) else {
                continue;
            };
            if let Some(parameter) = self.parameter(at, from_path_item) {
                parameters.push(parameter);
            }
        }
        parameters
    }

    fn parameter(&mut self, at: NodeAt<'a>, from_path_item: bool) -> Option<Parameter<'a>> {
        if !at.node.is_object() {
            self.invalid(&at, "a parameter must be an object");
            return None;
        }
        let (Some(name), Some(location)) = (at.str("name"), at.str("in")) else {
            self.invalid(&at, "a parameter needs a string `name` and `in`");
            return None;
        };
        if self.version == SpecVersion::V2_0 && matches!(location, "body" | "formData") {
            // A 2.0 body parameter in another file: not read as a body (yet).
            return None;
        }
        if !PARAMETER_LOCATIONS.contains(&location) {
            let message = format!(
                "parameter `{name}` has `in: {location}`; use query, header, path or cookie"
            );
            self.invalid(&at.place_at("in"), message);
            return None;
        }
        let required = at.bool("required").unwrap_or(false);
        if location == "path" && !required {
            self.invalid(
                &at,
                format!("path parameter `{name}` must have `required: true`"),
            );
        }
        let schema = at.get("schema").or_else(|| {
            at.get("content")
                .and_then(|content| content.entries().next().map(|(_, media)| media))
                .and_then(|media| media.get("schema"))
        });
        Some(Parameter {
            name,
            location,
            required: required || location == "path",
            schema,
            at,
            from_path_item,
        })
    }

    fn request_body(&mut self, body: &NodeAt<'a>) -> RequestBody<'a> {
        let at = self.documents.resolve_or_self(body);
        RequestBody {
            required: at.bool("required").unwrap_or(false),
            content: self.content(&at),
            at,
        }
    }

    fn content(&mut self, owner: &NodeAt<'a>) -> Vec<MediaType<'a>> {
        let Some(content) = owner.get("content") else {
            return Vec::new();
        };
        if !content.node.is_object() {
            self.invalid(&content, "`content` must be an object of media types");
            return Vec::new();
        }
        content
            .entries()
            .map(|(name, at)| MediaType {
                name,
                // A stream's items (3.2 `itemSchema`) are what its body rules read.
                schema: at.get("schema").or_else(|| at.get("itemSchema")),
                at,
            })
            .collect()
    }

    fn responses(&mut self, responses: &NodeAt<'a>) -> Vec<Response<'a>> {
        if !responses.node.is_object() {
            self.invalid(responses, "`responses` must be an object");
            return Vec::new();
        }
        let mut list = Vec::new();
        for (status, key_at) in responses.entries() {
            if status.starts_with("x-") {
                continue;
            }
            if !is_status_key(status) {
                let message = format!("`{status}` is not a status code; use a code such as 404, a range such as 4XX, or default");
                self.invalid(&key_at, message);
                continue;
            }
            let at = self.documents.resolve_or_self(&key_at);
            list.push(Response {
                status,
                content: self.content(&at),
                key_at,
                at,
            });
        }
        list
    }

    fn security(&mut self, list: &NodeAt<'a>) -> Vec<SecurityRequirement<'a>> {
        if !list.node.is_array() {
            self.invalid(list, "`security` must be an array of security requirements");
            return Vec::new();
        }
        let mut requirements = Vec::new();
        for at in list.items() {
            if !at.node.is_object() {
                self.invalid(&at, "a security requirement must be an object");
                continue;
            }
            let schemes = at
                .node
                .members()
                .iter()
                .map(|member| {
                    let scopes = member
                        .value
                        .items()
                        .iter()
                        .filter_map(Node::as_str)
                        .collect();
                    (member.key.as_str(), scopes)
                })
                .collect();
            requirements.push(SecurityRequirement { at, schemes });
        }
        requirements
    }

    fn security_schemes(&mut self, root: &NodeAt<'a>) -> Vec<SecurityScheme<'a>> {
        let Some(schemes) = root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
        else {
            return Vec::new();
        };
        let mut list = Vec::new();
        for (name, entry) in schemes.entries() {
            let Some(at) = self.documents.resolve(&entry) else {
                continue;
            };
            let kind = at.str("type");
            match kind {
                Some(kind) if SCHEME_KINDS.contains(&kind) => {}
                Some(kind) => self.invalid(
                    &at.place_at("type"),
                    format!("security scheme `{name}` has unknown type `{kind}`"),
                ),
                None => self.invalid(&at, format!("security scheme `{name}` needs a `type`")),
            }
            list.push(SecurityScheme { name, at, kind });
        }
        list
    }
}

impl<'a> NodeAt<'a> {
    /// The member `key`, or this node when absent; for findings about one field.
    pub fn place_at(&self, key: &str) -> NodeAt<'a> {
        self.get(key).unwrap_or_else(|| self.clone())
    }
}

/// `200`, `2XX`, `default`.
fn is_status_key(key: &str) -> bool {
    if key == "default" {
        return true;
    }
    let bytes = key.as_bytes();
    bytes.len() == 3
        && matches!(bytes.first(), Some(b'1'..=b'5'))
        && (bytes.iter().skip(1).all(u8::is_ascii_digit) || key.get(1..) == Some("XX"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_keys() {
        for good in ["200", "4XX", "default", "599"] {
            assert!(is_status_key(good), "{good}");
        }
        for bad in ["20", "2xx", "600", "abc", "4X0"] {
            assert!(!is_status_key(bad), "{bad}");
        }
    }

    #[test]
    fn builds_operations_with_inherited_parameters() {
        let text = r#"openapi: 3.1.0
info: {title: t, version: 1.0.0}
paths:
  /users/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      responses:
        '200': {$ref: '#/components/responses/Ok'}
components:
  responses:
    Ok: {description: ok}
"#;
        let documents = Documents::from_text("api.yaml", text);
        let mut out = Vec::new();
        let api = Api::build(&documents, &mut out).unwrap();
        assert!(out.is_empty());
        let operation = &api.operations[0];
        assert_eq!(operation.label(), "GET /users/{id}");
        assert_eq!(operation.parameters[0].name, "id");
        assert_eq!(
            operation.responses[0].at.pointer,
            "/components/responses/Ok"
        );
        assert_eq!(
            operation.responses[0].key_at.pointer,
            "/paths/~1users~1{id}/get/responses/200"
        );
    }

    #[test]
    fn swagger_2_is_read_as_3() {
        let documents = Documents::from_text(
            "api.json",
            r#"{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}"#,
        );
        let mut out = Vec::new();
        let api = Api::build(&documents, &mut out).unwrap();
        assert_eq!(api.version, SpecVersion::V2_0);
        assert!(out.is_empty());
    }

    #[test]
    fn swagger_1_is_unsupported() {
        let documents = Documents::from_text("api.json", r#"{"swagger": "1.2"}"#);
        let mut out = Vec::new();
        assert!(Api::build(&documents, &mut out).is_none());
        assert_eq!(out[0].kind, OpenApiProblemKind::UnsupportedDocument);
    }
}

//! OpenAPI 3.0/3.1: loading (`documents`), the typed model the rules read
//! (`model`), and walks over the schemas an API accepts and returns (`schemas`).

mod documents;
mod model;
pub mod schemas;
pub mod validate;

use std::sync::OnceLock;

pub use documents::{Documents, IgnoreMarker, MAX_FILE_BYTES};
pub use model::{
    Api, MediaType, Method, Operation, Parameter, RequestBody, Response, SecurityRequirement,
    SecurityScheme, Server, SpecVersion,
};
pub use schemas::{Role, SchemaUse};

use crate::config::Config;
use crate::diagnostic::Place;
use crate::source::{FileId, Span};
use crate::tree::{pointer, Node};

/// A node together with where it is: its file, JSON pointer and the span a finding
/// about it should cover (from its key, when it is an object member).
#[derive(Clone, Debug)]
pub struct NodeAt<'a> {
    pub file: FileId,
    pub node: &'a Node,
    pub pointer: String,
    pub span: Span,
}

impl<'a> NodeAt<'a> {
    /// The member `key` of this object.
    pub fn get(&self, key: &str) -> Option<NodeAt<'a>> {
        let member = self.node.member(key)?;
        Some(NodeAt {
            file: self.file,
            node: &member.value,
            pointer: pointer::push(&self.pointer, key),
            span: member.span(),
        })
    }

    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.node.get(key).and_then(Node::as_str)
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.node.get(key).and_then(Node::as_bool)
    }

    /// The members of this object, in document order.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, NodeAt<'a>)> + '_ {
        self.node.members().iter().map(move |member| {
            (
                member.key.as_str(),
                NodeAt {
                    file: self.file,
                    node: &member.value,
                    pointer: pointer::push(&self.pointer, &member.key),
                    span: member.span(),
                },
            )
        })
    }

    /// The items of this array.
    pub fn items(&self) -> impl Iterator<Item = NodeAt<'a>> + '_ {
        self.node
            .items()
            .iter()
            .enumerate()
            .map(move |(index, item)| NodeAt {
                file: self.file,
                node: item,
                pointer: pointer::push(&self.pointer, &index.to_string()),
                span: item.span,
            })
    }

    pub fn place(&self) -> Place {
        Place {
            file: self.file,
            span: self.span,
            pointer: Some(self.pointer.clone()),
            object: None,
        }
    }

    /// Where the member `key` is, or this node when it has no such member.
    pub fn place_of(&self, key: &str) -> Place {
        self.get(key)
            .map_or_else(|| self.place(), |child| child.place())
    }

    /// Identity of the node in memory, for "visit each node once".
    pub fn identity(&self) -> usize {
        self.node as *const Node as usize
    }
}

/// What an API rule sees: the loaded files, the typed model and the configuration,
/// plus walks computed once and shared by every rule that needs them.
pub struct ApiContext<'a> {
    pub documents: &'a Documents,
    pub api: Api<'a>,
    pub config: &'a Config,
    request_schemas: OnceLock<Vec<SchemaUse<'a>>>,
    response_schemas: OnceLock<Vec<SchemaUse<'a>>>,
    every_schema: OnceLock<Vec<NodeAt<'a>>>,
}

impl<'a> ApiContext<'a> {
    pub fn new(documents: &'a Documents, api: Api<'a>, config: &'a Config) -> Self {
        ApiContext {
            documents,
            api,
            config,
            request_schemas: OnceLock::new(),
            response_schemas: OnceLock::new(),
            every_schema: OnceLock::new(),
        }
    }

    pub fn resolve(&self, at: &NodeAt<'a>) -> Option<NodeAt<'a>> {
        self.documents.resolve(at)
    }

    pub fn resolve_or_self(&self, at: &NodeAt<'a>) -> NodeAt<'a> {
        self.documents.resolve_or_self(at)
    }

    /// Every schema reachable from a request body or a query/header parameter,
    /// once each, with the operations that use it.
    pub fn request_schemas(&self) -> &[SchemaUse<'a>] {
        self.request_schemas
            .get_or_init(|| schemas::collect(self, schemas::Direction::Request))
    }

    /// Every schema reachable from a response body, once each.
    pub fn response_schemas(&self) -> &[SchemaUse<'a>] {
        self.response_schemas
            .get_or_init(|| schemas::collect(self, schemas::Direction::Response))
    }

    /// Every schema node the API uses — request and response schemas, and
    /// the schemas of path parameters (which request walks leave out) — once
    /// each. Computed once for the rules that look at every schema.
    pub fn every_schema(&self) -> &[NodeAt<'a>] {
        self.every_schema.get_or_init(|| {
            let mut seen = std::collections::HashSet::new();
            let walked = self
                .request_schemas()
                .iter()
                .chain(self.response_schemas())
                .map(|schema_use| schema_use.schema.clone());
            let path_parameters = self
                .api
                .operations
                .iter()
                .flat_map(|operation| operation.parameters.iter())
                .filter(|parameter| parameter.location == "path")
                .filter_map(|parameter| parameter.schema.as_ref())
                .filter_map(|schema| self.resolve(schema));
            walked
                .chain(path_parameters)
                .filter(|schema| seen.insert(schema.identity()))
                .collect()
        })
    }
}

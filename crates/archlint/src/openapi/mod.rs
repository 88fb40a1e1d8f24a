//! OpenAPI 3.0/3.1: loading a description and resolving its `$ref`s
//! (`documents`), the typed model the rules read (`model`), walks over the
//! schemas an API accepts and returns (`schemas`), checking examples against
//! schemas (`validate`), and reading path templates (`paths`). Problems are
//! reported as [`OpenApiProblem`]s; which finding each becomes is the rules'
//! business.

pub mod bounds;
mod documents;
pub mod generators;
mod model;
pub mod paths;
mod problem;
pub mod schemas;
mod swagger;
pub mod validate;

pub use documents::{Documents, IgnoreMarker};
pub use model::{
    Api, MediaType, Method, Operation, Parameter, RequestBody, Response, SecurityRequirement,
    SecurityScheme, Server, SpecVersion,
};
pub use problem::{OpenApiProblem, OpenApiProblemKind};
pub use schemas::{Role, SchemaUse};

use crate::base::diagnostic::Place;
use crate::base::source::{FileId, Span};
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

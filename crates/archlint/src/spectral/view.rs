//! The description as a Spectral ruleset sees it: every file's tree as
//! written (Swagger 2.0 in its own shape), and `$ref`s followed on demand.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::base::loader;
use crate::base::source::{FileId, Span};
use crate::openapi::Documents;
use crate::tree::query::{Follow, Place};
use crate::tree::{self, pointer, Member, Node, Value};

/// `$ref` hops followed in a chain before giving up (a cycle).
const REF_HOPS: usize = 64;

pub struct View<'d> {
    pub files: Vec<ViewFile<'d>>,
}

pub struct ViewFile<'d> {
    pub id: FileId,
    pub name: String,
    pub tree: Option<Cow<'d, Node>>,
}

impl<'d> View<'d> {
    /// The files of a description; trees read in 3.0's shape are read again
    /// from their text.
    pub fn new(documents: &'d Documents) -> View<'d> {
        let files = documents
            .sources
            .iter()
            .map(|(id, file)| {
                let tree = if documents.is_rewritten(id) {
                    tree::parse(&file.text).root.map(Cow::Owned)
                } else {
                    documents.tree(id).map(Cow::Borrowed)
                };
                ViewFile {
                    id,
                    name: loader::normalize(&file.name),
                    tree,
                }
            })
            .collect();
        View { files }
    }

    pub fn root(&self, doc: usize) -> Option<Place<'_>> {
        let node = self.files.get(doc)?.tree.as_deref()?;
        Some(Place { doc, node })
    }

    pub fn file_id(&self, doc: usize) -> Option<FileId> {
        self.files.get(doc).map(|file| file.id)
    }

    fn doc_named(&self, name: &str) -> Option<usize> {
        self.files.iter().position(|file| file.name == name)
    }

    /// Where a `$ref` written in `doc` leads (one hop), and the member it names.
    fn target(&self, doc: usize, text: &str) -> Option<(Place<'_>, Option<&Member>)> {
        let (file, fragment) = text.split_once('#').unwrap_or((text, ""));
        let target_doc = if file.is_empty() {
            doc
        } else {
            let base = loader::parent(&self.files.get(doc)?.name).to_owned();
            self.doc_named(&loader::normalize(&loader::join(&base, file)))?
        };
        let root = self.files.get(target_doc)?.tree.as_deref()?;
        let tokens = pointer::tokens(&pointer::percent_decode(fragment))?;
        let found = pointer::lookup(root, &tokens)?;
        Some((
            Place {
                doc: target_doc,
                node: found.node,
            },
            found.member,
        ))
    }

    /// The JSON pointer of `node` in its file (found by span, top down).
    pub fn pointer_of(&self, place: Place<'_>) -> Option<String> {
        let mut node = self.files.get(place.doc)?.tree.as_deref()?;
        let mut out = String::new();
        let target = place.node.span;
        while !std::ptr::eq(node, place.node) {
            let (token, child) = child_covering(node, target)?;
            out = pointer::push(&out, &token);
            node = child;
        }
        Some(out)
    }

    /// Every `$ref` into the root file, as the pointer it names.
    pub fn referenced_in_root(&self) -> HashSet<String> {
        let mut found = HashSet::new();
        let root_name = self.files.first().map(|file| file.name.as_str());
        for (doc, file) in self.files.iter().enumerate() {
            let Some(tree) = file.tree.as_deref() else {
                continue;
            };
            each_ref(tree, &mut |text| {
                let (target, fragment) = text.split_once('#').unwrap_or((text, ""));
                let into_root = if target.is_empty() {
                    doc == 0
                } else {
                    let base = loader::parent(&file.name).to_owned();
                    Some(loader::normalize(&loader::join(&base, target)).as_str()) == root_name
                };
                if into_root {
                    found.insert(pointer::percent_decode(fragment));
                }
            });
        }
        found
    }
}

fn child_covering(node: &Node, target: Span) -> Option<(String, &Node)> {
    let covers = |child: &Node| child.span.start <= target.start && target.end <= child.span.end;
    match &node.value {
        Value::Object(members) => members
            .iter()
            .rev()
            .find(|member| covers(&member.value))
            .map(|member| (member.key.clone(), &member.value)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find(|(_, item)| covers(item))
            .map(|(index, item)| (index.to_string(), item)),
        _ => None,
    }
}

/// Calls `visit` with every `$ref` text of a tree (without recursion).
fn each_ref(root: &Node, visit: &mut dyn FnMut(&str)) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Object(members) => {
                for member in members {
                    match (member.key.as_str(), member.value.as_str()) {
                        ("$ref", Some(text)) => visit(text),
                        _ => stack.push(&member.value),
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter()),
            _ => {}
        }
    }
}

/// Where one `$ref` hop leads, and the member the target sits under.
type Hop<'v> = Option<(Place<'v>, Option<&'v Member>)>;

/// Follows `$ref`s through a [`View`], remembering the member each target
/// was found under (its key is where a finding about the target points).
pub struct Resolver<'v, 'd> {
    view: &'v View<'d>,
    cache: RefCell<HashMap<(usize, String), Hop<'v>>>,
    members: RefCell<HashMap<*const Node, &'v Member>>,
}

impl<'v, 'd> Resolver<'v, 'd> {
    pub fn new(view: &'v View<'d>) -> Self {
        Resolver {
            view,
            cache: RefCell::new(HashMap::new()),
            members: RefCell::new(HashMap::new()),
        }
    }

    /// The member a followed target sits under.
    pub fn member_of(&self, node: &Node) -> Option<&'v Member> {
        self.members.borrow().get(&(node as *const Node)).copied()
    }

    fn hop(&self, doc: usize, text: &str) -> Hop<'v> {
        let key = (doc, text.to_owned());
        if let Some(known) = self.cache.borrow().get(&key) {
            return *known;
        }
        let found = self.view.target(doc, text);
        self.cache.borrow_mut().insert(key, found);
        found
    }
}

impl<'v> Follow<'v> for Resolver<'v, '_> {
    fn follow(&self, place: Place<'v>) -> Place<'v> {
        let mut current = place;
        for _ in 0..REF_HOPS {
            let Some(text) = current.node.get("$ref").and_then(Node::as_str) else {
                return current;
            };
            let Some((next, member)) = self.hop(current.doc, text) else {
                return current;
            };
            if let Some(member) = member {
                self.members
                    .borrow_mut()
                    .insert(next.node as *const Node, member);
            }
            current = next;
        }
        place
    }
}

//! Loading one OpenAPI description: its root file and every file its `$ref`s
//! reach, parsed once, with every reference resolved ahead of the rules.
//!
//! References that leave the root document's folder or name a URL are never
//! followed (no network, no reading outside the project): they become findings.

use std::collections::{HashMap, HashSet, VecDeque};

use super::swagger::{self, Grafts};
use super::{NodeAt, OpenApiProblem, OpenApiProblemKind};
use crate::base::diagnostic::{Diagnostic, Place, Problem};
use crate::base::limits::Limits;
use crate::base::loader::{self, Loader};
use crate::base::source::{FileId, SourceFile, SourceMap, Span};
use crate::tree::{self, pointer, Node, Value};

/// The files of one description and what loading them found.
pub struct Documents {
    pub sources: SourceMap,
    /// The parsed tree of each of `sources`' own files, in the same order.
    trees: Vec<Option<Node>>,
    pub root: FileId,
    /// `$ref` text as written in a file → where it leads.
    /// Per file, keyed by text so lookups borrow instead of allocating.
    refs: HashMap<FileId, HashMap<String, RefTarget>>,
    /// `x-archlint-ignore` markers: the file, the pointer of the node that carries
    /// the marker (it covers that subtree) and the rules it names.
    pub ignores: Vec<IgnoreMarker>,
    pub problems: Vec<OpenApiProblem>,
    /// Files written in Swagger 2.0, read as 3.0: where their nodes came from.
    swagger: HashMap<FileId, Grafts>,
    /// Files a 2.0 document references (definitions split out), read with
    /// 2.0's schema spellings: where their renamed nodes came from.
    fragments: HashMap<FileId, Grafts>,
    /// The caps of the review (`[limits]`).
    limits: Limits,
}

#[derive(Debug, Clone)]
pub struct IgnoreMarker {
    pub file: FileId,
    pub pointer: String,
    pub rules: Vec<String>,
}

#[derive(Debug, Clone)]
enum RefTarget {
    /// Its file was read; the pointer is not yet (or cannot be) resolved.
    Found {
        file: FileId,
        tokens: Vec<String>,
    },
    /// Resolved once, after loading: the member/item index at each step and
    /// the target's pointer. Following it is O(depth), not a key search per
    /// step (on Microsoft Graph, `components/schemas` has thousands of members).
    Resolved {
        file: FileId,
        steps: Vec<usize>,
        pointer: String,
    },
    Broken,
}

/// Where a chain of `$ref`s ends.
enum ChainEnd {
    Value,
    Loop,
    TooLong,
}

/// A `$ref` as found while scanning a file.
struct RefSite {
    file: FileId,
    pointer: String,
    span: Span,
    text: String,
}

impl Documents {
    /// Reads and parses the root file and everything it references.
    pub fn load(root_path: &str, loader: &dyn Loader) -> Documents {
        Documents::load_into(root_path, loader, SourceMap::default())
    }

    /// Like [`Documents::load`], adding the files to `sources` (a map on top of
    /// the run's shared files, so that findings can name those too).
    pub fn load_into(root_path: &str, loader: &dyn Loader, sources: SourceMap) -> Documents {
        Documents::load_within(root_path, loader, sources, Limits::default())
    }

    /// Like [`Documents::load_into`], within the caps of `limits`.
    pub fn load_within(
        root_path: &str,
        loader: &dyn Loader,
        sources: SourceMap,
        limits: Limits,
    ) -> Documents {
        let mut documents = Documents {
            sources,
            trees: Vec::new(),
            root: FileId(0),
            refs: HashMap::new(),
            ignores: Vec::new(),
            problems: Vec::new(),
            swagger: HashMap::new(),
            fragments: HashMap::new(),
            limits,
        };
        let root_dir = loader::parent(&loader::normalize(root_path)).to_owned();
        let root = match loader.read(root_path) {
            Ok(bytes) => documents.add_file(root_path, bytes, false),
            Err(message) => {
                // The caller checked the root exists; a read failure here is still a finding.
                let id = documents.add_source(root_path, String::new());
                documents.trees.push(None);
                documents.report_parse(id, Span::default(), message);
                id
            }
        };
        documents.root = root;
        documents.follow_refs(root, &root_dir, loader);
        documents
    }

    /// Builds a description from text already in memory (no other files).
    pub fn from_text(name: &str, text: &str) -> Documents {
        let mut memory = loader::MemoryLoader::new();
        memory.insert(name, text);
        Documents::load(name, &memory)
    }

    pub fn tree(&self, file: FileId) -> Option<&Node> {
        let index = self.sources.own_index(file)?;
        self.trees.get(index).and_then(Option::as_ref)
    }

    /// The root node of the root file, with its location.
    pub fn root_node(&self) -> Option<NodeAt<'_>> {
        let node = self.tree(self.root)?;
        Some(NodeAt {
            file: self.root,
            node,
            pointer: String::new(),
            span: node.span,
        })
    }

    /// Follows `$ref` (and `$ref`s to `$ref`s) to the node it names. `None` for a
    /// reference that is broken, external or cyclic (already reported).
    pub fn resolve<'a>(&'a self, at: &NodeAt<'a>) -> Option<NodeAt<'a>> {
        let mut current = at.clone();
        for _ in 0..self.limits.ref_hops {
            let Some(text) = current.node.get("$ref").and_then(Node::as_str) else {
                return Some(current);
            };
            current = self.target(current.file, text)?;
        }
        None
    }

    /// Like [`Documents::resolve`], but keeps the node itself when its reference
    /// cannot be followed.
    pub fn resolve_or_self<'a>(&'a self, at: &NodeAt<'a>) -> NodeAt<'a> {
        self.resolve(at).unwrap_or_else(|| at.clone())
    }

    /// A schema and its `allOf` parts, `$ref`s followed, depth first in the
    /// order written, each once and at most `max_depth` levels down: an
    /// `allOf` that names itself, or one part many times, stays linear.
    pub fn all_of_parts<'a>(&'a self, schema: &NodeAt<'a>, max_depth: usize) -> Vec<NodeAt<'a>> {
        let mut parts = Vec::new();
        let mut pending = vec![(self.resolve_or_self(schema), 0)];
        let mut seen = HashSet::new();
        while let Some((part, depth)) = pending.pop() {
            if !seen.insert(part.identity()) {
                continue;
            }
            if let Some(inner) = part.get("allOf").filter(|_| depth < max_depth) {
                let inner: Vec<_> = inner.items().collect();
                // Reversed onto the stack, so that they are read in order.
                pending.extend(
                    inner
                        .iter()
                        .rev()
                        .map(|inner| (self.resolve_or_self(inner), depth + 1)),
                );
            }
            parts.push(part);
        }
        parts
    }

    /// Where the `$ref` text written in `file` leads (one hop).
    pub(crate) fn target(&self, file: FileId, text: &str) -> Option<NodeAt<'_>> {
        let RefTarget::Resolved {
            file,
            steps,
            pointer,
        } = self.ref_target(file, text)?
        else {
            return None;
        };
        let found = pointer::follow(self.tree(*file)?, steps)?;
        let span = found.member.map_or(found.node.span, |member| member.span());
        Some(NodeAt {
            file: *file,
            node: found.node,
            pointer: pointer.clone(),
            span,
        })
    }

    fn ref_target(&self, file: FileId, text: &str) -> Option<&RefTarget> {
        self.refs.get(&file)?.get(text)
    }

    fn set_ref(&mut self, file: FileId, text: String, target: RefTarget) {
        self.refs.entry(file).or_default().insert(text, target);
    }

    /// Turns every readable reference into steps, once.
    fn resolve_refs(&mut self) {
        let mut resolved = Vec::new();
        let all = self.refs.iter().flat_map(|(site, texts)| {
            texts
                .iter()
                .map(move |(text, target)| (*site, text, target))
        });
        for (site, text, target) in all {
            let RefTarget::Found { file, tokens } = target else {
                continue;
            };
            let translated;
            let tokens = match self.tree(*file) {
                Some(root) if self.swagger.contains_key(file) => {
                    translated = Grafts::translate_tokens(tokens, root);
                    &translated
                }
                _ => tokens,
            };
            let Some(steps) = self
                .tree(*file)
                .and_then(|root| pointer::lookup_steps(root, tokens))
            else {
                continue;
            };
            let pointer = tokens.iter().fold(String::new(), |pointer, token| {
                pointer::push(&pointer, token)
            });
            resolved.push((
                site,
                text.clone(),
                RefTarget::Resolved {
                    file: *file,
                    steps,
                    pointer,
                },
            ));
        }
        for (site, text, target) in resolved {
            self.set_ref(site, text, target);
        }
    }

    fn add_source(&mut self, name: &str, text: String) -> FileId {
        self.sources.add(SourceFile::new(name, text))
    }

    /// Decodes and parses a file; always registers it, even when unreadable.
    /// `from_swagger`: the file is referenced from a Swagger 2.0 document.
    fn add_file(&mut self, name: &str, bytes: Vec<u8>, from_swagger: bool) -> FileId {
        if bytes.len() > self.limits.file_bytes() {
            let id = self.add_source(name, String::new());
            self.trees.push(None);
            let message = format!(
                "file is {} MB, larger than the {} MB archlint reads (raise `[limits] file_mb` to read it)",
                bytes.len() / (1024 * 1024),
                self.limits.file_mb
            );
            self.report_parse(id, Span::default(), message);
            return id;
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                let prefix =
                    String::from_utf8_lossy(bytes.get(..valid).unwrap_or(&[])).into_owned();
                let id = self.add_source(name, prefix);
                self.trees.push(None);
                let at = self.sources.get(id).map_or(0, |file| file.text.len());
                self.report_parse(
                    id,
                    Span::new(at, at),
                    format!("file is not valid UTF-8 (invalid byte at offset {valid})"),
                );
                return id;
            }
        };
        let id = self.add_source(name, text);
        let parsed = match self.sources.get(id) {
            Some(file) => tree::parse_within(&file.text, self.limits.depth),
            None => tree::Parsed::default(),
        };
        for duplicate in parsed.duplicate_keys {
            let place = Place::pointer(id, duplicate.span, None);
            let first = Place::pointer(id, duplicate.first, None);
            let message = format!(
                "key `{}` is repeated; readers disagree on which value wins",
                duplicate.key
            );
            self.problems.push(
                Problem::new(OpenApiProblemKind::DuplicateKey, place, message)
                    .related(first, "first occurrence"),
            );
        }
        if let Some(error) = parsed.error {
            self.report_parse(id, error.span, error.message);
        }
        for warning in parsed.warnings {
            self.problems.push(Problem::new(
                OpenApiProblemKind::LenientParse,
                Place::pointer(id, warning.span, None),
                warning.message,
            ));
        }
        let root = match parsed.root {
            Some(root) if swagger::is_swagger2(&root) => {
                let converted = swagger::convert(&root);
                self.swagger.insert(id, converted.grafts);
                Some(converted.root)
            }
            Some(root) if from_swagger => {
                let converted = swagger::convert_fragment(&root);
                self.fragments.insert(id, converted.grafts);
                Some(converted.root)
            }
            root => root,
        };
        self.trees.push(root);
        id
    }

    /// Whether a file is a Swagger 2.0 document (read as 3.0).
    pub fn is_swagger2(&self, file: FileId) -> bool {
        self.swagger.contains_key(&file)
    }

    /// Whether the tree of `file` differs from its text: Swagger 2.0 (and the
    /// files it references) are read in 3.0's shape.
    pub fn is_rewritten(&self, file: FileId) -> bool {
        self.swagger.contains_key(&file) || self.fragments.contains_key(&file)
    }

    /// Points findings in Swagger 2.0 files at their 2.0 places, and keeps one
    /// of the findings a 2.0 node shared by several 3.0 places gave.
    pub fn restore_pointers(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.swagger.is_empty() {
            return;
        }
        let restore = |place: &mut Place| {
            let grafts = self
                .swagger
                .get(&place.file)
                .or_else(|| self.fragments.get(&place.file));
            if let (Some(grafts), Some(pointer)) = (grafts, place.pointer.as_mut()) {
                *pointer = grafts.original(pointer);
            }
        };
        for diagnostic in diagnostics.iter_mut() {
            restore(&mut diagnostic.place);
            for (place, _) in &mut diagnostic.related {
                restore(place);
            }
        }
        let mut seen = std::collections::HashSet::new();
        diagnostics.retain(|diagnostic| {
            let place = &diagnostic.place;
            !self.swagger.contains_key(&place.file)
                || seen.insert((
                    diagnostic.rule.id,
                    place.file,
                    place.span,
                    place.pointer.clone(),
                    diagnostic.message.clone(),
                ))
        });
    }

    fn report_parse(&mut self, file: FileId, span: Span, message: String) {
        self.problems.push(Problem::new(
            OpenApiProblemKind::Parse,
            Place::pointer(file, span, None),
            message,
        ));
    }

    /// Scans the root and every file it reaches for `$ref`s and ignore markers,
    /// loading referenced files once each.
    fn follow_refs(&mut self, root: FileId, root_dir: &str, loader: &dyn Loader) {
        let mut queue = VecDeque::from([root]);
        let mut loaded: HashMap<String, FileId> = HashMap::new();
        loaded.insert(loader::normalize(self.sources.name(root)), root);
        let mut sites = Vec::new();
        let mut ignores = Vec::new();
        while let Some(file) = queue.pop_front() {
            let before = sites.len();
            if let Some(tree) = self.tree(file) {
                let mut scan = Scan {
                    file,
                    path: Vec::new(),
                    sites: &mut sites,
                    ignores: &mut ignores,
                };
                scan.node(tree);
            }
            let file_dir = loader::parent(&loader::normalize(self.sources.name(file))).to_owned();
            for index in before..sites.len() {
                let Some(site) = sites.get(index) else {
                    continue;
                };
                let (file_part, fragment) = split_ref(&site.text);
                let self_uri = self
                    .tree(site.file)
                    .and_then(|tree| tree.get("$self"))
                    .and_then(Node::as_str);
                let relative = self_uri.and_then(|uri| relative_to_self(uri, file_part));
                let file_part = relative.as_deref().unwrap_or(file_part);
                let target_file = if file_part.is_empty() {
                    Ok(site.file)
                } else if is_url(file_part) {
                    Err(format!(
                        "`{}` points at a URL; archlint never fetches from the network",
                        site.text
                    ))
                } else {
                    let path = loader::join(&file_dir, &percent_path(file_part));
                    if !loader::is_within(root_dir, &path) {
                        Err(format!(
                            "`{}` leaves the folder of the root document; it is not followed",
                            site.text
                        ))
                    } else if let Some(&id) = loaded.get(&path) {
                        Ok(id)
                    } else if loaded.len() >= self.limits.documents {
                        Err(format!(
                            "`{}` is not followed: the description already reads {} files (raise `[limits] documents` to read more)",
                            site.text, self.limits.documents
                        ))
                    } else {
                        match loader.read(&path) {
                            Ok(bytes) => {
                                let from_swagger = self.swagger.contains_key(&site.file)
                                    || self.fragments.contains_key(&site.file);
                                let id = self.add_file(&path, bytes, from_swagger);
                                loaded.insert(path, id);
                                queue.push_back(id);
                                Ok(id)
                            }
                            Err(message) => {
                                self.problems.push(Problem::new(
                                    OpenApiProblemKind::UnresolvedRef,
                                    site.place(),
                                    format!("`{}` cannot be read: {message}", site.text),
                                ));
                                self.set_ref(site.file, site.text.clone(), RefTarget::Broken);
                                continue;
                            }
                        }
                    }
                };
                let target = match target_file {
                    Ok(file) => match fragment_tokens(fragment) {
                        Some(tokens) => RefTarget::Found { file, tokens },
                        None => RefTarget::Broken,
                    },
                    Err(message) => {
                        self.problems.push(Problem::new(
                            OpenApiProblemKind::ExternalRef,
                            site.place(),
                            message,
                        ));
                        RefTarget::Broken
                    }
                };
                self.set_ref(site.file, site.text.clone(), target);
            }
        }
        self.ignores = ignores;
        self.resolve_refs();
        for site in &sites {
            self.check_site(site);
        }
    }

    /// Reports a reference whose target does not exist or that loops.
    fn check_site(&mut self, site: &RefSite) {
        // A readable file whose pointer did not resolve: report why.
        let message = match self.ref_target(site.file, &site.text) {
            Some(RefTarget::Found { file, .. }) if self.tree(*file).is_none() => {
                format!(
                    "`{}` points into a file that could not be parsed",
                    site.text
                )
            }
            Some(RefTarget::Found { .. }) => {
                format!("`{}` does not point at anything", site.text)
            }
            Some(RefTarget::Resolved { .. }) => {
                let message = match self.chain_end(site.file, &site.text) {
                    ChainEnd::Value => return,
                    ChainEnd::Loop => format!(
                        "`{}` is part of a cycle of references that never reaches a value",
                        site.text
                    ),
                    ChainEnd::TooLong => format!(
                        "`{}` starts a chain of more than {} `$ref`s to `$ref`s; it is not followed (raise `[limits] ref_hops` to follow it)",
                        site.text, self.limits.ref_hops
                    ),
                };
                self.problems.push(Problem::new(
                    OpenApiProblemKind::RefCycle,
                    site.place(),
                    message,
                ));
                return;
            }
            _ => return,
        };
        self.problems.push(Problem::new(
            OpenApiProblemKind::UnresolvedRef,
            site.place(),
            message,
        ));
    }

    /// Where following `$ref`s from this reference ends: a value, or a loop
    /// (it comes back to where it was), or neither within `[limits] ref_hops`.
    fn chain_end(&self, file: FileId, text: &str) -> ChainEnd {
        let mut current_file = file;
        let mut current_text = text.to_owned();
        let mut seen = HashSet::new();
        for _ in 0..self.limits.ref_hops {
            if !seen.insert((current_file, current_text.clone())) {
                return ChainEnd::Loop;
            }
            let Some(next) = self.target(current_file, &current_text) else {
                return ChainEnd::Value;
            };
            match next.node.get("$ref").and_then(Node::as_str) {
                Some(again) => {
                    current_file = next.file;
                    current_text = again.to_owned();
                }
                None => return ChainEnd::Value,
            }
        }
        ChainEnd::TooLong
    }
}

impl RefSite {
    fn place(&self) -> Place {
        Place::pointer(self.file, self.span, Some(self.pointer.clone()))
    }
}

/// `file.yaml#/a/b` → (`file.yaml`, `/a/b`).
fn split_ref(text: &str) -> (&str, &str) {
    match text.split_once('#') {
        Some((file, fragment)) => (file, fragment),
        None => (text, ""),
    }
}

/// A URL reference under the document's own identity (OpenAPI 3.2 `$self`) as
/// a path relative to the document: `""` for the document itself. `None` when
/// it is not under `$self`'s folder.
fn relative_to_self(self_uri: &str, reference: &str) -> Option<String> {
    // Both absolute URLs, or both absolute paths (`$self: /api/openapi.yaml`).
    let absolute = |text: &str| is_url(text) || text.starts_with('/');
    if !absolute(reference) || is_url(reference) != is_url(self_uri) || !absolute(self_uri) {
        return None;
    }
    let self_uri = split_ref(self_uri).0;
    if reference == self_uri {
        return Some(String::new());
    }
    let folder = self_uri.get(..self_uri.rfind('/')? + 1)?;
    let rest = reference.strip_prefix(folder)?;
    (!rest.is_empty()).then(|| rest.to_owned())
}

fn is_url(text: &str) -> bool {
    // A scheme is letters followed by `:`; `C:` style drive letters are not URLs
    // but are not relative either, so they count as leaving the folder anyway.
    match text.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => text.starts_with("//"),
    }
}

fn percent_path(text: &str) -> String {
    pointer::percent_decode(text)
}

fn fragment_tokens(fragment: &str) -> Option<Vec<String>> {
    pointer::tokens(&pointer::percent_decode(fragment))
}

/// Walks a tree collecting `$ref` sites and `x-archlint-ignore` markers.
struct Scan<'s, 't> {
    file: FileId,
    path: Vec<Token<'t>>,
    sites: &'s mut Vec<RefSite>,
    ignores: &'s mut Vec<IgnoreMarker>,
}

#[derive(Clone, Copy)]
enum Token<'t> {
    Key(&'t str),
    Index(usize),
}

impl<'t> Scan<'_, 't> {
    fn node(&mut self, node: &'t Node) {
        match &node.value {
            Value::Object(members) => {
                for member in members {
                    if member.key == "$ref" {
                        if let Some(text) = member.value.as_str() {
                            let pointer = pointer::push(&self.pointer(), "$ref");
                            self.sites.push(RefSite {
                                file: self.file,
                                pointer,
                                span: member.span(),
                                text: text.to_owned(),
                            });
                            continue;
                        }
                    }
                    if member.key == "x-archlint-ignore" {
                        self.ignore_marker(&member.value);
                        continue;
                    }
                    self.path.push(Token::Key(&member.key));
                    self.node(&member.value);
                    self.path.pop();
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.path.push(Token::Index(index));
                    self.node(item);
                    self.path.pop();
                }
            }
            _ => {}
        }
    }

    fn ignore_marker(&mut self, value: &Node) {
        let rules: Vec<String> = match &value.value {
            Value::String(rule) => vec![rule.clone()],
            Value::Array(items) => items
                .iter()
                .filter_map(Node::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        };
        if !rules.is_empty() {
            self.ignores.push(IgnoreMarker {
                file: self.file,
                pointer: self.pointer(),
                rules,
            });
        }
    }

    fn pointer(&self) -> String {
        let mut text = String::new();
        for token in &self.path {
            text = match token {
                Token::Key(key) => pointer::push(&text, key),
                Token::Index(index) => pointer::push(&text, &index.to_string()),
            };
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::loader::MemoryLoader;

    fn names(documents: &Documents) -> Vec<OpenApiProblemKind> {
        documents.problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn files_a_swagger_2_document_references_use_its_spellings() {
        let mut loader = MemoryLoader::new();
        loader.insert(
            "spec/api.yaml",
            "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  A: {$ref: 'defs.yaml#/Pet'}\n",
        );
        loader.insert(
            "spec/defs.yaml",
            "Pet:\n  type: object\n  properties:\n    x-nullable: {type: string}\n    name: {type: string, x-nullable: true}\n",
        );
        let documents = Documents::load("spec/api.yaml", &loader);
        assert!(documents.problems.is_empty(), "{:?}", names(&documents));
        let root = documents.root_node().unwrap();
        let a = root
            .get("components")
            .unwrap()
            .get("schemas")
            .unwrap()
            .get("A")
            .unwrap();
        let pet = documents.resolve(&a).unwrap();
        let properties = pet.get("properties").unwrap();
        assert!(
            properties.get("x-nullable").is_some(),
            "a property's name is kept"
        );
        let name = properties.get("name").unwrap();
        assert_eq!(name.bool("nullable"), Some(true));
        const RULE: crate::base::RuleMeta = crate::base::RuleMeta {
            id: "TEST001",
            name: "test",
            side: crate::base::Side::Api,
            area: crate::base::Area::Structure,
            severity: crate::base::Severity::Info,
            summary: "",
            fix: "",
            docs: "",
            peers: &[],
        };
        let mut diagnostics = vec![Diagnostic::new(
            &RULE,
            name.get("nullable").unwrap().place(),
            "m",
        )];
        documents.restore_pointers(&mut diagnostics);
        assert_eq!(
            diagnostics[0].place.pointer.as_deref(),
            Some("/Pet/properties/name/x-nullable")
        );
    }

    #[test]
    fn path_items_a_swagger_2_document_references_are_read_as_2_0() {
        let mut loader = MemoryLoader::new();
        loader.insert(
            "spec/api.yaml",
            "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets: {$ref: 'pets.yaml'}\n",
        );
        loader.insert(
            "spec/pets.yaml",
            "post:\n  parameters:\n    - {name: pet, in: body, schema: {type: object}}\n    - {name: dry, in: query, type: boolean}\n  responses: {'204': {description: ok}}\n",
        );
        let documents = Documents::load("spec/api.yaml", &loader);
        assert!(documents.problems.is_empty(), "{:?}", names(&documents));
        let root = documents.root_node().unwrap();
        let item = documents
            .resolve(&root.get("paths").unwrap().get("/pets").unwrap())
            .unwrap();
        let post = item.get("post").unwrap();
        assert!(post.get("requestBody").is_some());
        let dry = post.get("parameters").unwrap().items().next().unwrap();
        assert_eq!(dry.get("schema").unwrap().str("type"), Some("boolean"));
    }

    #[test]
    fn refs_under_self_resolve_locally() {
        let mut loader = MemoryLoader::new();
        loader.insert(
            "spec/api.yaml",
            "$self: https://example.com/api/openapi.yaml\na: {$ref: 'https://example.com/api/openapi.yaml#/b'}\nb: {type: object}\nc: {$ref: 'https://example.com/api/common/s.yaml#/User'}\nd: {$ref: 'https://elsewhere.com/x.yaml'}\n",
        );
        loader.insert("spec/common/s.yaml", "User:\n  type: object\n");
        loader.insert(
            "spec/paths.yaml",
            "$self: /api/openapi.yaml\na: {$ref: '/api/common/s.yaml#/User'}\n",
        );
        let by_path = Documents::load("spec/paths.yaml", &loader);
        assert!(by_path.problems.is_empty(), "{:?}", names(&by_path));
        let documents = Documents::load("spec/api.yaml", &loader);
        let kinds: Vec<_> = names(&documents);
        assert_eq!(kinds, vec![OpenApiProblemKind::ExternalRef]);
        let root = documents.root_node().unwrap();
        let a = documents.resolve(&root.get("a").unwrap()).unwrap();
        assert_eq!(a.pointer, "/b");
        let c = documents.resolve(&root.get("c").unwrap()).unwrap();
        assert_eq!(documents.sources.name(c.file), "spec/common/s.yaml");
    }

    #[test]
    fn refs_across_files_resolve() {
        let mut loader = MemoryLoader::new();
        loader.insert("spec/api.yaml", "a:\n  $ref: 'common/s.yaml#/User'\n");
        loader.insert("spec/common/s.yaml", "User:\n  type: object\n");
        let documents = Documents::load("spec/api.yaml", &loader);
        assert!(documents.problems.is_empty(), "{:?}", names(&documents));
        let root = documents.root_node().unwrap();
        let a = root.get("a").unwrap();
        let user = documents.resolve(&a).unwrap();
        assert_eq!(user.pointer, "/User");
        assert_eq!(documents.sources.name(user.file), "spec/common/s.yaml");
        assert_eq!(user.node.get("type").unwrap().as_str(), Some("object"));
    }

    #[test]
    fn escapes_urls_cycles_and_missing_targets_are_findings() {
        let mut loader = MemoryLoader::new();
        loader.insert(
            "spec/api.yaml",
            "a: {$ref: '../secret.yaml'}\nb: {$ref: 'https://example.com/x.yaml'}\nc: {$ref: '#/d'}\nd: {$ref: '#/c'}\ne: {$ref: '#/nope'}\nf: {$ref: 'missing.yaml'}\n",
        );
        loader.insert("secret.yaml", "x: 1\n");
        let documents = Documents::load("spec/api.yaml", &loader);
        let mut found: Vec<String> = names(&documents)
            .iter()
            .map(|kind| format!("{kind:?}"))
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                "ExternalRef",
                "ExternalRef",
                "RefCycle",
                "RefCycle",
                "UnresolvedRef",
                "UnresolvedRef"
            ]
        );
        assert_eq!(
            documents.sources.iter().count(),
            1,
            "nothing outside the folder is read"
        );
    }
}

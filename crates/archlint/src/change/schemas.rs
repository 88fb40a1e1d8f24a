//! Comparing a schema of OLD with the schema in the same place of NEW: types,
//! nullability, enums, bounds, defaults, properties and items, recursively.
//! `$ref`s are followed and `allOf`s merged first, so a schema moved into a
//! component, inlined back, or composed from the same parts is no change.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::openapi::{Documents, NodeAt};
use crate::tree::{Node, Value};

/// How deep a comparison goes (recursive schemas stop at the first repeat).
const MAX_DEPTH: usize = 32;

/// How many `allOf`/`oneOf`/`anyOf` levels one schema's flattening opens.
const MAX_COMPOSITION_DEPTH: usize = 8;

/// How many parts one schema's flattening reads, unions' branches included:
/// far above any real schema's, and a bound on ones built to fan out.
const MAX_PARTS: usize = 512;

/// What differs at one place of a schema.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeltaKind {
    /// `type` or `format` changed (`integer/int32` → `string`).
    TypeChanged {
        old: String,
        new: String,
    },
    PropertyRemoved,
    PropertyAdded {
        required: bool,
    },
    BecameRequired,
    BecameOptional,
    BecameNullable,
    EnumValuesRemoved(Vec<String>),
    EnumValuesAdded(Vec<String>),
    /// A `oneOf`/`anyOf` gained branches (named by component or title).
    VariantsAdded(Vec<String>),
    /// A bound added or made stricter: `maxLength` 200 → 100, a `pattern`,
    /// `additionalProperties: false`.
    Tightened {
        keyword: &'static str,
        old: Option<String>,
        new: String,
    },
    DefaultChanged {
        old: String,
        new: String,
    },
}

/// One difference: where it is in each version and what it is.
#[derive(Clone, Debug)]
pub struct Delta<'a> {
    pub kind: DeltaKind,
    /// The property path from the compared schema: `items[].sku`, or `""`.
    pub path: String,
    /// The node in OLD (for an addition: the OLD parent schema).
    pub old: NodeAt<'a>,
    /// The node in NEW (for a removal: the NEW parent schema).
    pub new: NodeAt<'a>,
}

/// The comparisons made so far, kept across calls: a schema that many
/// operations name (a component) is compared once.
#[derive(Default)]
pub struct Compared<'a> {
    /// A compared pair's differences.
    done: HashMap<(usize, usize), Vec<Delta<'a>>>,
}

/// Compares two schemas, collecting every difference.
pub fn compare_schemas<'a>(
    compared: &mut Compared<'a>,
    old_documents: &'a Documents,
    old: &NodeAt<'a>,
    new_documents: &'a Documents,
    new: &NodeAt<'a>,
) -> Vec<Delta<'a>> {
    let mut comparer = Comparer {
        old_documents,
        new_documents,
        in_progress: HashSet::new(),
        compared,
        out: Vec::new(),
    };
    comparer.compare(old, new, "", 0);
    comparer.out
}

struct Comparer<'a, 'm> {
    old_documents: &'a Documents,
    new_documents: &'a Documents,
    /// The pairs compared in this comparison.
    in_progress: HashSet<(usize, usize)>,
    compared: &'m mut Compared<'a>,
    out: Vec<Delta<'a>>,
}

/// A schema with its `allOf` parts merged: what it constrains, wherever said.
struct Flat<'a> {
    at: NodeAt<'a>,
    /// The component it names, or its title: how it is known as a union's
    /// branch.
    name: Option<String>,
    properties: BTreeMap<&'a str, NodeAt<'a>>,
    required: BTreeSet<&'a str>,
    /// The first part that says each keyword.
    keywords: BTreeMap<&'a str, NodeAt<'a>>,
    /// The branches of a union of several, by name, and where it is.
    variants: Option<(NodeAt<'a>, Vec<String>)>,
}

/// A branch's name: the component it names, its title, the one value its
/// tag property takes (`type: {enum: [push]}` → `type: push`), or its
/// position.
fn variant_name(documents: &Documents, branch: &NodeAt<'_>, index: usize) -> String {
    own_name(branch)
        .or_else(|| tag(documents, branch))
        .unwrap_or_else(|| format!("branch {}", index + 1))
}

/// `type: push` for a branch whose `type` property (or one of its `allOf`
/// parts') takes one value.
fn tag(documents: &Documents, branch: &NodeAt<'_>) -> Option<String> {
    documents
        .all_of_parts(branch, 4)
        .iter()
        .find_map(|part| own_tag(documents, part))
}

/// The first of a schema's own properties that takes one value.
fn own_tag(documents: &Documents, schema: &NodeAt<'_>) -> Option<String> {
    let single = |property: &NodeAt<'_>| -> Option<String> {
        let property = documents.resolve_or_self(property);
        if let Some(value) = property.get("const") {
            return Some(value_text(value.node));
        }
        match property.get("enum")?.node.items() {
            [one] => Some(value_text(one)),
            _ => None,
        }
    };
    let properties = schema.get("properties")?;
    let found = properties
        .entries()
        .find_map(|(name, property)| single(&property).map(|value| format!("{name}: {value}")));
    found
}

/// The component a schema names (`#/components/schemas/Card` → `Card`), or
/// its title.
fn own_name(schema: &NodeAt<'_>) -> Option<String> {
    let text = |key: &str| schema.get(key).and_then(|value| value.node.as_str());
    if let Some(reference) = text("$ref") {
        return reference.rsplit('/').next().map(str::to_owned);
    }
    text("title").map(str::to_owned)
}

fn flatten<'a>(documents: &'a Documents, at: &NodeAt<'a>) -> Flat<'a> {
    let mut budget = MAX_PARTS;
    flatten_within(documents, at, 0, &mut budget)
}

/// Flattens `at`, found `depth` compositions deep, reading at most `budget`
/// parts (shared with the unions inside it). Each part is read once: an
/// `allOf` or a union that reaches itself, or fans out to the same parts
/// again and again, stops instead of growing without end.
fn flatten_within<'a>(
    documents: &'a Documents,
    at: &NodeAt<'a>,
    depth: usize,
    budget: &mut usize,
) -> Flat<'a> {
    let name = own_name(at);
    let at = documents.resolve_or_self(at);
    if depth > MAX_COMPOSITION_DEPTH {
        return Flat::empty(at);
    }
    let mut flat = Flat {
        name: name
            .or_else(|| own_name(&at))
            .or_else(|| tag(documents, &at)),
        ..Flat::empty(at.clone())
    };
    let mut pending = vec![(at, depth)];
    let mut seen = HashSet::new();
    while let Some((part, depth)) = pending.pop() {
        if !seen.insert(part.identity()) {
            continue;
        }
        let Some(left) = budget.checked_sub(1) else {
            break;
        };
        *budget = left;
        let nested = depth < MAX_COMPOSITION_DEPTH;
        for (key, value) in part.entries() {
            match key {
                "properties" => {
                    for (name, property) in value.entries() {
                        flat.properties.entry(name).or_insert(property);
                    }
                }
                "required" => {
                    flat.required
                        .extend(value.node.items().iter().filter_map(Node::as_str));
                }
                "allOf" if nested => {
                    for item in value.items() {
                        pending.push((documents.resolve_or_self(&item), depth + 1));
                    }
                }
                // One branch is the schema itself.
                "oneOf" | "anyOf" if nested && value.node.items().len() == 1 => {
                    record_variants(documents, &value, &mut flat);
                    for item in value.items() {
                        pending.push((documents.resolve_or_self(&item), depth + 1));
                    }
                }
                "oneOf" | "anyOf" if nested => {
                    record_variants(documents, &value, &mut flat);
                    union(documents, &value, &mut flat, depth + 1, budget);
                }
                _ => {
                    flat.keywords.entry(key).or_insert(value);
                }
            }
        }
    }
    flat
}

/// The names of a union's branches (the first union met).
fn record_variants<'a>(documents: &'a Documents, branches: &NodeAt<'a>, flat: &mut Flat<'a>) {
    if flat.variants.is_none() {
        let names = branches
            .items()
            .enumerate()
            .map(|(index, branch)| variant_name(documents, &branch, index))
            .collect();
        flat.variants = Some((branches.clone(), names));
    }
}

/// A union's properties: each property any branch has (a property is gone
/// only when no branch has it), required when every branch requires it.
fn union<'a>(
    documents: &'a Documents,
    branches: &NodeAt<'a>,
    flat: &mut Flat<'a>,
    depth: usize,
    budget: &mut usize,
) {
    let mut required: Option<BTreeSet<&'a str>> = None;
    for branch in branches.items() {
        let branch = flatten_within(documents, &branch, depth, budget);
        for (name, property) in branch.properties {
            flat.properties.entry(name).or_insert(property);
        }
        required = Some(match required {
            None => branch.required,
            Some(so_far) => so_far.intersection(&branch.required).copied().collect(),
        });
    }
    flat.required.extend(required.unwrap_or_default());
}

impl<'a> Flat<'a> {
    fn empty(at: NodeAt<'a>) -> Self {
        Flat {
            at,
            name: None,
            properties: BTreeMap::new(),
            required: BTreeSet::new(),
            keywords: BTreeMap::new(),
            variants: None,
        }
    }
}

impl<'a> Comparer<'a, '_> {
    fn push(&mut self, kind: DeltaKind, path: &str, old: &NodeAt<'a>, new: &NodeAt<'a>) {
        self.out.push(Delta {
            kind,
            path: path.to_owned(),
            old: old.clone(),
            new: new.clone(),
        });
    }

    fn compare(&mut self, old: &NodeAt<'a>, new: &NodeAt<'a>, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let key = (
            self.old_documents.resolve_or_self(old).identity(),
            self.new_documents.resolve_or_self(new).identity(),
        );
        // Each pair once per comparison: a schema reached by many paths (or
        // by itself) is compared at the first.
        if !self.in_progress.insert(key) {
            return;
        }
        if depth == 0 {
            if let Some(known) = self.compared.done.get(&key) {
                self.out.extend(known.iter().cloned());
                return;
            }
        }
        let start = self.out.len();
        self.compare_flat(old, new, path, depth);
        if depth == 0 {
            let found = self.out.get(start..).unwrap_or_default().to_vec();
            self.compared.done.insert(key, found);
        }
    }

    fn compare_flat(&mut self, old: &NodeAt<'a>, new: &NodeAt<'a>, path: &str, depth: usize) {
        let old = flatten(self.old_documents, old);
        let new = flatten(self.new_documents, new);
        self.types(&old, &new, path);
        self.nullability(&old, &new, path);
        self.enums(&old, &new, path);
        self.variants(&old, &new, path);
        self.bounds(&old, &new, path);
        self.default(&old, &new, path);
        self.properties(&old, &new, path, depth);
        if let (Some(old_items), Some(new_items)) =
            (old.keywords.get("items"), new.keywords.get("items"))
        {
            let items_path = format!("{path}[]");
            self.compare(old_items, new_items, &items_path, depth + 1);
        }
    }

    fn types(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        let (Some(old_type), Some(new_type)) = (type_of(old), type_of(new)) else {
            return;
        };
        let base = |text: &str| text.split('/').next().unwrap_or_default().to_owned();
        if old_type != new_type && base(&old_type) == base(&new_type) && !old_type.contains('/') {
            // A format added to the same type narrows what a request may
            // send; a response only says more about what it always sent.
            if let Some(format) = new.keywords.get("format") {
                let text = format.node.as_str().unwrap_or_default().to_owned();
                self.push(
                    DeltaKind::Tightened {
                        keyword: "format",
                        old: None,
                        new: text,
                    },
                    path,
                    &old.at,
                    format,
                );
            }
            return;
        }
        if old_type != new_type && base(&old_type) == base(&new_type) && !new_type.contains('/') {
            // A format dropped: what is accepted and returned only widens.
            return;
        }
        if old_type != new_type {
            let at = new.keywords.get("type").unwrap_or(&new.at);
            let old_at = old.keywords.get("type").unwrap_or(&old.at);
            self.push(
                DeltaKind::TypeChanged {
                    old: old_type,
                    new: new_type,
                },
                path,
                old_at,
                at,
            );
        }
    }

    fn nullability(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        if !is_nullable(old) && is_nullable(new) {
            let at = new.keywords.get("nullable").or(new.keywords.get("type"));
            self.push(
                DeltaKind::BecameNullable,
                path,
                &old.at,
                at.unwrap_or(&new.at),
            );
        }
    }

    fn enums(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        let (Some(old_enum), Some(new_enum)) = (old.keywords.get("enum"), new.keywords.get("enum"))
        else {
            if let (None, Some(new_enum)) = (old.keywords.get("enum"), new.keywords.get("enum")) {
                let values = values(new_enum.node);
                self.push(
                    DeltaKind::Tightened {
                        keyword: "enum",
                        old: None,
                        new: values.join(", "),
                    },
                    path,
                    &old.at,
                    new_enum,
                );
            }
            return;
        };
        let old_values = values(old_enum.node);
        let new_values = values(new_enum.node);
        let removed: Vec<String> = old_values
            .iter()
            .filter(|value| !new_values.contains(value))
            .cloned()
            .collect();
        let added: Vec<String> = new_values
            .iter()
            .filter(|value| !old_values.contains(value))
            .cloned()
            .collect();
        if !removed.is_empty() {
            self.push(
                DeltaKind::EnumValuesRemoved(removed),
                path,
                old_enum,
                new_enum,
            );
        }
        if !added.is_empty() {
            self.push(DeltaKind::EnumValuesAdded(added), path, old_enum, new_enum);
        }
    }

    /// Branches NEW's union has that OLD's did not: OLD's union, or OLD's
    /// schema itself when NEW wraps it in one.
    fn variants(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        let Some((new_union, new_names)) = &new.variants else {
            return;
        };
        let old_names: Vec<&String> = match (&old.variants, &old.name) {
            (Some((_, names)), _) => names.iter().collect(),
            (None, Some(name)) => vec![name],
            // An unnamed schema wrapped in a union: which branch it became
            // cannot be told.
            (None, None) => return,
        };
        let added: Vec<String> = new_names
            .iter()
            .filter(|name| !old_names.contains(name))
            .cloned()
            .collect();
        // As many branches as before, or fewer, under other names: renamed
        // components (their shapes are compared as properties), not a wider
        // union.
        if new_names.len() > old_names.len() && !added.is_empty() {
            self.push(DeltaKind::VariantsAdded(added), path, &old.at, new_union);
        }
    }

    fn bounds(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        // Keyword, and whether a larger value is stricter.
        const BOUNDS: [(&str, bool); 8] = [
            ("maxLength", false),
            ("minLength", true),
            ("maximum", false),
            ("minimum", true),
            ("maxItems", false),
            ("minItems", true),
            ("maxProperties", false),
            ("minProperties", true),
        ];
        for (keyword, larger_is_stricter) in BOUNDS {
            let Some(new_at) = new.keywords.get(keyword) else {
                continue;
            };
            let Some(new_value) = new_at.node.as_f64() else {
                continue;
            };
            let old_value = old.keywords.get(keyword).and_then(|at| at.node.as_f64());
            let stricter = match old_value {
                None => true,
                Some(old_value) if larger_is_stricter => new_value > old_value,
                Some(old_value) => new_value < old_value,
            };
            if stricter {
                self.push(
                    DeltaKind::Tightened {
                        keyword,
                        old: old_value.map(number_text),
                        new: number_text(new_value),
                    },
                    path,
                    old.keywords.get(keyword).unwrap_or(&old.at),
                    new_at,
                );
            }
        }
        if let Some(new_pattern) = new.keywords.get("pattern") {
            let old_pattern = old.keywords.get("pattern").and_then(|at| at.node.as_str());
            let text = new_pattern.node.as_str().unwrap_or_default();
            if old_pattern != Some(text) {
                self.push(
                    DeltaKind::Tightened {
                        keyword: "pattern",
                        old: old_pattern.map(str::to_owned),
                        new: text.to_owned(),
                    },
                    path,
                    old.keywords.get("pattern").unwrap_or(&old.at),
                    new_pattern,
                );
            }
        }
        let closed = |flat: &Flat<'_>| {
            flat.keywords
                .get("additionalProperties")
                .is_some_and(|at| at.node.as_bool() == Some(false))
        };
        if closed(new) && !closed(old) {
            if let Some(at) = new.keywords.get("additionalProperties") {
                self.push(
                    DeltaKind::Tightened {
                        keyword: "additionalProperties",
                        old: None,
                        new: "false".to_owned(),
                    },
                    path,
                    &old.at,
                    at,
                );
            }
        }
    }

    fn default(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str) {
        let (Some(old_default), Some(new_default)) =
            (old.keywords.get("default"), new.keywords.get("default"))
        else {
            return;
        };
        let (old_text, new_text) = (value_text(old_default.node), value_text(new_default.node));
        if old_text != new_text {
            self.push(
                DeltaKind::DefaultChanged {
                    old: old_text,
                    new: new_text,
                },
                path,
                old_default,
                new_default,
            );
        }
    }

    fn properties(&mut self, old: &Flat<'a>, new: &Flat<'a>, path: &str, depth: usize) {
        let join = |name: &str| {
            if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };
        for (name, old_property) in &old.properties {
            let property_path = join(name);
            match new.properties.get(name) {
                None => self.push(
                    DeltaKind::PropertyRemoved,
                    &property_path,
                    old_property,
                    &new.at,
                ),
                Some(new_property) => {
                    let (was, is) = (old.required.contains(name), new.required.contains(name));
                    if is && !was {
                        self.push(
                            DeltaKind::BecameRequired,
                            &property_path,
                            old_property,
                            new_property,
                        );
                    } else if was && !is {
                        self.push(
                            DeltaKind::BecameOptional,
                            &property_path,
                            old_property,
                            new_property,
                        );
                    }
                    self.compare(old_property, new_property, &property_path, depth + 1);
                }
            }
        }
        for (name, new_property) in &new.properties {
            if !old.properties.contains_key(name) {
                let required = new.required.contains(name);
                self.push(
                    DeltaKind::PropertyAdded { required },
                    &join(name),
                    &old.at,
                    new_property,
                );
            }
        }
    }
}

/// `integer/int32`, `string`, `string/uuid`; `None` when the schema says no type.
fn type_of(flat: &Flat<'_>) -> Option<String> {
    let kind = flat.keywords.get("type")?;
    let kind = match &kind.node.value {
        Value::String(text) => text.clone(),
        Value::Array(items) => {
            let mut names: Vec<&str> = items
                .iter()
                .filter_map(Node::as_str)
                .filter(|name| *name != "null")
                .collect();
            names.sort_unstable();
            names.join("|")
        }
        _ => return None,
    };
    Some(
        match flat.keywords.get("format").and_then(|at| at.node.as_str()) {
            Some(format) => format!("{kind}/{format}"),
            None => kind,
        },
    )
}

fn is_nullable(flat: &Flat<'_>) -> bool {
    flat.keywords
        .get("nullable")
        .is_some_and(|at| at.node.as_bool() == Some(true))
        || flat.keywords.get("type").is_some_and(|at| {
            at.node
                .items()
                .iter()
                .any(|item| item.as_str() == Some("null"))
        })
}

fn values(node: &Node) -> Vec<String> {
    node.items().iter().map(value_text).collect()
}

/// A value as JSON-ish text, for comparing and for messages.
fn value_text(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number_text(number.value),
        Value::String(text) => text.clone(),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(value_text).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|member| format!("{}: {}", member.key, value_text(&member.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

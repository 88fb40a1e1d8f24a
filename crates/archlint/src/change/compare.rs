//! Every difference between two versions of an API that a client can notice,
//! with the side that reads it (a stricter request breaks senders; a looser
//! response breaks readers) and whether it breaks existing clients.

use std::collections::BTreeMap;

use super::operations::{pair_operations, OperationPairs};
use super::schemas::{compare_schemas, Compared, Delta, DeltaKind};
use super::sunset::{announces_end, sunset};
use crate::base::date::Day;
use crate::openapi::{
    Api, Documents, MediaType, NodeAt, Operation, Parameter, SecurityRequirement,
};

/// Who reads what changed: the client sending a request, or reading a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Request,
    Response,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    OperationRemoved {
        /// OLD marked it `deprecated: true`.
        deprecated: bool,
        /// OLD announced the end with a `Sunset` or `Deprecation` header.
        announced: bool,
        /// The end OLD announced, when it named a day.
        sunset: Option<Day>,
    },
    OperationAdded,
    OperationDeprecated {
        /// The end NEW announces, when it names a day.
        sunset: Option<Day>,
    },
    /// Same `operationId`, another path.
    PathChanged {
        old_path: String,
    },
    ParameterAdded {
        required: bool,
    },
    ParameterBecameRequired,
    /// A parameter clients may still send is no longer read.
    ParameterRemoved,
    BodyBecameRequired,
    MediaTypeRemoved {
        name: String,
        /// The one media type NEW lists instead, when there is one.
        replacement: Option<String>,
    },
    SuccessStatusRemoved {
        status: String,
    },
    /// A public operation now requires credentials.
    SecurityAdded,
    /// Every way in now needs a scope OLD did not ask for.
    ScopeAdded {
        scopes: Vec<String>,
    },
    Schema(DeltaKind),
}

/// One difference, where it is in each version, and the operations it touches.
#[derive(Clone, Debug)]
pub struct Change<'a> {
    pub kind: ChangeKind,
    pub side: Side,
    /// What it is about: `request body`, "query parameter `limit`", `response 200`.
    pub subject: String,
    /// The property path inside the subject's schema (`items[].sku`), or `""`.
    pub path: String,
    pub old: Option<NodeAt<'a>>,
    pub new: Option<NodeAt<'a>>,
    /// `GET /users/{id}` of each operation touched (NEW's label; OLD's when removed).
    pub operations: Vec<String>,
}

impl Change<'_> {
    /// Whether existing clients that follow OLD break.
    pub fn is_breaking(&self) -> bool {
        match &self.kind {
            ChangeKind::OperationAdded
            | ChangeKind::OperationDeprecated { .. }
            | ChangeKind::ParameterRemoved => false,
            ChangeKind::ParameterAdded { required } => *required,
            ChangeKind::Schema(delta) => delta_breaks(delta, self.side),
            _ => true,
        }
    }

    /// The subject and path, for messages: "request body property `items[].sku`".
    pub fn place_label(&self) -> String {
        if self.path.is_empty() {
            self.subject.clone()
        } else {
            format!("{} property `{}`", self.subject, short_path(&self.path))
        }
    }

    /// A short phrase for lists: "`GET /a` removed", "request body property
    /// `sku` of `POST /a`: `maxLength` tightened".
    pub fn describe(&self) -> String {
        let operations = self.operations_label();
        match &self.kind {
            ChangeKind::OperationRemoved { .. } => format!("{operations} removed"),
            ChangeKind::OperationAdded => format!("{operations} added"),
            ChangeKind::OperationDeprecated { .. } => format!("{operations} deprecated"),
            ChangeKind::PathChanged { old_path } => format!("{operations} moved from `{old_path}`"),
            ChangeKind::ParameterAdded { .. } => format!("new {} of {operations}", self.subject),
            ChangeKind::ParameterRemoved => format!("{} of {operations} removed", self.subject),
            ChangeKind::ParameterBecameRequired | ChangeKind::BodyBecameRequired => {
                format!("{} of {operations} made required", self.subject)
            }
            ChangeKind::MediaTypeRemoved { name, .. } => {
                format!("`{name}` dropped from the {} of {operations}", self.subject)
            }
            ChangeKind::SuccessStatusRemoved { status } => {
                format!("{operations} no longer answers `{status}`")
            }
            ChangeKind::SecurityAdded => format!("{operations} now requires credentials"),
            ChangeKind::ScopeAdded { .. } => format!("{operations} requires a new scope"),
            ChangeKind::Schema(delta) => {
                let what = match delta {
                    DeltaKind::TypeChanged { .. } => "type changed".to_owned(),
                    DeltaKind::PropertyRemoved => "removed".to_owned(),
                    DeltaKind::PropertyAdded { .. } => "added as required".to_owned(),
                    DeltaKind::BecameRequired => "made required".to_owned(),
                    DeltaKind::BecameOptional => "made optional".to_owned(),
                    DeltaKind::BecameNullable => "made nullable".to_owned(),
                    DeltaKind::EnumValuesRemoved(_) => "enum values removed".to_owned(),
                    DeltaKind::EnumValuesAdded(_) => "enum values added".to_owned(),
                    DeltaKind::VariantsAdded(_) => "union variants added".to_owned(),
                    DeltaKind::Tightened { keyword, .. } => format!("`{keyword}` tightened"),
                    DeltaKind::DefaultChanged { .. } => "default changed".to_owned(),
                };
                format!("{} of {operations}: {what}", self.place_label())
            }
        }
    }

    /// Whether the change is about something NEW no longer has: it is
    /// located in OLD.
    pub fn is_removal(&self) -> bool {
        matches!(
            self.kind,
            ChangeKind::OperationRemoved { .. }
                | ChangeKind::MediaTypeRemoved { .. }
                | ChangeKind::SuccessStatusRemoved { .. }
                | ChangeKind::ParameterRemoved
                | ChangeKind::Schema(DeltaKind::PropertyRemoved)
        )
    }

    /// "`GET /a`", or "`GET /a` (and 2 other operations)".
    pub fn operations_label(&self) -> String {
        match self.operations.as_slice() {
            [] => String::new(),
            [one] => format!("`{one}`"),
            [first, _] => format!("`{first}` (and 1 other operation)"),
            [first, rest @ ..] => format!("`{first}` (and {} other operations)", rest.len()),
        }
    }
}

/// A property path short enough to read: a deep one (what recursive
/// schemas reach) keeps its first two and last three steps.
fn short_path(path: &str) -> String {
    let steps: Vec<&str> = path.split('.').collect();
    match (
        steps.get(..2),
        steps
            .len()
            .checked_sub(3)
            .and_then(|from| steps.get(from..)),
    ) {
        (Some(head), Some(tail)) if steps.len() > 6 => {
            format!("{}.….{}", head.join("."), tail.join("."))
        }
        _ => path.to_owned(),
    }
}

/// The position of `{name}` among a path's parameters: `/a/{x}/b/{y}`, `y` → 1.
fn template_position(path: &str, name: &str) -> Option<usize> {
    path.split('{')
        .skip(1)
        .position(|rest| rest.split('}').next() == Some(name))
}

fn delta_breaks(delta: &DeltaKind, side: Side) -> bool {
    match (side, delta) {
        (Side::Request, DeltaKind::TypeChanged { old, new }) => !is_widening(old, new),
        // Integers are numbers: a response that narrows to them breaks no reader.
        (Side::Response, DeltaKind::TypeChanged { old, new }) => {
            !(old.starts_with("number") && new.starts_with("integer"))
        }
        (Side::Request, DeltaKind::PropertyAdded { required }) => *required,
        (
            Side::Request,
            DeltaKind::BecameRequired
            | DeltaKind::EnumValuesRemoved(_)
            | DeltaKind::Tightened { .. },
        ) => true,
        (
            Side::Response,
            DeltaKind::PropertyRemoved | DeltaKind::BecameOptional | DeltaKind::BecameNullable,
        ) => true,
        _ => false,
    }
}

/// Whether two parameters of an operation's versions are one: same place and
/// name, or the path parameter at the same position of the template.
fn same_parameter(
    (before, old): (&Operation<'_>, &Parameter<'_>),
    (after, new): (&Operation<'_>, &Parameter<'_>),
) -> bool {
    old.location == new.location
        && (old.name.eq_ignore_ascii_case(new.name)
            || new.location == "path"
                && template_position(before.path, old.name).is_some()
                && template_position(before.path, old.name)
                    == template_position(after.path, new.name))
}

/// A request type that accepts everything the old one did.
fn is_widening(old: &str, new: &str) -> bool {
    matches!(
        (old, new),
        ("integer/int32", "integer/int64")
            | ("integer/int32" | "integer/int64", "integer")
            | ("number/float", "number/double")
            | ("number/float" | "number/double", "number")
            | ("integer", "number")
    ) || old
        .split_once('/')
        .is_some_and(|(kind, _)| kind == new && kind == "string")
}

/// Every difference between OLD and NEW, merged where one shared schema
/// changed under several operations.
pub fn compare_apis<'a>(
    old_documents: &'a Documents,
    old: &Api<'a>,
    new_documents: &'a Documents,
    new: &Api<'a>,
) -> (OperationPairs, Vec<Change<'a>>) {
    let pairs = pair_operations(old, new);
    let mut collector = Collector::new(old_documents, old, new_documents, new);
    for &index in &pairs.removed {
        if let Some(operation) = old.operations.get(index) {
            collector.removed(operation);
        }
    }
    for &index in &pairs.added {
        if let Some(operation) = new.operations.get(index) {
            collector.add(
                ChangeKind::OperationAdded,
                Side::Request,
                "operation",
                "",
                None,
                Some(&operation.at),
                &operation.label(),
            );
        }
    }
    // The pairs are compared in parallel, in chunks whose changes then merge
    // (in order, so the output stays deterministic).
    let paired: Vec<(usize, usize)> = pairs.same.iter().chain(&pairs.moved).copied().collect();
    let chunks: Vec<&[(usize, usize)]> = paired.chunks(PAIRS_PER_TASK).collect();
    let found = crate::base::parallel::par_map(&chunks, |chunk| {
        let mut part = Collector::new(old_documents, old, new_documents, new);
        for &(old_index, new_index) in chunk.iter() {
            if let (Some(before), Some(after)) =
                (old.operations.get(old_index), new.operations.get(new_index))
            {
                part.operation(before, after);
            }
        }
        part
    });
    for part in found {
        collector.absorb(part);
    }
    let changes = collector.changes.into_values().collect();
    (pairs, changes)
}

/// Operation pairs one parallel task compares.
const PAIRS_PER_TASK: usize = 64;

struct Collector<'c, 'a> {
    old_documents: &'a Documents,
    new_documents: &'a Documents,
    old: &'c Api<'a>,
    new: &'c Api<'a>,
    /// Keyed by what and where, so a shared schema's change is one entry.
    changes: BTreeMap<(ChangeKind, Side, String, String, String), Change<'a>>,
    /// Schemas compared already (shared components are met by many
    /// operations, and by many paths inside one).
    compared: Compared<'a>,
}

impl<'c, 'a> Collector<'c, 'a> {
    fn new(
        old_documents: &'a Documents,
        old: &'c Api<'a>,
        new_documents: &'a Documents,
        new: &'c Api<'a>,
    ) -> Self {
        Collector {
            old_documents,
            new_documents,
            old,
            new,
            changes: BTreeMap::new(),
            compared: Compared::default(),
        }
    }

    /// Takes another collector's changes, merging the operations of those
    /// both found.
    fn absorb(&mut self, other: Collector<'c, 'a>) {
        for (key, change) in other.changes {
            match self.changes.get_mut(&key) {
                Some(known) => {
                    for operation in change.operations {
                        if !known.operations.contains(&operation) {
                            known.operations.push(operation);
                        }
                    }
                }
                None => {
                    self.changes.insert(key, change);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        kind: ChangeKind,
        side: Side,
        subject: &str,
        path: &str,
        old: Option<&NodeAt<'a>>,
        new: Option<&NodeAt<'a>>,
        operation: &str,
    ) {
        let place = |at: Option<&NodeAt<'a>>| {
            at.map(|at| format!("{}:{}", at.file.0, at.pointer))
                .unwrap_or_default()
        };
        // A change is keyed by its places alone, so that a shared parameter,
        // schema or security requirement is one change of several operations.
        let key = (kind.clone(), side, String::new(), place(old), place(new));
        let entry = self.changes.entry(key).or_insert_with(|| Change {
            kind,
            side,
            subject: subject.to_owned(),
            path: path.to_owned(),
            old: old.cloned(),
            new: new.cloned(),
            operations: Vec::new(),
        });
        if !entry.operations.iter().any(|known| known == operation) {
            entry.operations.push(operation.to_owned());
        }
    }

    fn removed(&mut self, operation: &Operation<'a>) {
        let kind = ChangeKind::OperationRemoved {
            deprecated: operation.deprecated,
            announced: announces_end(operation),
            sunset: sunset(self.old_documents, operation),
        };
        self.add(
            kind,
            Side::Request,
            "operation",
            "",
            Some(&operation.at),
            None,
            &operation.label(),
        );
    }

    fn operation(&mut self, before: &Operation<'a>, after: &Operation<'a>) {
        let label = after.label();
        if before.path != after.path
            && super::operations::template_shape(before.path)
                != super::operations::template_shape(after.path)
        {
            let kind = ChangeKind::PathChanged {
                old_path: before.path.to_owned(),
            };
            self.add(
                kind,
                Side::Request,
                "operation",
                "",
                Some(&before.at),
                Some(&after.at),
                &label,
            );
        }
        if after.deprecated && !before.deprecated {
            let at = after.at.place_at("deprecated");
            self.add(
                ChangeKind::OperationDeprecated {
                    sunset: sunset(self.new_documents, after),
                },
                Side::Request,
                "operation",
                "",
                Some(&before.at),
                Some(&at),
                &label,
            );
        }
        self.parameters(before, after, &label);
        self.request_body(before, after, &label);
        self.responses(before, after, &label);
        self.security(before, after, &label);
    }

    fn parameters(&mut self, before: &Operation<'a>, after: &Operation<'a>, label: &str) {
        for parameter in &after.parameters {
            let subject = format!("{} parameter `{}`", parameter.location, parameter.name);
            let matching = before
                .parameters
                .iter()
                .find(|old| same_parameter((before, old), (after, parameter)));
            match matching {
                None => {
                    let kind = ChangeKind::ParameterAdded {
                        required: parameter.required && parameter.location != "path",
                    };
                    self.add(
                        kind,
                        Side::Request,
                        &subject,
                        "",
                        Some(&before.at),
                        Some(&parameter.at),
                        label,
                    );
                }
                Some(old) => {
                    if parameter.required && !old.required {
                        self.add(
                            ChangeKind::ParameterBecameRequired,
                            Side::Request,
                            &subject,
                            "",
                            Some(&old.at),
                            Some(&parameter.at),
                            label,
                        );
                    }
                    self.parameter_schema(old, parameter, &subject, label);
                }
            }
        }
        for parameter in &before.parameters {
            let kept = after
                .parameters
                .iter()
                .any(|new| same_parameter((before, parameter), (after, new)));
            if !kept && parameter.location != "path" {
                let subject = format!("{} parameter `{}`", parameter.location, parameter.name);
                self.add(
                    ChangeKind::ParameterRemoved,
                    Side::Request,
                    &subject,
                    "",
                    Some(&parameter.at),
                    Some(&after.at),
                    label,
                );
            }
        }
    }

    fn parameter_schema(
        &mut self,
        old: &Parameter<'a>,
        new: &Parameter<'a>,
        subject: &str,
        label: &str,
    ) {
        if let (Some(old_schema), Some(new_schema)) = (&old.schema, &new.schema) {
            let deltas = self.compare(old_schema, new_schema);
            self.deltas(deltas, Side::Request, subject, label);
        }
    }

    /// The differences of two schemas.
    fn compare(&mut self, old: &NodeAt<'a>, new: &NodeAt<'a>) -> Vec<Delta<'a>> {
        compare_schemas(
            &mut self.compared,
            self.old_documents,
            old,
            self.new_documents,
            new,
        )
    }

    fn deltas(&mut self, deltas: Vec<Delta<'a>>, side: Side, subject: &str, label: &str) {
        for delta in deltas {
            let irrelevant = match (side, &delta.kind) {
                // What a response adds or stops requiring of itself, and what a
                // request stops demanding, breaks no one.
                (Side::Response, DeltaKind::PropertyAdded { .. } | DeltaKind::BecameRequired) => {
                    true
                }
                (Side::Request, DeltaKind::BecameOptional | DeltaKind::BecameNullable) => true,
                _ => false,
            };
            if irrelevant {
                continue;
            }
            self.add(
                ChangeKind::Schema(delta.kind),
                side,
                subject,
                &delta.path,
                Some(&delta.old),
                Some(&delta.new),
                label,
            );
        }
    }

    fn request_body(&mut self, before: &Operation<'a>, after: &Operation<'a>, label: &str) {
        let Some(new_body) = &after.request_body else {
            return;
        };
        // Required now, and not before (or there was no body at all).
        let was_required = before
            .request_body
            .as_ref()
            .is_some_and(|body| body.required);
        if new_body.required && !was_required {
            let old_at = before
                .request_body
                .as_ref()
                .map_or(&before.at, |body| &body.at);
            self.add(
                ChangeKind::BodyBecameRequired,
                Side::Request,
                "request body",
                "",
                Some(old_at),
                Some(&new_body.at),
                label,
            );
        }
        match &before.request_body {
            None => {}
            Some(old_body) => {
                self.media(
                    &old_body.content,
                    &new_body.content,
                    &old_body.at,
                    &new_body.at,
                    Side::Request,
                    "request body",
                    label,
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn media(
        &mut self,
        old: &[MediaType<'a>],
        new: &[MediaType<'a>],
        old_owner: &NodeAt<'a>,
        new_owner: &NodeAt<'a>,
        side: Side,
        subject: &str,
        label: &str,
    ) {
        let added: Vec<&str> = new
            .iter()
            .filter(|candidate| old.iter().all(|media| media.name != candidate.name))
            .map(|candidate| candidate.name)
            .collect();
        for media in old {
            match new.iter().find(|candidate| candidate.name == media.name) {
                None => {
                    let kind = ChangeKind::MediaTypeRemoved {
                        name: media.name.to_owned(),
                        replacement: match added.as_slice() {
                            [one] => Some((*one).to_owned()),
                            _ => None,
                        },
                    };
                    self.add(
                        kind,
                        side,
                        subject,
                        "",
                        Some(&media.at),
                        Some(new_owner),
                        label,
                    );
                }
                Some(counterpart) => {
                    if let (Some(old_schema), Some(new_schema)) =
                        (&media.schema, &counterpart.schema)
                    {
                        let deltas = self.compare(old_schema, new_schema);
                        self.deltas(deltas, side, subject, label);
                    }
                }
            }
        }
        let _ = old_owner;
    }

    fn responses(&mut self, before: &Operation<'a>, after: &Operation<'a>, label: &str) {
        for response in &before.responses {
            let counterpart = after
                .responses
                .iter()
                .find(|candidate| candidate.status == response.status);
            match counterpart {
                None if response.is_success() => {
                    let kind = ChangeKind::SuccessStatusRemoved {
                        status: response.status.to_owned(),
                    };
                    let at = after.responses_at.as_ref().unwrap_or(&after.at);
                    self.add(
                        kind,
                        Side::Response,
                        "responses",
                        "",
                        Some(&response.key_at),
                        Some(at),
                        label,
                    );
                }
                None => {}
                Some(counterpart) => {
                    let subject = format!("response {}", response.status);
                    self.media(
                        &response.content,
                        &counterpart.content,
                        &response.at,
                        &counterpart.at,
                        Side::Response,
                        &subject,
                        label,
                    );
                }
            }
        }
    }

    fn security(&mut self, before: &Operation<'a>, after: &Operation<'a>, label: &str) {
        let old = before.effective_security(self.old);
        let new = after.effective_security(self.new);
        let public = |requirements: Option<&[SecurityRequirement<'_>]>| {
            requirements
                .is_none_or(|list| list.is_empty() || list.iter().any(|r| r.schemes.is_empty()))
        };
        let at = after
            .security_at
            .as_ref()
            .or(self.new.security_at.as_ref())
            .unwrap_or(&after.at);
        if public(old) && !public(new) {
            self.add(
                ChangeKind::SecurityAdded,
                Side::Request,
                "security",
                "",
                Some(&before.at),
                Some(at),
                label,
            );
            return;
        }
        let (Some(old), Some(new)) = (old, new) else {
            return;
        };
        // Scopes every NEW way in asks for that no OLD way in asked for.
        let old_scopes: Vec<&str> = old
            .iter()
            .flat_map(|r| {
                r.schemes
                    .iter()
                    .flat_map(|(_, scopes)| scopes.iter().copied())
            })
            .collect();
        let mut added: Option<Vec<String>> = None;
        for requirement in new {
            let extra: Vec<String> = requirement
                .schemes
                .iter()
                .flat_map(|(_, scopes)| scopes.iter())
                .filter(|scope| !old_scopes.contains(scope))
                .map(|scope| (*scope).to_owned())
                .collect();
            if extra.is_empty() {
                return;
            }
            added.get_or_insert_with(Vec::new).extend(extra);
        }
        if let Some(mut scopes) = added {
            scopes.sort();
            scopes.dedup();
            self.add(
                ChangeKind::ScopeAdded { scopes },
                Side::Request,
                "security",
                "",
                Some(&before.at),
                Some(at),
                label,
            );
        }
    }
}

//! Running a ruleset over one description: each rule's `given` queries,
//! its `then` functions on what they select, and one result per place.

use std::cell::Cell;
use std::collections::HashSet;

use super::functions::{self, Scope, Subject, Violation};
use super::json::{run_budget, target_budget, JsonCopy};
use super::message::{self, Vars};
use super::model::{Field, Given, Ruleset, RulesetProblem, SpectralRule, Then};
use super::view::{Resolver, View};
use crate::base::glob;
use crate::base::{Place as SourcePlace, Severity};
use crate::openapi::Documents;
use crate::tree::query::{Follow, Place, Segment, Selected, Unresolved};
use crate::tree::{Member, Node, Value};

/// One finding of a ruleset rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesetHit {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub place: SourcePlace,
}

/// Runs every enabled rule of the ruleset over one description: its
/// findings, and what kept a rule from being run in full (at the rule).
pub fn run(ruleset: &Ruleset, documents: &Documents) -> (Vec<RulesetHit>, Vec<RulesetProblem>) {
    let view = View::new(documents);
    let Some(root) = view.root(0) else {
        return (Vec::new(), Vec::new());
    };
    let formats = formats_of(root.node);
    let referenced = if ruleset.runnable().any(uses_references) {
        view.referenced_in_root()
    } else {
        HashSet::new()
    };
    let bytes = documents
        .sources
        .iter()
        .map(|(_, file)| file.text.len())
        .sum();
    let json_budget = Cell::new(run_budget(bytes));
    let mut hits = Vec::new();
    let mut problems = Vec::new();
    for rule in ruleset.runnable().filter(|rule| applies(rule, &formats)) {
        let mut seen = HashSet::new();
        let runner = RuleRun {
            rule,
            view: &view,
            resolver: Resolver::new(&view),
            referenced: &referenced,
            json_budget: &json_budget,
            target_budget: target_budget(bytes),
            cut: Cell::new(0),
        };
        for hit in runner.run(root, &formats) {
            if seen.insert((hit.place.file, hit.place.span.start, hit.message.clone())) {
                hits.push(hit);
            }
        }
        if runner.cut.get() > 0 {
            problems.push(cut_short(rule, runner.cut.get(), bytes));
        }
    }
    let hits = apply_overrides(ruleset, hits, &|file| {
        view.files
            .iter()
            .find(|entry| entry.id == file)
            .map_or_else(String::new, |entry| entry.name.clone())
    });
    (hits, problems)
}

/// A rule some of whose `schema` targets were checked with `$ref`s left as
/// written: their references fan out past what a review copies.
fn cut_short(rule: &SpectralRule, targets: usize, bytes: usize) -> RulesetProblem {
    let plural = if targets == 1 { "" } else { "s" };
    RulesetProblem {
        file: rule.origin.file,
        span: rule.origin.span,
        message: format!(
            "`{}` checked {targets} target{plural} with `$ref`s left unexpanded, so its \
             findings there may be wrong: their references fan out past what a review \
             copies ({} nodes a target, {} from references in a run)",
            rule.name,
            target_budget(bytes),
            run_budget(bytes)
        ),
    }
}

fn uses_references(rule: &SpectralRule) -> bool {
    rule.then.iter().any(|then| {
        matches!(
            then.function,
            super::model::Function::UnreferencedReusableObject { .. }
        )
    })
}

/// The formats a description is in, as Spectral names them.
fn formats_of(root: &Node) -> Vec<&'static str> {
    let text = |key: &str| {
        root.get(key).map(|node| match &node.value {
            Value::String(text) => text.clone(),
            Value::Number(number) => number.value.to_string(),
            _ => String::new(),
        })
    };
    if let Some(version) = text("swagger") {
        return if version.starts_with('2') {
            vec!["oas2"]
        } else {
            Vec::new()
        };
    }
    match text("openapi") {
        Some(version) if version.starts_with("3.0") => vec!["oas3", "oas3.0", "oas3_0"],
        Some(version) if version.starts_with("3.1") => vec!["oas3", "oas3.1", "oas3_1"],
        Some(version) if version.starts_with("3.2") => vec!["oas3", "oas3.2", "oas3_2"],
        Some(version) if version.starts_with('3') => vec!["oas3"],
        _ => Vec::new(),
    }
}

fn applies(rule: &SpectralRule, formats: &[&str]) -> bool {
    rule.formats.as_ref().is_none_or(|wanted| {
        wanted
            .iter()
            .any(|format| formats.contains(&format.as_str()))
    })
}

struct RuleRun<'r, 'v, 'd> {
    rule: &'r SpectralRule,
    view: &'v View<'d>,
    resolver: Resolver<'v, 'd>,
    referenced: &'r HashSet<String>,
    /// What is left of the run's budget ([`run_budget`]) for `schema` targets.
    json_budget: &'r Cell<usize>,
    /// What one target's JSON may copy ([`target_budget`]).
    target_budget: usize,
    /// Targets whose copy ran out of budget with `$ref`s unexpanded.
    cut: Cell<usize>,
}

impl<'v> RuleRun<'_, 'v, '_> {
    fn follower(&self) -> &dyn Follow<'v> {
        if self.rule.resolved {
            &self.resolver
        } else {
            &Unresolved
        }
    }

    fn run(&self, root: Place<'v>, formats: &[&str]) -> Vec<RulesetHit> {
        let mut hits = Vec::new();
        let for_this = |given: &&Given| {
            given.formats.as_ref().is_none_or(|wanted| {
                wanted
                    .iter()
                    .any(|format| formats.contains(&format.as_str()))
            })
        };
        for given in self.rule.given.iter().filter(for_this) {
            for selected in given.query.select(root, self.follower()) {
                for then in &self.rule.then {
                    self.judge(&selected, then, &mut hits);
                }
            }
        }
        hits
    }

    fn judge(&self, selected: &Selected<'v>, then: &Then, hits: &mut Vec<RulesetHit>) {
        let base: Vec<String> = selected.path.iter().map(segment_text).collect();
        let start = Target::at(selected.place, selected.member).named(
            selected
                .property_name
                .then(|| selected.member.map(|member| member.key.as_str()))
                .flatten(),
        );
        for (path, target) in self.targets(&start, then.field.as_ref()) {
            let subject = target.subject();
            let to_json = |place: Place<'v>, reach: Option<usize>| {
                let copy =
                    JsonCopy::new(self.follower(), reach, self.target_budget, self.json_budget);
                let json = copy.value(place);
                if copy.was_cut() {
                    self.cut.set(self.cut.get() + 1);
                }
                json
            };
            let scope = Scope {
                follow: self.follower(),
                referenced: self.referenced,
                to_json: &to_json,
            };
            let mut full = base.clone();
            full.extend(path.iter().cloned());
            let name = full.last().map(String::as_str);
            for violation in functions::apply(&then.function, subject, name, &scope) {
                hits.push(self.hit(&target, &full, violation));
            }
        }
    }

    /// What the function judges: the result itself, its `field`, or each key.
    fn targets(&self, start: &Target<'v>, field: Option<&Field>) -> Vec<(Vec<String>, Target<'v>)> {
        let place = self.follower().follow(start.place);
        // Spectral reads `field` only on objects and arrays: a string's
        // `field` is the string itself.
        let is_container =
            start.name.is_none() && (place.node.is_object() || place.node.is_array());
        let Some(field) = field.filter(|_| is_container) else {
            return vec![(Vec::new(), *start)];
        };
        match field {
            Field::Keys => place
                .node
                .members()
                .iter()
                .map(|member| {
                    let value = Place {
                        doc: place.doc,
                        node: &member.value,
                    };
                    let target = Target::at(value, Some(member)).named(Some(member.key.as_str()));
                    (vec![member.key.clone()], target)
                })
                .collect(),
            Field::Path(segments) => {
                vec![(
                    segments.clone(),
                    self.descend(place, start.member, segments),
                )]
            }
            Field::Query(query) => query
                .select(place, self.follower())
                .into_iter()
                .map(|found| {
                    let name = found
                        .property_name
                        .then(|| found.member.map(|member| member.key.as_str()))
                        .flatten();
                    let target = Target::at(found.place, found.member).named(name);
                    (found.path.iter().map(segment_text).collect(), target)
                })
                .collect(),
        }
    }

    /// Follows `segments` below a place; a missing step leaves the target
    /// undefined, located at the closest place that exists.
    fn descend(
        &self,
        place: Place<'v>,
        member: Option<&'v Member>,
        segments: &[String],
    ) -> Target<'v> {
        let mut target = Target::at(place, member);
        for segment in segments {
            let node = self.follower().follow(target.place);
            let next = match &node.node.value {
                Value::Object(_) => node
                    .node
                    .member(segment)
                    .map(|member| (&member.value, Some(member))),
                Value::Array(items) => segment
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| items.get(index))
                    .map(|item| (item, None)),
                _ => None,
            };
            let Some((child, member)) = next else {
                return Target {
                    defined: false,
                    ..Target::at(node, target.member)
                };
            };
            let child = Place {
                doc: node.doc,
                node: child,
            };
            target = Target::at(child, member);
        }
        target
    }

    fn hit(&self, target: &Target<'v>, path: &[String], violation: Violation) -> RulesetHit {
        let located = self.descend(target.place, target.member, &violation.path);
        let at = if violation.path.is_empty() {
            *target
        } else {
            located
        };
        let vars = Vars {
            error: "",
            description: self.rule.description.as_deref(),
            path,
            value: at.defined.then_some(at.place.node),
            name: at.name,
        };
        let mut full_path = path.to_vec();
        full_path.extend(violation.path.iter().cloned());
        let lead_vars = Vars {
            path: &full_path,
            ..vars
        };
        let error = message::with_lead(violation.lead, &violation.message, &lead_vars);
        let vars = Vars {
            error: &error,
            path: &full_path,
            ..lead_vars
        };
        let message = message::render(self.rule.message.as_deref(), &vars);
        RulesetHit {
            rule: self.rule.name.clone(),
            severity: self.rule.severity,
            message,
            help: self.help(),
            place: self.place(&at),
        }
    }

    fn help(&self) -> String {
        match (&self.rule.documentation_url, &self.rule.description) {
            (Some(url), _) => format!("See {url}"),
            (None, Some(description)) if self.rule.message.is_some() => description.clone(),
            _ => format!("Rule `{}` of the Spectral ruleset.", self.rule.name),
        }
    }

    /// The place of a result in its file: the key it sits under (the key
    /// alone for a property name), or the value.
    fn place(&self, target: &Target<'v>) -> SourcePlace {
        let place = self.follower().follow(target.place);
        let member = target
            .member
            .filter(|member| std::ptr::eq(&member.value, place.node))
            .or_else(|| self.resolver.member_of(place.node));
        let span = match (member, target.name.is_some() && target.defined) {
            (Some(member), true) => member.key_span,
            (Some(member), false) => member.span(),
            (None, _) => place.node.span,
        };
        let file = self
            .view
            .file_id(place.doc)
            .unwrap_or(crate::base::source::FileId(0));
        SourcePlace::pointer(file, span, self.view.pointer_of(place))
    }
}

fn segment_text(segment: &Segment<'_>) -> String {
    match segment {
        Segment::Key(key) => (*key).to_owned(),
        Segment::Index(index) => index.to_string(),
    }
}

/// A value a function judges, with where it sits.
#[derive(Clone, Copy)]
struct Target<'v> {
    place: Place<'v>,
    member: Option<&'v Member>,
    /// A property name judged instead of the value.
    name: Option<&'v str>,
    /// False for a `field` the target lacks (`place` is then its closest parent).
    defined: bool,
}

impl<'v> Target<'v> {
    fn at(place: Place<'v>, member: Option<&'v Member>) -> Self {
        Target {
            place,
            member,
            name: None,
            defined: true,
        }
    }

    fn named(self, name: Option<&'v str>) -> Self {
        Target { name, ..self }
    }

    fn subject(&self) -> Subject<'v> {
        match (self.defined, self.name) {
            (false, _) => Subject::Undefined,
            (true, Some(name)) => Subject::Name(name),
            (true, None) => Subject::Node(self.place),
        }
    }
}

/// Applies `overrides` (severities by file, and by place with `#/pointer`)
/// and `except`; a rule off everywhere but in an override keeps only the
/// results there.
fn apply_overrides(
    ruleset: &Ruleset,
    hits: Vec<RulesetHit>,
    file_name: &dyn Fn(crate::base::source::FileId) -> String,
) -> Vec<RulesetHit> {
    hits.into_iter()
        .filter_map(|mut hit| {
            let name = file_name(hit.place.file);
            let pointer = hit.place.pointer.clone().unwrap_or_default();
            let mut on = ruleset.rule(&hit.rule).is_some_and(|rule| rule.enabled);
            for over in &ruleset.overrides {
                if !over
                    .files
                    .iter()
                    .any(|pattern| covers(pattern, &name, &pointer))
                {
                    continue;
                }
                if let Some((_, severity)) =
                    over.rules.iter().rev().find(|(rule, _)| *rule == hit.rule)
                {
                    on = severity.is_some();
                    if let Some(severity) = severity {
                        hit.severity = *severity;
                    }
                }
            }
            let excepted = ruleset.exceptions.iter().any(|exception| {
                exception.rules.contains(&hit.rule)
                    && glob::matches_path(&exception.file, &name)
                    && exception
                        .pointer
                        .as_deref()
                        .is_none_or(|prefix| is_pointer_prefix(prefix, &pointer))
            });
            (on && !excepted).then_some(hit)
        })
        .collect()
}

/// Whether an override's `files` entry (`glob` or `glob#/pointer`) covers a place.
fn covers(pattern: &str, file: &str, pointer: &str) -> bool {
    let (glob_part, fragment) = match pattern.split_once('#') {
        Some((glob_part, fragment)) => (glob_part, Some(fragment)),
        None => (pattern, None),
    };
    glob::matches_path(glob_part, file)
        && fragment.is_none_or(|prefix| {
            is_pointer_prefix(&crate::tree::pointer::percent_decode(prefix), pointer)
        })
}

/// A pointer prefix as a ruleset writes it (a trailing `/` allowed).
fn is_pointer_prefix(prefix: &str, pointer: &str) -> bool {
    crate::tree::pointer::is_prefix(prefix.trim_end_matches('/'), pointer)
}

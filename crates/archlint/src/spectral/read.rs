//! Reading Spectral rulesets (YAML or JSON) through the loader: `extends`
//! (local files and `spectral:oas`), `rules`, `formats`, `aliases`,
//! `overrides` and `except`, merged as Spectral merges them.

use super::casing::Casing;
use super::json::JsonCopy;
use super::model::{
    Exception, Field, Function, Given, Origin, Override, Pattern, Ruleset, RulesetProblem,
    RulesetSeverity, SpectralRule, Then,
};
use super::oas;
use super::schema::SchemaCheck;
use crate::base::loader::{self, Loader};
use crate::base::regex::JsRegex;
use crate::base::source::{FileId, SourceFile, SourceMap, Span};
use crate::base::Severity;
use crate::tree::query::{JsonPath, Place, Unresolved};
use crate::tree::{self, Member, Node, Value};

/// Nested `extends` followed before giving up.
const MAX_EXTENDS: usize = 16;

/// The rulesets of a run, and their files (for the places of problems).
#[derive(Default)]
pub struct LoadedRuleset {
    pub ruleset: Ruleset,
    pub sources: SourceMap,
}

/// Reads the rulesets at `paths`, in order (a later one overrides an earlier).
pub fn load(paths: &[String], loader: &dyn Loader) -> LoadedRuleset {
    let mut reader = Reader {
        loader,
        loaded: LoadedRuleset::default(),
        open: Vec::new(),
    };
    for path in paths {
        reader.read_file(path, Mode::Own);
    }
    reader.loaded
}

/// How an `extends` entry turns on the rules it brings.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// The file's own rules: on unless `recommended: false`.
    Own,
    Recommended,
    All,
    Off,
}

impl Mode {
    fn parse(text: &str) -> Option<Mode> {
        match text {
            "recommended" => Some(Mode::Recommended),
            "all" => Some(Mode::All),
            "off" => Some(Mode::Off),
            _ => None,
        }
    }

    /// An outer `all` or `off` wins over what an inner file asks.
    fn within(self, outer: Mode) -> Mode {
        match outer {
            Mode::All | Mode::Off => outer,
            Mode::Own | Mode::Recommended => self,
        }
    }

    fn enables(self, recommended: bool) -> bool {
        match self {
            Mode::Own | Mode::Recommended => recommended,
            Mode::All => true,
            Mode::Off => false,
        }
    }
}

struct Reader<'l> {
    loader: &'l dyn Loader,
    loaded: LoadedRuleset,
    /// Files being read (an `extends` cycle is refused).
    open: Vec<String>,
}

/// Settings of one ruleset file that its rules inherit.
struct FileDefaults {
    file: FileId,
    formats: Option<Vec<String>>,
    aliases: Vec<(String, Vec<AliasPath>)>,
    documentation_url: Option<String>,
    mode: Mode,
}

impl Reader<'_> {
    fn problem(&mut self, file: FileId, span: Span, message: impl Into<String>) {
        self.loaded.ruleset.problems.push(RulesetProblem {
            file,
            span,
            message: message.into(),
        });
    }

    fn add_source(&mut self, name: &str, text: String) -> FileId {
        self.loaded.sources.add(SourceFile::new(name, text))
    }

    /// Reads a ruleset the run names; one that cannot be read is a problem
    /// at the top of it.
    fn read_file(&mut self, path: &str, mode: Mode) {
        if let Err(message) = self.try_read_file(path, mode) {
            let file = self.add_source(path, String::new());
            self.problem(
                file,
                Span::default(),
                format!("ruleset not read: {message}"),
            );
        }
    }

    fn try_read_file(&mut self, path: &str, mode: Mode) -> Result<(), String> {
        let bytes = self.loader.read(path)?;
        self.read_text(path, String::from_utf8_lossy(&bytes).into_owned(), mode);
        Ok(())
    }

    fn read_text(&mut self, name: &str, text: String, mode: Mode) {
        let parsed = tree::parse(&text);
        let file = self.add_source(name, text);
        let Some(root) = parsed.root else {
            let (span, why) = parsed
                .error
                .map_or((Span::default(), "empty".to_owned()), |error| {
                    (error.span, error.message)
                });
            self.problem(
                file,
                span,
                format!("ruleset is not valid YAML or JSON: {why}"),
            );
            return;
        };
        if !root.is_object() {
            self.problem(
                file,
                root.span,
                "a ruleset is an object with `rules` or `extends`",
            );
            return;
        }
        self.open.push(name.to_owned());
        self.read_root(file, name, &root, mode);
        self.open.pop();
    }

    fn read_root(&mut self, file: FileId, name: &str, root: &Node, mode: Mode) {
        if let Some(extends) = root.get("extends") {
            for (target, inner, span) in extends_entries(extends) {
                self.extend(file, name, &target, inner.within(mode), span);
            }
        }
        let defaults = FileDefaults {
            file,
            formats: root.get("formats").map(strings),
            aliases: aliases(root.get("aliases")),
            documentation_url: root
                .get("documentationUrl")
                .and_then(Node::as_str)
                .map(str::to_owned),
            mode,
        };
        for member in root.get("rules").map_or(&[][..], Node::members) {
            self.read_rule(member, &defaults);
        }
        if let Some(overrides) = root.get("overrides") {
            self.read_overrides(file, overrides);
        }
        if let Some(except) = root.get("except") {
            for member in except.members() {
                let (file_part, pointer) = match member.key.split_once('#') {
                    Some((file_part, pointer)) => (
                        file_part.to_owned(),
                        Some(tree::pointer::percent_decode(pointer)),
                    ),
                    None => (member.key.clone(), None),
                };
                self.loaded.ruleset.exceptions.push(Exception {
                    file: file_part,
                    pointer,
                    rules: strings(&member.value),
                });
            }
        }
    }

    fn extend(&mut self, file: FileId, from: &str, target: &str, mode: Mode, span: Span) {
        if target == "spectral:oas" {
            self.read_text(oas::NAME, oas::RULESET.to_owned(), mode);
            oas::add_covered(&mut self.loaded.ruleset);
            return;
        }
        let refused = if target.starts_with("spectral:") {
            Some(format!(
                "`{target}` is not an OpenAPI ruleset; archlint reads `spectral:oas` only"
            ))
        } else if target.contains("://") {
            Some(format!("`{target}` is remote; archlint never fetches a ruleset (download it and extend the file)"))
        } else if !is_file_path(target) {
            Some(format!("`{target}` is a package; archlint does not resolve npm packages (extend the ruleset file by its path)"))
        } else if self.open.len() > MAX_EXTENDS {
            Some(format!("`extends` nested deeper than {MAX_EXTENDS} files"))
        } else {
            None
        };
        if let Some(message) = refused {
            self.problem(file, span, message);
            return;
        }
        let path = loader::normalize(&loader::join(loader::parent(from), target));
        if self.open.contains(&path) {
            self.problem(file, span, format!("`extends` cycle through `{target}`"));
            return;
        }
        if let Err(message) = self.try_read_file(&path, mode) {
            self.problem(file, span, format!("`{target}` cannot be read: {message}"));
        }
    }

    fn read_rule(&mut self, member: &Member, defaults: &FileDefaults) {
        let origin = Origin {
            file: defaults.file,
            span: member.key_span,
        };
        if let Some(severity) = RulesetSeverity::read(&member.value) {
            self.set_severity(&member.key, severity, origin);
            return;
        }
        let definition = &member.value;
        if !definition.is_object() {
            self.problem(
                defaults.file,
                member.key_span,
                format!("rule `{}`: a rule is an object or a severity", member.key),
            );
            return;
        }
        if definition.get("given").is_none() && definition.get("then").is_none() {
            // Changes an inherited rule's settings only.
            if let Some(severity) = definition.get("severity").and_then(RulesetSeverity::read) {
                self.set_severity(&member.key, severity, origin);
            }
            return;
        }
        let rule = self.definition(&member.key, definition, defaults, origin);
        self.loaded.ruleset.define(rule);
    }

    fn set_severity(&mut self, name: &str, severity: RulesetSeverity, origin: Origin) {
        let Some(rule) = self.loaded.ruleset.rule_mut(name) else {
            self.problem(
                origin.file,
                origin.span,
                format!("rule `{name}` is not defined by this ruleset or those it extends"),
            );
            return;
        };
        match severity {
            RulesetSeverity::Off => rule.enabled = false,
            RulesetSeverity::On => rule.enabled = true,
            RulesetSeverity::Set(level) => {
                rule.severity = level;
                rule.enabled = true;
            }
        }
    }

    fn definition(
        &mut self,
        name: &str,
        node: &Node,
        defaults: &FileDefaults,
        origin: Origin,
    ) -> SpectralRule {
        let recommended = node
            .get("recommended")
            .and_then(Node::as_bool)
            .unwrap_or(true);
        let severity = match node
            .get("severity")
            .map(|value| (value, RulesetSeverity::read(value)))
        {
            None => Some(Severity::Warning),
            Some((_, Some(RulesetSeverity::Set(level)))) => Some(level),
            Some((_, Some(RulesetSeverity::On))) => Some(Severity::Warning),
            Some((_, Some(RulesetSeverity::Off))) => None,
            Some((value, None)) => {
                self.problem(
                    defaults.file,
                    value.span,
                    format!("rule `{name}`: unknown severity (error, warn, info, hint or off)"),
                );
                Some(Severity::Warning)
            }
        };
        let given = self.given(name, node.get("given"), defaults, origin.span);
        let then = self.then(name, node.get("then"), defaults.file);
        let native = given.is_some()
            && !then.is_empty()
            && then
                .iter()
                .all(|then| !matches!(then.function, Function::NotNative(_)));
        SpectralRule {
            name: name.to_owned(),
            description: text(node, "description"),
            message: text(node, "message"),
            severity: severity.unwrap_or(Severity::Warning),
            enabled: severity.is_some() && defaults.mode.enables(recommended),
            recommended,
            native,
            given: given.unwrap_or_default(),
            then,
            formats: node
                .get("formats")
                .map(strings)
                .or_else(|| defaults.formats.clone()),
            resolved: node.get("resolved").and_then(Node::as_bool).unwrap_or(true),
            documentation_url: text(node, "documentationUrl").or_else(|| {
                defaults
                    .documentation_url
                    .as_ref()
                    .map(|url| format!("{url}#{name}"))
            }),
            origin,
        }
    }

    /// The rule's queries, aliases expanded; `None` when one cannot be read.
    fn given(
        &mut self,
        name: &str,
        given: Option<&Node>,
        defaults: &FileDefaults,
        rule_span: Span,
    ) -> Option<Vec<Given>> {
        let Some(given) = given else {
            self.problem(
                defaults.file,
                rule_span,
                format!("rule `{name}` has no `given`"),
            );
            return None;
        };
        let mut queries = Vec::new();
        for (text, span) in strings_with_spans(given) {
            for (expanded, formats) in expand_alias(&text, &defaults.aliases) {
                match JsonPath::parse(&expanded) {
                    Ok(query) => queries.push(Given { query, formats }),
                    Err(error) => {
                        self.problem(defaults.file, span, format!("rule `{name}`: `given` {expanded:?} is not a JSONPath archlint reads: {}", error.message));
                        return None;
                    }
                }
            }
        }
        Some(queries)
    }

    fn then(&mut self, name: &str, then: Option<&Node>, file: FileId) -> Vec<Then> {
        let items: Vec<&Node> = match then {
            Some(node) if node.is_array() => node.items().iter().collect(),
            Some(node) => vec![node],
            None => Vec::new(),
        };
        let mut read = Vec::new();
        for item in items {
            let field = match item.get("field").and_then(Node::as_str) {
                None => None,
                Some("@key") => Some(Field::Keys),
                Some(query) if query.starts_with('$') => match JsonPath::parse(query) {
                    Ok(path) => Some(Field::Query(path)),
                    Err(error) => {
                        self.problem(
                            file,
                            item.span,
                            format!("rule `{name}`: `field` {query:?}: {}", error.message),
                        );
                        continue;
                    }
                },
                Some(path) => Some(Field::Path(field_path(path))),
            };
            let function = self.function(name, item, file);
            read.push(Then { field, function });
        }
        read
    }

    fn function(&mut self, rule: &str, then: &Node, file: FileId) -> Function {
        let Some(named) = then.get("function") else {
            self.problem(
                file,
                then.span,
                format!("rule `{rule}`: `then` has no `function`"),
            );
            return Function::NotNative(String::new());
        };
        let name = named.as_str().unwrap_or("");
        let empty = Node::new(Value::Object(Vec::new()), named.span);
        let options = then.get("functionOptions").unwrap_or(&empty);
        match core_function(name, options) {
            Ok(Some(function)) => function,
            Ok(None) => {
                self.problem(file, named.span, format!(
                    "rule `{rule}` uses `{name}`, a custom function: archlint runs Spectral's core functions only, so this rule is skipped"
                ));
                Function::NotNative(name.to_owned())
            }
            Err(message) => {
                self.problem(
                    file,
                    options.span,
                    format!("rule `{rule}`: {message}; the rule is skipped"),
                );
                Function::NotNative(name.to_owned())
            }
        }
    }

    fn read_overrides(&mut self, file: FileId, overrides: &Node) {
        for entry in overrides.items() {
            let files = entry.get("files").map(strings).unwrap_or_default();
            if entry.get("extends").is_some() {
                self.problem(file, entry.span, "`extends` inside `overrides` is not supported; set rule severities there instead");
            }
            let mut rules = Vec::new();
            for member in entry.get("rules").map_or(&[][..], Node::members) {
                match RulesetSeverity::read(&member.value) {
                    Some(RulesetSeverity::Set(level)) => {
                        rules.push((member.key.clone(), Some(level)))
                    }
                    Some(RulesetSeverity::Off) => rules.push((member.key.clone(), None)),
                    Some(RulesetSeverity::On) => {
                        let level = self
                            .loaded
                            .ruleset
                            .rule(&member.key)
                            .map_or(Severity::Warning, |rule| rule.severity);
                        rules.push((member.key.clone(), Some(level)));
                    }
                    None => self.problem(
                        file,
                        member.key_span,
                        format!(
                            "override of `{}`: only severities are supported in `overrides`",
                            member.key
                        ),
                    ),
                }
            }
            self.loaded
                .ruleset
                .overrides
                .push(Override { files, rules });
        }
    }
}

/// A core function with its options; `Ok(None)` for a name that is not one.
fn core_function(name: &str, options: &Node) -> Result<Option<Function>, String> {
    let flag = |key: &str| options.get(key).and_then(Node::as_bool).unwrap_or(false);
    let number = |key: &str| options.get(key).and_then(Node::as_f64);
    Ok(Some(match name {
        "truthy" => Function::Truthy,
        "falsy" => Function::Falsy,
        "defined" => Function::Defined,
        "undefined" => Function::Undefined,
        "pattern" => {
            let compile = |key: &str| -> Result<Option<Pattern>, String> {
                options
                    .get(key)
                    .and_then(Node::as_str)
                    .map(|source| {
                        JsRegex::new(source).map(|regex| Pattern {
                            source: source.to_owned(),
                            regex,
                        })
                    })
                    .transpose()
            };
            let (must_match, must_not_match) = (compile("match")?, compile("notMatch")?);
            if must_match.is_none() && must_not_match.is_none() {
                return Err("`pattern` needs `match` or `notMatch`".to_owned());
            }
            Function::Pattern {
                must_match,
                must_not_match,
            }
        }
        "casing" => {
            let kind = options
                .get("type")
                .and_then(Node::as_str)
                .ok_or("`casing` needs a `type`")?;
            let separator = options.get("separator").and_then(|separator| {
                let character = separator
                    .get("char")
                    .and_then(Node::as_str)?
                    .chars()
                    .next()?;
                let leading = separator
                    .get("allowLeading")
                    .and_then(Node::as_bool)
                    .unwrap_or(false);
                Some((character, leading))
            });
            Function::Casing(Casing::new(kind, flag("disallowDigits"), separator)?)
        }
        "alphabetical" => Function::Alphabetical {
            keyed_by: options
                .get("keyedBy")
                .and_then(Node::as_str)
                .map(str::to_owned),
        },
        "length" => {
            let (min, max) = (number("min"), number("max"));
            if min.is_none() && max.is_none() {
                return Err("`length` needs `min` or `max`".to_owned());
            }
            Function::Length { min, max }
        }
        "enumeration" => Function::Enumeration {
            values: options
                .get("values")
                .map(|values| values.items().to_vec())
                .ok_or("`enumeration` needs `values`")?,
        },
        "schema" => {
            let schema = options.get("schema").ok_or("`schema` needs a `schema`")?;
            let dialect = options.get("dialect").and_then(Node::as_str);
            let written = Place {
                doc: 0,
                node: schema,
            };
            let check = SchemaCheck::new(
                &JsonCopy::new(
                    &Unresolved,
                    None,
                    usize::MAX,
                    &std::cell::Cell::new(usize::MAX),
                )
                .value(written),
                dialect,
                flag("allErrors"),
            )?;
            Function::Schema(Box::new(check))
        }
        "xor" | "or" => {
            let properties = options.get("properties").map(strings).unwrap_or_default();
            if properties.len() < 2 {
                return Err(format!("`{name}` needs at least two `properties`"));
            }
            if name == "xor" {
                Function::Xor { properties }
            } else {
                Function::Or { properties }
            }
        }
        "typedEnum" => Function::TypedEnum,
        "unreferencedReusableObject" => Function::UnreferencedReusableObject {
            location: options
                .get("reusableObjectsLocation")
                .and_then(Node::as_str)
                .ok_or("`unreferencedReusableObject` needs `reusableObjectsLocation`")?
                .to_owned(),
        },
        _ => return Ok(None),
    }))
}

/// `extends: a`, `[a, b]`, `[[a, all]]` → (target, mode, place).
fn extends_entries(extends: &Node) -> Vec<(String, Mode, Span)> {
    let entry = |node: &Node| -> Option<(String, Mode, Span)> {
        match &node.value {
            Value::String(target) => Some((target.clone(), Mode::Recommended, node.span)),
            Value::Array(pair) => {
                let target = pair.first()?.as_str()?.to_owned();
                let mode = pair
                    .get(1)
                    .and_then(Node::as_str)
                    .and_then(Mode::parse)
                    .unwrap_or(Mode::Recommended);
                Some((target, mode, node.span))
            }
            _ => None,
        }
    };
    match &extends.value {
        Value::Array(items)
            if items.first().is_some_and(|first| first.as_str().is_some())
                && items
                    .get(1)
                    .and_then(Node::as_str)
                    .and_then(Mode::parse)
                    .is_some() =>
        {
            entry(extends).into_iter().collect()
        }
        Value::Array(items) => items.iter().filter_map(entry).collect(),
        _ => entry(extends).into_iter().collect(),
    }
}

fn is_file_path(target: &str) -> bool {
    target.starts_with("./")
        || target.starts_with("../")
        || target.starts_with('/')
        || [".yaml", ".yml", ".json"]
            .iter()
            .any(|extension| target.ends_with(extension))
}

fn text(node: &Node, key: &str) -> Option<String> {
    node.get(key).and_then(Node::as_str).map(str::to_owned)
}

/// A string or a list of strings.
fn strings(node: &Node) -> Vec<String> {
    strings_with_spans(node)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

fn strings_with_spans(node: &Node) -> Vec<(String, Span)> {
    match &node.value {
        Value::String(text) => vec![(text.clone(), node.span)],
        Value::Array(items) => items
            .iter()
            .filter_map(|item| item.as_str().map(|text| (text.to_owned(), item.span)))
            .collect(),
        _ => Vec::new(),
    }
}

/// One path of an alias, and the formats it is for (a scoped alias's
/// `targets`; `None`: every format).
type AliasPath = (String, Option<Vec<String>>);

/// `aliases`: a name and its paths.
fn aliases(node: Option<&Node>) -> Vec<(String, Vec<AliasPath>)> {
    node.map_or(&[][..], Node::members)
        .iter()
        .map(|member| {
            let paths = match member.value.get("targets") {
                Some(targets) => targets
                    .items()
                    .iter()
                    .flat_map(|target| {
                        let formats = target.get("formats").map(strings);
                        let given = target.get("given").map(strings).unwrap_or_default();
                        given.into_iter().map(move |path| (path, formats.clone()))
                    })
                    .collect(),
                None => strings(&member.value)
                    .into_iter()
                    .map(|path| (path, None))
                    .collect(),
            };
            (member.key.clone(), paths)
        })
        .collect()
}

/// Aliases naming aliases followed before giving up (a cycle).
const MAX_ALIAS_DEPTH: usize = 8;

/// `#Alias.rest` → each of the alias's paths followed by `.rest`.
fn expand_alias(given: &str, aliases: &[(String, Vec<AliasPath>)]) -> Vec<AliasPath> {
    expand_alias_within(given, None, aliases, MAX_ALIAS_DEPTH)
}

fn expand_alias_within(
    given: &str,
    formats: Option<Vec<String>>,
    aliases: &[(String, Vec<AliasPath>)],
    depth: usize,
) -> Vec<AliasPath> {
    let Some(rest) = given.strip_prefix('#').filter(|_| depth > 0) else {
        return vec![(given.to_owned(), formats)];
    };
    let end = rest.find(['.', '[', '^', '~']).unwrap_or(rest.len());
    let (name, tail) = rest.split_at(end);
    let Some((_, targets)) = aliases.iter().find(|(alias, _)| alias == name) else {
        return vec![(given.to_owned(), formats)];
    };
    targets
        .iter()
        .flat_map(|(target, scope)| {
            let scope = narrower(formats.clone(), scope.clone());
            expand_alias_within(target, scope, aliases, depth - 1)
                .into_iter()
                .map(move |(base, scope)| (format!("{base}{tail}"), scope))
        })
        .collect()
}

/// The formats both scopes allow (`None`: any).
fn narrower(outer: Option<Vec<String>>, inner: Option<Vec<String>>) -> Option<Vec<String>> {
    match (outer, inner) {
        (Some(outer), Some(inner)) => Some(
            outer
                .into_iter()
                .filter(|format| inner.contains(format))
                .collect(),
        ),
        (outer, inner) => outer.or(inner),
    }
}

/// `a.b[0].c` → `["a", "b", "0", "c"]` (lodash's path syntax).
fn field_path(field: &str) -> Vec<String> {
    let mut segments = Vec::new();
    for part in field.split('.') {
        let mut rest = part;
        while let Some(open) = rest.find('[') {
            if open > 0 {
                segments.push(rest.get(..open).unwrap_or("").to_owned());
            }
            let inner_end = rest
                .get(open..)
                .and_then(|tail| tail.find(']'))
                .map_or(rest.len(), |end| open + end);
            let inner = rest.get(open + 1..inner_end).unwrap_or("");
            segments.push(inner.trim_matches(['\'', '"']).to_owned());
            rest = rest.get(inner_end + 1..).unwrap_or("");
        }
        if !rest.is_empty() {
            segments.push(rest.to_owned());
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths() {
        assert_eq!(field_path("a.b[0].c"), ["a", "b", "0", "c"]);
        assert_eq!(field_path("description"), ["description"]);
        assert_eq!(field_path("['x-a'].b"), ["x-a", "b"]);
    }

    #[test]
    fn aliases_expand() {
        let scoped = Some(vec!["oas2".to_owned()]);
        let aliases = vec![
            ("Path".to_owned(), vec![("$.paths[*]".to_owned(), None)]),
            (
                "Op".to_owned(),
                vec![("#Path[get,put]".to_owned(), scoped.clone())],
            ),
        ];
        assert_eq!(
            expand_alias("#Op.responses", &aliases),
            [("$.paths[*][get,put].responses".to_owned(), scoped)]
        );
        assert_eq!(
            expand_alias("$.info", &aliases),
            [("$.info".to_owned(), None)]
        );
    }
}

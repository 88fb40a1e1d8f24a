//! archlint as a WebAssembly module (wasm-bindgen): the same core, run
//! single-threaded, with no file system — inputs are texts passed by name.
//!
//! `review(options)` returns a plain JS object shaped exactly like the CLI's
//! JSON report (docs/json-output.md); errors are thrown as JS `Error`s. A panic
//! traps the instance; the package's `index.js` then instantiates a fresh one
//! so the next call works.

use std::collections::BTreeMap;

use archlint::{Config, MemoryLoader, ReviewRequest};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Texts by file name: `$ref`s between them resolve as between files. */
export type Files = Record<string, string>;

export interface ReviewOptions {
  /** An OpenAPI description (YAML or JSON), or several files by name. */
  openapi?: string | Files;
  /** With several OpenAPI files: the root one (default: the first, by name, with an `openapi` field). */
  root?: string;
  /** SQL text, texts applied in order as migrations, or files by name (applied in name order). */
  sql?: string | string[] | Files;
  /** A GraphQL schema (SDL), or its files by name (together, one schema). */
  graphql?: string | Files;
  dialect?: "postgres" | "mysql" | "sqlite";
  /** The settings of archlint.toml, as an object or as TOML text. */
  config?: Record<string, unknown> | string;
  /** A baseline file's text (`archlint baseline` writes one): its findings are left out. */
  baseline?: string;
  /** A Spectral ruleset (`.spectral.yaml` text, or the ruleset as an object) run beside the
   * built-in rules; its findings carry the ruleset's rule names. */
  ruleset?: string | Record<string, unknown>;
  /** An older version of the same inputs (files named as in this review): only findings on
   * what changed since it are reported, as the CLI's `--changed-since`. */
  since?: { openapi?: string | Files; root?: string; sql?: string | string[] | Files };
}

export interface DiffOptions {
  /** The old version: an OpenAPI description, or several files by name. */
  old?: string | Files;
  /** The new version, the same way. */
  new?: string | Files;
  /** With several files: the root of each version (default: the first with an `openapi` or `swagger` field). */
  oldRoot?: string;
  newRoot?: string;
  /** The SQL of each version (a schema, or migrations in order): the database checks of a change. */
  oldSql?: string | string[] | Files;
  newSql?: string | string[] | Files;
  /** The GraphQL schema (SDL) of each version, or its files by name: compared as well, or alone. */
  oldGraphql?: string | Files;
  newGraphql?: string | Files;
  /** The day of the review (YYYY-MM-DD) for announced ends (`Sunset`); default: today. */
  today?: string;
  /** The settings of archlint.toml, as an object or as TOML text (`[versioning] deprecation_days`). */
  config?: Record<string, unknown> | string;
}

export interface Location {
  file: string; line: number; column: number; end_line: number; end_column: number;
  pointer?: string; object?: string;
}
export interface Related { message: string; location: Location; }
export interface Finding {
  rule: string; name: string; area: string; severity: "error" | "warning" | "info";
  message: string; help: string; location: Location; related: Related[];
}
export interface Report {
  findings: Finding[];
  summary: {
    files: string[];
    counts: { error: number; warning: number; info: number };
    /** Findings per area. */
    areas: Record<string, number>;
    rules: number;
    dialects: string[];
    /** Densities 0–100 per area and overall (docs/json-output.md). */
    scores: {
      overall: number;
      areas: Record<string, number>;
      /** Per area with findings, the rule (at one severity) that cost most. */
      heaviest: Record<string, {
        rule: string; name: string; severity: "error" | "warning" | "info";
        findings: number; subjects: number; units: number;
        of: "operations and schemas" | "tables" | "migrations" | "links";
      }>;
      /** What the findings were weighed against. */
      units: { operations: number; schemas: number; tables: number; migrations: number; links: number };
    };
    /** How the API maps onto the schema; present when both were reviewed. */
    mapping?: Mapping;
    /** Migrations older than `[migrations] since`, applied but not reviewed. */
    migrations?: { since: string; first_reviewed: string; older_files: number; hidden_findings: number };
  };
}
export interface Mapping {
  schemas: {
    schema: string; location: Location; table: string; via: "extension" | "config" | "name" | "path";
    /** How many of the schema's own values are columns of the table ... */
    matching: number;
    /** ... of this many values. */
    values: number;
    properties: {
      property: string; column: string | null; via: string | null;
      /** Where the value is kept when no column of the table holds it. */
      stored?: string;
      nested: boolean;
    }[];
  }[];
  parameters: {
    operation: string; parameter: string; in: "path" | "query"; table: string; column: string;
    kind: "lookup" | "filter" | "sort"; via: string; location: Location;
  }[];
  unmapped: {
    schemas: string[]; tables: string[]; columns: string[];
    /** Schemas named like a table whose values do not agree enough to link. */
    suggestions: { schema: string; table: string; matching: number; values: number }[];
  };
}
export interface RuleInfo {
  id: string; name: string; side: "api" | "db" | "both"; area: string;
  severity: "error" | "warning" | "info"; summary: string; fix: string;
  /** The same check in other tools (`atlas:MF103`, `squawk:adding-required-field`). */
  peers: string[];
  docs: string;
}
"#;

/// A text, a list of texts, or texts by file name.
#[derive(Deserialize)]
#[serde(untagged)]
enum Texts {
    One(String),
    List(Vec<String>),
    Named(BTreeMap<String, String>),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReviewOptions {
    openapi: Option<Texts>,
    root: Option<String>,
    sql: Option<Texts>,
    graphql: Option<Texts>,
    dialect: Option<String>,
    config: Option<serde_json::Value>,
    baseline: Option<String>,
    ruleset: Option<serde_json::Value>,
    since: Option<SinceOptions>,
}

/// The older version of a review's inputs.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SinceOptions {
    openapi: Option<Texts>,
    root: Option<String>,
    sql: Option<Texts>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct DiffOptions {
    old: Option<Texts>,
    new: Option<Texts>,
    old_root: Option<String>,
    new_root: Option<String>,
    old_sql: Option<Texts>,
    new_sql: Option<Texts>,
    old_graphql: Option<Texts>,
    new_graphql: Option<Texts>,
    today: Option<String>,
    config: Option<serde_json::Value>,
}

/// What the new version breaks for clients of the old one; returns the
/// report as the CLI's JSON shape.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn diff(
    #[wasm_bindgen(unchecked_param_type = "DiffOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "{}".to_owned());
    let today = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .and_then(|text| archlint::Day::parse(&text));
    let json = diff_json_on(&text, today).map_err(|message| JsError::new(&message))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("internal error: invalid report JSON"))
}

/// The diff behind [`diff`], on JSON options, returning the JSON report.
/// The versions' files are named `old/...` and `new/...` in findings.
pub fn diff_json(options: &str) -> Result<String, String> {
    diff_json_on(options, None)
}

/// [`diff_json`] on a day (`today` in the options wins).
fn diff_json_on(options: &str, today: Option<archlint::Day>) -> Result<String, String> {
    let options: DiffOptions = serde_json::from_str(options)
        .map_err(|error| format!("invalid diff options (give `old` and `new`): {error}"))?;
    let today = match &options.today {
        Some(text) => Some(
            archlint::Day::parse(text).ok_or_else(|| format!("`today`: `{text}` is not a date"))?,
        ),
        None => today,
    };
    let config = config_value(options.config.as_ref())?;
    check_versions(&options)?;
    let version =
        |texts: Option<Texts>, root: Option<&str>, prefix: &str| -> Result<ReviewRequest, String> {
            let mut request = ReviewRequest::new(config.clone());
            let Some(texts) = texts else {
                return Ok(request);
            };
            let texts = prefixed(texts, prefix, "openapi.yaml");
            let root = root.map(|root| format!("{prefix}/{root}"));
            add_openapi(&mut request, texts, root.as_deref())?;
            Ok(request)
        };
    let mut old = version(options.old, options.old_root.as_deref(), "old")?;
    let mut new = version(options.new, options.new_root.as_deref(), "new")?;
    if let Some(sql) = options.old_sql {
        add_sql(&mut old, sql);
    }
    if let Some(sql) = options.new_sql {
        add_sql(&mut new, sql);
    }
    if let Some(graphql) = options.old_graphql {
        add_graphql(&mut old, prefixed(graphql, "old", "schema.graphql"))?;
    }
    if let Some(graphql) = options.new_graphql {
        add_graphql(&mut new, prefixed(graphql, "new", "schema.graphql"))?;
    }
    new.today = today;
    let report =
        archlint::diff(&old, &new, &MemoryLoader::new()).map_err(|error| error.to_string())?;
    Ok(archlint::report::to_json(&report))
}

/// Both versions of what a diff compares: OpenAPI descriptions, GraphQL
/// schemas, or both; never one side alone.
fn check_versions(options: &DiffOptions) -> Result<(), String> {
    let api = (options.old.is_some(), options.new.is_some());
    let graphql = (options.old_graphql.is_some(), options.new_graphql.is_some());
    let paired = |(old, new): (bool, bool)| old == new;
    if paired(api) && paired(graphql) && (api.0 || graphql.0) {
        return Ok(());
    }
    Err("invalid diff options: give `old` and `new` (OpenAPI), `oldGraphql` and `newGraphql` (GraphQL), or both".to_owned())
}

/// Reviews OpenAPI and SQL texts; returns the report as the CLI's JSON shape.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn review(
    #[wasm_bindgen(unchecked_param_type = "ReviewOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let text = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| "{}".to_owned());
    let json = review_json(&text).map_err(|message| JsError::new(&message))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("internal error: invalid report JSON"))
}

/// The review behind [`review`], on JSON options, returning the JSON report.
pub fn review_json(options: &str) -> Result<String, String> {
    let options: ReviewOptions = if options.trim().is_empty() || options == "null" {
        ReviewOptions::default()
    } else {
        serde_json::from_str(options).map_err(|error| format!("invalid review options: {error}"))?
    };
    let settings = config(&options)?;
    let dialect = options.dialect.clone();
    let inputs = |openapi: Option<Texts>, root: Option<&str>, sql: Option<Texts>| {
        let mut request = ReviewRequest::new(settings.clone());
        if let Some(name) = &dialect {
            request.dialect(name).map_err(|error| error.0)?;
        }
        if let Some(openapi) = openapi {
            add_openapi(&mut request, openapi, root)?;
        }
        if let Some(sql) = sql {
            add_sql(&mut request, sql);
        }
        Ok::<_, String>(request)
    };
    let mut request = inputs(options.openapi, options.root.as_deref(), options.sql)?;
    if let Some(graphql) = options.graphql {
        add_graphql(&mut request, graphql)?;
    }
    if let Some(ruleset) = &options.ruleset {
        add_ruleset(&mut request, ruleset)?;
    }
    if let Some(since) = options.since {
        let old = inputs(since.openapi, since.root.as_deref(), since.sql)?;
        archlint::review_since(&mut request, &old, &MemoryLoader::new(), &str::to_owned)
            .map_err(|error| error.to_string())?;
    }
    if let Some(text) = &options.baseline {
        let known = archlint::report::Baseline::parse(text)
            .map_err(|error| format!("baseline: {error}"))?;
        match &mut request.baseline {
            Some(since) => since.merge(known),
            None => request.baseline = Some(known),
        }
    }
    if request.paths().is_empty() {
        return Err("nothing to review: pass `openapi`, `sql` and/or `graphql`".to_owned());
    }
    // The module returns JSON only, so source lines are not kept.
    let report =
        archlint::review(&request, &MemoryLoader::new()).map_err(|error| error.to_string())?;
    Ok(archlint::report::to_json(&report))
}

fn config(options: &ReviewOptions) -> Result<Config, String> {
    config_value(options.config.as_ref())
}

fn config_value(value: Option<&serde_json::Value>) -> Result<Config, String> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(Config::default()),
        Some(serde_json::Value::String(toml)) => Config::from_toml(toml).map_err(|e| e.0),
        Some(object) => Config::from_json(&object.to_string()).map_err(|e| e.0),
    }
}

/// One version's texts under `old/` or `new/` (one text named `single`
/// there), so findings tell the versions apart.
fn prefixed(texts: Texts, prefix: &str, single: &str) -> Texts {
    match texts {
        Texts::One(text) => Texts::Named(BTreeMap::from([(format!("{prefix}/{single}"), text)])),
        Texts::Named(files) => Texts::Named(
            files
                .into_iter()
                .map(|(name, text)| (format!("{prefix}/{name}"), text))
                .collect(),
        ),
        list => list,
    }
}

/// A Spectral ruleset given as text (YAML or JSON) or as an object.
fn add_ruleset(request: &mut ReviewRequest, ruleset: &serde_json::Value) -> Result<(), String> {
    let (name, text) = match ruleset {
        serde_json::Value::String(text) => ("<ruleset>.yaml", text.clone()),
        serde_json::Value::Object(_) => ("<ruleset>.json", ruleset.to_string()),
        _ => return Err("`ruleset` is a ruleset's text or an object".to_owned()),
    };
    request.file(name, text).ruleset(name);
    Ok(())
}

/// Adds the GraphQL texts: one schema, or its files by name (a name without
/// a GraphQL extension gets `.graphql`, so it is read as SDL).
fn add_graphql(request: &mut ReviewRequest, texts: Texts) -> Result<(), String> {
    match texts {
        Texts::One(text) => {
            request.graphql_text(text);
        }
        Texts::List(_) => {
            return Err("`graphql` is a text, or an object of texts by file name".to_owned())
        }
        Texts::Named(files) => {
            for (name, text) in files {
                let name = if archlint::graphql::is_schema_file(&name) {
                    name
                } else {
                    format!("{name}.graphql")
                };
                request.text(name, text);
            }
        }
    }
    Ok(())
}

/// Adds the OpenAPI texts: one text is the description; texts by name are
/// files, of which the root is reviewed.
fn add_openapi(
    request: &mut ReviewRequest,
    texts: Texts,
    root: Option<&str>,
) -> Result<(), String> {
    let files = match texts {
        Texts::One(text) => {
            request.openapi_text(text);
            return Ok(());
        }
        Texts::List(_) => {
            return Err("`openapi` is a text, or an object of texts by file name".to_owned())
        }
        Texts::Named(files) => files,
    };
    let root = match root {
        Some(root) if files.contains_key(root) => root.to_owned(),
        Some(root) => {
            return Err(format!(
                "`root` names `{root}`, which is not among the openapi files"
            ))
        }
        None => files
            .iter()
            .find(|(_, text)| looks_like_openapi(text))
            .or(files.iter().next())
            .map(|(name, _)| name.clone())
            .ok_or_else(|| "`openapi` has no files".to_owned())?,
    };
    for (name, text) in files {
        request.file(name, text);
    }
    request.path(root);
    Ok(())
}

/// A root description has an `openapi` (or `swagger`) field near its start.
fn looks_like_openapi(text: &str) -> bool {
    text.lines().take(50).any(|line| {
        let line = line.trim_start_matches(['{', ' ', '"', '\'']);
        line.starts_with("openapi") || line.starts_with("swagger")
    })
}

/// Adds the SQL texts in the order they apply: texts in order, or files by
/// name (applied in name order).
fn add_sql(request: &mut ReviewRequest, texts: Texts) {
    match texts {
        Texts::One(text) => {
            request.sql_texts([text]);
        }
        Texts::List(list) => {
            request.sql_texts(list);
        }
        Texts::Named(files) => {
            for (name, text) in files {
                request.text(name, text);
            }
        }
    }
}

/// The rule catalogue, with each rule's documentation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&archlint::docs::catalogue().to_string())
        .map_err(|_| JsError::new("internal error: invalid catalogue JSON"))
}

/// A rule's documentation (Markdown), by id or name.
#[wasm_bindgen]
pub fn explain(rule: &str) -> Result<String, JsError> {
    archlint::rules::find(rule)
        .map(|found| archlint::docs::rule_page(found.meta()))
        .ok_or_else(|| JsError::new(&format!("unknown rule `{rule}`")))
}

/// The archlint version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics on purpose, so the tests can check that the package recovers.
#[wasm_bindgen(js_name = "_panicForTests")]
pub fn panic_for_tests() {
    panic!("deliberate panic");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_texts_by_name() {
        let options = r#"{"openapi": {"b.yaml": "type: object", "a.yaml": "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\nservers: [{url: 'http://x.example.com'}]\npaths: {}\n"},
            "sql": ["CREATE TABLE t (id int PRIMARY KEY);", "ALTER TABLE t ADD COLUMN n int NOT NULL;"],
            "config": {"rules": {"incomplete-info": "off"}}}"#;
        let report: serde_json::Value =
            serde_json::from_str(&review_json(options).unwrap()).unwrap();
        let rules: Vec<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| finding["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(&"TLS001"), "{rules:?}");
        assert!(rules.contains(&"MIG001"), "{rules:?}");
        assert!(!rules.contains(&"DOC001"), "{rules:?}");
    }

    fn rules_and_places(report: &str) -> Vec<String> {
        let report: serde_json::Value = serde_json::from_str(report).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| {
                let location = &finding["location"];
                let at = location["pointer"]
                    .as_str()
                    .or(location["object"].as_str())
                    .unwrap_or("");
                format!("{} {at}", finding["rule"].as_str().unwrap())
            })
            .collect()
    }

    #[test]
    fn since_reports_only_what_changed() {
        let operation = |path: &str, extra: &str| {
            format!("  /{path}:\n    get:\n{extra}      parameters: [{{name: q, in: query, schema: {{type: string}}}}]\n      responses: {{'200': {{description: ok}}}}\n")
        };
        let header = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n";
        let old = format!("{header}{}{}", operation("a", ""), operation("b", ""));
        let new = format!(
            "{header}{}{}",
            operation("a", ""),
            operation("b", "      summary: B.\n")
        );
        let options = serde_json::json!({"openapi": new, "since": {"openapi": old}});
        let found = rules_and_places(&review_json(&options.to_string()).unwrap());
        assert!(
            found.iter().any(|place| place.contains("/paths/~1b/")),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|place| place.contains("/paths/~1a")),
            "{found:?}"
        );
    }

    #[test]
    fn diff_takes_each_versions_sql_and_the_day() {
        let api = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /users/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}\ncomponents:\n  schemas:\n    User: {type: object, required: [id, nickname], properties: {id: {type: string}, nickname: {type: string}}}\n";
        let options = serde_json::json!({
            "old": api, "new": api,
            "oldSql": "CREATE TABLE users (id uuid PRIMARY KEY, nickname text NOT NULL);",
            "newSql": ["CREATE TABLE users (id uuid PRIMARY KEY, nickname text NOT NULL);", "ALTER TABLE users DROP COLUMN nickname;"],
            "today": "2026-06-01"
        });
        let found = rules_and_places(&diff_json(&options.to_string()).unwrap());
        assert!(
            found.iter().any(|place| place.starts_with("COMPAT015 ")),
            "{found:?}"
        );
        let bad_day = serde_json::json!({"old": api, "new": api, "today": "soon"});
        assert!(diff_json(&bad_day.to_string())
            .unwrap_err()
            .contains("today"));
    }

    #[test]
    fn diff_takes_each_versions_graphql() {
        let old =
            "type Query { orders(status: String): [Order] }\ntype Order { id: ID!, note: String }";
        let new = "type Query { orders(status: String, region: String!): [Order] }\ntype Order { id: ID! }";
        let options = serde_json::json!({"oldGraphql": old, "newGraphql": new});
        let found = rules_and_places(&diff_json(&options.to_string()).unwrap());
        assert!(
            found.iter().any(|place| place.starts_with("COMPAT003 ")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|place| place.starts_with("COMPAT019 ")),
            "{found:?}"
        );
        let one_side = serde_json::json!({"oldGraphql": old});
        assert!(diff_json(&one_side.to_string())
            .unwrap_err()
            .contains("`newGraphql`"));
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(review_json("{}").unwrap_err().contains("nothing to review"));
        assert!(review_json(r#"{"sql": "select 1", "dialect": "oracle"}"#)
            .unwrap_err()
            .contains("oracle"));
        assert!(review_json(r#"{"typo": 1}"#).unwrap_err().contains("typo"));
        assert!(review_json(r#"{"sql": "x", "config": {"rules": {"NOPE": "off"}}}"#).is_err());
    }
}

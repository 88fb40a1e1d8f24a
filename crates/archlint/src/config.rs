//! `archlint.toml`: which rules run at which severity, what to skip, and the
//! policies where reasonable APIs differ.
//!
//! ```toml
//! select = ["ERR001", "insecure-server-url"]   # run only these (default: all)
//! ignore = ["vendor/**", "*.generated.yaml"]   # paths not reviewed
//!
//! [rules]
//! missing-4xx-response = "info"   # error | warning | info | off; by id or name
//! TLS001 = "off"
//!
//! [areas]
//! documentation = "off"
//!
//! [api]
//! versioning = "path"   # path | header | media-type | none | any (default)
//!
//! [versioning]          # the same strategy, and how long deprecations last
//! strategy = "path"
//! deprecation_days = 180  # a deprecated operation announces its end (Sunset)
//!                         # at least this many days ahead
//!
//! [sql]
//! dialect = "postgres"  # postgres | mysql | sqlite (default: detected)
//!
//! [limits]              # caps on any input (defaults shown)
//! file_mb = 512
//! depth = 512
//! ref_hops = 64
//! documents = 10000
//! findings_per_rule = 0 # 0: no cap
//! time_budget_ms = 60000
//!
//! [rulesets]            # Spectral rulesets run beside the built-in rules
//! files = [".spectral.yaml"]
//! area = "conventions"  # the area of their findings
//!
//! [consistency]         # how API schemas map to tables (default: by name)
//! tables = { Account = "users" }
//! columns = { "Account.fullName" = "name" }
//! unlinked = ["Problem"]
//! ```

use std::collections::HashMap;

use serde::Deserialize;

use crate::base::glob;
use crate::base::limits::Limits;
use crate::base::{Area, RuleMeta, Severity};
use crate::sql::Dialect;

/// A severity override, or `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        match text {
            "off" | "none" | "ignore" => Some(Level::Off),
            other => Severity::parse(other).map(Level::On),
        }
    }
}

/// How the API is expected to carry its version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersioningPolicy {
    /// `/v1/...` in the path or the server URL.
    Path,
    /// A version header.
    Header,
    /// A media-type parameter (`application/vnd.acme.v2+json`).
    MediaType,
    /// No version in URIs (evolve compatibly; version the description only).
    None,
    /// Any single consistent strategy.
    #[default]
    Any,
}

/// The settings of a review. Rules are named as the user wrote them (id or
/// name); the registry checks that each names a rule (`rules::check_config`),
/// so settings know no rule of their own.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Rule selector → level, in the order given (a later setting wins).
    rules: Vec<(String, Level)>,
    areas: HashMap<Area, Level>,
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    pub versioning: VersioningPolicy,
    /// How many days a deprecated operation must survive: its `Sunset` date
    /// at least this far ahead when it is deprecated (`archlint diff`).
    pub deprecation_days: Option<u32>,
    /// The SQL dialect; detected from the text when absent.
    pub dialect: Option<Dialect>,
    /// How API schemas and properties map to tables and columns where the
    /// names do not say it.
    pub consistency: ConsistencySettings,
    /// Which migrations of a history are reviewed.
    pub migrations: MigrationSettings,
    /// Findings already known, not to report again.
    pub baseline: BaselineSettings,
    /// The caps that keep a review bounded.
    pub limits: Limits,
    /// How GraphQL schemas are read.
    pub graphql: GraphqlSettings,
    /// Spectral rulesets run beside the built-in rules.
    pub rulesets: RulesetSettings,
}

/// The `[rulesets]` table: Spectral rulesets (YAML or JSON) whose rules run
/// beside the built-in ones.
#[derive(Clone, Debug)]
pub struct RulesetSettings {
    /// Ruleset files, relative to the working directory, inside it.
    pub files: Vec<String>,
    /// The area of their findings (default: conventions).
    pub area: Area,
}

impl Default for RulesetSettings {
    fn default() -> Self {
        RulesetSettings {
            files: Vec::new(),
            area: Area::Conventions,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRulesets {
    #[serde(default)]
    files: Vec<String>,
    #[serde(default)]
    area: Option<String>,
}

impl RulesetSettings {
    fn from_raw(raw: RawRulesets) -> Result<RulesetSettings, ConfigError> {
        for file in &raw.files {
            let normal = crate::base::loader::normalize(file);
            if normal.starts_with('/') || normal.starts_with("../") || normal == ".." {
                return Err(ConfigError(format!(
                    "[rulesets] files: `{file}` leaves the project; name ruleset files inside it"
                )));
            }
        }
        let area = match &raw.area {
            Some(name) => Area::parse(name).ok_or_else(|| {
                ConfigError(format!(
                    "[rulesets] area: unknown area `{name}`; known areas: {}",
                    area_list()
                ))
            })?,
            None => Area::Conventions,
        };
        Ok(RulesetSettings {
            files: raw.files,
            area,
        })
    }
}

/// The `[graphql]` table.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphqlSettings {
    /// The directives that say a field needs an authenticated or authorized
    /// caller (`@auth`, `@requiresScopes`…): the auth rules look for them.
    #[serde(default = "default_auth_directives")]
    pub auth_directives: Vec<String>,
}

impl Default for GraphqlSettings {
    fn default() -> Self {
        GraphqlSettings {
            auth_directives: default_auth_directives(),
        }
    }
}

/// The auth directives of common servers: Apollo (`@authenticated`,
/// `@requiresScopes`, `@policy`), graphql-shield and NestJS conventions
/// (`@auth`, `@hasRole`, `@hasPermission`), AWS AppSync (`@aws_*`), Hasura
/// and Dgraph (`@auth`), GraphQL Java and Netflix DGS (`@secured`).
fn default_auth_directives() -> Vec<String> {
    [
        "auth",
        "authenticated",
        "requiresAuth",
        "requireAuth",
        "isAuthenticated",
        "requiresScopes",
        "policy",
        "hasRole",
        "hasRoles",
        "hasPermission",
        "hasPermissions",
        "hasScope",
        "secured",
        "authorized",
        "aws_auth",
        "aws_cognito_user_pools",
        "aws_iam",
        "aws_oidc",
        "aws_api_key",
        "aws_lambda",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The `[migrations]` table.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationSettings {
    /// The first migration to review, by file name or version prefix
    /// (`20240105_add_orders.sql`, `20240105`). Older files still build the
    /// schema; findings located in them are not reported.
    #[serde(default)]
    pub since: Option<String>,
    /// The migration files a change adds (`--changed-since`): one release,
    /// so that a table one of them creates is new to the others.
    #[serde(skip)]
    pub change: Vec<String>,
}

/// The `[consistency]` table: explicit links between the API and the schema.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencySettings {
    /// Schema name → table name.
    #[serde(default)]
    pub tables: std::collections::BTreeMap<String, String>,
    /// `Schema.property` → column name (of the schema's table).
    #[serde(default)]
    pub columns: std::collections::BTreeMap<String, String>,
    /// Schema names never linked to a table.
    #[serde(default)]
    pub unlinked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    rules: HashMap<String, String>,
    #[serde(default)]
    areas: HashMap<String, String>,
    #[serde(default)]
    api: RawApi,
    #[serde(default)]
    versioning: RawVersioning,
    #[serde(default)]
    sql: RawSql,
    #[serde(default)]
    consistency: ConsistencySettings,
    #[serde(default)]
    migrations: MigrationSettings,
    #[serde(default)]
    baseline: BaselineSettings,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    graphql: GraphqlSettings,
    #[serde(default)]
    rulesets: RawRulesets,
}

/// The `[baseline]` table.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineSettings {
    /// A baseline file (`archlint baseline` writes one): its findings are
    /// not reported. The front doors read it; the core takes its text.
    #[serde(default)]
    pub file: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSql {
    #[serde(default)]
    dialect: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawApi {
    #[serde(default)]
    versioning: Option<VersioningPolicy>,
}

/// The `[versioning]` table: `strategy` says what `[api] versioning` says.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawVersioning {
    #[serde(default)]
    strategy: Option<VersioningPolicy>,
    #[serde(default)]
    deprecation_days: Option<u32>,
}

impl Config {
    /// Parses `archlint.toml` text. Unknown keys, rules, areas and levels are
    /// errors, so that a typo does not silently disable nothing.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig =
            toml::from_str(text).map_err(|error| ConfigError(error.to_string()))?;
        Config::from_raw(raw)
    }

    /// The same settings as JSON (`{"rules": {"ERR001": "off"}, "api": {...}}`):
    /// how the Python and WASM bindings pass a dict or object.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig =
            serde_json::from_str(text).map_err(|error| ConfigError(error.to_string()))?;
        Config::from_raw(raw)
    }

    fn from_raw(raw: RawConfig) -> Result<Config, ConfigError> {
        let mut config = Config {
            versioning: match (raw.api.versioning, raw.versioning.strategy) {
                (Some(api), Some(strategy)) if api != strategy => {
                    return Err(ConfigError(
                        "[api] versioning and [versioning] strategy disagree: keep one".to_owned(),
                    ))
                }
                (api, strategy) => strategy.or(api).unwrap_or_default(),
            },
            deprecation_days: raw.versioning.deprecation_days,
            ignore: raw.ignore,
            consistency: raw.consistency,
            migrations: raw.migrations,
            baseline: raw.baseline,
            limits: raw.limits,
            graphql: raw.graphql,
            rulesets: RulesetSettings::from_raw(raw.rulesets)?,
            ..Config::default()
        };
        if let Some(name) = &raw.sql.dialect {
            config.dialect = Some(
                Dialect::from_setting(name)
                    .map_err(|error| ConfigError(format!("[sql] {error}")))?,
            );
        }
        let mut rules: Vec<(&String, &String)> = raw.rules.iter().collect();
        // A map has no order; sorted, the same file always means the same.
        rules.sort();
        for (selector, level) in rules {
            config
                .rules
                .push((selector.clone(), parse_level(level, selector)?));
        }
        for (name, level) in &raw.areas {
            let area = Area::parse(name).ok_or_else(|| {
                ConfigError(format!(
                    "unknown area `{name}` in [areas]; known areas: {}",
                    area_list()
                ))
            })?;
            config.areas.insert(area, parse_level(level, name)?);
        }
        config.select = raw.select;
        Ok(config)
    }

    /// Runs only these rules (ids or names).
    pub fn select<S: AsRef<str>>(&mut self, selectors: &[S]) {
        self.select = Some(
            selectors
                .iter()
                .map(|selector| selector.as_ref().to_owned())
                .collect(),
        );
    }

    /// Sets one rule's level (by id or name).
    pub fn set_rule(&mut self, selector: &str, level: Level) {
        self.rules.push((selector.to_owned(), level));
    }

    /// Every rule name or id the settings mention, for the registry to check.
    pub fn rule_selectors(&self) -> impl Iterator<Item = &str> {
        self.rules
            .iter()
            .map(|(selector, _)| selector.as_str())
            .chain(self.select.iter().flatten().map(String::as_str))
    }

    /// Whether the rule runs at all.
    pub fn is_enabled(&self, rule: &RuleMeta) -> bool {
        if let Some(selected) = &self.select {
            if !selected.iter().any(|selector| rule.is(selector)) {
                return false;
            }
        }
        self.level(rule, rule.severity).is_some()
    }

    /// The severity a finding is reported at, or `None` when its rule is off.
    /// A rule setting wins over an area setting, which wins over the finding's own.
    pub fn level(&self, rule: &RuleMeta, own: Severity) -> Option<Severity> {
        let setting = self
            .rules
            .iter()
            .rev()
            .find(|(selector, _)| rule.is(selector))
            .map(|(_, level)| level)
            .or_else(|| self.areas.get(&rule.area))
            .copied();
        match setting {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(severity),
            None => Some(own),
        }
    }

    /// The severity of a finding that is no built-in rule's (a Spectral
    /// ruleset's) in `area`, or `None` when the area is off.
    pub fn area_level(&self, area: Area, own: Severity) -> Option<Severity> {
        match self.areas.get(&area) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(*severity),
            None => Some(own),
        }
    }

    pub fn is_ignored(&self, path: &str) -> bool {
        self.ignore
            .iter()
            .any(|pattern| glob::matches_path(pattern, path))
    }
}

fn parse_level(text: &str, what: &str) -> Result<Level, ConfigError> {
    Level::parse(text).ok_or_else(|| {
        ConfigError(format!(
            "`{what} = \"{text}\"`: use \"error\", \"warning\", \"info\" or \"off\""
        ))
    })
}

fn area_list() -> String {
    Area::ALL
        .iter()
        .map(|area| area.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MISSING_4XX: RuleMeta = RuleMeta {
        id: "ERR001",
        name: "missing-4xx-response",
        side: crate::base::Side::Api,
        area: Area::Errors,
        severity: Severity::Warning,
        summary: "",
        fix: "",
        docs: "",
        peers: &[],
    };

    #[test]
    fn reads_overrides_by_id_name_and_area() {
        let config = Config::from_toml(
            "[rules]\nmissing-4xx-response = \"info\"\nTLS001 = \"off\"\n[areas]\nerrors = \"error\"\n[api]\nversioning = \"path\"\n",
        )
        .unwrap();
        assert_eq!(
            config.level(&MISSING_4XX, Severity::Warning),
            Some(Severity::Info),
            "a rule setting wins over its area's"
        );
        let by_area = RuleMeta {
            id: "ERR002",
            name: "other",
            ..MISSING_4XX
        };
        assert_eq!(
            config.level(&by_area, Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(config.versioning, VersioningPolicy::Path);
        assert_eq!(config.rule_selectors().count(), 2);
    }

    #[test]
    fn reads_the_versioning_policy() {
        let config =
            Config::from_toml("[versioning]\nstrategy = \"header\"\ndeprecation_days = 180\n")
                .unwrap();
        assert_eq!(config.versioning, VersioningPolicy::Header);
        assert_eq!(config.deprecation_days, Some(180));
        assert!(Config::from_toml(
            "[api]\nversioning = \"path\"\n[versioning]\nstrategy = \"path\"\n"
        )
        .is_ok());
        let disagreeing =
            Config::from_toml("[api]\nversioning = \"path\"\n[versioning]\nstrategy = \"none\"\n");
        assert!(disagreeing.is_err());
        assert!(Config::from_toml("[versioning]\ndeprecation_dayz = 1\n").is_err());
    }

    #[test]
    fn select_runs_only_the_named_rules() {
        let mut config = Config::default();
        config.select(&["err001"]);
        assert!(config.is_enabled(&MISSING_4XX));
        config.select(&["TLS001"]);
        assert!(!config.is_enabled(&MISSING_4XX));
    }

    #[test]
    fn reads_consistency_links() {
        let config = Config::from_toml(
            "[consistency]\ntables = { Account = \"users\" }\ncolumns = { \"Account.fullName\" = \"name\" }\nunlinked = [\"Problem\"]\n",
        )
        .unwrap();
        assert_eq!(config.consistency.tables["Account"], "users");
        assert_eq!(config.consistency.columns["Account.fullName"], "name");
        assert_eq!(config.consistency.unlinked, ["Problem"]);
        assert!(Config::from_toml("[consistency]\ntable = {}\n").is_err());
    }

    #[test]
    fn typos_are_errors() {
        assert!(Config::from_toml("[rules]\nERR001 = \"loud\"\n").is_err());
        assert!(Config::from_toml("[areas]\nspeling = \"off\"\n").is_err());
        assert!(Config::from_toml("unknown = 1\n").is_err());
        assert!(Config::from_toml("[sql]\ndialect = \"oracle\"\n").is_err());
    }
}

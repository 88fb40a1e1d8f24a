//! What every front door asks for: the one request type the CLI, Python and
//! the browser build, so that they name in-memory texts alike, parse the
//! dialect alike and report errors alike.

use crate::base::loader::{Loader, MemoryLoader};
use crate::config::{Config, ConfigError};
use crate::sql::Dialect;

/// The name of an OpenAPI description given as text (`<...>` names are never
/// files on disk, so they cannot clash with one).
pub const OPENAPI_TEXT: &str = "<openapi>.yaml";

/// The name of a GraphQL schema given as text.
pub const GRAPHQL_TEXT: &str = "<graphql>.graphql";

/// The name of standard input.
pub const STDIN: &str = "<stdin>";

/// The name of the `index`-th (0-based) SQL text of a history given in order:
/// `<sql>/00001.sql` ... zero-padded, so name order is the given order.
pub fn sql_text_name(index: usize) -> String {
    format!("<sql>/{:05}.sql", index + 1)
}

/// A review to run: what to read (paths through the caller's loader, and
/// texts held in memory), the settings, and whether to keep the source line
/// under each finding for the text rendering.
#[derive(Clone, Debug, Default)]
pub struct ReviewRequest {
    /// Files and folders to review, in order (SQL files apply in this order).
    paths: Vec<String>,
    /// Texts by name: readable like files (`$ref`s reach them), reviewed
    /// when their name is among `paths`.
    texts: Vec<(String, Vec<u8>)>,
    pub config: Config,
    /// Keep the source line under each finding: only the text rendering shows
    /// it, and on a folder of thousands of descriptions with hundreds of
    /// thousands of findings it is a large share of memory.
    pub keep_source_lines: bool,
    /// Findings to leave out: a baseline file, or the findings of the
    /// version a change started from (`--changed-since`).
    pub baseline: Option<crate::report::Baseline>,
    /// The day of the review, for the ends a description announces
    /// (`Sunset`); the core has no clock, so the front doors pass it.
    pub today: Option<crate::base::date::Day>,
    /// What a change added or modified (`--changed-since`): findings there
    /// are reported even when `baseline` has them.
    pub changed: Option<crate::report::ChangedScope>,
    /// Spectral rulesets to run, after those of `[rulesets] files`.
    rulesets: Vec<String>,
}

impl ReviewRequest {
    pub fn new(config: Config) -> Self {
        ReviewRequest {
            config,
            ..ReviewRequest::default()
        }
    }

    /// Reviews a file or folder (or a text added under that name).
    pub fn path(&mut self, path: impl Into<String>) -> &mut Self {
        self.paths.push(path.into());
        self
    }

    /// Makes a text readable under `name` without reviewing it on its own
    /// (a file that a description's `$ref`s reach).
    pub fn file(&mut self, name: impl Into<String>, text: impl Into<Vec<u8>>) -> &mut Self {
        self.texts.push((name.into(), text.into()));
        self
    }

    /// Reviews a text as the file `name`.
    pub fn text(&mut self, name: impl Into<String>, text: impl Into<Vec<u8>>) -> &mut Self {
        let name = name.into();
        self.file(name.clone(), text);
        self.path(name)
    }

    /// Reviews an OpenAPI description given as text, as [`OPENAPI_TEXT`].
    pub fn openapi_text(&mut self, text: impl Into<Vec<u8>>) -> &mut Self {
        self.text(OPENAPI_TEXT, text)
    }

    /// Reviews a GraphQL schema given as text, as [`GRAPHQL_TEXT`].
    pub fn graphql_text(&mut self, text: impl Into<Vec<u8>>) -> &mut Self {
        self.text(GRAPHQL_TEXT, text)
    }

    /// Reviews SQL texts as one history applied in the given order, named by
    /// [`sql_text_name`].
    pub fn sql_texts<T: Into<Vec<u8>>>(&mut self, texts: impl IntoIterator<Item = T>) -> &mut Self {
        for (index, text) in texts.into_iter().enumerate() {
            self.text(sql_text_name(index), text);
        }
        self
    }

    /// Runs a Spectral ruleset (a file, or a text added with [`Self::file`])
    /// beside the built-in rules.
    pub fn ruleset(&mut self, path: impl Into<String>) -> &mut Self {
        self.rulesets.push(path.into());
        self
    }

    /// The rulesets to run: the configuration's, then the request's.
    pub fn rulesets(&self) -> Vec<String> {
        let mut all = self.config.rulesets.files.clone();
        all.extend(self.rulesets.iter().cloned());
        all
    }

    /// Sets the SQL dialect by name (`postgres`, `mysql`, `sqlite` and their
    /// aliases), over the configuration's.
    pub fn dialect(&mut self, name: &str) -> Result<&mut Self, ConfigError> {
        self.config.dialect = Some(Dialect::from_setting(name).map_err(ConfigError)?);
        Ok(self)
    }

    /// Replaces the `index`-th path (the CLI's `-` becomes [`STDIN`]).
    pub fn replace_path(&mut self, index: usize, path: impl Into<String>) -> &mut Self {
        if let Some(slot) = self.paths.get_mut(index) {
            *slot = path.into();
        }
        self
    }

    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// The caller's loader with the request's texts in front of it.
    pub(crate) fn loader<'l>(&self, fallback: &'l dyn Loader) -> MemoryLoader<'l> {
        let mut loader = MemoryLoader::with_fallback(fallback);
        for (name, text) in &self.texts {
            loader.insert(name.clone(), text.clone());
        }
        loader
    }
}

/// Why a review could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// The settings name a rule, area, level or dialect that does not exist.
    Config(ConfigError),
    /// An input cannot be read: a missing file, an empty folder.
    Input(String),
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewError::Config(error) => error.fmt(f),
            ReviewError::Input(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ReviewError {}

impl From<ConfigError> for ReviewError {
    fn from(error: ConfigError) -> Self {
        ReviewError::Config(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_named_one_way() {
        let mut request = ReviewRequest::default();
        request.openapi_text("openapi: 3.1.0").sql_texts(["a", "b"]);
        assert_eq!(
            request.paths(),
            ["<openapi>.yaml", "<sql>/00001.sql", "<sql>/00002.sql"]
        );
    }

    #[test]
    fn dialects_are_parsed_in_one_place() {
        let mut request = ReviewRequest::default();
        assert!(request.dialect("pg").is_ok());
        assert_eq!(request.config.dialect, Some(Dialect::Postgres));
        let error = request.dialect("oracle").unwrap_err();
        assert_eq!(
            error.0,
            "unknown SQL dialect `oracle`; use postgres, mysql or sqlite"
        );
    }
}

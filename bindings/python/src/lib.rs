//! `archlint._archlint`: the native half of the Python package.
//!
//! The pure-Python `archlint/__init__.py` normalises arguments (dicts, path-like
//! objects, lists) and re-exports what is defined here. Everything that can go
//! wrong becomes an `ArchlintError` subclass; a Rust panic is caught and turned
//! into `ArchlintError` too, never pyo3's `PanicException` (which derives from
//! `BaseException`, so `except Exception` would miss it). Reviews run with the
//! GIL released, so a thread pool reviewing many specs uses every core.

use std::panic::{catch_unwind, AssertUnwindSafe};

use archlint::report::{to_json, to_sarif, to_text, Area, Severity, TextOptions};
use archlint::{Config, FsLoader, ReviewError, ReviewRequest};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyList;

create_exception!(
    _archlint,
    ArchlintError,
    PyException,
    "Base class of every archlint error."
);
create_exception!(
    _archlint,
    ConfigError,
    ArchlintError,
    "Invalid configuration: unknown rule, area, level, dialect or key."
);
create_exception!(
    _archlint,
    InputError,
    ArchlintError,
    "Input that cannot be reviewed: a missing file, an unknown rule id."
);

/// Runs `work` with the GIL released, turning a panic into `ArchlintError`.
fn run_detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> PyResult<T> + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .unwrap_or_else(|panic| {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(ArchlintError::new_err(format!(
                "internal error (please report it): {detail}"
            )))
        })
}

/// The configuration: an `archlint.toml` path, or the same settings as JSON
/// (a dict, dumped).
fn build_config(config_path: Option<&str>, config_json: Option<&str>) -> PyResult<Config> {
    let parsed = match (config_path, config_json) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path).map_err(|error| {
                InputError::new_err(format!("cannot read configuration {path}: {error}"))
            })?;
            Config::from_toml(&text)
        }
        (None, Some(json)) => Config::from_json(json),
        (None, None) => Ok(Config::default()),
    };
    parsed.map_err(|error| ConfigError::new_err(error.0))
}

/// Reviews files and folders from disk plus in-memory OpenAPI text, SQL
/// texts (applied in order, as a migration history) and a GraphQL schema.
#[pyfunction]
#[pyo3(signature = (paths, openapi=None, sql=Vec::new(), dialect=None, config_path=None, config_json=None, baseline=None, changed_since=None, graphql=None, rulesets=Vec::new(), ruleset_texts=Vec::new()))]
#[allow(clippy::too_many_arguments)]
fn _review(
    py: Python<'_>,
    paths: Vec<String>,
    openapi: Option<String>,
    sql: Vec<String>,
    dialect: Option<String>,
    config_path: Option<String>,
    config_json: Option<String>,
    baseline: Option<String>,
    changed_since: Option<String>,
    graphql: Option<String>,
    rulesets: Vec<String>,
    ruleset_texts: Vec<String>,
) -> PyResult<Report> {
    let report = run_detached(py, move || {
        let config = build_config(config_path.as_deref(), config_json.as_deref())?;
        let baseline_file = baseline.or(config.baseline.file.clone());
        let mut request = ReviewRequest::new(config);
        if let Some(path) = baseline_file {
            let text = std::fs::read_to_string(&path)
                .map_err(|error| InputError::new_err(format!("cannot read {path}: {error}")))?;
            let known = archlint::report::Baseline::parse(&text)
                .map_err(|error| InputError::new_err(format!("{path}: {error}")))?;
            request.baseline = Some(known);
        }
        if let Some(name) = &dialect {
            request
                .dialect(name)
                .map_err(|error| ConfigError::new_err(error.0))?;
        }
        for path in paths {
            request.path(path);
        }
        if let Some(text) = openapi {
            request.openapi_text(text);
        }
        request.sql_texts(sql);
        if let Some(text) = graphql {
            request.graphql_text(text);
        }
        for path in rulesets {
            request.ruleset(path);
        }
        for (index, text) in ruleset_texts.into_iter().enumerate() {
            let name = format!("<ruleset-{}>.json", index + 1);
            request.file(name.clone(), text).ruleset(name);
        }
        if request.paths().is_empty() {
            return Err(InputError::new_err(
                "nothing to review: give paths, openapi=, sql= or graphql=",
            ));
        }
        if let Some(revision) = changed_since {
            let paths = request.paths().to_vec();
            archlint_cli::changed_since(&revision, &paths, &mut request)
                .map_err(InputError::new_err)?;
        }
        // Python never renders the text report, so source lines are not kept.
        archlint::review(&request, &FsLoader).map_err(|error| match error {
            ReviewError::Config(error) => ConfigError::new_err(error.0),
            ReviewError::Input(message) => InputError::new_err(message),
        })
    })?;
    Report::new(py, report)
}

/// One version for `_diff`: paths, or a description's text named `name`.
fn version_request(
    config: &archlint::Config,
    paths: Vec<String>,
    text: Option<String>,
    name: &str,
) -> ReviewRequest {
    let mut request = ReviewRequest::new(config.clone());
    for path in paths {
        request.path(path);
    }
    if let Some(text) = text {
        request.text(name, text);
    }
    request
}

#[pyfunction]
#[pyo3(signature = (old_paths, old_text, new_paths, new_text, config_path=None, config_json=None, today=None, old_graphql=None, new_graphql=None))]
#[allow(clippy::too_many_arguments)]
fn _diff(
    py: Python<'_>,
    old_paths: Vec<String>,
    old_text: Option<String>,
    new_paths: Vec<String>,
    new_text: Option<String>,
    config_path: Option<String>,
    config_json: Option<String>,
    today: Option<String>,
    old_graphql: Option<String>,
    new_graphql: Option<String>,
) -> PyResult<Report> {
    let report = run_detached(py, move || {
        let config = build_config(config_path.as_deref(), config_json.as_deref())?;
        let mut old = version_request(&config, old_paths, old_text, "<old>.yaml");
        let mut new = version_request(&config, new_paths, new_text, "<new>.yaml");
        // Named apart, so that findings say which version a place is in.
        if let Some(text) = old_graphql {
            old.text("<old>.graphql", text);
        }
        if let Some(text) = new_graphql {
            new.text("<new>.graphql", text);
        }
        new.today = match today {
            Some(text) => Some(archlint::Day::parse(&text).ok_or_else(|| {
                InputError::new_err(format!("today: `{text}` is not a date (YYYY-MM-DD)"))
            })?),
            None => archlint_cli::today(),
        };
        if old.paths().is_empty() || new.paths().is_empty() {
            return Err(InputError::new_err("give both versions: old= and new="));
        }
        archlint::diff(&old, &new, &FsLoader).map_err(|error| match error {
            ReviewError::Config(error) => ConfigError::new_err(error.0),
            ReviewError::Input(message) => InputError::new_err(message),
        })
    })?;
    Report::new(py, report)
}

/// Where a finding is.
#[pyclass(frozen, module = "archlint", get_all)]
struct Location {
    file: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    pointer: Option<String>,
    object: Option<String>,
}

#[pymethods]
impl Location {
    fn __repr__(&self) -> String {
        format!("Location({}:{}:{})", self.file, self.line, self.column)
    }
}

impl From<&archlint::Location> for Location {
    fn from(location: &archlint::Location) -> Self {
        Location {
            file: location.file.clone(),
            line: location.line,
            column: location.column,
            end_line: location.end_line,
            end_column: location.end_column,
            pointer: location.pointer.clone(),
            object: location.object.clone(),
        }
    }
}

/// Another place a finding refers to (the first definition, the other side).
#[pyclass(frozen, module = "archlint", get_all)]
struct Related {
    message: String,
    location: Py<Location>,
}

#[pymethods]
impl Related {
    fn __repr__(&self) -> String {
        format!(
            "Related({:?}, {})",
            self.message,
            self.location.get().__repr__()
        )
    }
}

/// One problem: which rule, how bad, what and where, and how to fix it.
#[pyclass(frozen, module = "archlint", get_all)]
struct Finding {
    rule: String,
    name: String,
    area: String,
    severity: String,
    message: String,
    help: String,
    location: Py<Location>,
    related: Vec<Py<Related>>,
}

#[pymethods]
impl Finding {
    fn __repr__(&self) -> String {
        let location = self.location.get();
        format!(
            "<Finding {} {} at {}:{}:{}: {}>",
            self.severity, self.rule, location.file, location.line, location.column, self.message
        )
    }
}

impl Finding {
    fn new(py: Python<'_>, finding: &archlint::Finding) -> PyResult<Finding> {
        let related = finding
            .related
            .iter()
            .map(|related| {
                Py::new(
                    py,
                    Related {
                        message: related.message.clone(),
                        location: Py::new(py, Location::from(&related.location))?,
                    },
                )
            })
            .collect::<PyResult<_>>()?;
        Ok(Finding {
            rule: finding.rule.clone(),
            name: finding.name.clone(),
            area: finding.area.as_str().to_owned(),
            severity: finding.severity.as_str().to_owned(),
            message: finding.message.clone(),
            help: finding.help.clone(),
            location: Py::new(py, Location::from(&finding.location))?,
            related,
        })
    }
}

/// The outcome of a review: its findings (sorted by file, line, column, rule),
/// a summary and scores.
#[pyclass(frozen, module = "archlint")]
struct Report {
    inner: archlint::Report,
    findings: Py<PyList>,
}

impl Report {
    fn new(py: Python<'_>, inner: archlint::Report) -> PyResult<Report> {
        let findings = inner
            .findings
            .iter()
            .map(|finding| Py::new(py, Finding::new(py, finding)?))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Report {
            findings: PyList::new(py, findings)?.unbind(),
            inner,
        })
    }

    /// The findings for which `keep` holds on the Rust side, as Python objects.
    fn filtered<'py>(
        &self,
        py: Python<'py>,
        keep: impl Fn(&archlint::Finding) -> bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let all = self.findings.bind(py);
        let kept = self
            .inner
            .findings
            .iter()
            .enumerate()
            .filter(|(_, finding)| keep(finding))
            .map(|(index, _)| all.get_item(index))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, kept)
    }
}

fn json_to_python<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

#[pymethods]
impl Report {
    /// Every finding, as `Finding` objects.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        // A copy, so callers cannot change the report's own list.
        let list = self.findings.bind(py);
        PyList::new(py, list.iter()).unwrap_or_else(|_| PyList::empty(py))
    }

    /// Files read, counts per severity and area, rules run, dialects, scores.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner.summary)
            .map_err(|error| ArchlintError::new_err(error.to_string()))?;
        json_to_python(py, &json)
    }

    /// `{"overall": 0-100, "areas": {"auth": 87, ...}}`.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner.summary.scores)
            .map_err(|error| ArchlintError::new_err(error.to_string()))?;
        json_to_python(py, &json)
    }

    /// The JSON report, exactly as `archlint review --format json` writes it.
    fn to_json(&self) -> String {
        to_json(&self.inner)
    }

    /// The report as SARIF 2.1.0.
    fn to_sarif(&self) -> String {
        to_sarif(&self.inner)
    }

    /// The report for a person, as `archlint review` prints it: a summary
    /// first, then the findings rule by rule, a rule that fires many times
    /// grouped into one entry with examples. `all=True` shows every finding
    /// in full; `expand` names rules (ids or names) to show in full.
    #[pyo3(signature = (all=false, expand=Vec::new(), color=false))]
    fn to_text(&self, all: bool, expand: Vec<String>, color: bool) -> String {
        to_text(&self.inner, TextOptions { color, all, expand })
    }

    /// Findings of one area (`"auth"`, `"indexing"` ...).
    fn by_area<'py>(&self, py: Python<'py>, area: &str) -> PyResult<Bound<'py, PyList>> {
        let wanted = Area::parse(area)
            .ok_or_else(|| InputError::new_err(format!("unknown area `{area}`")))?;
        self.filtered(py, |finding| finding.area == wanted)
    }

    /// Findings of one severity (`"error"`, `"warning"`, `"info"`).
    fn by_severity<'py>(&self, py: Python<'py>, severity: &str) -> PyResult<Bound<'py, PyList>> {
        let wanted = parse_severity(severity)?;
        self.filtered(py, |finding| finding.severity == wanted)
    }

    /// The `error` findings.
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.filtered(py, |finding| finding.severity == Severity::Error)
    }

    /// Whether some finding is at least as severe as `severity`.
    fn has_at_least(&self, severity: &str) -> PyResult<bool> {
        Ok(self.inner.has_at_least(parse_severity(severity)?))
    }

    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.findings.bind(py).try_iter().map(Bound::into_any)
    }

    fn __repr__(&self) -> String {
        let counts = &self.inner.summary.counts;
        format!(
            "<Report: {} findings ({} errors, {} warnings, {} info) in {} files, score {}>",
            self.inner.findings.len(),
            counts.error,
            counts.warning,
            counts.info,
            self.inner.summary.files.len(),
            self.inner.summary.scores.overall
        )
    }
}

fn parse_severity(text: &str) -> PyResult<Severity> {
    Severity::parse(text).ok_or_else(|| {
        InputError::new_err(format!(
            "unknown severity `{text}`; use error, warning or info"
        ))
    })
}

/// The rule catalogue: one dict per rule, with its documentation.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json_to_python(py, &archlint::docs::catalogue().to_string())
}

/// A rule's documentation (Markdown), by id or name.
#[pyfunction]
fn explain(rule: &str) -> PyResult<String> {
    archlint::rules::find(rule)
        .map(|found| archlint::docs::rule_page(found.meta()))
        .ok_or_else(|| {
            InputError::new_err(format!(
                "unknown rule `{rule}`; `archlint.rules()` lists them"
            ))
        })
}

/// Runs the `archlint` command with `argv` (without the program name); returns
/// its exit status.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<String>) -> PyResult<u8> {
    run_detached(py, move || {
        let args = std::iter::once("archlint".to_owned()).chain(argv);
        Ok(archlint_cli::run(args))
    })
}

/// Panics inside the engine's error boundary: lets the tests check that a
/// panic reaches Python as `ArchlintError`, and that the module still works.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run_detached(py, || -> PyResult<()> { panic!("deliberate panic") })
}

#[pymodule]
fn _archlint(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("ArchlintError", py.get_type::<ArchlintError>())?;
    module.add("ConfigError", py.get_type::<ConfigError>())?;
    module.add("InputError", py.get_type::<InputError>())?;
    module.add_class::<Report>()?;
    module.add_class::<Finding>()?;
    module.add_class::<Location>()?;
    module.add_class::<Related>()?;
    module.add_function(wrap_pyfunction!(_review, module)?)?;
    module.add_function(wrap_pyfunction!(_diff, module)?)?;
    module.add_function(wrap_pyfunction!(rules, module)?)?;
    module.add_function(wrap_pyfunction!(explain, module)?)?;
    module.add_function(wrap_pyfunction!(main, module)?)?;
    module.add_function(wrap_pyfunction!(_panic_for_tests, module)?)?;
    Ok(())
}

//! The `archlint` command.
//!
//! Exit status: 0 when no finding reaches `--fail-on`, 1 when one does, 2 on a
//! usage, configuration or input error.

mod git;

use std::io::{IsTerminal, Read, Write};

use archlint::report::{
    to_github, to_html, to_junit, to_markdown, to_review_markdown, to_sarif, to_text, write_json,
    Baseline, TextOptions,
};
use archlint::schema::Coverage;
use archlint::{Config, Dialect, FsLoader, Report, ReviewError, ReviewRequest, Severity, RULES};
use clap::{Parser, Subcommand, ValueEnum};

/// Reviews backend designs — OpenAPI descriptions and the SQL schemas and
/// migrations of the database behind them — like a senior backend architect,
/// and says precisely what to fix and where.
#[derive(Parser)]
#[command(name = "archlint", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Review OpenAPI and SQL files or folders (`-` reads standard input);
    /// given both, the API is also checked against its database.
    Review(ReviewArgs),
    /// Review a change: what NEW breaks for clients of OLD (removed
    /// operations, new required inputs, changed types, tightened requests,
    /// loosened responses, ...) and whether the major version says so.
    /// `archlint diff OLD NEW` compares two files or folders;
    /// `archlint diff --base REV [PATHS]` compares PATHS with what git revision
    /// REV holds. `--format markdown` writes a changelog for a pull request.
    Diff(DiffArgs),
    /// Write a baseline: today's findings, so that `review --baseline FILE`
    /// (or `[baseline] file` in archlint.toml) reports only new ones.
    Baseline {
        /// Files or folders, as given to `review`.
        #[arg(required = true)]
        paths: Vec<String>,
        /// The baseline file to write.
        #[arg(long, short, default_value = "archlint-baseline.json")]
        output: String,
        /// Configuration file (default: ./archlint.toml when it exists).
        #[arg(long)]
        config: Option<String>,
        /// SQL dialect: postgres, mysql or sqlite (default: detected).
        #[arg(long, value_parser = Dialect::from_setting)]
        dialect: Option<Dialect>,
    },
    /// List every rule with its id, area and default severity.
    Rules {
        #[arg(long, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
    },
    /// Print the documentation of a rule (by id or name).
    Explain {
        /// A rule id such as ERR001 or a name such as missing-4xx-response.
        rule: String,
    },
    /// Print the schema model that SQL files build: tables, columns, keys and
    /// indexes, with the file and line that define each (folders are histories).
    Schema {
        #[arg(required = true)]
        paths: Vec<String>,
        /// SQL dialect: postgres, mysql or sqlite (default: detected).
        #[arg(long, value_parser = Dialect::from_setting)]
        dialect: Option<Dialect>,
    },
    /// Show how the API maps onto the schema: which schema is stored in which
    /// table, which property in which column, which parameters look rows up by
    /// which columns, and what is unmapped on each side. Give OpenAPI and SQL
    /// paths together, as to `review`.
    Map {
        #[arg(required = true)]
        paths: Vec<String>,
        #[arg(long, short, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
        /// Configuration file (default: ./archlint.toml when it exists); its
        /// `[consistency]` table sets links the names do not give.
        #[arg(long)]
        config: Option<String>,
        /// SQL dialect: postgres, mysql or sqlite (default: detected).
        #[arg(long, value_parser = Dialect::from_setting)]
        dialect: Option<Dialect>,
    },
    /// Report how many SQL statements archlint understands, per file, and how
    /// many of those it could not apply to the model (objects never created,
    /// DDL inside DO blocks it cannot read). A folder is read as one migration
    /// history; each path gets its own detected dialect.
    Coverage {
        /// SQL files or folders.
        #[arg(required = true)]
        paths: Vec<String>,
        /// SQL dialect: postgres, mysql or sqlite (default: detected per path).
        #[arg(long, value_parser = Dialect::from_setting)]
        dialect: Option<Dialect>,
        #[arg(long, short, value_enum, default_value_t = CatalogueFormat::Text)]
        format: CatalogueFormat,
    },
}

#[derive(clap::Args)]
struct ReviewArgs {
    /// Files or folders to review; `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    out: OutputArgs,
    /// Run only these rules (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// SQL dialect: postgres, mysql or sqlite (default: `[sql] dialect` in the
    /// configuration, else detected).
    #[arg(long, value_parser = Dialect::from_setting)]
    dialect: Option<Dialect>,
    /// Text output: show every finding of these rules (ids or names,
    /// comma-separated) in full.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    expand: Vec<String>,
    /// Review migrations from this one on (a file name or version prefix,
    /// such as `20240105`); older ones still build the schema but their
    /// findings are left out. Overrides `[migrations] since`.
    #[arg(long, value_name = "MIGRATION")]
    since: Option<String>,
    /// Report only findings the baseline file does not have (`archlint
    /// baseline` writes one). Overrides `[baseline] file`.
    #[arg(long, value_name = "FILE")]
    baseline: Option<String>,
    /// Report only findings that are new since this git revision: what a
    /// change adds or modifies, the whole design still read. Migrations the
    /// change adds count as one release.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// A Spectral ruleset (YAML or JSON) to run beside the built-in rules
    /// (repeatable). Without it, and without `[rulesets] files`, a
    /// `.spectral.yaml`, `.spectral.yml` or `.spectral.json` in the working
    /// folder is used, as Spectral does.
    #[arg(long, value_name = "FILE")]
    ruleset: Vec<String>,
}

/// The Spectral ruleset files Spectral itself would find in the working folder.
const SPECTRAL_FILES: [&str; 3] = [".spectral.yaml", ".spectral.yml", ".spectral.json"];

/// The rulesets a review runs besides `[rulesets] files`: those given, or
/// the one Spectral would find.
fn rulesets(given: &[String], config: &Config) -> Vec<String> {
    if !given.is_empty() {
        return given.to_vec();
    }
    if !config.rulesets.files.is_empty() {
        return Vec::new();
    }
    SPECTRAL_FILES
        .iter()
        .find(|name| std::path::Path::new(name).is_file())
        .map(|name| vec![(*name).to_owned()])
        .unwrap_or_default()
}

#[derive(clap::Args)]
struct DiffArgs {
    /// OLD and NEW; with `--base`, the paths to compare with the revision
    /// (default: the current folder).
    paths: Vec<String>,
    /// A git revision (branch, tag, commit) whose files are the old version.
    #[arg(long, value_name = "REV")]
    base: Option<String>,
    /// A file or folder of the old version (repeat for an API and its SQL).
    #[arg(long = "old", value_name = "PATH", conflicts_with = "base")]
    old_paths: Vec<String>,
    /// A file or folder of the new version (repeat for an API and its SQL).
    #[arg(long = "new", value_name = "PATH", requires = "old_paths")]
    new_paths: Vec<String>,
    /// The day of the review (YYYY-MM-DD), against which announced ends
    /// (`Sunset`) are read (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    today: Option<archlint::Day>,
    #[command(flatten)]
    output: OutputArgs,
}

fn parse_day(text: &str) -> Result<archlint::Day, String> {
    archlint::Day::parse(text).ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD)"))
}

/// Today, from the system clock (the core has none: WebAssembly has no
/// system clock).
pub fn today() -> Option<archlint::Day> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(archlint::Day::from_days_since_epoch(
        i64::try_from(seconds / 86_400).ok()?,
    ))
}

/// How a report is written, and when the command fails.
#[derive(clap::Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Configuration file (default: ./archlint.toml when it exists).
    #[arg(long)]
    config: Option<String>,
    /// Exit with status 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<String>,
    /// Colour in text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Text output: show every finding in full instead of grouping a rule
    /// that fires many times into one entry with examples.
    #[arg(long)]
    all: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
    /// For a pull-request comment: a review's summary and findings, or a
    /// diff's changelog (breaking changes, deprecations, additions).
    Markdown,
    /// JUnit XML for CI test reports: a test case per rule and file, failed
    /// at the `--fail-on` severity.
    Junit,
    /// One self-contained HTML page to share (scores, findings with their
    /// source, the mapping; a diff's changelog).
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line `args` (the program name first) and returns the
/// exit status: 0 clean, 1 findings at the `--fail-on` level, 2 usage or input
/// error. The `archlint` binary and the Python package's `archlint` command
/// both call this.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version print to stdout and succeed.
            let _ = error.print();
            return if error.use_stderr() { 2 } else { 0 };
        }
    };
    let outcome = match cli.command {
        Command::Review(args) => review(args),
        Command::Diff(args) => diff(args),
        Command::Baseline {
            paths,
            output,
            config,
            dialect,
        } => write_baseline(&paths, &output, config.as_deref(), dialect),
        Command::Rules { format } => print(&catalogue(format)).map(|()| 0),
        Command::Explain { rule } => explain(&rule),
        Command::Schema { paths, dialect } => schema(paths, dialect),
        Command::Coverage {
            paths,
            dialect,
            format,
        } => coverage(paths, dialect, format),
        Command::Map {
            paths,
            format,
            config,
            dialect,
        } => map(paths, format, config.as_deref(), dialect),
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("archlint: {message}");
        2
    })
}

fn review(args: ReviewArgs) -> Result<u8, String> {
    let mut request = request(&args.paths, args.out.config.as_deref(), args.dialect)?;
    if !args.select.is_empty() {
        request.config.select(&args.select);
    }
    if let Some(since) = &args.since {
        request.config.migrations.since = Some(since.clone());
    }
    if let Some(position) = args.paths.iter().position(|path| path == "-") {
        let mut text = Vec::new();
        std::io::stdin()
            .read_to_end(&mut text)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        request.file(archlint::STDIN, text);
        request.replace_path(position, archlint::STDIN);
    }
    for ruleset in rulesets(&args.ruleset, &request.config) {
        request.ruleset(ruleset);
    }
    request.baseline = baseline(&args, &mut request)?;
    // Only the text report shows source lines.
    request.keep_source_lines = matches!(args.out.format, Format::Text | Format::Html);
    let bar = std::sync::OnceLock::new();
    let progress = |done: usize, total: usize| show_progress(&bar, done, total);
    let report = archlint::review_with_progress(&request, &FsLoader, &progress)
        .map_err(|error| error.to_string())?;
    if let Some(Some(bar)) = bar.get() {
        bar.finish_and_clear();
    }
    let output = Output {
        format: args.out.format,
        output: args.out.output.as_deref(),
        color: args.out.color,
        all: args.out.all,
        expand: &args.expand,
        fail_on: args.out.fail_on,
        change: false,
    };
    write_report(&report, &output)?;
    Ok(exit_status(&report, args.out.fail_on))
}

/// The findings to leave out: the baseline file's, and with
/// `--changed-since` those the revision already had.
fn baseline(args: &ReviewArgs, request: &mut ReviewRequest) -> Result<Option<Baseline>, String> {
    let file = args
        .baseline
        .clone()
        .or(request.config.baseline.file.clone());
    let baseline = match file {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .map_err(|error| format!("cannot read {path}: {error}"))?;
            Some(Baseline::parse(&text).map_err(|error| format!("{path}: {error}"))?)
        }
        None => None,
    };
    if let Some(revision) = &args.changed_since {
        changed_since(revision, &args.paths, request)?;
    }
    if let Some(file_baseline) = baseline {
        match &mut request.baseline {
            Some(since) => since.merge(file_baseline),
            None => request.baseline = Some(file_baseline),
        }
    }
    Ok(request.baseline.take())
}

/// Sets `request` to report only what changed since a git `revision`: the
/// findings the revision already had become its baseline, except those on
/// what the change added or modified (operations, components, new tables and
/// columns, new files); the migrations the change adds are one release.
/// Run from inside the repository. (The Python package's `changed_since=`.)
pub fn changed_since(
    revision: &str,
    paths: &[String],
    request: &mut ReviewRequest,
) -> Result<(), String> {
    let loader = git::GitLoader::new(revision)?;
    let mut old = ReviewRequest::new(request.config.clone());
    for path in paths {
        old.path(loader.name(path));
    }
    let prefix = format!("{revision}:");
    let old_name = |file: &str| file.strip_prefix(&prefix).unwrap_or(file).to_owned();
    archlint::review_since(request, &old, &loader, &old_name).map_err(|error| error.to_string())
}

fn write_baseline(
    paths: &[String],
    output: &str,
    config: Option<&str>,
    dialect: Option<Dialect>,
) -> Result<u8, String> {
    let request = request(paths, config, dialect)?;
    let report = archlint::review(&request, &FsLoader).map_err(|error| error.to_string())?;
    let baseline = Baseline::from_findings(&report.findings, str::to_owned);
    std::fs::write(output, baseline.to_json())
        .map_err(|error| format!("cannot write {output}: {error}"))?;
    eprintln!("archlint: {} findings written to {output}", baseline.len());
    Ok(0)
}

/// The severity from which a finding fails the command.
fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

fn exit_status(report: &Report, fail_on: FailOn) -> u8 {
    let failed = threshold(fail_on).is_some_and(|threshold| report.has_at_least(threshold));
    if failed {
        1
    } else {
        0
    }
}

fn diff(args: DiffArgs) -> Result<u8, String> {
    let options = &args.output;
    let (old, new, loader): (ReviewRequest, ReviewRequest, Box<dyn archlint::Loader>) = match &args
        .base
    {
        Some(revision) => {
            let loader = git::GitLoader::new(revision)?;
            let paths = if args.paths.is_empty() {
                vec![".".to_owned()]
            } else {
                args.paths.clone()
            };
            let old_paths: Vec<String> = paths.iter().map(|path| loader.name(path)).collect();
            let old = request(&old_paths, options.config.as_deref(), None)?;
            let new = request(&paths, options.config.as_deref(), None)?;
            (old, new, Box::new(loader))
        }
        None if !args.old_paths.is_empty() && !args.new_paths.is_empty() => {
            let old = request(&args.old_paths, options.config.as_deref(), None)?;
            let new = request(&args.new_paths, options.config.as_deref(), None)?;
            (old, new, Box::new(FsLoader))
        }
        None => {
            let [old, new] = args.paths.as_slice() else {
                return Err(
                    "give OLD and NEW, --old PATH... --new PATH..., or --base REV and the paths to compare"
                        .to_owned(),
                );
            };
            let old = request(std::slice::from_ref(old), options.config.as_deref(), None)?;
            let new = request(std::slice::from_ref(new), options.config.as_deref(), None)?;
            (old, new, Box::new(FsLoader))
        }
    };
    let mut new = new;
    new.keep_source_lines = matches!(options.format, Format::Text | Format::Html);
    new.today = args.today.or_else(today);
    let report = archlint::diff(&old, &new, loader.as_ref()).map_err(|error| error.to_string())?;
    let output = Output {
        format: options.format,
        output: options.output.as_deref(),
        color: options.color,
        all: options.all,
        expand: &[],
        fail_on: options.fail_on,
        change: true,
    };
    write_report(&report, &output)?;
    Ok(exit_status(&report, options.fail_on))
}

/// Where and how a report is written.
struct Output<'a> {
    format: Format,
    output: Option<&'a str>,
    color: Color,
    all: bool,
    expand: &'a [String],
    fail_on: FailOn,
    /// A change review: markdown and HTML show the changelog.
    change: bool,
}

/// The request of a command: its paths, the configuration file given (or
/// `./archlint.toml` when it exists), and a dialect given on the command line.
/// Errors in the file are reported with its name.
fn request(
    paths: &[String],
    config_path: Option<&str>,
    dialect: Option<Dialect>,
) -> Result<ReviewRequest, String> {
    let config_path = match config_path {
        Some(path) => Some(path.to_owned()),
        None => std::path::Path::new("archlint.toml")
            .is_file()
            .then(|| "archlint.toml".to_owned()),
    };
    let config = match &config_path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read {path}: {error}"))?;
            let config = Config::from_toml(&text).map_err(|error| format!("{path}: {error}"))?;
            archlint::rules::check_config(&config).map_err(|error| format!("{path}: {error}"))?;
            config
        }
        None => Config::default(),
    };
    let mut request = ReviewRequest::new(config);
    for path in paths {
        request.path(path.clone());
    }
    if dialect.is_some() {
        request.config.dialect = dialect;
    }
    Ok(request)
}

fn schema(paths: Vec<String>, dialect: Option<Dialect>) -> Result<u8, String> {
    let mut request = ReviewRequest::default();
    for path in paths {
        request.path(path);
    }
    request.config.dialect = dialect;
    let text = archlint::describe_schema(&request, &FsLoader).map_err(|error| error.to_string())?;
    print(&text)?;
    Ok(0)
}

fn map(
    paths: Vec<String>,
    format: CatalogueFormat,
    config: Option<&str>,
    dialect: Option<Dialect>,
) -> Result<u8, String> {
    let request = request(&paths, config, dialect)?;
    let mapping = archlint::map(&request, &FsLoader)
        .map_err(|error: ReviewError| error.to_string())?
        .ok_or_else(|| {
            "nothing to map: give an OpenAPI description and the SQL files of its database"
                .to_owned()
        })?;
    let text = match format {
        CatalogueFormat::Json => serde_json::to_string_pretty(&mapping).unwrap_or_default() + "\n",
        CatalogueFormat::Text | CatalogueFormat::Markdown => mapping.to_text(),
    };
    print(&text)?;
    Ok(0)
}

/// Descriptions below which a review is too quick for a progress bar.
const PROGRESS_THRESHOLD: usize = 20;

/// Advances the progress bar, created on the first call of a large review, and
/// only when stderr is a terminal (never on a pipe or in CI logs).
fn show_progress(
    bar: &std::sync::OnceLock<Option<indicatif::ProgressBar>>,
    done: usize,
    total: usize,
) {
    let bar = bar.get_or_init(|| {
        (total >= PROGRESS_THRESHOLD && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let style = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} descriptions reviewed, {per_sec}, {elapsed}",
            );
            if let Ok(style) = style {
                bar.set_style(style);
            }
            bar
        })
    });
    if let Some(bar) = bar {
        bar.set_position(done as u64);
    }
}

/// Writes the report to `-o` or stdout; JSON is streamed, not built in memory.
fn write_report(report: &Report, args: &Output<'_>) -> Result<(), String> {
    let (mut sink, name): (Box<dyn Write>, &str) = match args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|error| format!("cannot write {path}: {error}"))?;
            (Box::new(std::io::BufWriter::new(file)), path)
        }
        None => (
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            "the report",
        ),
    };
    let written = match args.format {
        Format::Json => write_json(report, &mut sink).and_then(|()| sink.write_all(b"\n")),
        Format::Text => sink.write_all(to_text(report, text_options(args)).as_bytes()),
        Format::Sarif => sink.write_all((to_sarif(report) + "\n").as_bytes()),
        Format::Github => sink.write_all(to_github(report).as_bytes()),
        Format::Markdown if args.change => sink.write_all(to_markdown(report).as_bytes()),
        Format::Markdown => sink.write_all(to_review_markdown(report).as_bytes()),
        Format::Junit => sink.write_all(to_junit(report, threshold(args.fail_on)).as_bytes()),
        Format::Html => sink.write_all(to_html(report, args.change).as_bytes()),
    };
    match written.and_then(|()| sink.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write {name}: {error}")),
    }
}

/// Colour when asked, or on a terminal without `NO_COLOR` and without `-o`.
fn text_options(args: &Output<'_>) -> TextOptions {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    TextOptions {
        color,
        all: args.all,
        expand: args.expand.to_vec(),
    }
}

fn catalogue(format: CatalogueFormat) -> String {
    let metas = RULES.iter().map(|rule| rule.meta());
    match format {
        CatalogueFormat::Json => {
            serde_json::to_string_pretty(&archlint::docs::catalogue()).unwrap_or_default() + "\n"
        }
        CatalogueFormat::Markdown => archlint::docs::index_page(),
        CatalogueFormat::Text => {
            let mut out = String::new();
            for rule in metas {
                out.push_str(&format!(
                    "{:<8} {:<28} {:<15} {:<8} {}\n",
                    rule.id,
                    rule.name,
                    rule.area.as_str(),
                    rule.severity.as_str(),
                    rule.summary
                ));
            }
            out
        }
    }
}

fn explain(selector: &str) -> Result<u8, String> {
    let rule = archlint::rules::find(selector)
        .ok_or_else(|| format!("unknown rule `{selector}`; `archlint rules` lists every rule"))?;
    print(&archlint::docs::rule_page(rule.meta()))?;
    Ok(0)
}

fn coverage(
    paths: Vec<String>,
    dialect: Option<Dialect>,
    format: CatalogueFormat,
) -> Result<u8, String> {
    let mut request = ReviewRequest::default();
    for path in paths {
        request.path(path);
    }
    request.config.dialect = dialect;
    let rows = archlint::sql_coverage(&request, &FsLoader).map_err(|error| error.to_string())?;
    if let CatalogueFormat::Json = format {
        print(&(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"))?;
        return Ok(0);
    }
    let mut out = format!(
        "{:<60} {:<8} {:>6} {:>6} {:>8} {:>9} {:>8} {:>11} {:>8}\n",
        "file",
        "dialect",
        "stmts",
        "parsed",
        "fallback",
        "no-effect",
        "unknown",
        "not-applied",
        "applied"
    );
    let mut totals: Vec<(Dialect, Coverage)> = Vec::new();
    for row in &rows {
        out.push_str(&coverage_line(&row.file, row.dialect, row.coverage));
        match totals
            .iter_mut()
            .find(|(dialect, _)| *dialect == row.dialect)
        {
            Some((_, total)) => total.add(row.coverage),
            None => totals.push((row.dialect, row.coverage)),
        }
    }
    out.push('\n');
    for (dialect, coverage) in totals {
        out.push_str(&coverage_line("TOTAL", dialect, coverage));
    }
    print(&out)?;
    Ok(0)
}

fn coverage_line(label: &str, dialect: Dialect, c: Coverage) -> String {
    format!(
        "{:<60} {:<8} {:>6} {:>6} {:>8} {:>9} {:>8} {:>11} {:>7.2}%\n",
        label,
        dialect.as_str(),
        c.statements,
        c.parsed,
        c.fallback,
        c.no_schema_effect,
        c.not_understood,
        c.not_applied,
        percent(c)
    )
}

fn percent(coverage: Coverage) -> f64 {
    if coverage.statements == 0 {
        100.0
    } else {
        100.0 * coverage.applied() as f64 / coverage.statements as f64
    }
}

/// Writes to standard output; a closed pipe (`archlint ... | head`) is not an error.
fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("cannot write the report: {error}")),
    }
}

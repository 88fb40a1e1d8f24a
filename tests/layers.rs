//! The core's folders are floors: each names only the floors below it, so a
//! parser never knows a rule and a rule never knows the engine. This test
//! reads the sources and fails when a file names a floor above its own (or a
//! sibling on its own level), and when a rule's file is used by another file
//! than the registry (shared helpers live in named files beside the rules).

use std::path::{Path, PathBuf};

use archlint_tests::root;

/// Bottom-up: every entry names only entries of earlier levels.
const FLOORS: [&[&str]; 8] = [
    &["base"],
    &["tree"],
    &["openapi", "sql", "graphql"],
    &["config", "schema", "spectral"],
    &["link", "change"],
    &["rules"],
    &["report"],
    &["engine"],
];

fn core_dir() -> PathBuf {
    root().join("crates/archlint/src")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("the core's sources are readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The top-level module a core file belongs to (`rules` for `rules/api/x.rs`,
/// `config` for `config.rs`), or `None` for `lib.rs`.
fn module_of(file: &Path) -> Option<String> {
    let relative = file.strip_prefix(core_dir()).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

fn level_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

/// The code of a file without its comments (doc comments may name any floor).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `crate::x` and `$crate::x` mentions of top-level modules.
fn mentioned_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

#[test]
fn every_module_is_on_a_floor() {
    for file in rust_files(&core_dir()) {
        if let Some(module) = module_of(&file) {
            assert!(
                level_of(&module).is_some(),
                "{}: module `{module}` is on no floor of tests/layers.rs",
                file.display()
            );
        }
    }
}

/// The floors that code of `module` names but must not.
fn names_above(module: &str, text: &str) -> Vec<String> {
    let Some(level) = level_of(module) else {
        return Vec::new();
    };
    mentioned_modules(&code(text))
        .into_iter()
        .filter(|named| named != module)
        .filter(|named| level_of(named).is_some_and(|named_level| named_level >= level))
        .collect()
}

#[test]
fn floors_name_only_the_floors_below() {
    let mut violations = Vec::new();
    for file in rust_files(&core_dir()) {
        let Some(module) = module_of(&file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        for named in names_above(&module, &text) {
            violations.push(format!(
                "{} (floor `{module}`) names `crate::{named}`, which is not below it",
                file.display()
            ));
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn the_floor_check_can_fail() {
    let parser =
        "use crate::base::Place;\nuse crate::rules::structure;\n// crate::engine in a comment\n";
    assert_eq!(names_above("sql", parser), ["rules"]);
    assert_eq!(
        names_above("openapi", "fn f() { crate::sql::Dialect::Postgres; }"),
        ["sql"]
    );
    assert!(names_above("engine", "use crate::rules::RULES;").is_empty());
}

/// A file that declares a rule, as a module path under `rules/`
/// (`api::errors::missing_4xx_response`).
fn rule_modules() -> Vec<(PathBuf, String)> {
    let rules = core_dir().join("rules");
    rust_files(&rules)
        .into_iter()
        .filter(|file| {
            std::fs::read_to_string(file)
                .map(|text| text.contains("declare_rule! {"))
                .unwrap_or(false)
        })
        .filter_map(|file| {
            let relative = file.strip_prefix(&rules).ok()?.with_extension("");
            let path = relative
                .components()
                .filter_map(|part| part.as_os_str().to_str())
                .collect::<Vec<_>>()
                .join("::");
            Some((file, path))
        })
        .collect()
}

#[test]
fn rules_do_not_use_each_other() {
    let rules = rule_modules();
    assert!(rules.len() > 100, "rule files are found");
    let mut violations = Vec::new();
    for file in rust_files(&core_dir()) {
        if file.ends_with("rules/registry.rs") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).expect("a source file"));
        for (rule_file, path) in &rules {
            if *rule_file == file {
                continue;
            }
            // `super::rule_name::` from a sibling, or the full path.
            let stem = path.rsplit("::").next().unwrap_or(path);
            let sibling =
                rule_file.parent() == file.parent() && text.contains(&format!("super::{stem}::"));
            if text.contains(&format!("rules::{path}")) || sibling {
                violations.push(format!("{} uses the rule `{path}`", file.display()));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn module_files_only_list_modules() {
    // Helpers shared by an area live in named files, not in `mod.rs`.
    let mut heavy = Vec::new();
    for file in rust_files(&core_dir().join("rules")) {
        if !file.ends_with("mod.rs") || file == core_dir().join("rules/mod.rs") {
            continue;
        }
        let text = code(&std::fs::read_to_string(&file).expect("a source file"));
        if text.contains("fn ") || text.contains("struct ") || text.contains("enum ") {
            heavy.push(file.display().to_string());
        }
    }
    assert!(heavy.is_empty(), "mod.rs files with code: {heavy:?}");
}

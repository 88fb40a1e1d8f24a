//! What each fuzz target does with its input, shared with the replay of found
//! inputs in the main test suite (tests/fuzz_regressions.rs).

use archlint::{Config, MemoryLoader, ReviewRequest};

/// The JSON and YAML readers on arbitrary text.
pub fn tree(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = archlint::tree::parse_json(&text);
    let _ = archlint::tree::parse_yaml(&text);
}

/// The whole review of arbitrary bytes as one OpenAPI description.
pub fn openapi(data: &[u8]) {
    let mut loader = MemoryLoader::new();
    loader.insert("api.yaml", data.to_vec());
    let _ = archlint::review(&request(&["api.yaml"]), &loader);
}

/// `$ref` resolution over in-memory files: the bytes, split at NUL, are these
/// files (one outside the root's folder).
const FILES: [&str; 4] = [
    "api.yaml",
    "common.yaml",
    "schemas/a.yaml",
    "../outside.yaml",
];

pub fn refs(data: &[u8]) {
    let mut loader = MemoryLoader::new();
    for (name, part) in FILES.iter().zip(data.split(|byte| *byte == 0)) {
        loader.insert(*name, part.to_vec());
    }
    let _ = archlint::review(&request(&["api.yaml"]), &loader);
}

/// The SQL splitter, parser and schema model, in the dialect the first byte
/// chooses, on a history of files split at NUL.
pub fn sql(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let dialect = ["postgres", "mysql", "sqlite"][usize::from(first % 3)];
    let mut loader = MemoryLoader::new();
    let mut request = ReviewRequest::new(Config::default());
    let _ = request.dialect(dialect);
    for (index, part) in rest.split(|byte| *byte == 0).take(8).enumerate() {
        let name = format!("db/{index:03}.sql");
        loader.insert(name.clone(), part.to_vec());
        request.path(name);
    }
    let _ = archlint::review(&request, &loader);
}

/// An API and its database together (split at the first NUL).
pub fn both(data: &[u8]) {
    let (api, sql) = halves(data);
    let mut loader = MemoryLoader::new();
    loader.insert("api.yaml", api.to_vec());
    loader.insert("schema.sql", sql.to_vec());
    let _ = archlint::review(&request(&["api.yaml", "schema.sql"]), &loader);
}

/// The change review of an old and a new version (split at the first NUL).
pub fn diff(data: &[u8]) {
    let (old, new) = halves(data);
    let mut loader = MemoryLoader::new();
    loader.insert("old.yaml", old.to_vec());
    loader.insert("new.yaml", new.to_vec());
    let _ = archlint::diff(&request(&["old.yaml"]), &request(&["new.yaml"]), &loader);
}

/// A GraphQL schema split over files (at NUL), read as one and reviewed.
pub fn graphql(data: &[u8]) {
    let mut loader = MemoryLoader::new();
    let mut request = ReviewRequest::new(Config::default());
    for (index, part) in data.split(|byte| *byte == 0).take(4).enumerate() {
        let name = format!("schema/{index}.graphql");
        loader.insert(name.clone(), part.to_vec());
        request.path(name);
    }
    let _ = archlint::review(&request, &loader);
}

/// A Spectral ruleset (before the first NUL) run over a description (after
/// it); the first line of the ruleset is also read as a bare JSONPath.
pub fn ruleset(data: &[u8]) {
    let (ruleset, api) = halves(data);
    let text = String::from_utf8_lossy(ruleset);
    let _ = archlint::tree::query::JsonPath::parse(text.lines().next().unwrap_or(""));
    let mut loader = MemoryLoader::new();
    loader.insert("ruleset.yaml", ruleset.to_vec());
    loader.insert("api.yaml", api.to_vec());
    let mut request = request(&["api.yaml"]);
    request.ruleset("ruleset.yaml");
    let _ = archlint::review(&request, &loader);
}

/// What a target does with its input.
pub type Target = fn(&[u8]);

/// Each target by name, for the replay.
pub const TARGETS: [(&str, Target); 8] = [
    ("tree", tree),
    ("openapi", openapi),
    ("refs", refs),
    ("sql", sql),
    ("both", both),
    ("diff", diff),
    ("graphql", graphql),
    ("ruleset", ruleset),
];

fn request(paths: &[&str]) -> ReviewRequest {
    let mut request = ReviewRequest::new(Config::default());
    for path in paths {
        request.path(*path);
    }
    request
}

fn halves(data: &[u8]) -> (&[u8], &[u8]) {
    let mut parts = data.splitn(2, |byte| *byte == 0);
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}

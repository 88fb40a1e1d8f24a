//! The only door to the outside: reading files by path.
//!
//! The core never touches the file system directly, so that the same code runs in
//! the browser (files come from a map) and in Python or the CLI (files come from
//! disk). Paths use `/` and are kept as the user wrote them, because findings name
//! files that way.

use std::collections::BTreeMap;

/// Reads files and lists folders.
pub trait Loader: Sync {
    /// The bytes of a file.
    fn read(&self, path: &str) -> Result<Vec<u8>, String>;

    /// Whether the path names a folder.
    fn is_dir(&self, _path: &str) -> bool {
        false
    }

    /// Every file under a folder, recursively, sorted.
    fn list_dir(&self, path: &str) -> Result<Vec<String>, String> {
        Err(format!("{path}: folders cannot be listed here"))
    }
}

/// Reads from the file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct FsLoader;

impl Loader for FsLoader {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|error| format!("{path}: {error}"))
    }

    fn is_dir(&self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }

    fn list_dir(&self, path: &str) -> Result<Vec<String>, String> {
        let mut files = Vec::new();
        let mut pending = vec![std::path::PathBuf::from(path)];
        while let Some(dir) = pending.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for entry in entries {
                let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
                let file_type = entry
                    .file_type()
                    .map_err(|e| format!("{}: {e}", dir.display()))?;
                let entry_path = entry.path();
                if file_type.is_dir() {
                    pending.push(entry_path);
                } else if file_type.is_file() {
                    files.push(entry_path.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        files.sort();
        Ok(files)
    }
}

/// Files held in memory (the browser, Python's `openapi=` text, tests), optionally
/// falling back to another loader for names it does not hold.
#[derive(Default)]
pub struct MemoryLoader<'f> {
    files: BTreeMap<String, Vec<u8>>,
    fallback: Option<&'f dyn Loader>,
}

impl<'f> MemoryLoader<'f> {
    pub fn new() -> Self {
        MemoryLoader {
            files: BTreeMap::new(),
            fallback: None,
        }
    }

    pub fn with_fallback(fallback: &'f dyn Loader) -> Self {
        MemoryLoader {
            files: BTreeMap::new(),
            fallback: Some(fallback),
        }
    }

    pub fn insert(&mut self, path: impl Into<String>, text: impl Into<Vec<u8>>) {
        self.files.insert(normalize(&path.into()), text.into());
    }
}

impl Loader for MemoryLoader<'_> {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        match self.files.get(&normalize(path)) {
            Some(bytes) => Ok(bytes.clone()),
            None => match self.fallback {
                Some(fallback) => fallback.read(path),
                None => Err(format!("{path}: no such file")),
            },
        }
    }

    fn is_dir(&self, path: &str) -> bool {
        let prefix = dir_prefix(&normalize(path));
        self.files.keys().any(|name| name.starts_with(&prefix))
            || self.fallback.is_some_and(|fallback| fallback.is_dir(path))
    }

    fn list_dir(&self, path: &str) -> Result<Vec<String>, String> {
        let prefix = dir_prefix(&normalize(path));
        let listed: Vec<String> = self
            .files
            .keys()
            .filter(|name| name.starts_with(&prefix))
            .cloned()
            .collect();
        match (listed.is_empty(), self.fallback) {
            (true, Some(fallback)) => fallback.list_dir(path),
            _ => Ok(listed),
        }
    }
}

fn dir_prefix(dir: &str) -> String {
    if dir.is_empty() || dir == "." {
        String::new()
    } else {
        format!("{}/", dir.trim_end_matches('/'))
    }
}

/// The folder part of a path (`""` for a bare file name).
pub fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(at) => path.get(..at).unwrap_or(""),
        None => "",
    }
}

/// Joins a relative reference onto a folder and normalizes the result.
pub fn join(dir: &str, relative: &str) -> String {
    if relative.starts_with('/') || dir.is_empty() {
        return normalize(relative);
    }
    normalize(&format!("{dir}/{relative}"))
}

/// Lexically removes `.` and `..` segments (keeping leading `..` that cannot be
/// removed) and repeated separators. `./a//b` → `a/b`.
pub fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if absolute => {}
                _ => parts.push(".."),
            },
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Whether a normalized path stays inside a normalized folder.
pub fn is_within(dir: &str, path: &str) -> bool {
    let dir = normalize(dir);
    let path = normalize(path);
    if dir.is_empty() {
        return !path.starts_with('/') && path != ".." && !path.starts_with("../");
    }
    path == dir || path.starts_with(&dir_prefix(&dir)) || dir == "/" && path.starts_with('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_lexically() {
        assert_eq!(normalize("./a//b/../c"), "a/c");
        assert_eq!(normalize("../x"), "../x");
        assert_eq!(normalize("/a/../../b"), "/b");
        assert_eq!(join("specs", "common/x.yaml"), "specs/common/x.yaml");
        assert_eq!(join("", "x.yaml"), "x.yaml");
        assert_eq!(parent("specs/api.yaml"), "specs");
        assert_eq!(parent("api.yaml"), "");
    }

    #[test]
    fn escapes_are_detected() {
        assert!(is_within("specs", "specs/common/x.yaml"));
        assert!(!is_within("specs", "specs2/x.yaml"));
        assert!(!is_within("specs", "x.yaml"));
        assert!(!is_within("", "../x.yaml"));
        assert!(!is_within("", "/etc/passwd"));
        assert!(is_within("", "common/x.yaml"));
    }

    #[test]
    fn memory_loader_lists_folders() {
        let mut loader = MemoryLoader::new();
        loader.insert("specs/a.yaml", "a");
        loader.insert("./specs/b/c.yaml", "c");
        assert!(loader.is_dir("specs"));
        assert_eq!(
            loader.list_dir("specs").unwrap(),
            vec!["specs/a.yaml", "specs/b/c.yaml"]
        );
        assert_eq!(loader.read("specs/./a.yaml").unwrap(), b"a");
    }
}

//! Reading files as a git revision holds them, for `archlint diff --base REV`:
//! `REV:path` names are read with `git show`, folders listed with
//! `git ls-tree`; other names come from the file system.

use std::process::Command;

use archlint::{FsLoader, Loader};

pub struct GitLoader {
    revision: String,
    /// The working directory's path inside the repository (`api/`, or empty).
    prefix: String,
}

impl GitLoader {
    pub fn new(revision: &str) -> Result<GitLoader, String> {
        let prefix = git(&["rev-parse", "--show-prefix"])?;
        git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{revision}^{{commit}}"),
        ])
        .map_err(|_| format!("`{revision}` is not a git revision here"))?;
        Ok(GitLoader {
            revision: revision.to_owned(),
            prefix: prefix.trim().to_owned(),
        })
    }

    /// How a path of the working tree is named at the revision: `main:api/openapi.yaml`.
    pub fn name(&self, path: &str) -> String {
        format!("{}:{}", self.revision, path.trim_start_matches("./"))
    }

    /// The path inside the repository of a `REV:path` name.
    fn in_repository(&self, name: &str) -> Option<String> {
        let path = name.strip_prefix(&format!("{}:", self.revision))?;
        let path = path.trim_start_matches("./");
        let joined = if path == "." || path.is_empty() {
            self.prefix.trim_end_matches('/').to_owned()
        } else {
            format!("{}{path}", self.prefix)
        };
        Some(joined)
    }
}

impl Loader for GitLoader {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        let Some(inside) = self.in_repository(path) else {
            return FsLoader.read(path);
        };
        let output = Command::new("git")
            .args(["show", &format!("{}:{inside}", self.revision)])
            .output()
            .map_err(|error| format!("{path}: cannot run git: {error}"))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(format!("{path}: not in {}", self.revision))
        }
    }

    fn is_dir(&self, path: &str) -> bool {
        match self.in_repository(path) {
            Some(inside) => git(&["cat-file", "-t", &format!("{}:{inside}", self.revision)])
                .is_ok_and(|kind| kind.trim() == "tree"),
            None => FsLoader.is_dir(path),
        }
    }

    fn list_dir(&self, path: &str) -> Result<Vec<String>, String> {
        let Some(inside) = self.in_repository(path) else {
            return FsLoader.list_dir(path);
        };
        // Paths from the repository's root, wherever the command runs.
        let listing = git(&[
            "ls-tree",
            "--full-tree",
            "-r",
            "--name-only",
            &self.revision,
            "--",
            if inside.is_empty() { "." } else { &inside },
        ])?;
        let base = path.trim_end_matches('/');
        let mut files: Vec<String> = listing
            .lines()
            .filter_map(|file| file.strip_prefix(inside.trim_end_matches('/')))
            .map(|rest| {
                format!(
                    "{base}{}",
                    if rest.starts_with('/') {
                        rest.to_owned()
                    } else {
                        format!("/{rest}")
                    }
                )
            })
            .collect();
        files.sort();
        Ok(files)
    }
}

fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

//! Finding what a review reads: OpenAPI roots, and SQL files applied in order
//! as one history.

use super::ReviewError;
use crate::base::loader::Loader;
use crate::config::Config;

/// File extensions looked at inside folders.
const API_EXTENSIONS: [&str; 3] = [".yaml", ".yml", ".json"];
const SQL_EXTENSION: &str = ".sql";

/// A root document to review, and whether the user named it (a file met inside a
/// folder is only reviewed when it is an OpenAPI document).
pub(super) struct Root {
    pub path: String,
    pub named: bool,
}

pub(super) struct Inputs {
    pub api_roots: Vec<Root>,
    pub sql_files: Vec<String>,
}

fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    extensions
        .iter()
        .any(|extension| lower.ends_with(extension))
}

pub(super) fn discover(
    paths: &[String],
    loader: &dyn Loader,
    config: &Config,
) -> Result<Inputs, ReviewError> {
    if paths.is_empty() {
        return Err(ReviewError::Input(
            "no input: give OpenAPI or SQL files or folders to review".to_owned(),
        ));
    }
    let mut inputs = Inputs {
        api_roots: Vec::new(),
        sql_files: Vec::new(),
    };
    for path in paths {
        if loader.is_dir(path) {
            let files: Vec<String> = loader
                .list_dir(path)
                .map_err(ReviewError::Input)?
                .into_iter()
                .filter(|file| !config.is_ignored(file))
                .collect();
            let before = inputs.api_roots.len() + inputs.sql_files.len();
            for file in files {
                if has_extension(&file, &API_EXTENSIONS) {
                    inputs.api_roots.push(Root {
                        path: file,
                        named: false,
                    });
                } else if has_extension(&file, &[SQL_EXTENSION]) {
                    inputs.sql_files.push(file);
                }
            }
            if inputs.api_roots.len() + inputs.sql_files.len() == before {
                return Err(ReviewError::Input(format!(
                    "{path}: no .yaml, .yml, .json or .sql files to review in this folder"
                )));
            }
        } else if !config.is_ignored(path) {
            loader
                .read(path)
                .map_err(|message| ReviewError::Input(format!("cannot read {message}")))?;
            if has_extension(path, &[SQL_EXTENSION]) {
                inputs.sql_files.push(path.clone());
            } else {
                inputs.api_roots.push(Root {
                    path: path.clone(),
                    named: true,
                });
            }
        }
    }
    Ok(inputs)
}

/// The `.sql` files of a folder in lexical order (migration order), or the file itself.
pub(super) fn sql_files(path: &str, loader: &dyn Loader) -> Result<Vec<String>, ReviewError> {
    if !loader.is_dir(path) {
        return Ok(vec![path.to_owned()]);
    }
    let mut listed: Vec<String> = loader
        .list_dir(path)
        .map_err(ReviewError::Input)?
        .into_iter()
        .filter(|file| has_extension(file, &[SQL_EXTENSION]))
        .collect();
    listed.sort();
    Ok(listed)
}

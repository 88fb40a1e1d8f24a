//! Finding what a review reads: OpenAPI roots, SQL files applied in order
//! as one history, and GraphQL files read as one schema.

use super::ReviewError;
use crate::base::loader::Loader;
use crate::config::Config;
use crate::graphql;

/// File extensions looked at inside folders.
const API_EXTENSIONS: [&str; 3] = [".yaml", ".yml", ".json"];
const SQL_EXTENSION: &str = ".sql";

/// A root document to review, and whether the user named it (a file met inside a
/// folder is only reviewed when it is an OpenAPI document).
pub(super) struct Root {
    pub path: String,
    pub named: bool,
}

#[derive(Default)]
pub(super) struct Inputs {
    pub api_roots: Vec<Root>,
    pub sql_files: Vec<String>,
    /// GraphQL files: together, one schema.
    pub graphql_files: Vec<Root>,
}

impl Inputs {
    fn count(&self) -> usize {
        self.api_roots.len() + self.sql_files.len() + self.graphql_files.len()
    }
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
            "no input: give OpenAPI, GraphQL or SQL files or folders to review".to_owned(),
        ));
    }
    let mut inputs = Inputs::default();
    for path in paths {
        if loader.is_dir(path) {
            let files: Vec<String> = loader
                .list_dir(path)
                .map_err(ReviewError::Input)?
                .into_iter()
                .filter(|file| !config.is_ignored(file))
                .collect();
            let before = inputs.count();
            let mut sql = Vec::new();
            for file in files {
                if has_extension(&file, &API_EXTENSIONS) {
                    inputs.api_roots.push(Root {
                        path: file,
                        named: false,
                    });
                } else if has_extension(&file, &[SQL_EXTENSION]) {
                    sql.push(file);
                } else if graphql::is_schema_file(&file) {
                    inputs.graphql_files.push(Root {
                        path: file,
                        named: false,
                    });
                }
            }
            migration_order(path, &mut sql);
            inputs.sql_files.extend(sql);
            if inputs.count() == before {
                return Err(ReviewError::Input(format!(
                    "{path}: no .yaml, .yml, .json, .graphql or .sql files to review in this folder"
                )));
            }
        } else if !config.is_ignored(path) {
            loader
                .read(path)
                .map_err(|message| ReviewError::Input(format!("cannot read {message}")))?;
            if has_extension(path, &[SQL_EXTENSION]) {
                inputs.sql_files.push(path.clone());
            } else if graphql::is_schema_file(path) {
                inputs.graphql_files.push(Root {
                    path: path.clone(),
                    named: true,
                });
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
    migration_order(path, &mut listed);
    Ok(listed)
}

/// Longest version number read as a sequence number: longer ones are
/// timestamps (`20240101120000_x`), whose lexical order is already right.
const MAX_SEQUENCE_DIGITS: usize = 6;

/// Puts the SQL files of a folder in the order migration tools apply them.
/// Names numbered as sequences (`1_init.up.sql` … `10_x.up.sql`
/// (golang-migrate), `V2__x.sql` before `V10__y.sql` (Flyway), `V1_1__`)
/// are ordered by their version numbers, since `10_` sorts before `2_` as
/// text; anything else (timestamps, plain names) in name order. The choice is
/// made for the whole folder, so the order is total.
pub(super) fn migration_order(folder: &str, files: &mut [String]) {
    let relative = |file: &str| -> String {
        let rest = file.strip_prefix(folder).unwrap_or(file);
        rest.trim_start_matches('/').to_owned()
    };
    let versions: Option<Vec<Vec<u64>>> = files
        .iter()
        .map(|file| sequence_version(&relative(file)))
        .collect();
    match versions {
        Some(_) => files.sort_by(|a, b| {
            let (ra, rb) = (relative(a), relative(b));
            sequence_version(&ra)
                .cmp(&sequence_version(&rb))
                .then_with(|| ra.cmp(&rb))
        }),
        None => files.sort(),
    }
}

/// The version of a migration named as a sequence: `12_add_x.up.sql` → [12],
/// `V1_1__init.sql` → [1, 1]; `None` for other names and for timestamps.
fn sequence_version(name: &str) -> Option<Vec<u64>> {
    let name = name.strip_prefix(['V', 'v']).unwrap_or(name);
    let mut version = Vec::new();
    let mut rest = name;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > MAX_SEQUENCE_DIGITS {
            return None;
        }
        version.push(rest.get(..digits)?.parse().ok()?);
        rest = rest.get(digits..)?;
        // `1_1__x`: another group only when a digit follows one separator.
        let next = rest
            .strip_prefix(['.', '_'])
            .filter(|after| after.starts_with(|c: char| c.is_ascii_digit()));
        match next {
            Some(after) => rest = after,
            None => return Some(version),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordered(folder: &str, names: &[&str]) -> Vec<String> {
        let mut files: Vec<String> = names
            .iter()
            .map(|name| format!("{folder}/{name}"))
            .collect();
        migration_order(folder, &mut files);
        let prefix = format!("{folder}/");
        files
            .iter()
            .map(|file| file.strip_prefix(&prefix).unwrap_or(file).to_owned())
            .collect()
    }

    #[test]
    fn sequence_numbers_apply_in_numeric_order() {
        assert_eq!(
            ordered(
                "db",
                &["0_init.up.sql", "10_b.up.sql", "1_a.up.sql", "2_c.up.sql"]
            ),
            ["0_init.up.sql", "1_a.up.sql", "2_c.up.sql", "10_b.up.sql"]
        );
        assert_eq!(
            ordered(
                "db",
                &["V10__b.sql", "V2__a.sql", "V1_1__x.sql", "V1__init.sql"]
            ),
            ["V1__init.sql", "V1_1__x.sql", "V2__a.sql", "V10__b.sql"]
        );
    }

    #[test]
    fn timestamps_and_names_keep_name_order() {
        // Prisma applies folders in name order, even with a short date among timestamps.
        assert_eq!(
            ordered(
                "m",
                &["20250625_x/migration.sql", "20250625123456_y/migration.sql"]
            ),
            ["20250625123456_y/migration.sql", "20250625_x/migration.sql"]
        );
        assert_eq!(
            ordered("db", &["b.sql", "a.sql", "10.sql"]),
            ["10.sql", "a.sql", "b.sql"]
        );
    }
}

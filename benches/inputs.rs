//! Inputs of the benchmarks: the real corpus when `corpus/fetch.sh` and
//! `corpus/fetch-sql.sh` have fetched it, else the project's own examples.

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn sql_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            sql_files_under(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "sql") {
            out.push(path);
        }
    }
}

/// `(dialect, [(file name, text)])` groups of the SQL corpus.
pub fn sql_corpus() -> Vec<(archlint::Dialect, Vec<(String, String)>)> {
    let external = root().join("corpus/external/sql");
    let mut groups = Vec::new();
    for (dialect, folder) in [
        (archlint::Dialect::Postgres, "postgresql"),
        (archlint::Dialect::Mysql, "mysql"),
        (archlint::Dialect::Sqlite, "sqlite"),
    ] {
        let mut files = Vec::new();
        for kind in ["schemas", "schema-sets", "migrations"] {
            let Ok(entries) = std::fs::read_dir(external.join(kind)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if name == folder || name.ends_with(&format!("-{folder}")) {
                    sql_files_under(&path, &mut files);
                }
            }
        }
        if files.is_empty() && dialect == archlint::Dialect::Postgres {
            sql_files_under(&root().join("corpus/db"), &mut files);
        }
        let texts = files
            .into_iter()
            .filter_map(|path| {
                let bytes = std::fs::read(&path).ok()?;
                Some((
                    path.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ))
            })
            .collect::<Vec<_>>();
        if !texts.is_empty() {
            groups.push((dialect, texts));
        }
    }
    groups
}

/// GitHub's description when fetched, else the example API.
pub fn openapi_input() -> (String, String) {
    let github = root().join("corpus/external/github/api.github.com.json");
    let path = if github.is_file() {
        github
    } else {
        root().join("corpus/api/shop.yaml")
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    (path.display().to_string(), text)
}

/// A generated OpenAPI description (YAML) with `resources` resources, each
/// with a collection and an item path, four operations and two schemas: an
/// input whose size grows linearly, for the scaling benchmarks.
pub fn synthetic_openapi(resources: usize) -> String {
    let mut text = String::from(
        "openapi: 3.1.0\ninfo: {title: Synthetic, version: 1.0.0}\nservers: [{url: 'https://api.example.com/v1'}]\npaths:\n",
    );
    for index in 0..resources {
        text.push_str(&format!(
            "  /things{index}:
    get:
      operationId: listThings{index}
      parameters:
        - {{name: limit, in: query, schema: {{type: integer, minimum: 1, maximum: 100}}}}
        - {{name: cursor, in: query, schema: {{type: string}}}}
      responses:
        '200':
          description: A page.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {{type: array, items: {{$ref: '#/components/schemas/Thing{index}'}}}}
        '400': {{description: invalid}}
    post:
      operationId: createThing{index}
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/NewThing{index}'}}
      responses:
        '201': {{description: created}}
  /things{index}/{{id}}:
    parameters:
      - {{name: id, in: path, required: true, schema: {{type: integer}}}}
    get:
      operationId: getThing{index}
      responses:
        '200':
          description: One.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Thing{index}'}}
        '404': {{description: not found}}
    delete:
      operationId: deleteThing{index}
      responses:
        '204': {{description: deleted}}
"
        ));
    }
    text.push_str("components:\n  schemas:\n");
    for index in 0..resources {
        text.push_str(&format!(
            "    NewThing{index}:
      type: object
      required: [name]
      properties:
        name: {{type: string}}
        tags: {{type: array, items: {{type: string, maxLength: 20}}}}
        price: {{type: number}}
    Thing{index}:
      allOf:
        - $ref: '#/components/schemas/NewThing{index}'
        - type: object
          properties:
            id: {{type: integer, readOnly: true}}
            created_at: {{type: string, format: date-time}}
      example: {{id: 1, name: first, created_at: '2024-01-01T00:00:00Z'}}
"
        ));
    }
    text
}

//! SQL ingestion: the final schema of a migration history, exact locations in
//! each dialect, hostile input, and SQL in a review.

use std::sync::mpsc;
use std::time::Duration;

use archlint::diagnostic::{locate, Place};
use archlint::schema::{build_from_texts, BuildOutcome, Schema};
use archlint::source::SourceMap;
use archlint::sql::Dialect;
use archlint::{Config, MemoryLoader};
use archlint_tests::{fixture_path, review};

fn build(files: &[(&str, &str)], dialect: Dialect) -> (BuildOutcome, SourceMap) {
    build_from_texts(files, Some(dialect))
}

/// `file:line:column` of a place.
fn at(sources: &SourceMap, place: &Place) -> String {
    let location = locate(sources, place);
    format!("{}:{}:{}", location.file, location.line, location.column)
}

fn table<'s>(schema: &'s Schema, name: &str) -> &'s archlint::schema::Table {
    schema
        .table(name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

#[test]
fn a_migration_folder_builds_the_final_schema() {
    let folder = fixture_path("../corpus/migrations");
    let files: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(path).unwrap(),
            )
        })
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let (outcome, sources) = build(&borrowed, Dialect::Postgres);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let schema = &outcome.schema;
    let customers = table(schema, "customers");
    // renamed column keeps its place of definition, and the unique index follows it
    let email = customers.column("email_address").expect("renamed");
    assert!(customers.column("email").is_none());
    assert_eq!(at(&sources, &email.place), "001_create_customers.sql:3:5");
    assert_eq!(customers.indexes[0].columns, vec!["email_address"]);
    let orders = table(schema, "orders");
    // dropped constraint and dropped index are gone; an index added later is there
    assert!(orders.foreign_keys.is_empty());
    assert_eq!(orders.indexes.len(), 1);
    assert_eq!(
        orders.indexes[0].name.as_deref(),
        Some("orders_customer_id_idx")
    );
    // columns added by later migrations point into those files
    let total = orders.column("total").unwrap();
    assert_eq!(at(&sources, &total.place), "003_add_order_details.sql:2:31");
    assert_eq!(total.data_type, "numeric(12,2)");
    assert!(!total.nullable);
    assert_eq!(
        at(&sources, &orders.column("note").unwrap().place),
        "004_cleanup.sql:4:31"
    );
    assert_eq!(sources.name(orders.created_in), "002_create_orders.sql");
    assert_eq!(sources.name(orders.changed_in), "004_cleanup.sql");
    // the history knows which statements touched a table created in an earlier file
    let later_index = schema
        .statements
        .iter()
        .find(|statement| {
            statement.kind == archlint::schema::StatementKind::CreateIndex
                && statement.table.as_deref() == Some("orders")
        })
        .unwrap();
    assert!(
        !later_index.table_preexisting,
        "created in the same file as the table"
    );
}

#[test]
fn postgres_locations() {
    let text = "CREATE TABLE public.orders (\n    id bigint PRIMARY KEY,\n    customer_id bigint NOT NULL,\n    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)\n        REFERENCES customers (id) ON DELETE CASCADE,\n    CHECK (id > 0)\n);\nCREATE UNIQUE INDEX CONCURRENTLY orders_customer_idx ON orders USING btree (customer_id) WHERE id > 10;\n";
    let (outcome, sources) = build(&[("schema.sql", text)], Dialect::Postgres);
    let orders = table(&outcome.schema, "orders");
    assert_eq!(at(&sources, &orders.place), "schema.sql:1:1");
    assert_eq!(
        at(&sources, &orders.column("customer_id").unwrap().place),
        "schema.sql:3:5"
    );
    assert_eq!(
        orders
            .column("customer_id")
            .unwrap()
            .place
            .object
            .as_deref(),
        Some("public.orders.customer_id")
    );
    let foreign_key = &orders.foreign_keys[0];
    assert_eq!(at(&sources, &foreign_key.place), "schema.sql:4:5");
    assert_eq!(foreign_key.on_delete.as_deref(), Some("cascade"));
    assert_eq!(at(&sources, &orders.checks[0].place), "schema.sql:6:5");
    let index = &orders.indexes[0];
    assert_eq!(at(&sources, &index.place), "schema.sql:8:1");
    assert!(index.unique);
    assert_eq!(index.method.as_deref(), Some("btree"));
    assert!(index.predicate.is_some());
}

#[test]
fn mysql_locations_and_inline_keys() {
    let text = "CREATE TABLE `users` (\n  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,\n  `name` varchar(128) BINARY NOT NULL,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `users_name` (`name`),\n  KEY `users_created` (`id`, `name`)\n) ENGINE=MyISAM DEFAULT CHARSET=utf8;\n";
    let (outcome, sources) = build(&[("dump.sql", text)], Dialect::Mysql);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let users = table(&outcome.schema, "users");
    assert_eq!(users.engine.as_deref(), Some("MyISAM"));
    assert_eq!(users.charset.as_deref(), Some("utf8"));
    assert!(users.column("id").unwrap().auto_increment);
    assert_eq!(
        at(&sources, &users.column("name").unwrap().place),
        "dump.sql:3:3"
    );
    assert_eq!(at(&sources, &users.uniques[0].place), "dump.sql:5:3");
    assert_eq!(at(&sources, &users.indexes[0].place), "dump.sql:6:3");
    assert_eq!(users.indexes[0].columns, vec!["id", "name"]);
}

#[test]
fn sqlite_locations() {
    let text = "CREATE TABLE IF NOT EXISTS notes (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  body TEXT NOT NULL,\n  author_id INTEGER REFERENCES authors(id)\n) WITHOUT ROWID;\nCREATE INDEX notes_author ON notes (author_id);\n";
    let (outcome, sources) = build(&[("app.sql", text)], Dialect::Sqlite);
    let notes = table(&outcome.schema, "notes");
    assert!(notes.column("id").unwrap().auto_increment);
    assert_eq!(
        at(&sources, &notes.column("author_id").unwrap().place),
        "app.sql:4:3"
    );
    assert_eq!(notes.foreign_keys[0].ref_table, "authors");
    assert_eq!(at(&sources, &notes.indexes[0].place), "app.sql:6:1");
}

#[test]
fn fallback_keeps_tables_sqlparser_rejects() {
    // An invented column type attribute sqlparser does not know.
    let text = "CREATE TABLE t (\n  id int NOT NULL,\n  data weirdtype(3) FANCY NOT NULL,\n  PRIMARY KEY (id)\n) WITH SOMETHING ODD;\n";
    let (outcome, sources) = build(&[("odd.sql", text)], Dialect::Postgres);
    let coverage = outcome.coverage[0].1;
    assert_eq!((coverage.parsed, coverage.fallback), (0, 1));
    let t = table(&outcome.schema, "t");
    assert_eq!(
        at(&sources, &t.column("data").unwrap().place),
        "odd.sql:3:3"
    );
    assert!(!t.column("data").unwrap().nullable);
    assert_eq!(t.primary_key.as_ref().unwrap().columns, vec!["id"]);
}

#[test]
fn dialect_is_detected_and_reported() {
    let mut loader = MemoryLoader::new();
    loader.insert(
        "db/schema.sql",
        "CREATE TABLE `a` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB;",
    );
    let report =
        archlint_tests::review_in(&["db".to_owned()], &loader, &Config::default()).unwrap();
    assert_eq!(report.summary.dialects, vec!["mysql"]);
    assert_eq!(report.summary.files, vec!["db/schema.sql"]);
    let config = Config::from_toml("[sql]\ndialect = \"sqlite\"\n").unwrap();
    let report = archlint_tests::review_in(&["db".to_owned()], &loader, &config).unwrap();
    assert_eq!(report.summary.dialects, vec!["sqlite"]);
    assert!(Config::from_toml("[sql]\ndialect = \"oracle\"\n").is_err());
}

#[test]
fn api_and_sql_in_one_run() {
    let report = review(
        &[
            fixture_path("../corpus/api/shop.yaml"),
            fixture_path("../corpus/db/schema.sql"),
        ],
        &[],
    );
    assert_eq!(report.summary.files.len(), 3);
    assert_eq!(report.summary.dialects, vec!["postgres"]);
}

fn within_a_minute(files: Vec<(String, Vec<u8>)>) -> archlint::Report {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut loader = MemoryLoader::new();
        let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        for (name, bytes) in files {
            loader.insert(name, bytes);
        }
        let _ = sender.send(archlint_tests::review_in(
            &names,
            &loader,
            &Config::default(),
        ));
    });
    receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("no hang, no crash")
        .expect("input exists")
}

#[test]
fn hostile_sql_ends_in_findings() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "dollar.sql",
            b"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\nCREATE TABLE t (id int);".to_vec(),
            "sql-syntax-error",
        ),
        (
            "quote.sql",
            b"INSERT INTO t VALUES ('never closed);\nCREATE TABLE t (id int);".to_vec(),
            "sql-syntax-error",
        ),
        (
            "ident.sql",
            b"CREATE TABLE \"t (id int);".to_vec(),
            "sql-syntax-error",
        ),
        (
            "latin1.sql",
            b"CREATE TABLE caf\xe9 (id int);".to_vec(),
            "sql-syntax-error",
        ),
    ];
    for (name, bytes, rule) in cases {
        let report = within_a_minute(vec![(name.to_owned(), bytes)]);
        assert!(
            report.findings.iter().any(|finding| finding.name == rule),
            "{name}: {:?}",
            report.findings
        );
    }
}

#[test]
fn deeply_nested_parentheses_do_not_exhaust_the_stack() {
    let nested = format!(
        "CREATE TABLE t (id int CHECK ({}id{} > 0));\nSELECT {}1{};",
        "(".repeat(100_000),
        ")".repeat(100_000),
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let (outcome, _) = build_from_texts(&[("nested.sql", &nested)], Some(Dialect::Postgres));
        let _ = sender.send((outcome.schema.table("t").is_some(), outcome.coverage[0].1));
    });
    let (kept, coverage) = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("no hang, no crash");
    assert!(kept, "the fallback reader keeps the table");
    assert_eq!(coverage.statements, 2);
}

#[test]
fn a_ten_megabyte_statement_is_read() {
    let mut text = String::from("INSERT INTO t VALUES ");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str("(1, 'abc;def'),");
    }
    text.push_str("(2, 'x');\nCREATE TABLE t (id int);\n");
    let report = within_a_minute(vec![("big.sql".to_owned(), text.into_bytes())]);
    assert!(
        report
            .findings
            .iter()
            .all(|finding| finding.area != archlint::Area::Structure),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_well_designed_schema_and_history_get_no_finding() {
    for path in ["fixtures/clean/schema.sql", "fixtures/clean/migrations"] {
        let report = review(&[fixture_path(path)], &[]);
        assert!(report.findings.is_empty(), "{path}: {:#?}", report.findings);
    }
}

#[test]
fn the_flawed_examples_get_findings_at_their_lines() {
    let report = review(&[fixture_path("../corpus/migrations")], &[]);
    let found: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {}:{}",
                f.name,
                f.location.file.rsplit('/').next().unwrap_or(""),
                f.location.line
            )
        })
        .collect();
    for expected in [
        "add-not-null-column 003_add_order_details.sql:2",
        "constraint-without-not-valid 003_add_order_details.sql:3",
        "index-without-concurrently 003_add_order_details.sql:4",
        "breaking-change 003_add_order_details.sql:5",
        "set-not-null 004_cleanup.sql:1",
        "index-without-concurrently 004_cleanup.sql:3",
    ] {
        assert!(
            found.iter().any(|line| line == expected),
            "missing {expected} in {found:#?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|line| line.starts_with("index-without-concurrently 002_")),
        "same-file index is safe"
    );
}

#[test]
fn since_reviews_only_the_newer_migrations() {
    // The corpus history: every file builds the schema, but only findings
    // located in files from the second one on are reported.
    let folder = fixture_path("../corpus/migrations");
    let everything = review(std::slice::from_ref(&folder), &[]);
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let second = files
        .get(1)
        .expect("the corpus has several migrations")
        .clone();
    let config = Config::from_toml(&format!("[migrations]\nsince = \"{second}\"\n")).unwrap();
    let newer = archlint_tests::review_with(std::slice::from_ref(&folder), &[], config);
    let first = files.first().unwrap();
    assert!(newer
        .findings
        .iter()
        .all(|finding| !finding.location.file.ends_with(first.as_str())));
    let older = newer.summary.migrations.as_ref().expect("since was set");
    assert_eq!(older.older_files, 1);
    assert!(older.first_reviewed.ends_with(&second));
    assert_eq!(
        newer.findings.len() + older.hidden_findings,
        everything.findings.len(),
        "only findings located in older files are left out"
    );
    // A version that names no file is an error, not a silent full review.
    let config = Config::from_toml("[migrations]\nsince = \"nosuch\"\n").unwrap();
    let mut request = archlint::ReviewRequest::new(config);
    request.path(folder);
    assert!(archlint::review(&request, &archlint::FsLoader).is_err());
}

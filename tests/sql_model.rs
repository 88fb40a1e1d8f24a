//! DDL of real migration histories that the schema model must read as the
//! database does (each a reduced reproduction of a case met on a real project;
//! docs/PRECISION.md lists them): implicit constraint names, `DO` blocks,
//! down parts, migration order, templates, views, comments, temporary tables.

use archlint::schema::{build_from_texts, BuildOutcome, Schema, Table};
use archlint::sql::Dialect;
use archlint::{Config, MemoryLoader};

fn build(files: &[(&str, &str)], dialect: Dialect) -> BuildOutcome {
    build_from_texts(files, Some(dialect)).0
}

fn table<'s>(schema: &'s Schema, name: &str) -> &'s Table {
    schema
        .table(name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

fn problems(outcome: &BuildOutcome) -> Vec<String> {
    outcome
        .problems
        .iter()
        .map(|problem| problem.message.clone())
        .collect()
}

#[test]
fn postgres_constraints_dropped_by_their_implicit_names_are_gone() {
    let outcome = build(
        &[
            (
                "1.sql",
                "CREATE TABLE a (id int PRIMARY KEY, email text UNIQUE, price int CHECK (price > 0));
                 CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id), n text);
                 CREATE INDEX ON b (n);",
            ),
            (
                "2.sql",
                "ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;
                 ALTER TABLE a DROP CONSTRAINT a_email_key;
                 ALTER TABLE a DROP CONSTRAINT a_price_check;
                 ALTER TABLE a DROP CONSTRAINT a_pkey;
                 DROP INDEX b_n_idx;",
            ),
        ],
        Dialect::Postgres,
    );
    assert!(outcome.problems.is_empty(), "{:?}", problems(&outcome));
    let (a, b) = (table(&outcome.schema, "a"), table(&outcome.schema, "b"));
    assert!(b.foreign_keys.is_empty() && b.indexes.is_empty());
    assert!(a.uniques.is_empty() && a.checks.is_empty() && a.primary_key.is_none());
}

#[test]
fn postgres_long_implicit_names_are_shortened_as_postgres_does() {
    let table_name = "subscription_phase_item_discounts";
    let column = "subscription_phase_item_identifier";
    // 33 + 34 + "_fkey" exceed 63 bytes: the longer part loses characters first.
    let implicit = "subscription_phase_item_disco_subscription_phase_item_iden_fkey";
    assert_eq!(implicit.len(), 63);
    let create = format!(
        "CREATE TABLE p (id int PRIMARY KEY);
         CREATE TABLE {table_name} (id int, {column} int REFERENCES p(id));"
    );
    let drop = format!("ALTER TABLE {table_name} DROP CONSTRAINT {implicit};");
    let outcome = build(&[("1.sql", &create), ("2.sql", &drop)], Dialect::Postgres);
    assert!(outcome.problems.is_empty(), "{:?}", problems(&outcome));
    assert!(table(&outcome.schema, table_name).foreign_keys.is_empty());
}

#[test]
fn mysql_implicit_names_are_numbered_and_named_after_columns() {
    let outcome = build(
        &[
            (
                "1.sql",
                "CREATE TABLE flags (`key` VARCHAR(255) UNIQUE NOT NULL) ENGINE=InnoDB;
                 CREATE TABLE variants (id INT PRIMARY KEY, flag_key VARCHAR(255) NOT NULL,
                   FOREIGN KEY (flag_key) REFERENCES flags (`key`)) ENGINE=InnoDB;",
            ),
            (
                "2.sql",
                "ALTER TABLE variants DROP FOREIGN KEY variants_ibfk_1;
                 ALTER TABLE flags DROP INDEX `key`, ADD INDEX `key` (`key`);",
            ),
        ],
        Dialect::Mysql,
    );
    let (flags, variants) = (
        table(&outcome.schema, "flags"),
        table(&outcome.schema, "variants"),
    );
    assert!(variants.foreign_keys.is_empty());
    assert!(
        flags.uniques.is_empty(),
        "the unique index named `key` is dropped"
    );
    assert_eq!(flags.indexes.len(), 1);
}

#[test]
fn ddl_inside_do_blocks_is_applied() {
    let outcome = build(
        &[
            ("1.sql", "CREATE TABLE a (id int PRIMARY KEY);"),
            (
                "2.sql",
                "DO $$
                 BEGIN
                   IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'z') THEN
                     ALTER TABLE a ADD COLUMN z text NOT NULL DEFAULT '';
                   END IF;
                   EXECUTE 'ALTER TABLE a ALTER COLUMN id TYPE bigint';
                   EXECUTE format('CREATE INDEX %I ON a (z)', 'a_z');
                 END $$;",
            ),
        ],
        Dialect::Postgres,
    );
    let a = table(&outcome.schema, "a");
    assert!(a.column("z").is_some());
    assert_eq!(
        a.column("id").map(|column| column.data_type.as_str()),
        Some("bigint")
    );
    let coverage = outcome.coverage[1].1;
    assert_eq!(coverage.fallback, 1, "the block changed the schema");
    assert_eq!(
        coverage.not_applied, 1,
        "the format() statement cannot be read"
    );
    assert!(outcome
        .schema
        .statements
        .iter()
        .any(|statement| statement.in_block));
}

#[test]
fn the_down_part_of_a_migration_is_not_applied() {
    let tern = "alter table t add column c text;\ncreate index t_c_idx on t (c);\n\n---- create above / drop below ----\n\ndrop index t_c_idx;\nalter table t drop column c;\n";
    let goose = "-- +goose Up\nALTER TABLE t ADD COLUMN d int;\n-- +goose Down\nALTER TABLE t DROP COLUMN d;\n";
    let outcome = build(
        &[
            ("001.sql", "create table t (id uuid primary key);"),
            ("002.sql", tern),
            ("003.sql", goose),
        ],
        Dialect::Postgres,
    );
    let t = table(&outcome.schema, "t");
    assert!(t.column("c").is_some() && t.column("d").is_some());
    assert_eq!(t.indexes.len(), 1);
    assert_eq!(
        outcome.coverage[1].1.statements, 2,
        "the down part is not counted"
    );
}

#[test]
fn migrations_numbered_as_sequences_apply_in_numeric_order() {
    // golang-migrate applies 2 before 10; their names sort the other way.
    let mut loader = MemoryLoader::new();
    loader.insert("db/1_a.up.sql", "CREATE TABLE t (a int);");
    loader.insert("db/10_b.up.sql", "ALTER TABLE u ADD COLUMN c int;");
    loader.insert("db/2_c.up.sql", "CREATE TABLE u (x int);");
    let report = archlint_tests::review_in(&["db".to_owned()], &loader, &Config::default())
        .expect("in-memory files");
    let unknown: Vec<&String> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "STR010")
        .map(|finding| &finding.message)
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}

#[test]
fn a_template_is_one_finding_not_one_per_statement() {
    let template = "CREATE TABLE {{ .Schema }}.a (id int);\nCREATE TABLE {{ .Schema }}.b (id int);\nCREATE TABLE c (id int);\n";
    let outcome = build(&[("t.sql", template)], Dialect::Postgres);
    let messages = problems(&outcome);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("render it first"), "{messages:?}");
    assert!(outcome.schema.table("c").is_some());
}

#[test]
fn views_comments_renamed_types_and_temporary_tables() {
    let outcome = build(
        &[
            (
                "1.sql",
                "CREATE TABLE a (id int PRIMARY KEY, email text);
                 CREATE TYPE kind AS ENUM ('x');
                 CREATE MATERIALIZED VIEW mv AS SELECT id FROM a;
                 CREATE INDEX mv_idx ON mv (id);
                 COMMENT ON TABLE a IS $$ the accounts $$;
                 COMMENT ON COLUMN a.email IS 'where we write';
                 CREATE TEMP TABLE scratch (x int) ON COMMIT DROP;",
            ),
            (
                "2.sql",
                "ALTER TYPE kind RENAME TO kind_old;
                 DROP TYPE kind_old;
                 DROP INDEX CONCURRENTLY IF EXISTS \"mv_idx\";",
            ),
        ],
        Dialect::Postgres,
    );
    assert!(outcome.problems.is_empty(), "{:?}", problems(&outcome));
    let a = table(&outcome.schema, "a");
    assert_eq!(a.comment.as_deref(), Some("the accounts"));
    assert_eq!(
        a.column("email")
            .and_then(|column| column.comment.as_deref()),
        Some("where we write")
    );
    assert!(
        outcome.schema.table("scratch").is_none(),
        "temporary tables end with their file"
    );
    assert!(outcome.schema.enums.is_empty());
}

#[test]
fn prisma_warnings_in_backticks_do_not_make_postgres_mysql() {
    let first = "/*\n  Warnings:\n  - The values [A] on the enum `Kind` will be removed.\n*/\nCREATE TABLE \"t\" (\"id\" TEXT NOT NULL, CONSTRAINT \"t_pkey\" PRIMARY KEY (\"id\"));\n";
    let second = "-- `x`\nALTER TABLE \"t\" ADD COLUMN \"file_type\" TEXT NOT NULL DEFAULT 'CSV';\nCREATE INDEX \"t_file_type_idx\" ON \"t\"(\"file_type\");\n";
    let (outcome, _) = build_from_texts(
        &[("1/migration.sql", first), ("2/migration.sql", second)],
        None,
    );
    assert_eq!(outcome.schema.dialect, Dialect::Postgres);
    let t = table(&outcome.schema, "t");
    assert!(t.column("file_type").is_some());
    assert_eq!(t.indexes[0].columns, ["file_type"]);
}

#[test]
fn keys_taken_over_or_dropped_with_cascade() {
    let outcome = build(
        &[
            (
                "1.sql",
                "CREATE TABLE t (id text NOT NULL, v timestamp NOT NULL, CONSTRAINT t_pkey PRIMARY KEY (id));
                 CREATE UNIQUE INDEX t_id_v_key ON t (id, v);
                 CREATE TABLE k (code text, CONSTRAINT k_code_key UNIQUE (code));
                 CREATE TABLE r (id int, code text REFERENCES k (code));",
            ),
            (
                "2.sql",
                "ALTER TABLE t DROP CONSTRAINT t_pkey, ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_v_key;
                 ALTER TABLE k DROP CONSTRAINT k_code_key CASCADE;",
            ),
        ],
        Dialect::Postgres,
    );
    let t = table(&outcome.schema, "t");
    assert!(t.indexes.is_empty(), "the index became the primary key's");
    assert_eq!(t.primary_key.as_ref().map(|key| key.columns.len()), Some(2));
    assert!(table(&outcome.schema, "r").foreign_keys.is_empty());
}

#[test]
fn a_migration_is_named_by_its_file_or_its_folder() {
    use archlint::sql::migration_name;
    assert_eq!(
        migration_name("db/20240105093000_add_orders.sql"),
        "20240105093000_add_orders.sql"
    );
    // Prisma keeps each migration in a folder named for it.
    assert_eq!(
        migration_name("prisma/migrations/20230518193521_changes/migration.sql"),
        "20230518193521_changes"
    );
    assert_eq!(migration_name("schema.sql"), "schema.sql");
}

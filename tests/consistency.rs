//! API ↔ schema consistency end to end: a consistent pair reviews clean, the
//! mapping is reported and can be set in `archlint.toml`, the example corpus
//! shows the checks, and hostile pairs end.

use archlint::{Area, Config, MemoryLoader, Report};
use archlint_tests::{fixture_path, links, review, review_with, root};

fn consistency(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|finding| finding.area == Area::Consistency)
        .map(|finding| {
            format!(
                "{} {}: {}",
                finding.rule, finding.location.line, finding.message
            )
        })
        .collect()
}

#[test]
fn a_consistent_pair_gives_no_consistency_finding() {
    let report = review(&[fixture_path("fixtures/well-designed")], &[]);
    assert_eq!(consistency(&report), Vec::<String>::new());
    let mapping = report.summary.mapping.expect("both sides were reviewed");
    assert_eq!(
        links(&mapping),
        [
            ("Order", "orders", "name"),
            ("OrderLine", "order_lines", "name"),
            ("NewOrder", "orders", "name")
        ]
    );
    let lookups: Vec<String> = mapping
        .parameters
        .iter()
        .map(|p| {
            format!(
                "{} {} {}.{} {}",
                p.operation, p.parameter, p.table, p.column, p.kind
            )
        })
        .collect();
    assert_eq!(
        lookups,
        [
            "GET /orders/{orderId} orderId orders.id lookup",
            "DELETE /orders/{orderId} orderId orders.id lookup"
        ]
    );
    assert_eq!(mapping.unmapped.schemas, ["OrderPage"]);
    assert_eq!(mapping.unmapped.tables, ["customers"]);
    assert_eq!(mapping.unmapped.columns, ["order_lines.order_id"]);
}

#[test]
fn archlint_toml_links_what_the_names_do_not() {
    let dir = root().join("tests/fixtures/consistency-config");
    let path = dir.to_string_lossy().into_owned();
    let config = Config::from_toml(&std::fs::read_to_string(dir.join("archlint.toml")).unwrap())
        .expect("valid settings");
    let report = review_with(std::slice::from_ref(&path), &[], config);
    let mapping = report
        .summary
        .mapping
        .clone()
        .expect("both sides were reviewed");
    let account = &mapping.schemas[0];
    assert_eq!(
        (
            account.schema.as_str(),
            account.table.as_str(),
            account.via.as_str()
        ),
        ("Account", "users", "config")
    );
    let full_name = account
        .properties
        .iter()
        .find(|p| p.property == "fullName")
        .unwrap();
    assert_eq!(full_name.column.as_deref(), Some("name"));
    assert_eq!(full_name.via.as_deref(), Some("config"));
    // `Status` would link to `statuses` by name; the setting says it does not.
    assert_eq!(mapping.unmapped.schemas, ["Status"]);
    assert_eq!(
        consistency(&report),
        ["CONS001 28: `fullName` of `Account` accepts up to 100 characters but `users.name` holds at most 80 (`varchar(80)`): longer values fail on insert with a 500"]
    );
    // Without the settings, nothing is linked and nothing is reported.
    let plain = review(&[path], &[]);
    let plain_mapping = plain.summary.mapping.clone().unwrap();
    let linked: Vec<&str> = plain_mapping
        .schemas
        .iter()
        .map(|schema| schema.schema.as_str())
        .collect();
    assert_eq!(linked, ["Status"], "Status → statuses by name");
    assert_eq!(
        consistency(&plain),
        ["CONS005 33: `healthy` of `Status` is a boolean, but `statuses.healthy` is `varchar(10)`"]
    );
}

#[test]
fn the_example_corpus_shows_the_consistency_checks() {
    let paths = [
        root().join("corpus/api").to_string_lossy().into_owned(),
        root().join("corpus/db").to_string_lossy().into_owned(),
    ];
    let report = review(&paths, &[]);
    let rules: Vec<String> = report
        .findings
        .iter()
        .filter(|finding| finding.area == Area::Consistency)
        .map(|finding| finding.rule.clone())
        .collect();
    for rule in [
        "CONS001", "CONS002", "CONS003", "CONS004", "CONS006", "CONS009", "CONS010",
    ] {
        assert!(
            rules.iter().any(|found| found == rule),
            "{rule} missing from {rules:?}"
        );
    }
    // Each names the other side.
    for finding in report
        .findings
        .iter()
        .filter(|finding| finding.area == Area::Consistency)
    {
        assert!(finding.location.file.ends_with(".yaml"), "{finding:?}");
        assert!(
            finding
                .related
                .iter()
                .any(|related| related.location.file.ends_with("schema.sql")),
            "{finding:?}"
        );
    }
    assert!(report.summary.scores.areas.contains_key(&Area::Consistency));
}

#[test]
fn without_sql_there_is_no_mapping_and_no_consistency_finding() {
    let report = review(&[fixture_path("fixtures/well-designed/api.yaml")], &[]);
    assert!(report.summary.mapping.is_none());
    assert!(consistency(&report).is_empty());
    let json = archlint::report::to_json(&report);
    assert!(!json.contains("\"mapping\""));
}

#[test]
fn schema_findings_superseded_by_the_database_are_not_repeated() {
    let paths = [fixture_path("fixtures/rules/sequential-id-exposed/fail")];
    let report = review(&paths, &["CONS012", "SENS007"]);
    let rules: Vec<&str> = report
        .findings
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect();
    // SENS007 only remains where the schema says nothing (no such parameter here).
    assert_eq!(rules, ["CONS012", "CONS012"]);
    let api_only = review(
        &[fixture_path(
            "fixtures/rules/sequential-id-exposed/fail/api.yaml",
        )],
        &["SENS007"],
    );
    assert!(!api_only.findings.is_empty());
}

fn review_memory(files: &[(&str, &str)]) -> Report {
    let mut loader = MemoryLoader::new();
    for (name, text) in files {
        loader.insert(*name, *text);
    }
    let paths: Vec<String> = files.iter().map(|(name, _)| (*name).to_owned()).collect();
    archlint_tests::review_in(&paths, &loader, &Config::default()).expect("in-memory inputs exist")
}

#[test]
fn hostile_pairs_end() {
    // A schema that contains itself, through properties and items, and a table of its name.
    let cyclic = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /nodes:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Node'}\n      responses:\n        '201':\n          description: ok\n          content:\n            application/json:\n              schema: {type: array, items: {$ref: '#/components/schemas/Node'}}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      allOf: [{$ref: '#/components/schemas/Node'}]\n      properties:\n        name: {type: string}\n        kind: {type: string, maxLength: 20}\n        parent: {$ref: '#/components/schemas/Node'}\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n";
    let sql = "CREATE TABLE nodes (id serial PRIMARY KEY, name varchar(10) NOT NULL, kind varchar(20), parent_id int REFERENCES nodes (id));\nCREATE TABLE children (name varchar(5));\n";
    let report = review_memory(&[("api.yaml", cyclic), ("schema.sql", sql)]);
    assert!(consistency(&report)
        .iter()
        .any(|finding| finding.starts_with("CONS001")));
    // Deep nesting of inline objects.
    let mut deep = String::from("openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /nodes:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: ");
    for _ in 0..500 {
        deep.push_str("{type: object, properties: {name: {type: string}, nodes: ");
    }
    deep.push_str("{type: string}");
    for _ in 0..500 {
        deep.push_str("}}");
    }
    deep.push_str("\n      responses:\n        '201': {description: ok}\n");
    review_memory(&[("api.yaml", &deep), ("schema.sql", sql)]);
    // Names and checks made of quotes, parentheses and nothing.
    let odd_sql = "CREATE TABLE \"nodes\" (\"name\" varchar(10) CHECK (name IN ('a', 'it''s', '')), x text CHECK (length(x) <= ), y text CHECK (((((y IN ('((')))))));\n";
    review_memory(&[("api.yaml", cyclic), ("schema.sql", odd_sql)]);
}

#[test]
fn extreme_type_parameters_do_not_overflow() {
    let api = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /items:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n                price: {type: number, maximum: 1e308}\n                size: {type: number}\n                name: {type: string, maxLength: 1e300}\n      responses:\n        '201': {description: ok}\n";
    let sql = "CREATE TABLE items (price numeric(4294967295, 4294967296), size numeric(99999999999999999999999), name varchar(18446744073709551615));\n";
    review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
}

#[test]
fn extensions_link_and_unlink() {
    let api = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /status:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Status'}\n  /people/{handle}:\n    get:\n      x-archlint-table: users\n      parameters:\n        - {name: handle, in: path, required: true, schema: {type: string}, x-archlint-column: login}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Person'}\ncomponents:\n  schemas:\n    Status:\n      type: object\n      x-archlint-table: false\n      properties:\n        title: {type: string}\n        healthy: {type: boolean}\n    Person:\n      type: object\n      x-archlint-table: users\n      properties:\n        handle: {type: string, x-archlint-column: login}\n        nickname: {type: string, x-archlint-column: false}\n";
    let sql = "CREATE TABLE statuses (title text NOT NULL, healthy varchar(10) NOT NULL);\nCREATE TABLE users (id uuid PRIMARY KEY, login varchar(40) NOT NULL);\n";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    let mapping = report.summary.mapping.clone().expect("both sides");
    assert_eq!(mapping.unmapped.schemas, ["Status"]);
    let person = &mapping.schemas[0];
    assert_eq!(
        (
            person.schema.as_str(),
            person.table.as_str(),
            person.via.as_str()
        ),
        ("Person", "users", "extension")
    );
    assert_eq!(person.properties[0].column.as_deref(), Some("login"));
    assert_eq!(person.properties[1].column, None);
    let lookup = &mapping.parameters[0];
    assert_eq!(
        (
            lookup.table.as_str(),
            lookup.column.as_str(),
            lookup.via.as_str()
        ),
        ("users", "login", "extension")
    );
    // The lookup by login has no index; the opted-out nickname is not reported.
    assert_eq!(
        consistency(&report),
        ["CONS009 16: `GET /people/{handle}` looks rows up by `users.login`, which no index leads: each request scans the table"]
    );
}

#[test]
fn properties_shared_through_all_of_are_checked_in_both_directions() {
    // petstore-expanded: Pet is allOf [NewPet, {id}]; NewPet is the create body.
    let api = "openapi: 3.0.0\ninfo: {title: petstore-expanded, version: 1.0.0}\npaths:\n  /pets:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/NewPet'}\n      responses:\n        '200':\n          description: pet response\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Pet'}\ncomponents:\n  schemas:\n    Pet:\n      allOf:\n        - $ref: '#/components/schemas/NewPet'\n        - type: object\n          required: [id]\n          properties:\n            id: {type: integer, format: int64}\n    NewPet:\n      type: object\n      required: [name]\n      properties:\n        name: {type: string, maxLength: 200}\n        tag: {type: string, maxLength: 40}\n";
    let sql = "CREATE TABLE pets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(100) NOT NULL, tag varchar(40));\n";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    assert_eq!(
        consistency(&report),
        [
            "CONS001 29: `name` of `NewPet` accepts up to 200 characters but `pets.name` holds at most 100 (`varchar(100)`): longer values fail on insert with a 500",
            "CONS003 30: `Pet` does not declare `tag` nullable, but its column is nullable in `pets`: if the server sends `null` for a NULL rather than leaving the property out, clients that trust the schema break",
        ]
    );
}

#[test]
fn tables_in_a_named_schema_link_by_name_and_by_extension() {
    let api = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /accounts:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Account'}\n      responses:\n        '201': {description: ok}\n  /invoices:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Invoice'}\n      responses:\n        '201': {description: ok}\ncomponents:\n  schemas:\n    Account:\n      type: object\n      x-archlint-table: users\n      required: [login]\n      properties:\n        login: {type: string, maxLength: 80}\n    Invoice:\n      type: object\n      required: [number]\n      properties:\n        number: {type: string, maxLength: 80}\n        currency: {type: string, maxLength: 3}\n";
    let sql = "CREATE SCHEMA app;\nCREATE TABLE app.users (id uuid PRIMARY KEY, login varchar(40) NOT NULL);\nCREATE TABLE app.invoices (id uuid PRIMARY KEY, number varchar(20) NOT NULL, currency char(3));\n";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    let rules: Vec<String> = consistency(&report)
        .iter()
        .map(|line| line.chars().take(10).collect())
        .collect();
    assert_eq!(rules, ["CONS001 27", "CONS001 32"]);
}

#[test]
fn a_column_named_like_an_unlinked_property_is_suggested() {
    // `email` of the API is `email_address` in the table: linked by the other
    // properties, the pair is suggested, not reported as dropped data.
    let api = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /customers:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/NewCustomer'}\n      responses:\n        '201': {description: ok}\ncomponents:\n  schemas:\n    NewCustomer:\n      type: object\n      required: [email, name]\n      properties:\n        email: {type: string, maxLength: 200}\n        name: {type: string, maxLength: 80}\n        phone: {type: string, maxLength: 20}\n";
    let sql = "CREATE TABLE customers (id serial PRIMARY KEY, email_address varchar(200) NOT NULL, name varchar(80) NOT NULL, phone varchar(20));\n";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    let helps: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|finding| finding.help.contains("x-archlint-column: email_address"))
        .map(|finding| (finding.rule.as_str(), finding.message.as_str()))
        .collect();
    // One suggestion, by CONS006: the NOT NULL column is not reported again.
    assert_eq!(helps.len(), 1, "{helps:?}");
    assert!(helps[0]
        .1
        .starts_with("`email` of `NewCustomer` is linked to no column"));
    assert!(report
        .findings
        .iter()
        .filter(|finding| finding.rule.starts_with("CONS"))
        .all(|finding| finding.severity == archlint::Severity::Info));
}

/// The links of a review, as `schema → table (via)` and stored-elsewhere
/// notes as `schema.property → where`.
fn links_of(report: &Report) -> (Vec<String>, Vec<String>) {
    let mapping = report
        .summary
        .mapping
        .as_ref()
        .expect("both sides were reviewed");
    let links = mapping
        .schemas
        .iter()
        .map(|schema| format!("{} → {} ({})", schema.schema, schema.table, schema.via))
        .collect();
    let stored = mapping
        .schemas
        .iter()
        .flat_map(|schema| {
            schema.properties.iter().filter_map(move |property| {
                let place = property.stored.as_ref()?;
                Some(format!("{}.{} → {place}", schema.schema, property.property))
            })
        })
        .collect();
    (links, stored)
}

#[test]
fn paths_names_and_children_link_only_on_evidence() {
    // Reduced from openmeter: `/customers/{id}/apps` is the join table
    // `app_customers`, not `apps`; `SubscriptionAddon` names
    // `subscription_addons` (which it disagrees with), so the path's
    // `addons` is not taken instead; `discounts` is neither in the user's
    // `metadata` nor in an unrelated child's same-named column; `phases`
    // are rows of the table their schema is linked to; a returned `Currency`
    // without the key of `custom_currencies` is not that table's row.
    let api = r#"openapi: 3.1.0
info: {title: t, version: 1.0.0}
paths:
  /customers/{customerId}/apps:
    put:
      parameters: [{name: customerId, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/CustomerAppData'}}}}}
      responses: {'200': {description: ok}}
  /subscriptions/{subscriptionId}/addons:
    post:
      parameters: [{name: subscriptionId, in: path, required: true, schema: {type: string}}]
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/SubscriptionAddon'}}}}
      responses: {'201': {description: ok}}
  /plans:
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Plan'}}}}
      responses: {'201': {description: ok}}
  /info/currencies:
    get:
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Currency'}}}}}}
components:
  schemas:
    Currency:
      type: object
      properties: {code: {type: string}, name: {type: string}, symbol: {type: string}}
    CustomerAppData:
      type: object
      properties: {id: {type: string}, type: {type: string}, name: {type: string}}
    SubscriptionAddon:
      type: object
      properties: {subscriptionId: {type: string}, name: {type: string}, description: {type: string}, quantity: {type: integer}, timing: {type: string}}
    Plan:
      type: object
      properties:
        key: {type: string}
        name: {type: string}
        metadata: {type: object, additionalProperties: {type: string}}
        discounts: {type: array, items: {type: object, properties: {percent: {type: number}}}}
        phases: {type: array, items: {$ref: '#/components/schemas/PlanPhase'}}
    PlanPhase:
      type: object
      properties: {key: {type: string}, name: {type: string}, duration: {type: string}}
"#;
    let sql = "CREATE TABLE apps (id text PRIMARY KEY, type text NOT NULL, name text NOT NULL);
CREATE TABLE customers (id text PRIMARY KEY);
CREATE TABLE app_customers (app_id text NOT NULL REFERENCES apps, customer_id text NOT NULL REFERENCES customers, PRIMARY KEY (app_id, customer_id));
CREATE TABLE addons (id text PRIMARY KEY, name text NOT NULL, description text);
CREATE TABLE subscriptions (id text PRIMARY KEY);
CREATE TABLE subscription_addons (id text PRIMARY KEY, subscription_id text NOT NULL REFERENCES subscriptions, addon_id text NOT NULL REFERENCES addons);
CREATE TABLE plans (id text PRIMARY KEY, key text NOT NULL, name text NOT NULL, metadata jsonb);
CREATE TABLE plan_phases (id text PRIMARY KEY, plan_id text NOT NULL REFERENCES plans, key text NOT NULL, name text NOT NULL, duration text);
CREATE TABLE charges (id text PRIMARY KEY, plan_id text NOT NULL REFERENCES plans, discounts jsonb);
CREATE TABLE custom_currencies (id text PRIMARY KEY, code text NOT NULL, name text NOT NULL, symbol text);
";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    let (links, stored) = links_of(&report);
    assert_eq!(
        links,
        ["Plan → plans (name)", "PlanPhase → plan_phases (name)"]
    );
    assert_eq!(stored, ["Plan.phases → rows of plan_phases"]);
    let suggested: Vec<String> = report
        .summary
        .mapping
        .iter()
        .flat_map(|mapping| mapping.unmapped.suggestions.iter())
        .map(|suggestion| format!("{} ~ {}", suggestion.schema, suggestion.table))
        .collect();
    assert_eq!(
        suggested,
        [
            "SubscriptionAddon ~ subscription_addons",
            "Currency ~ custom_currencies"
        ]
    );
}

#[test]
fn a_property_combining_objects_is_no_column_value() {
    // `timing: {oneOf: [enum, {at: date-time}]}` is a structure: not
    // reported as a dropped value, nor linked to a column.
    let api = r#"openapi: 3.1.0
info: {title: t, version: 1.0.0}
paths:
  /orders:
    post:
      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/NewOrder'}}}}
      responses: {'201': {description: ok}}
components:
  schemas:
    NewOrder:
      type: object
      x-archlint-table: orders
      required: [total]
      properties:
        total: {type: integer, minimum: 0, maximum: 1000000}
        schedule:
          oneOf:
            - {type: string, enum: [now]}
            - {type: object, properties: {at: {type: string, format: date-time}}}
"#;
    let sql = "CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL);\n";
    let report = review_memory(&[("api.yaml", api), ("schema.sql", sql)]);
    assert_eq!(consistency(&report), Vec::<String>::new());
}

// The module's API: the same findings as the CLI's JSON on the example corpus,
// errors as thrown Errors, and recovery after a panic. Run after
// scripts/build-wasm.sh, with the CLI built (ARCHLINT_BIN, default target/debug/archlint).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

import { review, diff, rules, explain, version, _panicForTests, _memoryBytesForTests } from "../pkg/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (relative) => readFileSync(path.join(root, relative), "utf8");
const cli = process.env.ARCHLINT_BIN ?? path.join(root, "target/debug/archlint");

function cliReport(...paths) {
  try {
    return JSON.parse(execFileSync(cli, ["review", "--format", "json", ...paths], { cwd: root, encoding: "utf8" }));
  } catch (error) {
    // Exit status 1 means "findings at the --fail-on level": the JSON is still there.
    if (error.status === 1) return JSON.parse(error.stdout);
    throw error;
  }
}

function cliDiff(old, neu) {
  try {
    return JSON.parse(execFileSync(cli, ["diff", "--format", "json", old, neu], { cwd: root, encoding: "utf8" }));
  } catch (error) {
    if (error.status === 1) return JSON.parse(error.stdout);
    throw error;
  }
}

test("the example corpus gives the CLI's findings, summary and scores", async () => {
  const report = await review({
    openapi: {
      "corpus/api/shop.yaml": read("corpus/api/shop.yaml"),
      "corpus/api/components/schemas.yaml": read("corpus/api/components/schemas.yaml"),
    },
    root: "corpus/api/shop.yaml",
    sql: { "corpus/db/schema.sql": read("corpus/db/schema.sql") },
  });
  const expected = cliReport("corpus/api", "corpus/db");
  assert.ok(report.findings.length > 20);
  assert.deepEqual(report.findings, expected.findings);
  assert.deepEqual(report.summary.counts, expected.summary.counts);
  assert.deepEqual(report.summary.scores, expected.summary.scores);
  assert.deepEqual(report.summary.mapping, expected.summary.mapping);
});

test("a GraphQL schema gives the CLI's findings, as text or as files", async () => {
  const path = "corpus/graphql/shop.graphql";
  const expected = cliReport(path);
  const byName = await review({ graphql: { [path]: read(path) } });
  assert.ok(byName.findings.length > 3);
  assert.deepEqual(byName.findings, expected.findings);
  const asText = await review({ graphql: read(path) });
  assert.deepEqual(
    asText.findings.map((f) => [f.rule, f.location.line, f.location.column, f.location.object]),
    expected.findings.map((f) => [f.rule, f.location.line, f.location.column, f.location.object]),
  );
});

test("a Spectral ruleset runs beside the built-in rules, like the CLI's --ruleset", async () => {
  const dir = "tests/fixtures/rulesets/functions";
  const expected = JSON.parse(
    execFileSync(cli, ["review", `${dir}/api.yaml`, "--ruleset", `${dir}/ruleset.yaml`, "--format", "json", "--fail-on", "never"], { cwd: root }),
  );
  const report = await review({ openapi: read(`${dir}/api.yaml`), ruleset: read(`${dir}/ruleset.yaml`) });
  const own = (f) => !/^[A-Z]{3}\d{3}$/.test(f.rule);
  const place = (f) => [f.rule, f.severity, f.location.line, f.location.column, f.message];
  assert.ok(report.findings.filter(own).length > 10);
  assert.deepEqual(report.findings.filter(own).map(place), expected.findings.filter(own).map(place));
  const asObject = await review({
    openapi: read(`${dir}/api.yaml`),
    ruleset: { rules: { "has-servers": { given: "$", then: { field: "servers", function: "truthy" } } } },
  });
  assert.equal(asObject.findings.filter((f) => f.rule === "has-servers").length, 1);
  await assert.rejects(() => review({ openapi: read(`${dir}/api.yaml`), ruleset: 42 }));
});

test("a Swagger 2.0 description split over files gives the CLI's findings", async () => {
  const dir = "tests/fixtures/swagger/split";
  const report = await review({
    openapi: {
      [`${dir}/swagger.yaml`]: read(`${dir}/swagger.yaml`),
      [`${dir}/definitions/user.yaml`]: read(`${dir}/definitions/user.yaml`),
    },
    root: `${dir}/swagger.yaml`,
  });
  const expected = cliReport(`${dir}/swagger.yaml`);
  assert.ok(report.findings.length > 5);
  assert.ok(!report.findings.some((finding) => finding.rule === "STR002"));
  assert.deepEqual(report.findings, expected.findings);
});

test("diff reports what a new version breaks, like the CLI", async () => {
  const dir = "tests/fixtures/diff/shop";
  const report = await diff({ old: read(`${dir}/old.yaml`), new: read(`${dir}/new.yaml`) });
  const expected = cliDiff(`${dir}/old.yaml`, `${dir}/new.yaml`);
  const shape = (findings) => findings.map((f) => [f.rule, f.message, f.location.line, f.location.column, /old/.test(f.location.file) ? "old" : "new"]);
  assert.deepEqual(shape(report.findings).sort(), shape(expected.findings).sort());
  assert.ok(report.findings.some((f) => f.rule === "COMPAT001" && f.location.file === "old/openapi.yaml"));
  await assert.rejects(() => diff({ old: "openapi: 3.1.0" }), /give `old` and `new`/);
});

test("diff compares two GraphQL schemas, like the CLI", async () => {
  const dir = "tests/fixtures/diff/graphql";
  const report = await diff({ oldGraphql: read(`${dir}/old.graphql`), newGraphql: read(`${dir}/new.graphql`) });
  const expected = cliDiff(`${dir}/old.graphql`, `${dir}/new.graphql`);
  const shape = (findings) => findings.map((f) => [f.rule, f.message, f.location.line, f.location.column, /old/.test(f.location.file) ? "old" : "new"]);
  assert.deepEqual(shape(report.findings).sort(), shape(expected.findings).sort());
  assert.ok(report.findings.some((f) => f.rule === "COMPAT019" && f.location.file === "old/schema.graphql"));
  await assert.rejects(() => diff({ oldGraphql: "type Query { a: Int }" }), /`newGraphql`/);
});

test("a baseline's findings are left out", async () => {
  const openapi = read("tests/fixtures/swagger/petstore.yaml");
  const before = await review({ openapi });
  const baseline = JSON.stringify({
    archlint_baseline: 1,
    findings: before.findings.map((f) => ({ rule: f.rule, file: f.location.file, at: f.location.pointer ?? "", message: f.message.replace(/[0-9]+/g, "#") })),
  });
  const after = await review({ openapi, baseline });
  assert.equal(after.findings.length, 0);
  assert.deepEqual(after.summary.baseline, { known: before.findings.length, hidden: before.findings.length });
});

test("an API and its schema together are checked for consistency", async () => {
  const fixture = "tests/fixtures/rules/length-mismatch/fail";
  const report = await review({
    openapi: read(`${fixture}/api.yaml`),
    sql: read(`${fixture}/schema.sql`),
    config: { select: ["length-mismatch"] },
  });
  assert.deepEqual(
    report.findings.map((f) => [f.rule, f.location.line, f.location.column, f.related[0].location.line]),
    [["CONS001", 17, 9, 3], ["CONS001", 18, 9, 4]],
  );
  assert.equal(report.summary.mapping.schemas[0].table, "customers");
  const linked = await review({
    openapi: read("tests/fixtures/consistency-config/api.yaml"),
    sql: read("tests/fixtures/consistency-config/schema.sql"),
    config: { consistency: { tables: { Account: "users" }, columns: { "Account.fullName": "name" } } },
  });
  assert.equal(linked.summary.mapping.schemas.find((s) => s.schema === "Account").via, "config");
});

test("SQL texts in a list are a migration history, applied in order", async () => {
  const report = await review({
    sql: ["CREATE TABLE accounts (id bigint PRIMARY KEY);", "ALTER TABLE accounts ADD COLUMN plan text NOT NULL;"],
    dialect: "postgres",
    config: { select: ["add-not-null-column"] },
  });
  assert.deepEqual(report.findings.map((f) => [f.rule, f.location.file, f.location.line]), [["MIG001", "<sql>/00002.sql", 1]]);
});

test("settings as TOML text work too", async () => {
  const report = await review({ openapi: read("tests/fixtures/flawed/api.yaml"), config: '[rules]\ninsecure-server-url = "off"\n' });
  assert.ok(!report.findings.some((f) => f.rule === "TLS001"));
  assert.ok(report.findings.some((f) => f.rule === "VAL008"));
});

test("bad input is a thrown Error with a clear message", async () => {
  await assert.rejects(review({ sql: "CREATE TABLE t (id int);", dialect: "oracle" }), /unknown SQL dialect `oracle`/);
  await assert.rejects(review({}), /nothing to review/);
  await assert.rejects(review({ openapi: "x", typo: true }), /unknown field `typo`/);
  await assert.rejects(review({ sql: "x", config: { rules: { "no-such-rule": "off" } } }), /no-such-rule/);
  await assert.rejects(explain("NOPE999"), /unknown rule/);
});

test("malformed documents are findings, not exceptions", async () => {
  const report = await review({ openapi: "openapi: 3.1.0\ninfo: {title: 'unterminated\n" });
  assert.deepEqual(report.findings.map((f) => f.rule), ["STR001"]);
});

test("a panic does not leave the module unusable", async () => {
  await assert.rejects(_panicForTests(), /internal error/);
  const report = await review({ sql: "CREATE TABLE t (price float);" });
  assert.ok(report.findings.some((f) => f.rule === "TYPE001"));
});

test("a thousand reviews in one instance keep its memory bounded", async () => {
  const openapi = read("tests/fixtures/flawed/api.yaml");
  const sql = "CREATE TABLE payments (id bigint, amount float NOT NULL);";
  for (let index = 0; index < 100; index += 1) await review({ openapi, sql });
  const before = await _memoryBytesForTests();
  let findings = 0;
  for (let index = 0; index < 900; index += 1) findings = (await review({ openapi, sql })).findings.length;
  const grown = (await _memoryBytesForTests()) - before;
  assert.ok(findings > 0);
  // Linear memory never shrinks: a leak shows as growth after the warm-up.
  assert.ok(grown <= 8 * 1024 * 1024, `memory grew ${grown} bytes over 900 reviews`);
});

test("catalogue, docs and version", async () => {
  const catalogue = await rules();
  assert.ok(catalogue.length > 100);
  assert.deepEqual(Object.keys(catalogue[0]).sort(), ["area", "docs", "fix", "id", "name", "peers", "severity", "side", "summary"]);
  assert.match(await explain("missing-4xx-response"), /## Why is this bad\?/);
  assert.match(await version(), /^\d+\.\d+\.\d+/);
});

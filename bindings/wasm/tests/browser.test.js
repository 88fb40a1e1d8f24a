// The review page in a real browser: Debian's Chromium driven by
// playwright-core loads the page from a local server, a flawed API and schema
// are pasted, Review is clicked, and the expected findings appear; clicking one
// selects its line. Saves a screenshot to target/wasm-test/review-page.png.
// Also renders the CLI's `--format html` report (screenshot report.png).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";

import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const www = path.resolve(here, "../www");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".yaml": "text/yaml", ".sql": "text/plain", ".graphql": "text/plain", ".json": "application/json", ".ts": "text/plain" };

let server;
let base;
let context;
let profile;

before(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const file = path.join(www, decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname));
    if (!file.startsWith(www)) { response.writeHead(403).end(); return; }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  profile = mkdtempSync(path.join(tmpdir(), "archlint-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("pasting a flawed API and schema and clicking Review lists the findings", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(base);
  await page.uncheck("#auto");
  await page.fill("#openapi", readFileSync(path.join(root, "tests/fixtures/flawed/api.yaml"), "utf8"));
  await page.fill("#sql", "CREATE TABLE payments (\n  id bigint,\n  amount float NOT NULL\n);\n");
  await page.click("#review");
  await page.waitForSelector(".finding");
  const rules = await page.$$eval(".finding", (items) => items.map((item) => item.dataset.rule));
  for (const expected of ["TLS001", "SENS004", "VAL008", "TYPE001", "INT001"]) {
    assert.ok(rules.includes(expected), `${expected} missing from ${rules.join(", ")}`);
  }
  assert.match(await page.textContent("#summary"), /findings: \d+ errors/);
  assert.ok((await page.$$(".scores .bar")).length > 5, "a score bar per area");

  // Clicking the money-in-float finding selects its line in the SQL editor.
  await page.click('.finding[data-rule="TYPE001"]');
  const selected = await page.$eval("#sql", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(selected, "  amount float NOT NULL");

  mkdirSync(path.join(root, "target/wasm-test"), { recursive: true });
  await page.screenshot({ path: path.join(root, "target/wasm-test/review-page.png"), fullPage: true });
  assert.deepEqual(problems, []);
});

test("the example loads with one click and is reviewed as it is edited", async () => {
  const page = await context.newPage();
  await page.goto(base);
  await page.click("#load-example");
  await page.waitForSelector('.finding[data-rule="CONV001"]');
  assert.equal(await page.$$eval("#tabs button", (tabs) => tabs.length), 2);
  // Review as you type: breaking the server URL adds a finding after the debounce.
  await page.click('.finding[data-rule="VAL001"]');
  assert.equal(await page.$eval("#tabs button.active", (tab) => tab.textContent), "components/schemas.yaml");
  // A consistency finding's related place (the column) opens in the SQL editor.
  await page.click('.finding[data-rule="CONS001"] .related');
  const column = await page.$eval("#sql", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.match(column, /^\s+(name|email)\s+varchar\((80|200)\)/);
  await page.fill("#sql", "CREATE TABLE t (price float);");
  await page.waitForSelector('.finding[data-rule="TYPE001"]');
});

test("a rule that fires many times is one entry that expands on click", async () => {
  const page = await context.newPage();
  await page.goto(base);
  await page.uncheck("#auto");
  const paths = ["a", "b", "c", "d", "e"]
    .map((name) => `  /${name}:\n    get:\n      responses:\n        '200': {description: ok}\n`)
    .join("");
  await page.fill("#openapi", `openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n${paths}`);
  await page.fill("#sql", "");
  await page.click("#review");
  await page.waitForSelector('.group[data-rule="DOC002"]');
  assert.match(await page.textContent('.group[data-rule="DOC002"] .count'), /×5/);
  const shown = async () => page.$$eval('.group[data-rule="DOC002"] .finding', (items) => items.length);
  assert.equal(await shown(), 3, "first, middle and last as examples");
  await page.click('.group[data-rule="DOC002"] .expand');
  assert.equal(await shown(), 5);
  assert.ok((await page.$$("#worst li")).length > 0, "the worst areas are named");
});

test("a pasted Swagger 2.0 description is reviewed, and a finding selects its 2.0 line", async () => {
  const page = await context.newPage();
  await page.goto(base);
  await page.uncheck("#auto");
  await page.fill("#openapi", readFileSync(path.join(root, "tests/fixtures/swagger/petstore.yaml"), "utf8"));
  await page.fill("#sql", "");
  await page.click("#review");
  await page.waitForSelector('.finding[data-rule="TLS001"]');
  const rules = await page.$$eval(".finding", (items) => items.map((item) => item.dataset.rule));
  assert.ok(!rules.includes("STR002"), rules.join(", "));
  for (const expected of ["AUTH003", "AUTH004", "SENS005"]) {
    assert.ok(rules.includes(expected), `${expected} missing from ${rules.join(", ")}`);
  }
  await page.click('.finding[data-rule="TLS001"]');
  const selected = await page.$eval("#openapi", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(selected.trim(), "- http");
});

test("comparing with an older version lists what the new one breaks", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(base);
  await page.uncheck("#auto");
  await page.check("#compare");
  await page.fill("#old", readFileSync(path.join(root, "tests/fixtures/diff/shop/old.yaml"), "utf8"));
  await page.fill("#openapi", readFileSync(path.join(root, "tests/fixtures/diff/shop/new.yaml"), "utf8"));
  await page.fill("#sql", "");
  await page.click("#review");
  await page.waitForSelector('.finding[data-rule="COMPAT001"]');
  const rules = await page.$$eval(".finding", (items) => items.map((item) => item.dataset.rule));
  assert.ok(rules.every((rule) => rule.startsWith("COMPAT")), rules.join(", "));
  // The removed operation is in the old version: clicking selects its line there.
  await page.click('.finding[data-rule="COMPAT001"]');
  const selected = await page.$eval("#old", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(selected.trim(), "get:");
  assert.deepEqual(problems, []);
});

test("the GraphQL tab reviews a schema against its database, and keeps the OpenAPI text", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(base);
  await page.uncheck("#auto");
  await page.fill("#openapi", "openapi: 3.1.0\n");
  await page.click("#kind-graphql");
  assert.equal(await page.textContent("#api-title"), "GraphQL schema (SDL)");
  assert.equal(await page.inputValue("#openapi"), "", "each kind keeps its own text");
  const schema = [
    "type Query { file(id: ID!): File }",
    "\"A stored file.\"",
    "type File {",
    "  id: ID!",
    "  name: String!",
    "  size: Int!",
    "}",
    "",
  ].join("\n");
  await page.fill("#openapi", schema);
  await page.fill("#sql", "CREATE TABLE files (\n  id uuid PRIMARY KEY,\n  name text NOT NULL,\n  size bigint NOT NULL\n);\n");
  await page.click("#review");
  await page.waitForSelector('.finding[data-rule="GQL023"]');
  // The finding selects the field's line; its related place, the column.
  await page.click('.finding[data-rule="GQL023"]');
  const field = await page.$eval("#openapi", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(field, "  size: Int!");
  await page.click('.finding[data-rule="GQL023"] .related');
  const column = await page.$eval("#sql", (editor) => editor.value.slice(editor.selectionStart, editor.selectionEnd));
  assert.equal(column, "  size bigint NOT NULL");
  // Comparing two versions of the schema lists what the new one breaks.
  await page.check("#compare");
  assert.equal(await page.textContent("#old-title"), "Older version (GraphQL)");
  await page.fill("#old", readFileSync(path.join(root, "tests/fixtures/diff/graphql/old.graphql"), "utf8"));
  await page.fill("#openapi", readFileSync(path.join(root, "tests/fixtures/diff/graphql/new.graphql"), "utf8"));
  await page.click("#review");
  await page.waitForSelector('.finding[data-rule^="COMPAT"]');
  const rules = await page.$$eval(".finding", (items) => items.map((item) => item.dataset.rule));
  assert.ok(rules.every((rule) => rule.startsWith("COMPAT")), rules.join(", "));
  // Back on the OpenAPI tab, its text is still there.
  await page.uncheck("#compare");
  await page.click("#kind-openapi");
  assert.equal(await page.inputValue("#openapi"), "openapi: 3.1.0\n");
  assert.deepEqual(problems, []);
});

test("names and descriptions from the input are shown as text, never run", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("dialog", (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.goto(base);
  await page.uncheck("#auto");
  const hostile = [
    "openapi: 3.1.0",
    "info: {title: '</script><script>window.pwned = 1</script>', version: 1.0.0}",
    "paths:",
    "  '/a<img src=x onerror=\"window.pwned=2\">':",
    "    get:",
    "      parameters:",
    "        - {name: \"q<svg onload=window.pwned=3>\", in: query, schema: {type: string}}",
    "      responses: {'200': {description: \"ok ::set-output name=x::y \\u001b[2J \\u202e\"}}",
    "",
  ].join("\n");
  await page.fill("#openapi", hostile);
  await page.fill("#sql", "CREATE TABLE \"t<img src=x onerror=window.pwned=4>\" (id int);\n");
  await page.click("#review");
  await page.waitForSelector(".finding");
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined, "nothing from the input ran");
  assert.equal(await page.$$eval("#findings img, #findings svg, #findings script", (nodes) => nodes.length), 0);
  assert.match(await page.textContent("#findings"), /<img src=x onerror/);
  assert.deepEqual(problems, []);
});

test("a large description is reviewed in a worker: the page keeps running meanwhile", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(base);
  await page.uncheck("#auto");
  const lines = ["openapi: 3.1.0", "info: {title: big, version: 1.0.0}", "paths:"];
  for (let index = 0; index < 3000; index += 1) {
    lines.push(`  /things${index}/{id}:`, "    get:", "      parameters: [{name: id, in: path, required: true, schema: {type: integer}}, {name: q, in: query, schema: {type: string}}]", "      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}}");
  }
  // Set at once: typing a megabyte into the editor would take longer than the review.
  await page.$eval("#openapi", (editor, text) => {
    editor.value = text;
    editor.dispatchEvent(new Event("input"));
  }, lines.join("\n") + "\n");
  // A timer on the page's thread: it ticks only while that thread is free.
  await page.evaluate(() => { window.ticks = 0; window.ticker = setInterval(() => { window.ticks += 1; }, 5); });
  await page.click("#review");
  await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Reviewed in"), null, { timeout: 120000 });
  const { ticks, took } = await page.evaluate(() => {
    clearInterval(window.ticker);
    return { ticks: window.ticks, took: Number(document.querySelector("#status").textContent.match(/(\d+) ms/)?.[1] ?? 0) };
  });
  // Only meaningful when the review took a while (it does: seconds in WebAssembly).
  if (took > 200) assert.ok(ticks >= 5, `${ticks} ticks in ${took} ms: the page's thread was blocked`);
  assert.ok((await page.$$(".finding")).length > 0);
  assert.deepEqual(problems, []);
});

test("the CLI's HTML report renders on its own, with input text shown as text", async () => {
  const cli = process.env.ARCHLINT_BIN ?? path.join(root, "target/debug/archlint");
  const out = path.join(root, "target/wasm-test");
  mkdirSync(out, { recursive: true });
  // A description whose path and summary carry markup: it must stay text.
  const hostile = path.join(out, "hostile.yaml");
  writeFileSync(hostile, [
    "openapi: 3.1.0",
    "info: {title: t, version: '1'}",
    "servers: [{url: 'http://api.example.com'}]",
    "paths:",
    "  \"/a<img src=x onerror=window.injected=1>\":",
    "    get:",
    "      summary: '<script>window.injected = 2</script>'",
    "      responses: {'200': {description: ok}}",
    "",
  ].join("\n"));
  const report = path.join(out, "report.html");
  execFileSync(cli, ["review", "corpus/api", "corpus/db", hostile, "--format", "html", "--output", report, "--fail-on", "never"], { cwd: root });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`file://${report}`);
  assert.match(await page.textContent("#summary"), /findings in \d+ files/);
  assert.ok((await page.$$(".scores .bar")).length > 10, "a bar per area");
  assert.ok((await page.$$("details")).length > 10, "findings grouped by rule");
  assert.ok((await page.$$("pre")).length > 10, "source lines under findings");
  assert.ok(await page.$("text=API ↔ schema mapping"), "the mapping");
  assert.equal(await page.$$eval("img, script", (nodes) => nodes.length), 0, "no markup from the input");
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.deepEqual(requests.filter((url) => !url.startsWith("file:")), [], "nothing loaded from elsewhere");
  await page.screenshot({ path: path.join(out, "report.png"), fullPage: true });
  assert.deepEqual(problems, []);
});

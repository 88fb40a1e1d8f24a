// The review page: two editors, a Review button (and review as you type), the
// findings with their scores, and a click on a finding selects its line. The
// API editor holds an OpenAPI description (several files, as tabs) or, on the
// GraphQL tab, a GraphQL schema; each kind keeps its own text. With "compare
// with an older version", a third editor holds the old version and the page
// lists what the new one breaks for its clients (diff). Reviews run in a Web
// Worker.

// The module runs in a Web Worker (worker.js): the page stays responsive
// while a large description is reviewed, and a worker that fails is replaced.
let worker = null;
let nextRequest = 0;
const waiting = new Map();

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    if (data.error === undefined) request.resolve(data.result);
    else request.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const request of waiting.values()) request.reject(new Error(event.message || "the review failed"));
    waiting.clear();
    worker.terminate();
    worker = null;
  };
}

function inWorker(kind, options) {
  if (!worker) startWorker();
  const id = nextRequest;
  nextRequest += 1;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, kind, options });
  });
}

const review = (options) => inWorker("review", options);
const diff = (options) => inWorker("diff", options);
const version = () => inWorker("version");

const $ = (id) => document.getElementById(id);
const openapiEditor = $("openapi");
const sqlEditor = $("sql");
const oldEditor = $("old");
const SQL_NAME = "schema.sql";
const GRAPHQL_NAME = "schema.graphql";
const TITLES = {
  openapi: ["OpenAPI (YAML or JSON)", "Older version (OpenAPI)", "openapi: 3.1.0 (or swagger: \"2.0\")\ninfo: ..."],
  graphql: ["GraphQL schema (SDL)", "Older version (GraphQL)", "type Query {\n  ...\n}"],
};

// Which kind of API the API editor holds, and each kind's texts while the
// other is shown.
let kind = "openapi";
let graphqlText = "";
const oldTexts = { openapi: "", graphql: "" };

// The OpenAPI side may be several files ($refs between them resolve by name).
let apiFiles = { "openapi.yaml": "" };
let activeFile = "openapi.yaml";
let lastReport = null;
let timer = null;

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Code spans in messages: `x` becomes <code>x</code>. */
function richText(text) {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function updateGutter(textarea) {
  const gutter = textarea.previousElementSibling;
  const lines = textarea.value.split("\n").length;
  let numbers = "";
  for (let line = 1; line <= lines; line += 1) numbers += `${line}\n`;
  gutter.textContent = numbers;
  gutter.scrollTop = textarea.scrollTop;
}

function renderTabs() {
  const names = kind === "openapi" ? Object.keys(apiFiles) : [];
  $("tabs").innerHTML = names.length < 2 ? "" : names
    .map((name) => `<button type="button" data-file="${escapeHtml(name)}" class="${name === activeFile ? "active" : ""}">${escapeHtml(name)}</button>`)
    .join("");
}

function showFile(name) {
  apiFiles[activeFile] = openapiEditor.value;
  activeFile = name;
  openapiEditor.value = apiFiles[name] ?? "";
  updateGutter(openapiEditor);
  renderTabs();
}

/** Keeps what the API and old editors hold in the store of the kind shown. */
function storeEditors() {
  if (kind === "openapi") apiFiles[activeFile] = openapiEditor.value;
  else graphqlText = openapiEditor.value;
  oldTexts[kind] = oldEditor.value;
}

/** Shows the OpenAPI or the GraphQL side in the API editor. */
function showKind(next) {
  if (next === kind) return;
  storeEditors();
  kind = next;
  openapiEditor.value = kind === "openapi" ? apiFiles[activeFile] ?? "" : graphqlText;
  oldEditor.value = oldTexts[kind];
  const [title, oldTitle, placeholder] = TITLES[kind];
  $("api-title").textContent = title;
  $("old-title").textContent = oldTitle;
  openapiEditor.placeholder = placeholder;
  for (const button of document.querySelectorAll(".kinds button")) {
    const active = button.dataset.kind === kind;
    button.classList.toggle("active", active);
    button.setAttribute("aria-selected", String(active));
  }
  updateGutter(openapiEditor);
  updateGutter(oldEditor);
  renderTabs();
  renderReport(null);
  scheduleReview();
}

function options() {
  storeEditors();
  const request = {};
  if (sqlEditor.value.trim() !== "") request.sql = { [SQL_NAME]: sqlEditor.value };
  if ($("dialect").value) request.dialect = $("dialect").value;
  if (kind === "graphql") {
    if (graphqlText.trim() !== "") request.graphql = { [GRAPHQL_NAME]: graphqlText };
    return request;
  }
  const named = Object.entries(apiFiles).filter(([, text]) => text.trim() !== "");
  if (named.length > 0) {
    request.openapi = Object.fromEntries(named);
    request.root = Object.keys(apiFiles)[0];
    if (!(request.root in request.openapi)) delete request.root;
  }
  return request;
}

/** Compare mode with an old version pasted: the diff's options, else null. */
function diffOptions() {
  if (!$("compare").checked || oldEditor.value.trim() === "") return null;
  const request = options();
  if (request.graphql) return { oldGraphql: oldEditor.value, newGraphql: graphqlText };
  if (!request.openapi) return null;
  return { old: oldEditor.value, new: request.openapi, newRoot: request.root };
}

async function runReview() {
  const change = diffOptions();
  if (change) {
    $("status").textContent = "Comparing…";
    const started = performance.now();
    try {
      const report = await diff(change);
      $("status").textContent = `Compared in ${Math.round(performance.now() - started)} ms.`;
      renderReport(report);
    } catch (error) {
      $("status").textContent = `Error: ${error.message}`;
    }
    return;
  }
  const request = options();
  if (!request.openapi && !request.graphql && !request.sql) {
    $("status").textContent = "Paste an OpenAPI description, a GraphQL schema or SQL to review.";
    renderReport(null);
    return;
  }
  $("status").textContent = "Reviewing…";
  const started = performance.now();
  try {
    const report = await review(request);
    $("status").textContent = `Reviewed in ${Math.round(performance.now() - started)} ms.`;
    renderReport(report);
  } catch (error) {
    $("status").textContent = `Error: ${error.message}`;
  }
}

function renderReport(report) {
  lastReport = report;
  if (!report) {
    $("summary").textContent = "";
    $("scores").innerHTML = "";
    $("findings").innerHTML = "";
    $("worst").innerHTML = "";
    return;
  }
  const { counts, scores } = report.summary;
  $("summary").textContent = report.findings.length === 0
    ? "No findings."
    : `${report.findings.length} findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info — score ${scores.overall}/100`;
  $("scores").innerHTML = Object.entries(scores.areas)
    .map(([area, score]) => {
      const color = score >= 90 ? "#2da44e" : score >= 70 ? "#d4a72c" : "#cf222e";
      return `<span>${escapeHtml(area)}</span><div class="bar"><span style="width:${score}%;background:${color}"></span></div><span>${score}</span>`;
    })
    .join("");
  $("findings").innerHTML = groups(report.findings)
    .map((group) => (group.items.length <= GROUP_ABOVE ? group.items.map(renderFinding).join("") : renderGroup(group)))
    .join("");
  renderWorstAreas(scores);
}

/** A rule reported more often than this is one entry with examples, as in the CLI. */
const GROUP_ABOVE = 3;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Findings by rule and severity (with their index in the report): errors first, then the most frequent. */
function groups(findings) {
  const byKey = new Map();
  findings.forEach((finding, index) => {
    const key = `${finding.severity} ${finding.rule}`;
    if (!byKey.has(key)) byKey.set(key, { rule: finding.rule, name: finding.name, severity: finding.severity, items: [] });
    byKey.get(key).items.push({ finding, index });
  });
  return [...byKey.values()].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.items.length - a.items.length || a.rule.localeCompare(b.rule));
}

function renderFinding({ finding, index }) {
  return `
      <li class="finding ${finding.severity}" tabindex="0" data-index="${index}" data-rule="${finding.rule}">
        <div class="head">
          <span class="severity">${finding.severity}</span>
          <span class="rule">${finding.rule} ${escapeHtml(finding.name)}</span>
          <span class="area">${escapeHtml(finding.area)}</span>
          <span class="where">${escapeHtml(finding.location.file)}:${finding.location.line}:${finding.location.column}</span>
        </div>
        <div class="message">${richText(finding.message)}</div>
        <div class="help">${richText(finding.help)}</div>
        ${finding.related.map((related) => `
          <button class="related" type="button" data-file="${escapeHtml(related.location.file)}" data-line="${related.location.line}">
            ↳ ${richText(related.message)} <span class="where">${escapeHtml(related.location.file)}:${related.location.line}</span>
          </button>`).join("")}
      </li>`;
}

/** A repeated rule: its count, its first, middle and last findings, and a button that shows the rest. */
function renderGroup(group) {
  const last = group.items.length - 1;
  const shown = [...new Set([0, Math.floor(last / 2), last])];
  const examples = shown.map((position) => renderFinding(group.items[position])).join("");
  return `
      <li class="group ${group.severity}" data-rule="${group.rule}" data-severity="${group.severity}">
        <div class="group-head">
          <span class="severity">${group.severity}</span>
          <span class="rule">${group.rule} ${escapeHtml(group.name)}</span>
          <span class="count">×${group.items.length}</span>
        </div>
        <ol class="findings">${examples}</ol>
        <button class="expand" type="button">Show all ${group.items.length}</button>
      </li>`;
}

/** Expands a group in place: every finding of its rule. */
function expandGroup(button) {
  const item = button.closest(".group");
  if (!item || !lastReport) return;
  const group = groups(lastReport.findings).find((candidate) =>
    candidate.rule === item.dataset.rule && candidate.severity === item.dataset.severity);
  if (!group) return;
  item.querySelector("ol").innerHTML = group.items.map(renderFinding).join("");
  button.remove();
}

/** Under the score bars: the worst areas and what weighed most in each. */
function renderWorstAreas(scores) {
  const worst = Object.entries(scores.areas)
    .filter(([, score]) => score < 100)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 4);
  $("worst").innerHTML = worst
    .map(([area, score]) => {
      const heaviest = scores.heaviest?.[area];
      const why = heaviest
        ? `: ${escapeHtml(heaviest.rule)} ${escapeHtml(heaviest.name)} ×${heaviest.findings}, in ${heaviest.subjects} of ${heaviest.units} ${escapeHtml(heaviest.of)}`
        : "";
      return `<li><strong>${escapeHtml(area)} ${score}</strong>${why}</li>`;
    })
    .join("");
}

/** The editor that holds `file`, showing its OpenAPI tab if it has one. A
 * diff names the versions' files `old/...` and `new/...`. */
function editorOf(file) {
  if (file.startsWith("old/")) return oldEditor;
  const name = file.startsWith("new/") ? file.slice(4) : file;
  if (kind === "graphql" && name === GRAPHQL_NAME) return openapiEditor;
  if (kind === "openapi" && name in apiFiles) {
    if (name !== activeFile) showFile(name);
    return openapiEditor;
  }
  return sqlEditor;
}

/** Selects `line` (1-based) in the editor holding `file`, and scrolls to it. */
function reveal(file, line) {
  const editor = editorOf(file);
  const lines = editor.value.split("\n");
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i += 1) start += lines[i].length + 1;
  editor.focus();
  editor.setSelectionRange(start, start + lines[index].length);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 19;
  editor.scrollTop = Math.max(0, index * lineHeight - editor.clientHeight / 3);
  updateGutter(editor);
}

function onFindingActivated(event) {
  const expand = event.target.closest(".expand");
  if (expand) {
    expandGroup(expand);
    return;
  }
  // A related place (the column behind an API property) opens its own line.
  const related = event.target.closest(".related");
  if (related) {
    reveal(related.dataset.file, Number(related.dataset.line));
    return;
  }
  const item = event.target.closest(".finding");
  if (!item || !lastReport) return;
  const finding = lastReport.findings[Number(item.dataset.index)];
  if (finding) reveal(finding.location.file, finding.location.line);
}

function scheduleReview() {
  if (!$("auto").checked) return;
  clearTimeout(timer);
  timer = setTimeout(runReview, 400);
}

async function loadExample() {
  const fetchText = async (path) => (await fetch(path)).text();
  if (kind === "graphql") {
    const [graphql, sql] = await Promise.all([fetchText("examples/shop.graphql"), fetchText("examples/schema.sql")]);
    graphqlText = graphql;
    openapiEditor.value = graphql;
    sqlEditor.value = sql;
    updateGutter(openapiEditor);
    updateGutter(sqlEditor);
    await runReview();
    return;
  }
  const [api, schemas, sql] = await Promise.all([
    fetchText("examples/shop.yaml"),
    fetchText("examples/components/schemas.yaml"),
    fetchText("examples/schema.sql"),
  ]);
  apiFiles = { "shop.yaml": api, "components/schemas.yaml": schemas };
  activeFile = "shop.yaml";
  openapiEditor.value = api;
  sqlEditor.value = sql;
  updateGutter(openapiEditor);
  updateGutter(sqlEditor);
  renderTabs();
  await runReview();
}

for (const editor of [openapiEditor, sqlEditor, oldEditor]) {
  editor.addEventListener("input", () => { updateGutter(editor); scheduleReview(); });
  editor.addEventListener("scroll", () => { editor.previousElementSibling.scrollTop = editor.scrollTop; });
  updateGutter(editor);
}
$("review").addEventListener("click", runReview);
$("dialect").addEventListener("change", scheduleReview);
$("compare").addEventListener("change", () => {
  $("old-pane").hidden = !$("compare").checked;
  scheduleReview();
});
$("load-example").addEventListener("click", loadExample);
for (const button of document.querySelectorAll(".kinds button")) {
  button.addEventListener("click", () => showKind(button.dataset.kind));
}
$("tabs").addEventListener("click", (event) => {
  const name = event.target.dataset?.file;
  if (name) showFile(name);
});
$("findings").addEventListener("click", onFindingActivated);
$("findings").addEventListener("keydown", (event) => { if (event.key === "Enter") onFindingActivated(event); });
version().then((text) => { $("version").textContent = text; }).catch(() => {});

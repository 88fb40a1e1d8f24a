// archlint for JavaScript (browsers and Node.js): review(), diff(), rules(), explain(),
// version(). Every function is async and loads the WebAssembly module on first
// use. A panic inside the module traps its instance; the next call then runs
// on a fresh instance, so one bad input never breaks the page.

const WASM_URL = new URL("./archlint_wasm_bg.wasm", import.meta.url);
const GLUE_URL = new URL("./archlint_wasm.js", import.meta.url);

let compiled = null; // WebAssembly.Module, compiled once
let current = null; // Promise of the wasm-bindgen glue bound to a live instance
let generation = 0;
let memory = null; // the live instance's linear memory

const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (isNode && source === undefined) {
    const { readFile } = await import("node:fs/promises");
    return WebAssembly.compile(await readFile(WASM_URL));
  }
  const response = await fetch(source ?? WASM_URL);
  if (!response.ok) throw new Error(`archlint: cannot load ${response.url}: HTTP ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Loads the module now (optional: the first call does it). `source` may be the
 * .wasm URL, its bytes, or a compiled WebAssembly.Module.
 */
export async function init(source) {
  if (compiled === null) compiled = await compile(source);
  if (current === null) {
    // A fresh copy of the glue module per instance: its state belongs to one instance.
    const url = generation === 0 ? GLUE_URL.href : `${GLUE_URL.href}?instance=${generation}`;
    generation += 1;
    current = import(url).then((glue) => {
      const exports = glue.initSync({ module: compiled });
      memory = exports.memory;
      return glue;
    });
  }
  return current;
}

async function call(work) {
  const glue = await init();
  try {
    return work(glue);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      current = null; // the instance is unusable after a trap
      throw new Error(`archlint: internal error (${error.message}); the module was restarted`);
    }
    throw error;
  }
}

/** Reviews OpenAPI and SQL texts; resolves to the report, shaped as the CLI's JSON. */
export function review(options) {
  return call((glue) => glue.review(options ?? {}));
}

/** What `new` breaks for clients of `old`; resolves to the report, shaped as the CLI's JSON. */
export function diff(options) {
  return call((glue) => glue.diff(options ?? {}));
}

/** The rule catalogue, with each rule's Markdown documentation. */
export function rules() {
  return call((glue) => glue.rules());
}

/** A rule's documentation (Markdown), by id or name. */
export function explain(rule) {
  return call((glue) => glue.explain(rule));
}

/** The archlint version. */
export function version() {
  return call((glue) => glue.version());
}

/** Panics inside the module on purpose (for tests of the recovery). */
/** The live instance's memory in bytes (for tests of bounded memory). */
export async function _memoryBytesForTests() {
  await init();
  return memory === null ? 0 : memory.buffer.byteLength;
}

export function _panicForTests() {
  return call((glue) => glue._panicForTests());
}

// Types of archlint's JavaScript API; the shapes come from the module's own
// generated declarations.
import type { DiffOptions, Report, ReviewOptions, RuleInfo } from "./archlint_wasm.js";

export type { DiffOptions, Files, Finding, Location, Related, Report, ReviewOptions, RuleInfo } from "./archlint_wasm.js";

/** Loads the module now (optional: the first call does it). */
export function init(source?: string | URL | ArrayBuffer | ArrayBufferView | WebAssembly.Module): Promise<unknown>;
/** Reviews OpenAPI and SQL texts; resolves to the report, shaped as the CLI's JSON. */
export function review(options: ReviewOptions): Promise<Report>;
/** What `new` breaks for clients of `old`; resolves to the report, shaped as the CLI's JSON. */
export function diff(options: DiffOptions): Promise<Report>;
/** The rule catalogue, with each rule's Markdown documentation. */
export function rules(): Promise<RuleInfo[]>;
/** A rule's documentation (Markdown), by id or name. */
export function explain(rule: string): Promise<string>;
/** The archlint version. */
export function version(): Promise<string>;

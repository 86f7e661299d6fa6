// Types of `centile/web`: the same functions as `centile`, usable once the module is initialised with the
// default export (async, fetches the .wasm next to the module unless given one) or `initSync` (bytes or a
// compiled module). A function called before initialisation has finished throws a CentileError with status 503
// saying to await init(); a failed initialisation rejects (or throws) a 503 CentileError giving the reason.

export * from './index.js';

/** Where to get the .wasm: a URL or request (fetched), a response, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

/** The instantiated module's exports (internal; only its memory is of interest). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Instantiates the WebAssembly module. With no argument (or `{}`), fetches `centile_bg.wasm` next to this
 * module (`new URL('./centile_bg.wasm', import.meta.url)`; bundlers emit it as an asset). Resolves once the
 * functions can be called; later calls return the same instance. Rejects with a CentileError (status 503) whose
 * message gives the reason, e.g. a Content-Security-Policy without `'wasm-unsafe-eval'`.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<InitOutput>;
/** @deprecated Pass `{ module_or_path }`. */
export default function init(module_or_path: InitInput | Promise<InitInput>): Promise<InitOutput>;

/** Instantiates the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(options: { module: SyncInitInput }): InitOutput;
/** @deprecated Pass `{ module }`. */
export function initSync(module: SyncInitInput): InitOutput;

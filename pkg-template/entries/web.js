// `centile/web`, pkg/web/index.js: explicit `await init()` (fetches the .wasm) or `initSync({ module })`.
// scripts/build-pkg.mjs (scripts/entries.mjs) inlines the files the `centile:inline` line names and writes one
// export per public function at `centile:exports`; these first comment lines are for readers of pkg-template/
// and are not shipped.
import initGlue, { __centileGlue as glue } from './centile.js';
/* centile:inline protocol.js api.js instance.js start.js */

// Calls before init() has finished throw a 503 CentileError saying so; after a failed init(), its reason. Once
// init() has succeeded, a restart instantiates the compiled module again.
let failure = null, compiled = false;
const engine = instance(glue, () => {
  if (compiled) return glue.__centileRestart();
  throw failure === null
    ? unavailable('centile/web is not initialised: call `await init()` (or `initSync({ module })`) once before using it.')
    : unavailable(startFailure(failure), failure);
});

/**
 * Starts the module with `run` (init's or initSync's): its exports (or, from init, a promise of them) once the
 * instance answers. A failure is kept, so later calls say why, and thrown as a 503 CentileError.
 */
function start(run) {
  const ready = (exports) => {
    failure = null;
    compiled = true;
    engine.live();
    return exports;
  };
  const failed = (e) => {
    failure = e;
    throw unavailable(startFailure(e), e);
  };
  try {
    const result = run();
    return result instanceof Promise ? result.then(ready).catch(failed) : ready(result);
  } catch (e) {
    return failed(e);
  }
}

/** Instantiates the module; without `module_or_path` it fetches centile_bg.wasm next to this file. */
export default async function init(options) {
  if (options === undefined || (options !== null && Object.getPrototypeOf(options) === Object.prototype && options.module_or_path === undefined)) {
    options = { ...options, module_or_path: new URL('./centile_bg.wasm', import.meta.url) };
  }
  return start(() => initGlue(options));
}

/** Instantiates the module synchronously from `{ module }`: its bytes or a compiled WebAssembly.Module. */
export function initSync(options) {
  return start(() => glue.initSync(options));
}
const api = createApi(engine);
export { CentileError };
/* centile:exports */

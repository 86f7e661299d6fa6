// The default entry (bundlers, browsers), pkg/bundler/index.js: an ES module carrying the .wasm bytes as text
// (bundler/wasm.js). scripts/build-pkg.mjs (scripts/entries.mjs) inlines the files the `centile:inline` line
// names and writes one export per public function at `centile:exports`; these first comment lines are for
// readers of pkg-template/ and are not shipped.
import { __centileGlue as glue } from '../web/centile.js';
import { wasmBytes } from './wasm.js';
/* centile:inline protocol.js api.js instance.js start.js */

// No init call: the first call compiles and instantiates the module synchronously from the bytes in wasm.js;
// a restart instantiates the compiled module again.
let failure = null, compiled = false;
const engine = instance(glue, () => {
  if (compiled) return glue.__centileRestart();
  if (failure === null) {
    try {
      glue.initSync({ module: wasmBytes() });
      compiled = true;
      return;
    } catch (e) {
      failure = e;
    }
  }
  throw unavailable(startFailure(failure), failure);
});
const api = createApi(engine);
export { CentileError };
/* centile:exports */

// `centile/js` (and the `react-native` condition): the engine as plain JavaScript, pkg/js/index.js and
// index.cjs. scripts/build-js.mjs bundles it with wasm2js's module and wasm-bindgen's glue after
// scripts/entries.mjs has inlined the files the `centile:inline` line names and written one export per public
// function at `centile:exports`; these first comment lines are for readers of pkg-template/ and are not shipped.
import * as glue from './centile.js';
import { instantiate } from './centile_bg.wasm.js';
import { __centileRestart } from './centile_bg.js';
/* centile:inline protocol.js api.js instance.js */
// The module was instantiated when it was imported. Its memory's growth leaves the old buffer attached.
const engine = instance(glue, () => __centileRestart(instantiate()), false);
engine.live();
const api = createApi(engine);
export { CentileError };
/* centile:exports */

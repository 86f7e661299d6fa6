// The package's two paths for calculation and bulkCalculation: `fast` is the package itself (the wasm writes a
// numeric record, JavaScript assembles the object) and `general` the same package with that record refused, so
// every request goes through the general path (Rust reads the whole request and builds the object).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const fast = require('../../pkg/node/index.cjs');

function generalOnly() {
  const raw = require('../../pkg/node/centile.js');
  const source = readFileSync(new URL('../../pkg/node/index.cjs', import.meta.url), 'utf8');
  const stub = { ...raw, calculationRecord: () => false };
  const module = { exports: {} };
  new Function('require', 'exports', 'module', source)((p) => (p === './centile.js' ? stub : require(p)), module.exports, module);
  return module.exports;
}
export const general = generalOnly();

/** What a call did: its JSON, or the error it threw (CentileErrors by name, message and detail). */
export function outcome(call) {
  try {
    return { ok: JSON.stringify(call()) };
  } catch (e) {
    if (e && e.name === 'CentileError') return { error: e.message, detail: JSON.stringify(e.detail), status: e.status };
    return { thrown: e };
  }
}

// Node ESM consumer: `import { … } from 'centile'` (node + import: the default ES module entry, instantiated on
// first use), and `centile/web` initialised synchronously from the exported .wasm file. Prints one JSON line for run.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calculation, CentileError, buildInfo } from 'centile';
import initWeb, { initSync, calculation as webCalculation } from 'centile/web';

const { reference, request } = JSON.parse(readFileSync(new URL('./case.json', import.meta.url), 'utf8'));
const sds = calculation(reference, request).measurement_calculated_values.corrected_sds;
initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('centile/web/centile_bg.wasm'))) });
const webSds = webCalculation(reference, request).measurement_calculated_values.corrected_sds;
let error = null;
try { calculation(reference, { ...request, observation_value: -1 }); } catch (e) { error = { isCentileError: e instanceof CentileError, status: e.status }; }
console.log(JSON.stringify({ sds, webSds, error, version: buildInfo().version, initIsFunction: typeof initWeb === 'function' }));

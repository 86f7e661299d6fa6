// Bun consumer: `import` of `centile` (node + import: the default ES module entry), `require` (the CommonJS
// build), and `centile/web` with its default async init (fetches the .wasm from a file: URL). Prints one JSON
// line for run.mjs.
import { calculation, CentileError } from 'centile';
import init, { calculation as webCalculation } from 'centile/web';

const { reference, request } = JSON.parse(await Bun.file(new URL('./case.json', import.meta.url)).text());
const sds = calculation(reference, request).measurement_calculated_values.corrected_sds;
const requiredSds = require('centile').calculation(reference, request).measurement_calculated_values.corrected_sds;
await init();
const webSds = webCalculation(reference, request).measurement_calculated_values.corrected_sds;
let error = null;
try { calculation(reference, {}); } catch (e) { error = { isCentileError: e instanceof CentileError, status: e.status }; }
console.log(JSON.stringify({ sds, requiredSds, webSds, error, bun: Bun.version }));

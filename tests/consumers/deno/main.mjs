// Deno consumer (run with --allow-read only: no network permission): `centile` from node_modules (Deno picks
// node + import: the default ES module entry) and `centile/web` with its default async init (fetches the .wasm
// from a file: URL). Prints one JSON line for run.mjs.
import { calculation, CentileError } from 'centile';
import init, { calculation as webCalculation } from 'centile/web';

const { reference, request } = JSON.parse(await Deno.readTextFile(new URL('./case.json', import.meta.url)));
const sds = calculation(reference, request).measurement_calculated_values.corrected_sds;
await init();
const webSds = webCalculation(reference, request).measurement_calculated_values.corrected_sds;
let error = null;
try { calculation(reference, {}); } catch (e) { error = { isCentileError: e instanceof CentileError, status: e.status }; }
console.log(JSON.stringify({ sds, webSds, error, deno: Deno.version.deno }));

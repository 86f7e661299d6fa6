// Node CommonJS consumer: `require('centile')`. Prints one JSON line for run.mjs.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const centile = require('centile');

const { reference, request } = JSON.parse(readFileSync(path.join(__dirname, 'case.json'), 'utf8'));
const sds = centile.calculation(reference, request).measurement_calculated_values.corrected_sds;
let error = null;
try { centile.calculation(reference, { ...request, sex: 'x' }); } catch (e) { error = { isCentileError: e instanceof centile.CentileError, status: e.status }; }
const resolved = path.relative(path.join(__dirname, 'node_modules/centile'), require.resolve('centile'));
console.log(JSON.stringify({ sds, error, resolved, exports: Object.keys(centile).sort() }));

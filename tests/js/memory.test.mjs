// Memory stays flat whatever the input: 20 M calculations whose dates run over the whole calendar (years 1 to
// 9999, each birth date a new estimated delivery date whose text the package caches), and the wasm memory
// released after one unusually large call. CENTILE_MEMORY_CALLS sets the number of calculations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const glue = require('../../pkg/node/centile.js');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const MiB = 2 ** 20;

test('20 M calculations with dates over the whole calendar: the JavaScript heap and wasm memory stay flat', () => {
  const calls = Number(process.env.CENTILE_MEMORY_CALLS || 20e6);
  const pad = (n, width) => String(n).padStart(width, '0');
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let y = 1, mo = 1, d = 1, made = 0, answered = 0;
  const request = { birth_date: '', observation_date: '', observation_value: 75, sex: 'male', measurement_method: 'height' };
  // Birth dates day by day from 0001-01-01 to 9998-12-31 and round again; the observation a year later.
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      const mm = pad(mo, 2);
      request.birth_date = `${pad(y, 4)}-${mm}-${pad(d, 2)}`;
      request.observation_date = `${pad(y + 1, 4)}-${mm}-${pad(Math.min(d, 28), 2)}`;
      if (api.calculation('uk-who', request).birth_data.estimated_date_delivery === request.birth_date) answered++;
      made++;
      const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
      if (++d > days[mo - 1] + (leap ? 1 : 0)) {
        d = 1;
        if (++mo > 12) {
          mo = 1;
          if (++y > 9998) y = 1;
        }
      }
    }
  };
  // One pass over the calendar first (every cache that is meant to fill, full), then the rest.
  const pass = Math.min(3652059, Math.floor(calls / 4));
  run(pass);
  const heapBefore = heap(), wasmBefore = glue.linearMemory().buffer.byteLength;
  run(calls - pass);
  const heapAfter = heap(), wasmAfter = glue.linearMemory().buffer.byteLength;
  console.log(`${made} calculations: JavaScript heap ${(heapBefore / MiB).toFixed(1)} MiB after the first ${pass}, ` +
    `${(heapAfter / MiB).toFixed(1)} MiB at the end; wasm memory ${wasmBefore / MiB} -> ${wasmAfter / MiB} MiB`);
  assert.equal(answered, made);
  assert.ok(heapAfter - heapBefore < 4 * MiB, `the heap grew ${((heapAfter - heapBefore) / MiB).toFixed(1)} MiB`);
  assert.equal(wasmAfter, wasmBefore);
});

test('after one unusually large call the wasm memory is released', () => {
  const observation = (i) => ({ resource: { resourceType: 'Observation', id: `o${i}`, status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }] }, subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2020-09-01', valueQuantity: { value: 70, unit: 'cm' } } });
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: [
    { resource: { resourceType: 'Patient', id: 'p1', birthDate: '2020-01-01', gender: 'male' } },
    ...Array.from({ length: 9999 }, (_, i) => observation(i))] };
  const small = glue.linearMemory().buffer.byteLength;
  const want = JSON.stringify(api.fhirCalculation('uk-who', bundle).observations[0]);
  const large = glue.linearMemory().buffer.byteLength;
  const next = JSON.stringify(api.calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' }));
  const after = glue.linearMemory().buffer.byteLength;
  console.log(`wasm memory: ${(small / MiB).toFixed(1)} MiB before a 10,000-entry FHIR bundle, ${(large / MiB).toFixed(1)} MiB ` +
    `after it, ${(after / MiB).toFixed(1)} MiB at the next call`);
  assert.ok(large > 16 * MiB, `${large}`);
  assert.ok(after <= Math.max(small, 4 * MiB), `${after}`);
  assert.equal(JSON.stringify(api.fhirCalculation('uk-who', bundle).observations[0]), want);
  assert.ok(next.length > 0);
});

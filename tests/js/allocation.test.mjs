// An allocation the host refuses is a CentileError, not a trap, and the instance answers the next call: in the
// wasm build (its linear memory grown by hand as far as the host allows, so the engine's allocator cannot grow
// it) and in centile/js (in a context whose ArrayBuffer refuses any larger buffer, as an exhausted host does).
// The call that fails is a large FHIR bundle (10,000 entries; 2,000 in the slower centile/js); once memory is
// available again it answers as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const require = createRequire(import.meta.url);
const SMALL = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' };
const observation = (i) => ({ resource: { resourceType: 'Observation', id: `o${i}`, status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }] }, subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2020-09-01', valueQuantity: { value: 70, unit: 'cm' } } });
const bundle = (n) => ({ resourceType: 'Bundle', type: 'collection', entry: [
  { resource: { resourceType: 'Patient', id: 'p1', birthDate: '2020-01-01', gender: 'male' } },
  ...Array.from({ length: n }, (_, i) => observation(i))] });
const BUNDLE = bundle(9999);

/** Whether `error` is the 422 of an allocation the host refused. */
const outOfMemory = (error) => {
  assert.equal(error.name, 'CentileError', `${error}`);
  assert.equal(error.status, 422);
  assert.deepEqual(JSON.parse(JSON.stringify(error.detail)), [{ loc: ['body'], msg: 'There is not enough memory for this call', type: 'too_large', input: null }]);
  return true;
};

test('wasm: a linear memory that cannot grow gives a CentileError, and the next call answers', () => {
  const api = require('../../pkg/node/index.cjs');
  const glue = require('../../pkg/node/centile.js');
  const small = JSON.stringify(api.calculation('uk-who', SMALL));
  const large = JSON.stringify(api.fhirCalculation('uk-who', BUNDLE));
  api.calculation('uk-who', SMALL);
  const memory = glue.linearMemory();
  for (let pages = 65536; pages >= 1;) {
    try {
      memory.grow(pages);
    } catch {
      pages >>= 1;
    }
  }
  console.log(`linear memory grown to ${memory.buffer.byteLength / 2 ** 20} MiB, as far as the host allows`);
  assert.throws(() => api.fhirCalculation('uk-who', BUNDLE), (e) => e instanceof api.CentileError && outOfMemory(e));
  assert.equal(JSON.stringify(api.calculation('uk-who', SMALL)), small);
  assert.notEqual(glue.linearMemory(), memory, 'the instance was replaced');
  assert.equal(JSON.stringify(api.fhirCalculation('uk-who', BUNDLE)), large);
});

test('centile/js: an ArrayBuffer the host refuses gives a CentileError, and the next call answers', () => {
  const context = vm.createContext({});
  // Installed before centile/js loads (it keeps the builtins it found at load): refuses any buffer over `limit`,
  // and keeps the size of the last linear memory made (a whole number of 64 KiB pages, at least 1 MiB).
  vm.runInContext(`{
    const Real = ArrayBuffer;
    globalThis.limit = Infinity;
    globalThis.memory = 0;
    globalThis.ArrayBuffer = new Proxy(Real, {
      construct(target, args, newTarget) {
        if (args[0] > globalThis.limit) throw new RangeError('Array buffer allocation failed');
        if (args[0] >= 2 ** 20 && args[0] % 65536 === 0) globalThis.memory = args[0];
        return Reflect.construct(target, args, newTarget);
      },
    });
  }`, context);
  vm.runInContext(readFileSync(new URL('../../pkg/js/index.cjs', import.meta.url), 'utf8'), context, { filename: 'centile.js' });
  const big = bundle(1999);
  context.SMALL = SMALL;
  context.BUNDLE = big;
  const run = (code) => vm.runInContext(`(() => { try { return JSON.stringify(${code}); } catch (e) {
    return { name: e.name, status: e.status, detail: e.detail, message: String(e) }; } })()`, context);
  const small = run("centile.calculation('uk-who', SMALL)");
  assert.equal(small, JSON.stringify(require('../../pkg/node/index.cjs').calculation('uk-who', SMALL)));
  // No buffer larger than the instance's memory now: it cannot grow, and a new instance still starts.
  vm.runInContext('limit = memory', context);
  outOfMemory(run("centile.fhirCalculation('uk-who', BUNDLE)"));
  assert.equal(run("centile.calculation('uk-who', SMALL)"), small);
  vm.runInContext('limit = Infinity', context);
  assert.equal(run("centile.fhirCalculation('uk-who', BUNDLE)"), JSON.stringify(require('../../pkg/node/index.cjs').fhirCalculation('uk-who', big)));
});

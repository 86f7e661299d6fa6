// The package's ES module entries in Node: the default browser/bundler entry (the .wasm carried as text,
// instantiated on first use) against the golden vectors, and `centile/web`'s behaviour around init().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wasmModuleSource } from '../../scripts/wasm-text.mjs';
import { xorshift32 } from '../common/random.mjs';
import { Report, attempt, checkCalculation, request } from './compare.mjs';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const { cases } = JSON.parse(readFileSync(new URL('../vectors/calculation.json', import.meta.url), 'utf8'));

test('the package ships two .wasm: the browsers\', without SIMD, whose bytes the default entry carries exactly, and Node\'s, with it', async () => {
  const wasmFiles = readdirSync(pkg, { recursive: true }).map(String).filter((f) => f.endsWith('.wasm')).sort();
  assert.deepEqual(wasmFiles, [path.join('node', 'centile_bg.wasm'), path.join('web', 'centile_bg.wasm')]);
  // A SIMD instruction anywhere in the browsers' module and engines without SIMD (Safari before 16.4) could not
  // compile it; Node's has them (sdsForMeasurements' pairs, engine::sds).
  const wasmDis = fileURLToPath(new URL('../../node_modules/.bin/wasm-dis', import.meta.url));
  const usesSimd = (file) => /\bv128\b/.test(execFileSync(wasmDis, [path.join(pkg, file)], { maxBuffer: 1 << 28 }).toString());
  assert.equal(usesSimd('web/centile_bg.wasm'), false);
  assert.equal(usesSimd('node/centile_bg.wasm'), true);
  const { wasmBytes } = await import(path.join(pkg, 'bundler/wasm.js'));
  assert.ok(Buffer.from(wasmBytes()).equals(readFileSync(path.join(pkg, 'web/centile_bg.wasm'))));
  // Nothing a minifier would escape, and no `</script`.
  assert.match(readFileSync(path.join(pkg, 'bundler/wasm.js'), 'utf8'), /^[\x20-\x7e\n]*$/);
});

test('the text code carries any bytes exactly: every byte value, escapes across the decoder\'s chunks, any length', async () => {
  const rand = xorshift32(20261207);
  const wasmAs = fileURLToPath(new URL('../../node_modules/.bin/wasm-as', import.meta.url));
  // Every byte value, then bytes skewed so that some are rare (two characters each) and some runs have none of
  // them; lengths around the decoder's chunk (32,768 characters, one copy of its loop each) and its four-character
  // step.
  for (const n of [0, 1, 2, 3, 32512, 32513, 32768, 70001]) {
    const bytes = Uint8Array.from({ length: 256 + n }, (_, i) => (i < 256 ? i : Math.floor(256 * rand() ** 3)));
    const source = wasmModuleSource(bytes, '', wasmAs);
    const { wasmBytes } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    assert.ok(Buffer.from(wasmBytes()).equals(Buffer.from(bytes)), `${n} bytes`);
  }
});

test('the default entry answers the golden calculation vectors without any init call', async () => {
  const centile = await import(path.join(pkg, 'bundler/index.js'));
  const subset = cases.filter((_, i) => i % 7 === 0);
  const r = new Report();
  for (const c of subset) checkCalculation(r, c, attempt(() => centile.calculation(c[0], request(c))));
  r.done('calculation (default entry)', subset.length);
  assert.throws(() => centile.calculation('uk-who', { birth_date: 'x' }), (e) => e instanceof centile.CentileError && e.status === 422);
});

// Each scenario in a fresh process: the glue module holds one instance per process.
const web = (script) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `
  import init, { initSync, calculation, CentileError } from ${JSON.stringify(path.join(pkg, 'web/index.js'))};
  import { readFileSync } from 'node:fs';
  const body = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' };
  const outcome = (fn) => { try { return { sds: fn().measurement_calculated_values.corrected_sds }; }
    catch (e) { return { name: e.name, isCentileError: e instanceof CentileError, status: e.status, message: e.message, type: e.detail?.[0]?.type }; } };
  const wasm = () => readFileSync(${JSON.stringify(path.join(pkg, 'web/centile_bg.wasm'))});
  ${script}`], { encoding: 'utf8' }));

test('centile/web: a call before init() throws a CentileError (503) saying to await init()', () => {
  const out = web(`console.log(JSON.stringify(outcome(() => calculation('uk-who', body))));`);
  assert.equal(out.isCentileError, true);
  assert.equal(out.name, 'CentileError');
  assert.equal(out.status, 503);
  assert.equal(out.type, 'unavailable');
  assert.match(out.message, /not initialised: call `await init\(\)`/);
});

test('centile/web: a call while init() is still running says the same; after it, calls answer', () => {
  const out = web(`
    const pending = init({ module_or_path: Promise.resolve(wasm()) });
    const during = outcome(() => calculation('uk-who', body));
    await pending;
    console.log(JSON.stringify({ during, after: outcome(() => calculation('uk-who', body)) }));`);
  assert.equal(out.during.status, 503);
  assert.match(out.during.message, /await init\(\)/);
  assert.equal(typeof out.after.sds, 'number');
});

test('centile/web: a failed init() rejects with its reason, and later calls repeat it', () => {
  const out = web(`
    let rejected;
    try { await init({ module_or_path: new Uint8Array([0, 97, 115, 109, 9]) }); } catch (e) { rejected = { isCentileError: e instanceof CentileError, status: e.status, message: e.message, cause: e.cause?.name }; }
    const later = outcome(() => calculation('uk-who', body));
    initSync({ module: wasm() });
    console.log(JSON.stringify({ rejected, later, recovered: outcome(() => calculation('uk-who', body)) }));`);
  assert.equal(out.rejected.isCentileError, true);
  assert.equal(out.rejected.status, 503);
  assert.equal(out.rejected.cause, 'CompileError');
  assert.match(out.rejected.message, /^centile could not start its WebAssembly module: /);
  assert.equal(out.later.message, out.rejected.message);
  assert.equal(typeof out.recovered.sds, 'number');
});

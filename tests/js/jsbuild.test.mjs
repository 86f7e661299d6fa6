// centile/js, the pure-JavaScript build (pkg/js): its UTF-8 helpers against Node's, memory growth, a bare script
// runtime with no WebAssembly or host globals, and the ES module and CommonJS files agreeing with the wasm build.
// (Every golden vector runs through it too: tests/js/conformance, charts and fictional with CENTILE_BUILD=js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { TextDecoder as Utf8Decoder, TextEncoder as Utf8Encoder } from '../../pkg-template/js/utf8.js';
import { xorshift32 } from '../common/random.mjs';

const require = createRequire(import.meta.url);
const wasmBuild = require('../../pkg/node/index.cjs');
const jsBuild = require('../../pkg/js/index.cjs');
const jsSource = readFileSync(new URL('../../pkg/js/index.cjs', import.meta.url), 'utf8');

const child = { birth_date: '2019-02-11', observation_date: '2023-06-30', observation_value: 101.3, sex: 'female',
  measurement_method: 'height', gestation_weeks: 33, gestation_days: 4 };

// Deterministic random input.
const rand = xorshift32(20261129);

test('UTF-8 decoder matches TextDecoder (replacement mode, BOM kept) on random and malformed bytes', () => {
  const ours = new Utf8Decoder(), node = new TextDecoder('utf-8', { ignoreBOM: true });
  // Bytes biased towards the interesting ranges: ASCII, continuation bytes, every lead byte, the BOM.
  const pools = [[0x00, 0x7f], [0x80, 0xbf], [0xc0, 0xdf], [0xe0, 0xef], [0xf0, 0xff]];
  const cases = [[0xef, 0xbb, 0xbf, 0x41], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80], [0xf0, 0x9f, 0x98], [0xc2]];
  for (let k = 0; k < 20000; k++) {
    const n = Math.floor(rand() * 12);
    cases.push(Array.from({ length: n }, () => { const [lo, hi] = pools[Math.floor(rand() * pools.length)]; return lo + Math.floor(rand() * (hi - lo + 1)); }));
  }
  const long = new Uint8Array(100000).map(() => Math.floor(rand() * 256));
  for (const bytes of [...cases.map((c) => new Uint8Array(c)), long]) {
    assert.equal(ours.decode(bytes), node.decode(bytes), `bytes ${[...bytes.slice(0, 16)]}`);
  }
  assert.equal(ours.decode(), '');
});

test('UTF-8 encoder matches TextEncoder, encodeInto included, lone surrogates as U+FFFD', () => {
  const ours = new Utf8Encoder(), node = new TextEncoder();
  const units = [0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xe9, 0x20ac, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffd, 0xffff, 0xd83d, 0xde00];
  const strings = ['', 'ascii only', 'Zoë — 5th centile', '😀 𝄞 𐍈', '\ud800', 'a\udc00b', '\ud83d\ude00\ud83d'];
  for (let k = 0; k < 20000; k++) {
    strings.push(String.fromCharCode(...Array.from({ length: Math.floor(rand() * 10) }, () => units[Math.floor(rand() * units.length)])));
  }
  for (const s of strings) {
    assert.deepEqual(ours.encode(s), node.encode(s), JSON.stringify(s));
    for (const room of [0, 1, 2, 3, 4, 7, 64]) {
      const a = new Uint8Array(room), b = new Uint8Array(room);
      assert.deepEqual(ours.encodeInto(s, a), node.encodeInto(s, b), `${JSON.stringify(s)} into ${room}`);
      assert.deepEqual(a, b);
    }
  }
});

test('text stays right after the JavaScript memory grows', () => {
  const before = JSON.stringify(jsBuild.calculation('uk-who', child));
  assert.equal(before, JSON.stringify(wasmBuild.calculation('uk-who', child)));
  // 4 M values: the copies alone need more than the memory has, so it grows (a new ArrayBuffer in wasm2js).
  const n = 4_000_000, ages = new Float64Array(n).fill(7.5), heights = new Float64Array(n).fill(125);
  const sds = jsBuild.sdsForMeasurements('uk-who', 'height', 'female', ages, heights);
  assert.equal(sds.length, n);
  assert.equal(sds[n - 1], wasmBuild.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'female', age: 7.5, observation_value: 125 }));
  for (const reference of ['uk-who', 'who', 'cdc']) {
    assert.equal(JSON.stringify(jsBuild.calculation(reference, child)), JSON.stringify(wasmBuild.calculation(reference, child)), reference);
  }
  assert.throws(() => jsBuild.calculation('uk-who', { ...child, observation_value: -1 }), (e) => e.name === 'CentileError' && e.detail[0].loc[1] === 'observation_value');
});

test('sdsForMeasurements: the wasm build (two values at a time, with SIMD) and centile/js (one at a time) agree bit for bit', () => {
  const bits = (xs) => new BigUint64Array(Float64Array.from(xs, (x) => (Number.isNaN(x) ? NaN : x)).buffer);
  const methods = ['height', 'weight', 'ofc', 'bmi'];
  let finite = 0;
  for (const reference of ['uk-who', 'who', 'cdc', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome']) {
    for (const method of methods) {
      for (const sex of ['male', 'female']) {
        // Random ages from before birth to beyond every reference, then the same in increasing and decreasing
        // order (long runs of one table), with values that are not measurements among them.
        const n = 6000, random = Float64Array.from({ length: n }, () => -1 + rand() * 22);
        const ages = Float64Array.from([...random, ...[...random].sort((a, b) => a - b), ...[...random].sort((a, b) => b - a)]);
        const values = Float64Array.from(ages, (_, i) => [0, -3, NaN, Infinity, 1e308][i % 97] ?? 0.5 + rand() * 250);
        const answer = (build) => { try { return bits(build.sdsForMeasurements(reference, method, sex, ages, values)); } catch (e) { return e.message; } };
        const [wasm, js] = [answer(wasmBuild), answer(jsBuild)];
        assert.deepEqual(wasm, js, `${reference} ${method} ${sex}`);
        if (typeof wasm !== 'string') finite += Float64Array.from(new Float64Array(wasm.buffer)).filter(Number.isFinite).length;
      }
    }
  }
  assert.ok(finite > 500_000, `${finite}`);
});

test('the ES module and the CommonJS file give the wasm build\'s answers', async () => {
  const esm = await import('../../pkg/js/index.js');
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(wasmBuild).sort());
  assert.deepEqual(Object.keys(jsBuild).sort(), Object.keys(wasmBuild).sort());
  const request = { sex: 'male', measurement_method: 'weight', centile_format: 'three-percent-centiles' };
  for (const build of [esm, jsBuild]) {
    assert.equal(JSON.stringify(build.chartCoordinates('who', request)), JSON.stringify(wasmBuild.chartCoordinates('who', request)));
    assert.equal(JSON.stringify(build.bulkCalculation('cdc', { ...child, observations: [child, { ...child, observation_value: 0 }] })),
      JSON.stringify(wasmBuild.bulkCalculation('cdc', { ...child, observations: [child, { ...child, observation_value: 0 }] })));
    assert.ok(new build.CentileError('x', []) instanceof Error);
  }
});

test('a bare script runtime (node:vm, no WebAssembly, TextDecoder, fetch or Node globals) runs it as a plain script', () => {
  const context = vm.createContext({});
  vm.runInContext('delete globalThis.WebAssembly;', context);
  const absent = vm.runInContext(`['WebAssembly', 'TextDecoder', 'TextEncoder', 'fetch', 'process', 'require', 'module', 'Buffer', 'window', 'self']
    .filter((name) => typeof globalThis[name] !== 'undefined')`, context);
  assert.deepEqual([...absent], []);
  vm.runInContext(jsSource, context, { filename: 'centile.js' });
  const run = (code) => JSON.parse(vm.runInContext(`JSON.stringify(${code})`, context));
  assert.deepEqual(run(`centile.calculation('uk-who', ${JSON.stringify(child)})`), JSON.parse(JSON.stringify(wasmBuild.calculation('uk-who', child))));
  assert.deepEqual(run(`centile.midParentalHeight({ height_maternal: 163, height_paternal: 178, sex: 'female', reference: 'uk-who' })`),
    JSON.parse(JSON.stringify(wasmBuild.midParentalHeight({ height_maternal: 163, height_paternal: 178, sex: 'female', reference: 'uk-who' }))));
  assert.deepEqual(run(`Array.from(centile.sdsForMeasurements('who', 'weight', 'male', new Float64Array([1, 2]), new Float64Array([10, 12])))`),
    Array.from(wasmBuild.sdsForMeasurements('who', 'weight', 'male', new Float64Array([1, 2]), new Float64Array([10, 12]))));
  const error = run(`(() => { try { centile.sdsForCentile(120); } catch (e) { return { name: e.name, status: e.status, detail: e.detail }; } })()`);
  assert.equal(error.name, 'CentileError');
  assert.equal(error.status, 422);
});

// Bounded cost. Documented limits answer a 422 at once; what a request does not need is never read;
// and the wasm memory stays flat over repeated large calls (it can grow, never shrink, so it must not creep).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const raw = require('../../pkg/node/centile.js');
const term = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' };
const tooLarge = (fn, loc) => assert.throws(fn, (e) => e instanceof api.CentileError && e.detail[0].type === 'too_large'
  && e.detail[0].loc.join() === loc.join() && e.detail[0].input === null, loc.join());
const m = (age, value) => ({ child_observation_value: { measurement_method: 'height', observation_value: value },
  measurement_dates: { chronological_decimal_age: age } });

test('limits: depth 32, 1,000 keys, 10,000 items, 4,000,000 characters', () => {
  let deep = 1;
  for (let i = 0; i < 32; i++) deep = [deep];
  api.calculation('uk-who', { ...term, events_text: deep.flat(30) }); // 4 levels: allowed
  // The body is level 1, events_text 2: the 32nd level inside it is the 33rd.
  tooLarge(() => api.calculation('uk-who', { ...term, events_text: [deep] }), ['body', 'events_text', ...Array(31).fill(0)]);
  const keys = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i]));
  tooLarge(() => api.calculation('uk-who', { ...term, events_text: [keys] }), ['body', 'events_text', 0]);
  const observations = Array.from({ length: 10001 }, () => ({ observation_date: '2021-01-01', observation_value: 75 }));
  tooLarge(() => api.bulkCalculation('uk-who', { ...term, observations }), ['body', 'observations']);
  assert.equal(api.bulkCalculation('uk-who', { ...term, observations: observations.slice(1) }).results.length, 10000);
  tooLarge(() => api.velocity('height', Array.from({ length: 10001 }, (_, i) => m(i, 50 + i))), ['body', 'measurements']);
  tooLarge(() => api.calculation('uk-who', { ...term, events_text: ['x'.repeat(4000001)] }), ['body']);
});

test('what a request does not need is never read: unknown fields, and all but three parts of a measurement object', () => {
  let reads = 0;
  const counting = new Proxy({}, { ownKeys() { reads++; return []; }, get() { reads++; } });
  const junk = Object.fromEntries(Array.from({ length: 100000 }, (_, i) => [`k${i}`, i]));
  const want = JSON.stringify(api.calculation('uk-who', term));
  assert.equal(JSON.stringify(api.calculation('uk-who', { ...term, junk, counting })), want);
  assert.equal(JSON.stringify(api.calculation('uk-who', { ...term, junk, counting, bone_age: null, events_text: [] })).length > 0, true);
  const full = api.calculation('uk-who', term), later = api.calculation('uk-who', { ...term, observation_date: '2021-07-01', observation_value: 80 });
  assert.ok(api.velocity('height', [{ ...full, junk, counting }, { ...later, junk, counting }]) > 0);
  assert.equal(reads, 0);
});

test('wasm memory stays flat over repeated large calls', () => {
  const observations = Array.from({ length: 5000 }, (_, i) => ({ observation_date: '2021-01-01', observation_value: i % 2 ? 75 : -1 }));
  const measurements = Array.from({ length: 10000 }, (_, i) => m(i / 500, 50 + i / 100));
  const ages = new Float64Array(1000000).fill(8), values = new Float64Array(1000000).fill(128);
  const round = () => {
    api.bulkCalculation('uk-who', { ...term, observations }); // errors on alternate entries: the general path
    api.velocity('height', measurements);
    api.sdsForMeasurements('uk-who', 'height', 'male', ages, values);
    api.chartCoordinates('uk-who', { sex: 'female', measurement_method: 'weight' });
  };
  round();
  const working = raw.linearMemory().buffer.byteLength;
  for (let i = 0; i < 5; i++) round();
  const after = raw.linearMemory().buffer.byteLength;
  console.log(`wasm memory: ${working / 2 ** 20} MiB after one round of large calls, ${after / 2 ** 20} MiB after five more`);
  assert.ok(after <= working * 1.1, `${working} -> ${after}`);
  assert.ok(working < 256 * 2 ** 20, `${working}`);
});

test('sdsForMeasurements: a plain array of more than 10,000,000 items is a 422 at once, however sparse', () => {
  for (const n of [10000001, 2 ** 28, 2 ** 32 - 1]) {
    tooLarge(() => api.sdsForMeasurements('uk-who', 'height', 'male', new Float64Array(1), new Array(n)), ['body', 'values']);
    tooLarge(() => api.sdsForMeasurements('uk-who', 'height', 'male', new Array(n), new Float64Array(1)), ['body', 'ages']);
  }
});

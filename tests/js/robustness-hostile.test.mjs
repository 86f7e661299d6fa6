// No caller's value can break the instance. Each trigger the audit found is repeated far more often
// than it took to break the 0.1.0 build (a JavaScript exception unwinding through wasm frames left every export
// trapping until reload); each must give a CentileError or rethrow the caller's own exception, from JavaScript, and
// afterwards every export must still give the golden vectors' answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { assertEveryExportAnswers } from './golden.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const term = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' };
const notTrapped = (e) => !(e instanceof WebAssembly.RuntimeError) && !/unreachable|out of bounds/.test(String(e && e.message));

/** Calls `fn` `times` times; each call must throw an error accepted by `check`. */
function everyCallThrows(times, fn, check) {
  for (let i = 0; i < times; i++) {
    assert.throws(fn, (e) => notTrapped(e) && check(e), `call ${i}`);
  }
}

test('an array nested 10,000 deep: a 422 naming the depth limit, every time', () => {
  let deep = 1;
  for (let i = 0; i < 10000; i++) deep = [deep];
  everyCallThrows(3000, () => api.centileForSds(deep), (e) => e instanceof api.CentileError && e.detail[0].type === 'too_large'
    && e.detail[0].loc[1] === 'sds');
  everyCallThrows(300, () => api.calculation('uk-who', { ...term, events_text: deep }), (e) => e instanceof api.CentileError
    && e.detail[0].loc.slice(0, 2).join() === 'body,events_text');
  assertEveryExportAnswers(api);
});

test("a getter that throws: the caller's own exception, every time, from every export that reads requests", () => {
  const mine = new Error('from the caller');
  const hostile = () => Object.defineProperty({ ...term, observations: [term] }, 'sex', { enumerable: true, get() { throw mine; } });
  const calls = [(b) => api.calculation('uk-who', b), (b) => api.bulkCalculation('uk-who', b), (b) => api.chartCoordinates('uk-who', b),
    (b) => api.fictionalChildData('uk-who', b), (b) => api.midParentalHeight(b), (b) => api.thriveLine(b)];
  for (const call of calls) everyCallThrows(1000, () => call(hostile()), (e) => e === mine);
  // Inside a list too.
  const observation = Object.defineProperty({}, 'observation_value', { enumerable: true, get() { throw mine; } });
  everyCallThrows(1000, () => api.bulkCalculation('uk-who', { ...term, observations: [term, observation] }), (e) => e === mine);
  assertEveryExportAnswers(api);
});

test('a revoked Proxy (a stale Immer draft): a TypeError from JavaScript, every time', () => {
  const { proxy, revoke } = Proxy.revocable({ ...term }, {});
  revoke();
  const calls = [() => api.calculation('uk-who', proxy), () => api.calculation('uk-who', { ...term, events_text: [proxy] }),
    () => api.bulkCalculation('uk-who', { ...term, observations: [proxy] }),
    () => api.bulkCalculation('uk-who', proxy), () => api.sdsForMeasurement(proxy), () => api.velocity('height', [proxy, proxy]),
    () => api.centileForSds(proxy), () => api.sdsForMeasurements('uk-who', 'height', 'male', proxy, proxy)];
  for (const call of calls) everyCallThrows(3000, call, (e) => e instanceof TypeError);
  assertEveryExportAnswers(api);
});

test('a detached Float64Array: a CentileError naming the argument, every time', () => {
  const ages = new Float64Array([1, 2, 3]), values = new Float64Array([80, 90, 100]);
  structuredClone(ages.buffer, { transfer: [ages.buffer] });
  assert.equal(ages.length, 0);
  everyCallThrows(8000, () => api.sdsForMeasurements('uk-who', 'height', 'male', ages, values),
    (e) => e instanceof api.CentileError && e.detail[0].loc.join() === 'body,ages');
  assertEveryExportAnswers(api);
});

test('symbols, BigInts and other non-numbers in plain arrays: NaN in their places, every time', () => {
  const ages = [Symbol('age'), 10n, null, true, '10', {}, undefined, 10];
  const values = [140, 140, 140, 140, 140, 140, 140, 140];
  const want = api.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 10, observation_value: 140 });
  for (let i = 0; i < 8000; i++) {
    const got = api.sdsForMeasurements('uk-who', 'height', 'male', ages, values);
    assert.deepEqual([...got.slice(0, 7)].map(Number.isNaN), [true, true, true, true, true, true, true]);
    assert.equal(got[7], want);
  }
  assertEveryExportAnswers(api);
});

test('symbols, BigInts and functions in a request: a 422 whose loc names the field', () => {
  for (const bad of [Symbol('x'), 10n, () => 1]) {
    for (let i = 0; i < 1000; i++) {
      assert.throws(() => api.calculation('uk-who', { ...term, gestation_weeks: bad }),
        (e) => e instanceof api.CentileError && e.detail.some((d) => d.loc.join() === 'body,gestation_weeks'));
      assert.throws(() => api.centileForSds(bad), (e) => e instanceof api.CentileError && e.detail[0].loc.join() === 'body,sds');
      assert.throws(() => api.sdsForMeasurement({ reference: bad, measurement_method: 'height', sex: 'male', age: 1, observation_value: 75 }),
        (e) => e instanceof api.CentileError && e.detail[0].loc.join() === 'body,reference');
    }
  }
  assertEveryExportAnswers(api);
});

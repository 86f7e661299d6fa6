// A structured fuzzer over every export of the package: valid requests mutated field by field, random
// JSON values, values JSON cannot carry, typed arrays, deep nesting, long lists, getters and proxies (some hostile:
// they throw, or are revoked). Invariants checked on every execution:
//   1. nothing ever traps (no WebAssembly.RuntimeError, no "unreachable" or "out of bounds");
//   2. on non-hostile input every error is a CentileError: status 422, a non-empty detail of {loc, msg, type,
//      input: null}; hostile input may instead throw the caller's own exception (or a TypeError from a revoked
//      Proxy), from JavaScript;
//   3. numbers returned are finite (sdsForMeasurements: finite or NaN);
//   4. calculation and bulkCalculation give the same outcome on the fast and the general path;
//   5. every 1,000 executions the instance still gives the golden answer;
//   6. with `against` (another build, tests/js/differential.test.mjs), every execution on non-hostile input gives
//      the same outcome there.
// `node tests/js/fuzz.mjs [executions] [seed]` runs it standalone and prints the counts.
import assert from 'node:assert/strict';
import { fast as api, general, outcome } from './paths.mjs';
import { xorshift32 } from '../common/random.mjs';

const term = { birth_date: '2015-03-01', observation_date: '2021-06-15', observation_value: 121.5, sex: 'female', measurement_method: 'height',
  gestation_weeks: 33, gestation_days: 2 };
const measurement = (age, value) => ({ child_observation_value: { measurement_method: 'height', observation_value: value },
  measurement_dates: { chronological_decimal_age: age } });
// One valid call per export: [name, arguments].
const VALID = [
  ['calculation', ['uk-who', term]],
  ['calculation', ['who', { ...term, measurement_method: 'weight', observation_value: 20.1, bone_age: 6, bone_age_type: 'fels', events_text: ['a'] }]],
  ['bulkCalculation', ['cdc', { ...term, observations: [{ observation_date: '2016-01-01', observation_value: 70 }, { observation_date: '2021-06-15', observation_value: 121.5 }] }]],
  ['chartCoordinates', ['uk-who', { sex: 'male', measurement_method: 'bmi', centile_format: [2, 50, 98], is_sds: false }]],
  ['midParentalHeight', [{ height_maternal: 165, height_paternal: 180, sex: 'male', reference: 'uk-who' }]],
  ['fictionalChildData', ['trisomy-21', { measurement_method: 'weight', sex: 'male', start_chronological_age: 1, end_age: 3, measurement_interval_number: 6, drift: 'true', noise: 1, seed: 3 }]],
  ['velocity', ['height', [measurement(1, 75), measurement(2, 86)]]],
  ['acceleration', ['height', [measurement(1, 75), measurement(2, 86), measurement(3, 95)]]],
  ['thriveLine', [{ sex: 'female', start_sds: -0.5, months: [1, 2, 3], target_centile: 9 }]],
  ['sdsForMeasurement', [{ reference: 'uk-who', measurement_method: 'ofc', sex: 'male', age: 0.5, observation_value: 43 }]],
  ['measurementFromSds', [{ reference: 'cdc', measurement_method: 'weight', sex: 'female', age: 4, sds: 1.2 }]],
  ['sdsForMeasurements', ['uk-who', 'height', 'male', new Float64Array([4, 8, 12]), [100, 128, 150]]],
  ['centileForSds', [1.3]],
  ['sdsForCentile', [91]],
  ['bmiFromHeightWeight', [150, 45]],
  ['percentageMedianBmi', [{ reference: 'uk-who', sex: 'male', age: 10, bmi: 17 }]],
];
const SCALAR = new Set(['sdsForMeasurement', 'centileForSds', 'sdsForCentile', 'bmiFromHeightWeight', 'percentageMedianBmi', 'velocity', 'acceleration']);

export function fuzz({ executions = Infinity, seconds = Infinity, seed = 1, against = null, progress = () => {} } = {}) {
  const rand = xorshift32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const mine = new Error('the caller’s own');
  let hostile = false;
  const nested = (depth) => { let v = pick([1, 'x', null]); for (let i = 0; i < depth; i++) v = rand() < 0.5 ? [v] : { a: v }; return v; };
  const json = (depth) => {
    const r = rand();
    if (depth <= 0 || r < 0.4) return pick([null, true, false, 0, -1, 1.5, 1e308, -1e-308, 'x', '', '2020-02-29', 'male', 'height', '12', ' 7 ']);
    if (r < 0.7) return Array.from({ length: int(4) }, () => json(depth - 1));
    const o = {};
    for (let i = int(4); i > 0; i--) o[pick(['a', 'sex', 'age', 'observation_value', '__proto__', 'constructor', String(i)])] = json(depth - 1);
    return o;
  };
  const weird = (original) => {
    switch (int(24)) {
      case 0: return undefined;
      case 1: return null;
      case 2: return NaN;
      case 3: return pick([Infinity, -Infinity, -0, 5e-324, 2 ** 32 + 30, 2 ** 53 + 1, 1e19]);
      case 4: return typeof original === 'number' ? String(original) : typeof original === 'string' ? [original] : original;
      case 5: return pick(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']);
      case 6: return Symbol('s');
      case 7: return 10n;
      case 8: return () => 1;
      case 9: return json(3);
      case 10: return nested(rand() < 0.002 ? 10000 : 20 + int(30));
      case 11: return pick([new Float64Array([1, NaN, 3]), new Int8Array(3), new BigInt64Array(2), new DataView(new ArrayBuffer(8)), new Uint8Array(0)]);
      case 12: return pick([new Date(0), new Map([[1, 2]]), new Set([1]), new String('male'), Object.create(null), /x/]);
      case 13: return rand() < 0.02 ? Array.from({ length: 10001 }, () => 1) : Array.from({ length: int(5) }, () => original);
      case 14: return typeof original === 'number' ? original * pick([0.5, 2, 10, -1, 1 + 1e-9]) : original;
      case 15: return typeof original === 'string' ? original.slice(0, int(original.length + 1)) + pick(['', '0', '-', ' ', 'T00:00']) : original;
      case 16: return new Proxy(typeof original === 'object' && original !== null ? original : {}, {});
      case 17: { hostile = true; const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }
      case 18: { hostile = true; return new Proxy({}, { ownKeys() { throw mine; }, get() { throw mine; }, getOwnPropertyDescriptor() { throw mine; } }); }
      default: return original;
    }
  };
  const mutate = (value, depth) => {
    if (depth > 3 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return rand() < 0.3 ? weird(value) : value;
    const copy = Array.isArray(value) ? value.slice() : { ...value };
    const keys = Object.keys(copy);
    for (let n = 1 + int(2); n > 0 && keys.length > 0; n--) {
      const key = keys.splice(int(keys.length), 1)[0];
      if (rand() < 0.1) {
        delete copy[key];
      } else if (rand() < 0.08 && !Array.isArray(copy)) {
        hostile = true;
        Object.defineProperty(copy, key, { enumerable: true, get() { throw mine; } });
      } else if (rand() < 0.05 && !Array.isArray(copy)) {
        const v = copy[key];
        Object.defineProperty(copy, key, { enumerable: true, get: () => v });
      } else {
        copy[key] = rand() < 0.5 ? mutate(copy[key], depth + 1) : weird(copy[key]);
      }
    }
    return copy;
  };
  const golden = JSON.stringify(api.calculation('uk-who', term));
  const stats = { executions: 0, answers: 0, centileErrors: 0, hostile: 0, callerExceptions: 0, compared: 0, differential: 0 };
  const t0 = Date.now();
  const trapped = (e) => e instanceof WebAssembly.RuntimeError || /unreachable|out of bounds|RuntimeError/.test(String(e && e.message));
  while (stats.executions < executions && (stats.executions & 255 || (Date.now() - t0) / 1000 < seconds)) {
    hostile = false;
    const [name, args] = pick(VALID);
    const mutated = args.map((a) => (rand() < 0.5 ? mutate(a, 0) : rand() < 0.1 ? weird(a) : a));
    const id = () => `execution ${stats.executions} (seed ${seed}): ${name}`;
    let result;
    try {
      result = api[name](...mutated);
      stats.answers++;
    } catch (e) {
      assert.ok(!trapped(e), `${id()} trapped: ${e && e.message}`);
      if (e instanceof api.CentileError) {
        // 422, or 404 for an unknown reference (a route the API does not have).
        const status = Array.isArray(e.detail) && e.detail.some((d) => d.type === 'enum' && d.loc?.[0] === 'path') ? 404 : 422;
        assert.ok(e.status === status && Array.isArray(e.detail) && e.detail.length > 0 && typeof e.message === 'string', `${id()}: ${e.status} ${JSON.stringify(e.detail)}`);
        for (const d of e.detail) {
          assert.ok(Array.isArray(d.loc) && ['body', 'path', 'options'].includes(d.loc[0]) && typeof d.msg === 'string'
            && typeof d.type === 'string' && d.input === null, `${id()}: ${JSON.stringify(d)}`);
        }
        stats.centileErrors++;
      } else {
        assert.ok(hostile && (e === mine || e instanceof TypeError), `${id()} threw ${e && e.name}: ${e && e.message}`);
        stats.callerExceptions++;
      }
    }
    if (hostile) stats.hostile++;
    if (result !== undefined) {
      if (SCALAR.has(name)) assert.ok(Number.isFinite(result), `${id()} answered ${result}`);
      if (name === 'measurementFromSds') assert.ok(Number.isFinite(result), `${id()} answered ${result}`);
      if (name === 'sdsForMeasurements') assert.ok([...result].every((x) => Number.isFinite(x) || Number.isNaN(x)), id());
    }
    if (!hostile && (name === 'calculation' || name === 'bulkCalculation')) {
      const a = outcome(() => api[name](...mutated)), b = outcome(() => general[name](...mutated));
      assert.deepEqual(a, b, `${id()}: fast and general paths differ`);
      stats.compared++;
    }
    if (against !== null && !hostile) {
      assert.deepEqual(outcome(() => against[name](...mutated)), outcome(() => api[name](...mutated)), `${id()}: the builds differ`);
      stats.differential++;
    }
    stats.executions++;
    if (stats.executions % 1000 === 0) assert.equal(JSON.stringify(api.calculation('uk-who', term)), golden, `${id()}: golden answer changed`);
    if (stats.executions % 100000 === 0) progress({ ...stats, seconds: (Date.now() - t0) / 1000 });
  }
  stats.seconds = (Date.now() - t0) / 1000;
  return stats;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const executions = Number(process.argv[2] || 1e6), seed = Number(process.argv[3] || 1);
  const stats = fuzz({ executions, seed, progress: (p) => console.log(JSON.stringify(p)) });
  console.log(`done: ${JSON.stringify(stats)}`);
}

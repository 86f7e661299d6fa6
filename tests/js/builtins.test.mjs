// Builtins patched by other code on the page never change an answer: after the package has loaded, each builtin a
// call uses is replaced by one that lies, in the wasm build and in centile/js, and every export must still give
// the answers it gave before (and leave the replacement in place); so must builtins deleted or made getters (one
// that throws among them). propertyIsEnumerable replaced before the package loads must not let an inherited field
// be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const BUILDS = { wasm: '../../pkg/node/index.cjs', js: '../../pkg/js/index.cjs' };

const child = { birth_date: '2015-03-01', observation_date: '2021-06-15', observation_value: 121.5, sex: 'female',
  measurement_method: 'height', gestation_weeks: 33, gestation_days: 2 };
const m = (age, value) => ({ child_observation_value: { measurement_method: 'height', observation_value: value },
  measurement_dates: { chronological_decimal_age: age } });
const fhir = { resourceType: 'Bundle', type: 'collection', entry: [
  { resource: { resourceType: 'Patient', id: 'p1', birthDate: '2020-01-01', gender: 'male' } },
  { resource: { resourceType: 'Observation', id: 'h', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }] },
    subject: { reference: 'Patient/p1' }, effectiveDateTime: '2020-09-01', valueQuantity: { value: 70, unit: 'cm' } } }] };

/** One call of every export, with the typed and plain arrays each reads. */
const calls = (c) => ({
  fast: () => c.calculation('uk-who', child),
  general: () => c.calculation('uk-who', { ...child, bone_age: 6 }),
  bulk: () => c.bulkCalculation('cdc', { ...child, observations: [{ observation_date: '2016-01-01', observation_value: 70 }, { observation_date: '2021-06-15', observation_value: -1 }] }),
  chart: () => c.chartCoordinates('uk-who', { sex: 'male', measurement_method: 'bmi', centile_format: [2, 50, 98] }),
  midParental: () => c.midParentalHeight({ height_maternal: 165, height_paternal: 180, sex: 'male' }),
  fictional: () => c.fictionalChildData('uk-who', { measurement_method: 'weight', sex: 'male', end_age: 2, measurement_interval_number: 6 }),
  velocity: () => c.velocity('height', [m(1, 75), m(2, 86)]),
  thrive: () => c.thriveLine({ sex: 'female', start_sds: -0.5, months: [1, 2, 3], target_centile: 9 }),
  sds: () => c.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'ofc', sex: 'male', age: 0.5, observation_value: 43 }),
  fromSds: () => c.measurementFromSds({ reference: 'cdc', measurement_method: 'weight', sex: 'female', age: 4, sds: 1.2 }),
  typed: () => [...c.sdsForMeasurements('uk-who', 'height', 'male', new Float64Array([4, 8, 12]), new Float64Array([100, 128, 150]))],
  plain: () => [...c.sdsForMeasurements('uk-who', 'height', 'male', [4, 8, 12], new Int16Array([100, 128, 150]))],
  centile: () => c.centileForSds(1.3),
  bmi: () => c.bmiFromHeightWeight(150, 45),
  fromFhir: () => c.fromFhir(fhir),
  fhirCalculation: () => c.fhirCalculation('uk-who', fhir),
  bad: () => { try { c.calculation('uk-who', { ...child, sex: 'x' }); } catch (e) { return [e.name, e.message, e.detail]; } },
  // A 422 of the fast path, made once the call has put the builtins back.
  refused: () => {
    try {
      c.calculation('cdc', { ...child, measurement_method: 'bmi', observation_value: 400 });
    } catch (e) {
      return [e.name, e.message, e.detail, e.stack, e instanceof c.CentileError, e instanceof NativeError];
    }
  },
});

const typed = Object.getPrototypeOf(Uint8Array.prototype);
const NativeError = Error; // the test's own, as the calls may run with the global replaced
const liar = () => 1e308;
// [holder, key, replacement]: each lies in a way that would show in an answer.
const PATCHES = [
  [Float64Array.prototype, 'slice', function () { return new Float64Array(this.length).fill(1e308); }],
  [typed, 'slice', function () { return new this.constructor(this.length).fill(7); }],
  [typed, 'subarray', function () { return new this.constructor(this.length); }],
  [typed, 'set', () => {}],
  [Uint8Array.prototype, 'subarray', function () { return new Uint8Array(8); }],
  [Object, 'keys', () => []],
  [JSON, 'stringify', () => '1e308'],
  [Array, 'isArray', () => false],
  [Array, 'from', () => []],
  [ArrayBuffer, 'isView', () => false],
  [Float64Array, 'from', () => new Float64Array(3).fill(1e308)],
  [Math, 'floor', liar],
  [Math, 'min', () => 0],
  [Number, 'isInteger', () => false],
  [Reflect, 'set', () => false],
  [Object.prototype, 'propertyIsEnumerable', () => true],
  [Array.prototype, 'push', () => 0],
  [Array.prototype, 'slice', () => []],
  [Array.prototype, 'join', () => 'x'],
  [String.prototype, 'charCodeAt', () => 48],
  [String.prototype, 'slice', () => '1'],
  [Map.prototype, 'get', () => 'x'],
  [Function.prototype, 'apply', () => 1e308],
  [TextDecoder.prototype, 'decode', () => '{}'],
  [TextEncoder.prototype, 'encodeInto', () => ({ read: 0, written: 0 })],
  [DataView.prototype, 'getInt32', () => 0],
  [globalThis, 'String', () => '1e308'],
  [globalThis, 'Map', class { get() { return 'x'; } set() { return this; } }],
  [globalThis, 'Error', function () { return { name: 'CentileError', message: 'x', detail: [] }; }],
];

// [holder, key, descriptor]: builtins deleted (no descriptor) or made getters, one of which throws.
const REDEFINITIONS = [
  [Math, 'floor', undefined],
  [globalThis, 'Map', undefined],
  [globalThis, 'String', undefined],
  [Object, 'keys', { get: () => () => [], configurable: true }],
  [JSON, 'stringify', { get: () => () => '1e308', configurable: true }],
  [Array, 'isArray', { get() { throw new Error('a getter that throws'); }, configurable: true }],
  [typed, 'subarray', { get() { throw new Error('a getter that throws'); }, configurable: true }],
];

/**
 * Runs every call with `holder[key]` defined by `descriptor` (deleted when there is none); the outcomes as JSON,
 * taken once it is undone, and whether the calls left it as they found it.
 */
function patched(c, [holder, key, descriptor]) {
  const had = Object.getOwnPropertyDescriptor(holder, key);
  if (descriptor === undefined) delete holder[key];
  else Object.defineProperty(holder, key, descriptor);
  const outcomes = {};
  let kept;
  try {
    for (const [name, call] of Object.entries(calls(c))) {
      try {
        outcomes[name] = { ok: call() };
      } catch (e) {
        outcomes[name] = { threw: `${e && e.name}: ${e && e.message}` };
      }
    }
    const now = Object.getOwnPropertyDescriptor(holder, key);
    kept = descriptor === undefined ? now === undefined : now !== undefined && now.get === descriptor.get && now.value === descriptor.value;
  } finally {
    if (had) Object.defineProperty(holder, key, had);
    else delete holder[key];
  }
  return { json: JSON.stringify(outcomes), kept };
}

for (const [build, file] of Object.entries(BUILDS)) {
  test(`${build}: builtins replaced after load change no answer, and stay replaced`, () => {
    const c = require(file);
    const want = JSON.stringify(Object.fromEntries(Object.entries(calls(c)).map(([name, call]) => [name, { ok: call() }])));
    for (const [holder, key, replacement] of PATCHES) {
      const { json, kept } = patched(c, [holder, key, { value: replacement, writable: true, configurable: true }]);
      assert.equal(json, want, `${String(key)} replaced`);
      assert.ok(kept, `${String(key)} is still the replacement after the calls`);
    }
  });

  test(`${build}: builtins deleted or made getters after load change no answer, and stay so`, () => {
    const c = require(file);
    const want = JSON.stringify(Object.fromEntries(Object.entries(calls(c)).map(([name, call]) => [name, { ok: call() }])));
    for (const redefinition of REDEFINITIONS) {
      const { json, kept } = patched(c, redefinition);
      const what = `${String(redefinition[1])} ${redefinition[2] === undefined ? 'deleted' : 'made a getter'}`;
      assert.equal(json, want, what);
      assert.ok(kept, `${what}: still so after the calls`);
    }
  });

  test(`${build}: propertyIsEnumerable replaced before load still reads no inherited field`, () => {
    const out = execFileSync(process.execPath, ['-e', `
      Object.prototype.propertyIsEnumerable = function (key) { return key in this; };
      const c = require(${JSON.stringify(require.resolve(file))});
      Object.prototype.sex = 'female';
      let outcome;
      try { outcome = c.calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, measurement_method: 'height' }); }
      catch (e) { outcome = { name: e.name, loc: e.detail && e.detail[0].loc }; }
      delete Object.prototype.sex;
      console.log(JSON.stringify(outcome));`], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { name: 'CentileError', loc: ['body', 'sex'] });
  });
}

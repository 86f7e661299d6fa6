// Every build gives the same answer to every input: the wasm build against centile/js (wasm2js), on numbers at
// the edges of the doubles in every numeric field of every export, on random magnitudes, and under the structured
// fuzzer (tests/js/fuzz.mjs) with each execution repeated on centile/js. 0 differences allowed.
// CENTILE_FUZZ_SECONDS sets the fuzzer's time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fuzz } from './fuzz.mjs';
import { outcome } from './paths.mjs';
import { xorshift32 } from '../common/random.mjs';

const require = createRequire(import.meta.url);
const wasm = require('../../pkg/node/index.cjs');
const js = require('../../pkg/js/index.cjs');

const child = { birth_date: '2015-03-01', observation_date: '2021-06-15', observation_value: 121.5, sex: 'female',
  measurement_method: 'height', gestation_weeks: 33, gestation_days: 2 };
const m = (age, value) => ({ child_observation_value: { measurement_method: 'height', observation_value: value },
  measurement_dates: { chronological_decimal_age: age } });
const fhir = (value, gestationDays) => ({ resourceType: 'Bundle', type: 'collection', entry: [
  { resource: { resourceType: 'Patient', id: 'p1', birthDate: '2020-01-01', gender: 'male' } },
  { resource: { resourceType: 'Observation', id: 'h', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8302-2' }] },
    subject: { reference: 'Patient/p1' }, effectiveDateTime: '2020-09-01', valueQuantity: { value, unit: 'cm' } } },
  { resource: { resourceType: 'Observation', id: 'g', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '76516-4' }] },
    subject: { reference: 'Patient/p1' }, effectiveDateTime: '2020-01-01', valueQuantity: { value: gestationDays, unit: 'd' } } }] });

// One call per numeric field: x is the number under test.
const FIELDS = {
  'calculation observation_value': (c, x) => c.calculation('uk-who', { ...child, observation_value: x }),
  'calculation bone_age_sds': (c, x) => c.calculation('uk-who', { ...child, bone_age: 6, bone_age_sds: x }),
  'bulkCalculation observation_value': (c, x) => c.bulkCalculation('who', { ...child, observations: [{ observation_date: '2021-06-15', observation_value: x }] }),
  'chartCoordinates centile': (c, x) => c.chartCoordinates('uk-who', { sex: 'male', measurement_method: 'weight', centile_format: [x] }),
  'chartCoordinates sds': (c, x) => c.chartCoordinates('cdc', { sex: 'female', measurement_method: 'bmi', centile_format: [x], is_sds: true }),
  'midParentalHeight height_maternal': (c, x) => c.midParentalHeight({ height_maternal: x, height_paternal: 180, sex: 'male' }),
  'fictionalChildData start_sds': (c, x) => c.fictionalChildData('uk-who', { measurement_method: 'height', sex: 'male', end_age: 1, start_sds: x }),
  'fictionalChildData drift_range': (c, x) => c.fictionalChildData('uk-who', { measurement_method: 'height', sex: 'male', end_age: 1, drift: true, drift_range: x }),
  'fictionalChildData noise_range': (c, x) => c.fictionalChildData('uk-who', { measurement_method: 'height', sex: 'male', end_age: 1, noise: true, noise_range: x }),
  'velocity age': (c, x) => c.velocity('height', [m(1, 75), m(x, 86)]),
  'thriveLine start_sds': (c, x) => c.thriveLine({ sex: 'female', start_sds: x, months: [1, 2, 3] }),
  'thriveLine target_centile': (c, x) => c.thriveLine({ sex: 'female', start_sds: 0, months: [1, 2], target_centile: x }),
  'sdsForMeasurement age': (c, x) => c.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'ofc', sex: 'male', age: x, observation_value: 43 }),
  'sdsForMeasurement value': (c, x) => c.sdsForMeasurement({ reference: 'cdc', measurement_method: 'bmi', sex: 'male', age: 10, observation_value: x }),
  'measurementFromSds sds': (c, x) => c.measurementFromSds({ reference: 'uk-who', measurement_method: 'weight', sex: 'female', age: 4, sds: x }),
  'measurementFromSds cdc bmi sds': (c, x) => c.measurementFromSds({ reference: 'cdc', measurement_method: 'bmi', sex: 'female', age: 12, sds: x }),
  'sdsForMeasurements values': (c, x) => [...c.sdsForMeasurements('uk-who', 'height', 'male', new Float64Array([x, 8]), new Float64Array([128, x]))],
  'centileForSds': (c, x) => c.centileForSds(x),
  'sdsForCentile': (c, x) => c.sdsForCentile(x),
  'bmiFromHeightWeight': (c, x) => c.bmiFromHeightWeight(x, x),
  'percentageMedianBmi bmi': (c, x) => c.percentageMedianBmi({ reference: 'uk-who', sex: 'male', age: 10, bmi: x }),
  'fromFhir value': (c, x) => c.fromFhir(fhir(x, 273)),
  'fromFhir gestation days': (c, x) => c.fromFhir(fhir(70, x)),
  'toFhir centile': (c, x) => c.toFhir({ ...c.calculation('uk-who', child), measurement_calculated_values: { corrected_sds: 0.1, corrected_centile: x, chronological_sds: 0.1, chronological_centile: x } }),
};
const EDGES = [0, 5e-324, 1e-300, 1e-9, 0.5, 1, 7, 8, 8.000001, 15, 15.000001, 60, 100, 1e6, 1e9, 2 ** 31, 2 ** 32, 2 ** 32 + 280,
  1e15, 2 ** 53, 2 ** 63, 2 ** 64, 1e19, 1e100, 1e300, 1e308, Number.MAX_VALUE];

const same = (name, x) => {
  const a = outcome(() => FIELDS[name](wasm, x)), b = outcome(() => FIELDS[name](js, x));
  if (a.thrown || b.thrown) return false;
  return JSON.stringify(a) === JSON.stringify(b);
};

test('wasm and centile/js agree on every numeric field at the edges of the doubles, and on random magnitudes', () => {
  const differences = [];
  let compared = 0;
  const rand = xorshift32(20261206);
  for (const name of Object.keys(FIELDS)) {
    const xs = [...EDGES, ...EDGES.map((x) => -x), ...Array.from({ length: 40 }, () => (rand() < 0.5 ? -1 : 1) * 10 ** (rand() * 620 - 310))];
    for (const x of xs) {
      compared++;
      if (!same(name, x) && differences.push(`${name}(${x})`) > 20) break;
    }
  }
  console.log(`edges and random magnitudes: ${compared} comparisons, ${differences.length} differences`);
  assert.deepEqual(differences, []);
});

test('the structured fuzzer with every execution repeated on centile/js: 0 differences', () => {
  const stats = fuzz({ seconds: Number(process.env.CENTILE_FUZZ_SECONDS || 20), seed: Date.now() % 2147483647, against: js });
  console.log(`differential fuzz: ${JSON.stringify(stats)}`);
  assert.ok(stats.executions > 200 && stats.differential > 100);
});

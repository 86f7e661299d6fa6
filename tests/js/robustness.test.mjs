// Malformed input never traps the wasm instance: every export either answers or throws a CentileError (a 422
// `detail` list), and the module keeps giving the oracle's numbers afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from './compare.mjs';
import { xorshift32 } from '../common/random.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const { cases } = JSON.parse(readFileSync(new URL('../vectors/calculation.json', import.meta.url), 'utf8'));
const known = cases.find((c) => Array.isArray(c[8]));

const rand = xorshift32(7);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const weird = () => pick([undefined, null, NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, 40, 22, 44,
  '', ' ', 'x', '2020-02-30', '2020-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '2020-1-1', '2020-01-01T00:00',
  '１２', '40', 'male', 'female', 'height', 'bmi', 'uk-who', true, false, [], [1, 2], {}, { a: 1 }, Symbol.iterator ? 'sym' : 0,
  BigInt ? '9'.repeat(400) : 0, new Date(0)]);
const body = () => {
  const b = {};
  for (const key of ['birth_date', 'observation_date', 'observation_value', 'sex', 'measurement_method', 'gestation_weeks',
    'gestation_days', 'bone_age', 'bone_age_type', 'events_text', 'observations', 'centile_format', 'is_sds', 'reference',
    'age', 'sds', 'bmi', 'height_maternal', 'height_paternal', 'months', 'start_sds', 'end_age', 'measurement_interval_type',
    'measurement_interval_number']) if (rand() < 0.6) b[key] = weird();
  if (rand() < 0.3) b.observations = [weird(), body0()];
  return b;
};
const body0 = () => ({ observation_date: weird(), observation_value: weird() });
const references = ['uk-who', 'who', 'cdc', 'turner', 'turners-syndrome', 'trisomy-21', 'trisomy-21-aap', 'mars', '', null, 3];
const calls = [
  (r) => api.calculation(r, body()), (r) => api.bulkCalculation(r, body()), (r) => api.chartCoordinates(r, body()),
  () => api.midParentalHeight(body()), (r) => api.fictionalChildData(r, body()), () => api.sdsForMeasurement(body()),
  () => api.measurementFromSds(body()), () => api.percentageMedianBmi(body()), () => api.centileForSds(weird()),
  () => api.sdsForCentile(weird()), () => api.bmiFromHeightWeight(weird(), weird()), () => api.thriveLine(body()),
  () => api.velocity(weird(), [body(), weird()]), () => api.acceleration(weird(), weird()),
  (r) => api.sdsForMeasurements(r, weird(), weird(), new Float64Array([1, NaN, -5, 1e9]), new Float64Array([80, 1, NaN, 0])),
];

test('thousands of malformed calls: answers or CentileErrors only, and the numbers stay right', () => {
  let errors = 0;
  for (let i = 0; i < 6000; i++) {
    try {
      pick(calls)(pick(references));
    } catch (e) {
      assert.ok(e instanceof api.CentileError, `call ${i} threw ${e && e.name}: ${e && e.message}`);
      assert.ok(Array.isArray(e.detail) && e.detail.length > 0 && e.detail.every((d) => Array.isArray(d.loc) && typeof d.msg === 'string'));
      errors++;
    }
  }
  assert.ok(errors > 1000, `${errors} errors`);
  const m = api.calculation(known[0], request(known));
  assert.ok(Math.abs(m.measurement_calculated_values.corrected_sds - known[8][9]) <= 1e-9);
});

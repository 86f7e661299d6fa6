// No plausible wrong answer (a finite input gives a finite answer or a 422 naming
// the field), errors that never carry a child's values, and validation as strict and as lax as the API's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { xorshift32 } from '../common/random.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const term = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' };
const rejects = (fn, loc) => assert.throws(fn, (e) => {
  assert.ok(e instanceof api.CentileError, `${e}`);
  assert.ok(e.detail.some((d) => d.loc.join() === loc.join()), `${JSON.stringify(e.detail)} should name ${loc}`);
  return true;
});
const fictional = { measurement_method: 'height', sex: 'female', start_chronological_age: 1, end_age: 3, measurement_interval_number: 6 };

test('plain arrays: null, true and other non-numbers give NaN, never a number', () => {
  const got = api.sdsForMeasurements('uk-who', 'height', 'male', [null, true, false, '5', [5], 5], [110, 110, 110, 110, 110, null]);
  assert.ok([...got].every(Number.isNaN), `${[...got]}`);
});

test('velocity and acceleration reject a malformed measurement object, naming its index', () => {
  const m = (age, value, method = 'height') => ({ child_observation_value: { measurement_method: method, observation_value: value },
    measurement_dates: { chronological_decimal_age: age } });
  const good = [m(1, 75), m(2, 85), m(3, 95)];
  assert.equal(api.velocity('height', good), 10);
  assert.equal(api.velocity('height', [...good, m(4, 100, 'weight')]), 10); // another method: skipped
  rejects(() => api.velocity('height', [...good, m(4, 'tall')]), ['body', 'measurements', 3, 'child_observation_value', 'observation_value']);
  rejects(() => api.velocity('height', [...good, m(null, 110)]), ['body', 'measurements', 3, 'measurement_dates', 'chronological_decimal_age']);
  rejects(() => api.acceleration('height', [good[0], 'x', ...good]), ['body', 'measurements', 1]);
  rejects(() => api.velocity('height', [...good, { measurement_dates: { chronological_decimal_age: 4 } }]),
    ['body', 'measurements', 3, 'child_observation_value']);
  rejects(() => api.velocity('height', [...good, m(4, 100, 'length')]), ['body', 'measurements', 3, 'child_observation_value', 'measurement_method']);
  rejects(() => api.velocity('length', good), ['body', 'measurement_method']);
  rejects(() => api.velocity('height', [good[0]]), ['body', 'measurements']);
});

test('fictionalChildData never answers [] silently: a 422 saying why', () => {
  rejects(() => api.fictionalChildData('turners-syndrome', { ...fictional, sex: 'male' }), ['body', 'sex']);
  rejects(() => api.fictionalChildData('turners-syndrome', { ...fictional, measurement_method: 'weight' }), ['body', 'measurement_method']);
  rejects(() => api.fictionalChildData('uk-who', { ...fictional, start_sds: 10 }), ['body', 'start_sds']);
  // (A range where the reference has no data gives [], as rcpchgrowth does: that is the true answer.)
  // A series flagged throughout (one observation, pushed beyond 8 SDS by noise) is answered with its flag, as
  // rcpchgrowth answers it; in strict mode it is a 422 saying why.
  const beyond = { ...fictional, start_chronological_age: 5, end_age: 6, measurement_interval_type: 'years',
    measurement_interval_number: 1, start_sds: 7.9, noise: true, noise_range: 0.2, seed: 2 };
  assert.match(api.fictionalChildData('uk-who', beyond)[0].child_observation_value.observation_value_error, /8 SDS/);
  assert.throws(() => api.fictionalChildData('uk-who', beyond, { strict: true }),
    (e) => e instanceof api.CentileError && /rejects every observation.*8 SDS/.test(e.message));
  assert.ok(api.fictionalChildData('turners-syndrome', fictional).length > 0);
});

test('finite input gives a finite answer or a 422 naming the field', () => {
  rejects(() => api.sdsForCentile(5e-324), ['body', 'centile']);
  assert.ok(Number.isFinite(api.sdsForCentile(1e-300)));
  rejects(() => api.bmiFromHeightWeight(5e-324, 48), ['body', 'height']);
  rejects(() => api.bmiFromHeightWeight(1.5, 48), ['body', 'height']); // metres, as calculation flags them
  rejects(() => api.bmiFromHeightWeight(2, 1e308), ['body']);
  rejects(() => api.percentageMedianBmi({ reference: 'uk-who', sex: 'male', age: 10, bmi: 1e308 }), ['body']);
  rejects(() => api.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 30, observation_value: 170 }),
    ['body', 'age']);
});

test("errors name the field and the rule, never a child's values or dates", () => {
  const secrets = ['2019-07-13', '2024-03-17', '123.456', '1234.56', '1e+19', '1844674407370955', '10000000000000000000', '311.1', '98.76'];
  const child = { birth_date: '2019-07-13', observation_date: '2024-03-17', sex: 'female', measurement_method: 'height' };
  const errors = [];
  const collect = (fn) => { try { fn(); } catch (e) { assert.ok(e instanceof api.CentileError); errors.push(e); } };
  // Implausible values are flagged in the answer; strict mode makes the flag the 422.
  const strict = { strict: true };
  collect(() => api.calculation('uk-who', { ...child, observation_value: 1e19 }, strict));
  collect(() => api.calculation('uk-who', { ...child, observation_value: 1234.56 }, strict));
  collect(() => api.calculation('uk-who', { ...child, observation_value: 1.23456 }, strict));
  const flags = [1234.56, 1.23456].map((v) => api.calculation('uk-who', { ...child, observation_value: v }).child_observation_value.observation_value_error);
  collect(() => api.calculation('uk-who', { ...child, observation_date: '2019-07-12', observation_value: 98.76 }));
  collect(() => api.calculation('uk-who', { birth_date: '2019-07-13', observation_value: 98.76 }));
  collect(() => api.calculation('uk-who', { ...child, observation_value: -98.76 }));
  collect(() => api.bulkCalculation('uk-who', { ...child, observations: 'x' }));
  collect(() => api.midParentalHeight({ height_maternal: 311.1, height_paternal: 98.76, sex: 'male' }));
  collect(() => api.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 98.76, observation_value: 123.456 }));
  collect(() => api.calculation('uk-who', { ...child, observation_value: 98.76, gestation_weeks: 98.76 }));
  assert.equal(errors.length, 10);
  const bulk = api.bulkCalculation('uk-who', { ...child, observations: [{ observation_date: '2024-03-17', observation_value: 1e19 }] }, strict);
  for (const text of [...errors.map((e) => e.message + JSON.stringify(e.detail)), JSON.stringify(bulk.results[0]), ...flags]) {
    for (const s of secrets) assert.ok(!text.includes(s), `${text} quotes ${s}`);
  }
  for (const e of errors) for (const d of e.detail) assert.equal(d.input, null);
});

test('strict where the API is strict, on the fast and the general path', () => {
  for (const extra of [{}, { bone_age: 5 }]) { // bone_age: the general path
    for (const weeks of [30.5, 2 ** 32 + 30, 1e308, -0.5, '30.5', true]) {
      rejects(() => api.calculation('uk-who', { ...term, ...extra, gestation_weeks: weeks }), ['body', 'gestation_weeks']);
    }
    rejects(() => api.calculation('uk-who', { ...term, ...extra, gestation_days: 1e308 }), ['body', 'gestation_days']);
    rejects(() => api.calculation('uk-who', { ...term, ...extra, sex: ['male'] }), ['body', 'sex']);
    rejects(() => api.calculation('uk-who', { ...term, ...extra, measurement_method: ['height'] }), ['body', 'measurement_method']);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      rejects(() => api.calculation('uk-who', { ...term, ...extra, sex: name }), ['body', 'sex']);
      rejects(() => api.calculation('uk-who', { ...term, ...extra, measurement_method: name }), ['body', 'measurement_method']);
      rejects(() => api.calculation(name, { ...term, ...extra }), ['path', 'reference']);
      rejects(() => api.bulkCalculation(name, { ...term, ...extra, observations: [term] }), ['path', 'reference']);
    }
    rejects(() => api.calculation(['uk-who'], { ...term, ...extra }), ['path', 'reference']);
  }
});

test('inherited properties are never read', () => {
  const weeks = api.calculation('uk-who', term).measurement_calculated_values.corrected_sds;
  try {
    Object.prototype.gestation_weeks = 25;
    Object.prototype.bone_age = 5;
    Array.prototype[1] = term;
    for (const request of [term, { ...term, events_text: ['x'] }]) {
      const m = api.calculation('uk-who', request);
      assert.equal(m.birth_data.gestation_weeks, 40);
      assert.equal(m.measurement_calculated_values.corrected_sds, weeks);
      assert.equal(m.bone_age.bone_age, null);
    }
    const sparse = [term];
    sparse.length = 2;
    assert.equal(api.bulkCalculation('uk-who', { ...term, observations: sparse }).results[1].type, 'model_attributes_type');
  } finally {
    delete Object.prototype.gestation_weeks;
    delete Object.prototype.bone_age;
    delete Array.prototype[1];
  }
});

test('lax where the API is lax: drift and noise as "true", "false", 1 or 0; the body reference as the API validates it', () => {
  const base = JSON.stringify(api.fictionalChildData('uk-who', { ...fictional, drift: false, noise: false }));
  const drifting = JSON.stringify(api.fictionalChildData('uk-who', { ...fictional, drift: true }));
  assert.notEqual(base, drifting);
  for (const no of ['false', 'False', 0, '0', 'no', 'off']) assert.equal(JSON.stringify(api.fictionalChildData('uk-who', { ...fictional, drift: no, noise: no })), base);
  for (const yes of ['true', 'TRUE', 1, '1', 'yes', 'on']) assert.equal(JSON.stringify(api.fictionalChildData('uk-who', { ...fictional, drift: yes })), drifting);
  for (const bad of ['maybe', 2, 0.5, [], {}]) rejects(() => api.fictionalChildData('uk-who', { ...fictional, drift: bad }), ['body', 'drift']);
  for (const reference of ['uk-who', 'trisomy-21', 'turners-syndrome', 'cdc', null]) {
    assert.equal(JSON.stringify(api.fictionalChildData('uk-who', { ...fictional, reference })), base);
  }
  for (const reference of ['who', 'turner', 'UK-WHO', 3, ['uk-who']]) {
    rejects(() => api.fictionalChildData('uk-who', { ...fictional, reference }), ['body', 'reference']);
  }
  const chart = api.chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height', centile_format: [-2, 0, 2], is_sds: 'true' });
  assert.equal(chart.centile_data[0].uk90_preterm.male.height[0].sds, -2);
});

test('events_text comes back as given through the general path: every double bit for bit, strings, nesting', () => {
  const next = xorshift32(2026);
  const bits = new Float64Array(1), words = new Uint32Array(bits.buffer);
  const doubles = [0.1 + 0.2, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2 ** 53 + 2, 1 / 3, -1e-300];
  while (doubles.length < 3000) {
    words[0] = next() * 2 ** 32;
    words[1] = next() * 2 ** 32;
    if (Number.isFinite(bits[0])) doubles.push(bits[0]);
  }
  const strings = ['', 'é', '\u{1F476} 👶', '"\\\n\t\u0001', 'a'.repeat(300)];
  for (let i = 0; i < doubles.length; i += 500) {
    const events = [...doubles.slice(i, i + 500), ...strings, true, false, null, [[1, ['x']]], { a: { b: [2.5, 'c'] }, 7: 'seven' }];
    // bone_age sends the request down the general path, whose answer the wasm builds.
    const got = api.calculation('uk-who', { ...term, bone_age: 1, events_text: events }).events_data.events_text;
    assert.deepStrictEqual(got, events);
    for (let j = 0; j < 500; j++) assert.ok(Object.is(got[j], events[j]), `${events[j]}`);
  }
});

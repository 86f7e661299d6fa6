// Every golden-vector output, through the packaged wasm (pkg/node) on the fast path and the general path, against
// the JSON Schemas derived from the dGC server's response models (tests/schema/*.json, made by
// tests/schema/derive.py): every key present (nulls included), no undeclared key, each value of its declared type.
// The validator is ajv (pinned in package.json), with ajv-formats for the `date` fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { request } from './compare.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const raw = require('../../pkg/node/centile.js');
// The general path: the raw exports take each argument as the JSON text pkg-template/api.js writes.
const general = (fn) => (reference, body) => fn(JSON.stringify(reference), JSON.stringify(body));
const generalCalculation = general(raw.calculation), generalBulk = general(raw.bulkCalculation);
const load = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const vectors = (name) => load(`../vectors/${name}`);

const ajv = new Ajv2020({ strict: true });
ajv.addKeyword('x-derived-from');
addFormats(ajv, ['date']);
const schema = Object.fromEntries(['calculation', 'bulk_calculation', 'fictional_child_data', 'chart_coordinates',
  'mid_parental_height', 'error'].map((name) => [name, ajv.compile(load(`../schema/${name}.json`))]));

/** Counts outputs by schema and collects the first failures. */
class Tally {
  constructor() { this.counts = {}; this.failures = []; }
  check(name, value, id) {
    // (ajv's `number` excludes NaN and the infinities, which JSON cannot carry.)
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    if (!schema[name](value) && this.failures.length < 10) {
      this.failures.push(`${name} ${id}: ${ajv.errorsText(schema[name].errors, { separator: '\n  ' })}`);
    }
  }
  /** Validates a call's result against `name`, or its CentileError's body against the 422 schema. */
  call(name, fn, id) {
    let value;
    try {
      value = fn();
    } catch (e) {
      assert.equal(e.name, 'CentileError', `${id}: ${e}`);
      return this.check('error', { detail: e.detail }, id);
    }
    this.check(name, value, id);
  }
  done(label) {
    console.log(`${label}: ${JSON.stringify(this.counts)} outputs validated`);
    assert.deepEqual(this.failures, []);
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}

test('the schemas record their source and reject a missing null key', () => {
  const calculation = load('../schema/calculation.json');
  assert.equal(calculation['x-derived-from'].repository, 'rcpch/digital-growth-charts-server');
  assert.match(calculation['x-derived-from'].commit, /^[0-9a-f]{40}$/);
  const c = vectors('calculation.json').cases.find((v) => Array.isArray(v[8]));
  const good = api.calculation(c[0], request(c));
  assert.ok(schema.calculation(good));
  const point = good.plottable_data.sds_data.corrected_decimal_age_data;
  for (const key of ['sds', 'observation_error']) {
    const bad = structuredClone(good);
    delete bad.plottable_data.sds_data.corrected_decimal_age_data[key];
    assert.equal(schema.calculation(bad), false, `a missing ${key} must be rejected`);
  }
  assert.equal(point.sds, null);
  const chart = api.chartCoordinates('uk-who', { sex: 'female', measurement_method: 'bmi' });
  assert.ok(schema.chart_coordinates(chart));
  const bad = structuredClone(chart);
  delete bad.centile_data[0].uk90_preterm.male;
  assert.equal(schema.chart_coordinates(bad), false, 'a missing sex must be rejected');
});

test('calculation: every vector on the fast and the general path', () => {
  const t = new Tally();
  for (const c of vectors('calculation.json').cases) {
    const id = JSON.stringify(c.slice(0, 8));
    t.call('calculation', () => api.calculation(c[0], request(c)), `fast ${id}`);
    t.call('calculation', () => generalCalculation(c[0], request(c)), `general ${id}`);
  }
  for (const [i, c] of vectors('measurement_full.json').cases.entries()) {
    t.call('calculation', () => api.calculation(c.reference, c.request), `full ${i}`);
  }
  assert.ok(t.done('calculation') > 10000);
});

test('bulk: every child of the calculation vectors, on both paths', () => {
  const children = new Map();
  for (const c of vectors('calculation.json').cases) {
    const key = JSON.stringify([c[0], c[1], c[3], c[4], c[6], c[7]]);
    if (!children.has(key)) children.set(key, []);
    children.get(key).push({ observation_date: c[2], observation_value: c[5] });
  }
  const t = new Tally();
  let entries = 0;
  for (const [key, observations] of children) {
    const [reference, birth_date, sex, measurement_method, gestation_weeks, gestation_days] = JSON.parse(key);
    const body = { birth_date, sex, measurement_method, gestation_weeks, gestation_days, observations };
    t.call('bulk_calculation', () => api.bulkCalculation(reference, body), `fast ${key}`);
    t.call('bulk_calculation', () => generalBulk(reference, body), `general ${key}`);
    entries += observations.length;
  }
  assert.ok(t.done(`bulk (${entries} observations)`) > 1000);
});

test('fictional child data: every vector', () => {
  const t = new Tally();
  for (const [reference, request_] of vectors('fictional_child.json').cases) {
    t.call('fictional_child_data', () => api.fictionalChildData(reference, request_), JSON.stringify([reference, request_]));
  }
  assert.ok(t.done('fictional child') > 50);
});

test('chart coordinates and mid-parental height: every vector', () => {
  const t = new Tally();
  for (const c of vectors('charts.json').charts) {
    const body = { sex: c.sex, measurement_method: c.measurement_method, centile_format: c.centile_format, is_sds: c.is_sds };
    t.call('chart_coordinates', () => api.chartCoordinates(c.reference, body), JSON.stringify([c.reference, body]));
  }
  for (const [height_maternal, height_paternal, sex, reference] of vectors('mid_parental_height.json').cases) {
    const body = { height_maternal, height_paternal, sex, reference };
    t.call('mid_parental_height', () => api.midParentalHeight(body), JSON.stringify(body));
  }
  assert.ok(t.done('charts') > 800);
});

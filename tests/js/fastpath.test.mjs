// calculation and bulkCalculation answer well-formed requests on a fast path (numbers from the wasm, object
// assembled in JavaScript) and everything else on the general path (object serialised by Rust). Both must give
// the same JSON, key order included, for every golden vector; and the fast path must actually be taken. The raw
// exports take each argument as the text pkg-template/api.js writes (JSON, for plain data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from './compare.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const raw = require('../../pkg/node/centile.js');
// The calculation vectors and the flagged ones (answered with an error inside the object).
const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')).cases;
const cases = [...vectors('calculation.json'), ...vectors('flagged.json')];
const valid = cases.filter((c) => Array.isArray(c[8]));
const CODES = { 'uk-who': 0, 'trisomy-21': 1, 'trisomy-21-aap': 2, 'turners-syndrome': 3, cdc: 4, who: 5 };
const days = (s) => Number(s.replaceAll('-', ''));

const status = (c) => raw.calculationRecord(CODES[c[0]], days(c[1]), days(c[2]), c[5], c[3] === 'male' ? 0 : 1,
  ['height', 'weight', 'ofc', 'bmi'].indexOf(c[4]), c[6], c[7]);
const failed = (fn) => { try { fn(); } catch (e) { return JSON.stringify([e.name, e.message, e.status, e.detail]); } return 'no error'; };

test('the fast path serves every valid request, including flagged ones and those with an age without data', () => {
  assert.deepEqual(valid.filter((c) => status(c) !== 0).map((c) => c.slice(0, 8)), []);
  assert.ok(valid.some((c) => c[8][12]) && valid.some((c) => c[8][16]), 'vectors with a corrected and a chronological error');
  assert.ok(valid.some((c) => c[8][21]), 'flagged vectors');
});

test('rejections on the fast path equal the general path\'s 422s', () => {
  const rejected = cases.filter((c) => typeof c[8] === 'string' && status(c) >= 3);
  assert.ok(rejected.length >= 10, `${rejected.length} rejected on the fast path`);
  for (const c of rejected) {
    const body = request(c);
    assert.equal(failed(() => api.calculation(c[0], body)), failed(() => raw.calculation(JSON.stringify(c[0]), JSON.stringify(body))),
      JSON.stringify(c));
  }
});

test('bulk: a mix of valid, rejected and malformed observations equals the general path, entry for entry', () => {
  for (const c of valid.slice(0, 40)) {
    const [reference, birth_date, , sex, measurement_method, , gestation_weeks, gestation_days] = c;
    const observations = [{ observation_date: c[2], observation_value: c[5] }, { observation_date: '2150-01-01', observation_value: c[5] },
      { observation_date: '1900-01-01', observation_value: c[5] }, null, { observation_date: c[2], observation_value: String(c[5]) },
      { observation_date: c[2], observation_value: c[5] * 40 }, { observation_date: c[2], observation_value: c[5], bone_age: 3 }];
    const body = { birth_date, sex, measurement_method, gestation_weeks, gestation_days, observations };
    assert.equal(JSON.stringify(api.bulkCalculation(reference, body)),
      JSON.stringify(raw.bulkCalculation(JSON.stringify(reference), JSON.stringify(body))));
  }
});

test('fast and general paths give identical JSON for every valid calculation vector', () => {
  let compared = 0;
  for (const c of valid) {
    const body = request(c);
    const fast = JSON.stringify(api.calculation(c[0], body));
    const general = JSON.stringify(raw.calculation(JSON.stringify(c[0]), JSON.stringify(body)));
    assert.equal(fast, general, JSON.stringify(c.slice(0, 8)));
    compared++;
  }
  assert.equal(compared, valid.length);
});

test('bulk: fast and general paths agree, per child', () => {
  const children = new Map();
  for (const c of valid) {
    const key = JSON.stringify([c[0], c[1], c[3], c[4], c[6], c[7]]);
    if (!children.has(key)) children.set(key, []);
    children.get(key).push({ observation_date: c[2], observation_value: c[5] });
  }
  let compared = 0;
  for (const [key, observations] of children) {
    if (observations.length < 2) continue;
    const [reference, birth_date, sex, measurement_method, gestation_weeks, gestation_days] = JSON.parse(key);
    const body = { birth_date, sex, measurement_method, gestation_weeks, gestation_days, observations };
    assert.equal(JSON.stringify(api.bulkCalculation(reference, body)), JSON.stringify(raw.bulkCalculation(JSON.stringify(reference), JSON.stringify(body))), key);
    compared++;
  }
  assert.ok(compared > 50, `${compared} children`);
});

test('errors from either path are CentileError instances with the 422 detail', () => {
  for (const body of [{ birth_date: 'x' }, { ...request(valid[0]), observation_value: -1 }, null]) {
    assert.throws(() => api.calculation('uk-who', body), (e) => e instanceof api.CentileError && e.status === 422 && e.detail.length > 0);
  }
  assert.throws(() => api.calculation('mars', request(valid[0])), api.CentileError);
});

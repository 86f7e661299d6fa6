// The fast path and the general path give the same outcome, answer for answer and error for error,
// over near-valid requests: the golden vectors mutated field by field (numeric strings, nulls, boundary
// gestations, 29 February, bone age, one day before birth, prototype names, values JSON cannot carry, getters,
// proxies, inherited properties).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from './compare.mjs';
import { fast, general, outcome } from './paths.mjs';

const { cases } = JSON.parse(readFileSync(new URL('../vectors/calculation.json', import.meta.url), 'utf8'));
const bases = Array.from({ length: 150 }, (_, i) => cases[Math.floor((i * cases.length) / 150)]);
const PROTOTYPE_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const dayBefore = (iso) => new Date(Date.parse(iso) - 864e5).toISOString().slice(0, 10);

/** Near-valid variants of one request. */
function mutations(c) {
  const body = request(c);
  const out = [];
  const set = (key, value) => out.push({ ...body, [key]: value });
  for (const key of Object.keys(body)) {
    const v = body[key];
    for (const m of [null, undefined, String(v), ` ${v} `, [v], {}, true, NaN, Infinity, -0, Symbol('x'), 10n]) set(key, m);
    const without = { ...body };
    delete without[key];
    out.push(without);
  }
  for (const w of [21, 22, 22.0, 30.5, 44, 45, '30', 2 ** 32 + 30, 1e308, -1]) set('gestation_weeks', w);
  for (const d of [0, 6, 7, 6.5, '3', 1e308]) set('gestation_days', d);
  for (const v of [0, -1, 1.5, 1e19, 5e-324, c[5] * 1.0000001, '1e2', `${c[5]}0`, '0x10']) set('observation_value', v);
  for (const date of ['2020-02-29', '2021-02-29', '2020-2-29', '2020-02-29T00:00', ' 2020-02-29', '2020-13-01', '0000-01-01', '9999-12-31']) {
    set('birth_date', date);
    set('observation_date', date);
  }
  set('observation_date', body.birth_date);
  set('observation_date', dayBefore(body.birth_date));
  for (const name of PROTOTYPE_NAMES) {
    set('sex', name);
    set('measurement_method', name);
    set('bone_age_type', name);
  }
  for (const extra of [{ bone_age: 5 }, { bone_age: '5', bone_age_type: 'greulich-pyle' }, { bone_age_type: 'x' }, { bone_age_sds: 'x' },
    { bone_age_text: ['x'] }, { events_text: ['a'] }, { events_text: 'a' }, { events_text: [[[[1]]]] }, { unknown: 1 }]) {
    out.push({ ...body, ...extra });
  }
  out.push(Object.defineProperty({ ...body }, 'sex', { enumerable: true, get: () => body.sex }));
  out.push(new Proxy({ ...body }, {}));
  out.push(Object.assign(Object.create({ gestation_weeks: 25, bone_age: 3 }), body));
  out.push(Object.defineProperty({ ...body }, 'observation_value', { enumerable: false, value: body.observation_value }));
  return out;
}

const same = (a, b, what) => {
  if ('thrown' in a || 'thrown' in b) assert.equal(a.thrown, b.thrown, what);
  else assert.deepEqual(a, b, what);
};

test('calculation: fast and general paths agree on every near-valid request', () => {
  let compared = 0, answers = 0;
  for (const [i, c] of bases.entries()) {
    for (const reference of i % 10 === 0 ? [c[0], 'turner', 'constructor', 'UK-WHO'] : [c[0]]) {
      for (const body of mutations(c)) {
        const a = outcome(() => fast.calculation(reference, body)), b = outcome(() => general.calculation(reference, body));
        same(a, b, `${reference} ${String(JSON.stringify(body, (k, v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : v)))}`);
        compared++;
        if ('ok' in a) answers++;
      }
    }
  }
  console.log(`calculation: ${compared} near-valid requests, ${answers} answered, the rest rejected, identically on both paths`);
  assert.ok(compared > 10000 && answers > 1000, `${compared} ${answers}`);
});

test('bulkCalculation: fast and general paths agree, observation by observation', () => {
  let compared = 0;
  for (const c of bases.slice(0, 60)) {
    const body = request(c);
    const birth = { birth_date: body.birth_date, sex: body.sex, measurement_method: body.measurement_method,
      gestation_weeks: body.gestation_weeks, gestation_days: body.gestation_days };
    const observations = mutations(c).map((m) => ({ observation_date: m.observation_date, observation_value: m.observation_value }));
    for (const list of [observations.slice(0, 40), observations.slice(40), [observations[0], 7, null]]) {
      const a = outcome(() => fast.bulkCalculation(c[0], { ...birth, observations: list }));
      const b = outcome(() => general.bulkCalculation(c[0], { ...birth, observations: list }));
      same(a, b, JSON.stringify(c.slice(0, 8)));
      compared++;
    }
  }
  assert.ok(compared > 150);
});

test('inherited properties: polluting Object.prototype changes neither path', () => {
  // Without the gestation fields where they are the defaults, so an inherited one would be read in their place.
  const bodies = bases.map(request).map(({ gestation_weeks, gestation_days, ...b }) =>
    (gestation_weeks === 40 && gestation_days === 0 ? b : { ...b, gestation_weeks, gestation_days }));
  assert.ok(bodies.filter((b) => !('gestation_weeks' in b)).length > 50);
  const before = bodies.map((b) => outcome(() => fast.calculation('uk-who', b)));
  for (const [key, value] of [['gestation_weeks', 25], ['gestation_days', 3], ['bone_age', 5], ['sex', 'female'], ['events_text', ['x']]]) {
    try {
      Object.prototype[key] = value;
      bodies.forEach((b, i) => {
        same(outcome(() => fast.calculation('uk-who', b)), before[i], `fast, inherited ${key}`);
        same(outcome(() => general.calculation('uk-who', b)), before[i], `general, inherited ${key}`);
      });
    } finally {
      delete Object.prototype[key];
    }
  }
});

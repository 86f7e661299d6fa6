// Chart coordinates and mid-parental height through the packaged build (pkg/node; pkg/js with CENTILE_BUILD=js)
// against rcpchgrowth 4.6.5: same segments, lines and points, every x and y within 1e-9, non-finite values as null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUILD } from './compare.mjs';

const require = createRequire(import.meta.url);
const api = require(BUILD);
const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
const num = (v) => (typeof v === 'number' ? v : null); // "inf", "-inf", "nan" and null are null for us
const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);

/** The one non-null entry of `object`, whose keys must be exactly `keys` (the server's model names them all). */
function drawn(object, keys, id) {
  assert.deepEqual(Object.keys(object), keys, id);
  const set = Object.entries(object).filter(([, v]) => v !== null);
  assert.equal(set.length, 1, `${id}: ${JSON.stringify(Object.keys(object))} must have one non-null entry`);
  return set[0];
}

/** Our dGC segments against the oracle's compact ones; returns the number of points, or throws. */
export function compareSegments(got, want, id) {
  assert.equal(got.length, want.length, `${id}: segments`);
  let points = 0;
  got.forEach((g, s) => {
    const [[name, bySex]] = Object.entries(g), [[wname, wBySex]] = Object.entries(want[s]);
    const [sex, byMethod] = drawn(bySex, ['male', 'female'], id), [[wsex, wByMethod]] = Object.entries(wBySex);
    const [method, lines] = drawn(byMethod, ['height', 'weight', 'ofc', 'bmi'], id), [[wmethod, wlines]] = Object.entries(wByMethod);
    assert.deepEqual([name, sex, method], [wname, wsex, wmethod], id);
    assert.equal(lines.length, wlines.length, `${id} ${name}: lines`);
    lines.forEach((line, k) => {
      const w = wlines[k];
      assert.ok(close(line.sds, num(w.sds)) && close(line.centile, num(w.centile)), `${id} ${name} line ${k}`);
      // A line without points is `data: []`, as rcpchgrowth and the server send it.
      assert.ok(Array.isArray(line.data), `${id} ${name} line ${k}: data is a list`);
      assert.equal(line.data.length, w.x.length, `${id} ${name} line ${k}: points`);
      line.data.forEach((p, i) => {
        if (!close(p.x, num(w.x[i])) || !close(p.y, num(w.y[i])) || !close(p.l, num(w.l))) {
          assert.fail(`${id} ${name} line ${k} point ${i}: ${JSON.stringify(p)} vs x ${w.x[i]} y ${w.y[i]} l ${w.l}`);
        }
        points++;
      });
    });
  });
  return points;
}

test('chart vectors', () => {
  let compared = 0, points = 0, rejected = 0;
  for (const c of vectors('charts.json').charts) {
    const request = { sex: c.sex, measurement_method: c.measurement_method, centile_format: c.centile_format, is_sds: c.is_sds };
    const id = JSON.stringify([c.reference, c.sex, c.measurement_method, c.centile_format, c.is_sds]);
    const list = Array.isArray(c.centile_format) ? c.centile_format : null;
    // Departures (docs/differences.md): centiles outside (0, 100) and SDS lines beyond ±8 (±15 for BMI) are a 422.
    const limit = c.measurement_method === 'bmi' ? 15 : 8;
    const invalid = (list && (list.length === 0 || (!c.is_sds && list.some((v) => !(v > 0 && v < 100)))
      || (c.is_sds && list.some((v) => Math.abs(v) > limit))))
      || (c.reference === 'turners-syndrome' && (c.sex !== 'female' || c.measurement_method !== 'height'));
    if (invalid) {
      assert.throws(() => api.chartCoordinates(c.reference, request), api.CentileError, id);
      rejected++;
      continue;
    }
    points += compareSegments(api.chartCoordinates(c.reference, request).centile_data, c.result, id);
    compared++;
  }
  console.log(`charts: ${compared} compared (${points} points), ${rejected} rejected as the API rejects them`);
  assert.ok(compared > 400);
});

test('mid-parental height vectors', () => {
  let compared = 0;
  for (const [height_maternal, height_paternal, sex, reference, want] of vectors('mid_parental_height.json').cases) {
    const id = JSON.stringify([height_maternal, height_paternal, sex, reference]);
    const call = () => api.midParentalHeight({ height_maternal, height_paternal, sex, reference });
    if (typeof want === 'string') {
      assert.throws(call, api.CentileError, id);
    } else {
      const got = call();
      for (const key of ['mid_parental_height', 'mid_parental_height_sds', 'mid_parental_height_centile',
        'mid_parental_height_lower_value', 'mid_parental_height_upper_value']) {
        assert.ok(close(got[key], want[key]), `${id} ${key}: ${got[key]} vs ${want[key]}`);
      }
      for (const key of ['mid_parental_height_centile_data', 'mid_parental_height_lower_centile_data', 'mid_parental_height_upper_centile_data']) {
        compareSegments(got[key], want[key], `${id} ${key}`);
      }
    }
    compared++;
  }
  console.log(`mid-parental height: ${compared} cases`);
  assert.ok(compared >= 300);
});

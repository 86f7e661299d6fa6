// Fictional child data, velocity and acceleration through the packaged build (pkg/node; pkg/js with
// CENTILE_BUILD=js) against rcpchgrowth 4.6.5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUILD } from './compare.mjs';

const require = createRequire(import.meta.url);
const api = require(BUILD);
const { cases } = JSON.parse(readFileSync(new URL('../vectors/fictional_child.json', import.meta.url), 'utf8'));

test('fictional child vectors', () => {
  let observations = 0;
  for (const [reference, request, want, dynamics] of cases) {
    const id = JSON.stringify([reference, request]);
    if (typeof want === 'string') {
      assert.throws(() => api.fictionalChildData(reference, request), api.CentileError, id);
      continue;
    }
    const got = api.fictionalChildData(reference, request);
    // Every observation of the series, flagged ones included (with their flag), as rcpchgrowth gives them.
    assert.equal(got.length, want.length, id);
    got.forEach((m, i) => {
      const w = want[i];
      assert.equal(m.child_observation_value.observation_value_error !== null, w[2], `${id} ${i}: flag`);
      assert.equal(m.measurement_dates.observation_date, w[0], id);
      assert.equal(m.child_observation_value.observation_value, w[1], id);
      const { corrected_sds: c, chronological_sds: h } = m.measurement_calculated_values;
      assert.ok(c === w[3] || Math.abs(c - w[3]) <= 1e-9, id);
      assert.ok(h === w[4] || Math.abs(h - w[4]) <= 1e-9, id);
      observations++;
    });
    // rcpchgrowth's velocity and acceleration take the whole series, flagged observations included.
    const series = want.map((w) => ({ child_observation_value: { measurement_method: request.measurement_method, observation_value: w[1] },
      measurement_dates: { chronological_decimal_age: w[5] } }));
    [[api.velocity, dynamics[0]], [api.acceleration, dynamics[1]]].forEach(([fn, expected]) => {
      if (typeof expected === 'string') assert.throws(() => fn(request.measurement_method, series), api.CentileError, id);
      else assert.ok(Math.abs(fn(request.measurement_method, series) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), id);
    });
  }
  assert.ok(observations > 3000, `${observations}`);
});

test('thrive line vectors', () => {
  const { cases: lines } = JSON.parse(readFileSync(new URL('../vectors/thrive_lines.json', import.meta.url), 'utf8'));
  let points = 0;
  for (const [sex, start_sds, months, target_centile, want] of lines) {
    if (typeof want === 'string') continue;
    const got = api.thriveLine({ sex, start_sds, months, target_centile });
    months.forEach((m, i) => {
      assert.ok(Math.abs(got.zs[i] - want.zs[i]) <= 1e-9);
      assert.equal(got.observation_values[i], want.observation_values[i]);
      assert.equal(got.ages[i], i === 0 ? m / 12 : want.ages[i]);
      points++;
    });
  }
  assert.ok(points > 500);
});

// `centile/nutrition` (the measurements beyond the dGC API, a second wasm build) in Node: the committed oracle
// vectors of tests/vectors/nutrition/ (WHO anthro, the CDC SAS program's logic, sitar) through its bulkCalculation,
// held to what tests/nutrition.rs holds the Rust engine to (z-scores to 1e-6, flags and categories exactly); and
// the other entries' 422 naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const nutrition = await import(`${pkg}nutrition/index.js`);
const TOLERANCE = 1e-6;

/** The rows of tests/vectors/nutrition/`name`.csv as objects (`NA` as null, numbers as numbers). */
function rows(name) {
  const [header, ...lines] = readFileSync(new URL(`../vectors/nutrition/${name}.csv`, import.meta.url), 'utf8').trim().split('\n');
  const keys = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) =>
    [keys[i], v === 'NA' ? null : /^[-0-9.e]+$/.test(v) ? Number(v) : v])));
}

const BIRTH = '2000-01-01';
/** The date `days` after BIRTH. */
const after = (days) => new Date(Date.UTC(2000, 0, 1 + days)).toISOString().slice(0, 10);
const sexOf = (code) => (code === 1 ? 'male' : 'female');

/** Each row's result through one bulkCalculation per group (`key(row)` -> [reference, sex, method]). */
function results(cases, key, observation) {
  const groups = new Map();
  cases.forEach((row, i) => {
    const k = key(row).join(' ');
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(i);
  });
  const out = new Array(cases.length);
  for (const [k, indices] of groups) {
    const [reference, sex, method] = k.split(' ');
    const { results: answers } = nutrition.bulkCalculation(reference, {
      birth_date: BIRTH, sex, measurement_method: method, implausible_value_flags: true,
      observations: indices.map((i) => observation(cases[i])),
    });
    indices.forEach((i, j) => { out[i] = answers[j]; });
  }
  return out;
}

/** The z-score of a result, or null for an error entry (the engine's refusal). */
const zOf = (r) => (r.loc !== undefined ? null : r.measurement_calculated_values.chronological_sds);

/** `ours` and `theirs` both absent, or within TOLERANCE; the largest difference so far. */
function agree(what, ours, theirs, largest) {
  assert.equal(ours === null, theirs === null, `${what}: ours ${ours}, theirs ${theirs}`);
  if (ours === null) return largest;
  const d = Math.abs(ours - theirs);
  assert.ok(d <= TOLERANCE, `${what}: ours ${ours}, theirs ${theirs}`);
  return Math.max(largest, d);
}

test('WHO weight-for-length/height through centile/nutrition agrees with anthro (z and flags)', () => {
  const cases = rows('who_weight_for_length_height');
  const out = results(cases, (r) => ['who', sexOf(r.sex), r.position === 'l' ? 'weight_for_length' : 'weight_for_height'],
    (r) => ({ observation_date: after(r.age_days), observation_value: r.weight, [r.position === 'l' ? 'length' : 'height']: r.lenhei }));
  let largest = 0, scored = 0;
  cases.forEach((r, i) => {
    const z = zOf(out[i]);
    largest = agree(`case ${i}`, z, r.z, largest);
    if (z === null) return;
    scored++;
    assert.equal(out[i].beyond_dgc.implausible_value_flags.who.flag === null ? 0 : 1, r.flag, `flag, case ${i}`);
  });
  console.log(`WHO weight-for-length/height: ${cases.length} cases (${scored} scored), largest difference ${largest}`);
  assert.ok(scored > 4000);
});

test('WHO arm circumference and skinfolds through centile/nutrition agree with anthro (z and flags)', () => {
  for (const [name, method] of [['who_ac', 'arm_circumference'], ['who_ts', 'triceps_skinfold'], ['who_ss', 'subscapular_skinfold']]) {
    const cases = rows(name);
    const out = results(cases, (r) => ['who', sexOf(r.sex), method],
      (r) => ({ observation_date: after(r.age_days), observation_value: r.value }));
    let largest = 0, scored = 0;
    cases.forEach((r, i) => {
      const z = zOf(out[i]);
      largest = agree(`${name} case ${i}`, z, r.z, largest);
      if (z === null) return;
      scored++;
      assert.equal(out[i].beyond_dgc.implausible_value_flags.who.flag === null ? 0 : 1, r.flag, `${name} flag, case ${i}`);
    });
    console.log(`${name}: ${cases.length} cases (${scored} scored), largest difference ${largest}`);
    assert.equal(scored, 2 * 1736);
  }
});

test('CDC weight-for-length/stature through centile/nutrition agree with the SAS logic (z, modified z, BIV)', () => {
  for (const [name, method, field, days] of [['cdc_weight_for_length', 'weight_for_length', 'length', 365],
    ['cdc_weight_for_stature', 'weight_for_height', 'height', 4 * 365]]) {
    const cases = rows(name);
    const out = results(cases, (r) => ['cdc', sexOf(r.sex), method],
      (r) => ({ observation_date: after(days), observation_value: r.weight, [field]: r.cm }));
    let largest = 0, flagged = 0;
    cases.forEach((r, i) => {
      largest = agree(`${name} case ${i}`, zOf(out[i]), r.z, largest);
      const cdc = out[i].beyond_dgc.implausible_value_flags.cdc;
      largest = agree(`${name} modified z, case ${i}`, cdc.value, r.modified_z, largest);
      assert.equal({ low: -1, high: 1 }[cdc.flag] ?? 0, r.biv, `${name} BIV, case ${i}`);
      flagged += r.biv !== 0;
    });
    console.log(`${name}: ${cases.length} cases (${flagged} flagged), largest difference ${largest}`);
    assert.ok(flagged > 50);
  }
});

test('IOTF through centile/nutrition agrees with sitar at the ages a date can give exactly (4, 8, 12, 16 years)', () => {
  // A request gives its age as days / 365.25: of the vectors' ages only whole multiples of 4 years are exact.
  const CATEGORIES = ['thinness_grade_3', 'thinness_grade_2', 'thinness_grade_1', 'normal', 'overweight', 'obesity', 'morbid_obesity'];
  const cases = rows('iotf').filter((r) => Number.isInteger(r.age * 365.25));
  const out = results(cases, (r) => ['iotf', sexOf(r.sex), 'bmi'],
    (r) => ({ observation_date: after(r.age * 365.25), observation_value: r.bmi }));
  let largest = 0;
  cases.forEach((r, i) => {
    largest = agree(`IOTF case ${i}`, zOf(out[i]), r.z, largest);
    const { iotf } = out[i].beyond_dgc;
    largest = agree(`IOTF adult-equivalent BMI, case ${i}`, iotf.adult_equivalent_bmi, r.adult_equivalent_bmi, largest);
    assert.equal(CATEGORIES.indexOf(iotf.category), r.category, `IOTF category, case ${i}`);
  });
  console.log(`IOTF: ${cases.length} cases, largest difference ${largest}`);
  assert.equal(cases.length, 24);
});

test('calculation gives the measurement object with beyond_dgc, the malnutrition grade and its source', () => {
  const m = nutrition.calculation('who', { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'female',
    measurement_method: 'weight_for_length', observation_value: 6.5, length: 72 });
  assert.equal(m.child_observation_value.measurement_method, 'weight_for_length');
  assert.equal(m.beyond_dgc.table, 'WHO 2006 weight-for-length (45-110 cm)');
  assert.equal(m.beyond_dgc.acute_malnutrition.classification, 'severe_acute_malnutrition');
  assert.match(m.beyond_dgc.acute_malnutrition.source, /^WHO and UNICEF 2009/);
  // The dGC measurements answer as in the default entry.
  const dgc = { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'female', measurement_method: 'weight', observation_value: 8 };
  const other = createRequire(import.meta.url)(`${pkg}node/index.cjs`);
  assert.deepEqual(nutrition.calculation('who', dgc), other.calculation('who', dgc));
  assert.throws(() => nutrition.calculation('uk-who', { ...dgc, measurement_method: 'arm_circumference' }),
    (e) => e instanceof nutrition.CentileError && e.status === 422 && /only in the who reference/.test(e.message));
});

test('the other entries answer the measurements beyond the dGC API (calculations and charts) with a 422 naming centile/nutrition', async () => {
  const entries = { default: await import(`${pkg}bundler/index.js`), node: createRequire(import.meta.url)(`${pkg}node/index.cjs`) };
  const child = { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'female', observation_value: 8 };
  for (const [name, centile] of Object.entries(entries)) {
    for (const [reference, request, loc] of [
      ['who', { ...child, measurement_method: 'weight_for_length', length: 72 }, ['body', 'measurement_method']],
      ['who', { ...child, measurement_method: 'arm_circumference' }, ['body', 'measurement_method']],
      ['iotf', { ...child, measurement_method: 'bmi' }, ['path', 'reference']],
    ]) {
      for (const call of [() => centile.calculation(reference, request),
        () => centile.bulkCalculation(reference, { ...request, observations: [child] }), () => centile.chartCoordinates(reference, request)]) {
        assert.throws(call, (e) => e instanceof centile.CentileError && e.status === 422
          && /beyond the dGC API .*centile\/nutrition/.test(e.message) && JSON.stringify(e.detail[0].loc) === JSON.stringify(loc),
        `${name} ${reference} ${request.measurement_method}`);
      }
    }
    const flags = { ...child, measurement_method: 'weight', implausible_value_flags: true, observations: [child] };
    assert.throws(() => centile.bulkCalculation('who', flags), (e) => e.status === 422 && /centile\/nutrition/.test(e.message)
      && e.detail[0].loc.join('.') === 'body.implausible_value_flags', name);
    // Still answering, and the dGC methods as before.
    assert.equal(typeof centile.calculation('who', { ...child, measurement_method: 'weight' }).measurement_calculated_values.chronological_sds, 'number');
  }
});

test('chartCoordinates draws each table beyond the dGC API: every point scores back to its line (weight-for-length by length)', () => {
  for (const [reference, method, key, xField] of [['who', 'weight_for_length', 'who_2006_weight_for_length', 'length'],
    ['who', 'weight_for_height', 'who_2006_weight_for_height', 'height'], ['cdc', 'weight_for_length', 'cdc_2000_weight_for_length', 'length'],
    ['cdc', 'weight_for_height', 'cdc_2000_weight_for_stature', 'height'], ['who', 'arm_circumference', 'who_2006_arm_circumference', null],
    ['who', 'triceps_skinfold', 'who_2006_triceps_skinfold', null], ['who', 'subscapular_skinfold', 'who_2006_subscapular_skinfold', null],
    ['iotf', 'bmi', 'iotf_bmi', null]]) {
    const chart = nutrition.chartCoordinates(reference, { sex: 'female', measurement_method: method });
    assert.deepEqual(Object.keys(chart.centile_data[0]), [key]);
    assert.equal(chart.centile_data[0][key].male, null);
    const lines = chart.centile_data[0][key].female[method];
    assert.deepEqual(lines.map((l) => l.centile), [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6]);
    for (const line of lines) {
      const z = nutrition.sdsForCentile(line.centile);
      // Weight-for-length at 6 months (lying), weight-for-height at 3 years (standing); the others at the row's age
      // where a pair of dates gives it exactly (every WHO day row; IOTF's rows at 4, 8, 12 and 16 years).
      const exact = line.data.filter((p) => xField !== null || Math.abs(p.x * 365.25 - Math.round(p.x * 365.25)) < 1e-9);
      const step = Math.max(1, Math.floor(exact.length / 20));
      const observations = exact.filter((_, i) => i % step === 0).map((p) => (xField === null
        ? { observation_date: after(Math.round(p.x * 365.25)), observation_value: p.y }
        : { observation_date: after(xField === 'length' ? 183 : 1096), observation_value: p.y, [xField]: p.x }));
      const { results } = nutrition.bulkCalculation(reference, { birth_date: BIRTH, sex: 'female', measurement_method: method, observations });
      results.forEach((r, i) => assert.ok(Math.abs(zOf(r) - z) <= 1e-9, `${key} ${line.centile} point ${i}: ${zOf(r)} vs ${z}`));
    }
  }
  const dgc = { sex: 'male', measurement_method: 'height' };
  assert.deepEqual(nutrition.chartCoordinates('who', dgc), createRequire(import.meta.url)(`${pkg}node/index.cjs`).chartCoordinates('who', dgc));
});

test('chartCoordinates: CDC weight-for-stature runs along the stature (cm), each vertex CDC\'s published centile', () => {
  const [header, ...lines] = readFileSync(new URL('../../reference-data/nutrition/cdc/wtstat.csv', import.meta.url), 'utf8').trim().split('\n');
  const keys = header.split(',');
  const boys = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], Number(v)]))).filter((r) => r.Sex === 1);
  const centiles = keys.filter((k) => k.startsWith('P')).map((k) => Number(k.slice(1)));
  const chart = nutrition.chartCoordinates('cdc', { sex: 'male', measurement_method: 'weight_for_height', centile_format: centiles });
  const drawn = chart.centile_data[0].cdc_2000_weight_for_stature.male.weight_for_height;
  for (const line of drawn) {
    assert.deepEqual(line.data.map((p) => p.x), boys.map((r) => r.Height));
    line.data.forEach((p, i) => assert.ok(Math.abs(p.y - boys[i][`P${line.centile}`]) <= TOLERANCE, `P${line.centile} at ${p.x} cm: ${p.y}`));
  }
  assert.throws(() => nutrition.chartCoordinates('cdc', { sex: 'male', measurement_method: 'arm_circumference' }),
    (e) => e instanceof nutrition.CentileError && e.status === 422
      && e.message.includes('measurement_method arm_circumference is beyond the dGC API and only in the who reference'));
});

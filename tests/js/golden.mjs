// After hostile input, every export must still give the golden vectors' answers (rcpchgrowth 4.6.5): a sample of
// each vector file, through the fast and the general path, so a damaged instance cannot pass unnoticed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkCalculation, Report, request } from './compare.mjs';

const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
const spread = (xs, n) => Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]);
const calculations = spread(vectors('calculation.json').cases.filter((c) => Array.isArray(c[8])), 40);
const sds = spread(vectors('sds_for_measurement.json').cases.filter((c) => typeof c[5] === 'number'), 40);
const fromSds = spread(vectors('measurement_from_sds.json').cases
  .filter((c) => typeof c[5] === 'number' && Math.abs(c[4]) <= (c[1] === 'bmi' ? 15 : 8)), 20);
const centiles = vectors('centile.json');
const bmi = spread(vectors('percentage_median_bmi.json').cases.filter((c) => typeof c[4] === 'number'), 20);
const chart = vectors('charts.json').charts.find((c) => c.kind === 'named' && c.reference === 'uk-who');
const parents = vectors('mid_parental_height.json').cases.find((c) => typeof c[4] === 'object');
const fictional = vectors('fictional_child.json').cases.find((c) => Array.isArray(c[2]) && c[2].length > 5 && typeof c[3][1] === 'number');
const thrive = vectors('thrive_lines.json').cases.find((c) => typeof c[4] === 'object');
const near = (got, want, what) => assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${what}: ${got} vs ${want}`);

/** Asserts that every export of `api` answers a sample of the golden vectors correctly. */
export function assertEveryExportAnswers(api) {
  const r = new Report();
  for (const c of calculations) {
    checkCalculation(r, c, { ok: api.calculation(c[0], request(c)) });
    // bone_age sends the request down the general path; the numbers are the same.
    checkCalculation(r, c, { ok: api.calculation(c[0], { ...request(c), bone_age: 1 }) });
  }
  const [c0] = calculations;
  const bulk = api.bulkCalculation(c0[0], { ...request(c0), observations: [request(c0), { ...request(c0), events_text: ['x'] }] });
  for (const m of bulk.results) checkCalculation(r, c0, { ok: m });
  assert.deepEqual(r.failures, []);
  for (const [reference, measurement_method, sex, age, observation_value, want] of sds) {
    near(api.sdsForMeasurement({ reference, measurement_method, sex, age, observation_value }), want, 'sdsForMeasurement');
  }
  const [s0] = sds;
  const many = api.sdsForMeasurements(s0[0], s0[1], s0[2], sds.filter((c) => c.slice(0, 3).join() === s0.slice(0, 3).join()).map((c) => c[3]),
    sds.filter((c) => c.slice(0, 3).join() === s0.slice(0, 3).join()).map((c) => c[4]));
  sds.filter((c) => c.slice(0, 3).join() === s0.slice(0, 3).join()).forEach((c, i) => near(many[i], c[5], 'sdsForMeasurements'));
  for (const [reference, measurement_method, sex, age, z, want] of fromSds) {
    assert.equal(api.measurementFromSds({ reference, measurement_method, sex, age, sds: z }), want);
  }
  for (const [z, c] of spread(centiles.sds_to_centile, 20)) near(api.centileForSds(z), c, 'centileForSds');
  for (const [c, z] of spread(centiles.centile_to_sds, 20)) near(api.sdsForCentile(c), z, 'sdsForCentile');
  for (const [reference, sex, age, b, want] of bmi) near(api.percentageMedianBmi({ reference, sex, age, bmi: b }), want, 'percentageMedianBmi');
  near(api.bmiFromHeightWeight(150, 45), 45 / 1.5 ** 2, 'bmiFromHeightWeight');
  const segments = api.chartCoordinates(chart.reference, { sex: chart.sex, measurement_method: chart.measurement_method }).centile_data;
  assert.equal(segments.length, chart.result.length);
  segments.forEach((segment, s) => {
    const lines = Object.values(Object.values(Object.values(segment)[0])[0])[0];
    const want = Object.values(Object.values(Object.values(chart.result[s])[0])[0])[0];
    lines.forEach((line, k) => line.data.forEach((p, i) => {
      if (typeof want[k].y[i] === 'number') near(p.y, want[k].y[i], 'chart');
    }));
  });
  const [maternal, paternal, sex, reference, want] = parents;
  const mph = api.midParentalHeight({ height_maternal: maternal, height_paternal: paternal, sex, reference });
  assert.equal(mph.mid_parental_height, want.mid_parental_height);
  near(mph.mid_parental_height_sds, want.mid_parental_height_sds, 'mid-parental SDS');
  const [fReference, fRequest, fWant, dynamics] = fictional;
  const series = api.fictionalChildData(fReference, fRequest);
  const unflagged = fWant.filter((w) => !w[2]);
  assert.equal(series.length, unflagged.length);
  series.forEach((m, i) => near(m.measurement_calculated_values.corrected_sds, unflagged[i][3], 'fictional SDS'));
  const measurements = fWant.map((w) => ({ child_observation_value: { measurement_method: fRequest.measurement_method, observation_value: w[1] },
    measurement_dates: { chronological_decimal_age: w[5] } }));
  near(api.velocity(fRequest.measurement_method, measurements), dynamics[0], 'velocity');
  near(api.acceleration(fRequest.measurement_method, measurements), dynamics[1], 'acceleration');
  const [tSex, startSds, months, target, tWant] = thrive;
  const line = api.thriveLine({ sex: tSex, start_sds: startSds, months, target_centile: target });
  months.forEach((_, i) => near(line.zs[i], tWant.zs[i], 'thrive'));
  assert.equal(api.buildInfo().name, 'centile');
}

// The golden vectors from rcpchgrowth 4.6.5, run through the packaged build in Node (pkg/node; pkg/js, the
// pure-JavaScript build, with CENTILE_BUILD=js).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const centile = require(BUILD);
const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
import { BUILD, Report, attempt, checkCalculation, request } from './compare.mjs';

test('calculation vectors', () => {
  const { cases } = vectors('calculation.json');
  const r = new Report();
  for (const c of cases) checkCalculation(r, c, attempt(() => centile.calculation(c[0], request(c))));
  r.done('calculation', cases.length);
});

test('flagged vectors: every observation rcpchgrowth answers with an error inside answers 200 with its numbers and flag', () => {
  const { cases } = vectors('flagged.json');
  const r = new Report();
  for (const c of cases) checkCalculation(r, c, attempt(() => centile.calculation(c[0], request(c))));
  r.done('flagged', cases.length);
  // Strict mode: every one of them (and only they) a 422 naming observation_value.
  let strict = 0;
  for (const c of cases.filter((_, i) => i % 5 === 0)) {
    const got = attempt(() => centile.calculation(c[0], request(c), { strict: true }));
    if (!got.err || got.err.name !== 'CentileError' || got.err.detail[0].loc.join('.') !== 'body.observation_value') {
      r.fail(`${JSON.stringify(c.slice(0, 8))}: strict mode answered ${JSON.stringify(got.ok ?? got.err).slice(0, 120)}`);
    }
    strict++;
  }
  r.done('flagged, strict', strict);
});

test('sdsForMeasurement vectors', () => {
  const { cases } = vectors('sds_for_measurement.json');
  const r = new Report();
  for (const [reference, measurement_method, sex, age, observation_value, want] of cases) {
    const got = attempt(() => centile.sdsForMeasurement({ reference, measurement_method, sex, age, observation_value }));
    r.close(JSON.stringify([reference, measurement_method, sex, age, observation_value]), got.err ? null : got.ok, want);
  }
  r.done('sdsForMeasurement', cases.length);
});

test('measurementFromSds vectors', () => {
  const { cases } = vectors('measurement_from_sds.json');
  const r = new Report();
  for (const [reference, measurement_method, sex, age, sds, want] of cases) {
    const got = attempt(() => centile.measurementFromSds({ reference, measurement_method, sex, age, sds }));
    const id = JSON.stringify([reference, measurement_method, sex, age, sds]);
    // Departure (docs/differences.md): where rcpchgrowth answers None or an SDS is beyond ±8 (±15 for BMI), a 422.
    const refused = want === null || Math.abs(sds) > (measurement_method === 'bmi' ? 15 : 8);
    if (typeof want === 'string' || refused) { if (!got.err) r.fail(`${id}: expected an error (${want}), got ${got.ok}`); }
    else if (got.err) r.fail(`${id}: unexpected error ${got.err.message}`);
    else if (got.ok !== want) r.fail(`${id}: got ${got.ok}, want ${want}`);
  }
  r.done('measurementFromSds', cases.length);
});

test('centileForSds and sdsForCentile vectors', () => {
  const { sds_to_centile, centile_to_sds } = vectors('centile.json');
  const r = new Report();
  for (const [z, c] of sds_to_centile) r.close(`centileForSds(${z})`, centile.centileForSds(z), c);
  for (const [c, z] of centile_to_sds) r.close(`sdsForCentile(${c})`, centile.sdsForCentile(c), z);
  r.done('centile', sds_to_centile.length + centile_to_sds.length);
});

test('percentageMedianBmi vectors', () => {
  const { cases } = vectors('percentage_median_bmi.json');
  const r = new Report();
  for (const [reference, sex, age, bmi, want] of cases) {
    const got = attempt(() => centile.percentageMedianBmi({ reference, sex, age, bmi }));
    r.close(JSON.stringify([reference, sex, age, bmi]), got.err ? null : got.ok, want);
  }
  r.done('percentageMedianBmi', cases.length);
});

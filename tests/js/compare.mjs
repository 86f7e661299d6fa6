// Shared by the Node and browser conformance tests: compares our results with the rcpchgrowth 4.6.5 vectors.
import assert from 'node:assert/strict';

export const TOLERANCE = 1e-9;

/** The build the Node tests load (relative to tests/js/): the wasm build, or with CENTILE_BUILD=js centile/js. */
export const BUILD = globalThis.process?.env.CENTILE_BUILD === 'js' ? '../../pkg/js/index.cjs' : '../../pkg/node/index.cjs';

// Our band and comment sentences, read back into the classification keys the vectors use.
export function bandKey(text) {
  if (text === null) return null;
  let m;
  if ((m = text.match(/on or close to the ([\d.]+)[a-z]{2} centile/))) return `on:${Number(m[1])}`;
  if ((m = text.match(/between the ([\d.]+)[a-z]{2} and ([\d.]+)[a-z]{2} centile/))) return `between:${Number(m[1])}:${Number(m[2])}`;
  if (text.includes('below the lowest')) return 'below';
  if (text.includes('above the highest')) return 'above';
  if (text.includes('more than 4 SDS')) return 'outside';
  throw new Error(`unrecognised band sentence: ${text}`);
}
export function commentKey(lay) {
  if (lay.includes('on their due date')) return 'term_due_date';
  if (lay.includes('stops adjusting')) return 'preterm_uncorrected_after_2';
  if (lay.includes('counts as term')) return 'term_range_uncorrected';
  if (lay.includes('born at term')) return 'term_40_uncorrected';
  if (lay.includes('has been adjusted')) return 'corrected';
  throw new Error(`unrecognised comment: ${lay}`);
}

export class Report {
  constructor() { this.failures = []; this.maxDiff = 0; }
  fail(msg) { this.failures.push(msg); }
  close(what, got, want) {
    if (want === null || typeof want === 'string') {
      if (got !== null && got !== undefined) this.fail(`${what}: got ${got}, want ${want}`);
      return;
    }
    const d = Math.abs(got - want);
    if (!(d <= TOLERANCE)) this.fail(`${what}: got ${got}, want ${want}`);
    else this.maxDiff = Math.max(this.maxDiff, d);
  }
  done(name, count) {
    console.log(`${name}: ${count} cases, max |difference| ${this.maxDiff.toExponential(2)}`);
    assert.equal(this.failures.length, 0, `${this.failures.length} mismatches:\n${this.failures.slice(0, 20).join('\n')}`);
  }
}

export const attempt = (fn) => { try { return { ok: fn() }; } catch (e) { return { err: { name: e.name, message: e.message, detail: e.detail } }; } };

/** The request body of a calculation vector. */
export function request(c) {
  const [, birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days] = c;
  return { birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days };
}

/** Checks `got` ({ok} or {err}) for calculation vector `c` into report `r`. */
export function checkCalculation(r, c, got) {
  const want = c[8];
  const id = JSON.stringify(c.slice(0, 8));
  if (typeof want === 'string' && want.startsWith('observation_value_error')) {
    // Answered and flagged, as rcpchgrowth answers it, or a 422 where its SDS is not finite (flagged.json has
    // the numbers and says which).
    if (got.err ? got.err.name !== 'CentileError' : got.ok.child_observation_value.observation_value_error === null) {
      r.fail(`${id}: neither flagged nor a CentileError`);
    }
    return;
  }
  if (typeof want === 'string') {
    if (!got.err) r.fail(`${id}: expected an error (${want})`);
    else if (got.err.name !== 'CentileError' || !Array.isArray(got.err.detail)) r.fail(`${id}: not a CentileError: ${got.err}`);
    return;
  }
  if (got.err) { r.fail(`${id}: unexpected error ${got.err.message}`); return; }
  const m = got.ok, d = m.measurement_dates, v = m.measurement_calculated_values;
  const exact = [
    ['chronological age', d.chronological_decimal_age, want[0]], ['corrected age', d.corrected_decimal_age, want[1]],
    ['edd', m.birth_data.estimated_date_delivery, want[2]], ['edd string', m.birth_data.estimated_date_delivery_string, want[3]],
    ['calendar age', d.chronological_calendar_age, want[4]], ['corrected calendar age', d.corrected_calendar_age, want[5]],
    ['cga weeks', d.corrected_gestational_age.corrected_gestation_weeks, want[6]],
    ['cga days', d.corrected_gestational_age.corrected_gestation_days, want[7]],
    ['comment', commentKey(d.comments.lay_corrected_decimal_age_comment), want[8]],
    ['corrected band', bandKey(v.corrected_centile_band), want[11]], ['corrected error', v.corrected_measurement_error !== null, want[12]],
    ['chronological band', bandKey(v.chronological_centile_band), want[15]], ['chronological error', v.chronological_measurement_error !== null, want[16]],
    ['gestation weeks', m.birth_data.gestation_weeks, want[19]], ['gestation days', m.birth_data.gestation_days, want[20]],
  ];
  // flagged.json: whether observation_value_error is set, and the plotted points carry it.
  if (want.length > 21) {
    exact.push(['flag', m.child_observation_value.observation_value_error !== null, want[21]]);
    const points = m.plottable_data.centile_data;
    for (const p of [points.chronological_decimal_age_data, points.corrected_decimal_age_data]) {
      exact.push(['point flag', p.observation_error, m.child_observation_value.observation_value_error]);
    }
  }
  for (const [what, g, w] of exact) if (g !== w) r.fail(`${id} ${what}: got ${g}, want ${w}`);
  r.close(`${id} corrected sds`, v.corrected_sds, want[9]);
  r.close(`${id} corrected centile`, v.corrected_centile, want[10]);
  r.close(`${id} chronological sds`, v.chronological_sds, want[13]);
  r.close(`${id} chronological centile`, v.chronological_centile, want[14]);
  r.close(`${id} corrected %median BMI`, v.corrected_percentage_median_bmi, want[17]);
  r.close(`${id} chronological %median BMI`, v.chronological_percentage_median_bmi, want[18]);
}

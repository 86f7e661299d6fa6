// Example children (fixed, so a visitor and the tests see the same numbers) and a seeded fictional child. The
// values are generated with centile itself: each visit's value is the reference value at a chosen SDS.
import { fictionalChildData, measurementFromSds } from 'centile/web';
import { isoToday, newChild, newVisit } from './model.js';

const DAY = 86400000;
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const round = (x, d) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Visits at `days` after birth; `sds(method, i)` gives each value's SDS (null: not measured at that visit). */
function visitsFor({ reference, sex, birth_date, gestation_weeks, gestation_days }, days, sds) {
  const early = (40 * 7 - (gestation_weeks * 7 + gestation_days)) / 365.25;
  return days.map((day, i) => {
    const age = day / 365.25 - (reference === 'uk-who' || gestation_weeks < 37 ? early : 0);
    const value = (method) => {
      const z = sds(method, i);
      if (z === null) return null;
      return round(measurementFromSds({ reference, measurement_method: method, sex, age, sds: z }), method === 'weight' ? 3 : 1);
    };
    return newVisit({ date: addDays(birth_date, day), height: value('height'), weight: value('weight'), ofc: value('ofc') });
  });
}

const drift = (from, to, i, n) => from + ((to - from) * i) / Math.max(1, n - 1);

export const EXAMPLES = [
  {
    key: 'term', label: 'Term baby',
    make() {
      const child = newChild({ name: 'Example: term baby', birth_date: '2022-02-11', sex: 'female', gestation_weeks: 39,
        gestation_days: 3, height_maternal: 165, height_paternal: 180 });
      const days = [5, 14, 42, 91, 182, 273, 365, 548, 730, 1095];
      child.visits = visitsFor(child, days, (m, i) => ({
        height: i < 2 ? null : drift(0.2, 0.6, i, days.length),
        weight: drift(-0.4, 0.3, i, days.length),
        ofc: i > 7 ? null : 0.3,
      })[m]);
      return child;
    },
  },
  {
    key: 'preterm', label: 'Preterm, 28 weeks',
    make() {
      const child = newChild({ name: 'Example: born at 28 weeks', birth_date: '2023-06-02', sex: 'male', gestation_weeks: 28,
        gestation_days: 3, height_maternal: 160, height_paternal: 176 });
      const days = [3, 21, 49, 84, 126, 182, 273, 365, 548, 730];
      child.visits = visitsFor(child, days, (m, i) => ({
        height: i === 0 ? null : drift(-0.8, -0.2, i, days.length),
        weight: [-0.3, -1.1, -1.0, -0.8, -0.6, -0.5, -0.4, -0.3, -0.3, -0.2][i],
        ofc: drift(-0.2, 0.1, i, days.length),
      })[m]);
      return child;
    },
  },
  {
    key: 'turner', label: 'Turner syndrome',
    make() {
      const child = newChild({ name: 'Example: Turner syndrome', birth_date: '2014-09-20', sex: 'female', reference: 'turners-syndrome' });
      const days = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5].map((y) => Math.round(y * 365.25));
      child.visits = visitsFor(child, days, (m, i) => (m === 'height' ? drift(0.1, 0.4, i, days.length) : null));
      return child;
    },
  },
  {
    key: 'trisomy', label: 'Trisomy 21',
    make() {
      const child = newChild({ name: 'Example: trisomy 21', birth_date: '2019-01-08', sex: 'male', gestation_weeks: 38,
        reference: 'trisomy-21' });
      const days = [10, 60, 120, 240, 365, 548, 730, 1095, 1461, 1826];
      child.visits = visitsFor(child, days, (m, i) => ({
        height: drift(-0.3, 0.1, i, days.length), weight: drift(-0.6, 0.2, i, days.length), ofc: i > 7 ? null : -0.2,
      })[m]);
      return child;
    },
  },
];

/** A fictional child following a centile with drift and noise (seeded: the same seed gives the same child). */
export function fictionalChild(seed) {
  const sex = seed % 2 ? 'male' : 'female';
  const start = ((seed * 7919) % 400) / 200 - 1; // SDS between -1 and +1
  const series = (measurement_method) => fictionalChildData('uk-who', {
    measurement_method, sex, start_chronological_age: 0.1, end_age: 6, measurement_interval_type: 'months',
    measurement_interval_number: 4, start_sds: start, drift: true, drift_range: -0.3, noise: true, noise_range: 0.01, seed,
  });
  // rcpchgrowth's series starts on a fixed historical birth date: move it so the last visit is this month.
  const birth_date = addDays(isoToday(), -Math.round(6 * 365.25) - 20);
  const all = ['height', 'weight', 'ofc'].map((method) => [method, series(method)]);
  const origin = Date.parse(all[0][1][0].birth_data.birth_date);
  const since = (iso) => Math.round((Date.parse(iso) - origin) / DAY);
  const byDate = new Map();
  for (const [method, list] of all) {
    for (const m of list) {
      const date = addDays(birth_date, since(m.measurement_dates.observation_date));
      if (!byDate.has(date)) byDate.set(date, newVisit({ date }));
      byDate.get(date)[method] = round(m.child_observation_value.observation_value, method === 'weight' ? 3 : 1);
    }
  }
  return newChild({
    name: `Fictional child (seed ${seed})`, birth_date, sex,
    visits: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  });
}

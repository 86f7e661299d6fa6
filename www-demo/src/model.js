// The child model (stored metric) and its scoring: every visit × method through centile's `calculation`, errors
// kept on their row. Pure functions of plain data, so the page, import/export and the tests share them.
import { calculation, bmiFromHeightWeight, velocity } from 'centile/web';
import { scorable } from './refused.js';

export const REFERENCES = [
  { id: 'uk-who', label: 'UK-WHO', methods: ['height', 'weight', 'ofc', 'bmi'], mph: true },
  { id: 'who', label: 'WHO 2006/2007', methods: ['height', 'weight', 'ofc', 'bmi'], mph: true },
  { id: 'cdc', label: 'CDC 2000 (WHO under 2)', methods: ['height', 'weight', 'ofc', 'bmi'], mph: true },
  { id: 'turners-syndrome', label: 'Turner syndrome (girls’ height)', methods: ['height'], sexes: ['female'] },
  { id: 'trisomy-21', label: 'Trisomy 21 (UK)', methods: ['height', 'weight', 'ofc', 'bmi'] },
  { id: 'trisomy-21-aap', label: 'Trisomy 21 (AAP, US)', methods: ['height', 'weight', 'ofc', 'bmi'] },
];
export const referenceOf = (id) => REFERENCES.find((r) => r.id === id) ?? REFERENCES[0];

export const METHODS = {
  height: { label: 'Height', unit: 'cm' },
  weight: { label: 'Weight', unit: 'kg' },
  ofc: { label: 'Head circumference', unit: 'cm' },
  bmi: { label: 'BMI', unit: 'kg/m²' },
};

let nextId = 1;
export const newId = (prefix) => `${prefix}${Date.now().toString(36)}${(nextId++).toString(36)}`;

/** A visit: one date, any of the three measured values (metric), optional bone age and event notes. */
export const newVisit = (fields = {}) => ({
  id: newId('v'), date: '', height: null, weight: null, ofc: null, bone_age: null, events: '', ...fields,
});

export const newChild = (fields = {}) => ({
  id: newId('c'), name: 'Child', birth_date: '', sex: 'female', gestation_weeks: 40, gestation_days: 0,
  reference: 'uk-who', height_maternal: null, height_paternal: null, visits: [], ...fields,
});

/** Today in the user's time zone, as `YYYY-MM-DD`. */
export const isoToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const FIELD_LABELS = {
  birth_date: 'Birth date', observation_date: 'Date', sex: 'Sex', gestation_weeks: 'Gestation (weeks)',
  gestation_days: 'Gestation (days)', bone_age: 'Bone age', events_text: 'Events',
};

/** One readable sentence per 422 item, naming the field (the measurement for observation_value). */
export function describeError(error, method) {
  if (error?.name !== 'CentileError' || !Array.isArray(error.detail)) return `Could not calculate: ${error?.message ?? error}`;
  return error.detail.map((d) => {
    const field = d.input === 'observation_value' || d.loc?.at(-1) === 'observation_value' ? METHODS[method].label
      : FIELD_LABELS[d.loc?.at(-1)] ?? null;
    return field ? `${field}: ${d.msg}` : d.msg;
  }).join(' ');
}

/** Problems with the child's own details (shown once, above the table). */
export function childProblems(child) {
  const problems = [];
  const ref = referenceOf(child.reference);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(child.birth_date ?? '')) problems.push('Enter a birth date.');
  else if (child.birth_date > isoToday()) problems.push('The birth date is in the future.');
  if (ref.sexes && !ref.sexes.includes(child.sex)) problems.push(`${ref.label} is a reference for girls only.`);
  return problems;
}

// The last results by request, so a value typed back (or a reference switched back) is not recomputed. Cleared when
// it grows past a few thousand entries.
const scored = new Map();
function score(reference, request) {
  const key = `${reference}|${JSON.stringify(request)}`;
  let entry = scored.get(key);
  if (!entry) {
    try { entry = { m: scorable(calculation(reference, request)) }; } catch (e) { entry = { error: e }; }
    if (scored.size > 5000) scored.clear();
    scored.set(key, entry);
  }
  if (entry.error) throw entry.error;
  return entry.m;
}

// Each visit's last scored row, keyed by the visit object (edits replace the edited visit only) and checked against
// what else the row depends on: the child's details and today's date. An edit of a 100-visit child so re-scores one
// visit, and every other row keeps its objects (the tables skip re-rendering them).
const rowsByVisit = new WeakMap();

/** One visit's results, errors and advisories (velocity is added by scoreChild, from the previous visit). */
function scoreVisit(child, ref, blocked, today, visit) {
  const context = [child.reference, child.birth_date, child.sex, child.gestation_weeks, child.gestation_days, blocked, today].join('|');
  const cached = rowsByVisit.get(visit);
  if (cached?.context === context) return cached.row;
  const row = { visit, results: {}, errors: {}, advisories: {}, velocity: {}, bmi: null };
  if (!visit.date) row.errors.visit = 'Date: enter the date of this visit.';
  else if (visit.date > today) row.errors.visit = 'Date: this date is in the future; check it.';
  else if (child.birth_date && visit.date < child.birth_date) row.errors.visit = 'Date: this visit is before the birth date.';
  if (visit.height > 0 && visit.weight > 0) row.bmi = bmiFromHeightWeight(visit.height, visit.weight);
  if (!blocked && !row.errors.visit) {
    const base = {
      birth_date: child.birth_date, sex: child.sex,
      gestation_weeks: child.gestation_weeks, gestation_days: child.gestation_days,
    };
    for (const method of ref.methods) {
      const value = method === 'bmi' ? row.bmi : visit[method];
      if (value === null || value === undefined || value === '') continue;
      const notes = {};
      if (method === 'height' && visit.bone_age > 0) notes.bone_age = visit.bone_age;
      if (visit.events?.trim()) notes.events_text = visit.events.split(';').map((s) => s.trim()).filter(Boolean);
      try {
        row.results[method] = score(child.reference, {
          ...base, ...notes, measurement_method: method, observation_date: visit.date, observation_value: value,
        });
      } catch (e) {
        (method === 'bmi' ? row.advisories : row.errors)[method] = describeError(e, method);
      }
    }
  }
  rowsByVisit.set(visit, { context, row });
  return row;
}

// Velocity between two measurement objects, kept on the later one (objects are reused while unchanged).
const velocities = new WeakMap();
function velocityBetween(method, previous, m) {
  const cached = velocities.get(m);
  if (cached?.previous === previous) return cached.v;
  let v;
  try { v = velocity(method, [previous, m]); } catch { /* same age: no velocity */ }
  velocities.set(m, { previous, v });
  return v;
}

/**
 * Scores every visit. Returns one row per visit (sorted by date): {visit, results: {method: MeasurementObject},
 * errors: {method|'visit': sentence}, advisories: {bmi: sentence}, velocity: {method: units a year since the
 * previous value}, bmi}. BMI is derived, not entered, so a BMI centile does not exist (e.g. before 2 weeks) is an
 * advisory rather than an error on the row. Rows of unchanged visits are the same objects as last time.
 */
export function scoreChild(child) {
  const ref = referenceOf(child.reference);
  const blocked = childProblems(child).length > 0;
  const today = isoToday();
  const previous = {};
  return [...child.visits].sort((a, b) => (a.date || '9').localeCompare(b.date || '9')).map((visit) => {
    let row = scoreVisit(child, ref, blocked, today, visit);
    const velocity = {};
    for (const [method, m] of Object.entries(row.results)) {
      if (previous[method]) {
        const v = velocityBetween(method, previous[method], m);
        if (v !== undefined) velocity[method] = v;
      }
      previous[method] = m;
    }
    const same = Object.keys(velocity).length === Object.keys(row.velocity).length
      && Object.entries(velocity).every(([method, v]) => Object.is(row.velocity[method], v));
    if (!same) {
      row = { ...row, velocity };
      rowsByVisit.set(visit, { ...rowsByVisit.get(visit), row });
    }
    return row;
  });
}

/**
 * The measurement objects of each method, for the chart component. A method's list is `previous`'s own array when
 * it holds the same objects (and `previous` itself is returned when every list is), so the chart redraws only when
 * what it draws changed.
 */
export function measurementsByMethod(rows, previous = {}) {
  const out = { height: [], weight: [], ofc: [], bmi: [] };
  for (const row of rows) for (const [method, m] of Object.entries(row.results)) out[method].push(m);
  for (const [method, list] of Object.entries(out)) {
    const before = previous[method];
    if (before?.length === list.length && list.every((m, i) => before[i] === m)) out[method] = before;
  }
  return Object.keys(out).every((method) => out[method] === previous[method]) ? previous : out;
}

// ---------------------------------------------------------------------------------------------- display

/** A centile as the RCPCH specification asks: integers, one decimal outside 1–99, "<0.4" / ">99.6" beyond. */
export function formatCentile(c) {
  if (c === null || c === undefined || !Number.isFinite(c)) return '—';
  if (c < 0.4) return '<0.4';
  if (c > 99.6) return '>99.6';
  if (c < 1 || c > 99) return c.toFixed(1);
  return String(Math.round(c));
}

export const formatSds = (s) => (s === null || s === undefined || !Number.isFinite(s) ? '—' : (s >= 0 ? '+' : '−') + Math.abs(s).toFixed(2));
export const formatValue = (v, d = 1) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d));

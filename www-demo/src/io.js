// Files, not servers: a child to and from JSON and CSV. Each format is one entry of FORMATS ({label, extension,
// type, write(child, rows), read(text) → children}); another format (e.g. FHIR) is one more entry.
import { buildInfo } from 'centile/web';
import { csvObjects, toCsv } from './csv.js';
import { newChild, newVisit, REFERENCES } from './model.js';

const CHILD_FIELDS = ['name', 'birth_date', 'sex', 'gestation_weeks', 'gestation_days', 'reference', 'height_maternal', 'height_paternal'];
const VISIT_FIELDS = ['date', 'height', 'weight', 'ofc', 'bone_age', 'events'];
const CSV_VISIT = { date: 'date', height: 'height_cm', weight: 'weight_kg', ofc: 'ofc_cm', bone_age: 'bone_age_years', events: 'events' };
const RESULT_METHODS = ['height', 'weight', 'ofc', 'bmi'];

const num = (v) => (v === '' || v === null || v === undefined ? null : Number(v));

/** A child from untrusted plain data: only known fields, typed; throws a sentence naming what is wrong. */
export function childFromData(data) {
  if (!data || typeof data !== 'object') throw new Error('The file holds no child.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.birth_date ?? '')) throw new Error('The file’s child has no birth date (YYYY-MM-DD).');
  if (!['male', 'female'].includes(data.sex)) throw new Error('The file’s child has no sex (male or female).');
  if (data.reference && !REFERENCES.some((r) => r.id === data.reference)) throw new Error(`Unknown reference “${String(data.reference).slice(0, 40)}”.`);
  const child = newChild({
    name: String(data.name ?? 'Imported child').slice(0, 80), birth_date: data.birth_date, sex: data.sex,
    gestation_weeks: num(data.gestation_weeks) ?? 40, gestation_days: num(data.gestation_days) ?? 0,
    reference: data.reference || 'uk-who', height_maternal: num(data.height_maternal), height_paternal: num(data.height_paternal),
  });
  child.visits = (Array.isArray(data.visits) ? data.visits : []).map((v) => newVisit({
    date: String(v.date ?? ''), height: num(v.height), weight: num(v.weight), ofc: num(v.ofc),
    bone_age: num(v.bone_age), events: String(v.events ?? ''),
  }));
  return child;
}

const plainChild = (child) => ({
  ...Object.fromEntries(CHILD_FIELDS.map((k) => [k, child[k] ?? null])),
  visits: child.visits.map((v) => Object.fromEntries(VISIT_FIELDS.map((k) => [k, v[k] ?? null]))),
});

export const FORMATS = {
  json: {
    label: 'JSON', extension: 'json', type: 'application/json',
    write: (child) => `${JSON.stringify({ format: 'centile-demo-child', version: 1, engine: buildInfo(), child: plainChild(child) }, null, 2)}\n`,
    read: (text) => {
      const data = JSON.parse(text);
      const list = Array.isArray(data?.children) ? data.children : [data?.child ?? data];
      return list.map(childFromData);
    },
  },
  csv: {
    label: 'CSV', extension: 'csv', type: 'text/csv',
    // One line per visit; the child's fields repeat on every line; the results columns are for reading only.
    write: (child, rows) => {
      const header = [...CHILD_FIELDS, ...Object.values(CSV_VISIT),
        ...RESULT_METHODS.flatMap((m) => [`${m}_corrected_sds`, `${m}_corrected_centile`, `${m}_chronological_sds`, `${m}_chronological_centile`])];
      const byVisit = new Map(rows.map((r) => [r.visit.id, r]));
      const childCells = CHILD_FIELDS.map((k) => child[k]);
      const lines = (child.visits.length ? child.visits : [null]).map((v) => {
        const values = byVisit.get(v?.id)?.results ?? {};
        return [...childCells, ...Object.keys(CSV_VISIT).map((k) => v?.[k] ?? ''),
          ...RESULT_METHODS.flatMap((m) => {
            const c = values[m]?.measurement_calculated_values;
            return [c?.corrected_sds, c?.corrected_centile, c?.chronological_sds, c?.chronological_centile];
          })];
      });
      return toCsv([header, ...lines]);
    },
    read: (text) => {
      const lines = csvObjects(text);
      if (!lines.length) throw new Error('The CSV file has no rows under its header.');
      const children = new Map();
      for (const line of lines) {
        const key = `${line.name}|${line.birth_date}|${line.sex}`;
        if (!children.has(key)) children.set(key, { ...Object.fromEntries(CHILD_FIELDS.map((k) => [k, line[k]])), visits: [] });
        if (line.date) children.get(key).visits.push(Object.fromEntries(Object.entries(CSV_VISIT).map(([k, col]) => [k, line[col] ?? ''])));
      }
      return [...children.values()].map(childFromData);
    },
  },
};

/** Reads a file the user chose, by its extension (JSON otherwise). */
export async function importFile(file) {
  const text = await file.text();
  const format = /\.csv$/i.test(file.name) ? FORMATS.csv : FORMATS.json;
  return format.read(text);
}

/** Offers the child as a file download in a format of FORMATS. */
export function exportFile(child, rows, key) {
  const format = FORMATS[key];
  const blob = new Blob([format.write(child, rows)], { type: format.type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${(child.name || 'child').replace(/[^\w-]+/g, '_')}.${format.extension}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

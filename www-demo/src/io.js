// Files, not servers: a child to and from JSON, CSV and FHIR R4. Each format is one entry of FORMATS ({label,
// extension, type, write(child, rows), read(text) → children}).
import { buildInfo, fromFhir, toFhir } from 'centile/web';
import { csvObjects, toCsv } from './csv.js';
import { newChild, newVisit, REFERENCES } from './model.js';

const CHILD_FIELDS = ['name', 'birth_date', 'sex', 'gestation_weeks', 'gestation_days', 'reference', 'height_maternal', 'height_paternal'];
const VISIT_FIELDS = ['date', 'height', 'weight', 'ofc', 'bone_age', 'events'];
const CSV_VISIT = { date: 'date', height: 'height_cm', weight: 'weight_kg', ofc: 'ofc_cm', bone_age: 'bone_age_years', events: 'events' };
const RESULT_METHODS = ['height', 'weight', 'ofc', 'bmi'];

// The measurements a visit holds, as FHIR writes them (LOINC code, display, UCUM unit).
const FHIR_MEASUREMENTS = {
  height: ['8302-2', 'Body height', 'cm'],
  weight: ['29463-7', 'Body weight', 'kg'],
  ofc: ['9843-4', 'Head Occipital-frontal circumference', 'cm'],
};
const loinc = (code, display) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });

/** The resources of a FHIR file: a Bundle or a list (JSON), or NDJSON (one resource a line). */
function fhirResources(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text.split(/\r?\n/).filter((line) => line.trim()).map((line) => JSON.parse(line));
  }
}

/** Whether a file's text is FHIR: a resource or a list of resources (JSON), or NDJSON of resources. */
function isFhir(text) {
  try {
    const data = JSON.parse(text);
    return typeof data?.resourceType === 'string' || typeof data?.[0]?.resourceType === 'string';
  } catch {
    return /^\s*\{\s*"resourceType"/.test(text);
  }
}

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
  fhir: {
    label: 'FHIR', extension: 'fhir.json', type: 'application/fhir+json',
    // A FHIR R4 collection Bundle: the Patient, the gestational age at birth, every measurement, and every result
    // as centile's Observation (toFhir: the centile, the SDS as a component, derivedFrom its measurement).
    write: (child, rows) => {
      const subject = 'Patient/child';
      const entry = [{ resource: { resourceType: 'Patient', id: 'child', name: [{ text: child.name }], gender: child.sex, birthDate: child.birth_date } }];
      const observation = (id, code, effectiveDateTime, valueQuantity) => entry.push({ resource: {
        resourceType: 'Observation', id, status: 'final', code, subject: { reference: subject }, effectiveDateTime, valueQuantity } });
      const days = (child.gestation_weeks ?? 40) * 7 + (child.gestation_days ?? 0);
      if (days !== 280) observation('gestation', loinc('76516-4', 'Gestational age at birth'), child.birth_date, { value: days, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' });
      for (const v of child.visits) {
        for (const [method, [code, display, unit]] of Object.entries(FHIR_MEASUREMENTS)) {
          if (v.date && v[method] > 0) observation(`${v.id}-${method}`, loinc(code, display), v.date, { value: v[method], unit, system: 'http://unitsofmeasure.org', code: unit });
        }
      }
      for (const row of rows) {
        for (const [method, m] of Object.entries(row.results)) {
          const derivedFrom = method in FHIR_MEASUREMENTS ? `Observation/${row.visit.id}-${method}` : null;
          entry.push({ resource: { id: `${row.visit.id}-${method}-centile`, ...toFhir(m, { subject, derivedFrom }) } });
        }
      }
      return `${JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }, null, 2)}\n`;
    },
    // The Patient and its measurements through fromFhir; the reference from centile's own result Observations,
    // when the file has them. Resources not used are counted in `notes`.
    read: (text) => {
      const resources = fhirResources(text);
      const { requests, ignored } = fromFhir(resources);
      const list = Array.isArray(resources) ? resources : (resources?.entry ?? []).map((e) => e?.resource);
      const patient = list.find((r) => r?.resourceType === 'Patient');
      const reference = list.map((r) => r?.method?.coding?.[0]).find((c) => c?.system === 'urn:centile:growth-reference')?.code;
      const visits = new Map();
      for (const request of requests) {
        if (!(request.measurement_method in FHIR_MEASUREMENTS)) continue;
        for (const o of request.observations) {
          visits.set(o.observation_date, { ...(visits.get(o.observation_date) ?? { date: o.observation_date }), [request.measurement_method]: o.observation_value });
        }
      }
      const [first] = requests;
      if (!first) throw new Error('The FHIR file holds no height, weight or head circumference Observations.');
      const child = childFromData({
        name: patient?.name?.[0]?.text ?? 'Imported FHIR child', birth_date: first.birth_date, sex: first.sex,
        gestation_weeks: first.gestation_weeks, gestation_days: first.gestation_days, reference,
        visits: [...visits.values()].sort((a, b) => a.date.localeCompare(b.date)),
      });
      const children = [child];
      if (ignored.length) children.notes = `${ignored.length} FHIR resource${ignored.length === 1 ? '' : 's'} not used (e.g. ${ignored[0].resource}: ${ignored[0].why}).`;
      return children;
    },
  },
};

/** Reads a file the user chose: CSV by its extension, FHIR (JSON or NDJSON) by its content, JSON otherwise. */
export async function importFile(file) {
  const text = await file.text();
  const format = /\.csv$/i.test(file.name) ? FORMATS.csv : /\.ndjson$/i.test(file.name) || isFhir(text) ? FORMATS.fhir : FORMATS.json;
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

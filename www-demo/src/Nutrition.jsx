// Beyond the dGC API (docs/nutrition.md): one measurement the RCPCH API does not have, for the active child, scored
// by centile/nutrition. That entry (a second WebAssembly build with the publishers' tables) is its own chunk, loaded
// only when a measurement is chosen, so the first screen does not carry it.
import { memo, useMemo, useState } from 'react';
import { Field } from './Field.jsx';
import { formatCentile, formatSds, formatValue } from './model.js';

/** The measurements beyond the dGC API the demo takes: reference, method, unit and the length or height it needs. */
export const NUTRITION = [
  { id: 'who-weight_for_length', reference: 'who', method: 'weight_for_length', label: 'Weight for length (WHO, measured lying)', value: 'Weight', unit: 'kg', extra: { key: 'length', label: 'Length, lying (cm)' } },
  { id: 'who-weight_for_height', reference: 'who', method: 'weight_for_height', label: 'Weight for height (WHO, measured standing)', value: 'Weight', unit: 'kg', extra: { key: 'height', label: 'Height, standing (cm)' } },
  { id: 'who-arm_circumference', reference: 'who', method: 'arm_circumference', label: 'Mid-upper arm circumference, MUAC (WHO)', value: 'MUAC', unit: 'cm' },
  { id: 'who-triceps_skinfold', reference: 'who', method: 'triceps_skinfold', label: 'Triceps skinfold (WHO)', value: 'Triceps skinfold', unit: 'mm' },
  { id: 'who-subscapular_skinfold', reference: 'who', method: 'subscapular_skinfold', label: 'Subscapular skinfold (WHO)', value: 'Subscapular skinfold', unit: 'mm' },
  { id: 'cdc-weight_for_length', reference: 'cdc', method: 'weight_for_length', label: 'Weight for length (CDC 2000)', value: 'Weight', unit: 'kg', extra: { key: 'length', label: 'Length, lying (cm)' } },
  { id: 'cdc-weight_for_height', reference: 'cdc', method: 'weight_for_height', label: 'Weight for stature (CDC 2000)', value: 'Weight', unit: 'kg', extra: { key: 'height', label: 'Stature, standing (cm)' } },
  { id: 'iotf-bmi', reference: 'iotf', method: 'bmi', label: 'BMI, IOTF category (2–18 years)', value: 'BMI', unit: 'kg/m²' },
];

const GRADES = {
  severe_acute_malnutrition: 'Severe acute malnutrition',
  moderate_acute_malnutrition: 'Moderate acute malnutrition',
  no_acute_malnutrition: 'No acute malnutrition',
};

const IOTF = {
  thinness_grade_3: 'Thinness grade 3', thinness_grade_2: 'Thinness grade 2', thinness_grade_1: 'Thinness grade 1',
  normal: 'Normal weight', overweight: 'Overweight', obesity: 'Obesity', morbid_obesity: 'Morbid obesity',
};

/** The library's answer for the entry, or its 422 messages, or null while something is missing. */
function assess(lib, child, choice, entry) {
  if (lib === null || choice === undefined || !child.birth_date || !entry.date || entry.value === '' || (choice.extra && entry.extra === '')) return null;
  const request = {
    birth_date: child.birth_date, observation_date: entry.date, sex: child.sex,
    gestation_weeks: child.gestation_weeks ?? 40, gestation_days: child.gestation_days ?? 0,
    measurement_method: choice.method, observation_value: Number(entry.value),
    ...(choice.extra ? { [choice.extra.key]: Number(entry.extra) } : {}),
  };
  try {
    return { m: lib.calculation(choice.reference, request) };
  } catch (e) {
    return { error: e.detail?.map((d) => d.msg).join(' ') ?? e.message };
  }
}

function Answer({ m, choice }) {
  const v = m.measurement_calculated_values;
  const beyond = m.beyond_dgc;
  const grade = beyond.acute_malnutrition;
  const iotf = beyond.iotf;
  return (
    <div id="nutrition-result" className="nutrition-result" data-sds={v.chronological_sds ?? ''} data-centile={v.chronological_centile ?? ''}
      data-classification={grade?.classification ?? iotf?.category ?? ''}>
      <p><span className="badge">beyond the dGC API</span> {choice.label}: {formatValue(m.child_observation_value.observation_value)} {choice.unit}
        {beyond.length_height_read != null && <> at {formatValue(beyond.length_height_read)} cm as read</>}</p>
      <p>SDS (z-score) <strong className="num" id="nutrition-sds">{formatSds(v.chronological_sds)}</strong>, centile <strong className="num" id="nutrition-centile">{formatCentile(v.chronological_centile)}</strong>
        {v.chronological_measurement_error && <span className="advisory"> {v.chronological_measurement_error}</span>}</p>
      {grade && <p id="nutrition-classification"><strong>{GRADES[grade.classification]}</strong> (WHO/UNICEF acute malnutrition grade, 6–59 months). <span className="sub" id="nutrition-source">Source: {grade.source}</span></p>}
      {iotf && <p id="nutrition-classification"><strong>{IOTF[iotf.category]}</strong>{iotf.adult_equivalent_bmi !== null && <>: adult-equivalent BMI {formatValue(iotf.adult_equivalent_bmi)} kg/m²</>} (IOTF category). <span className="sub" id="nutrition-source">Source: {beyond.table}</span></p>}
      {!grade && !iotf && <p className="sub">No WHO/UNICEF acute malnutrition grade here (it is read from WHO weight-for-length/height or MUAC, 6–59 months).</p>}
      <p className="sub">Table: {beyond.table}. Scored at the chronological age, as WHO Anthro reads it.</p>
    </div>
  );
}

export const Nutrition = memo(function Nutrition({ birth_date, sex, gestation_weeks, gestation_days }) {
  const [choiceId, setChoiceId] = useState('');
  const [entry, setEntry] = useState({ date: '', value: '', extra: '' });
  const [lib, setLib] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const choice = NUTRITION.find((c) => c.id === choiceId);
  const choose = (id) => {
    setChoiceId(id);
    if (id !== '' && lib === null) import('centile/nutrition').then(setLib, (e) => setLoadError(e.message));
  };
  const answer = useMemo(() => assess(lib, { birth_date, sex, gestation_weeks, gestation_days }, choice, entry),
    [lib, birth_date, sex, gestation_weeks, gestation_days, choice, entry]);
  const set = (key) => (e) => setEntry((x) => ({ ...x, [key]: e.target.value }));
  return (
    <section aria-labelledby="nutrition-title" id="nutrition" className="nutrition">
      <h2 id="nutrition-title">Nutrition <span className="sub">beyond the dGC API</span></h2>
      <p className="sub">Measurements the RCPCH Digital Growth Charts API does not have, scored on this device from the publishers’ tables (WHO 2006, CDC 2000, IOTF) for the child above.</p>
      <div className="fields">
        <Field label="Measurement beyond the dGC API">
          <select value={choiceId} onChange={(e) => choose(e.target.value)}>
            <option value="">Choose…</option>
            {NUTRITION.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </Field>
        {choice && (
          <>
            <Field label="Date measured"><input type="date" value={entry.date} onChange={set('date')} /></Field>
            <Field label={`${choice.value} (${choice.unit})`}><input type="number" step="0.1" min="0" value={entry.value} onChange={set('value')} /></Field>
            {choice.extra && <Field label={choice.extra.label}><input type="number" step="0.1" min="0" value={entry.extra} onChange={set('extra')} /></Field>}
          </>
        )}
      </div>
      {loadError && <p className="error" role="alert">Could not load centile/nutrition: {loadError}</p>}
      {choice && lib === null && !loadError && <p className="sub">Loading centile/nutrition…</p>}
      <div aria-live="polite">
        {answer?.error && <p className="error" id="nutrition-error">{answer.error}</p>}
        {answer?.m && <Answer m={answer.m} choice={choice} />}
      </div>
    </section>
  );
});

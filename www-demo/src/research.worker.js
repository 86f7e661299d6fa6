// Research mode: scores a CSV of many rows (a column per request field) off the main thread. Posts
// {progress: 0–1} as it goes and {done: {csv: Blob, rows, errors, ms}} at the end.
import init, { calculation } from 'centile/web';
import { csvField, parseCsv } from './csv.js';
import { scorable } from './refused.js';

const OUT = ['chronological_decimal_age', 'corrected_decimal_age', 'chronological_sds', 'chronological_centile',
  'corrected_sds', 'corrected_centile', 'error'];
const CHUNK = 20000;

self.onmessage = async ({ data: { file, reference } }) => {
  try {
    const t0 = performance.now();
    await init();
    const text = await file.text();
    const lines = text.split(/\r?\n/);
    const header = parseCsv(lines[0])[0]?.map((h) => h.trim().toLowerCase()) ?? [];
    const col = (name) => header.indexOf(name);
    const at = Object.fromEntries(['reference', 'birth_date', 'observation_date', 'sex', 'measurement_method',
      'observation_value', 'gestation_weeks', 'gestation_days'].map((k) => [k, col(k)]));
    const missing = ['birth_date', 'observation_date', 'sex', 'measurement_method', 'observation_value'].filter((k) => at[k] < 0);
    if (missing.length) throw new Error(`The CSV header has no column named ${missing.join(', ')}.`);
    const out = [`${[...header, ...OUT].map(csvField).join(',')}\r\n`];
    let rows = 0;
    let errors = 0;
    for (let start = 1; start < lines.length; start += CHUNK) {
      let chunk = '';
      for (let i = start; i < Math.min(start + CHUNK, lines.length); i++) {
        const line = lines[i];
        if (line === '') continue;
        const f = line.includes('"') ? parseCsv(line)[0] : line.split(',');
        const get = (k) => (at[k] >= 0 ? f[at[k]]?.trim() ?? '' : '');
        const number = (k) => { const s = get(k); return s === '' ? undefined : Number(s); };
        let cells;
        try {
          const m = scorable(calculation(get('reference') || reference, {
            birth_date: get('birth_date'), observation_date: get('observation_date'), sex: get('sex'),
            measurement_method: get('measurement_method'), observation_value: number('observation_value'),
            gestation_weeks: number('gestation_weeks'), gestation_days: number('gestation_days'),
          }));
          const d = m.measurement_dates;
          const v = m.measurement_calculated_values;
          cells = [d.chronological_decimal_age, d.corrected_decimal_age, v.chronological_sds ?? '', v.chronological_centile ?? '',
            v.corrected_sds, v.corrected_centile, ''];
        } catch (e) {
          errors++;
          const detail = e.detail?.map((x) => `${x.loc?.slice(1).join('.') || x.input || 'row'}: ${x.msg}`).join('; ');
          cells = ['', '', '', '', '', '', csvField(detail ?? e.message)];
        }
        rows++;
        chunk += `${line},${cells.join(',')}\r\n`;
      }
      out.push(chunk);
      self.postMessage({ progress: Math.min(1, (start + CHUNK) / lines.length), rows });
    }
    self.postMessage({ done: { csv: new Blob(out, { type: 'text/csv' }), rows, errors, ms: performance.now() - t0 } });
  } catch (e) {
    self.postMessage({ error: e.message });
  }
};

// Metric and US customary units: entries are converted at entry and stored metric; both are shown.
export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;

const number = (s) => (/^\s*\d+(\.\d*)?\s*$|^\s*\.\d+\s*$/.test(s) ? Number(s) : NaN);

/**
 * Reads what was typed for a method in the unit system; returns a metric number, null for an empty entry, or NaN
 * for text that is not a measurement. US: weight `7 lb 8 oz`, `7lb`, `8 oz`, `7.5` (lb); height and head
 * circumference `3 ft 2 in`, `3' 2"`, `38` (in). Negative numbers are read as typed so centile reports them.
 */
export function parseEntry(text, method, system) {
  const s = String(text ?? '').trim().toLowerCase();
  if (s === '') return null;
  if (/^-\s*\d/.test(s)) return Number(s.replace(/\s+/g, ''));
  if (system === 'metric') return number(s.replace(/(cm|kg)$/, ''));
  if (method === 'weight') {
    const m = s.match(/^(?:(\d+(?:\.\d+)?)\s*(?:lb|lbs|pounds?)?)?\s*(?:(\d+(?:\.\d+)?)\s*(?:oz|ounces?))?$/);
    if (!m || (m[1] === undefined && m[2] === undefined)) return NaN;
    return (Number(m[1] ?? 0) + Number(m[2] ?? 0) / 16) * KG_PER_LB;
  }
  const m = s.match(/^(?:(\d+(?:\.\d+)?)\s*(?:ft|feet|foot|'))?\s*(?:(\d+(?:\.\d+)?)\s*(?:in|inches|inch|"|'')?)?$/);
  if (!m || (m[1] === undefined && m[2] === undefined)) return NaN;
  return (Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0)) * CM_PER_IN;
}

/** The metric value as it would be typed in the unit system (for the edit field). */
export function entryText(value, method, system) {
  if (value === null || value === undefined) return '';
  if (system === 'metric' || method === 'bmi') return String(round(value, method === 'weight' ? 3 : 1));
  if (method === 'weight') {
    const oz = value / KG_PER_LB * 16;
    const lb = Math.floor(oz / 16 + 1e-9);
    return `${lb} lb ${round(oz - lb * 16, 1)} oz`;
  }
  const inches = value / CM_PER_IN;
  if (method === 'height' && inches >= 24) {
    const ft = Math.floor(inches / 12 + 1e-9);
    return `${ft} ft ${round(inches - ft * 12, 1)} in`;
  }
  return `${round(inches, 1)} in`;
}

/** The other system's rendering, shown beside the value ("7 lb 8.2 oz" next to kg, "3.40 kg" next to lb). */
export function otherUnits(value, method, system) {
  if (value === null || value === undefined || !Number.isFinite(value) || method === 'bmi') return '';
  if (system === 'metric') return entryText(value, method, 'us');
  return method === 'weight' ? `${round(value, 2)} kg` : `${round(value, 1)} cm`;
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

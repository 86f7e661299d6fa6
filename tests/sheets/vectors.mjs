// The golden vectors (tests/vectors, rcpchgrowth 4.6.5) as spreadsheet columns, and how cells are checked against them.
import { readFileSync } from 'node:fs';

export const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));
const TOLERANCE = 1e-9;
const key = (c) => JSON.stringify(c.slice(0, 8));

/**
 * The calculation vectors, each one rcpchgrowth answers with observation_value_error set taken from flagged.json
 * (its answer, with that flag as item 21), and the rest of flagged.json after them.
 */
export function calculationCases() {
  const flagged = vectors('flagged.json').cases;
  const byKey = new Map(flagged.map((c) => [key(c), c]));
  const cases = vectors('calculation.json').cases.map((c) => byKey.get(key(c)) ?? c);
  const seen = new Set(cases.map(key));
  return cases.concat(flagged.filter((c) => !seen.has(key(c))));
}

/**
 * What a score function answers for a case at one age: item `k` of rcpchgrowth's answer, or an error where it has
 * none (an error, no data at that age: item `noData`) or flagged the value itself (item 21 with a corrected SDS).
 */
export function scoreAt(c, k, noData) {
  const e = c[8];
  if (!Array.isArray(e) || e[noData] || (e[21] === true && e[9] !== null)) return 'error';
  return e[k];
}
const BAND = /^(outside|below|above|on:|between:)/;
const column = (xs) => xs.map((x) => [x]);

/** The arguments of CENTILE_SDS (without `age`) for calculation vectors, as one-column ranges; `date` makes a date cell. */
export function columns(cases, date) {
  return [
    column(cases.map((c) => c[0])), column(cases.map((c) => date(c[1]))), column(cases.map((c) => date(c[2]))),
    column(cases.map((c) => c[3])), column(cases.map((c) => c[4])), column(cases.map((c) => c[5])),
    column(cases.map((c) => c[6] ?? '')), column(cases.map((c) => c[7] ?? '')),
  ];
}

const isErrorCell = (cell, errorCell) => errorCell(cell);
const googleError = (cell) => typeof cell === 'string' && /^Error: [a-z_.]+: ./.test(cell);

/**
 * Checks a returned range against one expectation per row: a number (within 1e-9, or exactly), a band key (with
 * `band`), null (a blank cell), an array of cells (with `rows`), or any other string: an error cell naming a field.
 */
export function checkColumns(report, name, got, want, { exact = false, band = false, rows = false, errorCell = googleError } = {}) {
  const fail = (r, msg) => { if (report.failures.length < 50) report.failures.push(`${name} row ${r}: ${msg}`); };
  if (!Array.isArray(got) || got.length !== want.length) { fail('-', `${Array.isArray(got) ? got.length : typeof got} rows, want ${want.length}`); return; }
  want.forEach((w, r) => {
    report.checked++;
    const line = got[r];
    if (rows) {
      if (typeof w === 'string') {
        if (!isErrorCell(line[0], errorCell) || line.slice(1).some((x) => x !== '')) fail(r, `got ${JSON.stringify(line)}, want an error`);
        return;
      }
      if (line.length !== w.length) { fail(r, `got ${line.length} columns, want ${w.length}`); return; }
      w.forEach((x, k) => { if (!same(line[k], x, exact)) fail(r, `column ${k}: got ${line[k]}, want ${x}`); });
      return;
    }
    if (line.length !== 1) { fail(r, `got ${line.length} columns`); return; }
    const cell = line[0];
    if (w === null || typeof w === 'number' || (band && BAND.test(w))) {
      if (!same(cell, w, exact)) fail(r, `got ${JSON.stringify(cell)}, want ${w}`);
    } else if (!isErrorCell(cell, errorCell)) {
      fail(r, `got ${JSON.stringify(cell)}, want an error (${w})`);
    }
  });
}
function same(got, want, exact) {
  if (typeof want !== 'number') return got === want;
  return typeof got === 'number' && (exact ? got === want : Math.abs(got - want) <= TOLERANCE);
}

/**
 * The cells the RCPCH Google Sheets plugin shows for one calculation vector with the dGC API answering (the API
 * answers with rcpchgrowth's numbers): its columns in its order, a null answer as an empty cell, an error when the
 * API has no result. From the plugin's code: UK_WHO_SDS_CENTILE gives [corrected SDS, chronological SDS, corrected
 * centile, chronological centile] for "both", the two SDS for "sds", the two centiles for "centiles";
 * UK_WHO_DECIMAL_AGE (now UK_WHO_CORRECTED_DECIMAL_AGE) gives [chronological age, corrected age], or one of them.
 */
export function pluginCells(name, choice, expect) {
  if (!Array.isArray(expect)) return 'error';
  const keys = name === 'UK_WHO_SDS_CENTILE'
    ? { both: [9, 13, 10, 14], sds: [9, 13], centiles: [10, 14] }[choice]
    : { both: [0, 1], chron: [0], corr: [1] }[choice];
  return keys.map((k) => (expect[k] === null ? '' : expect[k]));
}

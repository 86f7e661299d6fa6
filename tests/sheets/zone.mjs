// One time zone's run of the Google Sheets functions in the emulated Apps Script runtime (tests/sheets/hosts.mjs),
// started by google.test.mjs as `TZ=<zone> node zone.mjs [sheet zone]`: every golden vector (rcpchgrowth 4.6.5)
// through every function, each function called once with whole columns, as a sheet would. Prints a JSON report.
import { appsScript } from './hosts.mjs';
import { bandKey } from '../js/compare.mjs';
import { calculationCases, checkColumns, columns, pluginCells, scoreAt, vectors } from './vectors.mjs';

const sheetZone = process.argv[2] || undefined;
const host = appsScript({ sheetZone });
const dateCell = (iso) => host.date(...iso.split('-').map(Number));
const report = { zone: process.env.TZ, sheetZone: sheetZone || process.env.TZ, checked: 0, failures: [] };
const check = (name, got, want, options) => checkColumns(report, name, got, want, options);

// Measurement functions: every calculation vector (and flagged value), one call per function and age.
const cases = calculationCases();
const args = columns(cases, dateCell);
for (const [age, i] of [['corrected', 0], ['chronological', 1]]) {
  const pick = (k) => cases.map((c) => scoreAt(c, k[i], [12, 16][i]));
  const call = (name) => host.call(name, ...args, age);
  check(`CENTILE_SDS ${age}`, call('CENTILE_SDS'), pick([9, 13]));
  check(`CENTILE_CENTILE ${age}`, call('CENTILE_CENTILE'), pick([10, 14]));
  const bands = call('CENTILE_BAND').map((row) => row.map((b) => (b.startsWith('Error: ') ? b : b === '' ? null : bandKey(b))));
  check(`CENTILE_BAND ${age}`, bands, pick([11, 15]), { band: true });
  check(`CENTILE_AGE ${age}`, call('CENTILE_AGE'), cases.map((c) => (Array.isArray(c[8]) ? c[8][[1, 0][i]] : c[8])), { exact: true });
}

// The RCPCH plugin's functions over the UK-WHO vectors: the cells their plugin would show with the API answering.
const ukWho = cases.filter((c) => c[0] === 'uk-who');
const plugin = columns(ukWho, dateCell).slice(1); // no reference argument
const [birth, observation, sex, method, value, weeks, days] = plugin;
const ordered = [birth, observation, weeks, days, sex, method, value];
for (const [name, choices] of [['UK_WHO_SDS_CENTILE', ['both', 'sds', 'centiles']], ['UK_WHO_DECIMAL_AGE', ['both', 'chron', 'corr']],
  ['UK_WHO_CORRECTED_DECIMAL_AGE', ['both']]]) {
  for (const choice of choices) {
    const got = host.call(name, ...ordered, choice, 'any API key');
    check(`${name} ${choice}`, got, ukWho.map((c) => pluginCells(name, choice, c[8])), { rows: true });
  }
}
const defaults = host.call('UK_WHO_SDS_CENTILE', ...ordered);
check('UK_WHO_SDS_CENTILE (no data_to_return, no key)', defaults, ukWho.map((c) => pluginCells('UK_WHO_SDS_CENTILE', 'both', c[8])), { rows: true });
// Their plugin sends `date.toISOString()`'s day: count the rows where that is not the day the sheet shows.
report.pluginShiftedRows = ukWho.filter((c, k) => birth[k][0].toISOString().slice(0, 10) !== c[1] || observation[k][0].toISOString().slice(0, 10) !== c[2]).length;

// Velocity: the fictional children's series (each row against the row above), against rcpchgrowth's velocity of
// the last two observations.
for (const [reference, request, rows, dynamics] of vectors('fictional_child.json').cases) {
  if (!Array.isArray(rows) || rows.length < 2 || !dynamics || typeof dynamics[0] !== 'number' || rows.some((r) => r[2])) continue;
  const first = rows[0], birthDay = new Date(Date.parse(first[0]) - Math.round(first[5] * 365.25) * 86400000).toISOString().slice(0, 10);
  const col = (f) => rows.map((r) => [f(r)]);
  const got = host.call('CENTILE_VELOCITY', reference, dateCell(birthDay), col((r) => dateCell(r[0])), request.sex, request.measurement_method,
    col((r) => r[1]), request.gestation_weeks ?? 40, request.gestation_days ?? 0);
  check(`CENTILE_VELOCITY ${reference} ${request.measurement_method}`, [got[got.length - 1]], [dynamics[0]]);
  if (got[0][0] !== '') report.failures.push(`CENTILE_VELOCITY: first row ${JSON.stringify(got[0][0])}, want blank`);
}

// Mid-parental height, measurement at an SDS or centile, BMI.
const parents = vectors('mid_parental_height.json').cases;
const pcol = (k) => parents.map((c) => [c[k]]);
for (const out of ['height', 'sds', 'centile', 'lower', 'upper']) {
  const key = { height: 'mid_parental_height', sds: 'mid_parental_height_sds', centile: 'mid_parental_height_centile',
    lower: 'mid_parental_height_lower_value', upper: 'mid_parental_height_upper_value' }[out];
  const got = host.call('CENTILE_MIDPARENTAL_HEIGHT', pcol(3), pcol(0), pcol(1), pcol(2), out);
  check(`CENTILE_MIDPARENTAL_HEIGHT ${out}`, got, parents.map((c) => (typeof c[4] === 'string' ? c[4] : c[4][key] === null ? 'no value' : c[4][key])));
}
const fromSds = vectors('measurement_from_sds.json').cases;
const scol = (k) => fromSds.map((c) => [c[k]]);
// Departure (docs/differences.md): where rcpchgrowth answers None or an SDS is beyond ±8 (±15 for BMI), an error.
check('CENTILE_MEASUREMENT', host.call('CENTILE_MEASUREMENT', scol(0), scol(3), scol(2), scol(1), scol(4)),
  fromSds.map((c) => (c[5] === null || Math.abs(c[4]) > (c[1] === 'bmi' ? 15 : 8) ? 'no value' : c[5])), { exact: true });
const centiles = vectors('centile.json').centile_to_sds.filter(([c]) => c > 0 && c < 100);
const heights = host.call('CENTILE_MEASUREMENT_AT_CENTILE', 'uk-who', 10, 'female', 'height', centiles.map(([c]) => [c]));
const heightsAtSds = host.call('CENTILE_MEASUREMENT', 'uk-who', 10, 'female', 'height', centiles.map(([, z]) => [z]));
check('CENTILE_MEASUREMENT_AT_CENTILE', heights, heightsAtSds.map((r) => r[0]), { exact: true });
const bmiRows = cases.filter((c) => c[4] === 'weight').slice(0, 500);
const bmi = host.call('CENTILE_BMI', bmiRows.map((c) => [c[5]]), bmiRows.map((c) => [120 + (c[5] % 50)]));
check('CENTILE_BMI', bmi, bmiRows.map((c) => (c[5] > 0 ? c[5] / ((120 + (c[5] % 50)) / 100) ** 2 : 'error')));

console.log(JSON.stringify(report));

// The spreadsheet functions (target/sheets, `make sheets`) on a 10,000-row column in one call, as a sheet calls
// them: Google Sheets in the emulated Apps Script runtime (a bare V8 context, centile/js, Date cells), Excel's
// add-in with serial dates. Apps Script stops a custom function after 30 seconds. Part of `make bench`
// (bench/run.mjs); `node bench/sheets.mjs` runs it alone and updates its line in bench/results.md and results.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { appsScript, excel, excelSerial } from '../tests/sheets/hosts.mjs';

export const ROWS = 10_000;
const METHODS = [['height', 50, 180], ['weight', 3, 70], ['ofc', 35, 56], ['bmi', 13, 24]];

/** Medians (ms) of five calls each: CENTILE_SDS and UK_WHO_SDS_CENTILE (Google), SDS (Excel), on ROWS rows. */
export function sheetsBench() {
  let seed = 20261206;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const rows = Array.from({ length: ROWS }, () => {
    const [method, low, high] = METHODS[Math.floor(rand() * 4)];
    const birth = Date.UTC(2008, 0, 1) + Math.floor(rand() * 3000) * 864e5;
    const observation = birth + Math.floor(30 + rand() * 5000) * 864e5;
    const ymd = (t) => new Date(t).toISOString().slice(0, 10).split('-').map(Number);
    return { birth: ymd(birth), observation: ymd(observation), sex: rand() < 0.5 ? 'male' : 'female', method,
      value: Math.round((low + ((high - low) * (observation - birth)) / (5030 * 864e5)) * 10) / 10, weeks: 30 + Math.floor(rand() * 11), days: Math.floor(rand() * 7) };
  });
  const col = (f) => rows.map((r) => [f(r)]);
  const median = (f) => {
    const times = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); f(); times.push(performance.now() - t); }
    return times.sort((a, b) => a - b)[2];
  };
  const google = appsScript();
  const gDate = (d) => google.date(...d);
  const [gb, go, sex, method, value, weeks, days] = [col((r) => gDate(r.birth)), col((r) => gDate(r.observation)), col((r) => r.sex),
    col((r) => r.method), col((r) => r.value), col((r) => r.weeks), col((r) => r.days)];
  const { context } = google;
  const answered = (out) => out.filter((r) => typeof r[0] === 'number').length;
  let googleAnswered = 0;
  const result = {
    rows: ROWS,
    googleSdsMs: median(() => { googleAnswered = answered(context.CENTILE_SDS('uk-who', gb, go, sex, method, value, weeks, days)); }),
    googleRcpchMs: median(() => context.UK_WHO_SDS_CENTILE(gb, go, weeks, days, sex, method, value, 'both', 'key')),
  };
  const { functions } = excel();
  const [eb, eo] = [col((r) => excelSerial(...r.birth)), col((r) => excelSerial(...r.observation))];
  result.excelSdsMs = median(() => functions.SDS([['uk-who']], eb, eo, sex, method, value, weeks, days));
  result.answered = googleAnswered;
  result.load = loadavg()[0];
  return result;
}

export const sheetsLine = (s) => `Spreadsheets, one call on a ${s.rows.toLocaleString('en-GB')}-row column (mixed methods, preterm and term; ` +
  `${s.answered.toLocaleString('en-GB')} rows answered, the rest error cells): Google Sheets \`CENTILE_SDS\` ${Math.round(s.googleSdsMs)} ms and ` +
  `\`UK_WHO_SDS_CENTILE\` ${Math.round(s.googleRcpchMs)} ms in the emulated Apps Script runtime (centile/js in a bare V8 context; Apps Script allows a custom function 30 s), ` +
  `Excel \`CENTILE.SDS\` ${Math.round(s.excelSdsMs)} ms (medians of 5, load average ${s.load.toFixed(1)}).`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = sheetsBench();
  const json = new URL('./results.json', import.meta.url), md = new URL('./results.md', import.meta.url);
  const results = JSON.parse(readFileSync(json, 'utf8'));
  results.sheets = s;
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const text = readFileSync(md, 'utf8').replace(/\nSpreadsheets, one call[^\n]*\n/, '\n');
  writeFileSync(md, text.replace(/\n(Cold start, navigation)/, `\n${sheetsLine(s)}\n\n$1`));
  console.log(sheetsLine(s));
}

// Benchmarks (not tests), as one report: every operation on the same inputs through centile natively (Rust,
// benches/native.rs), the WebAssembly build (pkg/node), the pure-JavaScript build (pkg/js) and rcpchgrowth 4.6.5
// (bench/oracle.py), each in a process of its own (bench/builds.mjs for the two builds), with ratios; every named
// chart; the CLI (bench/cli.py); each entry's download; cold starts; the spreadsheet functions on a 10,000-row
// column (bench/sheets.mjs).
// Writes bench/results.md and bench/results.json and regenerates the README's speed table from them. `make bench`.
// Rates are the best of several rounds on one core of a 2-core machine that may be shared: compare within a run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LIMITS, entrySizes } from '../scripts/sizes.mjs';
import { coldStart } from '../tests/browser/coldstart.mjs';
import { chartBench, drawLine } from './chart.mjs';
import { coldLine } from './cold.mjs';
import { sheetsBench, sheetsLine } from './sheets.mjs';
import { xorshift32 } from '../tests/common/random.mjs';

const require = createRequire(import.meta.url);
// The 1-minute load average when the run starts (and, below, ends): other work on the machine slows every rate.
const loadAtStart = loadavg()[0];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// The wasm build, through which the inputs are generated (the builds are timed elsewhere: bench/builds.mjs).
const api = require(path.join(root, 'pkg/node/index.cjs'));

// Deterministic inputs: xorshift, valid requests across references, methods, sexes and gestations.
const rand = xorshift32(20261123);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const iso = (days) => new Date(days * 864e5).toISOString().slice(0, 10);
const plan = [['uk-who', ['height', 'weight', 'bmi', 'ofc'], 17], ['who', ['height', 'weight', 'bmi'], 9],
  ['cdc', ['height', 'weight', 'bmi'], 19], ['trisomy-21', ['height', 'weight', 'ofc'], 17],
  ['trisomy-21-aap', ['weight', 'height'], 19], ['turners-syndrome', ['height'], 19]];
const calculations = [];
while (calculations.length < 3000) {
  const [reference, methods, maxAge] = pick(plan);
  const measurement_method = pick(methods);
  const sex = reference === 'turners-syndrome' ? 'female' : pick(['male', 'female']);
  const gestation_weeks = rand() < 0.7 ? 40 : 28 + Math.floor(rand() * 14);
  const birth = 15000 + Math.floor(rand() * 3000);
  const ageDays = 400 + Math.floor(rand() * (maxAge - 1.2) * 365);
  const age = ageDays / 365.25;
  let value;
  try { value = api.measurementFromSds({ reference, measurement_method, sex, age, sds: (rand() - 0.5) * 3 }); } catch { continue; }
  if (value === null) continue;
  const body = { birth_date: iso(birth), observation_date: iso(birth + ageDays), observation_value: Math.round(value * 10) / 10,
    sex, measurement_method, gestation_weeks, gestation_days: 0 };
  try { api.calculation(reference, body); } catch { continue; }
  calculations.push([reference, body]);
}
// A realistic mix: the valid requests plus 15% invalid ones (ages beyond the reference, implausible values),
// each of which must answer a CentileError, interleaved deterministically.
const invalid = [];
for (let i = 0; invalid.length < Math.round((calculations.length * 15) / 85); i++) {
  const [reference, body] = calculations[i % calculations.length];
  const late = iso(Math.round(Date.parse(body.birth_date) / 864e5) + 9000 + Math.floor(rand() * 3000));
  const request = i % 2 ? { ...body, observation_date: late } : { ...body, observation_value: body.observation_value * (4 + rand() * 4) };
  try { api.calculation(reference, request); } catch (e) { if (e instanceof api.CentileError) invalid.push([reference, request]); }
}
const mixed = calculations.map((c) => [c]);
invalid.forEach((c, i) => mixed[(i * 7919) % mixed.length].push(c));
const mix = mixed.flat();
// As requests arrive: 1,500 across the six references and every age from birth, 196 of them (13%) answered by a
// CentileError (ages beyond the reference, implausible values), in a deterministic random order.
const arrivals = { valid: [], invalid: [] };
while (arrivals.valid.length < 1304 || arrivals.invalid.length < 196) {
  const [reference, methods, maxAge] = pick(plan);
  const measurement_method = pick(methods);
  const sex = reference === 'turners-syndrome' ? 'female' : pick(['male', 'female']);
  const birth = 15000 + Math.floor(rand() * 3000), ageDays = 1 + Math.floor(rand() * maxAge * 365);
  const gestation_weeks = rand() < 0.8 ? 40 : 24 + Math.floor(rand() * 18);
  let value;
  try { value = api.measurementFromSds({ reference, measurement_method, sex, age: ageDays / 365.25, sds: (rand() - 0.5) * 5 }); } catch { continue; }
  if (value === null) continue;
  const bad = rand() < 0.15, late = bad && rand() < 0.5;
  const body = { birth_date: iso(birth), observation_date: iso(birth + ageDays + (late ? 9000 : 0)),
    observation_value: Math.round(value * (bad && !late ? 4 + rand() * 4 : 1) * 10) / 10, sex, measurement_method,
    gestation_weeks, gestation_days: Math.floor(rand() * 7) };
  let answered = true;
  try { api.calculation(reference, body); } catch (e) { if (!(e instanceof api.CentileError)) throw e; answered = false; }
  const list = answered ? arrivals.valid : arrivals.invalid;
  if (list.length < (answered ? 1304 : 196)) list.push([reference, body]);
}
const arriving = [...arrivals.valid, ...arrivals.invalid];
for (let i = arriving.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [arriving[i], arriving[j]] = [arriving[j], arriving[i]];
}
const children = calculations.map(([reference, body]) => [reference, {
  birth_date: body.birth_date, sex: body.sex, measurement_method: body.measurement_method, gestation_weeks: body.gestation_weeks,
  gestation_days: 0, observations: Array.from({ length: 20 }, (_, k) => ({ observation_date: body.observation_date, observation_value: body.observation_value + k * 1e-3 })) }]);
const N = 1_000_000;
const ages = new Float64Array(N), values = new Float64Array(N);
for (let i = 0; i < N; i++) { ages[i] = 4 + rand() * 15; values[i] = 100 + ages[i] * 4 + (rand() - 0.5) * 20; }
// A cohort as a research team scores one: heights from birth to 19 years, in no order (so consecutive values read
// different tables, UK-WHO's four), and the same sorted by age (each table's ages in increasing order).
const cohort = { ages: new Float64Array(N), values: new Float64Array(N) };
for (let i = 0; i < N; i++) { cohort.ages[i] = rand() * 19; cohort.values[i] = 50 + 125 * (1 - Math.exp(-cohort.ages[i] / 5)) + (rand() - 0.5) * 15; }
const order = [...cohort.ages.keys()].sort((i, j) => cohort.ages[i] - cohort.ages[j]);
const sorted = { ages: Float64Array.from(order, (i) => cohort.ages[i]), values: Float64Array.from(order, (i) => cohort.values[i]) };
// Each million, timed as an operation of its own: its key, and the prefix of its files (`{prefix}ages.f64`, values).
const typed = { sdsForMeasurements: ['', { ages, values }], sdsCohort: ['cohort-', cohort], sdsCohortSorted: ['sorted-', sorted] };
const sdsSample = 5000;
const charts = [['uk-who', 'male', 'height'], ['who', 'female', 'weight'], ['cdc', 'male', 'bmi'], ['trisomy-21', 'female', 'height'],
  ['trisomy-21-aap', 'male', 'weight'], ['turners-syndrome', 'female', 'height']].map(([reference, sex, measurement_method]) => ({ reference, sex, measurement_method }));
const dir = mkdtempSync(path.join(tmpdir(), 'centile-bench-'));
writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify({
  calculations, mixed: mix, invalid, arriving, arrivingValid: arrivals.valid, arrivingInvalid: arrivals.invalid, children, charts,
  calculationTexts: calculations.map(([reference, body]) => [reference, JSON.stringify(body)]),
  sds: { reference: 'uk-who', measurement_method: 'height', sex: 'male', ages: [...ages.slice(0, sdsSample)], values: [...values.slice(0, sdsSample)] },
  sdsCohort: { reference: 'uk-who', measurement_method: 'height', sex: 'male', ages: [...cohort.ages.slice(0, sdsSample)], values: [...cohort.values.slice(0, sdsSample)] },
  typed: Object.fromEntries(Object.entries(typed).map(([key, [prefix]]) => [key, prefix])),
}));
for (const [prefix, set] of Object.values(typed)) {
  writeFileSync(path.join(dir, `${prefix}ages.f64`), new Uint8Array(set.ages.buffer));
  writeFileSync(path.join(dir, `${prefix}values.f64`), new Uint8Array(set.values.buffer));
}

const lastJson = (text) => JSON.parse(text.trim().split('\n').at(-1));
console.log('timing rcpchgrowth 4.6.5 ...');
const oracle = lastJson(execFileSync('python3', [path.join(root, 'bench/oracle.py'), path.join(dir, 'inputs.json')], { encoding: 'utf8' }));
console.log('timing the engine natively (cargo bench --bench native) ...');
const native = lastJson(execFileSync('cargo', ['bench', '--locked', '--quiet', '--bench', 'native', '--', dir],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
console.log('timing the Python package, one core (bench/python.py) ...');
const python = lastJson(execFileSync(path.join(root, 'target/python-venv/bin/python'), [path.join(root, 'bench/python.py'), dir],
  { cwd: root, encoding: 'utf8', env: { ...process.env, RAYON_NUM_THREADS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] }));

// Each build timed in a process of its own (bench/builds.mjs), as the native build and rcpchgrowth are.
const ops = {};
for (const name of ['wasm', 'js']) {
  console.log(`timing the ${name} build (bench/builds.mjs) ...`);
  ops[name] = lastJson(execFileSync(process.execPath, [path.join(root, 'bench/builds.mjs'), dir, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}
const { allCharts } = ops.wasm;

// Cold starts: Node (a fresh process each: require, instantiate, first answer) and Chromium (throttled 4x).
const nodeCold = (file) => {
  const script = `const t=process.hrtime.bigint();const c=require(${JSON.stringify(file)});c.calculation('uk-who',{birth_date:'2020-01-01',observation_date:'2021-01-01',observation_value:75,sex:'male',measurement_method:'height'});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return times.sort((a, b) => a - b)[2];
};
console.log('cold starts ...');
const cold = {
  nodeWasmMs: nodeCold(path.join(root, 'pkg/node/index.cjs')),
  nodeJsMs: nodeCold(path.join(root, 'pkg/js/index.cjs')),
  // 21 throttled loads each: DevTools' throttle spins in slices, so a span of a few ms is sometimes hardly slowed
  // (docs/speed-and-size.md) and a median needs more loads than that. Both entries' main-thread CPU too, from 15
  // more loads each, unthrottled and traced (about 20 s an entry in all).
  chromium: await coldStart({ throttle: 4, runs: 21, cpuRuns: 15 }),
  chromiumWeb: await coldStart({ throttle: 4, entry: 'web', runs: 21, cpuRuns: 15 }),
  chromiumWebUnhinted: await coldStart({ throttle: 4, entry: 'web', preload: false, runs: 21 }),
};

console.log('the chart (centile/chart, <centile-chart>, the RCPCH component) in Chromium ...');
const chart = await chartBench();

let cli = null;
try {
  console.log('timing the CLI (bench/cli.py) ...');
  const text = execFileSync('python3', [path.join(root, 'bench/cli.py')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const ours = Number(text.match(/centile\s+([\d.]+) M rows\/s/)[1]) * 1e6, theirs = Number(text.match(/rcpchgrowth\s+([\d,]+) rows\/s/)[1].replace(/,/g, ''));
  cli = { rowsPerSecond: ours, oracleRowsPerSecond: theirs, description: text.match(/centile calculate, ([^\n]*)/)[1] };
} catch (e) {
  console.log(`CLI not timed: ${e.message.split('\n')[0]}`);
}
rmSync(dir, { recursive: true, force: true });

const sizes = entrySizes(path.join(root, 'pkg'));
const sheets = sheetsBench();
const results = {
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, load: [loadAtStart, loadavg()[0]] },
  date: new Date().toISOString(), inputs: { calculations: calculations.length, children: children.length, observationsPerChild: 20, sds: N },
  operations: {
    // Natively from each request's JSON text, as the wasm call starts from the caller's object (native.calculation,
    // from requests already read, is reported beside it).
    calculation: { native: native.calculationFromText, wasm: ops.wasm.calculation, js: ops.js.calculation, rcpchgrowth: oracle.measurement },
    arriving: { native: null, wasm: ops.wasm.arriving, js: ops.js.arriving, rcpchgrowth: oracle.arriving },
    arrivingValid: { native: null, wasm: ops.wasm.arrivingValid, js: ops.js.arrivingValid, rcpchgrowth: oracle.arrivingValid },
    arrivingInvalid: { native: null, wasm: ops.wasm.arrivingInvalid, js: ops.js.arrivingInvalid, rcpchgrowth: oracle.arrivingInvalid },
    mixed: { native: null, wasm: ops.wasm.mixed, js: ops.js.mixed, rcpchgrowth: oracle.mixed },
    bulkCalculation: { native: native.bulkCalculation, wasm: ops.wasm.bulkCalculation, js: ops.js.bulkCalculation, rcpchgrowth: oracle.measurement },
    sdsForMeasurements: { native: native.sdsForMeasurements, wasm: ops.wasm.sdsForMeasurements, js: ops.js.sdsForMeasurements, rcpchgrowth: oracle.sds },
    sdsCohort: { native: native.sdsCohort, wasm: ops.wasm.sdsCohort, js: ops.js.sdsCohort, rcpchgrowth: oracle.sdsCohort },
    // rcpchgrowth answers one value at a time, so in either order at the same rate (timed on the cohort's first values).
    sdsCohortSorted: { native: native.sdsCohortSorted, wasm: ops.wasm.sdsCohortSorted, js: ops.js.sdsCohortSorted, rcpchgrowth: oracle.sdsCohort },
  },
  chartsMs: Object.fromEntries(Object.keys(oracle.charts).map((key) => [key,
    { native: native.charts[key], wasm: ops.wasm.charts[key], js: ops.js.charts[key], rcpchgrowth: oracle.charts[key] }])),
  nativeParsed: native.calculation, invalidOnly: { wasm: ops.wasm.invalid, js: ops.js.invalid }, allCharts, cli, sizes, limits: LIMITS, cold, chart, sheets,
  python: { ...python, rcpchgrowthMeasurement: oracle.measurement, nativeSds: native.sdsForMeasurements },
};
writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`);
const times = (x) => `${Math.round(x).toLocaleString('en-GB')}×`;
const ms = (x) => (x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const LABELS = {
  calculation: `\`calculation\`, full measurement objects (${calculations.length.toLocaleString('en-GB')} requests, six references; native reads each request's JSON text too)`,
  arriving: `\`calculation\`, ${arriving.length.toLocaleString('en-GB')} requests as they arrive: ${arrivals.valid.length.toLocaleString('en-GB')} answered and ${arrivals.invalid.length} \`CentileError\`s interleaved, six references`,
  arrivingValid: `\`calculation\`, the ${arrivals.valid.length.toLocaleString('en-GB')} of them answered, alone`,
  arrivingInvalid: `\`calculation\`, the ${arrivals.invalid.length} of them refused (\`CentileError\`), alone`,
  mixed: `\`calculation\`, realistic mix: ${calculations.length.toLocaleString('en-GB')} valid + ${invalid.length} invalid (15%, each a \`CentileError\`)`,
  bulkCalculation: '`bulkCalculation`, 20 observations a child',
  sdsForMeasurements: '`sdsForMeasurements`, typed arrays (1 M values, UK-WHO height, 4-19 years)',
  sdsCohort: '`sdsForMeasurements`, a cohort: 1 M heights from birth to 19 years in no order (four tables)',
  sdsCohortSorted: '`sdsForMeasurements`, the same cohort sorted by age',
};
const table = [
  '| operation | native (Rust) | wasm | JavaScript build | rcpchgrowth | wasm ÷ rcpchgrowth | JS ÷ rcpchgrowth | wasm ÷ native |',
  '|---|---|---|---|---|---|---|---|',
  ...Object.entries(results.operations).map(([op, r]) =>
    `| ${LABELS[op]} | ${r.native ? fmt(r.native) : '—'} | ${fmt(r.wasm)} | ${fmt(r.js)} | ${fmt(r.rcpchgrowth)} | ${times(r.wasm / r.rcpchgrowth)} | ${times(r.js / r.rcpchgrowth)} | ${r.native ? (r.wasm / r.native).toFixed(2) : '—'} |`),
  ...Object.entries(results.chartsMs).map(([key, r]) =>
    `| \`chartCoordinates\` ${key} (Cole nine) | ${ms(r.native)} | ${ms(r.wasm)} | ${ms(r.js)} | ${ms(r.rcpchgrowth)} | ${times(r.rcpchgrowth / r.wasm)} | ${times(r.rcpchgrowth / r.js)} | ${(r.native / r.wasm).toFixed(2)} |`),
  ...(cli ? [`| CLI \`centile calculate\`, ${cli.description} | ${fmt(cli.rowsPerSecond)} rows | | | ${fmt(cli.oracleRowsPerSecond)} rows | ${times(cli.rowsPerSecond / cli.oracleRowsPerSecond)} (CLI) | | |`] : []),
].join('\n');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizeTable = ['| entry | files | raw | gzip | limit (gzip) |', '|---|---|---|---|---|',
  ...Object.entries(sizes).map(([name, s]) => `| ${name} | ${s.files.map((f) => `\`${f}\``).join(', ')} | ${kb(s.raw)} | ${kb(s.gzip)} | ${LIMITS[name] ? kb(LIMITS[name]) : '—'} |`)].join('\n');
const ops_ = results.operations;
const arrivingLine = `The arrivals interleaved answer at ${(ops_.arriving.wasm / ops_.arrivingValid.wasm).toFixed(2)}× the rate of their answered requests alone ` +
  `(were each request as fast as it is among its own kind: ${fmt(arriving.length / (arrivals.valid.length / ops_.arrivingValid.wasm + arrivals.invalid.length / ops_.arrivingInvalid.wasm))}). ` +
  `\`calculation\` natively from requests already read: ${fmt(results.nativeParsed)} (wasm ÷ that ${(ops_.calculation.wasm / results.nativeParsed).toFixed(2)}).`;
const invalidLine = `\`calculation\`, invalid requests only (each a \`CentileError\`): ${fmt(results.invalidOnly.wasm)} wasm (${(results.invalidOnly.wasm / results.operations.calculation.wasm).toFixed(2)}× the valid rate), ${fmt(results.invalidOnly.js)} JavaScript build.`;
const chartLine = `\`chartCoordinates\`, all ${allCharts.count} named charts (wasm): mean ${allCharts.meanMs.toFixed(2)} ms, slowest ${allCharts.slowestMs.toFixed(2)} ms (${allCharts.slowest}).`;
const coreHours = 1e9 / python.score.rowsPerSecond / 3600;
const pythonLine = `Python (\`centile\` wheel, one core, RAYON_NUM_THREADS=1): \`Measurement\` through \`centile.rcpchgrowth\` ${fmt(python.measurement)} ` +
  `against rcpchgrowth's ${fmt(oracle.measurement)} on the same requests (${times(python.measurement / oracle.measurement)}); ` +
  `timed alternately in one process on ${python.sameRun.requests} of them, in CPU time ${fmt(python.sameRun.centileCpu)} against ${fmt(python.sameRun.rcpchgrowthCpu)} (${times(python.sameRun.timesCpu)}); ` +
  `\`centile.sds\` over the same 1 M values as \`sdsForMeasurements\` ${fmt(python.sds)} (${(python.sds / native.sdsForMeasurements).toFixed(2)}× native; ${fmt(python.sdsCpu)} in CPU time); ` +
  `\`centile.score\` on a ${python.score.rows.toLocaleString('en-GB')}-row pandas frame (text dates) ${python.score.seconds.toFixed(2)} s, ` +
  `${fmt(python.score.rowsPerSecond)} rows, about ${coreHours.toFixed(1)} core-hours per billion rows.`;
const markdown = `${table}\n\n${arrivingLine}\n\n${invalidLine}\n\n${chartLine}\n\n${drawLine(chart)}\n\n${pythonLine}\n\n${sheetsLine(sheets)}\n\n${coldLine(cold)}\n\n${sizeTable}\n`;
writeFileSync(path.join(root, 'bench/results.md'), `# Benchmark results\n\nWritten by \`make bench\` (bench/run.mjs) on ${results.date.slice(0, 10)}; ` +
  `${results.machine.cores} cores (${results.machine.cpu}), Node ${process.version}; load average ${results.machine.load.map((l) => l.toFixed(2)).join(' at the start, ')} at the end (other work slows every rate: compare within one run).\n\n${markdown}`);
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
if (marked.test(readme)) writeFileSync(path.join(root, 'README.md'), readme.replace(marked, (_, a, b) => `${a}${markdown}${b}`));
console.log(`\n${markdown}\nwrote bench/results.md, bench/results.json and the README's speed table`);

// Benchmarks (not tests): rcpchgrowth 4.6.5 (bench/oracle.py) and the built package on the same inputs in one
// run, printing each rate and the ratio. `make bench`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
let t0 = process.hrtime.bigint();
const api = require(path.join(root, 'pkg/node/index.cjs'));
api.buildInfo();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;

// Deterministic inputs: xorshift, valid requests across references, methods, sexes and gestations.
let seed = 20261123;
const rand = () => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) / 4294967296; };
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
const N = 1_000_000;
const ages = new Float64Array(N), values = new Float64Array(N);
for (let i = 0; i < N; i++) { ages[i] = 4 + rand() * 15; values[i] = 100 + ages[i] * 4 + (rand() - 0.5) * 20; }
const sdsSample = 5000;
const charts = [['uk-who', 'male', 'height'], ['who', 'female', 'weight'], ['cdc', 'male', 'bmi'], ['trisomy-21', 'female', 'height'],
  ['trisomy-21-aap', 'male', 'weight'], ['turners-syndrome', 'female', 'height']].map(([reference, sex, measurement_method]) => ({ reference, sex, measurement_method }));
const dir = mkdtempSync(path.join(tmpdir(), 'centile-bench-'));
writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify({
  calculations,
  mixed: mix,
  sds: { reference: 'uk-who', measurement_method: 'height', sex: 'male', ages: [...ages.slice(0, sdsSample)], values: [...values.slice(0, sdsSample)] },
  charts,
}));

console.log('timing rcpchgrowth 4.6.5 ...');
const oracle = JSON.parse(execFileSync('python3', [path.join(root, 'bench/oracle.py'), path.join(dir, 'inputs.json')], { encoding: 'utf8' }));

const rate = (n, fn, rounds = 5) => {
  fn();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.max(best, n / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  return best;
};
const repeat = 100;
const single = rate(calculations.length * repeat, () => {
  for (let k = 0; k < repeat; k++) for (const [reference, body] of calculations) api.calculation(reference, body);
});
const attempt = (reference, body) => { try { api.calculation(reference, body); } catch (e) { if (!(e instanceof api.CentileError)) throw e; } };
const mixedRate = rate(mix.length * 20, () => {
  for (let k = 0; k < 20; k++) for (const [reference, body] of mix) attempt(reference, body);
});
const invalidRate = rate(invalid.length * 100, () => {
  for (let k = 0; k < 100; k++) for (const [reference, body] of invalid) attempt(reference, body);
});
const children = calculations.map(([reference, body]) => [reference, {
  birth_date: body.birth_date, sex: body.sex, measurement_method: body.measurement_method, gestation_weeks: body.gestation_weeks,
  gestation_days: 0, observations: Array.from({ length: 20 }, (_, k) => ({ observation_date: body.observation_date, observation_value: body.observation_value + k * 1e-3 })) }]);
const bulk = rate(children.length * 20 * 5, () => {
  for (let k = 0; k < 5; k++) for (const [reference, body] of children) api.bulkCalculation(reference, body);
});
const typed = rate(N, () => api.sdsForMeasurements('uk-who', 'height', 'male', ages, values));

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`);
const row = (what, ours, theirs) => console.log(`${what.padEnd(44)} centile ${fmt(ours).padStart(11)}   rcpchgrowth ${fmt(theirs).padStart(9)}   ratio ${Math.round(ours / theirs)}x`);
console.log(`\nsame inputs: ${calculations.length} calculations over six references; ${N} SDS (rcpchgrowth timed on ${sdsSample})`);
row('calculation (full measurement objects)', single, oracle.measurement);
row(`calculation, mixed: ${calculations.length} valid + ${invalid.length} invalid (15%)`, mixedRate, oracle.mixed);
console.log(`${'calculation, invalid only (CentileError)'.padEnd(44)} centile ${fmt(invalidRate).padStart(11)}   ${(invalidRate / single).toFixed(2)}x the valid rate`);
row('bulkCalculation (20 observations a child)', bulk, oracle.measurement);
row('sdsForMeasurements (typed arrays)', typed, oracle.sds);
console.log(`package load + instantiate + first call (Node): ${loadMs.toFixed(1)} ms`);
const wasmBytes = readFileSync(path.join(root, 'pkg/web/centile_bg.wasm'));
t0 = process.hrtime.bigint();
new WebAssembly.Module(wasmBytes);
console.log(`WebAssembly.Module compile (${(wasmBytes.length / 1024).toFixed(0)} KB): ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
{
  // Every chart the references support, timed in the wasm build (rcpchgrowth is timed on the six below).
  const formats = ['cole-nine-centiles', 'three-percent-centiles', 'five-percent-centiles', 'eighty-five-percent-centiles', 'extended-who-centiles'];
  const times = [];
  for (const reference of ['uk-who', 'who', 'cdc', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome']) {
    for (const sex of reference === 'turners-syndrome' ? ['female'] : ['male', 'female']) {
      for (const measurement_method of reference === 'turners-syndrome' ? ['height'] : ['height', 'weight', 'ofc', 'bmi']) {
        for (const centile_format of formats) {
          const request = { sex, measurement_method, centile_format };
          times.push([1000 / rate(20, () => { for (let k = 0; k < 20; k++) api.chartCoordinates(reference, request); }, 3), `${reference} ${sex} ${measurement_method} ${centile_format}`]);
        }
      }
    }
  }
  times.sort((a, b) => b[0] - a[0]);
  const mean = times.reduce((a, t) => a + t[0], 0) / times.length;
  console.log(`chartCoordinates, all ${times.length} named charts: mean ${mean.toFixed(3)} ms, slowest ${times[0][0].toFixed(3)} ms (${times[0][1]})`);
  for (const c of charts) {
    const key = `${c.reference} ${c.sex} ${c.measurement_method}`;
    const ms = 1000 / rate(100, () => { for (let k = 0; k < 100; k++) api.chartCoordinates(c.reference, { sex: c.sex, measurement_method: c.measurement_method }); });
    console.log(`chartCoordinates ${key.padEnd(32)} centile ${ms.toFixed(3)} ms   rcpchgrowth create_chart ${oracle.charts[key].toFixed(0)} ms   ratio ${Math.round(oracle.charts[key] / ms)}x`);
  }
}

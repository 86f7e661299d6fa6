// centile in React Native's engine, Hermes, which has no WebAssembly (and no TextDecoder). The packed package is
// installed (npm ci, committed lockfile) into the minimal React Native 0.86 project tests/consumers/react-native,
// whose unchanged Metro configuration resolves `centile` through the package's `react-native` export condition.
// Metro makes production bundles (dev false, minified) of
//   index.js    the app: registers a component that shows a child's height centile; and
//   vectors.js  a sample of the rcpchgrowth 4.6.5 golden vectors (all six references: calculation, charts,
//               mid-parental height, fictional child) written here into sample.json,
// which run in the `hermes` binary of npm hermes-engine-cli 0.12 (the newest runnable Hermes on npm: the current
// releases, npm hermes-compiler, ship only the compiler). The app bundle runs with two stand-ins for the native
// host (an empty module list, a no-op queue flush). Answers are checked against the golden vectors and, byte for
// byte, against the wasm build in Node. The current Hermes compiler (hermes-compiler, as React Native pins it)
// must also compile both bundles to bytecode, as a release build does. Prints "N passed, N failed".
import { execFile as execFileCb } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Report, checkCalculation, request } from '../js/compare.mjs';

const execFile = promisify(execFileCb);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const project = path.join(root, 'tests/consumers/react-native');
const wasmBuild = createRequire(import.meta.url)('../../pkg/node/index.cjs');
const run = (cmd, args, cwd) => execFile(cmd, args, { cwd, maxBuffer: 256 << 20, env: { ...process.env, npm_config_update_notifier: 'false' } })
  .catch((e) => { throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`); });

const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try { await fn(); results.passed++; console.log(`ok - ${name}`); }
  catch (e) { results.failed++; console.log(`not ok - ${name}\n  ${String(e.message).split('\n').slice(0, 30).join('\n  ')}`); }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const vectors = (name) => JSON.parse(readFileSync(path.join(root, 'tests/vectors', name), 'utf8'));
const every = (list, n) => list.filter((_, i) => i % n === 0);

// The sample: every 100th calculation vector (all six references), one named chart per reference and sex (that
// the reference has), one mid-parental height case per reference, and the fictional child cases rcpchgrowth answered.
const calculations = every(vectors('calculation.json').cases, 100);
const drawn = (c) => c.kind === 'named' && (c.reference !== 'turners-syndrome' || (c.sex === 'female' && c.measurement_method === 'height'));
const charts = [...new Map(vectors('charts.json').charts.filter(drawn)
  .map((c) => [`${c.reference} ${c.sex}`, [c.reference, { sex: c.sex, measurement_method: c.measurement_method, centile_format: c.centile_format }]])).values()];
const mph = [...new Map(vectors('mid_parental_height.json').cases.map(([maternal, paternal, sex, reference]) =>
  [reference, { height_maternal: maternal, height_paternal: paternal, sex, reference }])).values()];
const fictional = every(vectors('fictional_child.json').cases.filter((c) => typeof c[2] !== 'string'), 4).map(([reference, r]) => [reference, r]);
const sds = { ages: [0.5, 2, 5, 9.5, 14, 18], values: [68, 87, 110, 135, 162, 178] };
// Charts drawn by centile/chart: a preterm child's height (both ages, an event, a bone age, mid-parental height),
// the SDS chart of the same child, and a girl's weight with an imperial axis: the SVG must be Node's, byte for byte.
const visits = (n, start, every, value, notes = {}) => Array.from({ length: n }, (_, i) => ({
  observation_date: new Date(Date.UTC(2015, 0, 1) + (start + i * every) * 864e5).toISOString().slice(0, 10), observation_value: value(i), ...notes[i] }));
const born = { birth_date: '2015-01-01', gestation_weeks: 30, gestation_days: 4 };
const heights = wasmBuild.bulkCalculation('uk-who', { ...born, sex: 'male', measurement_method: 'height',
  observations: visits(24, 20, 150, (i) => 44 + i * 5.2 - (i > 12 ? (i - 12) * 1.6 : 0), { 4: { events_text: ['Started feeds'] }, 14: { bone_age: 5.2, bone_age_type: 'greulich-pyle' } }) }).results;
const weights = wasmBuild.bulkCalculation('uk-who', { ...born, sex: 'male', measurement_method: 'weight', observations: visits(12, 20, 200, (i) => 2 + i * 2.1) }).results;
const chartSvg = [
  { reference: 'uk-who', sex: 'male', measurement_method: 'height', measurements: heights, childLabel: 'Hermes child',
    midParentalHeight: wasmBuild.midParentalHeight({ height_maternal: 163, height_paternal: 181, sex: 'male' }), ageWindow: 'whole' },
  { reference: 'uk-who', sex: 'male', measurement_method: 'height', kind: 'sds', measurements: [...heights, ...weights] },
  { reference: 'uk-who', sex: 'female', measurement_method: 'weight', imperial: true, ageWindow: [0, 2], width: 360, height: 420 },
];
const sample = { calculation: calculations.map((c) => [c[0], request(c)]), charts, midParentalHeight: mph, fictionalChild: fictional, sds, chartSvg };
const references = new Set(calculations.map((c) => c[0]));

assert(existsSync(path.join(root, 'pkg/package.json')), 'build the package first (make pkg)');
const work = mkdtempSync(path.join(tmpdir(), 'centile-hermes-'));
try {
  const { stdout: packed } = await run('npm', ['pack', '--silent', '--pack-destination', work], path.join(root, 'pkg'));
  renameSync(path.join(work, packed.trim().split('\n').at(-1)), path.join(work, 'centile.tgz'));
  const dir = path.join(work, 'react-native');
  cpSync(project, dir, { recursive: true, filter: (src) => !/[/\\]node_modules$/.test(src) });
  writeFileSync(path.join(dir, 'sample.json'), JSON.stringify(sample));
  await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  const hermes = path.join(dir, 'node_modules/hermes-engine-cli/linux64-bin/hermes');
  const hermesc = path.join(dir, 'node_modules/hermes-compiler/hermesc/linux64-bin/hermesc');
  const { stdout: version } = await run(hermes, ['--version'], dir);
  const { stdout: compilerVersion } = await run(hermesc, ['--version'], dir);
  console.log(`# hermes ${version.match(/release version: (\S+)/)?.[1]}, hermesc ${compilerVersion.match(/release version: (\S+)/)?.[1]}`);

  for (const entry of ['index', 'vectors']) await run(process.execPath, ['bundle.js', `${entry}.js`, `${entry}.bundle.js`], dir);
  const appBundle = readFileSync(path.join(dir, 'index.bundle.js'), 'utf8');

  await check('Metro resolves centile to centile/js through the react-native condition (no WebAssembly in the bundle)', () => {
    assert(!appBundle.includes('WebAssembly'), 'the production bundle refers to WebAssembly');
    // The wasm entries define and call initSync; the shared instance code only names it in a filter of glue names.
    assert(!/centile_bg\.wasm|initSync\s*\(/.test(appBundle), 'the production bundle holds a WebAssembly entry of centile');
  });

  await check('the React Native app bundle (Metro, production) runs in Hermes and computes the child\'s centile', async () => {
    const host = 'var __fbBatchedBridgeConfig = { remoteModuleConfig: [] }; var nativeFlushQueueImmediate = function () {};\n';
    const probe = '\nprint(JSON.stringify({ child: centileConsumer.child, got: centileConsumer.heightCentile(centileConsumer.child) }));\n';
    writeFileSync(path.join(dir, 'app-run.js'), host + appBundle + probe);
    const { stdout } = await run(hermes, ['-w', 'app-run.js'], dir);
    const { child, got } = JSON.parse(stdout.trim().split('\n').at(-1));
    const want = wasmBuild.calculation('uk-who', child).measurement_calculated_values;
    assert(got.sds === want.corrected_sds && got.centile === want.corrected_centile && got.band === want.corrected_centile_band,
      `got ${JSON.stringify(got)}, the wasm build gives ${want.corrected_sds} / ${want.corrected_centile}`);
  });

  const { stdout } = await run(hermes, ['-w', 'vectors.bundle.js'], dir);
  const out = JSON.parse(stdout.trim().split('\n').at(-1));
  await check(`Hermes has no WebAssembly, and centile/js runs there: ${calculations.length} calculation vectors over ${references.size} references`, () => {
    assert(out.usesWebAssembly === false && references.size === 6, 'WebAssembly present, or a reference missing from the sample');
    const r = new Report();
    calculations.forEach((c, i) => checkCalculation(r, c, out.calculation[i]));
    r.done('calculation (Hermes)', calculations.length);
  });
  const same = (what, got, want) => assert(JSON.stringify(got) === JSON.stringify(want), `${what}: differs from the wasm build`);
  const wasm = (fn) => { try { return { ok: fn() }; } catch (e) { return { err: { name: e.name, message: e.message, detail: e.detail } }; } };
  await check(`charts (${charts.length}), mid-parental height (${mph.length}), fictional child (${fictional.length}) and typed-array SDS in Hermes equal the wasm build's, byte for byte`, () => {
    charts.forEach(([reference, req], i) => same(`chart ${reference} ${req.sex}`, out.charts[i], wasm(() => wasmBuild.chartCoordinates(reference, req))));
    mph.forEach((req, i) => same(`mid-parental height ${req.reference}`, out.midParentalHeight[i], wasm(() => wasmBuild.midParentalHeight(req))));
    fictional.forEach(([reference, req], i) => same(`fictional child ${reference}`, out.fictionalChild[i], wasm(() => wasmBuild.fictionalChildData(reference, req))));
    same('sdsForMeasurements', out.sds, Array.from(wasmBuild.sdsForMeasurements('uk-who', 'height', 'male', new Float64Array(sds.ages), new Float64Array(sds.values))));
    assert(out.charts.every((c) => c.ok) && out.midParentalHeight.every((c) => c.ok) && out.fictionalChild.every((c) => c.ok), 'an unexpected error');
  });

  await check(`centile/chart draws the same SVG in Hermes as in Node, byte for byte (${chartSvg.length} charts)`, async () => {
    const { renderChart } = await import('../../pkg/chart/index.js');
    chartSvg.forEach((options, i) => {
      assert(out.chartSvg[i].ok, `chart ${i}: ${JSON.stringify(out.chartSvg[i].err)}`);
      assert(out.chartSvg[i].ok === renderChart(options), `chart ${i}: the SVG differs from Node's`);
    });
  });

  await check('the current Hermes compiler (hermes-compiler, as React Native pins it) compiles both bundles to bytecode', async () => {
    for (const entry of ['index', 'vectors']) await run(hermesc, ['-emit-binary', '-O', '-w', '-out', `${entry}.hbc`, `${entry}.bundle.js`], dir);
  });
} finally {
  if (process.argv.includes('--keep')) console.log(`# kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

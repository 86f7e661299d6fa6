// Consumer tests: the packed package (npm pack pkg/) installed with `npm ci` into throwaway projects in a temp
// dir, each from the lockfile committed next to it (tests/consumers/<name>/package-lock.json, exact versions; the
// package itself is `file:../centile.tgz`), then used as a consumer would, with no plugin, no bundler setting
// about WebAssembly and no init call for the default entry:
//   esm, cjs      Node ESM `import { calculation } from 'centile'` (and `centile/web` with initSync); CommonJS require
//   deno, bun     Deno and Bun from their npm platform packages (@deno/linux-x64-glibc, @oven/bun-linux-x64,
//                 optional dependencies: skipped, and said so, on other platforms), binaries called directly
//   vite          Vite 8 + React: the RCPCH chart component drawing our measurement and mid-parental height, and
//                 `centile/web` in a module Web Worker; production build and dev server
//   vite5/6/7     Vite 5, 6 and 7 with no config file: production build and dev server
//   webpack, webpack-5.88, rollup (node-resolve as it comes), esbuild, parcel: production builds of page.js
//   next          Next.js: a client component using centile, prerendered at build time and hydrated in the browser
//   chart-html    <centile-chart> (centile/element) on a plain page: no bundler, an import map into node_modules
//   chart-react   React 19 + Vite: CentileChart (centile/react)
//   chart-vue     Vue 3 + Vite (@vitejs/plugin-vue): <centile-chart> in a single-file component
//   chart-svelte  Svelte 5 + Vite (@sveltejs/vite-plugin-svelte): <centile-chart> in a component
// Every browser build and dev server is loaded in headless Chromium from 127.0.0.1 and must show the corrected SDS
// of an rcpchgrowth 4.6.5 vector from tests/vectors/calculation.json; the Node runtimes compute the same vector.
// Then: the default entry and `centile/web` under a Content-Security-Policy without 'wasm-unsafe-eval', and the
// start-up cost of the default entry's mechanism in Chromium (reported). The chart consumers draw a child's growth
// chart instead, checked by chart-points.mjs: one point per measurement, each at the plot's map of its age and value. Prints "ok - …" / "not ok - …" lines and
// "N passed, N failed".
//
//   node tests/consumers/run.mjs                     run everything
//   node tests/consumers/run.mjs --update-lockfiles  regenerate the committed lockfiles (needs pkg/ built)
//   node tests/consumers/run.mjs --keep              keep the temp dir (projects, builds) for inspection
//   node tests/consumers/run.mjs --only a,b          only the named projects (e.g. chart-vue,chart-svelte)
import { execFile as execFileCb, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../www-demo/serve.mjs';
import { checkChartPoints } from './chart-points.mjs';

const execFile = promisify(execFileCb);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const TOLERANCE = 1e-9;
const T0 = Date.now();
const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;

// Browser consumers: `tool` names the package whose installed version labels the test; `page` is where run.mjs
// puts page.html (the project root for tools that build from HTML, or the output after the build); `dev` marks
// those also checked through their dev server; `chart` marks those drawing a growth chart (`build: false`: served as
// installed); `rcpchChart` those drawing the RCPCH chart component through rcpch-chart.jsx (copied into src/).
const BROWSER = {
  vite: { tool: 'vite', what: 'React, RCPCH chart, worker', dev: true, rcpchChart: true },
  vite7: { tool: 'vite', page: 'root', dev: true },
  vite6: { tool: 'vite', page: 'root', dev: true },
  vite5: { tool: 'vite', page: 'root', dev: true },
  webpack: { tool: 'webpack', page: 'dist' },
  'webpack-5.88': { tool: 'webpack', page: 'dist' },
  rollup: { tool: 'rollup', what: '@rollup/plugin-node-resolve, no options', page: 'dist' },
  esbuild: { tool: 'esbuild', what: '--bundle --minify', page: 'dist' },
  parcel: { tool: 'parcel', page: 'root' },
  next: { tool: 'next', what: 'client component, static export', out: 'out' },
  'chart-html': { tool: 'centile', what: '<centile-chart> on a plain page, import map, no bundler', chart: true, build: false },
  'chart-react': { tool: 'react', what: 'CentileChart from centile/react, Vite', chart: true },
  'chart-vue': { tool: 'vue', what: '<centile-chart> in a Vue SFC, Vite + @vitejs/plugin-vue', chart: true },
  'chart-svelte': { tool: 'svelte', what: '<centile-chart> in a Svelte component, Vite + @sveltejs/vite-plugin-svelte', chart: true },
};
const NODE = ['esm', 'cjs', 'deno', 'bun'];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const PROJECTS = [...NODE, ...Object.keys(BROWSER)].filter((name) => !only || only.includes(name));

const results = { passed: 0, failed: 0, skipped: 0 };
const pass = (name) => { results.passed++; console.log(`ok - ${name}`); };
const fail = (name, why) => { results.failed++; console.log(`not ok - ${name}\n  ${String(why).split('\n').join('\n  ')}`); };
const skip = (name, why) => { results.skipped++; console.log(`skip - ${name}: ${why}`); };
async function check(name, fn) {
  try { await fn(); pass(name); } catch (e) { fail(name, e.stack ?? e); }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const close = (got, want, what) => assert(typeof got === 'number' && Math.abs(got - want) <= TOLERANCE, `${what}: got ${got}, want ${want}`);
const run = (cmd, args, cwd, env = {}) => execFile(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  .catch((e) => { throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`); });
const QUIET = { npm_config_update_notifier: 'false', NEXT_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' };
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd, QUIET);
/** Runs `fn` over `items`, at most `limit` at a time (the machine has 2 cores); resolves to the results in order. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]); }
  }));
  return out;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------- set-up

const work = mkdtempSync(path.join(tmpdir(), 'centile-consumers-'));
const cleanup = () => (process.argv.includes('--keep') ? console.log(`# kept ${work}`) : rmSync(work, { recursive: true, force: true }));

assert(existsSync(path.join(root, 'pkg/package.json')), 'build the package first (make pkg)');
const { stdout: packed } = await npm(['pack', '--silent', '--pack-destination', work], path.join(root, 'pkg'));
renameSync(path.join(work, packed.trim().split('\n').at(-1)), path.join(work, 'centile.tgz'));

// The known number: the first UK-WHO height vector with a full result (EXPECT an array; index 9 = corrected SDS).
const { cases } = JSON.parse(readFileSync(path.join(root, 'tests/vectors/calculation.json'), 'utf8'));
const vector = cases.find((c) => c[0] === 'uk-who' && c[4] === 'height' && Array.isArray(c[8]));
const [reference, birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days, want] = vector;
const expected = want[9];
const request = { birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days };
const testCase = {
  vector: vector.slice(0, 8), expected, reference, request,
  // For the worker: the same observation, and one dated before birth (an error entry).
  bulk: { birth_date, sex, measurement_method, gestation_weeks, gestation_days, observations: [
    { observation_date, observation_value }, { observation_date: '1900-01-01', observation_value }] },
  // For the charts: a term girl's weights from 2 weeks to 3 years (one chronological point each).
  chart: { reference: 'uk-who', request: { birth_date: '2020-03-01', sex: 'female', measurement_method: 'weight', gestation_weeks: 40,
    gestation_days: 0, observations: [[14, 3.4], [60, 5.0], [120, 6.4], [240, 8.1], [365, 9.2], [540, 10.6], [730, 11.9], [1100, 14.2]]
      .map(([day, observation_value]) => ({ observation_date: new Date(Date.UTC(2020, 2, 1) + day * 864e5).toISOString().slice(0, 10), observation_value })) } },
};

// What the chart consumers must draw: the chart child's measurements from the package they install.
const { bulkCalculation } = await import(path.join(root, 'pkg/bundler/index.js'));
const chartMeasurements = bulkCalculation(testCase.chart.reference, testCase.chart.request).results;

const copyProject = (name) => {
  const dir = path.join(work, name);
  cpSync(path.join(here, name), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|out|\.next)$/.test(src) });
  writeFileSync(path.join(dir, 'case.json'), JSON.stringify(testCase, null, 2));
  if (BROWSER[name]) {
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'src/case.json'), JSON.stringify(testCase, null, 2));
    writeFileSync(path.join(dir, 'src/case.js'), `export default ${JSON.stringify(testCase, null, 2)};\n`);
    if (BROWSER[name].page) cpSync(path.join(here, 'page.js'), path.join(dir, 'src/page.js'));
    if (BROWSER[name].page === 'root') cpSync(path.join(here, 'page.html'), path.join(dir, 'index.html'));
    if (BROWSER[name].rcpchChart) cpSync(path.join(here, 'rcpch-chart.jsx'), path.join(dir, 'src/rcpch-chart.jsx'));
  }
  return dir;
};

if (process.argv.includes('--update-lockfiles')) {
  await pool(PROJECTS, 4, async (name) => {
    const dir = copyProject(name);
    rmSync(path.join(dir, 'package-lock.json'), { force: true });
    await npm(['install', '--package-lock-only', '--ignore-scripts'], dir);
    // The tarball changes with every build: keep no integrity for it (npm ci then takes it as it is).
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    delete lock.packages['node_modules/centile'].integrity;
    writeFileSync(path.join(here, name, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`updated tests/consumers/${name}/package-lock.json`);
  });
  cleanup();
  process.exit(0);
}

console.log(`# consumers of ${path.join(work, 'centile.tgz')}; vector ${JSON.stringify(testCase.vector)} → corrected SDS ${expected}`);
const dirs = Object.fromEntries(PROJECTS.map((name) => [name, copyProject(name)]));

// Installs, a few at a time, from the one npm cache where it has the packages.
const installed = new Set();
await pool(PROJECTS, 4, async (name) => {
  const t = Date.now();
  try {
    await npm(['ci', '--prefer-offline'], dirs[name]);
    installed.add(name);
    pass(`${name}: npm ci from the committed lockfile (${((Date.now() - t) / 1000).toFixed(1)}s)`);
  } catch (e) {
    fail(`${name}: npm ci from the committed lockfile`, e.message);
  }
});
console.log(`# [${elapsed()}] installed`);
const versionOf = (name, pkgName) => JSON.parse(readFileSync(path.join(dirs[name], 'node_modules', pkgName, 'package.json'), 'utf8')).version;
const label = (name) => `${BROWSER[name].tool} ${versionOf(name, BROWSER[name].tool)}${BROWSER[name].what ? ` (${BROWSER[name].what})` : ''}`;

// Production builds, two at a time, while the Node runtimes run.
const builds = pool(Object.keys(BROWSER).filter((n) => installed.has(n)), 2, async (name) => {
  const t = Date.now();
  if (BROWSER[name].build === false) return [name, { out: dirs[name], ms: 0 }];
  try {
    await npm(['run', 'build'], dirs[name]);
    const out = path.join(dirs[name], BROWSER[name].out ?? 'dist');
    if (BROWSER[name].page === 'dist') cpSync(path.join(here, 'page.html'), path.join(out, 'index.html'));
    return [name, { out, ms: Date.now() - t }];
  } catch (e) {
    return [name, { error: e }];
  }
});

// ---------------------------------------------------------------------------------------------- Node runtimes

const jsonOut = async (cmd, args, cwd, env) => {
  const { stdout } = await run(cmd, args, cwd, env);
  return JSON.parse(stdout.trim().split('\n').at(-1));
};

if (installed.has('esm')) await check('esm: Node ESM import from centile and centile/web (initSync from the exported .wasm)', async () => {
  const out = await jsonOut(process.execPath, ['main.mjs'], dirs.esm);
  close(out.sds, expected, 'calculation (centile)');
  close(out.webSds, expected, 'calculation (centile/web)');
  assert(out.error?.isCentileError && out.error.status === 422, `error: ${JSON.stringify(out.error)}`);
  assert(out.initIsFunction, 'centile/web has no default init');
});

if (installed.has('cjs')) await check('cjs: Node CommonJS require(centile)', async () => {
  const out = await jsonOut(process.execPath, ['main.cjs'], dirs.cjs);
  close(out.sds, expected, 'calculation');
  assert(out.error?.isCentileError && out.error.status === 422, `error: ${JSON.stringify(out.error)}`);
  assert(out.resolved === path.join('node', 'index.cjs'), `require.resolve gave ${out.resolved}`);
  const want = Object.keys(createRequire(import.meta.url)(path.join(root, 'pkg/node/index.cjs'))).sort();
  assert(JSON.stringify(out.exports) === JSON.stringify(want), `exports ${out.exports}, want ${want}`);
});

/** A runtime binary from an npm platform package, with its version line, or null (said so) where it is absent. */
async function runtime(name, binary, versionArgs) {
  if (!installed.has(name)) return null;
  const bin = path.join(dirs[name], 'node_modules', binary);
  const version = existsSync(bin) ? await run(bin, versionArgs, dirs[name]).then((r) => r.stdout.trim().split('\n')[0], () => null) : null;
  if (!version) skip(name, `no runnable binary ${binary} for ${process.platform}-${process.arch} in its npm platform package`);
  return version && { bin, version };
}

const deno = await runtime('deno', '@deno/linux-x64-glibc/deno', ['--version']);
if (deno) {
  await check(`deno: ${deno.version}, import centile (default ES module entry) and centile/web (async init), --allow-read only`, async () => {
    const denoDir = mkdtempSync(path.join(work, 'deno-dir-'));
    const out = await jsonOut(deno.bin, ['run', '--allow-read', '--no-remote', '--no-prompt', 'main.mjs'], dirs.deno,
      { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' });
    close(out.sds, expected, 'calculation (centile)');
    close(out.webSds, expected, 'calculation (centile/web)');
    assert(out.error?.isCentileError && out.error.status === 422, `error: ${JSON.stringify(out.error)}`);
  });
}

// The platform package's postinstall (held back by npm here) would only link this binary; it is called directly.
const bun = await runtime('bun', '@oven/bun-linux-x64/bin/bun', ['--version']);
if (bun) {
  await check(`bun: Bun ${bun.version}, import and require of centile, centile/web (async init)`, async () => {
    const out = await jsonOut(bun.bin, ['main.mjs'], dirs.bun, QUIET);
    close(out.sds, expected, 'calculation (import centile)');
    close(out.requiredSds, expected, 'calculation (require centile)');
    close(out.webSds, expected, 'calculation (centile/web)');
    assert(out.error?.isCentileError && out.error.status === 422, `error: ${JSON.stringify(out.error)}`);
  });
}

// ---------------------------------------------------------------------------------------------- browsers

const built = {};
for (const [name, b] of await builds) {
  if (BROWSER[name].build === false) {
    built[name] = b;
    continue;
  }
  await check(`${name}: ${label(name)} production build`, async () => {
    if (b.error) throw b.error;
    const assets = readdirSync(b.out, { recursive: true }).map(String);
    // The default entry carries the module's bytes: only `centile/web` (the React consumer's worker) emits a .wasm.
    const wasmAssets = assets.filter((f) => f.endsWith('.wasm'));
    assert(wasmAssets.length === (name === 'vite' ? 1 : 0), `.wasm emitted: ${wasmAssets}`);
    built[name] = b;
    console.log(`# ${name} built in ${(b.ms / 1000).toFixed(1)}s`);
  });
}
console.log(`# [${elapsed()}] built`);
if (built.esbuild) {
  const bundle = readFileSync(path.join(built.esbuild.out, 'src/page.js'));
  console.log(`# the esbuild page (default entry, minified): ${kb(bundle.length)} raw, ${kb(gzipSync(bundle, { level: 9 }).length)} gzip`);
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts `vite` (the dev server) in a project on 127.0.0.1; resolves to {url, close} once it answers. */
async function devServer(name) {
  const port = await freePort();
  const child = spawn(path.join(dirs[name], 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: dirs[name], env: { ...process.env, ...QUIET }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite dev exited ${child.exitCode}:\n${log}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, close: stop, log: () => log };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite dev did not answer on ${url}:\n${log}`);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
const profile = mkdtempSync(path.join(work, 'chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 900, height: 900 }, args: CHROMIUM_ARGS,
});
const isLocal = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || /^(data|blob):/.test(u);
const requests = [];
const offDevice = [];
const csp = new Map(); // origin → Content-Security-Policy to add to its responses
context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
await context.route('**/*', async (route) => {
  const url = route.request().url();
  if (!isLocal(url)) { offDevice.push(url); return route.abort('blockedbyclient'); }
  const policy = csp.get(new URL(url).origin);
  if (!policy) return route.continue();
  const response = await route.fetch();
  return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
});
await context.routeWebSocket(/.*/, (ws) => { if (!isLocal(ws.url().replace(/^ws/, 'http'))) { offDevice.push(ws.url()); ws.close(); } else ws.connectToServer(); });

/** Opens a URL; returns {page, errors, requests} once body[data-ready] (or the timeout). */
async function open(url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const first = requests.length;
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60000 });
  } catch (e) {
    errors.push(e.message);
  }
  return { page, errors, requests: () => requests.slice(first) };
}

/** The checks on a page built from page.js (or the Next.js component): the SDS, the 422, no .wasm fetched. */
async function checkPage(name, how, url) {
  const { page, errors, requests: seen } = await open(url);
  await check(`${name}: ${how}: Chromium shows the SDS of the vector, computed by the default entry`, async () => {
    assert(errors.length === 0, errors.join('\n'));
    const out = JSON.parse(await page.locator('body').getAttribute('data-result'));
    close(out.sds, expected, 'SDS');
    assert(out.error === 422, `a wrong measurement_method gave ${out.error}, not a 422 CentileError`);
    assert(await page.locator('#sds').textContent() === expected.toFixed(4), 'SDS shown on the page');
    const wasm = seen().filter((r) => r.url.endsWith('.wasm'));
    assert(wasm.length === 0, `fetched ${wasm.map((r) => r.url)}`);
    if (out.firstCallMs !== undefined) console.log(`# ${name} ${how}: first call (instantiation included) ${out.firstCallMs.toFixed(1)} ms`);
  });
  await page.close();
}

/** The React consumer: main-thread SDS, the RCPCH chart with mid-parental height, the worker using centile/web. */
async function checkReact(how, url) {
  const { page, errors, requests: seen } = await open(url);
  await check(`vite: ${how}: Chromium shows the SDS computed on the main thread (default entry)`, async () => {
    assert(errors.length === 0, errors.join('\n'));
    close(Number(await page.locator('#sds').getAttribute('data-value')), expected, 'SDS on the page');
    const shown = await page.locator('#sds').textContent();
    assert(shown === expected.toFixed(4), `page shows ${shown}`);
  });
  await check(`vite: ${how}: the RCPCH chart renders our measurement and mid-parental height (SVG with paths)`, async () => {
    const svgs = await page.locator('#chart svg').count();
    const paths = await page.locator('#chart svg path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
    const without = await page.locator('#chart-without-mph svg path').count();
    const text = await page.locator('#chart').innerText();
    assert(svgs >= 1 && paths.length >= 12, `${svgs} svg, ${paths.length} paths`);
    assert(/Height/i.test(text) && /UK-WHO/i.test(text), `chart text: ${text.slice(0, 300)}`);
    // The measurement: Victory draws a point as a circle (a path of two arcs).
    assert(paths.some((d) => /m\s*-[\d.]+,\s*0\s+a/.test(d)), 'no measurement point drawn');
    // Mid-parental height: its centile, lower and upper lines (and the band between) are extra paths.
    assert(paths.length - without >= 3, `mid-parental height added ${paths.length - without} paths (${paths.length} vs ${without})`);
    const mph = Number(await page.locator('#mph').getAttribute('data-value'));
    assert(mph > 150 && mph < 200, `mid-parental height ${mph}`);
    if (how === 'build') {
      mkdirSync(path.join(here, 'out'), { recursive: true });
      await page.locator('#chart-without-mph').evaluate((e) => e.remove());
      await page.screenshot({ path: path.join(here, 'out/vite-chart.png'), fullPage: true });
      console.log(`# vite chart: ${svgs} svg, ${paths.length} paths (${paths.length - without} from mid-parental height); ` +
        'screenshot tests/consumers/out/vite-chart.png');
    }
  });
  await check(`vite: ${how}: a module Web Worker runs bulkCalculation from centile/web and posts the result back`, async () => {
    const reply = JSON.parse(await page.locator('#worker').getAttribute('data-value'));
    assert(reply?.ok, `worker replied ${JSON.stringify(reply)}`);
    const [first, second] = reply.ok.results;
    close(first.measurement_calculated_values.corrected_sds, expected, 'worker SDS');
    assert(second.loc?.join('.') === 'body.observations.1.observation_date', `error entry ${JSON.stringify(second)}`);
    const urls = seen().map((r) => r.url);
    assert(urls.some((u) => /worker[^/]*\.js/.test(u)), `no worker script loaded: ${urls.join(' ')}`);
    // Distinct URLs: Vite's dev server may reload the page once after optimising dependencies, fetching it again
    // (possibly with a new version query).
    const wasm = new Set(urls.filter((u) => /\.wasm(\?|$)/.test(u)).map((u) => u.split('?')[0]));
    assert(wasm.size === 1, `expected only the worker's .wasm: ${[...wasm].join(' ')}`);
  });
  await page.close();
}

/** A chart consumer: the child's chart, every point checked against the measurements (chart-points.mjs). */
async function checkChart(name, url) {
  const { page, errors } = await open(url);
  await check(`${name}: ${label(name)}: Chromium draws one point per measurement, each at the plot's map of its age and value (0.5 px)`, async () => {
    assert(errors.length === 0, errors.join('\n'));
    const { count, worst } = await checkChartPoints(page, chartMeasurements);
    console.log(`# ${name}: ${count} points, at most ${worst.toFixed(3)} px from the map`);
  });
  await page.close();
}

try {
  for (const name of Object.keys(BROWSER)) {
    if (built[name]) {
      const server = await startServer({ roots: { '/': built[name].out } });
      try {
        if (name === 'vite') await checkReact('build', server.url);
        else if (BROWSER[name].chart) await checkChart(name, server.url);
        else await checkPage(name, 'build', server.url);
      } finally {
        await server.close();
      }
    }
    if (BROWSER[name].dev && installed.has(name)) {
      let dev;
      try {
        dev = await devServer(name);
      } catch (e) {
        fail(`${name}: ${label(name)} dev server starts on 127.0.0.1`, e.message);
        continue;
      }
      try {
        if (name === 'vite') await checkReact('dev server', dev.url);
        else await checkPage(name, 'dev server', dev.url);
      } finally {
        await dev.close();
      }
    }
  }
  console.log(`# [${elapsed()}] pages checked`);

  // The packed package as files on a loopback server (the esbuild project's copy, installed from the tarball).
  const installedPkg = installed.has('esbuild') && path.join(dirs.esbuild, 'node_modules/centile');
  if (installedPkg) {
    const server = await startServer({ roots: { '/': installedPkg } });
    const blank = `${server.url}package.json`;
    const body = JSON.stringify(request);
    try {
      csp.set(new URL(server.url).origin, "script-src 'self'");
      const page = await context.newPage();
      await page.goto(blank);
      const out = await page.evaluate(async ({ reference, body }) => {
        const outcome = async (fn) => {
          try { return { ok: await fn() }; } catch (e) { return { name: e.name, status: e.status, message: e.message, cause: String(e.cause) }; }
        };
        const entry = await import('/bundler/index.js');
        const web = await import('/web/index.js');
        return {
          entry: await outcome(() => entry.calculation(reference, JSON.parse(body))),
          entryAgain: await outcome(() => entry.calculation(reference, JSON.parse(body))),
          init: await outcome(() => web.default()),
          webCall: await outcome(() => web.calculation(reference, JSON.parse(body))),
        };
      }, { reference, body });
      await page.close();
      await check("browser: under a Content-Security-Policy without 'wasm-unsafe-eval' the default entry imports, and each call throws a 503 CentileError naming the rule", () => {
        for (const e of [out.entry, out.entryAgain]) {
          assert(e.name === 'CentileError' && e.status === 503, JSON.stringify(e));
          assert(/^centile could not start its WebAssembly module: .*'wasm-unsafe-eval'/.test(e.message), e.message);
        }
      });
      await check("browser: under that policy centile/web's init() rejects with a 503 CentileError naming 'wasm-unsafe-eval', and calls repeat it", () => {
        assert(out.init.name === 'CentileError' && out.init.status === 503, JSON.stringify(out.init));
        assert(/'wasm-unsafe-eval'/.test(out.init.message), out.init.message);
        assert(out.webCall.status === 503 && out.webCall.message === out.init.message, JSON.stringify(out.webCall));
      });

      // The same files allowing WebAssembly: the start-up cost of the default entry's mechanism, cold. Each
      // measurement gets a browser of its own, as V8 reuses a module compiled from the same bytes in its process.
      csp.set(new URL(server.url).origin, "script-src 'self' 'wasm-unsafe-eval'");
      const cold = async (fn) => {
        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
        try {
          const p = await browser.newPage();
          await p.route('**/*', (r) => (isLocal(r.request().url()) ? r.continue() : r.abort('blockedbyclient')));
          await p.goto(blank);
          return await p.evaluate(fn, { reference, body });
        } finally {
          await browser.close();
        }
      };
      const runs = [];
      for (let i = 0; i < 3; i++) {
        runs.push({
          ...await cold(async () => {
            const { wasmBytes } = await import('/bundler/wasm.js');
            const file = new Uint8Array(await (await fetch('/web/centile_bg.wasm')).arrayBuffer());
            const t0 = performance.now();
            const bytes = wasmBytes();
            const t1 = performance.now();
            new WebAssembly.Module(bytes);
            const t2 = performance.now();
            return { decode: t1 - t0, compile: t2 - t1, same: bytes.length === file.length && bytes.every((b, j) => b === file[j]) };
          }),
          ...await cold(async ({ reference, body }) => {
            const entry = await import('/bundler/index.js');
            const t0 = performance.now();
            const sds = entry.calculation(reference, JSON.parse(body)).measurement_calculated_values.corrected_sds;
            const t1 = performance.now();
            entry.calculation(reference, JSON.parse(body));
            return { firstCall: t1 - t0, secondCall: performance.now() - t1, sds };
          }),
        });
      }
      await check('browser: the default entry decodes to the .wasm file byte for byte and answers, under a CSP allowing wasm-unsafe-eval', () => {
        assert(runs.every((r) => r.same), JSON.stringify(runs));
        for (const r of runs) close(r.sds, expected, 'SDS');
      });
      const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1].toFixed(1);
      console.log(`# default entry start-up in Chromium (median of 3 cold browsers): text to bytes ${median('decode')} ms, ` +
        `synchronous compile ${median('compile')} ms; first call (all of that, plus the tables it reads) ` +
        `${median('firstCall')} ms; second call ${median('secondCall')} ms`);
    } finally {
      csp.clear();
      await server.close();
    }
  }
  await check('browsers: no request left 127.0.0.1', async () => {
    assert(offDevice.length === 0, offDevice.join('\n'));
    assert(requests.length > 0 && requests.every((r) => isLocal(r.url)), 'requests not seen');
  });
} finally {
  await context.close();
}

cleanup();
console.log(`# [${elapsed()}] done${results.skipped ? `, ${results.skipped} skipped` : ''}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

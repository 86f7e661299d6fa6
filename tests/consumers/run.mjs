// Consumer tests: the packed package (npm pack pkg/) installed with `npm ci` into throwaway projects in a temp
// dir, each from the lockfile committed next to it (tests/consumers/<name>/package-lock.json; the package itself
// is `file:../centile.tgz`), then used as a consumer would:
//   esm      Node ESM `import { calculation } from 'centile'`, and `centile/web` with initSync
//   cjs      Node CommonJS `require('centile')`
//   vite     Vite 8 production build of a React page: the default (bundler) entry on the main thread feeding the
//            RCPCH chart component (measurement + mid-parental height), and `centile/web` in a module Web
//            Worker running bulkCalculation; checked in headless Chromium served from 127.0.0.1, screenshot in
//            tests/consumers/out/
//   webpack  webpack 5 production build of the default entry, checked in Chromium
//   deno     Deno, no network permission: the binary is the npm registry package @deno/linux-x64-glibc (an
//            optional dependency: skipped on other platforms; the `deno` wrapper package is not used, as its
//            other platform packages are missing from this registry, which breaks `npm ci`)
// Every consumer computes the corrected SDS of an rcpchgrowth 4.6.5 vector from tests/vectors/calculation.json.
// Prints "ok - …" / "not ok - …" lines and "N passed, N failed".
//
//   node tests/consumers/run.mjs                     run everything
//   node tests/consumers/run.mjs --update-lockfiles  regenerate the committed lockfiles (needs pkg/ built)
//   node tests/consumers/run.mjs --keep              keep the temp dir (projects, builds) for inspection
import { execFile as execFileCb } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../../www-demo/serve.mjs';

const execFile = promisify(execFileCb);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const PROJECTS = ['esm', 'cjs', 'vite', 'webpack', 'deno'];
const TOLERANCE = 1e-9;
const T0 = Date.now();
const elapsed = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;

const results = { passed: 0, failed: 0, skipped: 0 };
const pass = (name) => { results.passed++; console.log(`ok - ${name}`); };
const fail = (name, why) => { results.failed++; console.log(`not ok - ${name}\n  ${String(why).split('\n').join('\n  ')}`); };
async function check(name, fn) {
  try { await fn(); pass(name); } catch (e) { fail(name, e.stack ?? e); }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const close = (got, want, what) => assert(typeof got === 'number' && Math.abs(got - want) <= TOLERANCE, `${what}: got ${got}, want ${want}`);
const run = (cmd, args, cwd, env = {}) => execFile(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
  .catch((e) => { throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`); });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd, { npm_config_update_notifier: 'false' });

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
};

const copyProject = (name) => {
  const dir = path.join(work, name);
  cpSync(path.join(here, name), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
  writeFileSync(path.join(dir, 'case.json'), JSON.stringify(testCase, null, 2));
  if (existsSync(path.join(dir, 'src'))) writeFileSync(path.join(dir, 'src/case.json'), JSON.stringify(testCase, null, 2));
  return dir;
};

if (process.argv.includes('--update-lockfiles')) {
  for (const name of PROJECTS) {
    const dir = copyProject(name);
    rmSync(path.join(dir, 'package-lock.json'), { force: true });
    await npm(['install', '--package-lock-only', '--ignore-scripts'], dir);
    // The tarball changes with every build: keep no integrity for it (npm ci then takes it as it is).
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    delete lock.packages['node_modules/centile'].integrity;
    writeFileSync(path.join(here, name, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`updated tests/consumers/${name}/package-lock.json`);
  }
  cleanup();
  process.exit(0);
}

console.log(`# consumers of ${path.join(work, 'centile.tgz')}; vector ${JSON.stringify(testCase.vector)} → corrected SDS ${expected}`);
const dirs = Object.fromEntries(PROJECTS.map((name) => [name, copyProject(name)]));

// Installs in parallel, from the npm cache where it has the packages.
const installs = await Promise.all(PROJECTS.map(async (name) => {
  const t = Date.now();
  try {
    await npm(['ci', '--prefer-offline'], dirs[name]);
    return [name, null, Date.now() - t];
  } catch (e) {
    return [name, e, Date.now() - t];
  }
}));
const installed = new Set();
for (const [name, error, ms] of installs) {
  if (error) fail(`${name}: npm ci from the committed lockfile`, error.message);
  else { installed.add(name); pass(`${name}: npm ci from the committed lockfile (${(ms / 1000).toFixed(1)}s)`); }
}
console.log(`# [${elapsed()}] installed`);

// Builds in parallel with the Node consumers.
const builds = {
  vite: installed.has('vite') && run(path.join(dirs.vite, 'node_modules/.bin/vite'), ['build'], dirs.vite),
  webpack: installed.has('webpack') && run(path.join(dirs.webpack, 'node_modules/.bin/webpack'), ['--no-color'], dirs.webpack),
};
for (const b of Object.values(builds)) if (b) b.catch(() => {});

// ---------------------------------------------------------------------------------------------- Node

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

// ---------------------------------------------------------------------------------------------- Deno

if (installed.has('deno')) {
  const deno = path.join(dirs.deno, 'node_modules/@deno/linux-x64-glibc/deno');
  const version = existsSync(deno) ? await run(deno, ['--version'], dirs.deno).then((r) => r.stdout.split('\n')[0], () => null) : null;
  if (!version) {
    results.skipped++;
    console.log(`skip - deno: no Deno binary for ${process.platform}-${process.arch} in the npm registry package @deno/linux-x64-glibc`);
  } else {
    await check(`deno: ${version}, centile (node condition) and centile/web (async init), --allow-read only`, async () => {
      const denoDir = mkdtempSync(path.join(work, 'deno-dir-'));
      const out = await jsonOut(deno, ['run', '--allow-read', '--no-remote', '--no-prompt', 'main.mjs'], dirs.deno,
        { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' });
      close(out.sds, expected, 'calculation (centile)');
      close(out.webSds, expected, 'calculation (centile/web)');
      assert(out.error?.isCentileError && out.error.status === 422, `error: ${JSON.stringify(out.error)}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------- browsers

const buildOk = {};
for (const [name, label] of [['vite', 'vite 8 production build (React, RCPCH chart, worker)'], ['webpack', 'webpack 5 production build']]) {
  if (!builds[name]) continue;
  await check(`${name}: ${label}`, async () => {
    await builds[name];
    if (name === 'webpack') cpSync(path.join(dirs.webpack, 'index.html'), path.join(dirs.webpack, 'dist/index.html'));
    const assets = readdirSync(path.join(dirs[name], 'dist'), { recursive: true }).map(String);
    // The default entry carries the module's bytes; only the worker's `centile/web` emits the .wasm file.
    const wasmAssets = assets.filter((f) => f.endsWith('.wasm'));
    assert(wasmAssets.length === (name === 'vite' ? 1 : 0), `.wasm emitted: ${wasmAssets}`);
    buildOk[name] = assets;
  });
}
console.log(`# [${elapsed()}] built`);

if (buildOk.vite || buildOk.webpack) {
  const profile = mkdtempSync(path.join(work, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 900, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const isLocal = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || /^(data|blob):/.test(u);
  const requests = [];
  const offDevice = [];
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  await context.route('**/*', (route) => (isLocal(route.request().url())
    ? route.continue() : (offDevice.push(route.request().url()), route.abort('blockedbyclient'))));
  await context.routeWebSocket(/.*/, (ws) => { offDevice.push(ws.url()); ws.close(); });

  /** Opens dist/ of a project on a loopback server; returns {page, errors, requests} once body[data-ready]. */
  async function open(name) {
    const server = await startServer({ roots: { '/': path.join(dirs[name], 'dist') } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    const first = requests.length;
    try {
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
    } catch (e) {
      errors.push(e.message);
    }
    return { page, server, errors, requests: () => requests.slice(first) };
  }

  try {
    if (buildOk.vite) {
      const { page, server, errors, requests: seen } = await open('vite');
      await check('vite: Chromium shows the SDS computed on the main thread (bundler entry)', async () => {
        assert(errors.length === 0, errors.join('\n'));
        close(Number(await page.locator('#sds').getAttribute('data-value')), expected, 'SDS on the page');
        const shown = await page.locator('#sds').textContent();
        assert(shown === expected.toFixed(4), `page shows ${shown}`);
      });
      await check('vite: the RCPCH chart renders our measurement and mid-parental height (SVG with paths)', async () => {
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
        mkdirSync(path.join(here, 'out'), { recursive: true });
        await page.locator('#chart-without-mph').evaluate((e) => e.remove());
        await page.screenshot({ path: path.join(here, 'out/vite-chart.png'), fullPage: true });
        console.log(`# vite chart: ${svgs} svg, ${paths.length} paths (${paths.length - without} from mid-parental height); ` +
          'screenshot tests/consumers/out/vite-chart.png');
      });
      await check('vite: a module Web Worker runs bulkCalculation from centile/web and posts the result back', async () => {
        const reply = JSON.parse(await page.locator('#worker').getAttribute('data-value'));
        assert(reply?.ok, `worker replied ${JSON.stringify(reply)}`);
        const [first, second] = reply.ok.results;
        close(first.measurement_calculated_values.corrected_sds, expected, 'worker SDS');
        assert(second.loc?.join('.') === 'body.observations.1.observation_date', `error entry ${JSON.stringify(second)}`);
        const urls = seen().map((r) => r.url);
        assert(urls.some((u) => /worker[^/]*\.js$/.test(u)), `no worker script loaded: ${urls.join(' ')}`);
        assert(urls.filter((u) => u.endsWith('.wasm')).length === 1, `expected only the worker's .wasm: ${urls.join(' ')}`);
      });
      await page.close();
      await server.close();
    }
    if (buildOk.webpack) {
      const { page, server, errors } = await open('webpack');
      await check('webpack: Chromium runs the bundle and shows the SDS (no experiments flag)', async () => {
        assert(errors.length === 0, errors.join('\n'));
        const out = JSON.parse(await page.locator('body').getAttribute('data-result'));
        close(out.sds, expected, 'SDS');
        assert(out.error === 422, `error ${out.error}`);
      });
      await page.close();
      await server.close();
    }
    await check('browsers: no request left 127.0.0.1', async () => {
      assert(offDevice.length === 0, offDevice.join('\n'));
      assert(requests.length > 0 && requests.every((r) => isLocal(r.url)), 'requests not seen');
    });
  } finally {
    await context.close();
  }
}

cleanup();
console.log(`# [${elapsed()}] done${results.skipped ? `, ${results.skipped} skipped` : ''}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

// The packaged web build in headless Debian Chromium (playwright-core): loads a bare page importing centile/web
// (tests/browser/index.html) from a loopback server, runs a subset of the rcpchgrowth 4.6.5 vectors inside the page,
// makes 60,000 calls with the stack nearly full (tests/js/stack.mjs), and proves the page made no request off this machine (the demo app has its own test, tests/demo/run.mjs).
// Prints "N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../www-demo/serve.mjs';
import { Report, checkCalculation, request } from '../js/compare.mjs';
import { coldStart } from './coldstart.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const { cases } = JSON.parse(readFileSync(path.join(here, '../vectors/calculation.json'), 'utf8'));
const subset = cases.filter((_, i) => i % 25 === 0);

const results = { passed: 0, failed: 0 };
const check = (name, fn) => {
  try { fn(); results.passed++; console.log(`ok - ${name}`); }
  catch (e) { results.failed++; console.log(`not ok - ${name}\n${e.message}`); }
};

const server = await startServer({ roots: { '/pkg/': path.join(here, '../../pkg'), '/js/': path.join(here, '../js'), '/': here } });
const profile = mkdtempSync(path.join(tmpdir(), 'centile-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
const isLocal = (u) => u.startsWith(server.url) || /^(data|blob):/.test(u);
const offDevice = [];
await context.route('**/*', (route) => isLocal(route.request().url())
  ? route.continue() : (offDevice.push(route.request().url()), route.abort('blockedbyclient')));
const page = context.pages()[0] ?? await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
try {
  await page.goto(`${server.url}pkg/package.json`);
  // Reported, not asserted: on a blank page, the module timed from its bytes to its first answer.
  const timing = await page.evaluate(async () => {
    const bytes = await (await fetch('/pkg/web/centile_bg.wasm')).arrayBuffer();
    const fresh = await import('/pkg/web/index.js');
    const t0 = performance.now();
    fresh.initSync({ module: bytes });
    const t1 = performance.now();
    const result = fresh.calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' });
    return { instantiate: t1 - t0, firstCall: performance.now() - t1, sds: result.measurement_calculated_values.corrected_sds };
  });
  console.log(`Chromium: compile + instantiate ${timing.instantiate.toFixed(1)} ms, first calculation (decodes the tables it reads) ${timing.firstCall.toFixed(1)} ms`);
  const cold = await coldStart({ throttle: 4 });
  console.log(`Chromium, CPU throttled ${cold.throttle}x, default entry bundled by esbuild: navigation to first calculation ` +
    `median ${cold.median.toFixed(1)} ms (fastest ${cold.min.toFixed(1)} ms), of which after the page's first script ${cold.ownMedian.toFixed(1)} ms ` +
    `(after the bundle started running ${cold.runMedian.toFixed(1)} ms), ` +
    `over ${cold.runs} cold loads (target 50 ms); the same page with an empty module: ${cold.blankMedian.toFixed(1)} ms; medians of its phases:`);
  for (const { label, ms } of cold.phases) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${label}`);
  check('the cold-start page computed the right SDS', () => {
    if (cold.sds !== timing.sds) throw new Error(`${cold.sds} vs ${timing.sds}`);
  });
  // centile/web's page preloads the .wasm as docs/speed-and-size.md shows; coldStart fails if init() fetched it again.
  const coldWeb = await coldStart({ throttle: 4, entry: 'web', runs: 3 }).catch((e) => e);
  if (!(coldWeb instanceof Error)) {
    console.log(`Chromium, CPU throttled ${coldWeb.throttle}x, centile/web (the .wasm preloaded, compiled while it streams): ` +
      `bundle start to first calculation median ${coldWeb.runMedian.toFixed(1)} ms over ${coldWeb.runs} cold loads; medians of its phases:`);
    for (const { label, ms } of coldWeb.phases) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${label}`);
  }
  check('centile/web with the .wasm preloaded: init() takes the preload (one request) and the page computes the right SDS', () => {
    if (coldWeb instanceof Error) throw coldWeb;
    if (coldWeb.sds !== timing.sds) throw new Error(`${coldWeb.sds} vs ${timing.sds}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  check('the web entry loads and initialises in a page', () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });

  const outcomes = await page.evaluate(({ subset, bodies }) => subset.map((c, i) => {
    try { return { ok: window.centile.calculation(c[0], bodies[i]) }; }
    catch (e) { return { err: { name: e.name, message: e.message, detail: e.detail } }; }
  }), { subset, bodies: subset.map(request) });
  check(`${subset.length} golden calculation vectors in Chromium`, () => {
    const r = new Report();
    subset.forEach((c, i) => checkCalculation(r, c, outcomes[i]));
    r.done('calculation (Chromium)', subset.length);
  });

  const errorShape = await page.evaluate(() => {
    try { window.centile.calculation('uk-who', { birth_date: 'not a date' }); return null; }
    catch (e) { return { isError: e instanceof Error, name: e.name, detail: e.detail }; }
  });
  check('invalid input throws a CentileError with a 422 detail list', () => {
    if (!errorShape?.isError || errorShape.name !== 'CentileError' || !errorShape.detail.length) throw new Error(JSON.stringify(errorShape));
  });
  const stack = await page.evaluate(async () => (await import('/js/stack.mjs')).nearFullStack(window.centile, 60000));
  console.log(`Chromium, centile/web with the stack nearly full: ${JSON.stringify(stack)}`);
  check(`${stack.calls} calls with the stack nearly full: each answers exactly or overflows, and the instance answers after`, () => {
    if (stack.after !== true || stack.wrong || stack.otherErrors || stack.answers < 1000 || stack.overflows < 1000) throw new Error(JSON.stringify(stack));
  });
  check('no request left the device', () => { if (offDevice.length) throw new Error(offDevice.join('\n')); });
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

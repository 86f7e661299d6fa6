// Cold start as a user meets it: a page whose production bundle (esbuild, `import { calculation } from 'centile'`,
// the default entry) is served from 127.0.0.1, loaded in headless Chromium with the CPU throttled (DevTools
// Emulation.setCPUThrottlingRate) and the HTTP cache off; measured from navigation to the first calculation
// answered (performance.now() in the page, whose origin is the navigation), and the part of it after the page's
// first script ran (centile's own share: fetching, compiling, instantiating, answering). Used by
// tests/browser/run.mjs and bench/run.mjs; reported, not asserted (timings on a shared machine are not results).
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const PAGE = `import { calculation } from 'centile';
const result = calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75,
  sex: 'male', measurement_method: 'height' });
const ms = performance.now();
document.body.dataset.coldStart = String(ms);
document.body.dataset.scriptStart = String(window.scriptStart);
document.body.dataset.bundleStart = String(window.bundleStart);
document.body.dataset.sds = String(result.measurement_calculated_values.corrected_sds);
`;

/**
 * Median, minimum and every run's milliseconds from navigation to the first answer, over `runs` fresh loads with
 * the CPU slowed `throttle` times, in a Chromium of its own.
 */
export async function coldStart({ throttle = 4, runs = 7 } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'centile-coldstart-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  const context = await browser.newContext();
  const server = createServer((req, res) => {
    const file = req.url === '/' ? 'index.html' : req.url.slice(1).replace(/[^\w.-]/g, '');
    try {
      const body = readFileSync(path.join(work, 'dist', file));
      res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  try {
    mkdirSync(path.join(work, 'node_modules'));
    symlinkSync(path.join(root, 'pkg'), path.join(work, 'node_modules/centile'), 'dir');
    writeFileSync(path.join(work, 'main.js'), PAGE);
    buildSync({ entryPoints: [path.join(work, 'main.js')], bundle: true, minify: true, format: 'esm', platform: 'browser',
      outfile: path.join(work, 'dist/main.js'), logLevel: 'warning', absWorkingDir: work,
      banner: { js: 'window.bundleStart = performance.now();' } });
    writeFileSync(path.join(work, 'dist/index.html'), '<!doctype html><meta charset="utf-8"><title>cold start</title><script>scriptStart = performance.now()</script><script type="module" src="main.js"></script>');
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/`;
    const times = [], starts = [], bundles = [];
    let sds = null;
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // A renderer already running (as for a user opening the app in a browser that is open): about:blank first.
      await page.goto('about:blank');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(url);
      await page.waitForSelector('body[data-cold-start]', { state: 'attached', timeout: 60000 });
      times.push(Number(await page.locator('body').getAttribute('data-cold-start')));
      starts.push(Number(await page.locator('body').getAttribute('data-script-start')));
      bundles.push(Number(await page.locator('body').getAttribute('data-bundle-start')));
      sds = Number(await page.locator('body').getAttribute('data-sds'));
      await page.close();
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // `own`: from the page's first (inline) script to the answer, i.e. fetching, compiling and running centile.
    // `run`: from the bundle's first statement to the answer (decoding, compiling, instantiating, computing).
    const own = times.map((t, i) => t - starts[i]), run = times.map((t, i) => t - bundles[i]);
    return { throttle, runs, median: median(times), min: Math.min(...times), ownMedian: median(own), runMedian: median(run), times, own, run, sds };
  } finally {
    await browser.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

// The chart's speed in headless Chromium (a step of `make bench`): centile/chart drawing a child with 100 visits
// on a fresh page (chartCoordinates included: its lines are not cached yet), an edit of one visit through
// <centile-chart> to the next frame with the chart redrawn (60 edits: median and 95th percentile), 1,000 visits,
// and the RCPCH chart component 7.5.2 (tests/component/node_modules) drawing the same 100-visit child in the same
// run. Each time runs from the call to the frame after the drawing is in the page (Chromium's own frame timing,
// raster on its compositor threads as in any page). Garbage is collected before each timed call (the inputs were
// made just before it).
//
// 15 fresh pages (7 before): the first of a run also starts the renderer (its scripts compiled afresh: 30-60 ms)
// and counts as the others do, and the rest vary with the first frame of each page (docs/speed-and-size.md: when
// Chromium allocates the chart's tiles through the GPU process before it releases the main thread from the
// frame's commit, the main thread waits 2-6 ms; when it allocates them after the frame, 0.3 ms).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../www-demo/serve.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/**
 * Medians (and minimums, the least disturbed by other work on the machine):
 * `{ first100Ms, first100MinMs, first100Runs, edit100: { medianMs, p95Ms, minMs, edits }, draw1000Ms, draw1000MinMs,
 * component: { first100Ms, runs } | null, ratio }`
 */
export async function chartBench({ runs = 15, edits = 60 } = {}) {
  const component = path.join(root, 'tests/component/node_modules');
  const server = await startServer({ roots: { '/pkg/': path.join(root, 'pkg'), '/component/': component, '/': path.join(here, 'chart') } });
  const profile = mkdtempSync(path.join(tmpdir(), 'centile-chart-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 800, height: 600 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      '--js-flags=--expose-gc'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const open = async (file) => {
      await page.goto(`${server.url}${file}`);
      await page.waitForSelector('body[data-ready="1"]', { state: 'attached', timeout: 30000 });
    };
    const first = [];
    const thousand = [];
    for (let i = 0; i < runs; i++) {
      await open('index.html');
      first.push(await page.evaluate(() => window.bench.draw(window.bench.child(100))));
      thousand.push(await page.evaluate(() => window.bench.draw(window.bench.child(1000))));
    }
    await open('index.html');
    const editTimes = await page.evaluate((n) => window.bench.edits(100, n), edits);
    let theirs = null;
    if (existsSync(path.join(component, '@rcpch/digital-growth-charts-react-component-library'))) {
      const times = [];
      for (let i = 0; i < Math.min(runs, 5); i++) {
        await open('component.html');
        times.push(await page.evaluate(() => window.bench.draw(100)));
      }
      theirs = { first100Ms: median(times), runs: times.length };
    }
    const ours = median(first);
    return {
      first100Ms: ours, first100MinMs: Math.min(...first), first100Runs: first.length,
      edit100: { medianMs: median(editTimes), p95Ms: percentile(editTimes, 95), minMs: Math.min(...editTimes), edits: editTimes.length },
      draw1000Ms: median(thousand), draw1000MinMs: Math.min(...thousand),
      component: theirs,
      ratio: theirs ? theirs.first100Ms / ours : null,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const load = loadavg()[0];
  const result = await chartBench();
  console.log(JSON.stringify({ ...result, loadAverage: [load, loadavg()[0]] }, null, 2));
}

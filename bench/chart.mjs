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
// frame's commit, the main thread waits 2-6 ms; when it allocates them after the frame, 0.3 ms). Each first draw
// is traced (`blink.user_timing` alone) for the main thread's CPU time from just before the call to just after the
// frame, which other work on the machine moves far less: the wall time is that, the waits for the frame and the
// commit, and what other threads and processes take of the two cores.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { NO_BROWSER_UI, userTiming } from '../tests/browser/coldstart.mjs';
import { startServer } from '../www-demo/serve.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => (x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const f = (x) => x.toFixed(1);
const group = (g) => `${g.pages} at ${f(g.fromMs)}${g.pages > 1 ? `-${f(g.toMs)}` : ''} ms`;

/**
 * The first draws after the first page's (which also starts the renderer) in two groups, split at the widest gap
 * between their sorted times: `{ fast: { pages, fromMs, toMs }, slow: {...}, gapMs }`.
 */
function clusters(times) {
  const sorted = times.slice(1).sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  let at = 1;
  for (let i = 2; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > sorted[at] - sorted[at - 1]) at = i;
  const range = (xs) => ({ pages: xs.length, fromMs: xs[0], toMs: xs.at(-1) });
  return { fast: range(sorted.slice(0, at)), slow: range(sorted.slice(at)), gapMs: sorted[at] - sorted[at - 1] };
}

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
      '--js-flags=--expose-gc', NO_BROWSER_UI],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    /**
     * What `draw` returns, with the page traced (`blink.user_timing` alone), and `cpuMs`: the main thread's CPU time
     * (the trace's thread clock) from the page's mark 'draw' to 'drawn', null if the trace missed either.
     */
    const traced = async (draw) => {
      const { result, events } = await userTiming(cdp, draw);
      const at = (name) => events.find((e) => e.cat === 'blink.user_timing' && e.name === name && e.tts !== undefined);
      const [from, to] = [at('draw'), at('drawn')];
      return { result, cpuMs: from && to && from.tid === to.tid ? (to.tts - from.tts) / 1000 : null };
    };
    const open = async (file) => {
      await page.goto(`${server.url}${file}`);
      await page.waitForSelector('body[data-ready="1"]', { state: 'attached', timeout: 30000 });
    };
    const first = [], firstCpu = [];
    const thousand = [];
    for (let i = 0; i < runs; i++) {
      await open('index.html');
      const { result, cpuMs } = await traced(() => page.evaluate(() => window.bench.draw(window.bench.child(100))));
      first.push(result);
      firstCpu.push(cpuMs);
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
    const cpu = firstCpu.filter((x) => x !== null);
    return {
      first100Ms: ours, first100MinMs: Math.min(...first), first100Runs: first.length, first100Times: first, first100Clusters: clusters(first),
      first100CpuMs: cpu.length ? median(cpu) : null, first100CpuMinMs: cpu.length ? Math.min(...cpu) : null, first100CpuRuns: cpu.length, first100CpuTimes: firstCpu,
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

/** The chart's paragraph in bench/results.md and the README, from results.json's `chart`. */
export const drawLine = (chart) => {
  const c = chart.first100Clusters;
  return 'Drawing the chart, headless Chromium, a child with 100 visits (uk-who height, 2 weeks to 18 years), each time from the call to the next frame with the chart in the page: ' +
    `\`renderChart\` on a fresh page, \`chartCoordinates\` included, median ${ms(chart.first100Ms)}, least ${ms(chart.first100MinMs)} (${chart.first100Runs} pages)` +
    (chart.first100CpuRuns ? `, of which the main thread's CPU time median ${f(chart.first100CpuMs)} ms, least ${f(chart.first100CpuMinMs)} ms (the same draws, traced: ${chart.first100CpuRuns} of them)` : '') +
    (c ? `; the first page's ${f(chart.first100Times[0])} ms (it also starts the renderer), the other ${c.fast.pages + c.slow.pages} split at the widest gap between their times (${f(c.gapMs)} ms): ` +
      `${group(c.fast)} and ${group(c.slow)} ` +
      '(on a quiet machine the two clusters docs/speed-and-size.md explains: Chromium allocating the chart\'s tiles before or after it releases the main thread from the frame\'s commit; other work on the machine blurs them)' : '') +
    `; an edit of one visit through \`<centile-chart>\` (the visit re-scored, the chart redrawn) median ${ms(chart.edit100.medianMs)}, 95th percentile ${ms(chart.edit100.p95Ms)}, least ${ms(chart.edit100.minMs)} (${chart.edit100.edits} edits); ` +
    `1,000 visits median ${ms(chart.draw1000Ms)}, least ${ms(chart.draw1000MinMs)} (lines already drawn once on the page)` +
    (chart.component ? `; the RCPCH chart component 7.5.2 on the same 100-visit child ${ms(chart.component.first100Ms)} (${chart.component.runs} pages), ${Math.round(chart.ratio).toLocaleString('en-GB')}× our first render.` : '; the RCPCH component was not installed (tests/component: npm ci).');
};

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const load = loadavg()[0];
  const result = await chartBench();
  console.log(JSON.stringify({ ...result, loadAverage: [load, loadavg()[0]] }, null, 2));
}

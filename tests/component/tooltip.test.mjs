// The RCPCH chart component (@rcpch/digital-growth-charts-react-component-library 7.5.2, its UMD build, pinned in
// this directory's package-lock.json) drawing centile's results in headless Chromium. Hovering each plotted point
// must show our sentences unchanged: the component rewrites a centile-band sentence of 11 or more words in its
// family tooltip (it replaces the first "is " with "is"), so every band, in every measurement, must survive it; in
// clinician mode the clinician comment is shown. No network: the page is built from local files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright-core');
const api = require(path.join(root, 'pkg/node/index.cjs'));
const modules = path.join(here, 'node_modules');
const SCRIPTS = ['react/umd/react.production.min.js', 'react-dom/umd/react-dom.production.min.js',
  '@rcpch/digital-growth-charts-react-component-library/build/rcpch-digital-growth-charts.umd.min.js'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// One child per measurement method, measured at five ages at SDS chosen to reach every kind of band: on a line,
// between two lines, below the lowest, above the highest, and more than 4 SDS out. Preterm, so each observation
// is drawn twice (corrected and chronological age) with both kinds of age comment.
const SDS = [0, 0.33, -3.2, 3.2, 4.6];
const AGES = [0.5, 0.8, 1.1, 1.4, 1.7]; // the component draws both ages while every corrected age is under 2
function child(method) {
  const birth = { birth_date: '2020-01-01', sex: 'female', measurement_method: method, gestation_weeks: 31, gestation_days: 3 };
  const early = 280 - (7 * birth.gestation_weeks + birth.gestation_days); // days before the due date
  return SDS.map((sds, i) => {
    const days = Math.round(AGES[i] * 365.25);
    const day = new Date(Date.UTC(2020, 0, 1) + days * 86400000).toISOString().slice(0, 10);
    const age = (days - early) / 365.25; // the corrected age
    const value = api.measurementFromSds({ reference: 'uk-who', measurement_method: method, sex: 'female', age, sds });
    return api.calculation('uk-who', { ...birth, observation_date: day, observation_value: Math.round(value * 100) / 100 });
  });
}

/** Renders the chart and returns, for each plotted child point, the tooltip's lines. */
async function tooltips(page, method, measurements, clinicianFocus) {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="root"></div></body></html>');
  for (const file of SCRIPTS) await page.addScriptTag({ path: path.join(modules, file) });
  await page.evaluate(({ method, measurements, clinicianFocus }) => {
    window.RCPCHGrowthCharts.render({
      targetElementId: 'root', title: 'centile', measurementMethod: method, reference: 'uk-who', sex: 'female',
      measurements: { [method]: measurements }, chartType: 'centile', theme: 'traditional', enableZoom: false,
      enableExport: false, exportChartCallback: () => {}, clinicianFocus, height: 800, width: 1000,
    });
  }, { method, measurements, clinicianFocus });
  await page.waitForSelector('path[role="presentation"]');
  // The child's points: small filled marks (centile lines are wide, unfilled paths).
  const points = await page.evaluate(() => [...document.querySelectorAll('path[role="presentation"]')]
    .map((e) => ({ box: e.getBoundingClientRect(), fill: getComputedStyle(e).fill }))
    .filter(({ box, fill }) => box.width < 20 && box.height < 20 && fill !== 'none')
    .map(({ box }) => [box.x + box.width / 2, box.y + box.height / 2]));
  const shown = [];
  for (const [x, y] of points) {
    // The component's tooltip follows the nearest datum, which can be a centile or SDS line drawn right through
    // the point: try the point's centre, then a few pixels either side.
    let lines = null;
    for (const [dx, dy] of [[0, 0], [3, 0], [-3, 0], [0, 3], [0, -3]]) {
      if (lines === null) lines = await tooltipAt(page, x + dx, y + dy);
    }
    shown.push(lines ?? []);
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => ![...document.querySelectorAll('text')].some((t) => / age: /.test(t.textContent)));
  }
  return shown;
}

/** The lines of the measurement tooltip shown with the mouse at (x, y), or null if none appears. */
async function tooltipAt(page, x, y) {
  await page.mouse.move(x, y);
  return page.waitForFunction(() => {
    const text = [...document.querySelectorAll('text')].find((t) => / age: /.test(t.textContent));
    return text && [...text.querySelectorAll('tspan')].map((s) => s.textContent);
  }, null, { timeout: 1500 }).then((h) => h.jsonValue(), () => null);
}

const sentences = (m, age, field) => m.plottable_data.centile_data[`${age}_decimal_age_data`][field];

test('the component shows every band and comment of our results unchanged (family and clinician modes)', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.route('**/*', (route) => route.abort()); // nothing leaves the machine
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let checked = 0;
    const bands = new Set();
    for (const method of ['height', 'weight', 'ofc', 'bmi']) {
      const measurements = child(method);
      for (const clinicianFocus of [false, true]) {
        const shown = await tooltips(page, method, measurements, clinicianFocus);
        // Two points per observation (corrected and chronological age).
        assert.equal(shown.length, 2 * measurements.length, `${method}: ${shown.length} points`);
        for (const m of measurements) {
          for (const age of ['corrected', 'chronological']) {
            const band = sentences(m, age, 'centile_band');
            const comment = sentences(m, age, clinicianFocus ? 'clinician_comment' : 'lay_comment');
            const tooltip = shown.find((lines) => lines.includes(comment) && (clinicianFocus || lines.includes(band)));
            assert.ok(tooltip, `${method} ${age} ${clinicianFocus ? 'clinician' : 'family'}: no tooltip shows\n  ${comment}\n  ${band}\nshown:\n${shown.map((l) => l.join(' | ')).join('\n')}`);
            if (!clinicianFocus) bands.add(band);
            checked++;
          }
        }
      }
    }
    assert.deepEqual(errors, []);
    // Every kind of band appeared, including the long ones the component used to glue.
    for (const kind of [/on or close to/, /between/, /below the lowest/, /above the highest/, /more than 4 SDS/]) {
      assert.ok([...bands].some((b) => kind.test(b)), `no band matching ${kind}`);
    }
    console.log(`component tooltips: ${checked} point tooltips checked, ${bands.size} distinct bands shown unchanged`);

    // The check can fail: a sentence of the old kind is glued by the component.
    const [m] = child('ofc');
    const old = 'This head circumference lies on or close to the 50th centile line.';
    const replaceBands = (o) => Object.entries(o).forEach(([k, v]) => {
      if (k.endsWith('centile_band')) o[k] = old;
      else if (v && typeof v === 'object') replaceBands(v);
    });
    replaceBands(m);
    const glued = (await tooltips(page, 'ofc', [m], false)).flat();
    assert.ok(glued.includes('Thishead circumference lies on or close to the 50th centile line.'), glued.join(' | '));
    assert.ok(!glued.includes(old));
  } finally {
    await browser.close();
  }
});

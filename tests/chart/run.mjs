// <centile-chart> (centile/element) in headless Debian Chromium (playwright-core): a plain page (tests/chart/
// index.html) draws a preterm child's height chart; checked: every point on screen at the plot's linear map of its
// age and value (0.5 px), keyboard arrows between points with focus events and announcements, Enter to select,
// axe-core at 0 violations (WCAG 2.2 A/AA), no horizontal scroll and 44 px targets (a pointer within 22 px of a
// point reaches it) at 320 and 390 px wide, a visible focus ring, dark
// mode and forced colours, the table twin, PNG export at 300 dpi and the export name, the print stylesheet, an edit
// redrawn in the first frame by replacing only its points, the age window chooser at 360 px, every word from the
// options' messages (another language rewords the chooser, the table and the chart), touch tooltips on a
// 360 px phone (touch emulation); and CentileChart (centile/react) in a React 19 page bundled by esbuild: points on
// the map, an edit redrawn in place, hover tooltips and a click near a point selecting it. Points are read by
// tests/consumers/chart-points.mjs.
// Prints "N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { crc32, inflateSync } from 'node:zlib';
import { buildInfo } from '../../pkg/bundler/index.js';
import { MESSAGES } from '../../pkg/chart/index.js';
import { startServer } from '../../www-demo/serve.mjs';
import { offMap, readPoints } from '../consumers/chart-points.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try { await fn(); results.passed++; console.log(`ok - ${name}`); }
  catch (e) { results.failed++; console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`); }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

// The React 19 page: tests/chart/react-app.jsx bundled by esbuild, `centile` resolved to pkg/ as a consumer's would be.
const bundleDir = mkdtempSync(path.join(tmpdir(), 'centile-chart-react-'));
await build({ entryPoints: [path.join(here, 'react-app.jsx')], bundle: true, format: 'esm', jsx: 'automatic', minify: true, logLevel: 'error',
  outfile: path.join(bundleDir, 'react-app.js'), alias: { centile: path.join(here, '../../pkg') }, define: { 'process.env.NODE_ENV': '"production"' } });
const server = await startServer({ roots: { '/pkg/': path.join(here, '../../pkg'), '/bundle/': bundleDir, '/': here } });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
const errors = [];
/** A page of its own context (`options` as browser.newContext takes them), its errors collected. */
async function newPage(options) {
  const p = await (await browser.newContext(options)).newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return p;
}
const page = await newPage({ viewport: { width: 800, height: 900 } });

try {
  await page.goto(`${server.url}index.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });

  await check('the element draws every point at the linear map of its age and value (0.5 px)', async () => {
    const list = await page.evaluate(readPoints);
    assert(list.length >= 20, `${list.length} points`);
    assert(new Set(list.map((p) => p.kind)).size === 3, 'chronological, corrected and bone points');
    for (const p of list) assert(offMap(p) <= 0.5, JSON.stringify(p));
  });

  await check('keyboard: Tab reaches a point, arrows move between points, each announced, Enter selects', async () => {
    await page.evaluate(() => document.getElementById('chart').shadowRoot.querySelector('.point').focus());
    const label = () => page.evaluate(() => document.getElementById('chart').shadowRoot.activeElement?.getAttribute('aria-label'));
    const first = await label();
    await page.keyboard.press('ArrowRight');
    const second = await label();
    assert(first && second && first !== second, 'ArrowRight moved focus');
    await page.keyboard.press('ArrowLeft');
    assert(await label() === first, 'ArrowLeft moved back');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const announced = await page.evaluate(() => document.getElementById('chart').shadowRoot.querySelector('.announce').textContent);
    assert(announced === await label(), 'the focused point is announced');
    const events = await page.evaluate(() => window.events);
    assert(events.filter(([k]) => k === 'focus').length >= 3, 'centile-focus events');
    const [, selected] = events.findLast(([k]) => k === 'select');
    assert(selected.label === announced && typeof selected.decimalAge === 'number' && typeof selected.value === 'number', JSON.stringify(selected));
    const tip = await page.evaluate(() => { const t = document.getElementById('chart').shadowRoot.querySelector('.tooltip'); return !t.hidden && t.textContent; });
    assert(tip === announced, 'the tooltip shows on focus');
    // The focused point has a focus ring: an outline in the focus colour, outside its mark.
    const ring = await page.evaluate(() => { const s = getComputedStyle(document.getElementById('chart').shadowRoot.activeElement); return [s.outlineStyle, s.outlineWidth, s.outlineOffset]; });
    assert(ring[0] === 'solid' && parseFloat(ring[1]) >= 2 && parseFloat(ring[2]) > 0, `focus ring ${ring}`);
  });

  await check('axe-core: 0 violations (WCAG 2.0-2.2 A and AA)', async () => {
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert(found.length === 0, found.join('\n'));
  });

  for (const width of [320, 390]) {
    await check(`${width} px wide: no horizontal scroll, 44 px targets (a pointer 20 px from a point shows its tooltip, 30 px away none), points still on the map`, async () => {
      // The chart redraws at the frame after the element is resized: wait for the new drawing (its width changed and
      // fits), then a frame more, so the points read below are the ones the pointer meets.
      const drawnWidth = () => document.getElementById('chart').shadowRoot.querySelector('svg').viewBox.baseVal.width;
      const before = await page.evaluate(drawnWidth);
      await page.setViewportSize({ width, height: 800 });
      await page.waitForFunction(([w, old]) => {
        const drawn = document.getElementById('chart').shadowRoot.querySelector('svg').viewBox.baseVal.width;
        return drawn !== old && drawn <= w;
      }, [width, before]);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(scroll <= 0, `scrolls ${scroll} px`);
      const list = await page.evaluate(readPoints);
      for (const p of list) assert(offMap(p) <= 0.5, JSON.stringify(p));
      // The leftmost point: every other point is farther from a pointer to its left.
      const first = list.reduce((a, b) => (b.screen[0] < a.screen[0] ? b : a));
      const tip = () => page.evaluate(() => { const t = document.getElementById('chart').shadowRoot.querySelector('.tooltip'); return t.hidden ? null : t.textContent; });
      await page.mouse.move(first.screen[0] - 20, first.screen[1]);
      assert(await tip() === first.label, `a pointer 20 px from a point: ${await tip()}`);
      await page.mouse.move(first.screen[0] - 30, first.screen[1]);
      assert(await tip() === null, 'a pointer 30 px from every point still shows a tooltip');
      await page.mouse.move(0, 0);
    });
  }
  await page.setViewportSize({ width: 800, height: 900 });

  await check('dark mode and forced colours restyle the chart through its CSS', async () => {
    const colours = () => page.evaluate(() => {
      const root = document.getElementById('chart').shadowRoot;
      return { background: getComputedStyle(root.querySelector('.background')).fill, line: getComputedStyle(root.querySelector('.centile-line')).stroke };
    });
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    assert(light.background !== dark.background && light.line !== dark.line, JSON.stringify([light, dark]));
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    const forced = await colours();
    const system = await page.evaluate(() => { const d = document.createElement('div'); d.style.color = 'CanvasText'; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; });
    assert(forced.line === system, `${forced.line} is not CanvasText (${system})`);
    await page.emulateMedia({ forcedColors: 'none' });
  });

  await check('every point\'s accessible name in Chromium\'s accessibility tree is its sentence (its aria-label)', async () => {
    const sentences = await page.evaluate(() => [...document.getElementById('chart').shadowRoot.querySelectorAll('.point')].map((p) => p.getAttribute('aria-label')));
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const names = new Set(nodes.filter((n) => n.role?.value === 'image').map((n) => n.name?.value));
    const missing = sentences.filter((t) => !names.has(t));
    assert(sentences.length >= 20 && missing.length === 0, `${missing.length} of ${sentences.length} points lack their name: ${missing[0]}`);
    await cdp.detach();
  });

  await check('the table twin lists every point', async () => {
    const rows = await page.evaluate(() => [...document.getElementById('chart').shadowRoot.querySelectorAll('details tr')].map((r) => r.textContent));
    const labels = await page.evaluate(() => [...document.getElementById('chart').shadowRoot.querySelectorAll('.point')].map((p) => p.getAttribute('aria-label')));
    assert(rows.length === labels.length && rows.every((r, i) => r === labels[i]), `${rows.length} rows for ${labels.length} points`);
  });

  await check('export: SVG and a 300 dpi PNG, each (SVG metadata and title, PNG text chunks) and its file name naming the child label, reference, centile\'s version, table fingerprint and attribution', async () => {
    const { version, reference_data_fingerprint: fingerprint } = buildInfo();
    const attribution = MESSAGES.acknowledgement['uk-who'];
    const exported = (label) => page.evaluate(async (label) => {
      const chart = document.getElementById('chart');
      chart.setAttribute('child-label', label);
      chart.render();
      const blob = await chart.toPNG();
      const bitmap = await createImageBitmap(blob);
      const svg = new DOMParser().parseFromString(chart.toSVG(), 'image/svg+xml');
      const box = chart.shadowRoot.querySelector('svg').viewBox.baseVal;
      return { png: [...new Uint8Array(await blob.arrayBuffer())], decoded: [bitmap.width, bitmap.height], size: [box.width, box.height],
        parsed: !svg.querySelector('parsererror'), title: svg.querySelector('title')?.textContent, metadata: svg.querySelector('metadata')?.textContent,
        names: [chart.exportName('png'), chart.exportName('svg')] };
    }, label);
    for (const child of ['Test child', 'Łucja Żak']) {
      const out = await exported(child);
      // The SVG: well-formed, its metadata naming all five, its title the child.
      assert(out.parsed, 'the exported SVG does not parse as XML');
      assert(JSON.stringify(JSON.parse(out.metadata)) === JSON.stringify({ child, reference: 'uk-who', centile: version, tables: fingerprint, attribution }), out.metadata);
      assert(out.title.includes(child), `SVG title ${out.title}`);
      // The PNG, chunk by chunk (each CRC checked): the size at 300 dpi, one pHYs of 11811 px/m, the text chunks.
      const png = Buffer.from(out.png);
      assert(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'the PNG signature');
      const chunks = [];
      for (let at = 8; at < png.length;) {
        const length = png.readUInt32BE(at);
        const type = png.subarray(at + 4, at + 8).toString('latin1');
        const data = png.subarray(at + 8, at + 8 + length);
        assert(crc32(png.subarray(at + 4, at + 8 + length)) === png.readUInt32BE(at + 8 + length), `${type}: a bad CRC`);
        chunks.push({ type, data });
        at += 12 + length;
      }
      assert(chunks[0].type === 'IHDR' && chunks.at(-1).type === 'IEND', chunks.map((c) => c.type).join());
      const [w, h] = [chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4)];
      assert(w === Math.round((out.size[0] * 300) / 96) && h === Math.round((out.size[1] * 300) / 96), `${w} x ${h} px for a ${out.size} px chart`);
      assert(out.decoded[0] === w && out.decoded[1] === h, `Chromium decodes it as ${out.decoded}`);
      const phys = chunks.filter((c) => c.type === 'pHYs');
      assert(phys.length === 1 && phys[0].data.readUInt32BE(0) === 11811 && phys[0].data.readUInt32BE(4) === 11811 && phys[0].data[8] === 1, 'one pHYs: 11811 px/m');
      const text = Object.fromEntries(chunks.filter((c) => c.type === 'tEXt' || c.type === 'iTXt').map(({ type, data }) => {
        const key = data.subarray(0, data.indexOf(0)).toString('latin1');
        if (type === 'tEXt') return [key, data.subarray(key.length + 1).toString('latin1')];
        let at = key.length + 3; // keyword, its 0, compression flag and method
        for (let skip = 0; skip < 2; skip++) at = data.indexOf(0, at) + 1; // language tag, translated keyword
        assert(data[key.length + 1] === 0, 'an uncompressed iTXt');
        return [key, data.subarray(at).toString('utf8')];
      }));
      assert(text.Child === child && text.Reference === 'uk-who' && text.Software === `centile ${version}` && text.Tables === fingerprint
        && text.Copyright === attribution && text.Title === out.title, JSON.stringify(text));
      // The file names.
      const name = `${child.replace(/ /g, '-')}_uk-who_height_centile-${version}_${fingerprint.slice(0, 12)}_RCPCH-WHO`;
      assert(out.names[0] === `${name}.png` && out.names[1] === `${name}.svg`, `${out.names}`);
    }
    await exported('Test child');
  });

  await check('print (element/print.css): on A4 and on Letter, one page with the chart and every axis label inside the printable area; table and controls hidden', async () => {
    const MARGIN = 12; // mm, print.css's @page margin
    const mm = 96 / 25.4; // CSS px
    for (const [format, paper, points] of [['A4', [210, 297], [595.28, 841.89]], ['Letter', [215.9, 279.4], [612, 792]]]) {
      const pdf = (await page.pdf({ format })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Pages\b[^>]*?\/Count (\d+)|\/Count (\d+)[^>]*?\/Type\s*\/Pages\b/);
      assert(pages && Number(pages[1] ?? pages[2]) === 1, `${format}: ${pages?.[0]} (not one page)`);
      const media = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/).slice(1).map(Number);
      assert(Math.abs(media[0] - points[0]) < 1 && Math.abs(media[1] - points[1]) < 1, `${format}: a ${media} pt page`);
      // Where Chromium's PDF places the page's content: its first two transforms (device scale, then the page area's
      // origin) give the top-left margin that @page set.
      const content = [...pdf.matchAll(/stream\r?\n([\s\S]*?)endstream/g)].map((m) => {
        try { return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'); } catch { return ''; }
      }).find((t) => /\bcm\b/.test(t));
      const [device, origin] = [...content.matchAll(/([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm/g)].map((m) => m.slice(1).map(Number));
      const margin = [origin[2], origin[3]].map((v) => (v * Math.abs(device[0]) * 25.4) / 72);
      assert(margin.every((v) => Math.abs(v - MARGIN) < 0.5), `${format}: content at ${margin.map((v) => v.toFixed(1))} mm, not print.css's ${MARGIN} mm margin`);
      // The same page laid out for print at the printable area's size: the chart's box and every axis label inside it.
      const area = paper.map((v) => Math.floor((v - 2 * MARGIN) * mm));
      await page.setViewportSize({ width: area[0], height: area[1] });
      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction((w) => document.getElementById('chart').shadowRoot.querySelector('svg').viewBox.baseVal.width <= w, area[0]);
      const laid = await page.evaluate(() => {
        const root = document.getElementById('chart').shadowRoot;
        const box = (e) => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]; };
        return { height: document.documentElement.scrollHeight, chart: box(root.querySelector('svg')), labels: [...root.querySelectorAll('.axes text')].map(box),
          hidden: ['details', '.windows', '.tooltip'].map((s) => root.querySelector(s)).filter(Boolean).map((e) => getComputedStyle(e).display) };
      });
      const inside = ([l, t, r, b]) => l >= 0 && t >= 0 && r <= area[0] + 0.5 && b <= area[1] + 0.5;
      assert(laid.height <= area[1], `${format}: the page is ${laid.height} px tall, the printable area ${area[1]} px`);
      assert(inside(laid.chart), `${format}: the chart's box ${laid.chart} leaves the ${area} px printable area`);
      assert(laid.labels.length > 10 && laid.labels.every(inside), `${format}: an axis label leaves the printable area`);
      assert(laid.hidden.every((d) => d === 'none'), `${format}: the table or controls print (${laid.hidden})`);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.setViewportSize({ width: 800, height: 900 });
  });

  await check('an edit of one visit is redrawn in the first frame after it, replacing only that visit\'s elements and table row: the chart is still renderChart\'s SVG', async () => {
    const out = await page.evaluate(async () => {
      const { calculation } = await import('centile');
      const chart = document.getElementById('chart');
      const root = chart.shadowRoot;
      const group = () => root.querySelector('.points');
      // Settled first: a resize from the test before may still be redrawing the chart at its new width.
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let i = 0, drawn = null; i < 100 && drawn !== chart.toSVG(); i++) {
        drawn = chart.toSVG();
        await frame();
        await frame();
      }
      const before = [...group().children];
      const old = chart.measurements;
      const visit = old[3];
      const value = Math.round((visit.child_observation_value.observation_value + 0.6) * 10) / 10;
      const edited = calculation('uk-who', { birth_date: '2020-01-01', sex: 'male', measurement_method: 'height', gestation_weeks: 33,
        observation_date: visit.measurement_dates.observation_date, observation_value: value });
      chart.measurements = old.with(3, edited);
      // The element asked for a frame before this callback did, so it has drawn by the time this runs: frame 1.
      const inFirstFrame = await new Promise((resolve) => requestAnimationFrame(() => resolve(
        [...root.querySelectorAll('.point')].filter((p) => p.dataset.index === '3').every((p) => p.dataset.value === String(value)))));
      const after = [...group().children];
      const fresh = document.createElement('div');
      fresh.innerHTML = chart.toSVG();
      const row = root.querySelector(`.table tbody`).rows[root.querySelector('.point[data-index="3"]').dataset.point].cells[0].textContent;
      chart.measurements = old;
      return {
        inFirstFrame, count: [before.length, after.length],
        replaced: after.filter((node, i) => node !== before[i]).map((node) => `${node.getAttribute('class')} ${node.dataset.index}`),
        same: root.querySelector('.chart').innerHTML === fresh.innerHTML,
        row: row === root.querySelector('.point[data-index="3"]').getAttribute('aria-label') && row.includes(`${value.toFixed(1)} cm`),
      };
    });
    assert(out.inFirstFrame, 'the edited visit was not drawn in the first animation frame after the edit');
    assert(out.count[0] === out.count[1] && out.replaced.length >= 1 && out.replaced.length <= 3 && out.replaced.every((r) => r.endsWith(' 3')),
      `replaced ${JSON.stringify(out.replaced)} of ${out.count}`);
    assert(out.same, 'the patched chart differs from renderChart\'s SVG');
    assert(out.row, 'the table twin\'s row for the edited visit');
  });

  await check('360 px: the age window chooser (fit, 0–1, 0–4, 2–18 years, all) has 44 px targets on screen, is reached by Tab, switched by the arrow keys, redraws the chart, axe 0 violations', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForFunction(() => document.getElementById('chart').shadowRoot.querySelector('svg').viewBox.baseVal.width <= 360);
    const boxes = await page.evaluate(() => [...document.getElementById('chart').shadowRoot.querySelectorAll('.windows label')].map((l) => {
      const r = l.getBoundingClientRect();
      const i = l.querySelector('input').getBoundingClientRect();
      return { text: l.textContent, width: r.width, height: r.height, input: [i.width, i.height], left: r.left, right: r.right };
    }));
    assert(boxes.map((b) => b.text).join('|') === Object.values(MESSAGES.ageWindows).join('|'), JSON.stringify(boxes.map((b) => b.text)));
    for (const b of boxes) {
      assert(b.width >= 44 && b.height >= 44 && b.input[0] >= 44 && b.input[1] >= 44, `"${b.text}": ${JSON.stringify(b)}`);
      assert(b.left >= 0 && b.right <= 360, `"${b.text}" off the screen: ${b.left}–${b.right}`);
    }
    assert(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 0, 'horizontal scroll at 360 px');
    const state = () => page.evaluate(() => {
      const chart = document.getElementById('chart');
      const root = chart.shadowRoot;
      return { focused: root.activeElement?.value ?? null, checked: root.querySelector('.windows input:checked')?.value ?? null,
        attribute: chart.getAttribute('age-window'), domain: root.querySelector('svg .plot').dataset.xDomain };
    });
    const until = (domain) => page.waitForFunction((d) => document.getElementById('chart').shadowRoot.querySelector('svg .plot').dataset.xDomain === d, domain);
    await page.evaluate(() => { const h = document.querySelector('h1'); h.tabIndex = -1; h.focus(); });
    await page.keyboard.press('Tab');
    const first = await state();
    assert(first.focused === 'auto' && first.checked === 'auto', `Tab reached ${JSON.stringify(first)}`);
    for (const [value, domain] of [['0 1', '0 1'], ['0 4', '0 4'], ['2 18', '2 18']]) {
      await page.keyboard.press('ArrowRight');
      await until(domain);
      const now = await state();
      assert(now.focused === value && now.checked === value && now.attribute === value, JSON.stringify(now));
    }
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('chart').getAttribute('age-window') === 'whole');
    await page.waitForFunction(() => document.getElementById('chart').shadowRoot.querySelector('svg .plot').dataset.xDomain.endsWith(' 20'));
    const whole = (await state()).domain.split(' ').map(Number);
    assert(whole[0] < 0 && whole[1] === 20, `the whole reference: ${whole}`);
    const found = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert(found.length === 0, found.join('\n'));
    await page.evaluate(() => document.getElementById('chart').removeAttribute('age-window'));
    await page.waitForFunction(() => document.getElementById('chart').shadowRoot.querySelector('.windows input:checked')?.value === 'auto');
    await page.setViewportSize({ width: 800, height: 900 });
  });

  await check('messages in another language reword all the element shows (the age window chooser and its name, the table twin\'s summary, the chart\'s title and centile labels); without them the English returns', async () => {
    const words = () => page.evaluate(() => {
      const root = document.getElementById('chart').shadowRoot;
      return { legend: root.querySelector('.windows legend').textContent, windows: [...root.querySelectorAll('.windows label')].map((l) => l.textContent),
        summary: root.querySelector('summary').textContent, title: root.querySelector('svg title').textContent,
        labels: [...root.querySelectorAll('svg .centile-label')].map((t) => t.textContent) };
    });
    const english = await words();
    assert(english.legend === MESSAGES.ageWindow && english.summary === MESSAGES.table && english.title.startsWith(MESSAGES.title.height), JSON.stringify(english));
    const german = { ageWindow: 'Altersbereich', ageWindows: { auto: 'Besuche', '0 1': '0–1 J', '0 4': '0–4 J', '2 18': '2–18 J', whole: 'Alle Alter' },
      table: 'Tabelle', title: { ...MESSAGES.title, height: 'Körpergröße' }, ordinal: { one: '.', two: '.', few: '.', other: '.' } };
    await page.evaluate((messages) => { const chart = document.getElementById('chart'); chart.options = { ...chart.options, messages }; }, german);
    await page.waitForFunction(() => document.getElementById('chart').shadowRoot.querySelector('svg title').textContent.startsWith('Körpergröße'));
    const de = await words();
    assert(de.legend === german.ageWindow && de.summary === german.table, JSON.stringify(de));
    assert(de.windows.join('|') === Object.values(german.ageWindows).join('|'), JSON.stringify(de.windows));
    assert(de.labels.length > 0 && de.labels.every((l) => /^\d+(\.\d)?\.$/.test(l)), JSON.stringify(de.labels));
    await page.evaluate(() => { const chart = document.getElementById('chart'); const { messages, ...rest } = chart.options; chart.options = rest; });
    await page.waitForFunction((title) => document.getElementById('chart').shadowRoot.querySelector('svg title').textContent === title, english.title);
    const back = await words();
    assert(JSON.stringify(back) === JSON.stringify(english), JSON.stringify(back));
  });

  await check('React 19 (centile/react, bundled by esbuild): points on the map, an edited visit in the first frame after it, only its elements replaced (no remount), a hover tooltip, onPointSelect from a click 15 px away', async () => {
    await page.goto(`${server.url}index.html`);
    await page.evaluate(async () => {
      document.body.innerHTML = '<main id="react"></main>';
      await import('/bundle/react-app.js');
    });
    await page.waitForSelector('.react-chart svg .point');
    const state = async () => {
      const points = await page.evaluate(readPoints);
      const marker = await page.evaluate(() => { const div = document.querySelector('.react-chart'); div.marker ??= Math.random(); return div.marker; });
      return { marker, off: points.filter((p) => offMap(p) > 0.5).length, values: points.map((p) => p.value) };
    };
    const before = await state();
    assert(before.off === 0 && before.values.length >= 6, JSON.stringify(before));
    // The edit is in the page by the first animation frame after it, only the edited visit's elements replaced.
    const patched = await page.evaluate(async () => {
      const points = () => [...document.querySelectorAll('.react-chart .points > *')];
      const kept = points();
      window.edit(5.9);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = points();
      const fresh = document.createElement('div');
      fresh.innerHTML = window.drawn();
      return { count: [kept.length, now.length], replaced: now.filter((node, i) => node !== kept[i]).map((node) => node.dataset.index),
        drawn: now.some((p) => p.dataset.value === '5.9'), same: document.querySelector('.react-chart > div').innerHTML === fresh.innerHTML };
    });
    assert(patched.drawn && patched.same, `the edit in the first frame: ${JSON.stringify(patched)}`);
    assert(patched.count[0] === patched.count[1] && patched.replaced.length >= 1 && patched.replaced.every((i) => i === '2'), JSON.stringify(patched));
    const after = await state();
    assert(after.marker === before.marker, 'the chart\'s element was replaced (a remount)');
    assert(after.off === 0, `${after.off} points off the map after the edit`);
    const [first] = (await page.evaluate(readPoints)).sort((a, b) => a.screen[0] - b.screen[0]);
    await page.mouse.move(first.screen[0] - 15, first.screen[1]);
    const tip = await page.evaluate(() => { const t = document.querySelector('.react-chart .centile-tooltip'); return t.hidden ? null : t.textContent; });
    assert(tip === first.label, `hover tooltip: ${tip}`);
    await page.mouse.click(first.screen[0] - 15, first.screen[1]);
    const selected = await page.evaluate(() => window.selected);
    assert(selected && selected.label === first.label && selected.decimalAge === Number(first.age), JSON.stringify(selected));
  });

  await check('touch (360 px, touch emulation): a tap on a point shows its tooltip with the exact age, value and centile band; a tap elsewhere hides it', async () => {
    const phone = await newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await phone.goto(`${server.url}index.html`);
    await phone.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
    await phone.waitForFunction(() => document.getElementById('chart').shadowRoot.querySelector('svg')?.viewBox.baseVal.width <= 360);
    const tooltip = () => phone.evaluate(() => {
      const tip = document.getElementById('chart').shadowRoot.querySelector('.tooltip');
      const box = tip.getBoundingClientRect();
      return { shown: !tip.hidden && box.width > 0, text: tip.textContent, left: box.left, right: box.right };
    });
    const points = phone.locator('#chart .point');
    const count = await points.count();
    // A finger lands on the point's mark; close points' 44 px targets overlap there, and the nearest point answers.
    const tapMark = async (i) => {
      await points.nth(i).scrollIntoViewIfNeeded();
      const r = await points.nth(i).boundingBox();
      await phone.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
    };
    for (const i of [0, 1, Math.floor(count / 2), count - 1]) {
      await tapMark(i);
      const tip = await tooltip();
      const want = await points.nth(i).evaluate(async (p) => {
        const { formatCentile, formatValue } = await import('centile/chart');
        const m = window.results[p.dataset.index];
        const corrected = p.dataset.ageKind === 'corrected';
        const { corrected_calendar_age: age, corrected_gestational_age: gestation } = m.measurement_dates;
        const exactAge = !corrected ? m.measurement_dates.chronological_calendar_age
          : age ?? `${gestation.corrected_gestation_weeks}+${gestation.corrected_gestation_days} weeks gestation`;
        return [exactAge, `${formatValue(Number(p.dataset.value))} cm`,
          `${formatCentile(Number(p.dataset.centile))} centile`, m.measurement_calculated_values[corrected ? 'corrected_centile_band' : 'chronological_centile_band']];
      });
      assert(tip.shown, `point ${i}: no tooltip after a tap`);
      assert(tip.text === await points.nth(i).getAttribute('aria-label'), `point ${i}: the tooltip is another point's: ${tip.text}`);
      for (const part of want) assert(tip.text.includes(part), `point ${i}: the tooltip "${tip.text}" lacks "${part}"`);
      assert(tip.left >= 0 && tip.right <= 360, `point ${i}: the tooltip runs off the screen (${tip.left}–${tip.right} px)`);
    }
    await phone.locator('h1').tap();
    assert(!(await tooltip()).shown, 'the tooltip stays after a tap outside the chart');
    await tapMark(0);
    await tapMark(0);
    assert((await tooltip()).shown, 'no tooltip after a second tap on the same point');
    // A tap on the chart away from every point (its title, above the plot) hides it too.
    const title = await phone.evaluate(() => { const r = document.getElementById('chart').shadowRoot.querySelector('svg text.title').getBoundingClientRect(); return [r.left + 2, r.top + r.height / 2]; });
    await phone.touchscreen.tap(...title);
    assert(!(await tooltip()).shown, 'the tooltip stays after a tap on the chart away from the points');
    await phone.context().close();
  });

  await check('no page errors', async () => assert(errors.length === 0, errors.join('\n')));
} finally {
  await browser.close();
  await server.close();
  rmSync(bundleDir, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed ? 1 : 0;

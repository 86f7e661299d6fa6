// centile/chart (renderChart) against the RCPCH client specification's drawing rules and against the engine's own
// numbers: every rule is read off the SVG through its elements and data attributes (tests/js/svg.mjs), every line
// vertex is compared with chartCoordinates and every point with the plot area's linear map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bulkCalculation, buildInfo, chartCoordinates, CentileError, midParentalHeight } from '../../pkg/bundler/index.js';
import { MESSAGES, THEME, formatCentile, renderChart } from '../../pkg/chart/index.js';
import { all, byClass, parse, plotMap, runs, textOf, vertices } from './svg.mjs';

const COLE = [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6];
const DASHED = [0.4, 9, 50, 91, 99.6];
const WEEK = 7 / 365.25;

/** `n` visits every `days` days from `start` (days after birth), values from `value(i)`, plus per-visit notes. */
function child({ sex = 'male', method = 'height', weeks = 40, days = 0, birth = '2020-01-01', start = 0, every = 60, n = 20, value, notes = {}, reference = 'uk-who' }) {
  const born = Date.parse(`${birth}T00:00:00Z`);
  const observations = Array.from({ length: n }, (_, i) => ({
    observation_date: new Date(born + (start + i * every) * 864e5).toISOString().slice(0, 10),
    observation_value: value(i),
    ...notes[i],
  }));
  return bulkCalculation(reference, { birth_date: birth, sex, measurement_method: method, gestation_weeks: weeks, gestation_days: days, observations }).results;
}

const preterm = child({ weeks: 32, days: 2, value: (i) => 46 + i * 3.1, notes: { 3: { events_text: ['Started growth hormone'] }, 12: { bone_age: 1.5, bone_age_type: 'greulich-pyle' } } });
const render = (o) => parse(renderChart({ reference: 'uk-who', sex: 'male', measurement_method: 'height', ...o }));
const lines = (svg) => byClass(svg, 'centile-line');
const points = (svg) => byClass(svg, 'point');
const num = (el, k) => Number(el.attrs[k]);
/** A point's sentence: its accessible name. */
const sentence = (point) => point.attrs['aria-label'];

test('the same options give byte-identical SVG, a well-formed document with no script', () => {
  const options = { reference: 'uk-who', sex: 'male', measurement_method: 'height', measurements: preterm, childLabel: 'A <child> & "co"' };
  const a = renderChart(options);
  assert.equal(renderChart(structuredClone(options)), a);
  const svg = parse(a);
  assert.equal(svg.name, 'svg');
  assert.equal(all(svg, (e) => e.name === 'script' || e.name === 'foreignObject').length, 0);
  assert.ok(textOf(svg).includes('A <child> & "co"'));
});

test('the renderer uses no DOM or host object', () => {
  const source = readFileSync(new URL('../../pkg-template/chart/index.js', import.meta.url), 'utf8');
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''");
  for (const word of ['document', 'window', 'navigator', 'globalThis', 'self', 'require', 'Intl', 'toLocaleString', 'Date', 'Math.random', 'performance']) {
    assert.ok(!new RegExp(`(?<![.\\w$])${word.replace('.', '\\.')}\\b`).test(code), `the renderer uses ${word}`);
  }
  assert.deepEqual([...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]), ['centile'], 'its one import is the engine');
});

test('centile lines: the Cole nine by default, in every segment of the window', () => {
  const svg = render({ ageWindow: 'whole' });
  const bySegment = new Map();
  for (const l of lines(svg)) bySegment.set(l.attrs['data-segment'], [...(bySegment.get(l.attrs['data-segment']) ?? []), l]);
  assert.deepEqual([...bySegment.keys()], ['uk90_preterm', 'uk_who_infant', 'uk_who_child', 'uk90_child']);
  for (const [segment, list] of bySegment) assert.deepEqual(list.map((l) => num(l, 'data-centile')), COLE, segment);
});

test('centile lines: 0.4th, 9th, 50th, 91st and 99.6th dashed (not dotted), the others thin and solid, the 50th not emphasised', () => {
  const all9 = lines(render({ ageWindow: 'whole' }));
  const style = (l) => [l.attrs.stroke, l.attrs['stroke-width'], l.attrs['stroke-opacity'], l.attrs.opacity].join();
  for (const l of all9) {
    const c = num(l, 'data-centile');
    const dash = l.attrs['stroke-dasharray'];
    if (DASHED.includes(c)) {
      const [on, off] = dash.split(' ').map(Number);
      // Dotted would be a dash no longer than the line is wide.
      assert.ok(on >= 3 * Number(l.attrs['stroke-width']) && off > 0, `${c}: dash ${dash}`);
      assert.ok(!l.attrs['stroke-linecap'] || l.attrs['stroke-linecap'] === 'butt');
    } else {
      assert.equal(dash, undefined, `${c} is solid`);
    }
    assert.ok(Number(l.attrs['stroke-width']) <= 1, 'thin');
    assert.equal(style(l), style(all9[0]), `${c} is drawn like every other line`);
  }
});

test('centile lines: other sets (three, five, custom) as chartCoordinates gives them', () => {
  for (const centiles of ['three-percent-centiles', 'five-percent-centiles', [3, 50, 97]]) {
    const want = chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height', centile_format: centiles })
      .centile_data[3].uk90_child.male.height.map((l) => l.centile);
    const got = lines(render({ centiles, ageWindow: [4, 20] })).filter((l) => l.attrs['data-segment'] === 'uk90_child').map((l) => num(l, 'data-centile'));
    assert.deepEqual(got, want);
  }
});

test('joins: each UK-WHO dataset is its own series, never joined across a transition', () => {
  const svg = render({ ageWindow: 'whole' });
  const { x } = plotMap(svg);
  const ranges = { uk90_preterm: [-0.33, 14 / 365.25], uk_who_infant: [14 / 365.25, 2], uk_who_child: [2, 4], uk90_child: [4, 20] };
  for (const l of lines(svg)) {
    const [a, b] = ranges[l.attrs['data-segment']];
    for (const [vx] of vertices(l.attrs.d)) assert.ok(vx >= x(a) - 0.01 && vx <= x(b) + 0.01, `${l.attrs['data-segment']} vertex at ${vx}`);
  }
});

test('joins: both the lying and the standing line are drawn at 2 years, and every transition is signposted', () => {
  const svg = render({ ageWindow: [1, 3] });
  const { x, y } = plotMap(svg);
  for (const c of COLE) {
    const at2 = (segment) => lines(svg).filter((l) => l.attrs['data-segment'] === segment && num(l, 'data-centile') === c)
      .flatMap((l) => vertices(l.attrs.d)).filter(([vx]) => Math.abs(vx - x(2)) < 0.01);
    const lying = at2('uk_who_infant');
    const standing = at2('uk_who_child');
    assert.equal(lying.length, 1, `${c}: lying line ends at 2 years`);
    assert.equal(standing.length, 1, `${c}: standing line starts at 2 years`);
    const coords = chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height' }).centile_data;
    const end = coords[1].uk_who_infant.male.height.find((l) => l.centile === c).data.at(-1);
    const start = coords[2].uk_who_child.male.height.find((l) => l.centile === c).data[0];
    assert.ok(Math.abs(lying[0][1] - y(end.y)) < 0.01 && Math.abs(standing[0][1] - y(start.y)) < 0.01, 'the step is kept');
  }
  const whole = render({ ageWindow: 'whole' });
  const signs = byClass(whole, 'transition');
  assert.deepEqual(signs.map((s) => s.attrs['data-transition']),
    ['uk90_preterm uk_who_infant', 'uk_who_infant uk_who_child', 'uk_who_child uk90_child']);
  const which = ['uk90_preterm', 'lying', 'uk_who_child'];
  assert.deepEqual(signs.map((s) => textOf(s.children.find((c) => c.name === 'title'))), which.map((k) => MESSAGES.transition[k]));
  // The short signposts are drawn where there is room for them: all three on a wide chart.
  const wide = byClass(render({ ageWindow: 'whole', width: 1600 }), 'transition');
  assert.deepEqual(wide.map((s) => textOf(s.children.find((c) => c.name === 'text'))), which.map((k) => MESSAGES.transitionLabel[k]));
});

test('labels: every centile line is labelled with its centile', () => {
  for (const ageWindow of ['whole', [0, 1], [2, 4], [4, 20]]) {
    const svg = render({ ageWindow });
    const labels = byClass(svg, 'centile-label');
    assert.deepEqual(labels.map((l) => num(l, 'data-centile')), COLE, JSON.stringify(ageWindow));
    assert.deepEqual(labels.map(textOf), ['0.4th', '2nd', '9th', '25th', '50th', '75th', '91st', '98th', '99.6th']);
  }
});

test('axes: age ticks follow age (gestation weeks, weeks and months, months and years, years) with no gridlines', () => {
  const band = (age) => (age < 14 / 365.25 - 1e-9 ? 'gestation' : age < 2 ? 'infant' : age < 4 ? 'toddler' : 'child');
  const allowed = { gestation: ['gestation-week', 'year'], infant: ['week', 'month', 'year'], toddler: ['month', 'year'], child: ['year'] };
  const seen = { gestation: new Set(), infant: new Set(), toddler: new Set(), child: new Set() };
  for (const ageWindow of ['whole', [-0.3, 14 / 365.25], [0, 1], [0, 2], [0, 4], [2, 4], [4, 20], [2, 18]]) {
    const svg = render({ ageWindow, measurements: preterm });
    const { xRange, yRange } = plotMap(svg);
    const { x } = plotMap(svg);
    // Each unit's ticks are one path: a short stroke down from the age axis at each of its ages.
    const ticks = new Map();
    for (const t of byClass(svg, 'age-ticks')) {
      const unit = t.attrs['data-unit'];
      const ages = t.attrs['data-decimal-ages'].split(' ').map(Number);
      const strokes = [...t.attrs.d.matchAll(/M([\d.]+) ([\d.]+)v(\d+)/g)];
      assert.equal(strokes.map((m) => m[0]).join(''), t.attrs.d, `${unit}: strokes only`);
      assert.equal(strokes.length, ages.length);
      ages.forEach((age, i) => {
        // 0 is the day of birth (the due date on a corrected chart): labelled as age, not gestation.
        if (age !== 0) assert.ok(allowed[band(age)].includes(unit), `${JSON.stringify(ageWindow)}: a ${unit} tick at ${age}`);
        assert.ok(Math.abs(Number(strokes[i][1]) - x(age)) < 0.5 && Number(strokes[i][2]) === yRange[0] && Number(strokes[i][3]) <= 5);
        ticks.set(age, unit);
      });
    }
    for (const t of byClass(svg, 'age-label')) {
      const age = num(t, 'data-decimal-age');
      assert.equal(ticks.get(age), t.attrs['data-unit'], `a label at ${age} has its tick`);
      assert.ok(Math.abs(num(t, 'x') - x(age)) < 0.5);
      seen[band(age)].add(t.attrs['data-unit']);
    }
    // No gridlines: no line crosses the plot area but the axes and the centile lines themselves.
    const long = all(svg, (e) => e.name === 'line'
      && (Math.abs(num(e, 'x2') - num(e, 'x1')) > (xRange[1] - xRange[0]) / 2 || Math.abs(num(e, 'y2') - num(e, 'y1')) > (yRange[0] - yRange[1]) / 2));
    assert.equal(long.length, 2, 'only the two axes');
    assert.equal(all(svg, (e) => /grid/.test(e.attrs.class ?? '')).length, 0);
  }
  assert.deepEqual([...seen.gestation], ['gestation-week']);
  assert.deepEqual([...seen.infant].sort(), ['month', 'week', 'year']);
  assert.deepEqual([...seen.toddler].sort(), ['month', 'year']);
  assert.deepEqual([...seen.child], ['year']);
  // Gestation labels are the week of gestation.
  const weeks = byClass(render({ ageWindow: [-0.3, 14 / 365.25] }), 'age-label').filter((t) => t.attrs['data-unit'] === 'gestation-week');
  assert.ok(weeks.length >= 5);
  for (const t of weeks) assert.ok(Math.abs(40 + (num(t, 'data-decimal-age') * 365.25) / 7 - Number(textOf(t))) < 1e-6);
});

test('axes: the y-axis spans what the lines and measurements in the window need, not the whole chart', () => {
  const infant = render({ ageWindow: [0, 1], measurements: preterm });
  const whole = render({ ageWindow: 'whole', measurements: preterm });
  const { yDomain: a } = plotMap(infant);
  const { yDomain: b } = plotMap(whole);
  assert.ok(a[1] - a[0] < (b[1] - b[0]) / 2, `${a} against ${b}`);
  const coords = chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height' }).centile_data;
  const inWindow = coords.flatMap((s) => Object.values(s)[0].male.height.flatMap((l) => l.data)).filter((p) => p.x >= 0 && p.x <= 1);
  for (const p of [...inWindow, ...points(infant).map((e) => ({ y: num(e, 'data-value') }))]) assert.ok(p.y >= a[0] && p.y <= a[1]);
  // The value ticks are one path, a stroke left from the value axis at each value, each value labelled beside it.
  for (const svg of [infant, whole]) {
    const { y, xRange } = plotMap(svg);
    const [ticks] = byClass(svg, 'value-ticks');
    const values = ticks.attrs['data-values'].split(' ').map(Number);
    const strokes = [...ticks.attrs.d.matchAll(/M([\d.]+) ([\d.]+)h4/g)];
    assert.equal(strokes.map((m) => m[0]).join(''), ticks.attrs.d, 'strokes only');
    assert.ok(values.length >= 3 && strokes.length === values.length);
    values.forEach((v, i) => assert.ok(Number(strokes[i][1]) === xRange[0] - 4 && Math.abs(Number(strokes[i][2]) - y(v)) < 0.5, `tick ${v}`));
    assert.deepEqual(byClass(svg, 'value-label').map((t) => num(t, 'data-value')), values);
    for (const t of byClass(svg, 'value-label')) assert.ok(Number(textOf(t)) === num(t, 'data-value') && Math.abs(num(t, 'y') - 3.5 - y(num(t, 'data-value'))) < 0.5);
  }
  // An auto window holds the points.
  const auto = render({ measurements: preterm });
  const { xDomain } = plotMap(auto);
  for (const p of points(auto)) assert.ok(num(p, 'data-decimal-age') >= xDomain[0] && num(p, 'data-decimal-age') <= xDomain[1]);
});

test('points: a dot at chronological age and a cross at corrected age, joined by a line; never joined to each other', () => {
  const svg = render({ measurements: preterm, ageWindow: 'whole' });
  const { x, y } = plotMap(svg);
  const pts = points(svg);
  for (const p of pts) {
    if (p.attrs['data-age-kind'] === 'chronological') assert.equal(p.name, 'circle');
    else assert.deepEqual(runs(p.attrs.d).map((r) => r.length), [2, 2], 'a cross: two strokes');
  }
  const links = byClass(svg, 'link');
  // One link per corrected point (and per bone age), from the same measurement's chronological point.
  for (const l of links) {
    const ends = pts.filter((p) => p.attrs['data-index'] === l.attrs['data-index']);
    const at = (kind) => ends.find((p) => p.attrs['data-age-kind'] === kind);
    const to = at(l.attrs['data-link']);
    const from = at('chronological');
    assert.ok(Math.abs(num(l, 'x1') - x(num(from, 'data-decimal-age'))) < 0.5 && Math.abs(num(l, 'y1') - y(num(from, 'data-value'))) < 0.5);
    assert.ok(Math.abs(num(l, 'x2') - x(num(to, 'data-decimal-age'))) < 0.5 && Math.abs(num(l, 'y2') - y(num(to, 'data-value'))) < 0.5);
  }
  assert.equal(links.filter((l) => l.attrs['data-link'] === 'corrected').length, pts.filter((p) => p.attrs['data-age-kind'] === 'corrected').length);
  // Nothing else is drawn among the points: no polyline, no path but the marks.
  const [group] = byClass(svg, 'points');
  assert.equal(all(group, (e) => e.name === 'polyline' || (e.name === 'path' && !pts.includes(e))).length, 0);
});

test('points: the corrected / chronological / both choice', () => {
  const kinds = (age) => [...new Set(points(render({ measurements: preterm, age, ageWindow: 'whole' })).map((p) => p.attrs['data-age-kind']))].sort();
  assert.deepEqual(kinds('chronological'), ['bone', 'chronological']);
  assert.deepEqual(kinds('corrected'), ['bone', 'corrected']);
  assert.deepEqual(kinds('both'), ['bone', 'chronological', 'corrected']);
  assert.equal(byClass(render({ measurements: preterm, age: 'corrected' }), 'link-corrected').length, 0);
});

test('points: exact age, value (1 dp, with unit), centile and band in each point\'s name (the element shows it on hover, focus and touch)', () => {
  const svg = render({ measurements: preterm, ageWindow: 'whole' });
  for (const p of points(svg)) {
    // One element (the mark), focusable, an image named by its sentence: its 44 px target, focus ring and tooltip
    // are the element's (tests/chart/run.mjs), not more elements to draw.
    assert.equal(p.attrs.tabindex, '0');
    assert.equal(p.attrs.role, 'img');
    assert.deepEqual(p.children, []);
    const i = Number(p.attrs['data-index']);
    const m = preterm[i];
    const label = sentence(p);
    assert.ok(label.startsWith(m.measurement_dates.observation_date), label);
    assert.ok(label.includes(m.measurement_dates.chronological_calendar_age), label);
    assert.ok(label.includes(`${m.child_observation_value.observation_value.toFixed(1)} cm`), label);
    const kind = p.attrs['data-age-kind'];
    if (kind !== 'bone') {
      const v = m.measurement_calculated_values;
      const [centile, band] = kind === 'corrected' ? [v.corrected_centile, v.corrected_centile_band] : [v.chronological_centile, v.chronological_centile_band];
      assert.ok(label.includes(`${formatCentile(centile)} centile`) && label.includes(band), label);
      assert.equal(num(p, 'data-centile'), centile);
    }
  }
});

test('precision: measurements to 1 dp, centiles as integers, one decimal below 1 or above 99, <0.4 and >99.6 beyond', () => {
  const cases = [[0.39, '<0.4'], [0.4, '0.4'], [0.94, '0.9'], [1, '1'], [9.49, '9'], [50.5, '51'], [99, '99'], [99.04, '99.0'], [99.6, '99.6'], [99.61, '>99.6']];
  for (const [c, want] of cases) assert.equal(formatCentile(c), want, String(c));
  // A child off the chart either way: the labels say so.
  const low = child({ n: 2, start: 3000, value: () => 105 });
  const high = child({ n: 2, start: 3000, value: () => 152 });
  const label = (results) => sentence(points(render({ measurements: results, age: 'chronological' }))[0]);
  assert.match(label(low), /<0\.4 centile/);
  assert.match(label(high), />99\.6 centile/);
});

test('bone age: a cross at the bone age, linked to the measurement by a dashed line', () => {
  const svg = render({ measurements: preterm, ageWindow: 'whole' });
  const [bone] = points(svg).filter((p) => p.attrs['data-age-kind'] === 'bone');
  assert.equal(num(bone, 'data-decimal-age'), 1.5);
  assert.equal(num(bone, 'data-value'), preterm[12].child_observation_value.observation_value);
  assert.equal(bone.name, 'path');
  const [link] = byClass(svg, 'link-bone');
  assert.equal(link.attrs['data-index'], '12');
  assert.ok(link.attrs['stroke-dasharray'], 'dashed');
});

test('events: an arrow at the measurement\'s age, outside the centiles', () => {
  const svg = render({ measurements: preterm, ageWindow: 'whole' });
  const { x, yRange } = plotMap(svg);
  const events = byClass(svg, 'event');
  assert.equal(events.length, 1);
  assert.equal(events[0].attrs['aria-label'], 'Started growth hormone');
  const age = num(events[0], 'data-decimal-age');
  assert.ok([preterm[3].plottable_data.centile_data.chronological_decimal_age_data.x, preterm[3].plottable_data.centile_data.corrected_decimal_age_data.x].includes(age));
  const shape = all(events[0], (e) => e.name === 'line' || e.name === 'path');
  for (const e of shape) {
    const ys = e.name === 'line' ? [num(e, 'y1'), num(e, 'y2')] : vertices(e.attrs.d).map((v) => v[1]);
    assert.ok(ys.every((v) => v < yRange[1]), 'above the plot area, where no centile line is drawn');
  }
  const [line] = shape;
  assert.ok(Math.abs(num(line, 'x1') - x(age)) < 0.5 && num(line, 'x1') === num(line, 'x2'), 'vertical, at the age');
});

test('puberty: shown only on the child\'s own sex\'s height chart, at that sex\'s ages', () => {
  for (const [sex, range] of [['female', '8 13'], ['male', '9 14']]) {
    const svg = render({ sex, ageWindow: [4, 20] });
    const [band] = byClass(svg, 'puberty');
    assert.equal(band.attrs['data-puberty'], range);
    assert.equal(textOf(band), MESSAGES.puberty[sex]);
    const other = MESSAGES.puberty[sex === 'male' ? 'female' : 'male'];
    assert.ok(!textOf(svg).includes(other));
  }
  assert.equal(byClass(render({ ageWindow: [0, 2] }), 'puberty').length, 0);
  assert.equal(byClass(render({ measurement_method: 'weight', ageWindow: [4, 20] }), 'puberty').length, 0);
});

test('neonatal weight loss: the note on weight charts showing the first two weeks, nowhere else', () => {
  const note = (o) => byClass(render(o), 'weight-loss').map(textOf);
  assert.deepEqual(note({ measurement_method: 'weight', ageWindow: [0, 1] }), [MESSAGES.weightLoss]);
  assert.deepEqual(note({ measurement_method: 'weight', ageWindow: 'whole' }), [MESSAGES.weightLoss]);
  assert.deepEqual(note({ measurement_method: 'weight', ageWindow: [2, 20] }), []);
  assert.deepEqual(note({ measurement_method: 'height', ageWindow: [0, 1] }), []);
});

test('acknowledgement and provenance: the reference, centile\'s version, the table fingerprint and the child label on every chart', () => {
  const info = buildInfo();
  const manifest = JSON.parse(readFileSync(new URL('../../reference-data/manifest.json', import.meta.url), 'utf8'));
  // Each reference's acknowledgement names authors or bodies its tables' citations name (reference-data/manifest.json).
  for (const reference of ['uk-who', 'who', 'cdc', 'turners-syndrome', 'trisomy-21', 'trisomy-21-aap']) {
    const [sex, method] = reference === 'turners-syndrome' ? ['female', 'height'] : ['male', 'height'];
    const svg = parse(renderChart({ reference, sex, measurement_method: method, childLabel: 'Child A' }));
    const [ack] = byClass(svg, 'acknowledgement');
    assert.equal(textOf(ack), MESSAGES.acknowledgement[reference]);
    const citations = manifest.files.filter((f) => f.used_by.includes(reference)).map((f) => `${f.citation} ${f.copyright}`).join(' ');
    const names = textOf(ack).match(/\b(WHO|CDC|Freeman|Cole|Preece|Lyon|Grant|Styles|Dennis|Zemel|Kuczmarski|RCPCH|AAP)\b/g);
    assert.ok(names.length >= 2, reference);
    for (const n of names) {
      const expanded = { RCPCH: 'Royal College of Paediatrics and Child Health', AAP: 'American Academy of Pediatrics' }[n] ?? n;
      assert.ok(citations.includes(expanded), `${reference}: ${n} is not in its tables' citations`);
    }
    const footer = textOf(byClass(svg, 'provenance')[0]);
    assert.ok(footer.includes('Child A') && footer.includes(info.version) && footer.includes(info.reference_data_fingerprint.slice(0, 12)));
    const meta = JSON.parse(textOf(all(svg, (e) => e.name === 'metadata')[0]));
    assert.deepEqual(meta, { child: 'Child A', reference, centile: info.version, tables: info.reference_data_fingerprint, attribution: MESSAGES.acknowledgement[reference] });
  }
});

/** One child measured in all four ways at the same visits. */
function allMethods(weeks = 40) {
  const value = { height: (i) => 50 + i * 4, weight: (i) => 3.4 + i * 0.7, ofc: (i) => 35 + i * 0.9, bmi: (i) => 13 + (i % 3) * 0.5 };
  // Measurements with a value at some age (a BMI at birth has none at either: answered, with nothing to draw).
  const scored = (m) => !('loc' in m) && (m.measurement_calculated_values.chronological_sds !== null || m.measurement_calculated_values.corrected_sds !== null);
  return Object.entries(value).flatMap(([method, v]) => child({ method, value: v, weeks, n: 8, every: 45 })).filter(scored);
}

test('SDS chart: every method on one chart in a consistent colour, with lines every 0.67 SD from -2.67 to +2.67', () => {
  const measurements = allMethods();
  const svg = render({ kind: 'sds', measurements });
  assert.deepEqual(byClass(svg, 'sds-line').map((l) => Number(l.attrs['data-sds'])), [-2.67, -2, -1.33, -0.67, 0, 0.67, 1.33, 2, 2.67]);
  for (const l of byClass(svg, 'sds-line')) {
    assert.equal(Boolean(l.attrs['stroke-dasharray']), [-2.67, -1.33, 0, 1.33, 2.67].includes(Number(l.attrs['data-sds'])));
  }
  const { x, y } = plotMap(svg);
  for (const l of byClass(svg, 'sds-line')) assert.ok(Math.abs(num(l, 'y1') - y(Number(l.attrs['data-sds']) === 0 ? 0 : [-8, -6, -4, -2, 2, 4, 6, 8].map((k) => k / 3).find((s) => Math.abs(s - Number(l.attrs['data-sds'])) < 0.01))) < 0.5);
  // The age axis crosses the SDS axis at 0.
  const [axis] = byClass(svg, 'age-axis');
  assert.ok(Math.abs(num(axis, 'y1') - y(0)) < 0.01 && num(axis, 'y1') === num(axis, 'y2'));
  const pts = points(svg);
  assert.deepEqual([...new Set(pts.map((p) => p.attrs['data-method']))], ['height', 'weight', 'ofc', 'bmi']);
  const colourOf = (p) => p.attrs.fill;
  for (const p of pts) assert.equal(colourOf(p), THEME.methods[p.attrs['data-method']]);
  // The same colour when a method is drawn alone.
  const alone = points(render({ kind: 'sds', measurements: measurements.filter((m) => m.child_observation_value.measurement_method === 'weight') }));
  for (const p of alone) assert.equal(colourOf(p), THEME.methods.weight);
  for (const p of pts) {
    const m = measurements[Number(p.attrs['data-index'])];
    assert.equal(num(p, 'data-value'), m.measurement_calculated_values.chronological_sds);
    assert.ok(Math.abs(num(p, 'cx') - x(num(p, 'data-decimal-age'))) < 0.5 && Math.abs(num(p, 'cy') - y(num(p, 'data-value'))) < 0.5);
  }
});

test('SDS chart: the corrected SDS is plotted against chronological age, labelled with the weeks premature', () => {
  const measurements = allMethods(31);
  const svg = render({ kind: 'sds', measurements, ageWindow: 'whole' });
  const corrected = points(svg).filter((p) => p.attrs['data-age-kind'] === 'corrected');
  assert.ok(corrected.length > 0);
  for (const p of corrected) {
    const m = measurements[Number(p.attrs['data-index'])];
    assert.equal(num(p, 'data-decimal-age'), m.measurement_dates.chronological_decimal_age);
    assert.equal(num(p, 'data-value'), m.measurement_calculated_values.corrected_sds);
  }
  const labels = byClass(svg, 'premature-label').map(textOf);
  assert.equal(labels.length, new Set(corrected.map((p) => p.attrs['data-method'])).size, 'one label for each method');
  assert.ok(labels.every((l) => l === MESSAGES.weeksPremature.replace('{weeks}', '9')));
});

test('mid-parental height: its centile line and range lines from the engine, and a bar from the lower to the upper value', () => {
  const mph = midParentalHeight({ height_maternal: 165, height_paternal: 178, sex: 'male' });
  const older = child({ start: 3650, every: 120, n: 10, value: (i) => 138 + i * 3 });
  const svg = render({ measurements: older, midParentalHeight: mph });
  const { x, y, xDomain } = plotMap(svg);
  assert.ok(xDomain[1] >= 18);
  const drawn = byClass(svg, 'mid-parental-line');
  assert.deepEqual([...new Set(drawn.map((l) => l.attrs['data-mid-parental']))], ['centile', 'lower', 'upper']);
  const source = { centile: mph.mid_parental_height_centile_data, lower: mph.mid_parental_height_lower_centile_data, upper: mph.mid_parental_height_upper_centile_data };
  for (const l of drawn) {
    const data = source[l.attrs['data-mid-parental']].flatMap((s) => Object.values(s)[0].male.height.flatMap((c) => c.data)).filter((p) => p.y !== null);
    for (const [vx, vy] of vertices(l.attrs.d)) assert.ok(data.some((p) => Math.abs(x(p.x) - vx) < 0.01 && Math.abs(y(p.y) - vy) < 0.01));
  }
  const [mark] = byClass(svg, 'mid-parental-height');
  assert.equal(num(mark, 'data-value'), mph.mid_parental_height);
  assert.ok(mark.attrs['aria-label'].includes(`${formatCentile(mph.mid_parental_height_centile)} centile`));
  const bar = mark.children.find((c) => c.name === 'line');
  assert.ok(Math.abs(num(bar, 'y1') - y(mph.mid_parental_height_lower_value)) < 0.5 && Math.abs(num(bar, 'y2') - y(mph.mid_parental_height_upper_value)) < 0.5);
});

test('data attributes: every point is at the linear map of its age and value within 0.5 px', () => {
  const girl = child({ sex: 'female', method: 'weight', weeks: 27, value: (i) => 0.9 + i * 0.45, n: 30, every: 30 });
  for (const [o, list] of [[{}, preterm], [{ sex: 'female', measurement_method: 'weight' }, girl]]) {
    for (const ageWindow of ['auto', 'whole', [0, 1], [0.5, 1.5]]) {
      const svg = render({ ...o, measurements: list, ageWindow });
      const { x, y, xDomain } = plotMap(svg);
      let n = 0;
      for (const p of points(svg)) {
        const [cx, cy] = p.name === 'circle' ? [num(p, 'cx'), num(p, 'cy')] : (([[x1, y1], [x2, y2]]) => [(x1 + x2) / 2, (y1 + y2) / 2])(vertices(p.attrs.d));
        assert.ok(Math.abs(cx - x(num(p, 'data-decimal-age'))) <= 0.5 && Math.abs(cy - y(num(p, 'data-value'))) <= 0.5);
        n++;
      }
      // Every measurement in the window is drawn.
      const want = list.flatMap((m) => [m.plottable_data.centile_data.chronological_decimal_age_data, m.plottable_data.centile_data.corrected_decimal_age_data]
        .filter((d, k, both) => (k === 0 || Math.abs(both[0].x - d.x) > 1e-9) && d.y !== null && d.x >= xDomain[0] && d.x <= xDomain[1])).length
        + list.filter((m) => typeof m.bone_age.bone_age === 'number' && m.bone_age.bone_age >= xDomain[0] && m.bone_age.bone_age <= xDomain[1]).length;
      assert.equal(n, want, JSON.stringify(ageWindow));
    }
  }
});

test('data attributes: every centile line\'s vertices are chartCoordinates points, in order', () => {
  for (const [reference, sex, method] of [['uk-who', 'male', 'height'], ['uk-who', 'female', 'weight'], ['uk-who', 'male', 'ofc'], ['uk-who', 'female', 'bmi'],
    ['who', 'male', 'weight'], ['cdc', 'female', 'height'], ['turners-syndrome', 'female', 'height'], ['trisomy-21', 'male', 'weight'], ['trisomy-21-aap', 'female', 'height']]) {
    for (const ageWindow of ['whole', [0, 2], [3, 9]]) {
      const svg = parse(renderChart({ reference, sex, measurement_method: method, ageWindow }));
      const { x, y } = plotMap(svg);
      const coords = chartCoordinates(reference, { sex, measurement_method: method }).centile_data;
      const byKey = new Map(coords.flatMap((s) => Object.entries(s)).flatMap(([segment, v]) => v[sex][method].map((l) => [`${segment} ${l.centile}`, l.data ?? []])));
      // The renderer finds a window's vertices from each end of a line: the ages along every line ascend.
      for (const [key, data] of byKey) data.forEach((p, i) => assert.ok(i === 0 || p.x > data[i - 1].x, `${reference} ${key}: ages ascend`));
      assert.ok(lines(svg).length > 0);
      for (const l of lines(svg)) {
        const data = byKey.get(`${l.attrs['data-segment']} ${l.attrs['data-centile']}`);
        for (const run of runs(l.attrs.d)) {
          const start = data.findIndex((p) => p.y !== null && Math.abs(x(p.x) - run[0][0]) < 0.01 && Math.abs(y(p.y) - run[0][1]) < 0.01);
          assert.ok(start >= 0, `${reference} ${l.attrs['data-segment']} ${l.attrs['data-centile']}: first vertex is not a point`);
          run.forEach(([vx, vy], k) => {
            const p = data[start + k];
            assert.ok(Math.abs(x(p.x) - vx) < 0.01 && Math.abs(y(p.y) - vy) < 0.01, `${reference} ${l.attrs['data-centile']}: vertex ${k}`);
          });
        }
      }
    }
  }
});

test('units: the imperial axis maps inches and pounds onto the same scale', () => {
  for (const [method, factor] of [['height', 1 / 2.54], ['weight', 2.2046226218]]) {
    const svg = render({ measurement_method: method, imperial: true, ageWindow: [2, 10] });
    const { y } = plotMap(svg);
    const ticks = all(svg, (e) => 'data-imperial-value' in e.attrs);
    assert.ok(ticks.length >= 3);
    for (const t of ticks) assert.ok(Math.abs(num(t.children[0], 'y1') - y(num(t, 'data-imperial-value') / factor)) < 0.5);
  }
  assert.equal(all(render({ measurement_method: 'bmi', imperial: true }), (e) => e.attrs.class === 'imperial-axis').length, 0);
});

test('messages and theme replace the words and colours', () => {
  const svg = render({ messages: { centile: 'Perzentile', title: { ...MESSAGES.title, height: 'Körperlänge' } }, theme: { line: '#000000' }, measurements: preterm });
  assert.ok(textOf(byClass(svg, 'title')[0]).startsWith('Körperlänge'));
  assert.ok(points(svg).some((p) => sentence(p).includes('Perzentile')));
  for (const l of lines(svg)) assert.equal(l.attrs.stroke, '#000000');
});

/** MESSAGES with every word replaced by its path in «», its {placeholders} kept: another language, recognisably. */
function translated(value, path = []) {
  if (typeof value === 'string') return [`«${path.join('.')}»`, ...(value.match(/\{\w+\}/g) ?? [])].join(' ');
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translated(v, [...path, k])]));
}

test('a messages object in another language replaces every word the chart writes', () => {
  const messages = translated(MESSAGES);
  const info = buildInfo();
  const born = child({ weeks: 30, days: 3, n: 12, every: 40, value: (i) => 1.3 + i * 0.6, method: 'weight' });
  const tall = child({ weeks: 30, days: 3, start: 2000, every: 400, n: 10, value: (i) => 110 + i * 6, notes: { 3: { bone_age: 8, bone_age_type: 'greulich-pyle' } } });
  const mph = midParentalHeight({ height_paternal: 181, height_maternal: 164, sex: 'male' });
  const charts = [
    { measurement_method: 'weight', measurements: born, ageWindow: [-0.2, 1], imperial: true },
    { measurement_method: 'weight', measurements: born, ageWindow: [-0.2, 0.02] },
    { measurements: tall, ageWindow: 'whole', midParentalHeight: mph, imperial: true, childLabel: 'Ada' },
    { measurements: tall, ageWindow: [0, 1] },
    { kind: 'sds', measurements: [...born, ...tall] },
  ];
  // What the words are written around: the engine's answers (calendar ages, band sentences, flags), the child's
  // label, the version and the table fingerprint.
  const data = [...born, ...tall].flatMap((m) => [m.measurement_dates.chronological_calendar_age, m.measurement_dates.corrected_calendar_age,
    m.measurement_calculated_values.chronological_centile_band, m.measurement_calculated_values.corrected_centile_band,
    m.child_observation_value.observation_value_error, m.measurement_dates.observation_date]);
  const known = [...data, 'Ada', info.version, info.reference_data_fingerprint.slice(0, 12)].filter(Boolean).sort((a, b) => b.length - a.length);
  const written = new Set();
  for (const options of charts) {
    const svg = render({ ...options, messages });
    const texts = all(svg, (e) => e.name === 'text' || e.name === 'title').map(textOf)
      .concat(all(svg, (e) => 'aria-label' in e.attrs).map((e) => e.attrs['aria-label']));
    for (const text of texts) {
      for (const [, path] of text.matchAll(/«([^»]+)»/g)) written.add(path.split('.')[0]);
      const rest = known.reduce((t, k) => t.split(k).join(' '), text.replace(/«[^»]+»/g, ' '));
      assert.ok(!/\p{L}/u.test(rest), `${JSON.stringify(options.ageWindow ?? options.kind)}: ${JSON.stringify(text)} has words not from messages`);
    }
  }
  // Every message the SVG can show was shown (the element's own words are tested in Chromium, tests/chart/run.mjs).
  const elementOnly = ['ageWindow', 'ageWindows', 'table'];
  assert.deepEqual([...written].sort(), Object.keys(MESSAGES).filter((k) => !elementOnly.includes(k)).sort());
});

test('bad options: a 422 CentileError naming the option (never a chart drawn from a guess), or the engine\'s CentileError', () => {
  const base = { reference: 'uk-who', sex: 'male', measurement_method: 'height' };
  const refused = (options, loc) => {
    let error;
    try { renderChart(options); } catch (e) { error = e; }
    assert.ok(error instanceof CentileError, `${JSON.stringify(loc)}: ${error}`);
    assert.equal(error.status, 422);
    assert.deepEqual(error.detail[0].loc, ['options', ...loc]);
  };
  refused({ sex: 'male', measurement_method: 'height' }, ['reference']);
  refused({ ...base, width: 'weight' }, ['width']);
  refused({ ...base, height: NaN }, ['height']);
  refused({ ...base, width: 1e9 }, ['width']);
  refused({ ...base, ageWindow: [4, 2] }, ['ageWindow']);
  refused({ ...base, ageWindow: ['0', 1] }, ['ageWindow']);
  refused({ ...base, ageWindow: 'most' }, ['ageWindow']);
  refused({ ...base, centiles: 10n }, ['centiles']);
  refused({ ...base, centiles: [50, Infinity] }, ['centiles']);
  refused({ ...base, kind: 'z' }, ['kind']);
  refused({ ...base, age: 1 }, ['age']);
  refused({ ...base, measurements: 'weight' }, ['measurements']);
  refused({ ...base, childLabel: { toString: () => '<script>' } }, ['childLabel']);
  refused({ ...base, theme: 'dark' }, ['theme']);
  const good = preterm[0];
  refused({ ...base, measurements: [good, { ...good, plottable_data: {} }] }, ['measurements', 1, 'plottable_data', 'centile_data']);
  const badPoint = { ...good, plottable_data: { ...good.plottable_data, centile_data: { ...good.plottable_data.centile_data, corrected_decimal_age_data: { ...good.plottable_data.centile_data.corrected_decimal_age_data, x: 'soon' } } } };
  refused({ ...base, measurements: [badPoint] }, ['measurements', 0, 'plottable_data', 'centile_data', 'corrected_decimal_age_data']);
  assert.throws(() => renderChart({ ...base, centiles: [0, 50] }), CentileError);
  assert.throws(() => renderChart({ reference: 'nowhere', sex: 'male', measurement_method: 'height' }), CentileError);
  // Entries without plottable data (a bulk result's errors) are skipped, and the renderer keeps drawing.
  assert.equal(points(render({ measurements: [{ error: 'x' }, null, good] })).length, points(render({ measurements: [good] })).length);
});

test('contrast: lines and points at least 3:1 against the background, text at least 4.5:1 (WCAG 2.2 AA)', () => {
  const luminance = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  for (const k of ['axis', 'line', 'chronological', 'corrected', 'bone', 'event', 'midParental', 'transition']) {
    assert.ok(ratio(THEME[k], THEME.background) >= 3, `${k}: ${ratio(THEME[k], THEME.background).toFixed(2)}`);
  }
  for (const [k, c] of Object.entries(THEME.methods)) assert.ok(ratio(c, THEME.background) >= 3, k);
  for (const k of ['text', 'label']) {
    assert.ok(ratio(THEME[k], THEME.background) >= 4.5, k);
    assert.ok(ratio(THEME[k], THEME.puberty) >= 4.5, `${k} on the puberty band`);
  }
});

test('docs/charts-example.svg is what scripts/chart-example.mjs draws (`node scripts/chart-example.mjs` rewrites it)', async () => {
  const { example } = await import('../../scripts/chart-example.mjs');
  const { version, reference_data_fingerprint: fingerprint } = buildInfo();
  // The build's version and table fingerprint are written as they were when the file was made.
  const plain = (s) => s.replaceAll(fingerprint, 'FINGERPRINT').replaceAll(fingerprint.slice(0, 12), 'FINGERPRINT').replaceAll(version, 'VERSION')
    .replace(/[0-9a-f]{64}/g, 'FINGERPRINT').replace(/tables [0-9a-f]{12}/g, 'tables FINGERPRINT').replace(/centile [\d.]+(-[\w.]+)?,/g, 'centile VERSION,');
  const committed = readFileSync(new URL('../../docs/charts-example.svg', import.meta.url), 'utf8');
  assert.equal(plain(committed), plain(`${example()}\n`));
});

test('a measurement whose corrected age has no reference data draws its chronological point alone', () => {
  // From the golden vectors: BMI at a corrected age of 0 (born at 27 weeks) has no corrected value.
  const [m] = bulkCalculation('uk-who', { birth_date: '2019-06-03', sex: 'female', measurement_method: 'bmi', gestation_weeks: 27, gestation_days: 0,
    observations: [{ observation_date: '2019-09-02', observation_value: 13.1 }] }).results;
  assert.equal(m.measurement_calculated_values.corrected_sds, null);
  for (const kind of ['centile', 'sds']) {
    const svg = render({ sex: 'female', measurement_method: 'bmi', measurements: [m], kind });
    assert.deepEqual(points(svg).map((p) => p.attrs['data-age-kind']), ['chronological'], kind);
    assert.ok(plotMap(svg).yDomain.every(Number.isFinite), kind);
  }
  // The missing value is not read as 0: the BMI axis spans the lines and the point only.
  assert.ok(plotMap(render({ sex: 'female', measurement_method: 'bmi', measurements: [m] })).yDomain[0] > 5);
  assert.deepEqual(points(render({ sex: 'female', measurement_method: 'bmi', measurements: [m], age: 'corrected' })), []);
});

test('a centile chart given every method draws its own method\'s points, all of them', () => {
  const measurements = allMethods();
  for (const method of ['height', 'weight', 'ofc', 'bmi']) {
    const svg = render({ measurement_method: method, measurements, ageWindow: 'whole', age: 'chronological' });
    const drawn = points(svg);
    // (A value at an age the reference has no data for is answered, flagged: it is drawn only inside the chart's ages.)
    const [from, to] = plotMap(svg).xDomain;
    const want = measurements.map((m, i) => [m, i, m.plottable_data.centile_data.chronological_decimal_age_data.x])
      .filter(([m, , x]) => m.child_observation_value.measurement_method === method && x >= from && x <= to).map(([, i]) => String(i));
    assert.ok(want.length >= 6, method);
    assert.deepEqual(drawn.map((p) => p.attrs['data-index']), want, method);
    assert.ok(drawn.every((p) => p.attrs['data-method'] === method));
  }
});

test('a flagged value is drawn with the reason it was flagged in its sentence', () => {
  // More than 8 SDS from the median: answered, with observation_value_error set.
  const [m] = child({ n: 1, start: 3000, value: () => 60 });
  const flag = m.child_observation_value.observation_value_error;
  assert.ok(flag, 'the engine flags the value');
  const [p] = points(render({ measurements: [m], age: 'chronological' }));
  assert.ok(sentence(p).endsWith(flag), sentence(p));
  assert.match(sentence(p), /<0\.4 centile/);
});

test('a narrow chart keeps its visible title within its width; the full title stays its name', () => {
  const options = { measurements: preterm, childLabel: 'A child with a rather long name' };
  const wide = render(options);
  const narrow = render({ ...options, width: 320, height: 400 });
  assert.ok(textOf(byClass(wide, 'title')[0]).endsWith(options.childLabel));
  const shown = textOf(byClass(narrow, 'title')[0]);
  assert.ok(shown.length * 8 <= 320 - 56 - 8 && shown.startsWith(MESSAGES.title.height), shown);
  assert.ok(narrow.attrs['aria-label'].endsWith(options.childLabel));
  assert.ok(textOf(byClass(narrow, 'provenance')[0]).includes(options.childLabel));
});

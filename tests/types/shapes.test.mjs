// Every shape of result the package really returns type-checks as its declared type. The golden-vector requests
// (calculation, bulk, fictional child, chart, mid-parental height) are run through the built package; results
// are grouped by their shape (which fields are null, recursively; a list by the shapes of its items); one real
// result of each shape, each list cut to one item per item shape, is written to a TypeScript file as a literal of
// the function's declared return type, with no cast, and `tsc --strict` must accept every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { linkPackage } from './link.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
linkPackage();
const centile = createRequire(import.meta.url)(path.join(root, 'pkg/node/index.cjs'));
const vectors = (name) => JSON.parse(readFileSync(path.join(root, 'tests/vectors', name), 'utf8'));

/** The shape of a value: null, a scalar's type, an object's keys with their shapes, a list's distinct item shapes. */
function shape(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${[...new Set(value.map(shape))].sort().join('|')}]`;
  if (typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${k}:${shape(value[k])}`).join(',')}}`;
  return typeof value;
}

/** `value` with every list cut to its first item of each item shape. */
function representative(value) {
  if (Array.isArray(value)) {
    const seen = new Map();
    for (const item of value) if (!seen.has(shape(item))) seen.set(shape(item), representative(item));
    return [...seen.values()];
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, representative(v)]));
  }
  return value;
}

const attempt = (fn) => {
  try { return fn(); } catch (e) {
    if (e instanceof centile.CentileError) return undefined;
    throw e;
  }
};

/** The results of each function on the golden-vector requests. */
function results() {
  const calculations = vectors('calculation.json').cases;
  const request = (c) => {
    const [, birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days] = c;
    return { birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days };
  };
  const calculation = calculations.map((c) => attempt(() => centile.calculation(c[0], request(c))));
  // Bulk: the calculation vectors of each child (reference and birth details), error entries included.
  const children = new Map();
  for (const c of calculations) {
    const key = JSON.stringify([c[0], c[1], c[3], c[4], c[6], c[7]]);
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(c);
  }
  const bulk = [...children.values()].map((cases) => {
    const { observation_date, observation_value, ...birth } = request(cases[0]);
    const observations = cases.map((c) => ({ observation_date: c[2], observation_value: c[5] }));
    return attempt(() => centile.bulkCalculation(cases[0][0], { ...birth, observations }));
  });
  const fictional = vectors('fictional_child.json').cases.map(([reference, body]) => attempt(() => centile.fictionalChildData(reference, body)));
  const chart = vectors('charts.json').charts.map((c) => attempt(() => centile.chartCoordinates(c.reference,
    { sex: c.sex, measurement_method: c.measurement_method, centile_format: c.centile_format, is_sds: c.is_sds })));
  const midParental = vectors('mid_parental_height.json').cases.map(([height_maternal, height_paternal, sex, reference]) =>
    attempt(() => centile.midParentalHeight({ height_maternal, height_paternal, sex, reference })));
  return { calculation, bulkCalculation: bulk, fictionalChildData: fictional, chartCoordinates: chart, midParentalHeight: midParental };
}

test('one real result of every shape type-checks as its declared type (tsc --strict, no cast)', () => {
  const byFunction = results();
  const pieces = ["import type * as centile from 'centile';\n"];
  let line = 2; // the line the next piece starts on
  const starts = []; // [first line, what it holds], in order
  const counts = {};
  for (const [fn, values] of Object.entries(byFunction)) {
    const shapes = new Map();
    let answered = 0;
    for (const v of values) {
      if (v === undefined) continue;
      answered++;
      const s = shape(v);
      if (!shapes.has(s)) shapes.set(s, { value: v, n: 0 });
      shapes.get(s).n++;
    }
    assert.ok(answered > 0, `${fn}: no result`);
    counts[fn] = `${answered} results, ${shapes.size} shapes`;
    [...shapes.values()].forEach(({ value, n }, i) => {
      const piece = `// ${fn}: shape ${i} (${n} results)\n` +
        `export const ${fn}_${i}: ReturnType<typeof centile.${fn}> = ${JSON.stringify(representative(value), null, 1)};\n`;
      starts.push([line, `${fn} shape ${i} (${n} of ${answered} results)`]);
      pieces.push(piece);
      line += piece.split('\n').length - 1;
    });
  }
  const out = path.join(here, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'shapes.ts'), pieces.join(''));
  writeFileSync(path.join(out, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', files: ['shapes.ts'] }, null, 2));
  console.log(Object.entries(counts).map(([fn, c]) => `${fn}: ${c}`).join('; '));
  let output = '';
  try {
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(out, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  // Which shapes fail, and the first of tsc's messages for each.
  const failures = new Map();
  for (const m of output.matchAll(/shapes\.ts\((\d+),\d+\): error (TS\d+: [^\n]*)/g)) {
    const label = starts.filter(([first]) => first <= Number(m[1])).at(-1)?.[1] ?? `line ${m[1]}`;
    if (!failures.has(label)) failures.set(label, m[2].slice(0, 400));
  }
  assert.ok(!output || failures.size > 0, output.slice(0, 2000));
  assert.deepEqual(Object.fromEntries(failures), {}, 'result shapes the declared types reject (see tests/types/out/shapes.ts)');
});

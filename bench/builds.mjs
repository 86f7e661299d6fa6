// Times one build of the package (`node bench/builds.mjs DIR wasm|js`) on the inputs bench/run.mjs wrote to DIR,
// in a process of its own as the native build and rcpchgrowth are: run.mjs generates those inputs through the
// wasm build, and V8 then sometimes allocates every later response in its old generation (allocation-site
// pretenuring), which made `calculation` about three times slower in one run in three there and never here.
// Prints one JSON line: operations per second (milliseconds per chart), best of five rounds (three for charts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [dir, name] = process.argv.slice(2);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const build = createRequire(import.meta.url)(path.join(root, `pkg/${name === 'js' ? 'js' : 'node'}/index.cjs`));
const inputs = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
/** The bench's million-value arrays `{prefix}ages.f64` and `{prefix}values.f64`. */
const floats = (prefix) => Object.fromEntries(['ages', 'values'].map((k) => [k, new Float64Array(readFileSync(path.join(dir, `${prefix}${k}.f64`)).buffer)]));

const rate = (n, fn, rounds = 5) => {
  fn();
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.max(best, n / (Number(process.hrtime.bigint() - t) / 1e9));
  }
  return best;
};
// How many passes over the inputs one timed round makes (the JavaScript build is slower).
const k = name === 'js' ? 2 : 20;
const attempt = (reference, body) => { try { build.calculation(reference, body); } catch (e) { if (!(e instanceof build.CentileError)) throw e; } };
/** Milliseconds a chart of `reference` takes to draw from `request`. */
const chartMs = (reference, request) => 1000 / rate(10, () => { for (let i = 0; i < 10; i++) build.chartCoordinates(reference, request); }, 3);
const { calculations, children, charts } = inputs;
const ops = {
  calculation: rate(calculations.length * k, () => { for (let i = 0; i < k; i++) for (const [reference, body] of calculations) build.calculation(reference, body); }),
  // The lists with refusals among them, each a `CentileError` caught; the arrivals' three rates each timed the same
  // way right after the others (any order gives the same).
  ...Object.fromEntries(['mixed', 'invalid', 'arriving', 'arrivingValid', 'arrivingInvalid'].map((key) =>
    [key, rate(inputs[key].length * k, () => { for (let i = 0; i < k; i++) for (const [reference, body] of inputs[key]) attempt(reference, body); })])),
  bulkCalculation: rate(children.length * 20, () => { for (const [reference, body] of children) build.bulkCalculation(reference, body); }, name === 'js' ? 2 : 5),
  ...Object.fromEntries(Object.entries(inputs.typed).map(([key, prefix]) => {
    const { ages, values } = floats(prefix);
    return [key, rate(ages.length, () => build.sdsForMeasurements('uk-who', 'height', 'male', ages, values), name === 'js' ? 2 : 5)];
  })),
  charts: Object.fromEntries(charts.map((c) => [`${c.reference} ${c.sex} ${c.measurement_method}`,
    chartMs(c.reference, { sex: c.sex, measurement_method: c.measurement_method })])),
};

// Every named chart the references support, in the wasm build: the mean and the slowest.
if (name === 'wasm') {
  const formats = ['cole-nine-centiles', 'three-percent-centiles', 'five-percent-centiles', 'eighty-five-percent-centiles', 'extended-who-centiles'];
  const chartTimes = [];
  for (const reference of ['uk-who', 'who', 'cdc', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome']) {
    for (const sex of reference === 'turners-syndrome' ? ['female'] : ['male', 'female']) {
      for (const measurement_method of reference === 'turners-syndrome' ? ['height'] : ['height', 'weight', 'ofc', 'bmi']) {
        for (const centile_format of formats) {
          chartTimes.push([chartMs(reference, { sex, measurement_method, centile_format }), `${reference} ${sex} ${measurement_method} ${centile_format}`]);
        }
      }
    }
  }
  chartTimes.sort((a, b) => b[0] - a[0]);
  ops.allCharts = { count: chartTimes.length, meanMs: chartTimes.reduce((a, t) => a + t[0], 0) / chartTimes.length, slowestMs: chartTimes[0][0], slowest: chartTimes[0][1] };
}
console.log(JSON.stringify(ops));

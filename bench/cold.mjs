// The words bench/results.md and the README give the cold starts that bench/run.mjs measures (Node, and Chromium
// through tests/browser/coldstart.mjs): the throttled wall times, the issue's figures, each beside the main thread's
// CPU time for the same span, measured unthrottled, and that times the throttle, the floor of the throttled figure.

const f = (x) => x.toFixed(1);
/** ` (CPU c ms, ×4 = 4c ms)` for `cpuMs` in a page throttled `throttle` times; '' where it was not measured. */
const beside = (cpuMs, throttle) => (cpuMs === undefined ? '' : ` (CPU ${cpuMs.toFixed(2)} ms, ×${throttle} = ${f(throttle * cpuMs)} ms)`);
const phases = (c) => c.phases.map(({ label, ms }) => `${label} ${f(ms)} ms${beside(c.cpu?.phases.find((p) => p.label === label)?.ms, c.throttle)}`).join(', ');
const own = (c, is = '') => `**${f(c.runMedian)} ms ${is}centile's own share** (from its bundle starting to the first answer${c.cpu ? `; main-thread CPU ${c.cpu.runMs.toFixed(2)} ms, ×${c.throttle} = ${f(c.throttle * c.cpu.runMs)} ms` : ''})`;

/** The cold-start paragraph, from results.json's `cold`. */
export const coldLine = (cold) => {
  const { chromium: d, chromiumWeb: w, chromiumWebUnhinted: u } = cold;
  return `Cold start, navigation to the first \`calculation\` answered, bundled by esbuild, headless Chromium with the CPU throttled ${d.throttle}×, each load in a fresh browser context driven over a bare DevTools pipe with no domain enabled in the page, ${d.runs} loads each (medians). ` +
    `**Default entry** (\`import { calculation } from 'centile'\`): ${f(d.median)} ms (fastest ${f(d.min)} ms), of which ${own(d, 'is ')} and ${f(d.ownMedian)} ms after the page's first script ran; ` +
    `phases: ${phases(d)}. ` +
    `**\`centile/web\`** (\`await init()\`, the .wasm preloaded by the page and compiled while it streams): ${f(w.median)} ms, ${own(w)} and ${f(w.ownMedian)} ms after the page's first script ran; phases: ${phases(w)}. ` +
    (w.floor ? `The same page with a module of one function in centile's place, preloaded, fetched and compiled while it streams as \`init()\` does it (what the browser itself takes to start any module that way): ${f(w.floor.runMedian)} ms from its bundle to its answer${w.floor.cpu ? ` (main-thread CPU ${w.floor.cpu.runMs.toFixed(2)} ms, ×${w.throttle} = ${f(w.throttle * w.floor.cpu.runMs)} ms)` : ''}, so centile's part of \`centile/web\`'s own share is ${f(w.runMedian - w.floor.runMedian)} ms. ` : '') +
    `The same \`centile/web\` page without the preload: ${f(u.median)} ms, ${f(u.runMedian)} ms centile's own share and ${f(u.ownMedian)} ms after the page's first script ran; phases: ${phases(u)}. ` +
    `The same page with an empty module: ${f(d.blankMedian)} ms. ` +
    (d.cpu && w.cpu ? `The CPU figures are the renderer's main-thread CPU time (the trace's thread clock at the page's marks) over ${d.cpu.runs} more loads of each page, unthrottled (medians; ` +
      `the bundle to the answer took ${f(d.cpu.wallMs)} and ${f(w.cpu.wallMs)} ms of wall time there). The throttle makes the main thread's work ${d.throttle} times as long, so ${d.throttle}× its CPU is what the throttled figure would be with nothing else wanting a core, its floor. ` +
      `It is more on a machine with other work: DevTools' throttle busy-waits ${d.throttle - 1} times the wall time since it last ran, so whenever another thread or process holds the main thread's core, ` +
      `that time counts as the main thread's and ${d.throttle - 1} times as much spin follows (docs/speed-and-size.md). The CPU figures move far less with the machine's load than the wall times, which are the goals' measure. ` : '') +
    `Node, require to first answer: ${f(cold.nodeWasmMs)} ms (wasm), ${f(cold.nodeJsMs)} ms (JavaScript build).`;
};

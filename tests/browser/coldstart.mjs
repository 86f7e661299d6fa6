// Cold start as a user meets it: a page whose production bundle (esbuild, `import { calculation } from 'centile'`,
// the default entry, or `centile/web` with `await init()`, which fetches the .wasm and compiles it while it streams,
// on a page that preloads the .wasm as docs/speed-and-size.md tells integrators to) is served from 127.0.0.1, loaded
// in headless Chromium with the CPU throttled (DevTools Emulation.setCPUThrottlingRate), each load in a fresh browser
// context (an empty HTTP cache); measured from navigation to the first calculation answered (performance.now() in
// the page, whose origin is the navigation), and the part of it after the page's first script ran (centile's own
// share: fetching, compiling, instantiating, answering). Chromium is driven over a bare DevTools pipe
// (cdp-pipe.mjs) that enables no domain in the page: DevTools' Runtime domain, which Playwright turns on, makes a
// page's fetch() cost main-thread time no user's page spends. Used by tests/browser/run.mjs and bench/run.mjs;
// reported, not asserted (timings on a shared machine are not results), except that a centile/web page must fetch
// its .wasm once (the preload is what init() fetches).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { launch } from './cdp-pipe.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

// A page reports once it has answered, after its last mark: its marks (and the SDS it computed) posted to its
// server as a beacon, which the server prints. Nothing polls the page or listens in it while it loads.
const report = (fields) => `navigator.sendBeacon('/report', JSON.stringify({ ${fields} }));`;

const PAGES = {
  default: `import { calculation } from 'centile';
const result = calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75,
  sex: 'male', measurement_method: 'height' });
stamp('answer');
${report("marks: { navigation: 0, html: performance.getEntriesByType('navigation')[0].responseEnd, ...marks }, sds: result.measurement_calculated_values.corrected_sds")}
`,
};
// centile/web's page as docs/speed-and-size.md has an integrator write it: the .wasm preloaded from the HTML's head,
// its download starting with the bundle's rather than once the bundle has run and called init(), whose fetch takes
// the preloaded response (`crossorigin` gives the preload fetch()'s CORS mode; without it the file is downloaded
// twice).
const PRELOAD = { default: '', web: '<link rel="preload" href="centile_bg.wasm" as="fetch" crossorigin>' };
PAGES.web = `import init from 'centile/web';\nawait init();\nstamp('instantiateEnd');\n${PAGES.default.replace("from 'centile'", "from 'centile/web'")}`;

// The floor: the same page with a module that does nothing but report, i.e. what the browser itself takes from
// navigation to running a page's module script under the same throttle.
const BLANK = report('marks: { answer: performance.now() }');

// centile/web's floor: its page with a module of one function, `(func (export "f") (param f64) (result f64)
// local.get 0)`, in place of centile's (preloaded, fetched and compiled while it streams as init() does it, then
// called once), i.e. what the browser itself takes to start any module that way under the same throttle.
const FLOOR_WASM = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, // "\0asm", version 1
  1, 6, 1, 96, 1, 124, 1, 124, // types: (f64) -> f64
  3, 2, 1, 0, // functions: one, of type 0
  7, 5, 1, 1, 102, 0, 0, // exports: "f", function 0
  10, 6, 1, 4, 0, 32, 0, 11); // code: no locals, local.get 0, end
const FLOOR = `stamp('bundle');
const response = await fetch('floor.wasm');
const { instance } = await WebAssembly.instantiateStreaming(response, {});
stamp('instantiateEnd');
const sds = instance.exports.f(-0.5);
stamp('answer');
${report('marks, sds')}
`;

// The page's first script: notes when it ran and times WebAssembly.Module (compiling) and WebAssembly.Instance
// (instantiating) by wrapping them, so the figure can be broken down (see PHASES); the last call of each counts
// (the default entry compiles and instantiates its text decoder first). centile/web's init() compiles and
// instantiates in one (WebAssembly.instantiateStreaming, fetching too), timed from the call to the instance.
// `stamp` notes each point as performance.now(); on a traced page (`traced`) as a performance.mark of that name,
// whose trace event carries the main thread's clock (its CPU time), see mainThreadCpu.
const timer = (traced) => `window.marks = {};
window.stamp = (name) => { marks[name] = ${traced ? 'performance.mark(name).startTime' : 'performance.now()'}; };
stamp('script');
for (const [name, mark] of [['Module', 'compile'], ['Instance', 'instantiate']]) {
  const Real = WebAssembly[name];
  const timed = function (...args) {
    stamp(mark + 'Start');
    const made = new Real(...args);
    stamp(mark + 'End');
    return made;
  };
  timed.prototype = Real.prototype;
  WebAssembly[name] = timed;
}
for (const name of ['instantiateStreaming', 'instantiate']) {
  const real = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    stamp('compileStart');
    const made = await real.apply(this, args);
    stamp('compileEnd');
    return made;
  };
}`;

// The page's server, a process of its own so that nothing this one does (driving Chromium over CDP) delays a
// response: the files in the folder it is given, with their content types. It prints its port, then a line for
// each file requested (`GET name`) and each page's report (`REPORT json`).
const SERVER = `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/report') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      res.end();
      console.log('REPORT ' + body);
    });
    return;
  }
  const file = req.url === '/' ? 'index.html' : req.url.slice(1).replace(/[^\\w.-]/g, '');
  console.log('GET ' + file);
  try {
    const body = readFileSync(path.join(process.argv[1], file));
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    res.writeHead(200, { 'Content-Type': type });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

// Chromium's switch off for its own pages (browser UI in WebUI) that headless Chromium would otherwise load beside
// each measured page, in a renderer of their own: preloaded top-chrome WebUI, and the omnibox popup and its AI Mode
// variant (Chromium 156 loads both for every new tab unless both are off, whatever the preload feature says). For
// every Chromium that bench/ times.
export const NO_BROWSER_UI = '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup';

/** Throws if the browser has any page of its own UI open (`cdp`: the browser's CDP session): its renderer would share the cores. */
async function browserUi(cdp) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const own = targetInfos.filter((t) => (t.type !== 'page' && t.type !== 'browser') || t.url.startsWith('chrome:'));
  if (own.length > 0) throw new Error(`headless Chromium opened pages of its own beside the measured one (${own.map((t) => `${t.type} ${t.url}`).join(', ')}): turn them off in NO_BROWSER_UI`);
}

/** The phases of a cold start of each entry, each `[label, from, to]` in the marks the page reports. */
export const PHASES = {
  default: [
    ['navigation to the page received', 'navigation', 'html'],
    ['page parsed to its first script', 'html', 'script'],
    ['bundle fetched and parsed', 'script', 'bundle'],
    ['bundle evaluated, .wasm bytes decoded from text', 'bundle', 'compileStart'],
    ['WebAssembly compiled', 'compileStart', 'compileEnd'],
    ['instantiated', 'compileEnd', 'instantiateEnd'],
    ['first calculation (tables decoded, answered)', 'instantiateEnd', 'answer'],
  ],
  web: [
    ['navigation to the page received', 'navigation', 'html'],
    ['page parsed to its first script', 'html', 'script'],
    ['bundle fetched and parsed', 'script', 'bundle'],
    ['bundle evaluated, init() until its fetch of the .wasm answered', 'bundle', 'compileStart'],
    ['.wasm received and compiled while streaming, instantiated', 'compileStart', 'compileEnd'],
    ['init() finished', 'compileEnd', 'instantiateEnd'],
    ['first calculation (tables decoded, answered)', 'instantiateEnd', 'answer'],
  ],
};

/**
 * What `run()` resolves to, as `result`, and the `blink.user_timing` trace events recorded through the CDP session
 * `cdp` meanwhile, as `events` (each mark's `tts` is its thread's clock: CPU time).
 */
export async function userTiming(cdp, run) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  try {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['blink.user_timing'] }, transferMode: 'ReportEvents' });
    const result = await run();
    await cdp.send('Tracing.end');
    await complete;
    return { result, events };
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
}

/** The main thread's CPU time (ms) between each page's stamps, from the `blink.user_timing` trace of one load. */
function mainThreadCpu(events) {
  const stamps = events.filter((e) => e.cat === 'blink.user_timing' && e.tts !== undefined).sort((a, b) => a.ts - b.ts);
  const bundle = stamps.find((e) => e.name === 'bundle');
  if (!bundle) throw new Error('the traced cold-start page left no mark of its bundle');
  // The last of each name, as in the page's marks.
  const clock = {};
  for (const e of stamps) if (e.pid === bundle.pid && e.tid === bundle.tid) clock[e.name] = e.tts / 1000;
  return clock;
}

/**
 * Median, minimum and every run's milliseconds from navigation to the first answer, over `runs` fresh loads with
 * the CPU slowed `throttle` times, in a Chromium of its own; the median of each phase (PHASES); and `blankMedian`,
 * the same page with an empty module (the browser's own share). `pkg` is the package directory (pkg/), `entry`
 * 'default' or 'web'; `preload` (web only, on by default) puts the documented preload of the .wasm in the page.
 * centile/web with the preload also gives `floor`: the same measures of its page with FLOOR's module in centile's
 * place, loaded alternately with it (`runMedian` and `run`, from its bundle to its answer; with `cpuRuns`, `cpu`).
 *
 * With `cpuRuns`, also `cpu`: the renderer's main-thread CPU time (the trace's thread clock at the page's marks)
 * over that many more fresh loads of the same page, unthrottled, each traced (`blink.user_timing` alone),
 * alternated with the throttled ones: the median from the bundle's first statement to the answer (`runMs`, beside
 * that wall time, `wallMs`) and of each phase from the page's first script on. Other work on the machine stretches
 * the wall time, not this; the throttle multiplies it, so `throttle` times it is the throttled figure's floor.
 */
export async function coldStart({ throttle = 4, runs = 7, cpuRuns = 0, pkg = path.join(root, 'pkg'), entry = 'default', preload = entry === 'web' } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'centile-coldstart-'));
  const browser = await launch(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    // Headless Chromium otherwise loads its omnibox popups for every new page: tens to hundreds of ms of CPU while
    // the measured page loads, on cores the page's renderer needs. Checked after each load (browserUi).
    NO_BROWSER_UI]);
  let server = null;
  try {
    mkdirSync(path.join(work, 'node_modules'));
    symlinkSync(pkg, path.join(work, 'node_modules/centile'), 'dir');
    writeFileSync(path.join(work, 'main.js'), PAGES[entry]);
    buildSync({ entryPoints: [path.join(work, 'main.js')], bundle: true, minify: true, format: 'esm', platform: 'browser',
      outfile: path.join(work, 'dist/main.js'), logLevel: 'warning', absWorkingDir: work,
      banner: { js: "stamp('bundle');" } });
    const html = (script, head = '', traced = false) => `<!doctype html><meta charset="utf-8"><title>cold start</title>${head}<script>${timer(traced)}</script><script type="module" src="${script}"></script>`;
    writeFileSync(path.join(work, 'dist/index.html'), html('main.js', preload ? PRELOAD[entry] : ''));
    writeFileSync(path.join(work, 'dist/traced.html'), html('main.js', preload ? PRELOAD[entry] : '', true));
    if (entry === 'web') writeFileSync(path.join(work, 'dist/centile_bg.wasm'), readFileSync(path.join(pkg, 'web/centile_bg.wasm')));
    writeFileSync(path.join(work, 'dist/blank.js'), BLANK);
    writeFileSync(path.join(work, 'dist/blank.html'), html('blank.js'));
    const floor = entry === 'web' && preload;
    if (floor) {
      writeFileSync(path.join(work, 'dist/floor.wasm'), FLOOR_WASM);
      writeFileSync(path.join(work, 'dist/floor.js'), FLOOR);
      const head = PRELOAD.web.replace('centile_bg.wasm', 'floor.wasm');
      writeFileSync(path.join(work, 'dist/floor.html'), html('floor.js', head));
      writeFileSync(path.join(work, 'dist/floor-traced.html'), html('floor.js', head, true));
    }
    server = spawn(process.execPath, ['--input-type=module', '-e', SERVER, path.join(work, 'dist')], { stdio: ['ignore', 'pipe', 'inherit'] });
    // The server's lines: its port first, then what it was asked for (`requested`) and the pages' reports.
    const requested = [];
    let reported = null;
    const lines = createInterface({ input: server.stdout });
    const url = await new Promise((resolve, reject) => {
      lines.once('line', (port) => resolve(`http://127.0.0.1:${port.trim()}/`));
      server.once('exit', (code) => reject(new Error(`the cold-start server exited (${code})`)));
    });
    lines.on('line', (line) => {
      if (line.startsWith('GET ')) requested.push(line.slice(4));
      else if (line.startsWith('REPORT ')) reported?.(JSON.parse(line.slice(7)));
    });
    const marks = [], blanks = [], clocks = [], unthrottled = [], floors = [], floorClocks = [];
    let sds = null;
    /**
     * Loads `address` cold (a fresh page in a fresh browser context, so an empty HTTP cache, the CPU slowed `rate`
     * times) and returns what the page reported, the files it requested and, if `traced`, its `blink.user_timing`
     * trace events.
     */
    const load = async (address, { rate = throttle, traced = false } = {}) => {
      const { browserContextId } = await browser.send('Target.createBrowserContext');
      // Cleared however the load ends, so a load that fails first leaves no timer to reject later.
      let timeout = null;
      try {
        // A renderer already running (as for a user opening the app in a browser that is open): about:blank first.
        const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
        const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
        await browser.send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
        requested.length = 0;
        const answered = new Promise((resolve, reject) => {
          timeout = setTimeout(() => reject(new Error(`no report from ${address} within 60 s`)), 60000);
          reported = resolve;
        });
        const go = async () => {
          const { errorText } = await browser.send('Page.navigate', { url: address }, sessionId);
          if (errorText) throw new Error(`loading ${address}: ${errorText}`);
          return answered;
        };
        const { result, events } = traced ? await userTiming(browser, go) : { result: await go(), events: [] };
        await browserUi(browser);
        return { ...result, requested: [...requested], events };
      } finally {
        clearTimeout(timeout);
        reported = null;
        await browser.send('Target.disposeBrowserContext', { browserContextId });
      }
    };
    for (let i = 0; i < Math.max(runs, cpuRuns); i++) {
      if (i < cpuRuns) {
        const traced = await load(`${url}traced.html`, { rate: 1, traced: true });
        clocks.push(mainThreadCpu(traced.events));
        unthrottled.push(traced.marks);
        if (floor) floorClocks.push(mainThreadCpu((await load(`${url}floor-traced.html`, { rate: 1, traced: true })).events));
      }
      if (i >= runs) continue;
      const loaded = await load(url);
      const wasmRequests = loaded.requested.filter((file) => file.endsWith('.wasm')).length;
      if (entry === 'web' && wasmRequests !== 1) throw new Error(`the centile/web page requested its .wasm ${wasmRequests} times (the preload must be what init() fetches)`);
      marks.push(loaded.marks);
      sds = loaded.sds;
      blanks.push((await load(`${url}blank.html`)).marks.answer);
      if (floor) {
        // As centile's page: the module fetched once (the preload taken) and its answer the one it must give.
        const { marks: floorMarks, sds: echoed, requested: files } = await load(`${url}floor.html`);
        const fetched = files.filter((file) => file === 'floor.wasm').length;
        if (fetched !== 1 || echoed !== -0.5) throw new Error(`the floor page fetched its .wasm ${fetched} times and answered ${echoed}, not once and -0.5`);
        floors.push(floorMarks);
      }
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const times = marks.map((m) => m.answer);
    // `own`: from the page's first (inline) script to the answer, i.e. fetching, compiling and running centile.
    // `run`: from the bundle's first statement to the answer (decoding, compiling, instantiating, computing).
    const fromBundle = (m) => m.answer - m.bundle;
    const own = marks.map((m) => m.answer - m.script), run = marks.map(fromBundle);
    // Each phase's median over the loads (the medians need not add up to the median total).
    const phases = PHASES[entry].map(([label, from, to]) => ({ label, ms: median(marks.map((m) => m[to] - m[from])) }));
    // The phases after the page's first script, whose ends are all stamps on the main thread.
    const cpuRun = clocks.map(fromBundle), floorRun = floors.map(fromBundle);
    const cpu = cpuRuns > 0 ? {
      runs: cpuRuns, runMs: median(cpuRun), wallMs: median(unthrottled.map(fromBundle)),
      phases: PHASES[entry].filter(([, from]) => from in clocks[0]).map(([label, from, to]) => ({ label, ms: median(clocks.map((c) => c[to] - c[from])) })),
      run: cpuRun,
    } : null;
    return { entry, preload, throttle, runs, median: median(times), min: Math.min(...times), ownMedian: median(own), runMedian: median(run),
      blankMedian: median(blanks), phases, times, own, run, blanks, sds, cpu, floor: floor ? {
        runMedian: median(floorRun), run: floorRun,
        cpu: cpuRuns > 0 ? { runs: cpuRuns, runMs: median(floorClocks.map(fromBundle)) } : null,
      } : null };
  } finally {
    await browser.close();
    server?.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

// Assembles pkg/ (the npm package `centile`) from the release wasm: wasm-bindgen's web (ES module) glue around the
// browsers' optimised .wasm (web/centile_bg.wasm, wasm-opt from npm binaryen) and its Node (CommonJS) glue around
// Node's (node/centile_bg.wasm, the same engine built with WebAssembly SIMD), then the entry
// points from pkg-template/entries/ (scripts/entries.mjs), types, package.json and README. Prints sizes.
// pkg-template/protocol.js is generated from the Rust definitions (src/wasm/protocol.rs, `make protocol`).
//
//   node/index.cjs    Node, Deno, Bun (`node` condition): CommonJS, reads the .wasm when required
//   bundler/index.js  every other environment (bundlers, browsers): an ES module carrying the .wasm bytes as text
//                     (bundler/wasm.js, see scripts/wasm-text.mjs), instantiated synchronously on first use
//   web/index.js      `centile/web`: explicit `await init()` (fetches the .wasm) or `initSync({ module })`
//   js/index.js       `centile/js` and the `react-native` condition: the engine as plain JavaScript, no
//                     WebAssembly (scripts/build-js.mjs); js/index.cjs for require() and plain scripts
//   dgc/axios.js      `centile/axios` and `centile/fetch`: the dGC API's routes answered in process (copied from
//   dgc/fetch.js      pkg-template/dgc/, over bundler/index.js)
//   nutrition/index.js  `centile/nutrition`: bundler/index.js over a second build with the measurements beyond the
//                     dGC API (the `nutrition` feature; its own glue and nutrition/wasm.js), so the others stay small
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import { buildJs } from './build-js.mjs';
import { entry } from './entries.mjs';
import { ENTRIES, kb, size } from './sizes.mjs';
import { eagerCompile } from './eager-compile.mjs';
import { wasmModuleSource } from './wasm-text.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = path.join(root, 'pkg');
const wasm = path.join(root, 'target/wasm32-unknown-unknown/release/centile.wasm');
const wasmOpt = path.join(root, 'node_modules/.bin/wasm-opt');
const version = readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const at = (...p) => path.join(pkg, ...p);
const read = (...p) => readFileSync(at(...p), 'utf8');
const write = (file, text) => writeFileSync(at(file), text);

/** `text` with `from` replaced by `to`; fails the build if wasm-bindgen's output no longer has `from` exactly once. */
function patch(file, text, from, to) {
  if (text.split(from).length !== 2) throw new Error(`${file}: expected exactly one ${JSON.stringify(from)} (wasm-bindgen output changed?)`);
  return text.replace(from, () => to);
}

// `make check` builds a quick package (CENTILE_QUICK=1) for its Node tests: no wasm-opt (its passes keep
// behaviour; `make pkg` and `make test` build and test the shipped bytes), no centile/js, and Node's build carries a copy
// of the browsers' .wasm.
const quick = Boolean(process.env.CENTILE_QUICK);
if (quick) console.log('quick package (CENTILE_QUICK, make check): no wasm-opt, no centile/js, no SIMD build; `make pkg` builds the real one');

// Node's .wasm is the same engine built with WebAssembly SIMD (`sdsForMeasurements` answers two values at a time,
// engine::sds), which every Node, Deno and Bun has; the browsers' has none, so engines without it (Safari before
// 16.4) run the default entry and centile/web. LLVM's own vectorising, which SIMD would let it do anywhere, is off:
// 0.3 KB gzip smaller and no fewer instructions a call. Its own Cargo target folder keeps both builds cached.
function simdBuild() {
  execFileSync('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--target-dir', 'target/simd'], {
    stdio: ['ignore', 'inherit', 'inherit'], cwd: root,
    env: { ...process.env, RUSTFLAGS: [process.env.RUSTFLAGS, '-C target-feature=+simd128 -C no-vectorize-loops -C no-vectorize-slp'].filter(Boolean).join(' ') },
  });
  return path.join(root, 'target/simd/wasm32-unknown-unknown/release/centile.wasm');
}

rmSync(pkg, { recursive: true, force: true });
for (const [target, dir, input] of [['nodejs', 'node', quick ? wasm : simdBuild()], ['web', 'web', wasm]]) {
  execFileSync('wasm-bindgen', ['--target', target, '--out-dir', at(dir), input], { stdio: 'inherit' });
  // The package's own types (pkg-template/index.d.ts) replace wasm-bindgen's, which describe the raw exports.
  for (const f of readdirSync(at(dir))) if (f.endsWith('.d.ts')) rmSync(at(dir, f));
}
for (const file of ['node/centile_bg.wasm', 'web/centile_bg.wasm']) {
  const bytes = readFileSync(at(file));
  // core's float formatting (flt2dec) and parsing (dec2flt, with its table) stay out, about 22 KB gzip: the engine
  // reads and writes decimals with src/dgc/decimal.rs. wasm-bindgen's output still names its functions.
  for (const part of ['flt2dec', 'dec2flt']) if (bytes.includes(part)) throw new Error(`${file} contains core::num::${part}`);
  // Nor core's panic for slicing a `str` off a character boundary (`&s[i..]`, `str::contains`): its message formats
  // the text with `char`'s Debug and so brings Unicode tables, about 5 KB gzip. Read bytes, or use `str::get`.
  if (bytes.includes('slice_error_fail')) throw new Error(`${file} contains core::str::slice_error_fail`);
}
/**
 * wasm-opt on `file` (in pkg/), in place. Size flags (1.6 KB gzip together): the module's own memory starts zeroed
 * and Rust never addresses its first 1 KB, so both may be assumed; --converge repeats -Oz until it stops
 * shrinking; the producers and target-features sections are metadata for tools. The dGC endpoints' and FHIR's
 * functions (named in wasm-bindgen's output) are not inlined into their callers, 0.5 KB gzip less (before -Oz,
 * which does the inlining). wasm-opt takes tens of seconds: its output is kept in target/wasm-opt/<the file's
 * folder>/, keyed by its input, flags and version.
 */
function optimise(file) {
  const flags = ['--no-inline=centile::dgc::api::*', '--no-inline=centile::dgc::fhir::*', '-Oz', '--low-memory-unused',
    '--zero-filled-memory', '--converge', '--strip-producers', '--strip-target-features'];
  const key = createHash('sha256').update(readFileSync(at(file))).update(flags.join(' '))
    .update(execFileSync(wasmOpt, ['--version'])).digest('hex').slice(0, 16);
  const optimised = path.join(root, 'target/wasm-opt', path.dirname(file), `${key}.wasm`);
  if (!existsSync(optimised)) {
    execFileSync(wasmOpt, [...flags, at(file), '-o', at(file)], { stdio: 'inherit' });
    rmSync(path.dirname(optimised), { recursive: true, force: true });
    mkdirSync(path.dirname(optimised), { recursive: true });
    cpSync(at(file), optimised);
  }
  cpSync(optimised, at(file));
}

if (!quick) for (const file of ['node/centile_bg.wasm', 'web/centile_bg.wasm']) optimise(file);
const wasmBytes = readFileSync(at('web/centile_bg.wasm'));

// Each glue gains `__centileRestart()`: a new instance from the module it already compiled, for
// pkg-template/instance.js to replace one a stack overflow or a trap has left inconsistent.
const restartDoc = '/** centile (scripts/build-pkg.mjs): a new instance from the compiled module, replacing the current one. */';
/** `text` with every name in `names` required to occur, so a changed wasm-bindgen output fails the build. */
function requireNames(file, text, names) {
  for (const name of names) if (!text.includes(name)) throw new Error(`${file}: no ${name} (wasm-bindgen output changed?)`);
  return text;
}

// The Node build is CommonJS inside an ESM-typed package. Its restart does what the web glue's __wbg_finalize_init
// does: the new instance, the glue's memory views forgotten, the start function.
const nodeGlue = requireNames('node/centile.js', read('node/centile.js'), ['`${__dirname}/centile_bg.wasm`', 'let wasmInstance = ', 'let wasm = ',
  'const wasmModule = ']);
const views = [...nodeGlue.matchAll(/^let (cached\w+Memory0) = null;$/gm)].map((m) => m[1]);
if (views.length === 0) throw new Error('node/centile.js: no cached memory views (wasm-bindgen output changed?)');
write('node/centile.js', `${nodeGlue}
${restartDoc}
exports.__centileRestart = function () {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
    ${views.map((v) => `${v} = null;`).join(' ')}
    wasm.__wbindgen_start();
};
`);
write('node/package.json', '{"type":"commonjs"}\n');
// The web glue is shared by both ES module entries; only web/index.js knows where the .wasm file is, so bundling
// the default entry emits no .wasm asset and meets no `import.meta`. Its functions are exported as one plain object,
// `__centileGlue`, for pkg-template/instance.js, and not one by one: the entries iterate over them, and a module
// namespace (`import * as glue`) is what esbuild and webpack write as an object of getters, each compiled on the
// page's main thread when first read (0.17 ms of a cold Chromium page's CPU, with making that object).
/** wasm-bindgen's web glue `file` (in pkg/) without its default .wasm location, with a restart and `__centileGlue`. */
function webGlue(file) {
  const glue = requireNames(file, patch(file, read(file), "module_or_path = new URL('centile_bg.wasm', import.meta.url);",
    "throw new Error('centile: init() needs module_or_path');"), ['function __wbg_finalize_init(instance, module)', 'wasmModule = module;',
    'export { initSync, __wbg_init as default };']);
  if (glue.includes('import.meta')) throw new Error(`${file} still refers to import.meta`);
  const names = [...glue.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  if (names.length === 0 || /^export (?!function |\{ initSync, __wbg_init as default \};$)/m.test(glue)) {
    throw new Error(`${file}: exports other than functions, initSync and the default (wasm-bindgen output changed?)`);
  }
  write(file, `${glue.replace(/^export function /gm, 'function ')}
${restartDoc}
function __centileRestart() {
    return __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
/** centile (scripts/build-pkg.mjs): the functions above, for pkg-template/instance.js. */
export const __centileGlue = { ${[...names, 'initSync', '__centileRestart'].join(', ')} };
`);
}
webGlue('web/centile.js');

// Entry points: pkg-template/entries/, with pkg-template/protocol.js, api.js and instance.js (and, for the ES
// module entries, start.js) inlined and one export per public function (scripts/entries.mjs).
const banner = `// centile ${version}: generated by scripts/build-pkg.mjs from pkg-template/.\n`;
write('node/index.cjs', entry('node.cjs', banner));
mkdirSync(at('bundler'));
write('bundler/wasm.js', wasmModuleSource(wasmBytes, banner, path.join(root, 'node_modules/.bin/wasm-as')));
write('bundler/index.js', entry('bundler.js', banner));
write('web/index.js', entry('web.js', banner));

// What a browser fetches is shipped minified (esbuild: no comments or white space, local names shortened;
// pkg-template/ holds the commented source), 6.5 KB gzip less for each entry. CentileError sets its own `name`,
// so nothing depends on a function's name. Its functions are then written in the form V8 compiles while it parses
// the script, off the page's main thread (scripts/eager-compile.mjs). The CommonJS Node build keeps its comments.
function minified(file) {
  const { code } = transformSync(read(file), { format: 'esm', legalComments: 'none', minify: true, treeShaking: true });
  write(file, (file.endsWith('index.js') ? banner : '') + eagerCompile(code));
}
for (const file of ['web/centile.js', 'web/index.js', 'bundler/index.js']) minified(file);

// `centile/chart`: the renderer (pkg-template/chart/), importing the engine by the package's own name so a
// consumer's conditions choose it (WebAssembly, or centile/js in React Native); shipped without comments.
// With it `centile/element` (<centile-chart>) and `centile/react` (CentileChart; React is an optional peer).
// Each in its own folder (index.js, index.d.ts), so older resolvers without `exports` find it too; the files they
// share (redraw.js, points.js) are inlined into each by esbuild, the package and React left as imports.
for (const [name, dir] of [['index', 'chart'], ['element', 'element'], ['react', 'react']]) {
  mkdirSync(at(dir));
  const { outputFiles } = buildSync({ entryPoints: [path.join(root, `pkg-template/chart/${name}.js`)], bundle: true, write: false,
    format: 'esm', legalComments: 'none', external: ['centile', 'centile/*', 'react'], absWorkingDir: root, logLevel: 'error' });
  write(`${dir}/index.js`, banner + outputFiles[0].text);
  cpSync(path.join(root, `pkg-template/chart/${name}.d.ts`), at(`${dir}/index.d.ts`));
}
cpSync(path.join(root, 'pkg-template/chart/print.css'), at('element/print.css'));

// `centile/js`: the same engine as plain JavaScript, for engines without WebAssembly (scripts/build-js.mjs): a
// second Rust build and wasm2js, minutes after a Rust change.
if (!quick) buildJs({ pkg, entry: entry('js.js', ''), banner });

// `centile/nutrition`: the default entry (pkg-template/entries/bundler.js: the .wasm as text, instantiated on first
// use) over its own glue and a build with the `nutrition` feature (the measurements beyond the dGC API,
// docs/nutrition.md), in its own Cargo target folder so neither build undoes the other's; the other entries answer
// those measurements with a 422 naming this one. Its .wasm ships only as nutrition/wasm.js.
let nutritionWasm = null;
if (!quick) {
  execFileSync('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'nutrition',
    '--target-dir', 'target/nutrition'], { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', at('nutrition'),
    path.join(root, 'target/nutrition/wasm32-unknown-unknown/release/centile.wasm')], { stdio: 'inherit' });
  optimise('nutrition/centile_bg.wasm');
  nutritionWasm = readFileSync(at('nutrition/centile_bg.wasm'));
  for (const part of ['flt2dec', 'dec2flt']) if (nutritionWasm.includes(part)) throw new Error(`the nutrition .wasm contains core::num::${part}`);
  rmSync(at('nutrition/centile_bg.wasm'));
  webGlue('nutrition/centile.js');
  // Its glue is only ever started by initSync from nutrition/wasm.js: without the default export, minifying drops
  // wasm-bindgen's async init and with it the glue's one fetch (this entry makes no network call).
  write('nutrition/centile.js', patch('nutrition/centile.js', read('nutrition/centile.js'), 'export { initSync, __wbg_init as default };',
    'export { initSync };'));
  write('nutrition/wasm.js', wasmModuleSource(nutritionWasm, banner, path.join(root, 'node_modules/.bin/wasm-as')));
  write('nutrition/index.js', patch('nutrition/index.js', entry('bundler.js', banner), "from '../web/centile.js';", "from './centile.js';"));
  for (const file of ['nutrition/centile.js', 'nutrition/index.js']) minified(file);
  cpSync(path.join(root, 'pkg-template/nutrition.d.ts'), at('nutrition/index.d.ts'));
}

const template = JSON.parse(readFileSync(path.join(root, 'pkg-template/package.json'), 'utf8'));
write('package.json', JSON.stringify({ ...template, version }, null, 2) + '\n');
// Types: pkg-template/index.d.ts for every entry (index.d.cts, the same text, for the CommonJS Node build) and
// web.d.ts for `centile/web`; package.json `exports` points at them.
const types = readFileSync(path.join(root, 'pkg-template/index.d.ts'), 'utf8');
write('index.d.ts', types);
write('index.d.cts', types);
cpSync(path.join(root, 'pkg-template/web.d.ts'), at('web.d.ts'));
// `centile/axios` and `centile/fetch`: the dGC routes in process (ES modules over the default entry), as they are;
// their types at the top, where resolvers that ignore `exports` look.
mkdirSync(at('dgc'));
for (const f of ['routes.js', 'axios.js', 'fetch.js']) cpSync(path.join(root, 'pkg-template/dgc', f), at('dgc', f));
for (const f of ['axios.d.ts', 'fetch.d.ts']) cpSync(path.join(root, 'pkg-template/dgc', f), at(f));
cpSync(path.join(root, 'README.md'), at('README.md'));
cpSync(path.join(root, 'LICENSE'), at('LICENSE'));
cpSync(path.join(root, 'reference-data/README.md'), at('REFERENCE-DATA.md'));
// Supply chain: the security policy and the SBOM (CycloneDX) of what the .wasm is built from.
cpSync(path.join(root, 'SECURITY.md'), at('SECURITY.md'));
execFileSync('node', [path.join(root, 'scripts/sbom.mjs'), at('sbom.cdx.json')], { stdio: 'inherit' });

// The embedded bytes must decode to the .wasm exactly.
const decoded = (await import(`${at('bundler/wasm.js')}?${Date.now()}`)).wasmBytes();
if (!Buffer.from(decoded).equals(wasmBytes)) throw new Error('bundler/wasm.js does not decode to web/centile_bg.wasm');
if (nutritionWasm !== null && !Buffer.from((await import(`${at('nutrition/wasm.js')}?${Date.now()}`)).wasmBytes()).equals(nutritionWasm)) {
  throw new Error('nutrition/wasm.js does not decode to the nutrition .wasm');
}

// Sizes (scripts/sizes.mjs).
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const all = files(pkg).map((f) => path.relative(pkg, f));
console.log(`centile ${version}: wasm ${kb(size(pkg, ['web/centile_bg.wasm']))}`);
for (const [name, list] of Object.entries(ENTRIES)) {
  if (list.every((f) => existsSync(at(f)))) console.log(`  entry ${name} (${list.join(', ')}): ${kb(size(pkg, list))}`);
}
console.log(`  whole package: ${kb(size(pkg, all))} (${all.length} files, ${all.filter((f) => f.endsWith('.wasm')).length} .wasm)`);

// Builds pkg/js/ (`centile/js`): the same Rust engine as plain JavaScript, for engines without WebAssembly
// (React Native's Hermes, pages whose Content-Security-Policy forbids compiling WebAssembly, script runtimes).
//
// Route: the crate is compiled for wasm32 without the reference-types feature (so that wasm-bindgen keeps JS
// values in a JavaScript array instead of an externref table, which wasm2js cannot translate) and without
// nontrapping-fptoint (so a float-to-integer conversion saturates as in the wasm build: binaryen's lowering of
// the saturating instructions gives INT_MIN out of range, and is left only the standard library's; the crate's own
// conversions are range-checked before they happen, engine::rounding::integer, scripts/float-casts.mjs), binaryen lowers
// the remaining post-MVP instructions and optimises, wasm2js turns the module into JavaScript (every f64
// operation keeps its IEEE meaning, so the numbers are the wasm build's to the last bit), and esbuild bundles it
// with wasm-bindgen's glue and the entry pkg-template/entries/js.js (scripts/entries.mjs) into one synchronous
// file per module format. The glue's TextDecoder/TextEncoder are replaced by pkg-template/js/utf8.js. Used by scripts/build-pkg.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args, env) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, env: { ...process.env, ...env } });

/** `text` with every match of `re` replaced; fails the build unless there were at least `min` matches. */
function patchAll(file, text, re, to, min = 1) {
  const count = (text.match(re) || []).length;
  if (count < min) throw new Error(`${file}: expected ${re} at least ${min} time(s) (wasm-bindgen or wasm2js output changed?)`);
  return text.replace(re, to);
}

/** wasm-bindgen, binaryen and wasm2js on the compiled module: the glue and the module as JavaScript, in `work`. */
function translate(wasm, work) {
  // The standard library's objects still declare reference-types in the target_features section; without the
  // section wasm-bindgen looks at what the module exports and chooses its JavaScript-array mode.
  const stripped = path.join(work, 'centile.wasm');
  run(bin('wasm-opt'), [wasm, '--strip-target-features', '-o', stripped]);
  run('wasm-bindgen', ['--target', 'bundler', '--no-typescript', '--out-dir', work, stripped]);
  const bg = path.join(work, 'centile_bg.wasm');
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
  run(bin('wasm-opt'), [bg, ...features, '--llvm-memory-copy-fill-lowering', '--llvm-nontrapping-fptoint-lowering', '--signext-lowering', '-O3', '-o', bg]);
  // wasm2js without feature flags: it refuses anything the lowering left behind.
  run(bin('wasm2js'), [bg, '-O3', '-o', path.join(work, 'centile_bg.wasm.js')]);

  // wasm2js's memory.grow makes a new ArrayBuffer and leaves the old one attached, so the glue's "detached
  // buffer" checks would keep stale views: compare with the current buffer instead.
  const gluePath = path.join(work, 'centile_bg.js');
  let glue = readFileSync(gluePath, 'utf8');
  glue = patchAll('centile_bg.js', glue, /(cached\w+Memory0)\.buffer\.detached === true \|\| \(\1\.buffer\.detached === undefined && \1\.buffer !== wasm\.memory\.buffer\)/g, '$1.buffer !== wasm.memory.buffer', 0);
  glue = patchAll('centile_bg.js', glue, /(cached\w+Memory0)\.byteLength === 0/g, '$1.buffer !== wasm.memory.buffer');
  if (/detached|byteLength === 0/.test(glue)) throw new Error('centile_bg.js: a memory check was left unpatched');

  // wasm2js's memory.grow returns the old size even when it does not grow (beyond 65,535 pages), computes the new
  // size with a shift that overflows past 2 GiB, and lets a refused ArrayBuffer throw out of the middle of the
  // allocator. As in WebAssembly, a growth the host refuses returns -1: the allocator then fails cleanly and the
  // package throws a CentileError (pkg-template/instance.js).
  const modulePath = path.join(work, 'centile_bg.wasm.js');
  let module = readFileSync(modulePath, 'utf8');
  module = patchAll('centile_bg.wasm.js', module, /^( *)if \(\(oldPages < newPages\) && \(newPages < 65536\)\) \{$/m,
    '$1if (pagesToAdd !== 0 && !((oldPages < newPages) && (newPages < 65536))) return -1;\n$1if (oldPages < newPages) {');
  module = patchAll('centile_bg.wasm.js', module, /^( *)var newBuffer = new ArrayBuffer\(newPages << 16\);$/m,
    '$1var newBuffer;\n$1try {\n$1 newBuffer = new ArrayBuffer(newPages * 65536);\n$1} catch (e) {\n$1 return -1;\n$1}');

  // wasm2js passes each i64 argument of an import as two i32 halves (low, high): rebuild the BigInt the glue
  // expects. The signatures come from the module itself.
  const wat = execFileSync(bin('wasm-dis'), [bg], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wide = [...wat.matchAll(/\(import "\.\/centile_bg\.js" "([^"]+)" \(func [^\n]*?\(param ([^)]*)\)/g)]
    .filter(([, , params]) => params.split(' ').includes('i64'));
  if (/\(import "[^"]+" "[^"]+" \(func [^\n]*\(result i64\)/.test(wat)) throw new Error('an import returns i64: not supported');
  const wrappers = wide.map(([, name, params]) => {
    const args = [], pass = [];
    params.split(' ').forEach((type, i) => {
      if (type === 'i64') { args.push(`lo${i}`, `hi${i}`); pass.push(`int64(lo${i}, hi${i})`); }
      else { args.push(`a${i}`); pass.push(`a${i}`); }
    });
    return `export function ${name}(${args.join(', ')}) { return glue.${name}(${pass.join(', ')}); }`;
  });
  writeFileSync(path.join(work, 'imports.js'), `export * from './centile_bg.js';
import * as glue from './centile_bg.js';
const int64 = (lo, hi) => BigInt.asIntN(64, (BigInt(hi) << BigInt(32)) | BigInt(lo >>> 0));
${wrappers.join('\n')}
`);
  // A restart (pkg-template/instance.js) runs wasm2js's factory again for a new instance and hands it to the
  // glue, whose JavaScript-array heap of values is emptied with it.
  module = patchAll('centile_bg.wasm.js', module, /from '\.\/centile_bg\.js';/g, "from './imports.js';");
  module = patchAll('centile_bg.wasm.js', module, /^var retasmFunc = (asmFunc\(\{[^}]*\}\));$/m, '$&\nexport function instantiate() {\n  return $1;\n}');
  writeFileSync(modulePath, module);
  const heap = glue.match(/^let heap = (.+);\n(heap\.push\(.+\);)$/m);
  if (!heap || !/^let heap_next = heap\.length;$/m.test(glue)) throw new Error('centile_bg.js: the heap is not set up as expected (wasm-bindgen output changed?)');
  // A new instance runs the module's start function as the first did, when wasm-bindgen gave it one.
  const start = module.includes('__wbindgen_start') ? '\n    wasm.__wbindgen_start();' : '';
  writeFileSync(gluePath, `${glue}
/** centile (scripts/build-js.mjs): \`next\`, a new instance, replaces the current one. */
export function __centileRestart(next) {
    wasm = next;
    heap = ${heap[1]};
    ${heap[2]}
    heap_next = heap.length;${start}
}
`);
  const startPath = path.join(work, 'centile.js');
  writeFileSync(startPath, patchAll('centile.js', readFileSync(startPath, 'utf8'), /from "\.\/centile_bg\.wasm";/g, 'from "./centile_bg.wasm.js";'));
}

/**
 * Writes pkg/js/index.js (ES module) and pkg/js/index.cjs (CommonJS, or a plain script defining the global
 * `centile`). `entry` is pkg-template/entries/js.js as scripts/entries.mjs assembles it, `banner` the first line.
 */
export function buildJs({ pkg, entry, banner }) {
  const work = mkdtempSync(path.join(tmpdir(), 'centile-js-'));
  try {
    run('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--target-dir', 'target/js'],
      { RUSTFLAGS: [process.env.RUSTFLAGS, '-C target-feature=-reference-types,-nontrapping-fptoint'].filter(Boolean).join(' ') });
    // wasm2js takes minutes: its output is kept in target/js/wasm2js/, keyed by the module and this script.
    const wasm = path.join(root, 'target/js/wasm32-unknown-unknown/release/centile.wasm');
    const key = createHash('sha256').update(readFileSync(wasm)).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 16);
    const cache = path.join(root, 'target/js/wasm2js', key);
    if (!existsSync(cache)) {
      const fresh = path.join(work, 'fresh');
      mkdirSync(fresh);
      translate(wasm, fresh);
      rmSync(path.dirname(cache), { recursive: true, force: true });
      cpSync(fresh, cache, { recursive: true });
    }
    for (const file of ['centile.js', 'centile_bg.js', 'imports.js', 'centile_bg.wasm.js']) cpSync(path.join(cache, file), path.join(work, file));

    writeFileSync(path.join(work, 'entry.js'), entry);
    const out = path.join(pkg, 'js');
    mkdirSync(out, { recursive: true });
    const common = {
      entryPoints: [path.join(work, 'entry.js')], bundle: true, minify: true, legalComments: 'none', logLevel: 'warning',
      platform: 'neutral', target: 'es2020', inject: [path.join(root, 'pkg-template/js/utf8.js')],
      banner: { js: banner.trimEnd() },
    };
    buildSync({ ...common, format: 'esm', outfile: path.join(out, 'index.js') });
    // One file for require() and for plain scripts: it defines `centile`, and module.exports where there is one.
    buildSync({ ...common, format: 'iife', globalName: 'centile', outfile: path.join(out, 'index.cjs'),
      footer: { js: "if (typeof module === 'object' && module !== null && typeof module.exports === 'object') module.exports = centile;" } });
    for (const file of ['index.js', 'index.cjs']) {
      const text = readFileSync(path.join(out, file), 'utf8');
      const used = ['WebAssembly', 'TextDecoder', 'TextEncoder', 'fetch', 'require(', 'process.', 'import.meta'].filter((w) => text.includes(w));
      if (used.length) throw new Error(`pkg/js/${file} refers to ${used.join(', ')}`);
    }
    // For TypeScript's old node10 resolution, which ignores `exports` and looks in js/ itself.
    writeFileSync(path.join(out, 'index.d.ts'), "export * from '../index.js';\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

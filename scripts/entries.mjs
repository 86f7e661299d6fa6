// The package's entry points from their sources, pkg-template/entries/ (node.cjs, bundler.js, web.js, js.js),
// for scripts/build-pkg.mjs and scripts/build-js.mjs. An entry's leading comment lines describe the source and
// are dropped; its `/* centile:inline a.js b.js */` line becomes those pkg-template/ files (which use no import
// or export), and its `/* centile:exports */` line one export per public function. The public functions are
// the keys of the object createApi (pkg-template/api.js) returns, so a new function is added there (and in
// index.d.ts, which tests/types/drift.test.mjs checks against every entry) and nowhere else. A file's
// `/* centile:builtins */` line (pkg-template/api.js) becomes the code that checks and restores BUILTINS below.
// The functions an entry calls once as it loads (CALLED_AT_LOAD) are then written at their calls.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const template = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../pkg-template');
const INLINE = /^\/\* centile:inline ([^*]+) \*\/$/m;
const EXPORTS = /^\/\* centile:exports \*\/$/m;
const BUILTINS_MARK = /^\/\* centile:builtins \*\/$/m;

// The builtins a call uses (pkg-template/api.js, instance.js and the wasm-bindgen glue): [holder, keys, guard]. A
// holder is an expression; a key in brackets is an expression too. The globals come first: `unchanged()` reads the
// rest through them by name, once it has found each the original (a constructor's `prototype` cannot be replaced).
// A holder that is not such a path (a call), or that has a guard (a global's name), is evaluated once at load; one
// with a guard is an empty object of this file's own where that global is not a function.
const BUILTINS = [
  ['globalThis', 'String Error Array Object Map Float64Array Uint8Array DataView ArrayBuffer Reflect JSON Math Number BigInt'],
  ['Object', 'keys create'], ['JSON', 'stringify'], ['Array', 'isArray from'], ['ArrayBuffer', 'isView'],
  ['Float64Array', 'from'], ['Number', 'isInteger'], ['Math', 'floor min'], ['Reflect', 'set'], ['BigInt', 'asUintN asIntN'],
  ['Object.prototype', 'propertyIsEnumerable'], ['Function.prototype', 'apply call'],
  ['Array.prototype', 'slice join push pop [Symbol.iterator]'], ['Object.getPrototypeOf([][Symbol.iterator]())', 'next'],
  ['String.prototype', 'charCodeAt slice'], ['Map.prototype', 'get set clear'], ['Float64Array.prototype', 'slice subarray set'],
  ['Uint8Array.prototype', 'slice subarray set'], ['DataView.prototype', 'getInt32 setInt32'],
  ['TextDecoder.prototype', 'decode', 'TextDecoder'], ['TextEncoder.prototype', 'encode encodeInto', 'TextEncoder'],
];

/**
 * The code at `centile:builtins`, from BUILTINS: `BUILTIN_LIST`, each builtin as [holder, key]; `ORIGINALS`, their
 * values at load; and `unchanged()`, whether each still is its original. That reads each by name at a site of its
 * own, a fraction of the cost of reading BUILTIN_LIST's holder[key] (one site for every holder and key), against a
 * constant of its own (ORIGINAL_0...: V8 folds the comparison while neither side changes, where reading ORIGINALS[i]
 * cost a call 240 instructions; taken from ORIGINALS by one destructuring, 0.2 KB gzip, where a declaration each
 * was 0.4); it may throw (a builtin deleted, a getter), and then each is looked at by key.
 */
export function builtinsCode() {
  const consts = [], groups = [], checks = [];
  let count = 0;
  BUILTINS.forEach(([expression, keys, guard], h) => {
    let holder = expression;
    if (guard || expression.includes('(')) {
      holder = `BUILTIN_${h}`;
      consts.push(`${holder} = ${guard ? `typeof ${guard} === 'function' ? ${expression} : {}` : expression}`);
    }
    const names = keys.split(' ').filter((key) => !key.startsWith('['));
    const computed = keys.split(' ').filter((key) => key.startsWith('[')).map((key, k) => {
      consts.push(`BUILTIN_${h}_KEY_${k} = ${key.slice(1, -1)}`);
      return `BUILTIN_${h}_KEY_${k}`;
    });
    groups.push(`[${holder}, '${names.join(' ')}'${computed.map((k) => `, ${k}`).join('')}]`);
    const reads = [...names.map((key) => (holder === 'globalThis' ? key : `${holder}.${key}`)), ...computed.map((k) => `${holder}[${k}]`)];
    checks.push(reads.map((read) => `${read} === ORIGINAL_${count++}`).join(' && '));
  });
  return [
    '// Generated from BUILTINS in scripts/entries.mjs.',
    `const ${consts.join(',\n  ')};`,
    // Counted loops rather than array methods with callbacks (each compiled on the main thread when first called)
    // or for-of and spreads (the iterator protocol, slow in code that runs once): 0.27 -> 0.14 ms of a cold page.
    'const BUILTIN_LIST = [], ORIGINALS = [];',
    '{',
    `  const groups = [${groups.join(',\n    ')}];`,
    '  for (let g = 0; g < groups.length; g++) {',
    "    const group = groups[g], holder = group[0], keys = group[1].split(' ');",
    '    for (let k = 2; k < group.length; k++) keys.push(group[k]);',
    '    for (let k = 0; k < keys.length; k++) {',
    '      BUILTIN_LIST.push([holder, keys[k]]);',
    '      ORIGINALS.push(holder[keys[k]]);',
    '    }',
    '  }',
    '}',
    `const [${Array.from({ length: count }, (_, i) => `ORIGINAL_${i}`).join(', ')}] = ORIGINALS;`,
    `function unchanged() {\n  return ${checks.join('\n    && ')};\n}`,
  ].join('\n');
}

/** The text of pkg-template/`file`, its `centile:builtins` line written. */
const source = (file) => readFileSync(path.join(template, file), 'utf8').replace(BUILTINS_MARK, () => builtinsCode());

/** The public function names, in createApi's order: the keys of its result, over an engine that is never called. */
export function publicNames() {
  const api = ['protocol.js', 'api.js', 'instance.js'].map(source).join('\n');
  const engine = { raw: {}, live() {}, settle() {}, onStart() {} };
  const names = new Function('engine', `${api}\nreturn Object.keys(createApi(engine));`)(engine);
  if (names.length === 0) throw new Error('pkg-template/api.js: createApi returns no functions');
  return names;
}

/** The text of the entry pkg-template/entries/`name`, after `banner`, with its files inlined and its exports written. */
export function entry(name, banner) {
  const file = `entries/${name}`;
  let text = source(file).replace(/^(\/\/.*\n)+/, '');
  for (const marker of [INLINE, EXPORTS]) {
    if ((text.match(new RegExp(marker, 'gm')) || []).length !== 1) throw new Error(`pkg-template/${file}: expected one ${marker}`);
  }
  const inlined = text.match(INLINE)[1].trim().split(/\s+/).map(source).join('\n');
  const exports = publicNames().map((n) => (name.endsWith('.cjs') ? `exports.${n} = api.${n};` : `export const ${n} = api.${n};`)).join('\n');
  text = text.replace(INLINE, () => inlined).replace(EXPORTS, () => exports);
  for (const fn of CALLED_AT_LOAD) text = writtenAtCall(text, fn, file);
  return banner + text;
}

// The functions each entry calls once, as it loads: each is written where it is called, as a function expression
// called at once, which V8 compiles with the module's own code before it runs (in Chromium on a background thread
// while the script streams in) rather than on the page's main thread when the call is reached, as it does a
// declared function. Minifiers keep such a call as it is. A cold Chromium page's main thread spent 0.31 ms less
// CPU (median, 41 loads) from the bundle's first statement to the import's end, with the loop below for
// BUILTIN_LIST.
const CALLED_AT_LOAD = ['instance', 'createApi'];

/**
 * `text` with the declaration of function `name` (a line `function name(...) {` to the next line `}`, after its doc
 * comment if any) moved to its one call.
 */
function writtenAtCall(text, name, file) {
  const declaration = new RegExp(`^(?:/\\*\\*\\n(?: \\*.*\\n)*? \\*/\\n)?function ${name}\\([^)]*\\) \\{\\n(?:.*\\n)*?\\}\\n`, 'm');
  const found = text.match(declaration);
  const calls = text.split(new RegExp(`(?<![\\w$.])${name}\\(`)).length - 1;
  if (!found || calls !== 2) throw new Error(`pkg-template/${file}: expected function ${name} declared once and called once`);
  const rest = text.replace(declaration, '');
  return rest.replace(new RegExp(`(?<![\\w$.])${name}\\(`), () => `(${found[0].trimEnd()})(`);
}

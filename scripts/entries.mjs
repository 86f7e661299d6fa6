// The package's entry points from their sources, pkg-template/entries/ (node.cjs, bundler.js, web.js, js.js),
// for scripts/build-pkg.mjs and scripts/build-js.mjs. An entry's leading comment lines describe the source and
// are dropped; its `/* centile:inline a.js b.js */` line becomes those pkg-template/ files (which use no import
// or export), and its `/* centile:exports */` line one export per public function. The public functions are
// the keys of the object createApi (pkg-template/api.js) returns, so a new function is added there (and in
// index.d.ts, which tests/types/drift.test.mjs checks against every entry) and nowhere else.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const template = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../pkg-template');
const INLINE = /^\/\* centile:inline ([^*]+) \*\/$/m;
const EXPORTS = /^\/\* centile:exports \*\/$/m;

/** The text of pkg-template/`file`. */
const source = (file) => readFileSync(path.join(template, file), 'utf8');

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
  return banner + text;
}

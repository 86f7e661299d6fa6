// The package's JavaScript sources in pkg-template/: every file parses (node --check), each entry in
// pkg-template/entries/ parses once scripts/entries.mjs has assembled it, and the export list it derives from
// createApi is the one pkg-template/index.d.ts declares and every built entry exports; the builtins check that
// scripts/entries.mjs generates covers its list of builtins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { builtinsCode, entry, publicNames } from '../../scripts/entries.mjs';

const template = fileURLToPath(new URL('../../pkg-template/', import.meta.url));
const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const require = createRequire(import.meta.url);
const check = (file) => execFileSync(process.execPath, ['--check', file], { encoding: 'utf8', stdio: 'pipe' });
const entries = readdirSync(path.join(template, 'entries'));

test('every JavaScript file in pkg-template/ outside entries/ parses', () => {
  const files = readdirSync(template, { recursive: true }).map(String)
    .filter((f) => /\.(c|m)?js$/.test(f) && !f.startsWith(`entries${path.sep}`));
  assert.ok(files.includes('api.js') && files.includes(path.join('dgc', 'axios.js')), files.join(', '));
  for (const f of files) check(path.join(template, f));
});

test('each entry parses once assembled, with its inlined files and one export per public function', () => {
  assert.deepEqual(entries.sort(), ['bundler.js', 'js.js', 'node.cjs', 'web.js']);
  const work = mkdtempSync(path.join(tmpdir(), 'centile-entries-'));
  try {
    for (const name of entries) {
      const text = entry(name, '// banner\n');
      assert.ok(text.startsWith('// banner\n') && !/centile:(inline|exports|builtins)/.test(text), name);
      assert.ok(text.includes('function createApi(engine)') && text.includes('function instance(glue, start, detaches = true)'), name);
      for (const n of publicNames()) assert.ok(text.includes(name.endsWith('.cjs') ? `exports.${n} = api.${n};` : `export const ${n} = api.${n};`), `${name}: ${n}`);
      const file = path.join(work, name.replace(/\.js$/, '.mjs'));
      writeFileSync(file, text);
      check(file);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the public functions createApi returns are the functions pkg-template/index.d.ts declares', () => {
  const source = ts.createSourceFile('index.d.ts', readFileSync(path.join(template, 'index.d.ts'), 'utf8'), ts.ScriptTarget.Latest);
  const declared = new Set(source.statements.filter((s) => ts.isFunctionDeclaration(s)
    && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)).map((s) => s.name.text));
  assert.deepEqual([...publicNames()].sort(), [...declared].sort());
});

test('every built entry exports CentileError and exactly the public functions', async () => {
  const expected = ['CentileError', ...publicNames()].sort();
  assert.deepEqual(Object.keys(require(path.join(pkg, 'node/index.cjs'))).sort(), expected, 'node/index.cjs');
  assert.deepEqual(Object.keys(await import(path.join(pkg, 'bundler/index.js'))).sort(), expected, 'bundler/index.js');
  assert.deepEqual(Object.keys(await import(path.join(pkg, 'web/index.js'))).sort(), ['default', 'initSync', ...expected].sort(), 'web/index.js');
  // centile/js is not in the quick package of `make check`.
  if (existsSync(path.join(pkg, 'js/index.js'))) {
    assert.deepEqual(Object.keys(await import(path.join(pkg, 'js/index.js'))).sort(), expected, 'js/index.js');
    assert.deepEqual(Object.keys(require(path.join(pkg, 'js/index.cjs'))).sort(), expected, 'js/index.cjs');
  }
});

test('the builtins check by name finds each builtin of the list replaced, and the list has each once', () => {
  const { list, originals, unchanged } = new Function(`${builtinsCode()}\nreturn { list: BUILTIN_LIST, originals: ORIGINALS, unchanged };`)();
  assert.ok(list.length >= 50 && unchanged(), `${list.length} builtins`);
  const describe = Object.getOwnPropertyDescriptor, define = Object.defineProperty;
  const found = [];
  for (let i = 0; i < list.length; i++) {
    const [holder, key] = list[i];
    const had = describe(holder, key);
    define(holder, key, { value: function replacement() {}, writable: true, configurable: true });
    const seen = unchanged();
    if (had) define(holder, key, had);
    else delete holder[key];
    found.push(seen === false && unchanged() && holder[key] === originals[i]);
  }
  assert.deepEqual(list.map(([, key], i) => `${String(key)}: ${found[i]}`), list.map(([, key]) => `${String(key)}: true`));
  const pairs = list.map(([holder, key]) => [holder, key]);
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) assert.ok(pairs[i][0] !== pairs[j][0] || pairs[i][1] !== pairs[j][1], String(pairs[i][1]));
  }
});

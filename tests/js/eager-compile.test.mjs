// scripts/eager-compile.mjs: the browsers' JavaScript with every function in the form V8 compiles with the script.
// It must keep what each module does (hoisting, `this`, `arguments`, parameters, bodies), and the shipped browser
// files must all have been through it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { ancestor } from 'acorn-walk';
import { eagerCompile } from '../../scripts/eager-compile.mjs';

const pkg = fileURLToPath(new URL('../../pkg/', import.meta.url));
const run = async (code) => (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default;

/** The functions of module `code` that V8 would compile lazily, as `kind@offset`, besides methods and arrows binding lexically. */
function lazy(code) {
  const found = [];
  ancestor(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), {
    Function(n, _, ancestors) {
      const parent = ancestors[ancestors.length - 2];
      if (n.type === 'FunctionDeclaration') {
        found.push(`declaration ${n.id.name}@${n.start}`);
      } else if (n.type === 'ArrowFunctionExpression') {
        if (!/\b(this|arguments|super|new\.target)\b/.test(code.slice(n.start, n.end))) found.push(`arrow@${n.start}`);
      } else if (!(parent.type === 'MethodDefinition' || (parent.type === 'Property' && (parent.method || parent.kind !== 'init')))
        && !(code[n.start - 1] === '(' && code[n.end] === ')')) {
        found.push(`expression@${n.start}`);
      }
    },
  });
  return found;
}

test('a rewritten module does what it did: hoisting, recursion, parameters, bodies, this and arguments', async () => {
  const source = `
    'use strict';
    const early = twice(4);
    function twice(x) { return helper(x) * 2; function helper(y) { return y; } }
    function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
    let later = function () { return 1; };
    function reassigned() { return 'first'; }
    reassigned = () => 'second';
    function destructured() { return destructured.name; }
    const original = destructured;
    [destructured] = [function other() { return 'third'; }];
    function looped() { return 1; }
    for (looped of [() => 'fourth']);
    const pick = ({ a, b = (() => 5)() }, [c, ...rest], ...more) => [a, b, c, rest, more];
    const object = (k) => ({ k, list: [k] });
    const sequence = (a) => (a += 1, a * 10);
    const nested = (a) => (b) => (c) => a + b + c;
    const holder = { v: 3, get() { return [1, 2].map((i) => i * this.v); }, get doubled() { return this.v * 2; },
      plain: function () { return this.v + 1; } };
    function args() { return ((...xs) => xs.length + arguments.length)(1, 2); }
    class Counter { constructor(n) { this.n = n; } next() { return () => ++this.n; } }
    const next = new Counter(7).next();
    async function wait(x) { return await x; }
    const asyncArrow = async (x) => (await x) + 1;
    function* gen() { yield 1; yield 2; }
    export default async () => JSON.stringify([early, fact(5), later(), reassigned(), pick({ a: 1 }, [2, 3, 4], 5, 6),
      object('x'), sequence(1), nested(1)(2)(3), holder.get(), holder.doubled, holder.plain(), args(1, 2, 3), next(), next(),
      await wait(8), await asyncArrow(1), [...gen()], typeof twice, twice.name, fact.name, destructured(), original(), looped()]);`;
  const rewritten = eagerCompile(source);
  assert.notEqual(rewritten, source);
  assert.equal(await (await run(rewritten))(), await (await run(source))());
  // Left lazy: the declarations assigned to (and methods, and arrows using this or arguments, which lazy() skips).
  assert.deepEqual(lazy(rewritten).map((f) => f.replace(/@\d+$/, '')), ['declaration reassigned', 'declaration destructured', 'declaration looped']);
});

test('the shipped browser files are rewritten: no function of theirs waits for its first call to be compiled', () => {
  for (const file of ['bundler/index.js', 'bundler/wasm.js', 'web/index.js', 'web/centile.js', 'nutrition/index.js', 'nutrition/wasm.js',
    'nutrition/centile.js']) {
    const code = readFileSync(`${pkg}${file}`, 'utf8');
    assert.deepEqual(lazy(code), [], file);
    assert.equal(eagerCompile(code), code, `${file}: rewriting it again changes nothing`);
  }
});

test('V8 compiles the default entry\'s functions with its scripts: none is parsed again at its first call', () => {
  // V8's function events (node --log-function-events): `parse-function` is a function compiled when first called.
  const dir = mkdtempSync(path.join(tmpdir(), 'centile-eager-'));
  try {
    const log = path.join(dir, 'v8.log');
    execFileSync(process.execPath, ['--log-function-events', `--logfile=${log}`, '--no-logfile-per-isolate', '--input-type=module', '-e', `
      const { calculation } = await import(${JSON.stringify(path.join(pkg, 'bundler/index.js'))});
      calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' });`]);
    const lines = readFileSync(log, 'utf8').split('\n');
    const scripts = new Map(lines.filter((l) => l.startsWith('script-details,') && l.includes(pkg)).map((l) => [l.split(',')[1], l.split(',')[2]]));
    assert.deepEqual([...scripts.values()].map((url) => path.relative(pkg, fileURLToPath(url))).sort(), ['bundler/index.js', 'bundler/wasm.js', 'web/centile.js']);
    const events = lines.filter((l) => l.startsWith('function,') && scripts.has(l.split(',')[2]));
    assert.ok(events.some((l) => l.startsWith('function,first-execution,')), 'the log has the first calls');
    assert.deepEqual(events.filter((l) => l.startsWith('function,parse-function,')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

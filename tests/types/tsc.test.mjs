// The package's TypeScript types as consumers see them, through the real `exports` map of pkg/ (linked as
// tests/types/node_modules/centile): usage*.ts must pass `tsc --noEmit --strict` under bundler and Node16
// resolution; wrong.ts must fail with exactly the errors its `// expect TSxxxx text` comments name; and
// arethetypeswrong (on the packed tarball) must find no problem beyond the ESM-only entries (`centile/web`, `centile/axios`, `centile/fetch`, `centile/chart`, `centile/element`, `centile/react`, `centile/nutrition`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { linkPackage } from './link.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

linkPackage();

// Every tsc run and the attw check start at once (each takes a second or two) and the tests await them.
const exec = (cmd, args, options = {}) => new Promise((resolve) => {
  execFile(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20, ...options }, (error, stdout, stderr) => resolve({ status: error ? error.code ?? 1 : 0, stdout, stderr }));
});
const runs = Object.fromEntries(['tsconfig.json', 'tsconfig.node.json', 'tsconfig.wrong.json']
  .map((project) => [project, exec(bin('tsc'), ['-p', path.join(here, project), '--pretty', 'false'])]));
const tsc = (project) => runs[project];
/** tsc's errors as {file, line, code, message} (continuation lines joined). */
function errors(output) {
  const out = [];
  for (const text of output.split('\n')) {
    const m = text.match(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    if (m) out.push({ file: path.basename(m[1]), line: Number(m[2]), code: m[4], message: m[5] });
    else if (text.startsWith('  ') && out.length) out.at(-1).message += `\n${text.trim()}`;
  }
  return out;
}

for (const [project, what] of [['tsconfig.json', 'bundler resolution'], ['tsconfig.node.json', 'Node16 resolution, ESM and CommonJS']]) {
  test(`usage files type-check with --strict (${what})`, async () => {
    const r = await tsc(project);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}

test('wrong.ts fails to type-check with exactly the expected errors', async () => {
  const r = await tsc('tsconfig.wrong.json');
  assert.notEqual(r.status, 0, 'tsc accepted wrong.ts');
  const got = errors(r.stdout);
  const lines = readFileSync(path.join(here, 'wrong.ts'), 'utf8').split('\n');
  const expected = lines.flatMap((text, i) => {
    const m = text.match(/\/\/ expect (TS\d+) (.+)$/);
    return m ? [{ line: i + 1, code: m[1], text: m[2] }] : [];
  });
  assert.ok(expected.length >= 20, `only ${expected.length} expectations`);
  for (const e of expected) {
    const at = got.filter((g) => g.file === 'wrong.ts' && g.line === e.line);
    assert.ok(at.some((g) => g.code === e.code && g.message.includes(e.text)),
      `wrong.ts:${e.line} expected ${e.code} mentioning ${e.text}; got ${JSON.stringify(at)}`);
  }
  const unexpected = got.filter((g) => g.file !== 'wrong.ts' || !expected.some((e) => e.line === g.line));
  assert.deepEqual(unexpected, [], 'errors nobody expected');
  console.log(`wrong.ts: ${expected.length} expected errors reported, tsc exit ${r.status}`);
});

const attw = (async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'centile-attw-'));
  try {
    const packed = await exec('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: path.join(root, 'pkg') });
    const tarball = path.join(dir, packed.stdout.trim().split('\n').at(-1));
    // Into a file: attw exits (status 1 for the problems above) before a pipe has taken all of its JSON.
    const out = path.join(dir, 'attw.json');
    const r = await exec('sh', ['-c', '"$0" "$@" > "$ATTW_OUT"', bin('attw'), tarball, '--format', 'json', '--exclude-entrypoints',
      './web/centile_bg.wasm', './element/print.css'], { env: { ...process.env, ATTW_OUT: out } });
    return { ...r, stdout: readFileSync(out, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

test('arethetypeswrong finds no problem in the packed package (beyond the ES-module-only entries: web, axios, fetch, chart, element, react, nutrition)', async () => {
  const { analysis } = JSON.parse((await attw).stdout);
  assert.deepEqual(Object.keys(analysis.entrypoints).sort(), ['.', './axios', './chart', './element', './fetch', './js', './nutrition', './package.json', './react', './web']);
  // centile/web, centile/axios, centile/fetch, centile/chart, centile/element, centile/react and centile/nutrition are ES modules only.
  assert.deepEqual(analysis.problems.filter((p) => p.kind !== 'CJSResolvesToESM'), []);
  assert.deepEqual(analysis.problems.map((p) => `${p.entrypoint} ${p.resolutionKind}`).sort(),
    ['./axios node16-cjs', './chart node16-cjs', './element node16-cjs', './fetch node16-cjs', './nutrition node16-cjs', './react node16-cjs', './web node16-cjs']);
  const main = analysis.entrypoints['.'].resolutions;
  assert.equal(main['node16-cjs'].resolution.fileName, '/node_modules/centile/index.d.cts');
  assert.equal(main['node16-esm'].resolution.fileName, '/node_modules/centile/index.d.ts');
  assert.equal(main.bundler.resolution.fileName, '/node_modules/centile/index.d.ts');
});

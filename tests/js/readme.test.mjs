// Every ```js example in README.md and docs/*.md runs as it stands against the built package, imported as `centile`
// through its package.json exports (a throwaway node_modules/centile pointing at pkg/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const examplesOf = (page) => [...readFileSync(path.join(root, page), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const examples = pages.flatMap(examplesOf);

test('README and docs examples run', () => {
  assert.ok(examplesOf('README.md').length >= 2, 'the README shows calculation and its errors');
  assert.ok(examples.length >= 7, `${examples.length} examples`);
  const dir = mkdtempSync(path.join(tmpdir(), 'centile-readme-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(root, 'pkg'), path.join(dir, 'node_modules', 'centile'), 'dir');
    examples.forEach((code, i) => {
      const file = path.join(dir, `example-${i}.mjs`);
      writeFileSync(file, code);
      const out = execFileSync(process.execPath, [file], { encoding: 'utf8', cwd: dir });
      assert.ok(out.trim().length > 0, `example ${i} printed nothing`);
      assert.doesNotMatch(out, /\bNaN\b.*\bNaN\b.*\bNaN\b/, `example ${i}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

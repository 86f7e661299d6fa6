// Every ```js example in README.md runs as it stands against the built package, imported as `centile` through
// its package.json exports (a throwaway node_modules/centile pointing at pkg/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const examples = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test('README examples run', () => {
  assert.ok(examples.length >= 4, `${examples.length} examples`);
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

// A full stack never breaks the instance (tests/js/stack.mjs): 60,000 calculations with the stack nearly full, in
// the wasm build and in centile/js, each answering exactly or throwing the overflow's RangeError, and the
// instance answering afterwards. (The same runs in Chromium's centile/web: tests/browser/run.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { nearFullStack } from './stack.mjs';

const require = createRequire(import.meta.url);
const CALLS = 60000;

const check = (name, centile, replaced) => {
  const stats = nearFullStack(centile, CALLS);
  console.log(`${name}: ${JSON.stringify(stats)}`);
  assert.equal(stats.after, true);
  assert.deepEqual([stats.wrong, stats.otherErrors, stats.samples], [0, 0, []]);
  assert.ok(stats.calls >= CALLS && stats.answers > 1000 && stats.overflows > 1000, 'both outcomes were met');
  if (replaced) assert.ok(replaced(), 'the overflow struck inside the engine, which was replaced');
};

test('wasm in Node: 60,000 calls with the stack nearly full', () => {
  const glue = require('../../pkg/node/centile.js');
  const first = glue.linearMemory();
  check('wasm (Node)', require('../../pkg/node/index.cjs'), () => glue.linearMemory() !== first);
});

test('centile/js: 60,000 calls with the stack nearly full', () => {
  check('centile/js', require('../../pkg/js/index.cjs'));
});

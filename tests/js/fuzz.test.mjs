// The standing fuzzer (tests/js/fuzz.mjs) for a bounded time in every test run; `node tests/js/fuzz.mjs 10000000`
// runs it for ten million executions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz } from './fuzz.mjs';

test('fuzz every export for 20 seconds: no trap, only CentileErrors on non-hostile input, fast = general', () => {
  const stats = fuzz({ seconds: Number(process.env.CENTILE_FUZZ_SECONDS || 20), seed: Date.now() % 2147483647 });
  console.log(`fuzz: ${JSON.stringify(stats)}`);
  assert.ok(stats.executions > 1000 && stats.answers > 100 && stats.centileErrors > 100 && stats.hostile > 10);
});

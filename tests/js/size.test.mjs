// What a browser downloads for the default, web, chart and nutrition entries stays within their limits (scripts/sizes.mjs LIMITS,
// which measures each entry's files as shipped; the build and `make bench` print the same figures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { LIMITS, entrySizes } from '../../scripts/sizes.mjs';

const sizes = entrySizes(fileURLToPath(new URL('../../pkg/', import.meta.url)));

for (const [entry, limit] of Object.entries(LIMITS)) {
  test(`the ${entry} entry downloads at most ${limit / 1024} KB gzip`, () => {
    const { files, gzip } = sizes[entry];
    console.log(`${entry}: ${(gzip / 1024).toFixed(1)} KB gzip (${files.join(', ')})`);
    assert.ok(gzip <= limit, `${entry} entry: ${(gzip / 1024).toFixed(1)} KB gzip, over ${limit / 1024} KB`);
  });
}

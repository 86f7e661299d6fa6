// What a consumer downloads for each entry of the package (its files as shipped; a bundler's minifier makes the
// JavaScript a little smaller): printed by scripts/build-pkg.mjs and bench/run.mjs, limited by tests/js/size.test.mjs.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const ENTRIES = {
  default: ['bundler/index.js', 'bundler/wasm.js', 'web/centile.js'],
  web: ['web/index.js', 'web/centile.js', 'web/centile_bg.wasm'],
  node: ['node/index.cjs', 'node/centile.js', 'node/centile_bg.wasm'],
  js: ['js/index.js'],
  chart: ['chart/index.js'],
  element: ['element/index.js'],
  react: ['react/index.js'],
  nutrition: ['nutrition/index.js', 'nutrition/wasm.js', 'nutrition/centile.js'],
};

/** The download limits, gzip bytes: the default and web entries; centile/chart on top of the engine's entry;
 * centile/nutrition, the engine with the measurements beyond the dGC API (their tables and code, about 18 KB). */
export const LIMITS = { default: 120 * 1024, web: 115 * 1024, chart: 30 * 1024, nutrition: 165 * 1024 };

/** `[raw, gzip]` bytes of `files` (paths inside `pkg`), gzip at level 9 file by file. */
export const size = (pkg, files) => files.map((f) => readFileSync(path.join(pkg, f)))
  .map((b) => [b.length, gzipSync(b, { level: 9 }).length]).reduce((a, b) => [a[0] + b[0], a[1] + b[1]]);

/** Every entry's `{ files, raw, gzip }`. */
export const entrySizes = (pkg) => Object.fromEntries(Object.entries(ENTRIES).map(([name, files]) => {
  const [raw, gzip] = size(pkg, files);
  return [name, { files, raw, gzip }];
}));

export const kb = ([raw, gz]) => `${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`;

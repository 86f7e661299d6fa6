// centile on a page whose Content-Security-Policy forbids WebAssembly (`default-src 'self'; script-src 'self'`,
// no 'wasm-unsafe-eval'), in headless Debian Chromium: centile/js computes a sample of the rcpchgrowth 4.6.5
// calculation vectors, and both WebAssembly entries fail with a CentileError that points to centile/js.
// Prints "N passed, N failed".
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Report, checkCalculation, request } from '../js/compare.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const POLICY = "default-src 'self'; script-src 'self'";
const { cases } = JSON.parse(readFileSync(path.join(root, 'tests/vectors/calculation.json'), 'utf8'));
const subset = cases.filter((_, i) => i % 100 === 0);
const sample = JSON.stringify({ cases: subset.map((c) => [c[0], request(c), Array.isArray(c[8])]) });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let body = null;
  if (url.pathname === '/sample.json') body = sample;
  else {
    const file = url.pathname === '/' ? path.join(here, 'index.html')
      : url.pathname.startsWith('/pkg/') ? path.join(root, path.normalize(url.pathname)) : path.join(here, path.normalize(url.pathname));
    try { body = readFileSync(file); } catch { body = null; }
  }
  res.writeHead(body === null ? 404 : 200, {
    'Content-Security-Policy': POLICY, 'Content-Type': TYPES[path.extname(url.pathname) || '.html'] ?? 'application/octet-stream',
  });
  res.end(body ?? 'not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const results = { passed: 0, failed: 0 };
const check = (name, fn) => {
  try { fn(); results.passed++; console.log(`ok - ${name}`); }
  catch (e) { results.failed++; console.log(`not ok - ${name}\n  ${e.message.split('\n').join('\n  ')}`); }
};

const profile = mkdtempSync(path.join(tmpdir(), 'centile-csp-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const response = await page.goto(`${origin}/`);
  check('the page is served with the strict policy', () => {
    if (response.headers()['content-security-policy'] !== POLICY) throw new Error(JSON.stringify(response.headers()));
  });
  await page.waitForSelector('body[data-done="1"]', { timeout: 30000 });
  const out = JSON.parse(await page.locator('#out').textContent());
  check('the policy forbids WebAssembly on this page', () => {
    if (out.wasmCompiles !== false) throw new Error('an empty WebAssembly module compiled');
  });
  check(`centile/js answers ${subset.length} golden calculation vectors under the policy`, () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
    const r = new Report();
    subset.forEach((c, i) => checkCalculation(r, c, out.calculation[i]));
    r.done('calculation (centile/js, strict CSP)', subset.length);
  });
  for (const [entry, got] of [['centile/web', out.web], ['centile (default entry)', out.default]]) {
    check(`${entry} fails with a CentileError naming centile/js`, () => {
      if (got?.name !== 'CentileError' || !/centile\/js/.test(got.message)) throw new Error(JSON.stringify(got));
    });
  }
  check('nothing but WebAssembly compilation was refused', () => {
    const other = out.violations.filter((d) => d !== 'script-src' && d !== 'wasm-eval');
    if (other.length) throw new Error(other.join(', '));
  });
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);

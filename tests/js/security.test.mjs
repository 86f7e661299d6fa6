// The guarantees SECURITY.md makes about the built package (pkg/): the .wasm imports exactly the glue functions it
// lists, the JavaScript has no network, storage or eval (centile/web's init() may fetch the .wasm itself), and the
// SBOM describes what the .wasm is built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const pkg = path.join(root, 'pkg');
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const shipped = files(pkg);

test('every .wasm imports exactly the glue functions SECURITY.md lists', () => {
  const doc = readFileSync(path.join(root, 'SECURITY.md'), 'utf8');
  const block = doc.match(/<!-- wasm-imports[^>]*-->([\s\S]*?)<!-- \/wasm-imports -->/)[1];
  const listed = [...block.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
  const wasms = shipped.filter((f) => f.endsWith('.wasm'));
  assert.ok(wasms.length > 0);
  for (const file of wasms) {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(file)));
    for (const i of imports) {
      assert.equal(i.kind, 'function', `${i.name} is a function`);
      assert.equal(i.module, './centile_bg.js', `${i.name} comes from the package's own glue`);
    }
    // wasm-bindgen names an import __wbg_<name>_<16 hex digits>; the name is what the glue does.
    const names = [...new Set(imports.map((i) => i.name.replace(/^__wbg_/, '').replace(/_[0-9a-f]{16}$/, '')))].sort();
    assert.deepEqual(names, listed, `${path.relative(root, file)} imports (update SECURITY.md only after review)`);
  }
});

test('the JavaScript has no network, storage or eval', () => {
  const forbidden = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*['"`]/, /\bXMLHttpRequest\b/,
    /\bWebSocket\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bimportScripts\b/, /\blocalStorage\b/,
    /\bsessionStorage\b/, /\bindexedDB\b/, /\bcaches\s*\./, /\bdocument\.cookie\b/, /\bset(Timeout|Interval)\s*\(\s*['"`]/];
  const scripts = shipped.filter((f) => /\.(c|m)?js$/.test(f));
  assert.ok(scripts.length > 0);
  for (const file of scripts) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${path.relative(root, file)}: ${pattern}`);
    const fetches = text.match(/\bfetch\s*\(/g) ?? [];
    if (path.relative(pkg, file) !== path.join('web', 'centile.js')) {
      assert.equal(fetches.length, 0, `${path.relative(root, file)} calls fetch`);
    }
  }
});

test('the SBOM lists the crates, tools and tables the .wasm is built from', () => {
  const bom = JSON.parse(readFileSync(path.join(pkg, 'sbom.cdx.json'), 'utf8'));
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.equal(bom.metadata.component.version, manifest.version);
  assert.ok(manifest.files.includes('sbom.cdx.json') && manifest.files.includes('SECURITY.md'));
  const crates = new Map(bom.components.filter((c) => c.purl?.startsWith('pkg:cargo/')).map((c) => [c.name, c]));
  const lock = readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  for (const name of ['serde', 'wasm-bindgen', 'js-sys']) {
    const c = crates.get(name);
    assert.ok(c, `${name} listed`);
    assert.ok(lock.includes(`name = "${name}"\nversion = "${c.version}"`), `${name} ${c.version} is the locked version`);
    assert.match(c.hashes[0].content, /^[0-9a-f]{64}$/);
    assert.ok(lock.includes(c.hashes[0].content), `${name}'s hash is Cargo.lock's`);
  }
  for (const name of ['clap', 'csv', 'rayon', 'serde_json', 'wasm-bindgen-test']) {
    assert.ok(!crates.has(name), `${name} (CLI or test only) is not in the .wasm`);
  }
  const api = createRequire(import.meta.url)(path.join(pkg, 'node/index.cjs'));
  const info = api.buildInfo();
  const tables = bom.components.find((c) => c.type === 'data');
  assert.equal(tables.hashes[0].content, info.reference_data_fingerprint);
  assert.equal(bom.metadata.component.properties[0].value, info.commit);
  assert.equal(bom.metadata.tools.components[0].description, info.rustc.replace(/^rustc /, ''));
});

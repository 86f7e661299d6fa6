// Assembles pkg/ (the npm package `centile`) from the release wasm: wasm-bindgen for Node (CommonJS, no init),
// the web (explicit init) and bundlers, wasm-opt from npm binaryen on each, then pkg-template/. Prints sizes.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = path.join(root, 'pkg');
const wasm = path.join(root, 'target/wasm32-unknown-unknown/release/centile.wasm');
const wasmOpt = path.join(root, 'node_modules/.bin/wasm-opt');
const version = readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

rmSync(pkg, { recursive: true, force: true });
for (const [target, dir] of [['nodejs', 'node'], ['web', 'web'], ['bundler', 'bundler']]) {
  const out = path.join(pkg, dir);
  execFileSync('wasm-bindgen', ['--target', target, '--out-dir', out, wasm], { stdio: 'inherit' });
  const bg = path.join(out, 'centile_bg.wasm');
  execFileSync(wasmOpt, ['-Oz', bg, '-o', bg], { stdio: 'inherit' });
}
// The Node build is CommonJS inside an ESM-typed package.
writeFileSync(path.join(pkg, 'node/package.json'), '{"type":"commonjs"}\n');

const template = JSON.parse(readFileSync(path.join(root, 'pkg-template/package.json'), 'utf8'));
writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ ...template, version }, null, 2) + '\n');
cpSync(path.join(root, 'pkg-template/README.md'), path.join(pkg, 'README.md'));
cpSync(path.join(root, 'LICENSE'), path.join(pkg, 'LICENSE'));
cpSync(path.join(root, 'reference-data/README.md'), path.join(pkg, 'REFERENCE-DATA.md'));

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const size = (f) => [statSync(f).size, gzipSync(readFileSync(f), { level: 9 }).length];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const [raw, gz] = size(path.join(pkg, 'web/centile_bg.wasm'));
const total = files(pkg).map(size).reduce((a, b) => [a[0] + b[0], a[1] + b[1]]);
const webEntry = ['web/centile.js', 'web/centile_bg.wasm'].map((f) => size(path.join(pkg, f))).reduce((a, b) => [a[0] + b[0], a[1] + b[1]]);
console.log(`centile ${version}: wasm ${kb(raw)} raw, ${kb(gz)} gzip; browser load (web glue + wasm) ${kb(webEntry[1])} gzip; ` +
  `whole package ${kb(total[0])} raw, ${kb(total[1])} gzip (${files(pkg).length} files, 3 builds)`);

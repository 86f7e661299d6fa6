// Writes the package's software bill of materials (CycloneDX 1.5 JSON) to the path given: every crate compiled
// into the .wasm (the normal-dependency closure of `centile` for wasm32, from `cargo metadata`, with Cargo.lock's
// SHA-256), the embedded reference tables (with their fingerprint), and the tools that produced the files (rustc,
// wasm-bindgen, binaryen from package-lock.json). The package has no npm runtime dependencies. No timestamp or
// random serial number: the same commit gives the same file. Called by scripts/build-pkg.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/sbom.mjs OUT.json');

const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--locked', '--format-version', '1',
  '--filter-platform', 'wasm32-unknown-unknown', '--manifest-path', path.join(root, 'Cargo.toml')],
{ encoding: 'utf8', maxBuffer: 1 << 28 }));
// Cargo.lock checksums by "name version".
const checksums = new Map();
for (const block of readFileSync(path.join(root, 'Cargo.lock'), 'utf8').split('[[package]]')) {
  const field = (k) => block.match(new RegExp(`^${k} = "([^"]+)"`, 'm'))?.[1];
  if (field('checksum')) checksums.set(`${field('name')} ${field('version')}`, field('checksum'));
}
const packages = new Map(metadata.packages.map((p) => [p.id, p]));
const nodes = new Map(metadata.resolve.nodes.map((n) => [n.id, n]));
const self = metadata.resolve.root;
// Normal (not dev or build-script) dependencies, transitively: what the wasm is compiled from.
const normal = (id) => nodes.get(id).deps.filter((d) => d.dep_kinds.some((k) => k.kind === null)).map((d) => d.pkg);
const shipped = new Set();
const walk = (id) => { for (const dep of normal(id)) if (!shipped.has(dep)) { shipped.add(dep); walk(dep); } };
walk(self);

const purl = (p) => `pkg:cargo/${p.name}@${p.version}`;
const crate = (p) => ({
  type: 'library',
  'bom-ref': purl(p),
  name: p.name,
  version: p.version,
  ...(p.license ? { licenses: [{ expression: p.license }] } : {}),
  purl: purl(p),
  ...(checksums.has(`${p.name} ${p.version}`)
    ? { hashes: [{ alg: 'SHA-256', content: checksums.get(`${p.name} ${p.version}`) }] } : {}),
  ...(p.repository ? { externalReferences: [{ type: 'vcs', url: p.repository }] } : {}),
});
const components = [...shipped].map((id) => packages.get(id)).sort((a, b) =>
  a.name.localeCompare(b.name) || a.version.localeCompare(b.version)).map(crate);

const me = packages.get(self);
const tables = readFileSync(path.join(root, 'src/engine/data/tables.rs'), 'utf8').match(/FINGERPRINT: &str =\s*"([0-9a-f]{64})"/)[1];
components.push({
  type: 'data',
  'bom-ref': 'reference-data',
  name: 'growth reference LMS tables (UK90, WHO 2006/2007, CDC 2000, Turner, trisomy 21 UK and US)',
  version: 'rcpchgrowth 4.6.5',
  description: 'Embedded in the .wasm; the hash is buildInfo().reference_data_fingerprint (see REFERENCE-DATA.md)',
  hashes: [{ alg: 'SHA-256', content: tables }],
});
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const binaryen = lock.packages['node_modules/binaryen'];
const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim().split(' ');
const wasmBindgen = packages.get([...shipped].find((id) => packages.get(id).name === 'wasm-bindgen')).version;
const tool = (name, version, extra = {}) => ({ type: 'application', name, version, ...extra });

const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: {
    component: {
      type: 'library',
      'bom-ref': `pkg:npm/centile@${me.version}`,
      name: 'centile',
      version: me.version,
      licenses: [{ expression: me.license }],
      purl: `pkg:npm/centile@${me.version}`,
      properties: [{ name: 'centile:commit', value: process.env.CENTILE_GIT_COMMIT ?? 'unknown' }],
    },
    tools: {
      components: [
        tool('rustc', rustc[1], { description: rustc.slice(1).join(' ') }),
        tool('wasm-bindgen-cli', wasmBindgen, { purl: `pkg:cargo/wasm-bindgen-cli@${wasmBindgen}` }),
        tool('binaryen', binaryen.version, { purl: `pkg:npm/binaryen@${binaryen.version}`,
          hashes: [{ alg: 'SHA-512', content: Buffer.from(binaryen.integrity.replace(/^sha512-/, ''), 'base64').toString('hex') }] }),
      ],
    },
  },
  components,
  dependencies: [
    { ref: `pkg:npm/centile@${me.version}`, dependsOn: [...normal(self).map((id) => purl(packages.get(id))), 'reference-data'].sort() },
    ...[...shipped].sort().map((id) => ({ ref: purl(packages.get(id)), dependsOn: normal(id).map((d) => purl(packages.get(d))).sort() })),
  ],
};
writeFileSync(out, JSON.stringify(bom, null, 2) + '\n');

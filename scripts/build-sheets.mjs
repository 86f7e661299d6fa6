// `make sheets`: the spreadsheet functions (sheets/) built around the engine as plain JavaScript (pkg/js/index.cjs,
// which `make pkg` builds), into target/sheets/:
//
//   google/           an Apps Script project for `clasp push`: appsscript.json (V8), centile.js (the engine),
//                     functions.js (sheets/core.js, the Google host and the functions with their JSDoc)
//   google-paste/Code.gs   the same in one file, to paste into Extensions > Apps Script
//   excel/            the Office custom-functions add-in: manifest.xml, functions.json (generated from the JSDoc by
//                     Microsoft's custom-functions-metadata), functions.js (engine, core, Excel host, functions),
//                     functions.html and two icons; CENTILE_EXCEL_URL (default https://localhost:3000) is where
//                     these files will be served
//
// Microsoft's tools (sheets/package.json, pinned by its lockfile) are installed by `npm ci` when missing; both run
// offline here (their manifest validation calls a web service, so the manifest is read with their parser instead).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync, crc32 } from 'node:zlib';
import path from 'node:path';
import { FUNCTIONS } from '../sheets/functions.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = (...p) => readFileSync(path.join(root, 'sheets', ...p), 'utf8');
const out = path.join(root, 'target/sheets');
const engineFile = path.join(root, 'pkg/js/index.cjs');
if (!existsSync(engineFile)) throw new Error('pkg/js/index.cjs is missing: run `make pkg` first');
const engine = readFileSync(engineFile, 'utf8');
const version = readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const baseUrl = (process.env.CENTILE_EXCEL_URL || 'https://localhost:3000').replace(/\/+$/, '');

const tools = path.join(root, 'sheets');
if (!existsSync(path.join(tools, 'node_modules/custom-functions-metadata'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools, stdio: 'inherit' });
}
const require = createRequire(path.join(tools, 'package.json'));
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
const { OfficeAddinManifest } = require('office-addin-manifest');

const banner = (what) => `// centile ${version}: ${what}. Built by \`make sheets\` from sheets/ (AGPL-3.0-or-later); no network calls.\n`;
const jsdoc = (lines) => `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */`;
const call = (host, f) => `  return ${host}.${f.run}({ ${f.params.map((p) => `${p.name}: ${p.name}`).join(', ')} });`;

/** Apps Script: the sheet's autocomplete shows the description and each @param. */
function googleFunction(f) {
  return `${jsdoc([
    f.doc, '',
    ...f.params.map((p) => `@param ${p.optional ? `[${p.name}]` : p.name} ${p.doc}${p.optional ? ' (optional)' : ''}`),
    `@return ${f.returns}`,
    '@customfunction',
  ])}
function ${f.google}(${f.params.map((p) => p.name).join(', ')}) {
${call('centileGoogle', f)}
}`;
}

/** Excel: custom-functions-metadata reads the id after @customfunction, the types and [optional] parameters. */
function excelFunction(f) {
  return `${jsdoc([
    f.doc,
    `@customfunction ${f.excel} ${f.excel}`,
    ...f.params.map((p) => `@param {any[][]} ${p.optional ? `[${p.name}]` : p.name} ${p.doc}`),
    `@returns {any[][]} ${f.returns}`,
  ])}
function ${f.google}(${f.params.map((p) => p.name).join(', ')}) {
${call('centileExcel', f)}
}`;
}

/** A square PNG of one colour (the add-in's icons). */
function png(size, [r, g, b]) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4); header[8] = 8; header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3).map((_, i) => [r, g, b][i % 3])]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

rmSync(out, { recursive: true, force: true });
for (const dir of ['google', 'google-paste', 'excel', 'work']) mkdirSync(path.join(out, dir), { recursive: true });
const write = (file, text) => writeFileSync(path.join(out, file), text);
const core = src('core.js');

// Google Sheets.
const googleFunctions = [banner('Google Sheets custom functions (with centile.js, the engine)'), '/** @OnlyCurrentDoc */',
  core, src('google/host.js'), ...FUNCTIONS.map(googleFunction)].join('\n');
write('google/appsscript.json', src('google/appsscript.json'));
write('google/centile.js', banner('the engine as plain JavaScript (centile/js)') + engine);
write('google/functions.js', googleFunctions);
write('google-paste/Code.gs', `${banner('Google Sheets custom functions and the engine, in one file to paste')}${engine}\n${googleFunctions}`);

// Excel.
const excelFunctions = FUNCTIONS.map(excelFunction).join('\n');
write('work/excel-functions.js', excelFunctions);
const metadata = await generateCustomFunctionsMetadata(path.join(out, 'work/excel-functions.js'), false);
if (metadata.errors.length) throw new Error(`custom-functions-metadata:\n${metadata.errors.join('\n')}`);
const ids = JSON.parse(metadata.metadataJson).functions.map((f) => f.id);
if (ids.join() !== FUNCTIONS.map((f) => f.excel).join()) throw new Error(`functions.json lists ${ids.join(', ')}`);
write('excel/functions.json', metadata.metadataJson);
write('excel/functions.js', [banner('Excel custom functions (the engine included)'), engine, core, src('excel/host.js'), excelFunctions,
  ...FUNCTIONS.map((f) => `CustomFunctions.associate(${JSON.stringify(f.excel)}, ${f.google});`)].join('\n'));
write('excel/functions.html', src('excel/functions.html'));
write('excel/manifest.xml', src('excel/manifest.xml').replaceAll('BASE_URL', baseUrl).replace('VERSION', `${version.split('-')[0]}.0`));
writeFileSync(path.join(out, 'excel/icon-32.png'), png(32, [0x0d, 0x59, 0x7f]));
writeFileSync(path.join(out, 'excel/icon-64.png'), png(64, [0x0d, 0x59, 0x7f]));
const manifest = await OfficeAddinManifest.readManifestFile(path.join(out, 'excel/manifest.xml'));
if (manifest.id !== '2e1fbad6-ac09-4ca0-97ee-a0c8c29f0cc0' || !manifest.hosts?.includes('Workbook')) {
  throw new Error(`office-addin-manifest read the manifest as ${JSON.stringify(manifest)}`);
}
rmSync(path.join(out, 'work'), { recursive: true, force: true });

for (const file of ['google/functions.js', 'google-paste/Code.gs', 'excel/functions.js']) {
  const text = readFileSync(path.join(out, file), 'utf8');
  const network = ['UrlFetchApp', 'fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon'].filter((w) => text.includes(w));
  if (network.length) throw new Error(`${file} mentions ${network.join(', ')}`);
}
console.log(`target/sheets: ${FUNCTIONS.length} functions for Google Sheets (google/, google-paste/Code.gs) and Excel (excel/, served from ${baseUrl})`);

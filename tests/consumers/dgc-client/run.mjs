// A dGC client written as the RCPCH client is (tests/consumers/dgc-client/app: an axios instance with baseURL,
// .then/.catch, error.response read in the handler), whose only change from the API-calling version is the
// adapter line in src/api.js, built with Vite 5 against RCPCH chart component 7.4.3 and 7.5.2 (chart-<version>/,
// pinned lockfiles) and run in Chromium from 127.0.0.1. Each app must plot a UK-WHO preterm child across the
// 2-year join, a CDC child with mid-parental height, a flagged implausible value and the WHO fictional child,
// show the server's error for an invalid date, and make no request beyond 127.0.0.1 (its baseURL is the public
// API's). Prints "ok - …" / "not ok - …" lines and "N passed, N failed".
//
//   node tests/consumers/dgc-client/run.mjs                     run both apps
//   node tests/consumers/dgc-client/run.mjs --update-lockfiles  regenerate the committed lockfiles
import { execFile as execFileCb } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../../../www-demo/serve.mjs';

const execFile = promisify(execFileCb);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../../..');
const VERSIONS = ['7.4.3', '7.5.2'];
const QUIET = { npm_config_update_notifier: 'false', NO_COLOR: '1' };
const run = (cmd, args, cwd) => execFile(cmd, args, { cwd, env: { ...process.env, ...QUIET }, maxBuffer: 64 << 20 })
  .catch((e) => { throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`); });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try {
    await fn();
    results.passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    results.failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split('\n').join('\n  ')}`);
  }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

if (!existsSync(path.join(root, 'pkg/dgc/axios.js'))) throw new Error('build the package first (make pkg)');
const work = mkdtempSync(path.join(tmpdir(), 'centile-dgc-client-'));
const { stdout: packed } = await npm(['pack', '--silent', '--pack-destination', work], path.join(root, 'pkg'));
renameSync(path.join(work, packed.trim().split('\n').at(-1)), path.join(work, 'centile.tgz'));

/** The app with chart component `version`: its sources and its package.json and lockfile. */
function project(version) {
  const dir = path.join(work, version);
  cpSync(path.join(here, 'app'), dir, { recursive: true });
  cpSync(path.join(here, '../rcpch-chart.jsx'), path.join(dir, 'src/rcpch-chart.jsx'));
  for (const f of ['package.json', 'package-lock.json']) {
    const from = path.join(here, `chart-${version}`, f);
    if (existsSync(from)) cpSync(from, path.join(dir, f));
  }
  return dir;
}

if (process.argv.includes('--update-lockfiles')) {
  for (const version of VERSIONS) {
    const dir = project(version);
    await npm(['install', '--package-lock-only', '--ignore-scripts'], dir);
    const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    delete lock.packages['node_modules/centile'].integrity; // the tarball changes with every build
    writeFileSync(path.join(here, `chart-${version}`, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`updated tests/consumers/dgc-client/chart-${version}/package-lock.json`);
  }
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];
const isLocal = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || /^(data|blob):/.test(u);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

for (const version of VERSIONS) {
  const dir = project(version);
  let built = false;
  await check(`chart ${version}: npm ci from the committed lockfile and vite build`, async () => {
    await npm(['ci', '--prefer-offline'], dir);
    await npm(['run', 'build'], dir);
    const installed = (name) => JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    assert(installed('@rcpch/digital-growth-charts-react-component-library') === version, 'chart component version');
    assert(installed('vite').startsWith('5.'), `vite ${installed('vite')}`);
    built = true;
  });
  if (!built) continue;
  const server = await startServer({ roots: { '/': path.join(dir, 'dist') } });
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (r) => (isLocal(r.request().url()) ? r.continue() : r.abort('blockedbyclient')));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelectorAll('section').length === 5
      && [...document.querySelectorAll('section')].every((s) => s.dataset.status !== 'loading'), null, { timeout: 60000 });
    const sections = await page.$$eval('section', (list) => Object.fromEntries(list.map((s) => [s.id, {
      status: s.dataset.status, httpStatus: s.dataset.httpStatus, ages: s.dataset.ages.split(' ').filter(Boolean).map(Number),
      text: s.innerText, svgs: s.querySelectorAll('svg').length,
      marks: s.querySelectorAll('svg path, svg circle').length,
    }])));
    const plotted = (id) => {
      const s = sections[id];
      assert(s.status === 'ok', `${id}: ${s.status} ${s.text.slice(0, 300)}`);
      assert(s.svgs > 0 && s.marks > 10, `${id}: no chart drawn (${s.svgs} svg, ${s.marks} marks)`);
      assert(!/could not be displayed/i.test(s.text), `${id}: the chart component failed: ${s.text.slice(0, 300)}`);
      return s;
    };
    await check(`chart ${version}: a UK-WHO preterm child plotted across the 2-year join`, async () => {
      const s = plotted('preterm');
      assert(s.ages.length === 5 && s.ages.some((a) => a < 2) && s.ages.some((a) => a > 2), `corrected ages ${s.ages}`);
    });
    await check(`chart ${version}: a CDC child with mid-parental height`, async () => { plotted('cdc'); });
    await check(`chart ${version}: a flagged implausible value, plotted with its flag`, async () => {
      const s = plotted('flagged');
      assert(/8 SDS/.test(s.text), `no flag shown: ${s.text.slice(0, 300)}`);
    });
    await check(`chart ${version}: the WHO fictional child (body reference 'who')`, async () => {
      const s = plotted('who-fictional');
      assert(s.ages.length > 10, `${s.ages.length} observations`);
    });
    await check(`chart ${version}: an invalid date takes the server's error path (AxiosError, error.response 422)`, async () => {
      const s = sections['invalid-date'];
      assert(s.status === 'error' && s.httpStatus === '422', `${s.status} ${s.httpStatus}`);
      assert(s.text.includes('body.observation_date date_from_datetime_parsing'), s.text);
    });
    await check(`chart ${version}: no request beyond 127.0.0.1, no page error`, async () => {
      const remote = requests.filter((u) => !isLocal(u));
      assert(remote.length === 0, `remote requests: ${remote.join(', ')}`);
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    });
  } finally {
    await page.close();
    await server.close();
  }
}
await browser.close();
rmSync(work, { recursive: true, force: true });
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);

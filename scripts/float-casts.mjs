// Fails on any float-to-integer `as` cast in the crate outside `engine::rounding::integer`, natively (with the
// CLI) and for wasm32 (with and without the measurements beyond the dGC API). Such a cast saturates out of range
// in the wasm build, but wasm2js (centile/js) would give INT_MIN: every conversion goes through `integer`, which
// range-checks first, so the builds agree by construction.
// Clippy finds the casts by type (cast_possible_truncation names the source type); `integer` allows its own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const runs = [['--all-targets', '--features', 'cli'], ['--all-targets', '--target', 'wasm32-unknown-unknown'],
  ['--lib', '--target', 'wasm32-unknown-unknown', '--features', 'nutrition']];
const found = new Set();
for (const args of runs) {
  const out = execFileSync('cargo', ['clippy', '--locked', '--message-format=json', ...args, '--',
    '-A', 'clippy::all', '-W', 'clippy::cast_possible_truncation'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line);
    if (m.reason !== 'compiler-message' || !/^casting `f(32|64)` to /.test(m.message.message)) continue;
    const span = m.message.spans.find((s) => s.is_primary) || m.message.spans[0];
    found.add(`${span.file_name}:${span.line_start}: ${m.message.message} (${args.join(' ')})`);
  }
}
for (const f of found) console.error(`${f}: use engine::rounding::integer, which range-checks`);
console.log(`${found.size === 0 ? 1 : 0} passed, ${found.size === 0 ? 0 : 1} failed`);
process.exit(found.size === 0 ? 0 : 1);

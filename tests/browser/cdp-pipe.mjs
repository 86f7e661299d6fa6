// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`), with no client library:
// only the domains a caller sends to are enabled. Playwright enables the Runtime and Network domains on every page
// it opens, and with Runtime enabled a page pays for DevTools' bookkeeping that a user's page does not (a `fetch()`
// from centile/web's bundle took 1.7 ms of main-thread CPU with it against 0.5 without, docs/speed-and-size.md),
// so the cold-start harness (coldstart.mjs) uses this instead.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Starts /usr/bin/chromium headless with `args` and returns the browser's session: `send(method, params,
 * sessionId)` resolves to a command's result (a target's session with `sessionId`, from Target.attachToTarget
 * with `flatten`); the browser session's events are emitted on it (`on`, `once`, `off`), a target session's as
 * `sessionId:method`; `close()` ends the browser.
 */
export async function launch(args = []) {
  const profile = mkdtempSync(path.join(tmpdir(), 'centile-cdp-'));
  const chromium = spawn('/usr/bin/chromium', ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`,
    // As a foreground tab is treated: not slowed as a hidden or background one.
    '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
    ...args, 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [input, output] = [chromium.stdio[3], chromium.stdio[4]];
  const session = new EventEmitter();
  const pending = new Map();
  let next = 0, buffered = '', exited = false;
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  chromium.once('exit', (code, signal) => {
    exited = true;
    failAll(new Error(`Chromium exited (${code ?? signal})`));
  });
  output.setEncoding('utf8');
  output.on('data', (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(`${waiting.method}: ${message.error.message}`));
        else waiting?.resolve(message.result);
      } else {
        session.emit(message.sessionId ? `${message.sessionId}:${message.method}` : message.method, message.params);
      }
    }
  });
  session.send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    if (exited) return reject(new Error(`${method}: Chromium has exited`));
    const id = ++next;
    pending.set(id, { method, resolve, reject });
    input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  });
  session.close = async () => {
    if (!exited) {
      const gone = new Promise((resolve) => chromium.once('exit', resolve));
      await session.send('Browser.close').catch(() => {});
      const timer = setTimeout(() => chromium.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true });
  };
  // The pipe answers once the browser is up.
  await session.send('Browser.getVersion');
  return session;
}

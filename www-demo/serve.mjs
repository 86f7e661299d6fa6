// A static server on 127.0.0.1. By default it serves the built demo app (www-demo/dist, from `make demo`) at /.
// `node www-demo/serve.mjs [port]` prints the URL; tests import startServer({roots, port}).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO = { '/': path.join(here, 'dist') };
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
  '.ts': 'text/plain', '.webmanifest': 'application/manifest+json' };

/** Serves each URL prefix of `roots` from its directory (longest prefix first); resolves to {url, close}. */
export function startServer({ roots = DEMO, port = 0 } = {}) {
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => url.startsWith(p));
    const base = path.resolve(roots[prefix]);
    const rest = url.slice(prefix.length);
    const file = path.join(base, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`centile demo: ${url}  (Ctrl-C to stop)`);
}

// `centile/fetch`: a `fetch`-compatible function that answers the dGC API's routes in process with the status,
// headers and JSON the server sends. Any other URL is refused (a rejected TypeError, as fetch reports a network
// failure), or handed to `fallback` (e.g. globalThis.fetch) when given.
import { absolute, answer, route } from './routes.js';

/** The request's method and body text, from the arguments a fetch function takes (input, init). */
async function read(input, init) {
  const request = typeof Request !== 'undefined' && input instanceof Request ? input : null;
  const method = init.method ?? (request ? request.method : 'GET');
  if (init.body !== undefined && init.body !== null) {
    return { method, body: typeof init.body === 'string' ? init.body : await new Response(init.body).text() };
  }
  return { method, body: request && request.body !== null ? await request.clone().text() : undefined };
}

/**
 * A fetch function answering the dGC routes. `fallback` (a fetch function) receives every other request; without
 * it they are refused. `strict` turns an answer carrying a measurement error into a 422 (see the README).
 */
export function createCentileFetch({ fallback, strict = false } = {}) {
  return async function centileFetch(input, init = {}) {
    const url = absolute(typeof input === 'string' || input instanceof URL ? input : input.url);
    const operation = route(url.pathname);
    if (operation === null) {
      if (fallback !== undefined) return fallback(input, init);
      throw new TypeError(`centile/fetch refused ${url.href}: not a dGC API route, and no fallback fetch was given`);
    }
    const signal = init.signal ?? (typeof input === 'object' && 'signal' in input ? input.signal : null);
    if (signal && signal.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    const { method, body } = await read(input, init);
    const out = answer(operation, method, body, { strict });
    return new Response(out.text, { status: out.status, statusText: out.statusText, headers: out.headers });
  };
}

/** The fetch function without a fallback: only the dGC routes, never the network. */
export const centileFetch = createCentileFetch();

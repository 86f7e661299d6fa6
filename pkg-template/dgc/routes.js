// The dGC API's routes answered in process, shared by centile/axios and centile/fetch: a request (method, URL
// path, body text) gets the status, headers and JSON text the dGC server would send. Copied as it is into pkg/dgc/
// by scripts/build-pkg.mjs; it reaches the engine through the package's default ES module entry.
import {
  bulkCalculation, calculation, chartCoordinates, fictionalChildData, midParentalHeight,
} from '../bundler/index.js';

const BY_REFERENCE = {
  __proto__: null,
  calculation,
  'bulk-calculation': bulkCalculation,
  'chart-coordinates': chartCoordinates,
  'fictional-child-data': fictionalChildData,
};
const STATUS_TEXT = { 200: 'OK', 404: 'Not Found', 405: 'Method Not Allowed', 422: 'Unprocessable Entity', 503: 'Service Unavailable' };

/**
 * The operation a URL path names, or null when it names no dGC route. The route is the path's last two segments
 * (`{reference}/calculation`, …, `utilities/mid-parental-height`), so any base path (`/growth/v1`, a proxy's
 * prefix) is accepted. The operation takes the request body and the caller's options.
 */
export function route(pathname) {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length < 2) return null;
  let segment, name;
  try {
    [segment, name] = parts.slice(-2).map(decodeURIComponent);
  } catch {
    return null; // a malformed escape: no route has it
  }
  if (segment === 'utilities' && name === 'mid-parental-height') return (body, options) => midParentalHeight(body, options);
  const operation = BY_REFERENCE[name];
  return operation === undefined ? null : (body, options) => operation(segment, body, options);
}

/** The response to a request for `operation` (from `route`): `{ status, statusText, headers, text }`. */
export function answer(operation, method, bodyText, options) {
  if (String(method).toUpperCase() !== 'POST') return respond(405, { detail: 'Method Not Allowed' }, { allow: 'POST' });
  const body = parse(bodyText);
  if (body.error) return respond(422, { detail: [body.error] });
  try {
    return respond(200, operation(body.value, options));
  } catch (e) {
    if (!e || e.name !== 'CentileError') throw e;
    // The server has no route for an unknown reference.
    if (e.status === 404) return respond(404, { detail: 'Not Found' });
    return respond(e.status, { detail: e.detail });
  }
}

/** The request body as FastAPI reads it: `{ value }`, or `{ error }` (its 422 item) when missing or not JSON. */
function parse(text) {
  if (text === undefined || text === null || text === '') {
    return { error: { type: 'missing', loc: ['body'], msg: 'Field required', input: null } };
  }
  if (typeof text !== 'string') return { value: text };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const at = /position (\d+)/.exec(String(e && e.message));
    return {
      error: { type: 'json_invalid', loc: ['body', at ? Number(at[1]) : 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } },
    };
  }
}

function respond(status, body, extra = {}) {
  const text = JSON.stringify(body);
  const headers = { 'content-length': String(new TextEncoder().encode(text).length), 'content-type': 'application/json', ...extra };
  return { status, statusText: STATUS_TEXT[status] ?? '', headers, text };
}

/** `url` (absolute, or relative to the page, or to http://localhost/ outside a page) as a URL. */
export function absolute(url) {
  const here = globalThis.location && typeof globalThis.location.href === 'string' ? globalThis.location.href : 'http://localhost/';
  return new URL(String(url), here);
}

// `centile/axios`: an axios adapter that answers the dGC API's routes in process, so a dGC client built on axios
// needs one changed line: `axios.create({ baseURL, adapter: centileAdapter })`. Responses have the server's
// status, headers and JSON; a 4xx rejects with a genuine AxiosError carrying `response.status` and
// `response.data.detail`, as from the server. Any other URL is refused, or handed to `fallback` when given.
import axios, { AxiosError, AxiosHeaders } from 'axios';
import { absolute, answer, route } from './routes.js';

/** The URL axios would request for `config` (its baseURL joined to its url, as axios joins them). */
function requestUrl(config) {
  const url = config.url === undefined ? '' : String(config.url);
  const joinable = config.baseURL && (!/^([a-z][a-z\d+\-.]*:)?\/\//i.test(url) || config.allowAbsoluteUrls === false);
  return joinable ? `${String(config.baseURL).replace(/\/?\/$/, '')}/${url.replace(/^\/+/, '')}` : url;
}

/**
 * An axios adapter answering the dGC routes. `fallback` (an axios adapter, or a name such as 'xhr' or 'fetch')
 * receives every other request; without it they are refused, and nothing goes to the network. `strict` turns an
 * answer carrying a measurement error into a 422 (see the README).
 */
export function createCentileAdapter({ fallback, strict = false } = {}) {
  const network = fallback === undefined ? null : typeof fallback === 'function' ? fallback : axios.getAdapter(fallback);
  return async function centileAdapter(config) {
    const url = absolute(requestUrl(config));
    const operation = route(url.pathname);
    if (operation === null) {
      if (network !== null) return network(config);
      throw new AxiosError(`centile/axios refused ${url.href}: not a dGC API route, and no fallback adapter was given`, AxiosError.ERR_NETWORK, config);
    }
    if (config.signal && config.signal.aborted) throw new axios.CanceledError(null, config);
    const out = answer(operation, config.method ?? 'get', config.data, { strict });
    const response = { data: out.text, status: out.status, statusText: out.statusText, headers: new AxiosHeaders(out.headers), config, request: {} };
    if (!config.validateStatus || config.validateStatus(out.status)) return response;
    const code = out.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
    throw new AxiosError(`Request failed with status code ${out.status}`, code, config, response.request, response);
  };
}

/** The adapter without a fallback: only the dGC routes, never the network. */
export const centileAdapter = createCentileAdapter();

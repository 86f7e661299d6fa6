// Hostile input for the adapters around the engine, to the engine's standard: centile/fetch and centile/axios
// with any URL, method and body. Every failure is the documented one (the server's status with a JSON body, an
// AxiosError for a 4xx, fetch's TypeError for a URL that is not a dGC route), never another exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { xorshift32 } from '../common/random.mjs';

const require = createRequire(import.meta.url);
const { centileFetch } = await import('../../pkg/dgc/fetch.js');
const { createCentileAdapter } = await import('../../pkg/dgc/axios.js');
const axios = require('axios');

const rand = xorshift32(424242);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const weird = () => pick([undefined, null, NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, 40, 1e9, '', 'x',
  '2020-02-30', '2020-01-01', 'male', 'female', 'height', 'weight', 'bmi', 'ofc', 'uk-who', 'sds', 'centile', 'both', 'whole',
  true, false, [], [1, 2], [0, 1e308], [-1, 2], {}, { a: 1 }, '__proto__', 'toString', '\ud800', 'x'.repeat(10000),
  Symbol('s'), 10n, () => 1, new Date(0), new Proxy({}, {})]);

const PATHS = ['/uk-who/calculation', '/who/bulk-calculation', '/cdc/chart-coordinates', '/uk-who/fictional-child-data',
  '/utilities/mid-parental-height', '/mars/calculation', '/api/v1/uk-who/calculation', '/%ZZ/calculation', '/uk-who/%E0%A4%A',
  '/', '/uk-who', '/uk-who/calculation/extra', '/turner/chart-coordinates'];
// What JSON can carry of weird().
const json = () => { const v = weird(); return ['bigint', 'symbol', 'function'].includes(typeof v) ? null : v; };
const BODIES = () => pick([undefined, '', 'null', '{', '[]', '1e308', '"x"', '{"a":' .repeat(200), JSON.stringify({
  birth_date: json(), observation_date: json(), observation_value: json(), sex: json(), measurement_method: json(),
  gestation_weeks: json(), observations: [{ observation_date: json(), observation_value: json() }], centile_format: json(),
  is_sds: json(), height_maternal: json(), height_paternal: json(), end_age: json() }), JSON.stringify({
  birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' })]);

test('centile/fetch: any URL, method and body gives the server\'s status and JSON, or refuses a non-dGC URL', async () => {
  const statuses = {};
  for (let i = 0; i < 1500; i++) {
    const path = pick(PATHS), method = pick(['POST', 'POST', 'GET', 'PUT', 'post', '', 'DELETE']);
    const init = { method, body: method === 'GET' ? undefined : BODIES(), headers: { 'content-type': 'application/json' } };
    let response;
    try {
      response = await centileFetch(`http://localhost${path}`, init);
    } catch (e) {
      assert.ok(e instanceof TypeError && /not a dGC API route/.test(e.message), `${path} ${method}: ${e && e.name}: ${e && e.message}`);
      statuses.refused = (statuses.refused || 0) + 1;
      continue;
    }
    assert.ok([200, 404, 405, 422].includes(response.status), `${path} ${method}: ${response.status}`);
    JSON.parse(await response.text());
    statuses[response.status] = (statuses[response.status] || 0) + 1;
  }
  console.log(`centile/fetch: ${JSON.stringify(statuses)}`);
  assert.ok(statuses[200] > 10 && statuses[422] > 10 && statuses[404] > 10 && statuses[405] > 10);
});

test('centile/axios: hostile requests are answered with the server\'s status, as AxiosErrors for 4xx', async () => {
  const client = axios.create({ adapter: createCentileAdapter(), baseURL: 'http://localhost' });
  let answered = 0;
  for (let i = 0; i < 600; i++) {
    const path = pick(PATHS.filter((p) => !p.includes('%') && p !== '/' && p !== '/uk-who' && !p.endsWith('extra')));
    try {
      const r = await client.request({ url: path, method: pick(['post', 'post', 'get']), data: BODIES(), transformRequest: [(d) => d] });
      assert.equal(r.status, 200);
      answered++;
    } catch (e) {
      assert.ok(axios.isAxiosError(e) && [404, 405, 422].includes(e.response?.status), `${path}: ${e && e.name}: ${e && e.message}`);
    }
  }
  assert.ok(answered > 10);
});

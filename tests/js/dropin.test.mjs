// centile/axios and centile/fetch: a dGC client's axios instance or fetch calls answered in process, with the
// statuses, headers and JSON bodies of the server, genuine AxiosErrors for 4xx, and nothing sent to the network
// unless a fallback is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import axios, { AxiosError } from 'axios';
import { centileAdapter, createCentileAdapter } from '../../pkg/dgc/axios.js';
import { centileFetch, createCentileFetch } from '../../pkg/dgc/fetch.js';
import * as centile from '../../pkg/bundler/index.js';

const BASES = ['http://127.0.0.1:8000', 'https://api.rcpch.ac.uk/growth/v1', '/growth/v1'];
const child = { birth_date: '2020-01-01', observation_date: '2021-06-01', observation_value: 80, sex: 'female', measurement_method: 'height', gestation_weeks: 34, gestation_days: 2 };
const chart = { sex: 'male', measurement_method: 'height', centile_format: 'cole-nine-centiles' };
const parents = { height_paternal: 180, height_maternal: 165, sex: 'male', reference: 'cdc' };
const fictional = { measurement_method: 'weight', sex: 'male', start_chronological_age: 0, end_age: 4, measurement_interval_number: 6, reference: 'who' };
const roundTrip = (x) => JSON.parse(JSON.stringify(x));
const dgc = (baseURL, adapter = centileAdapter) => axios.create({ baseURL, adapter });

test('axios: every route, under each base path, answers 200 with the JSON of the direct call', async () => {
  for (const base of BASES) {
    const api = dgc(base);
    const cases = [
      ['/uk-who/calculation', child, centile.calculation('uk-who', child)],
      ['uk-who/chart-coordinates', chart, centile.chartCoordinates('uk-who', chart)],
      ['/utilities/mid-parental-height', parents, centile.midParentalHeight(parents)],
      ['/who/fictional-child-data', fictional, centile.fictionalChildData('who', { ...fictional })],
      ['/turner/calculation', { ...child, gestation_weeks: 40, gestation_days: 0, observation_date: '2024-01-01', observation_value: 95 },
        centile.calculation('turner', { ...child, gestation_weeks: 40, gestation_days: 0, observation_date: '2024-01-01', observation_value: 95 })],
    ];
    for (const [url, body, want] of cases) {
      const response = await api.post(url, body);
      assert.equal(response.status, 200, `${base} ${url}`);
      assert.equal(response.statusText, 'OK');
      assert.equal(response.headers['content-type'], 'application/json');
      assert.equal(Number(response.headers['content-length']), Buffer.byteLength(JSON.stringify(response.data)));
      assert.deepEqual(response.data, roundTrip(want), `${base} ${url}`);
    }
  }
});

test('axios: the empty lines of a CDC mid-parental chart are [] (the chart component throws on null)', async () => {
  const { data } = await dgc(BASES[0]).post('/utilities/mid-parental-height', parents);
  const lines = data.mid_parental_height_centile_data.flatMap((segment) => Object.values(segment).flatMap((bySex) =>
    Object.values(bySex).filter(Boolean).flatMap((byMethod) => Object.values(byMethod).filter(Boolean).flat())));
  assert.ok(lines.length > 0);
  for (const line of lines) assert.ok(Array.isArray(line.data), JSON.stringify(line).slice(0, 200));
  assert.ok(lines.some((line) => line.data.length === 0), 'the Fenton segment has no mid-parental points');
});

test('axios: a 422 rejects with a genuine AxiosError whose response carries the detail, read as from the server', async () => {
  const api = dgc(BASES[1]);
  const error = await api.post('/uk-who/calculation', { ...child, observation_date: '2021-02-30' }).then(() => null, (e) => e);
  assert.ok(error instanceof AxiosError && axios.isAxiosError(error));
  assert.equal(error.code, AxiosError.ERR_BAD_REQUEST);
  assert.equal(error.message, 'Request failed with status code 422');
  assert.equal(error.response.status, 422);
  assert.equal(error.response.statusText, 'Unprocessable Entity');
  assert.deepEqual(error.response.data.detail.map((d) => [d.type, d.loc]), [['date_from_datetime_parsing', ['body', 'observation_date']]]);
  // validateStatus is honoured as axios's own adapters honour it.
  const kept = await api.post('/uk-who/calculation', { sex: 'female' }, { validateStatus: () => true });
  assert.equal(kept.status, 422);
  assert.ok(kept.data.detail.length >= 1);
});

test('axios: an unknown reference is a 404 Not Found, another method a 405, a missing or broken body a 422', async () => {
  const api = dgc(BASES[0]);
  const status = (p) => p.then((r) => [r.status, r.data], (e) => [e.response.status, e.response.data]);
  assert.deepEqual(await status(api.post('/nonsense/calculation', child)), [404, { detail: 'Not Found' }]);
  // The direct call says the same with its status.
  assert.throws(() => centile.calculation('nonsense', child), (e) => e instanceof centile.CentileError && e.status === 404);
  assert.throws(() => centile.chartCoordinates('nonsense', chart), (e) => e.status === 404);
  assert.deepEqual(await status(api.get('/uk-who/calculation')), [405, { detail: 'Method Not Allowed' }]);
  assert.deepEqual(await status(api.post('/uk-who/calculation')),
    [422, { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] }]);
  // Broken JSON: axios sends text it cannot parse as a JSON string (so the server reads a string, not an object).
  const [code, body] = await status(api.post('/uk-who/calculation', '{"sex":', { headers: { 'content-type': 'application/json' } }));
  assert.equal(code, 422);
  assert.deepEqual(body.detail.map((d) => [d.type, d.loc]), [['model_attributes_type', ['body']]]);
  const broken = await centileFetch('http://127.0.0.1:8000/uk-who/calculation', { method: 'POST', body: '{"sex":' });
  assert.equal(broken.status, 422);
  assert.equal((await broken.json()).detail[0].type, 'json_invalid');
});

test('axios: any other URL is refused without a network request, or handed to the fallback', async () => {
  const error = await dgc(BASES[0]).get('/').then(() => null, (e) => e);
  assert.ok(error instanceof AxiosError);
  assert.equal(error.code, AxiosError.ERR_NETWORK);
  assert.equal(error.response, undefined);
  assert.match(error.message, /refused http:\/\/127\.0\.0\.1:8000\/: not a dGC API route/);
  const seen = [];
  const fallback = async (config) => { seen.push(config.url); return { data: 'spec', status: 200, statusText: 'OK', headers: {}, config }; };
  const api = dgc(BASES[0], createCentileAdapter({ fallback }));
  assert.equal((await api.get('/openapi.json')).data, 'spec');
  assert.equal((await api.post('/cdc/calculation', { ...child, gestation_weeks: 40, gestation_days: 0 })).status, 200);
  assert.deepEqual(seen, ['/openapi.json']);
});

test('fetch: the routes answer with the server status, headers and JSON; other URLs are refused or passed on', async () => {
  const post = (f, url, body) => f(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let response = await post(centileFetch, 'https://api.rcpch.ac.uk/growth/v1/uk-who/calculation', child);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.deepEqual(await response.json(), roundTrip(centile.calculation('uk-who', child)));
  response = await centileFetch(new Request('http://127.0.0.1:8000/cdc/chart-coordinates', { method: 'POST', body: JSON.stringify(chart) }));
  assert.deepEqual(await response.json(), roundTrip(centile.chartCoordinates('cdc', chart)));
  response = await post(centileFetch, 'http://127.0.0.1:8000/uk-who/calculation', { ...child, birth_date: '2020/01/01' });
  assert.equal(response.status, 422);
  assert.equal(response.ok, false);
  assert.deepEqual((await response.json()).detail.map((d) => [d.type, d.loc]), [['value_error', ['body', 'birth_date']]]);
  assert.equal((await post(centileFetch, 'http://127.0.0.1:8000/who-2006/calculation', child)).status, 404);
  await assert.rejects(centileFetch('https://example.org/anything'), (e) => e instanceof TypeError && /refused https:\/\/example\.org\/anything/.test(e.message));
  const seen = [];
  const fallback = async (input) => { seen.push(String(input)); return new Response('elsewhere'); };
  assert.equal(await (await createCentileFetch({ fallback })('https://example.org/x')).text(), 'elsewhere');
  assert.deepEqual(seen, ['https://example.org/x']);
});

test('a flagged value answers 200 with its numbers and flag, as the server; strict mode makes it a 422', async () => {
  const implausible = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 69, sex: 'male', measurement_method: 'ofc' };
  const { status, data } = await dgc(BASES[0]).post('/uk-who/calculation', implausible);
  assert.equal(status, 200);
  assert.notEqual(data.child_observation_value.observation_value_error, null);
  assert.equal(data.plottable_data.centile_data.chronological_decimal_age_data.observation_error, data.child_observation_value.observation_value_error);
  assert.ok(data.measurement_calculated_values.corrected_sds > 8);
  const error = await dgc(BASES[0], createCentileAdapter({ strict: true })).post('/uk-who/calculation', implausible).then(() => null, (e) => e);
  assert.equal(error.response.status, 422);
  assert.deepEqual(error.response.data.detail.map((d) => [d.type, d.loc]), [['value_error', ['body', 'observation_value']]]);
  const strictFetch = createCentileFetch({ strict: true });
  const response = await strictFetch('/uk-who/calculation', { method: 'POST', body: JSON.stringify(implausible) });
  assert.equal(response.status, 422);
});

test('the RCPCH client\'s own call, axios({ url, data, method, headers }), answered once axios.defaults.adapter is set', async () => {
  const previous = axios.defaults.adapter;
  axios.defaults.adapter = centileAdapter;
  try {
    const response = await axios({ url: 'https://api.rcpch.ac.uk/growth/v1/uk-who/calculation', data: child, method: 'POST',
      headers: { 'Content-Type': 'application/json' } });
    assert.deepEqual(response.data, roundTrip(centile.calculation('uk-who', child)));
  } finally {
    axios.defaults.adapter = previous;
  }
});

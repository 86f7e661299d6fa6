// The types in pkg/index.d.ts against what the built package really returns. The TypeScript compiler API reads
// the declarations; for a set of real results (every reference, term and preterm, BMI, a missing chronological
// SDS, bone age and events, a bulk result with error entries, fictional children, charts, mid-parental heights,
// errors) each object must have exactly the declared keys (all required ones, no undeclared ones; recursively),
// each value must be of the declared kind (string-literal unions included), and null may appear only where the
// type allows it.
// Also: the declarations compile under --strict, and each entry point exports exactly what its .d.ts declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const pkg = path.join(root, 'pkg');
const centile = createRequire(import.meta.url)(path.join(pkg, 'node/index.cjs'));

const files = ['index.d.ts', 'index.d.cts', 'web.d.ts'].map((f) => path.join(pkg, f));
const program = ts.createProgram(files, {
  strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [],
});
const checker = program.getTypeChecker();
const exportsOf = (file) => new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)))
  .map((s) => [s.name, s]));
const declared = exportsOf(files[0]);
const typeNamed = (name) => {
  const symbol = declared.get(name);
  assert.ok(symbol, `pkg/index.d.ts exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
};
const returnOf = (fn) => {
  const [signature, ...more] = checker.getTypeOfSymbol(declared.get(fn)).getCallSignatures();
  assert.equal(more.length, 0, `${fn} is overloaded`);
  return signature.getReturnType();
};
const show = (t) => checker.typeToString(t);

// Properties seen, for the report: "Interface.key" → {null, value}.
const seen = new Map();
const note = (owner, key, isNull) => {
  const k = `${owner}.${key}`;
  const s = seen.get(k) ?? { null: 0, value: 0 };
  s[isNull ? 'null' : 'value']++;
  seen.set(k, s);
};
const isObjectType = (t) => (t.flags & ts.TypeFlags.Object) !== 0;
const ownerName = (t) => t.aliasSymbol?.name ?? t.symbol?.name ?? show(t);
const props = (t) => checker.getPropertiesOfType(t);
const optional = (p) => (p.flags & ts.SymbolFlags.Optional) !== 0;

// Whether `value` could be of the (non-null) member type `t`, without recursing: used to pick a union member.
function fits(value, t) {
  const f = t.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  if (f & ts.TypeFlags.StringLiteral) return value === t.value;
  if (f & ts.TypeFlags.NumberLiteral) return value === t.value;
  if (f & ts.TypeFlags.BooleanLiteral) return value === (t.intrinsicName === 'true');
  if (f & ts.TypeFlags.String) return typeof value === 'string';
  if (f & ts.TypeFlags.Number) return typeof value === 'number';
  if (f & ts.TypeFlags.Boolean) return typeof value === 'boolean';
  if (checker.isArrayType(t) || checker.isTupleType(t)) return Array.isArray(value);
  if (t.symbol?.name === 'Float64Array') return value instanceof Float64Array;
  if (isObjectType(t)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const names = new Set(props(t).map((p) => p.name));
    return Object.keys(value).every((k) => names.has(k)) && props(t).every((p) => optional(p) || p.name in value);
  }
  return false;
}

/** Checks `value` against type `t`; returns a list of problems, each with its path. */
function check(value, t, where, problems = []) {
  const bad = (msg) => problems.push(`${where}: ${msg}`);
  if (value === undefined) return bad(`undefined where ${show(t)} is declared`), problems;
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return problems;
  if (value === null) {
    const allows = t.flags & ts.TypeFlags.Null || (t.isUnion() && t.types.some((m) => m.flags & ts.TypeFlags.Null));
    if (!allows) bad(`null, but the type ${show(t)} does not allow null`);
    return problems;
  }
  const type = checker.getNonNullableType(t);
  if (type.flags & ts.TypeFlags.Never) return bad(`${JSON.stringify(value)} where only null is declared`), problems;
  if (type.isUnion()) {
    const candidates = type.types.filter((m) => fits(value, m));
    if (candidates.length === 0) return bad(`${JSON.stringify(value)?.slice(0, 200)} is none of ${show(type)}`), problems;
    // Several literal or primitive candidates are all fine; several object types must not be ambiguous.
    if (candidates.length > 1 && candidates.every(isObjectType)) {
      return bad(`ambiguous between ${candidates.map(show).join(', ')}`), problems;
    }
    return check(value, candidates[0], where, problems);
  }
  if (!fits(value, type)) {
    if (isObjectType(type) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const names = props(type).map((p) => p.name);
      const extra = Object.keys(value).filter((k) => !names.includes(k));
      const missing = props(type).filter((p) => !optional(p) && !(p.name in value)).map((p) => p.name);
      return bad(`keys differ from ${ownerName(type)}: undeclared [${extra}], missing [${missing}]`), problems;
    }
    return bad(`${JSON.stringify(value)?.slice(0, 200)} is not ${show(type)}`), problems;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) bad(`${value} is not a finite number`);
  if (Array.isArray(value)) {
    const element = checker.getTypeArguments(type)[0];
    value.forEach((v, i) => check(v, element, `${where}[${i}]`, problems));
  } else if (isObjectType(type) && type.symbol?.name !== 'Float64Array') {
    for (const p of props(type)) {
      if (!(p.name in value)) continue;
      note(ownerName(type), p.name, value[p.name] === null);
      check(value[p.name], checker.getTypeOfSymbol(p), `${where}.${p.name}`, problems);
    }
  }
  return problems;
}

const expectFits = (value, t, name) => {
  const problems = check(value, t, name);
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} mismatches with the declared type ${show(t)}`);
};
const thrown = (fn) => {
  try { fn(); } catch (e) { return e; }
  assert.fail('expected a CentileError');
};

// ---------------------------------------------------------------------------------------------- samples

const child = (reference, birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days, extra = {}) =>
  [reference, { birth_date, observation_date, sex, measurement_method, observation_value, gestation_weeks, gestation_days, ...extra }];
const calculations = [
  child('uk-who', '2018-03-14', '2028-03-14', 'male', 'height', 140, 40, 0),
  child('uk-who', '2020-01-01', '2020-03-01', 'male', 'height', 50, 30, 2), // preterm, before the due date
  child('uk-who', '2018-03-14', '2018-07-12', 'female', 'weight', 3.2, 28, 4), // preterm, far below the median
  child('uk-who', '2018-03-14', '2026-03-14', 'female', 'bmi', 18.5, 40, 0),
  child('uk-who', '2000-01-01', '2017-01-20', 'female', 'ofc', 55, 24, 0), // no chronological SDS (beyond 17 y)
  child('uk-who', '2019-05-01', '2021-06-01', 'male', 'weight', 12.5, 33, 1, {
    bone_age: 2.5, bone_age_type: 'greulich-pyle', bone_age_sds: 0.4, bone_age_centile: 65.5, bone_age_text: 'read by X',
    events_text: ['started growth hormone', 'fracture'],
  }),
  child('who', '2019-01-01', '2020-01-01', 'female', 'height', 74, 40, 0),
  child('who', '2019-01-01', '2019-04-01', 'male', 'weight', 5.1, 32, 0), // preterm, corrected until 2
  child('who', '2010-01-01', '2024-01-01', 'male', 'bmi', 20, 39, 0),
  child('cdc', '2015-06-15', '2025-06-15', 'female', 'bmi', 24, 40, 0),
  child('cdc', '2015-06-15', '2016-01-15', 'male', 'ofc', 44, 35, 3),
  child('cdc', '2015-06-15', '2030-06-15', 'male', 'height', 175, 40, 0),
  child('turners-syndrome', '2012-02-29', '2020-02-29', 'female', 'height', 112, 40, 0),
  child('turner', '2012-02-29', '2022-08-31', 'female', 'height', 125, 36, 5),
  child('trisomy-21', '2016-01-01', '2021-01-01', 'male', 'weight', 17, 40, 0),
  child('trisomy-21', '2016-01-01', '2016-05-01', 'female', 'height', 55, 29, 6),
  child('trisomy-21-aap', '2016-01-01', '2026-01-01', 'female', 'bmi', 19, 40, 0),
  child('trisomy-21-aap', '2016-01-01', '2017-01-01', 'male', 'ofc', 44, 34, 0),
];

test('the declarations compile under --strict', () => {
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(diagnostics, []);
});

test('each entry point exports exactly what its declarations name', async () => {
  const valueExports = (file) => [...exportsOf(file).values()]
    .filter((s) => (checker.getSymbolFlags?.(s) ?? (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s).flags : s.flags)) & ts.SymbolFlags.Value)
    .map((s) => s.name).sort();
  const nodeKeys = Object.keys(centile).sort();
  assert.deepEqual(valueExports(files[0]), nodeKeys, 'pkg/index.d.ts vs pkg/node/index.cjs');
  assert.deepEqual(valueExports(files[1]), nodeKeys, 'pkg/index.d.cts vs pkg/node/index.cjs');
  const web = Object.keys(await import(path.join(pkg, 'web/index.js'))).sort();
  assert.deepEqual(valueExports(files[2]), web, 'pkg/web.d.ts vs pkg/web/index.js');
  const bundler = Object.keys(await import(path.join(pkg, 'bundler/index.js'))).sort();
  assert.deepEqual(bundler, nodeKeys, 'pkg/bundler/index.js vs pkg/node/index.cjs');
  assert.equal(readFileSync(files[1], 'utf8'), readFileSync(files[0], 'utf8'), 'index.d.cts is a copy of index.d.ts');
});

test('calculation results match MeasurementObject (six references, preterm, BMI, bone age)', () => {
  const t = returnOf('calculation');
  assert.equal(show(t), 'MeasurementObject');
  for (const [reference, request] of calculations) expectFits(centile.calculation(reference, request), t, `calculation(${reference}, ${request.measurement_method} ${request.observation_date})`);
  const references = new Set(calculations.map(([r]) => r));
  assert.equal(references.size, 7);
});

test('a bulk result with error entries matches BulkResponse', () => {
  const t = returnOf('bulkCalculation');
  assert.equal(show(t), 'BulkResponse');
  const result = centile.bulkCalculation('uk-who', {
    birth_date: '2019-05-01', sex: 'female', measurement_method: 'height', gestation_weeks: 31, gestation_days: 2,
    observations: [
      { observation_date: '2019-06-01', observation_value: 40 },
      { observation_date: '2018-01-01', observation_value: 50 }, // before birth
      { observation_date: '2021-05-01', observation_value: -3 }, // not positive
      { observation_date: '2021-05-01', observation_value: 86, bone_age: 2, bone_age_type: 'fels', events_text: ['x'] },
      { observation_date: '2021-05-01', observation_value: 860 }, // implausible: answered, flagged
    ],
  });
  assert.deepEqual(result.results.map((r) => 'loc' in r), [false, true, true, false, false]);
  assert.notEqual(result.results[4].child_observation_value.observation_value_error, null);
  expectFits(result, t, 'bulkCalculation');
  // The same through the fast path (every observation plain and valid).
  const fast = centile.bulkCalculation('cdc', {
    birth_date: '2019-05-01', sex: 'male', measurement_method: 'weight',
    observations: [{ observation_date: '2019-06-01', observation_value: 4.5 }, { observation_date: '2022-06-01', observation_value: 15 }],
  });
  expectFits(fast, t, 'bulkCalculation (fast path)');
});

test('fictional children match MeasurementObject[]; velocity and acceleration are numbers', () => {
  const t = returnOf('fictionalChildData');
  assert.equal(show(t), 'MeasurementObject[]');
  const requests = [
    ['uk-who', { measurement_method: 'height', sex: 'female', start_chronological_age: 0, end_age: 4, measurement_interval_number: 6 }],
    ['uk-who', { measurement_method: 'weight', sex: 'male', gestation_weeks: 27, gestation_days: 3, end_age: 1, measurement_interval_type: 'weeks', measurement_interval_number: 4, noise: true, seed: 7 }],
    ['cdc', { measurement_method: 'bmi', sex: 'male', start_chronological_age: 2, end_age: 10, measurement_interval_type: 'y', measurement_interval_number: 1, start_sds: 1.5, drift: true, drift_range: -0.2 }],
    ['trisomy-21-aap', { measurement_method: 'ofc', sex: 'female', end_age: 3, measurement_interval_type: 'months', measurement_interval_number: 3 }],
  ];
  for (const [reference, request] of requests) {
    const series = centile.fictionalChildData(reference, request);
    assert.ok(series.length > 2, `${reference}: ${series.length} observations`);
    expectFits(series, t, `fictionalChildData(${reference}, ${request.measurement_method})`);
    expectFits(centile.velocity(request.measurement_method, series), returnOf('velocity'), 'velocity');
    expectFits(centile.acceleration(request.measurement_method, series), returnOf('acceleration'), 'acceleration');
  }
});

test('thrive lines match ThriveLine', () => {
  const t = returnOf('thriveLine');
  assert.equal(show(t), 'ThriveLine');
  expectFits(centile.thriveLine({ sex: 'male', start_sds: 0, months: [0, 3, 6, 12] }), t, 'thriveLine (male)');
  expectFits(centile.thriveLine({ sex: 'female', start_sds: -1.2, months: [2, 4.5], target_centile: 50 }), t, 'thriveLine (female)');
});

test('charts match ChartCoordinates', () => {
  const t = returnOf('chartCoordinates');
  assert.equal(show(t), 'ChartCoordinates');
  const requests = [
    ['uk-who', { sex: 'male', measurement_method: 'height' }],
    ['uk-who', { sex: 'female', measurement_method: 'ofc', centile_format: 'three-percent-centiles' }],
    ['who', { sex: 'female', measurement_method: 'weight', centile_format: 'extended-who-centiles' }],
    ['cdc', { sex: 'male', measurement_method: 'bmi', centile_format: 'eighty-five-percent-centiles' }],
    ['turner', { sex: 'female', measurement_method: 'height' }],
    ['trisomy-21', { sex: 'male', measurement_method: 'weight', centile_format: [10, 50, 90] }],
    ['trisomy-21-aap', { sex: 'female', measurement_method: 'bmi', centile_format: [-2, 0, 2.5], is_sds: true }],
  ];
  for (const [reference, request] of requests) expectFits(centile.chartCoordinates(reference, request), t, `chartCoordinates(${reference}, ${request.sex} ${request.measurement_method})`);
});

test('mid-parental heights match MidParentalHeightResponse', () => {
  const t = returnOf('midParentalHeight');
  assert.equal(show(t), 'MidParentalHeightResponse');
  for (const request of [
    { height_maternal: 165, height_paternal: 180, sex: 'male' },
    { height_maternal: 152.5, height_paternal: 171, sex: 'female', reference: 'cdc' },
    { height_maternal: 170, height_paternal: 190, sex: 'female', reference: 'who' },
  ]) expectFits(centile.midParentalHeight(request), t, `midParentalHeight(${JSON.stringify(request)})`);
});

test('the small functions, buildInfo and CentileError match their declarations', () => {
  expectFits(centile.buildInfo(), returnOf('buildInfo'), 'buildInfo()');
  expectFits(centile.sdsForMeasurement({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 4, observation_value: 100 }), returnOf('sdsForMeasurement'), 'sdsForMeasurement');
  const fromSds = returnOf('measurementFromSds');
  expectFits(centile.measurementFromSds({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 4, sds: 1 }), fromSds, 'measurementFromSds');
  // Where rcpchgrowth answers None, a 422 naming sds: the declared number is always a number.
  assert.throws(() => centile.measurementFromSds({ reference: 'uk-who', measurement_method: 'weight', sex: 'male', age: -0.294, sds: -5.7535 }),
    (e) => e instanceof centile.CentileError && e.status === 422 && e.detail[0].loc.at(-1) === 'sds');
  const many = centile.sdsForMeasurements('uk-who', 'weight', 'female', new Float64Array([1, 2]), [9, 12]);
  assert.ok(many instanceof Float64Array);
  expectFits(many, returnOf('sdsForMeasurements'), 'sdsForMeasurements');
  for (const fn of ['centileForSds', 'sdsForCentile']) expectFits(centile[fn](1.5), returnOf(fn), fn);
  expectFits(centile.bmiFromHeightWeight(140, 35), returnOf('bmiFromHeightWeight'), 'bmiFromHeightWeight');
  expectFits(centile.percentageMedianBmi({ reference: 'uk-who', sex: 'male', age: 8, bmi: 17 }), returnOf('percentageMedianBmi'), 'percentageMedianBmi');

  const errorType = checker.getDeclaredTypeOfSymbol(declared.get('CentileError'));
  const detailType = checker.getTypeOfSymbol(errorType.getProperty('detail'));
  for (const fn of [
    () => centile.calculation('uk-who', { birth_date: 'x', observation_value: 'tall', sex: 'boy', events_text: 3 }),
    () => centile.calculation('nope', {}),
    () => centile.chartCoordinates('turner', { sex: 'male', measurement_method: 'weight', centile_format: [0, 120] }),
    () => centile.midParentalHeight({ height_maternal: 20, height_paternal: 400, sex: 'female' }),
    () => centile.sdsForMeasurements('uk-who', 'length', 'male', [1], [2]),
    () => centile.fictionalChildData('uk-who', { measurement_method: 'height', sex: 'female', measurement_interval_type: 'fortnight' }),
    () => centile.velocity('height', []),
    () => centile.thriveLine({ sex: 'male', start_sds: 0, months: [0, 13], target_centile: 100 }),
  ]) {
    const e = thrown(fn);
    assert.ok(e instanceof centile.CentileError);
    assert.equal(e.name, 'CentileError');
    // 404 for the unknown reference (a route the API does not have), else 422.
    assert.equal(e.status, e.detail[0].type === 'enum' ? 404 : 422);
    assert.ok(e.detail.length > 0);
    expectFits(e.detail, detailType, `CentileError.detail (${e.message.slice(0, 60)})`);
  }
});

test('FHIR results match FromFhirResult, FhirCalculationResult and GrowthObservation', () => {
  const observation = (id, code, value, unit, effectiveDateTime) => ({
    resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime, valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  });
  // Born at 24 weeks: the head circumference at 17 years has no chronological SDS (a dataAbsentReason component).
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: [
    { resource: { resourceType: 'Patient', id: 'p', birthDate: '2000-01-01', gender: 'female' } },
    { resource: observation('ga', '76516-4', 24, 'wk', '2000-01-01') },
    { resource: observation('c', '9843-4', 55, 'cm', '2017-01-20') },
    { resource: observation('w', '29463-7', 3.1, 'kg', '2000-03-01') },
    { resource: { ...observation('x', '29463-7', 3.1, 'kg', '2000-03-02'), status: 'cancelled' } },
    { fullUrl: 'urn:uuid:1', resource: observation(undefined, '8302-2', 400, 'cm', '2001-01-01') }, // implausible: an error entry
  ] };
  expectFits(centile.fromFhir(bundle), returnOf('fromFhir'), 'fromFhir');
  const r = centile.fhirCalculation('uk-who', bundle);
  assert.equal(r.ignored.length, 1);
  assert.ok(r.observations.some((o) => o.component.some((c) => c.dataAbsentReason)));
  expectFits(r, returnOf('fhirCalculation'), 'fhirCalculation');
  const [error, ...measurements] = r.results.flatMap((m) => m.results);
  assert.throws(() => centile.toFhir(error), centile.CentileError);
  for (const m of measurements) expectFits(centile.toFhir(m), returnOf('toFhir'), 'toFhir');
});

test('report: nullable properties never seen null, and declared types never exercised', () => {
  const responseTypes = ['MeasurementObject', 'BulkResponse', 'ChartCoordinates', 'MidParentalHeightResponse', 'ThriveLine', 'BuildInfo', 'ErrorDetail'];
  for (const name of responseTypes) typeNamed(name);
  const neverNull = [...seen].filter(([, s]) => s.null === 0).map(([k]) => k);
  const owners = new Set([...seen.keys()].map((k) => k.split('.')[0]));
  const interfaces = [...declared.values()].filter((s) => s.flags & ts.SymbolFlags.Interface).map((s) => s.name);
  const response = interfaces.filter((n) => !/Request|Args|Options|BirthDetails|ObservationNotes|^Observation$|PlottablePointCommon|DynamicsMeasurement|^Fhir(Resource|Bundle)$/.test(n));
  const unexercised = response.filter((n) => !owners.has(n));
  console.log(`checked ${seen.size} properties of ${owners.size} types; never null in the samples though nullable: ` +
    `${neverNull.filter((k) => nullable(k)).join(', ') || 'none'}`);
  assert.deepEqual(unexercised, [], 'response interfaces no sample reached');
});

function nullable(key) {
  const [owner, prop] = key.split('.');
  const symbol = declared.get(owner);
  if (!symbol) return false;
  const p = checker.getDeclaredTypeOfSymbol(symbol).getProperty(prop);
  const t = p && checker.getTypeOfSymbol(p);
  return !!t && t.isUnion() && t.types.some((m) => m.flags & ts.TypeFlags.Null);
}

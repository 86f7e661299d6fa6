// Hostile cells through the spreadsheet functions, in both hosts (the emulated Apps Script runtime and Excel's
// custom functions): every kind of value a sheet can pass, in one row of a range of golden-vector rows, gives that
// row the right answer or its own error naming the field and rule (never the value), while the other rows of the
// same call still give rcpchgrowth's answers; then a seeded fuzz of whole ranges mutated from golden rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import { appsScript, excel, excelSerial } from './hosts.mjs';
import { calculationCases, scoreAt } from './vectors.mjs';

const { functions: excelFns, CellError } = excel();
const google = appsScript();
const iso = (s) => s.split('-').map(Number);
const HOSTS = {
  google: {
    call: (name, ...args) => google.call(`CENTILE_${name}`, ...args),
    date: (s) => google.date(...iso(s)),
    error: (cell) => (typeof cell === 'string' && cell.startsWith('Error: ') ? cell.slice(7) : null),
    Date: vm.runInContext('Date', google.context),
  },
  excel: {
    call: (name, ...args) => excelFns[name](...args.map((v) => (Array.isArray(v) ? v : [[v]]))),
    date: (s) => excelSerial(...iso(s)),
    error: (cell) => (cell instanceof CellError && cell.code === '#VALUE!' ? cell.message : null),
    Date,
  },
};
const FIELDS = ['reference', 'birth_date', 'observation_date', 'sex', 'measurement_method', 'observation_value', 'gestation_weeks', 'gestation_days'];
/** Field names an error may give: the arguments, and the ages the engine judges. */
const ERROR = /^(reference|birth_date|observation_date|sex|measurement_method|observation_value|gestation_weeks|gestation_days|age|corrected_age|chronological_age): \S/;

// Golden rows with an SDS at the corrected age, spread over the references and methods.
const numeric = calculationCases().filter((c) => typeof scoreAt(c, 9, 12) === 'number');
const GOLDEN = Array.from({ length: 48 }, (_, k) => numeric[Math.floor((k * numeric.length) / 48)]);
const want = (c) => scoreAt(c, 9, 12);
/** A case as one row of arguments for `host`; dates as date cells. */
const cells = (host, c) => [c[0], host.date(c[1]), host.date(c[2]), c[3], c[4], c[5], c[6] ?? '', c[7] ?? ''];
const columnsOf = (rows) => FIELDS.map((_, f) => rows.map((r) => [r[f]]));

const throwing = () => {
  const boom = () => { throw new Error('a cell that cannot be read'); };
  return { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom };
};
const LONG = 'q'.repeat(200000);
const label = (v) => { try { return String(v).slice(0, 20); } catch { return 'an object that throws'; } };
/**
 * Hostile cells by field: [what, (host, original cell) => cell, expectation]: 'same' (the golden answer), 'blank',
 * or the field the error must name.
 */
function hostile(hostName) {
  const host = HOSTS[hostName];
  const invalidDate = (h) => new (h.Date)(NaN);
  const anyValue = (field) => [
    ['NaN', () => NaN, field], ['Infinity', () => Infinity, field], ['-Infinity', () => -Infinity, field],
    ['true', () => true, field], ['false', () => false, field], ['whitespace', () => ' \t ', field],
    ['very long text', () => LONG, field], ['nested array', () => [[1, 2]], field], ['an object that throws', throwing, field],
    ['#N/A text', () => '#N/A', field], ['invalid Date', invalidDate, field],
    ...(hostName === 'excel' ? [['Excel error value', () => new CellError('#N/A'), field], ['Excel #DIV/0!', () => new CellError('#DIV/0!'), field]] : []),
  ];
  const word = (field) => [
    ...anyValue(field), ['number', () => 1, field], ['1e308', () => 1e308, field], ['unknown word', () => 'unknownword', field],
    ['upper case', (h, v) => v.toUpperCase(), 'same'], ['padded', (h, v) => ` ${v}\t`, 'same'], ['blank', () => '', field],
  ];
  const dateField = (field) => [
    ...anyValue(field), ['blank', () => '', field],
    ['DD/MM/YYYY text', () => '14/03/2018', field], ['MM/DD/YYYY text', () => '03/14/2018', field], ['YYYYMMDD text', () => '20180314', field],
    ['words', () => 'March 14, 2018', field], ['30 February', () => '2018-02-30', field], ['year 0', () => '0000-01-01', field],
    ['year 10000 text', () => '10000-01-01', field], ['1e308', () => 1e308, field], ['-1e308', () => -1e308, field],
    ['ISO text of the same day', (h, v, c) => c[FIELDS.indexOf(field)], 'same'],
    ...(hostName === 'excel'
      ? [['serial 0', () => 0, field], ['serial -0', () => -0, field], ['negative fractional serial', () => -1.5, field],
        ['serial 60 (29 February 1900)', () => 60, field], ['a serial after 9999', () => 2958466, field],
        ['a time of day', (h, v) => v + 0.999, 'same']]
      : [['a Date in year 10000', (h) => new (h.Date)(Date.UTC(10000, 0, 1)), field],
        ['a Date before year 1', (h) => new (h.Date)(Date.UTC(-5, 0, 1)), field],
        ['a serial after 9999', () => 2958466, field], ['a huge serial', () => 1e15, field]]),
  ];
  const numberField = (field, blank) => [
    ...anyValue(field), ['blank', () => '', blank], ['1e308', () => 1e308, field], ['-1e308', () => -1e308, field],
    ['hexadecimal text', () => '0x8C', field], ['binary text', () => '0b1010', field], ['decimal comma', () => '1,5', field],
    ['with units', (h, v) => `${v} cm`, field], ['NaN text', () => 'NaN', field], ['Infinity text', () => 'Infinity', field],
    ['negative', () => -1, field], ['-0', () => -0, field],
    ['as text', (h, v) => String(v), 'same'], ['padded text', (h, v) => ` ${v} `, 'same'], ['exponent text', (h, v) => `${v}e0`, 'same'],
  ];
  return {
    reference: word('reference'), sex: word('sex'), measurement_method: word('measurement_method'),
    birth_date: dateField('birth_date'), observation_date: dateField('observation_date'),
    observation_value: numberField('observation_value', 'blank'),
    gestation_weeks: [...anyValue('gestation_weeks'), ['1e308', () => 1e308, 'gestation_weeks'], ['fractional', () => 39.5, 'gestation_weeks'],
      ['hexadecimal text', () => '0x28', 'gestation_weeks'], ['-0', () => -0, 'gestation_weeks']],
    gestation_days: [...anyValue('gestation_days'), ['1e308', () => 1e308, 'gestation_days'], ['fractional', () => 0.5, 'gestation_days'],
      ['7', () => 7, 'gestation_days']],
  };
}

/** Checks one answered cell; returns a failure or null. */
function judge(host, cell, expect, golden, value) {
  if (expect === 'same') return typeof cell === 'number' && Math.abs(cell - golden) <= 1e-9 ? null : `got ${String(cell)}, want ${golden}`;
  if (expect === 'blank') return cell === '' ? null : `got ${String(cell)}, want blank`;
  const message = host.error(cell);
  if (message === null) return `got ${String(cell)}, want an error`;
  if (!ERROR.test(message)) return `error "${message}" names no field`;
  if (expect !== 'any' && !message.startsWith(`${expect}: `) && !/^(corrected|chronological)_age: /.test(message)) return `error "${message}" does not name ${expect}`;
  const quoted = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (quoted.length >= 3 && message.includes(quoted)) return `error "${message}" quotes the value`;
  return null;
}

for (const [hostName, host] of Object.entries(HOSTS)) {
  const goldenRows = GOLDEN.map((c) => cells(host, c));
  const answers = GOLDEN.map(want);

  test(`${hostName}: each hostile cell answers its own row; the other rows of the call answer rcpchgrowth`, () => {
    const failures = [];
    let calls = 0;
    for (const [field, entries] of Object.entries(hostile(hostName))) {
      const f = FIELDS.indexOf(field);
      for (const [what, make, expect] of entries) {
        const r = calls++ % GOLDEN.length;
        // The ISO-text entry takes the case's own text; every other entry the host's cell.
        const value = make(host, goldenRows[r][f], GOLDEN[r]);
        if (expect === 'same' && f >= 6 && goldenRows[r][f] === '') continue;
        const rows = goldenRows.map((row, k) => (k === r ? row.map((x, i) => (i === f ? value : x)) : row));
        let got;
        try {
          got = host.call('SDS', ...columnsOf(rows));
        } catch (e) {
          failures.push(`${field} ${what}: the call threw ${e.message}`);
          continue;
        }
        got.forEach(([cell], k) => {
          const problem = k === r ? judge(host, cell, expect, answers[k], value) : judge(host, cell, 'same', answers[k]);
          if (problem) failures.push(`${field} ${what}, row ${k}${k === r ? '' : ' (unmutated)'}: ${problem}`);
        });
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(calls > 100);
  });

  test(`${hostName}: single cells, a column, a row and a 2-D range give the same answers in their own shape`, () => {
    const six = goldenRows.slice(0, 6);
    const shaped = (rows, cols) => FIELDS.map((_, f) => Array.from({ length: rows }, (__, r) => Array.from({ length: cols }, (___, c) => six[r * cols + c][f])));
    const flat = (got) => Array.from(got, (row) => Array.from(row)).flat();
    const singles = six.map((row) => {
      const got = host.call('SDS', ...row);
      return hostName === 'excel' ? got[0][0] : got;
    });
    singles.forEach((v, k) => assert.ok(Math.abs(v - answers[k]) <= 1e-9, `single ${k}`));
    for (const [rows, cols] of [[6, 1], [1, 6], [2, 3], [3, 2]]) {
      const got = host.call('SDS', ...shaped(rows, cols));
      assert.deepEqual([got.length, got[0].length], [rows, cols]);
      assert.deepEqual(flat(got), singles, `${rows}x${cols}`);
    }
    // One-cell ranges and single values repeat along a range of the others.
    const repeated = six[0].map((v, f) => (f === 5 ? [[v], [v], [v]] : f === 0 ? [[v]] : v));
    assert.deepEqual(flat(host.call('SDS', ...repeated)), [singles[0], singles[0], singles[0]]);
    // Ranges of different shapes are the formula's error, and the functions answer afterwards.
    const mismatched = shaped(6, 1).map((arg, f) => (f === 5 ? shaped(2, 3)[5] : arg));
    assert.throws(() => host.call('SDS', ...mismatched), /every range must have the same number of rows and columns/);
    assert.deepEqual(flat(host.call('SDS', ...shaped(2, 3))), singles);
  });

  test(`${hostName}: the other functions give an error naming the field for hostile numbers, and keep answering`, () => {
    const bad = [NaN, Infinity, -Infinity, 1e308, -1e308, -0, 0, -1, true, '0x10', '1,5', ' ', LONG, throwing(), [[1]]];
    const column = (ok) => [[ok], ...bad.map((v) => [v]), [ok]];
    const check = (name, args, field, okAnswer, answered = []) => {
      const got = host.call(name, ...args);
      assert.equal(got.length, bad.length + 2, name);
      for (const k of [0, bad.length + 1]) assert.equal(got[k][0], okAnswer, `${name}: the good rows`);
      bad.forEach((v, k) => {
        if (answered.some((a) => Object.is(a, v))) {
          assert.ok(Number.isFinite(got[k + 1][0]), `${name} ${label(v)} answers a number`);
          return;
        }
        const cell = got[k + 1][0];
        const message = host.error(cell);
        assert.ok(message !== null, `${name} ${label(v)}: got ${label(cell)}`);
        assert.match(message, new RegExp(`^${field}: \\S`), `${name} ${label(v)}`);
        assert.ok(!message.includes('q'.repeat(20)) && !message.includes('0x10') && !message.includes('1e+308'), message);
      });
    };
    const one = (name, ...args) => { const got = host.call(name, ...args); return Array.isArray(got) ? got[0][0] : got; };
    const bmi = one('BMI', 45, 150);
    check('BMI', [45, column(150)], 'height', bmi);
    // BMI has no upper bound on weight: 1e308 kg answers its (astronomical) BMI.
    check('BMI', [column(45), 150], 'weight', bmi, [1e308]);
    const height = one('MEASUREMENT', 'uk-who', 4, 'female', 'height', 2);
    // Age 0 (birth) and SDS 0 or -1 are real questions.
    check('MEASUREMENT', ['uk-who', column(4), 'female', 'height', 2], 'age_years|age', height, [0, -0]);
    check('MEASUREMENT', ['uk-who', 4, 'female', 'height', column(2)], 'sds', height, [0, -0, -1]);
    assert.equal(one('MEASUREMENT', 'uk-who', -0, 'female', 'height', -0), one('MEASUREMENT', 'uk-who', 0, 'female', 'height', 0));
    const atCentile = one('MEASUREMENT_AT_CENTILE', 'uk-who', 4, 'female', 'height', 91);
    check('MEASUREMENT_AT_CENTILE', ['uk-who', 4, 'female', 'height', column(91)], 'centile', atCentile);
    const parents = one('MIDPARENTAL_HEIGHT', 'uk-who', 163, 178, 'female');
    check('MIDPARENTAL_HEIGHT', ['uk-who', column(163), 178, 'female'], 'height_maternal', parents);
    check('MIDPARENTAL_HEIGHT', ['uk-who', 163, column(178), 'female'], 'height_paternal', parents);
  });

  test(`${hostName}: velocity refuses a flagged or unreadable value in its row, and the rows after answer`, () => {
    const d = (s) => host.date(s);
    const dates = [['2020-05-01'], ['2021-05-01'], ['2022-05-01'], ['2023-05-01'], ['2024-05-01']].map(([s]) => [d(s)]);
    const clean = host.call('VELOCITY', 'uk-who', d('2015-05-01'), dates, 'female', 'height', [[108], [114.5], [120], [126], [131]]);
    const got = host.call('VELOCITY', 'uk-who', d('2015-05-01'), dates, 'female', 'height', [[108], [114.5], [1e308], [126], [131]]);
    assert.equal(clean[0][0], '');
    assert.equal(got[1][0], clean[1][0]);
    assert.match(host.error(got[2][0]) ?? String(got[2][0]), /^observation_value: /, 'a value beyond ±8 SDS gives no velocity');
    assert.equal(got[3][0], '', 'the row after an error has no row above');
    assert.equal(got[4][0], clean[4][0]);
    const unreadable = host.call('VELOCITY', 'uk-who', d('2015-05-01'), dates, 'female', 'height', [[108], [114.5], [throwing()], [126], [131]]);
    assert.match(host.error(unreadable[2][0]), /^observation_value: must be a number$/);
    assert.equal(unreadable[4][0], clean[4][0]);
  });

  test(`${hostName}: a seeded fuzz of ranges mutated from golden rows; unmutated rows answer rcpchgrowth`, () => {
    let seed = 20261206;
    const random = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
    const pick = (xs) => xs[Math.floor(random() * xs.length)];
    const pools = hostile(hostName);
    const failures = [];
    for (let round = 0; round < 150; round++) {
      const order = Array.from({ length: 12 }, () => Math.floor(random() * GOLDEN.length));
      const rows = order.map((g) => [...goldenRows[g]]);
      const mutated = new Map();
      for (let m = 1 + Math.floor(random() * 4); m > 0; m--) {
        const r = Math.floor(random() * rows.length);
        if (mutated.has(r)) continue;
        const field = pick(Object.keys(pools)), f = FIELDS.indexOf(field);
        const [what, make, expect] = pick(pools[field]);
        if (expect === 'same') continue;
        const value = make(HOSTS[hostName], rows[r][f], GOLDEN[order[r]]);
        rows[r][f] = value;
        mutated.set(r, [`${field} ${what}`, expect, value]);
      }
      let got;
      try {
        got = host.call('SDS', ...columnsOf(rows));
      } catch (e) {
        failures.push(`round ${round}: the call threw ${e.message}`);
        continue;
      }
      got.forEach(([cell], r) => {
        const m = mutated.get(r);
        const problem = m ? judge(host, cell, m[1] === 'blank' ? 'blank' : 'any', null, m[2]) : judge(host, cell, 'same', answers[order[r]]);
        if (problem) failures.push(`round ${round} row ${r}${m ? ` (${m[0]})` : ''}: ${problem}`);
      });
    }
    assert.deepEqual(failures.slice(0, 20), []);
    // The functions keep answering afterwards.
    assert.deepEqual(host.call('SDS', ...columnsOf(goldenRows)).map(([x]) => x), host.call('SDS', ...columnsOf(goldenRows)).map(([x]) => x));
    host.call('SDS', ...columnsOf(goldenRows)).forEach(([x], k) => assert.ok(Math.abs(x - answers[k]) <= 1e-9, `row ${k} afterwards`));
  });
}

for (const [hostName, host] of Object.entries(HOSTS)) {
  test(`${hostName}: CENTILE, BAND, AGE and the RCPCH plugin's functions answer hostile rows with errors and the rest as without them`, () => {
    const pools = hostile(hostName);
    const bad = [...pools.observation_value, ...pools.birth_date, ...pools.sex].filter(([, , expect]) => expect !== 'same' && expect !== 'blank');
    const goldenRows = GOLDEN.map((c) => cells(host, c));
    // Golden rows interleaved with hostile ones: each hostile entry replaces its field in a copy of a golden row.
    const rows = [], hostileAt = new Set(), whatAt = new Map();
    bad.forEach(([what, make, field], k) => {
      whatAt.set(rows.length + 1, `${field} ${what}`);
      const g = goldenRows[k % goldenRows.length], f = FIELDS.indexOf(field);
      rows.push(g);
      hostileAt.add(rows.length);
      rows.push(g.map((x, i) => (i === f ? make(host, x, GOLDEN[k % GOLDEN.length]) : x)));
    });
    const clean = rows.filter((_, r) => !hostileAt.has(r));
    const plain = (got) => Array.from(got, (row) => Array.from(row, (x) => (host.error(x) === null ? x : `error ${host.error(x)}`)));
    const calls = [
      ['CENTILE', (rs) => host.call('CENTILE', ...columnsOf(rs))],
      ['BAND', (rs) => host.call('BAND', ...columnsOf(rs), 'chronological')],
      ['AGE', (rs) => host.call('AGE', ...columnsOf(rs))],
      ['UK_WHO_SDS_CENTILE', (rs) => { const [, b, o, s, m, v, w, d] = columnsOf(rs); return (hostName === 'google' ? google.call('UK_WHO_SDS_CENTILE', b, o, w, d, s, m, v) : excelFns.UK_WHO_SDS_CENTILE(b, o, w, d, s, m, v)); }],
    ];
    for (const [name, run] of calls) {
      const want = plain(run(clean));
      const got = plain(run(rows));
      assert.equal(got.length, rows.length, name);
      assert.deepEqual(got.filter((_, r) => !hostileAt.has(r)), want, `${name}: the golden rows`);
      for (const r of hostileAt) {
        const cell = got[r][0];
        // A 1e308 measurement is flagged, not refused: the age does not depend on it, and the plugin's functions
        // give the numbers, as the API does (unless the engine refuses the value outright).
        if (whatAt.get(r) === 'observation_value 1e308' && (name === 'AGE' || name === 'UK_WHO_SDS_CENTILE') && typeof cell === 'number') {
          if (name === 'AGE') assert.equal(cell, got[r - 1][0], 'the same age as the golden row');
          else assert.ok(Number.isFinite(cell), `${name} row ${r}`);
          continue;
        }
        assert.ok(typeof cell === 'string' && cell.startsWith('error ') && ERROR.test(cell.slice(6)), `${name} row ${r} (${whatAt.get(r)}): ${label(cell)}`);
        assert.ok(!cell.includes('q'.repeat(20)) && !cell.includes('14/03/2018') && !cell.includes('unknownword'), `${name}: ${cell}`);
      }
    }
  });
}

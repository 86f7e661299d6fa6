// Google Sheets functions (target/sheets/google, `make sheets`) in an emulated Apps Script runtime: the golden vectors
// through every function in five time zones (each a Node process with TZ set), a sheet whose zone is not the
// script's, and the rules for ranges, blanks, dates and errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { appsScript } from './hosts.mjs';

const ZONES = [
  ['Pacific/Honolulu', -600], // UTC-10
  ['UTC', 0],
  ['Europe/London', 60], // summer time: UTC+1
  ['Asia/Kolkata', 330], // UTC+5:30
  ['Pacific/Tongatapu', 780], // UTC+13
];
const runZone = (tz, sheetZone) => JSON.parse(execFileSync(process.execPath, [new URL('./zone.mjs', import.meta.url).pathname, ...(sheetZone ? [sheetZone] : [])],
  { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 1 << 26 }));

for (const [zone, julyOffset] of ZONES) {
  test(`golden vectors through every function with the sheet and script in ${zone}`, () => {
    const offset = Number(execFileSync(process.execPath, ['-e', 'console.log(0 - new Date(2024, 6, 1).getTimezoneOffset())'], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }));
    assert.equal(offset, julyOffset, `TZ=${zone} is not in effect`);
    const report = runZone(zone);
    assert.deepEqual(report.failures, []);
    assert.ok(report.checked > 300000, `${report.checked} cells checked`);
    // Where their plugin's toISOString() moves dates (east of UTC, and UK summer time), these functions do not.
    if (julyOffset > 0) assert.ok(report.pluginShiftedRows > 0, 'the zone should move some of the plugin\'s dates');
    else assert.equal(report.pluginShiftedRows, 0);
    console.log(`${zone}: ${report.checked} cells; the RCPCH plugin would send a different day for ${report.pluginShiftedRows} UK-WHO rows`);
  });
}

test('a sheet in Pacific/Tongatapu read by a script running in Pacific/Honolulu answers the days the sheet shows', () => {
  // Apps Script runs a project in its own zone (appsscript.json); the dates arrive at midnight in the sheet's.
  const report = runZone('Pacific/Honolulu', 'Pacific/Tongatapu');
  assert.deepEqual(report.failures, []);
  assert.equal(report.sheetZone, 'Pacific/Tongatapu');
});

test('the runtime is bare: no modules, WebAssembly, TextDecoder or fetch', () => {
  const { context } = appsScript();
  for (const name of ['WebAssembly', 'TextDecoder', 'TextEncoder', 'fetch', 'require', 'module', 'process', 'UrlFetchApp']) {
    assert.equal(context[name], undefined, name);
  }
  for (const file of ['google/functions.js', 'google/centile.js', 'google-paste/Code.gs']) {
    const text = readFileSync(new URL(`../../target/sheets/${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text, /UrlFetchApp|XMLHttpRequest|\bfetch\(/, file);
  }
});

test('single cells answer a value; ranges answer their shape; blank rows answer blank', () => {
  const { call, date } = appsScript();
  const sds = call('CENTILE_SDS', 'uk-who', date(2018, 3, 14), date(2028, 3, 14), 'male', 'height', 140);
  assert.equal(typeof sds, 'number');
  const text = call('CENTILE_SDS', 'UK-WHO ', '2018-03-14', '2028-03-14', 'Male', 'height', 140, '', '', 'corrected');
  assert.equal(text, sds, 'ISO text dates, blank gestation and any case of words give the same answer');
  const range = call('CENTILE_SDS', 'uk-who', [[date(2018, 3, 14), date(2018, 3, 14)], ['', date(2018, 3, 14)]],
    [[date(2028, 3, 14), '2028-03-14'], ['', '2028-03-14']], 'male', 'height', [[140, 140], ['', 140]]);
  assert.deepEqual(range, [[sds, sds], ['', sds]]);
  assert.throws(() => call('CENTILE_SDS', 'uk-who', [[date(2018, 3, 14)], [date(2018, 3, 14)]], date(2028, 3, 14), 'male', 'height', [[1, 2, 3]]),
    /same number of rows and columns/);
  // A Sheets serial (a date cell formatted as a number): days since 30 December 1899.
  assert.equal(call('CENTILE_SDS', 'uk-who', 43173, 46826, 'male', 'height', 140), sds);
});

test('a bad row shows its field and rule; the other rows answer; a single bad cell is an error', () => {
  const { call } = appsScript();
  const got = call('CENTILE_SDS', 'uk-who', [['2018-03-14'], ['2018-03-14'], ['14/03/2018'], ['2018-02-30'], ['2018-03-14']],
    '2028-03-14', [['male'], ['boy'], ['male'], ['male'], ['male']], 'height', [[140], [140], [140], [140], ['tall']]);
  assert.equal(typeof got[0][0], 'number');
  assert.match(got[1][0], /^Error: sex: must be one of male, female|^Error: sex: /);
  assert.equal(got[2][0], 'Error: birth_date: must be a date (a date cell, or text written YYYY-MM-DD)');
  assert.match(got[3][0], /^Error: birth_date: /);
  assert.equal(got[4][0], 'Error: observation_value: must be a number');
  for (const row of got.slice(1)) assert.doesNotMatch(row[0], /boy|tall|14\/03|02-30/, 'errors never repeat the value');
  assert.throws(() => call('CENTILE_SDS', 'uk-who', '2018-03-14', '2010-03-14', 'male', 'height', 140), /observation_date|birth_date/);
  assert.throws(() => call('CENTILE_SDS', 'uk-who', '2018-03-14', '2028-03-14', 'male', 'height', 140, 40, 0, 'adjusted'),
    /age: must be one of corrected, chronological/);
});

test('RCPCH plugin functions: its argument order, its columns, the API key ignored, a bad data_to_return refused', () => {
  const { call, date } = appsScript();
  const both = call('UK_WHO_SDS_CENTILE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92, 'both', 'key');
  const sds = call('CENTILE_SDS', 'uk-who', date(2020, 1, 12), date(2022, 1, 12), 'male', 'height', 92, 32, 1);
  const chronological = call('CENTILE_SDS', 'uk-who', date(2020, 1, 12), date(2022, 1, 12), 'male', 'height', 92, 32, 1, 'chronological');
  assert.equal(both.length, 1);
  assert.equal(both[0].length, 4);
  assert.deepEqual(both[0].slice(0, 2), [sds, chronological]);
  assert.deepEqual(call('UK_WHO_SDS_CENTILE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92), both);
  assert.deepEqual(call('UK_WHO_SDS_CENTILE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92, 'centile', 'k'),
    call('UK_WHO_SDS_CENTILE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92, 'centiles', 'k'));
  assert.throws(() => call('UK_WHO_SDS_CENTILE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92, 'everything', 'k'),
    /data_to_return: must be one of both, sds, centiles, centile/);
  assert.deepEqual(call('UK_WHO_DECIMAL_AGE', date(2020, 1, 12), date(2022, 1, 12), 32, 1, 'male', 'height', 92, 'corr', 'k'),
    [[call('CENTILE_AGE', 'uk-who', date(2020, 1, 12), date(2022, 1, 12), 'male', 'height', 92, 32, 1)]]);
});

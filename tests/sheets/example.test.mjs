// The example sheet (sheets/example.csv) as Google Sheets would compute it after importing it: its ISO dates become
// date cells, its formulas run in the emulated Apps Script runtime and spill as ranges do. Every formula answers,
// nothing spills over a filled cell, and the whole-column formulas agree with the one-row ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FUNCTIONS } from '../../sheets/functions.mjs';
import { parseFormula } from './formula.mjs';
import { appsScript } from './hosts.mjs';

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += ch;
  }
  return rows;
}

test('sheets/example.csv: every formula answers, spills land on empty cells, column formulas match row formulas', () => {
  const { call, date } = appsScript();
  const grid = parseCsv(readFileSync(new URL('../../sheets/example.csv', import.meta.url), 'utf8'));
  const width = grid[0].length;
  assert.ok(grid.every((r) => r.length === width), 'every row has the header\'s columns');
  const value = (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? date(...s.split('-').map(Number)) : s === '' ? '' : Number.isFinite(Number(s)) ? Number(s) : s);
  const cells = grid.map((r) => r.map((s) => (s.startsWith('=') ? null : value(s))));
  const results = grid.map((r) => r.map(() => undefined));
  let formulas = 0;
  grid.forEach((r, i) => r.forEach((s, j) => {
    if (!s.startsWith('=')) return;
    formulas++;
    const { name, args } = parseFormula(s, (r, c) => cells[r][c]);
    const answer = call(name, ...args);
    const spill = Array.isArray(answer) ? answer : [[answer]];
    spill.forEach((line, di) => line.forEach((x, dj) => {
      const [ri, cj] = [i + di, j + dj];
      assert.ok((di === 0 && dj === 0) || grid[ri][cj] === '', `${name} in row ${i + 1} spills over a filled cell`);
      assert.equal(results[ri][cj], undefined, `two formulas write row ${ri + 1} column ${cj + 1}`);
      results[ri][cj] = x;
    }));
  }));
  assert.ok(formulas >= 30);
  const header = grid[0];
  const at = (name, row) => results[row - 1][header.indexOf(name)];
  for (const row of [2, 3, 4, 5, 6, 8, 9]) {
    for (const name of ['sds', 'centile', 'corrected_age', 'chronological_sds']) assert.equal(typeof at(name, row), 'number', `${name} row ${row}`);
    assert.match(at('band', row), /centile|SDS/, `band row ${row}`);
  }
  for (const row of [3, 4, 5, 6, 9]) assert.equal(typeof at('velocity', row), 'number', `velocity row ${row}`);
  assert.equal(at('velocity', 2), '');
  assert.equal(at('chronological_sds', 7), '', 'the blank row answers blank');
  // Term children: the chronological SDS of the column formula is the corrected SDS of the row formula.
  for (const row of [8, 9]) assert.equal(at('chronological_sds', row), at('sds', row));
  assert.notEqual(at('chronological_sds', 2), at('sds', 2), 'a preterm baby: corrected and chronological differ');
});

test('every function\'s example (sheets/functions.mjs) answers, and docs/spreadsheets.md shows it', () => {
  const { call, date } = appsScript();
  const docs = readFileSync(new URL('../../docs/spreadsheets.md', import.meta.url), 'utf8');
  for (const f of FUNCTIONS) {
    assert.ok(docs.includes(f.example), `docs/spreadsheets.md lacks ${f.example}`);
    // Text dates as typed; the same dates as date cells must give the same answer.
    const typed = parseFormula(f.example);
    const cells = parseFormula(f.example, undefined, (t) => (/^\d{4}-\d{2}-\d{2}$/.test(t) ? date(...t.split('-').map(Number)) : t));
    assert.equal(typed.name, f.google);
    const answer = call(f.google, ...typed.args);
    assert.deepEqual(call(f.google, ...cells.args), answer, f.example);
    const values = (Array.isArray(answer) ? answer.flat() : [answer]).filter((x) => x !== '');
    assert.ok(values.length > 0 && values.every((x) => typeof x === 'number' || !/^Error/.test(x)), `${f.example}: ${JSON.stringify(answer)}`);
  }
});

// The two spreadsheet hosts, emulated. Google Sheets: a bare V8 context (node:vm) with no modules, WebAssembly,
// TextDecoder or fetch, the Apps Script project's files run in it as scripts, arguments passed as Sheets passes them
// (single values, 2-D arrays for ranges, a date cell as a Date of that context at midnight in the spreadsheet's zone)
// and SpreadsheetApp answering the spreadsheet's zone. Excel: the add-in's functions.js in its own context with
// Microsoft's CustomFunctions API (associate, Error, ErrorCode) and dates as serial numbers of the 1900 system.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const built = (file) => readFileSync(new URL(`../../target/sheets/${file}`, import.meta.url), 'utf8');

function bareContext(globals) {
  const context = vm.createContext({});
  vm.runInContext('delete globalThis.WebAssembly;', context);
  Object.assign(context, globals);
  return context;
}

/**
 * An Apps Script runtime with the built project loaded. `sheetZone` is the spreadsheet's time zone (by default the
 * process's, i.e. TZ: the script and the sheet in one zone). `date(y, m, d)` is a date cell: midnight of that day in
 * the sheet's zone, as a Date of the script's realm.
 */
export function appsScript({ sheetZone = Intl.DateTimeFormat().resolvedOptions().timeZone } = {}) {
  const context = bareContext({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => sheetZone }) },
  });
  for (const file of ['google/centile.js', 'google/functions.js']) vm.runInContext(built(file), context, { filename: file });
  const atInstant = vm.runInContext('(function (t) { return new Date(t); })', context);
  const localMidnight = vm.runInContext('(function (y, m, d) { return new Date(y, m - 1, d); })', context);
  const sameZone = sheetZone === Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    context,
    call: (name, ...args) => structuredClone(context[name](...args)),
    date: (y, m, d) => (sameZone ? localMidnight(y, m, d) : atInstant(midnightIn(sheetZone, y, m, d))),
  };
}

/** The instant of midnight starting day y-m-d in `zone` (the first instant of that day, if midnight was skipped). */
export function midnightIn(zone, y, m, d) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const wall = (t) => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    const w = new Date(0); w.setUTCFullYear(p.year, p.month - 1, p.day); w.setUTCHours(p.hour, p.minute, 0, 0);
    return w.getTime();
  };
  const day = new Date(0); day.setUTCFullYear(y, m - 1, d);
  let t = day.getTime();
  for (let i = 0; i < 3; i++) t -= wall(t) - day.getTime();
  while (wall(t) < day.getTime()) t += 15 * 60000;
  while (wall(t - 15 * 60000) >= day.getTime()) t -= 15 * 60000;
  return t;
}

/** The Excel add-in loaded with a CustomFunctions API like Excel's; `functions` maps each id to its function. */
export function excel() {
  const functions = {};
  class CellError {
    constructor(code, message) { this.code = code; this.message = message; }
  }
  const context = bareContext({
    CustomFunctions: {
      associate: (id, fn) => { functions[id] = fn; },
      Error: CellError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
    },
  });
  vm.runInContext(built('excel/functions.js'), context, { filename: 'excel/functions.js' });
  return { functions, CellError };
}

/** The serial number of day y-m-d in Excel's 1900 date system (which counts 29 February 1900). */
export function excelSerial(y, m, d) {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000);
  return days >= 60 ? days + 1 : days;
}

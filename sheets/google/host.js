// Google Sheets: the functions of sheets/core.js as Apps Script reads cells. A date cell arrives as a Date at
// midnight of its day in the spreadsheet's time zone; its day is read in that zone (never through toISOString, which
// would move every date east of UTC, and summer dates in the UK, back a day). A date cell formatted as a number is
// a Sheets serial (days since 30 December 1899). A bad row shows its error as text in its cell; a single-cell call
// throws it, so the cell is an error whose note says what is wrong.
var centileGoogle = (function () {
  var DAY = 86400000, SHEETS_EPOCH = Date.UTC(1899, 11, 30);
  var zoneDays = null, cache = {};
  /** The spreadsheet's zone as a formatter, once per run; the script's own zone where there is no spreadsheet. */
  function dayFormat() {
    if (zoneDays === null) {
      zoneDays = false;
      if (typeof SpreadsheetApp !== 'undefined') {
        var sheet = SpreadsheetApp.getActiveSpreadsheet();
        var zone = sheet && sheet.getSpreadsheetTimeZone();
        if (zone) zoneDays = new Intl.DateTimeFormat('en-US', { timeZone: zone, era: 'short', year: 'numeric', month: 'numeric', day: 'numeric' });
      }
    }
    return zoneDays;
  }
  function dayOf(d) {
    var format = dayFormat();
    if (!format) return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    var parts = {};
    format.formatToParts(d).forEach(function (p) { parts[p.type] = p.value; });
    // Years before 1 are counted back from 1 BC: refused, as ymd refuses a year before 1.
    return [parts.era === 'BC' ? 0 : Number(parts.year), Number(parts.month), Number(parts.day)];
  }
  return centileSheets.make({
    ranged: function (ranged) { return ranged; },
    throwSingle: true,
    error: function (message) { return 'Error: ' + message; },
    date: function (v, field, ymd, fail) {
      if (Object.prototype.toString.call(v) === '[object Date]') {
        var t = v.getTime();
        if (isNaN(t)) fail(field, 'is not a date');
        var key = String(t);
        if (!cache[key]) cache[key] = dayOf(v);
        return ymd(field, cache[key][0], cache[key][1], cache[key][2]);
      }
      if (typeof v === 'number' && isFinite(v)) {
        var s = new Date(SHEETS_EPOCH + Math.floor(v) * DAY);
        return ymd(field, s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate());
      }
      return fail(field, 'must be a date (a date cell, or text written YYYY-MM-DD)');
    },
  });
})();

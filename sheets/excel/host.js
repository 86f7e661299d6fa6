// Excel: the functions of sheets/core.js as an Office custom-functions add-in reads cells. Every argument arrives
// as a 2-D range and every answer is one. A date cell arrives as a serial number of Excel's 1900 date system:
// 1 is 1 January 1900, and 60 is 29 February 1900, a day that never was (Excel keeps Lotus 1-2-3's leap-year
// error), so serials from 61 on are days since 30 December 1899. A bad row is an error cell (#VALUE!) whose message
// names the field and the rule.
var centileExcel = (function () {
  var DAY = 86400000;
  return centileSheets.make({
    ranged: function () { return true; },
    throwSingle: false,
    error: function (message) { return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message); },
    date: function (v, field, ymd, fail) {
      if (typeof v !== 'number' || !isFinite(v)) return fail(field, 'must be a date (a date cell, or text written YYYY-MM-DD)');
      var serial = Math.floor(v);
      if (serial < 1) fail(field, 'is before 1 January 1900, where Excel dates begin');
      if (serial === 60) fail(field, 'is 29 February 1900, a day that did not exist (Excel counts it for compatibility)');
      var d = new Date(Date.UTC(1899, 11, serial < 60 ? 31 : 30) + serial * DAY);
      return ymd(field, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    },
  });
})();

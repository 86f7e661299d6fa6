// The spreadsheet functions of centile, shared by Google Sheets and Excel: a plain script (no modules) that defines
// the global `centileSheets`, run beside centile/js (the global `centile`). Each function takes its arguments by
// name (sheets/functions.mjs lists them, generates each host's wrappers and documents them), every argument a single
// value or a 2-D range; ranges answer with their own shape, one cell per row of input, and a bad row answers with
// its own error while the other rows still answer. A host says how it reads a date cell and how it shows an error.
var centileSheets = (function () {
  'use strict';

  /** A row's input that cannot be used: `field` and the rule it breaks, never the value itself. */
  function Bad(field, rule) {
    this.message = field + ': ' + rule;
  }

  var isRange = Array.isArray;
  var isBlank = function (v) { return v === '' || v === null || v === undefined; };
  var fail = function (field, rule) { throw new Bad(field, rule); };

  /** The common shape of the range arguments (one-cell ranges repeat, like single values); throws if they differ. */
  function shapeOf(values) {
    var shape = null;
    values.forEach(function (v) {
      if (!isRange(v) || (v.length === 1 && v[0].length === 1)) return;
      var r = v.length, c = r ? v[0].length : 0;
      if (!shape) shape = { rows: r, cols: c, ranged: true };
      else if (r !== shape.rows || c !== shape.cols) throw new Error('every range must have the same number of rows and columns (or be one cell)');
    });
    return shape || { rows: 1, cols: 1, ranged: values.some(isRange) };
  }
  var at = function (v, r, c) { return isRange(v) ? (v.length === 1 && v[0].length === 1 ? v[0][0] : v[r][c]) : v; };

  function word(field, v, allowed, fallback) {
    if (isBlank(v)) {
      if (fallback !== undefined) return fallback;
      fail(field, 'is required');
    }
    var w = typeof v === 'string' ? v.trim().toLowerCase() : v;
    if (allowed.indexOf(w) < 0) fail(field, 'must be one of ' + allowed.join(', '));
    return w;
  }
  function text(field, v) {
    if (isBlank(v)) fail(field, 'is required');
    if (typeof v !== 'string') fail(field, 'must be text');
    return v.trim().toLowerCase();
  }
  function number(field, v, optional) {
    if (isBlank(v)) return optional ? null : fail(field, 'is required');
    // Text is read only as a decimal number (Number() would also read hexadecimal, binary and octal).
    var n = typeof v === 'string' && DECIMAL.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !isFinite(n)) fail(field, 'must be a number');
    return n;
  }
  var DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
  var AGES = ['corrected', 'chronological'];

  /** Builds the functions for a host: `date(value, field)` gives `YYYY-MM-DD`, `error(message)` the cell of a bad row. */
  function make(host) {
    var pad = function (n, w) { var s = String(n); while (s.length < w) s = '0' + s; return s; };
    function isoText(field, v) {
      var m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(v);
      if (!m) fail(field, 'must be a date (a date cell, or text written YYYY-MM-DD)');
      return m[1] + '-' + m[2] + '-' + m[3];
    }
    /** `YYYY-MM-DD` from a calendar date given as numbers (months 1-12), refusing days that do not exist. */
    function ymd(field, y, m, d) {
      if (!(y >= 1 && y <= 9999)) fail(field, 'must be a date between the years 1 and 9999');
      var t = new Date(Date.UTC(2000, m - 1, d));
      t.setUTCFullYear(y);
      if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) fail(field, 'is not a date');
      return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
    }
    function date(field, v) {
      if (isBlank(v)) fail(field, 'is required');
      return typeof v === 'string' ? isoText(field, v) : host.date(v, field, ymd, fail);
    }

    /**
     * One call over the shape of `args` (an object of named arguments): `row(get)` answers one position, blank where
     * an argument of `blankWhen` is blank; an engine error that names no field is reported against `field`.
     */
    function each(args, names, row, blankWhen, field) {
      var shape = shapeOf(names.map(function (n) { return args[n]; }));
      var out = [];
      for (var r = 0; r < shape.rows; r++) {
        var line = [];
        for (var c = 0; c < shape.cols; c++) {
          var get = function (n) { return at(args[n], r, c); };
          line.push(cell(function () {
            return blankWhen.some(function (n) { return isBlank(get(n)); }) ? '' : row(get, r, c);
          }, shape.ranged, field));
        }
        out.push(line);
      }
      return host.ranged(shape.ranged) ? out : out[0][0];
    }
    function cell(compute, ranged, field) {
      try {
        return compute();
      } catch (e) {
        var message = e instanceof Bad ? e.message : engineMessage(e, field);
        if (!ranged && host.throwSingle) throw new Error(message);
        return host.error(message);
      }
    }
    function engineMessage(e, field) {
      if (!e || e.name !== 'CentileError' || !e.detail) throw e;
      var d = e.detail[0], loc = d.loc.filter(function (l) { return l !== 'body' && l !== 'path'; });
      return (loc.length ? loc.join('.') : field) + ': ' + d.msg;
    }

    var MEASUREMENT = ['reference', 'birth_date', 'observation_date', 'sex', 'measurement_method', 'observation_value',
      'gestation_weeks', 'gestation_days'];
    /** The dGC measurement object of one row of a measurement function. */
    function measure(get) {
      return centile.calculation(text('reference', get('reference')), {
        birth_date: date('birth_date', get('birth_date')),
        observation_date: date('observation_date', get('observation_date')),
        sex: text('sex', get('sex')),
        measurement_method: text('measurement_method', get('measurement_method')),
        observation_value: number('observation_value', get('observation_value')),
        gestation_weeks: number('gestation_weeks', get('gestation_weeks'), true),
        gestation_days: number('gestation_days', get('gestation_days'), true),
      });
    }
    /** A function of one measurement's result at the age the `age` argument chooses. */
    function measured(pick) {
      return function (args) {
        return each(args, MEASUREMENT.concat('age'), function (get) {
          var age = word('age', get('age'), AGES, 'corrected');
          var m = measure(get), v = m.measurement_calculated_values;
          return pick(m, v, age);
        }, ['observation_value'], 'observation_value');
      };
    }
    /**
     * The result at `age`, which the reference may have no data for (the engine says why); a value flagged as
     * implausible (judged at the corrected age, where there is data: a height in metres, beyond ±8 SDS) is an error.
     */
    function known(m, age, key) {
      var v = plausible(m).measurement_calculated_values;
      var value = v[age + '_' + key];
      if (value === null || value === undefined) fail(age + '_age', v[age + '_measurement_error'] || 'the reference has no value at this age');
      return value;
    }

    /** `m`, unless its value is flagged as implausible where the reference has data (then an error). */
    function plausible(m) {
      var flag = m.child_observation_value.observation_value_error;
      if (flag && m.measurement_calculated_values.corrected_sds !== null) fail('observation_value', flag);
      return m;
    }

    var fns = {
      sds: measured(function (m, v, age) { return known(m, age, 'sds'); }),
      centile: measured(function (m, v, age) { return known(m, age, 'centile'); }),
      band: measured(function (m, v, age) {
        known(m, age, 'sds');
        return v[age + '_centile_band'] || '';
      }),
      age: measured(function (m, v, age) { return m.measurement_dates[age + '_decimal_age']; }),
      velocity: function (args) {
        // Each row against the row above it: the same child (reference, birth date, sex, method, gestation). A row
        // whose value is flagged as implausible is an error, and the row after it has no row above.
        var names = MEASUREMENT, shape = shapeOf(names.map(function (n) { return args[n]; }));
        var results = each(args, names, function (get) { return { m: plausible(measure(get)), key: names.filter(function (n) {
          return n !== 'observation_date' && n !== 'observation_value'; }).map(function (n) { return String(get(n)); }).join('\u0000') }; },
        ['observation_value'], 'observation_value');
        if (!shape.ranged) return host.ranged(false) ? [['']] : '';
        return results.map(function (line, r) {
          return line.map(function (now, c) {
            var before = r > 0 ? results[r - 1][c] : null;
            if (!now || typeof now !== 'object' || !now.m) return now;
            if (!before || typeof before !== 'object' || !before.m || before.key !== now.key) return '';
            return cell(function () { return centile.velocity(now.m.child_observation_value.measurement_method, [before.m, now.m]); }, true, 'observation_date');
          });
        });
      },
      midparentalHeight: function (args) {
        var OUT = ['height', 'sds', 'centile', 'lower', 'upper'];
        return each(args, ['reference', 'height_maternal', 'height_paternal', 'sex', 'output'], function (get) {
          var out = word('output', get('output'), OUT, 'height');
          var r = centile.midParentalHeight({ reference: text('reference', get('reference')), sex: text('sex', get('sex')),
            height_maternal: number('height_maternal', get('height_maternal')),
            height_paternal: number('height_paternal', get('height_paternal')) });
          var value = { height: r.mid_parental_height, sds: r.mid_parental_height_sds, centile: r.mid_parental_height_centile,
            lower: r.mid_parental_height_lower_value, upper: r.mid_parental_height_upper_value }[out];
          if (value === null) fail('height_maternal', 'the reference has no height at this SDS');
          return value;
        }, ['height_maternal', 'height_paternal'], 'height_maternal');
      },
      bmi: function (args) {
        return each(args, ['weight', 'height'], function (get) {
          return centile.bmiFromHeightWeight(number('height', get('height')), number('weight', get('weight')));
        }, ['weight', 'height'], 'height');
      },
      measurement: function (args) {
        return each(args, ['reference', 'age_years', 'sex', 'measurement_method', 'sds'], function (get) {
          return atSds(get, number('sds', get('sds')));
        }, ['age_years', 'sds'], 'sds');
      },
      measurementAtCentile: function (args) {
        return each(args, ['reference', 'age_years', 'sex', 'measurement_method', 'centile'], function (get) {
          return atSds(get, centile.sdsForCentile(number('centile', get('centile'))));
        }, ['age_years', 'centile'], 'centile');
      },
    };
    function atSds(get, sds) {
      var value = centile.measurementFromSds({ reference: text('reference', get('reference')), sex: text('sex', get('sex')),
        measurement_method: text('measurement_method', get('measurement_method')), age: number('age_years', get('age_years')), sds: sds });
      if (value === null) fail('sds', 'the reference has no measurement at this age and SDS');
      return value;
    }

    // The RCPCH Google Sheets plugin's two functions (UK-WHO), with its arguments and column order; its API key is
    // accepted and ignored, and its dates are read as the calendar dates the sheet shows.
    var PLUGIN = ['birth_date', 'observation_date', 'gestation_weeks', 'gestation_days', 'sex', 'measurement_method',
      'observation_value', 'data_to_return'];
    function plugin(columns) {
      return function (args) {
        var shape = shapeOf(PLUGIN.map(function (n) { return args[n]; }));
        if (shape.cols !== 1) throw new Error('give each argument as one cell or one column');
        var choice = cell(function () { return word('data_to_return', at(args.data_to_return, 0, 0), Object.keys(columns), 'both'); }, false, 'data_to_return');
        var valid = typeof choice === 'string' && Object.prototype.hasOwnProperty.call(columns, choice);
        var width = valid ? columns[choice].length : 1;
        var rows = [];
        for (var r = 0; r < shape.rows; r++) {
          var get = function (n) { return at(args[n], r, 0); };
          // An unknown choice has thrown in Google Sheets (the formula's error); Excel shows its error on every row.
          if (!valid) { rows.push([choice]); continue; }
          var line = cell(function () {
            if (isBlank(get('observation_value'))) return null;
            var m = measure(function (n) { return n === 'reference' ? 'uk-who' : get(n); });
            return columns[choice].map(function (pick) { var x = pick(m); return x === null ? '' : x; });
          }, true, 'observation_value');
          rows.push(line === null ? blankRow(width) : isRange(line) ? line : [line].concat(blankRow(width - 1)));
        }
        return rows;
      };
    }
    var blankRow = function (n) { var a = []; for (var i = 0; i < n; i++) a.push(''); return a; };
    var value = function (key) { return function (m) { return m.measurement_calculated_values[key]; }; };
    var age = function (key) { return function (m) { return m.measurement_dates[key]; }; };
    var centiles = [value('corrected_centile'), value('chronological_centile')];
    fns.ukWhoSdsCentile = plugin({
      both: [value('corrected_sds'), value('chronological_sds'), value('corrected_centile'), value('chronological_centile')],
      sds: [value('corrected_sds'), value('chronological_sds')],
      centiles: centiles,
      centile: centiles,
    });
    fns.ukWhoDecimalAge = plugin({
      both: [age('chronological_decimal_age'), age('corrected_decimal_age')],
      chron: [age('chronological_decimal_age')],
      corr: [age('corrected_decimal_age')],
    });
    return fns;
  }

  return { make: make };
})();

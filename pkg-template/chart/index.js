// centile/chart: a growth chart as an SVG string, drawn from the engine's own chartCoordinates.
//
// renderChart(options) is a pure function of its options: no DOM, no dependency but the engine (imported by the
// package's own name, so a bundler's conditions pick the same engine as `centile`: WebAssembly, or centile/js in
// React Native), and byte-identical output for the same input on every JavaScript engine (numbers are written with
// String() after rounding, which ECMAScript defines exactly). Centile lines are drawn from chartCoordinates at draw
// time; no line data ships.
//
// The drawing follows the RCPCH Digital Growth Charts client specification: the Cole nine centiles (0.4th, 9th,
// 50th, 91st and 99.6th dashed, the rest thin and solid, the 50th not emphasised), each reference segment a separate
// series (both the lying and the standing line at 2 years; transitions signposted), labelled centiles, age ticks by
// age band, no gridlines, points not joined (a dot at chronological age, a cross at corrected age, joined by a
// line), bone age as a cross with a dashed link, events as arrows outside the centiles, an SDS chart with lines
// every 0.67 SD, measurements to 1 dp, centiles as integers (<0.4, >99.6 at the extremes), mid-parental height
// with its range, and the reference's acknowledgement. Every line, point and the plot area carry data attributes
// (data-centile, data-segment, data-age-kind, data-decimal-age, data-value, data-x-domain ...) so a program can
// check the drawing against the numbers.
import { buildInfo, CentileError, chartCoordinates } from 'centile';

/** Ages (decimal years) at the reference transitions: 42 weeks' gestation (2 weeks after the due date), 2 and 4 years. */
const TERM_PLUS_TWO_WEEKS = 14 / 365.25;
const WEEK = 7 / 365.25;
/** The Cole nine SDS lines; those at an even multiple of 2/3 SD (0, ±1.33, ±2.67) are dashed. */
const SDS_LINES = [-8, -6, -4, -2, 0, 2, 4, 6, 8].map((k) => k / 3);
const DASH = '6 4';

/** English messages; pass `messages` to replace any of them. */
export const MESSAGES = {
  title: { height: 'Length / height', weight: 'Weight', ofc: 'Head circumference', bmi: 'Body mass index', sds: 'SDS' },
  unit: { height: 'cm', weight: 'kg', ofc: 'cm', bmi: 'kg/m²', sds: 'SDS' },
  imperialUnit: { height: 'in', weight: 'lb', ofc: 'in' },
  sex: { male: 'boy', female: 'girl' },
  age: 'Age',
  gestation: 'Gestation (weeks)',
  weeks: 'w',
  months: 'm',
  years: 'y',
  chronological: 'chronological age',
  corrected: 'corrected age',
  bone: 'bone age',
  centile: 'centile',
  sdsAxis: 'Standard deviation score',
  transition: {
    uk90_preterm: 'UK90 preterm → WHO at 2 weeks after term',
    lying: 'Length (lying) → height (standing) at 2 years: both lines drawn',
    uk_who_child: 'WHO → UK90 at 4 years',
    generic: 'Reference data change here',
  },
  /** The short signpost drawn at each transition (the sentence above is its tooltip). */
  transitionLabel: { uk90_preterm: 'preterm | WHO', lying: 'lying | standing', uk_who_child: 'WHO | UK90', generic: '|' },
  weightLoss: 'It is normal for babies to lose up to 10% of their birth weight in the first two weeks.',
  puberty: {
    female: 'Puberty usually starts in girls between 8 and 13 years',
    male: 'Puberty usually starts in boys between 9 and 14 years',
  },
  midParental: 'Mid-parental height',
  midParentalRange: 'range',
  weeksPremature: 'corrected for {weeks} weeks premature',
  gestationalAge: '{weeks}+{days} weeks gestation',
  noData: 'No measurements in this age window',
  acknowledgement: {
    'uk-who': 'UK-WHO: WHO Child Growth Standards 2006 and UK 1990 reference (Freeman, Cole, Preece); data © RCPCH, WHO',
    who: 'WHO Child Growth Standards 2006 and WHO 2007 growth reference; data © World Health Organization',
    cdc: 'CDC 2000 growth charts (Kuczmarski et al.) and WHO Child Growth Standards 2006 below 2 years',
    'turners-syndrome': 'UK Turner syndrome reference (Lyon, Preece, Grant 1985)',
    'trisomy-21': 'UK Down syndrome reference (Styles, Cole, Dennis, Preece 2002)',
    'trisomy-21-aap': 'US Down syndrome growth charts (Zemel et al. 2015, AAP)',
  },
  provenance: 'Drawn by centile {version}, tables {fingerprint}',
  /**
   * A centile line's label is the centile and a suffix chosen by the English rule: `one` after 1, 21, 31…, `two`
   * after 2, 22…, `few` after 3, 23…, `other` after the rest (11–13 and decimals too). A language with one form
   * gives all four the same (German `.`).
   */
  ordinal: { one: 'st', two: 'nd', few: 'rd', other: 'th' },
  /** <centile-chart>'s choice of age window: its name, and each window's label by its age-window value. */
  ageWindow: 'Age window',
  ageWindows: { auto: 'Fit visits', '0 1': '0–1 y', '0 4': '0–4 y', '2 18': '2–18 y', whole: 'All ages' },
  /** <centile-chart>'s table twin. */
  table: 'Table',
};

/** The default light theme: colours at 3:1 or more against the background. */
export const THEME = {
  background: '#ffffff',
  text: '#1f2933',
  axis: '#52606d',
  line: '#52606d',
  label: '#3e4c59',
  chronological: '#0b5a6b',
  corrected: '#0b5a6b',
  bone: '#6b3fa0',
  event: '#1f2933',
  midParental: '#8a4b00',
  transition: '#7b8794',
  puberty: '#eef2f5',
  methods: { height: '#1c4f9c', weight: '#b3261e', ofc: '#2d6a2e', bmi: '#6b3fa0' },
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

/** What String() writes after the point for each whole number of hundredths: '', '.01' … '.1' … '.99'. */
const CENTS = Array.from({ length: 100 }, (_, c) => (c === 0 ? '' : `.${c < 10 ? '0' : ''}${c % 10 === 0 ? c / 10 : c}`));

/**
 * A number as SVG text, rounded to 0.01 (px): what String(Math.round(v * 100) / 100) writes, built from the whole
 * hundredths (an integer, which every engine writes alike, and its fraction from CENTS: faster than writing a
 * fraction, and the chart writes thousands of them).
 */
function px(v) {
  const r = Math.round(v * 100);
  if (!(r < 1e15 && r > -1e15)) return String(r / 100 + 0);
  const a = r < 0 ? -r : r;
  const whole = Math.floor(a / 100);
  const text = whole + CENTS[a - whole * 100];
  return r < 0 ? `-${text}` : text;
}
const SPECIAL = /[&<>"']/;
const esc = (s) => (typeof s === 'number' || !SPECIAL.test(s) ? String(s) : String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
/** ` name="value"` for each attribute of `o` that is set, in order (a loop: the chart writes hundreds). */
function attrs(o) {
  let text = '';
  for (const k in o) {
    const v = o[k];
    if (v !== undefined && v !== null) text += ` ${k}="${esc(v)}"`;
  }
  return text;
}
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

/** `0.4th`, `2nd`, `91st`, `99.6th`: the centile (to one decimal) and its suffix from `suffix` (MESSAGES.ordinal). */
export function ordinal(centile, suffix = MESSAGES.ordinal) {
  const text = String(Math.round(centile * 10) / 10);
  if (text.includes('.')) return `${text}${suffix.other}`;
  const n = Number(text);
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${text}${teen ? suffix.other : ({ 1: suffix.one, 2: suffix.two, 3: suffix.few })[n % 10] ?? suffix.other}`;
}

/** A centile as the specification reports it: an integer, one decimal below 1 or above 99, `<0.4` and `>99.6` beyond. */
export function formatCentile(centile) {
  if (centile === null || centile === undefined || !Number.isFinite(centile)) return '';
  if (centile < 0.4) return '<0.4';
  if (centile > 99.6) return '>99.6';
  if (centile < 1 || centile > 99) return (Math.round(centile * 10) / 10).toFixed(1);
  return String(Math.round(centile));
}

/** A measurement to one decimal place. */
export const formatValue = (value) => (Math.round(value * 10) / 10).toFixed(1);

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over `span`. */
function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Whole multiples of `step` within [lo, hi], as exact decimals. */
function multiples(lo, hi, step) {
  const out = [];
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9; i++) out.push(Number((i * step).toFixed(digits)));
  return out;
}

/** chartCoordinates' third argument for its lines as arrays of ages and values, without an object per point. */
const CHART_LINES = Symbol.for('centile.chartLines');

/**
 * The lines of a chart, by segment, from chartCoordinates: the last few are kept, so redrawing the same chart after
 * an edit does not ask the engine again (the answer depends on the request alone).
 */
const drawnLines = new Map();
function centileLines(reference, sex, method, format) {
  const key = JSON.stringify([reference, sex, method, format]);
  let lines = drawnLines.get(key);
  if (!lines) {
    const request = { sex, measurement_method: method, centile_format: format };
    lines = segments(chartCoordinates(reference, request, CHART_LINES).centile_data, sex, method);
    if (drawnLines.size >= 8) drawnLines.delete(drawnLines.keys().next().value);
    drawnLines.set(key, lines);
  }
  return lines;
}

/**
 * The segments of a chartCoordinates answer as `{ name, lines: [{ centile, sds, x, y }] }`: each line's ages and
 * values, NaN where a value is null (as chartCoordinates gives them with CHART_LINES; a dGC line's points are read
 * into arrays).
 */
function segments(answer, sex, method) {
  const out = [];
  for (const item of answer) {
    for (const [name, bySex] of Object.entries(item)) {
      const lines = bySex?.[sex]?.[method];
      if (lines) out.push({ name, lines: lines.map(lineOf) });
    }
  }
  return out;
}
/** One line of `segments`. */
function lineOf(l) {
  if (l.x) return { centile: l.centile, sds: l.sds, x: l.x, y: l.y };
  const data = l.data ?? [];
  return { centile: l.centile, sds: l.sds, x: data.map((p) => p.x), y: data.map((p) => (p.y === null ? NaN : p.y)) };
}

/** A 422 CentileError for the option at `loc` (a path under `options`), in the dGC API's detail shape. */
function refused(loc, msg, type = 'value_error') {
  const where = ['options', ...loc];
  return new CentileError(`${where.join('.')}: ${msg}`, [{ loc: where, msg, type, input: null }]);
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFinite = (v) => typeof v === 'number' && Number.isFinite(v);
/** The most measurements one chart draws (each is a point, a cross and a label). */
const MAX_MEASUREMENTS = 100000;

/** A drawable measurement's plottable data, or a 422 naming the part that is missing or mistyped. */
function checkMeasurement(m, i) {
  for (const part of ['centile_data', 'sds_data']) {
    const data = m.plottable_data[part];
    if (!isObject(data)) throw refused(['measurements', i, 'plottable_data', part], 'must be an object', 'dict_type');
    for (const age of ['chronological_decimal_age_data', 'corrected_decimal_age_data']) {
      const point = data[age];
      if (!isObject(point) || !isFinite(point.x) || !(point.y === null || isFinite(point.y))) {
        throw refused(['measurements', i, 'plottable_data', part, age], 'must be a point with a finite x and a finite or null y');
      }
    }
  }
  if (!isObject(m.measurement_calculated_values)) throw refused(['measurements', i, 'measurement_calculated_values'], 'must be an object', 'dict_type');
  if (!isObject(m.child_observation_value) || typeof m.child_observation_value.measurement_method !== 'string') {
    throw refused(['measurements', i, 'child_observation_value'], 'must name its measurement_method', 'dict_type');
  }
}

/**
 * Options read once, with their defaults. Anything mistyped is a 422 CentileError naming the option, so a chart is
 * never drawn from a guess (a size that is not a number, a window that is not two ages, a measurement without its
 * plottable data).
 */
function settings(options) {
  const o = options ?? {};
  if (!isObject(o)) throw refused([], 'options must be an object', 'dict_type');
  for (const key of ['reference', 'sex', 'measurement_method']) {
    if (typeof o[key] !== 'string') throw refused([key], 'is required, as a string', 'string_type');
  }
  const choice = (key, allowed) => {
    if (o[key] !== undefined && !allowed.includes(o[key])) throw refused([key], `must be one of ${allowed.join(', ')}`, 'literal_error');
  };
  choice('kind', ['centile', 'sds']);
  choice('age', ['chronological', 'corrected', 'both']);
  for (const key of ['width', 'height']) {
    if (o[key] !== undefined && !(isFinite(o[key]) && o[key] >= 160 && o[key] <= 10000)) throw refused([key], 'must be a number of pixels from 160 to 10000', 'float_type');
  }
  const span = o.ageWindow;
  if (span !== undefined && span !== 'auto' && span !== 'whole'
    && !(Array.isArray(span) && span.length === 2 && span.every(isFinite) && span[0] < span[1])) {
    throw refused(['ageWindow'], "must be 'auto', 'whole' or [from, to] in decimal years with from < to");
  }
  const c = o.centiles;
  if (c !== undefined && typeof c !== 'string' && !(Array.isArray(c) && c.length >= 1 && c.length <= 15 && c.every((v) => isFinite(v) && v > 0 && v < 100))) {
    throw refused(['centiles'], 'must be a centile format name or 1 to 15 centiles between 0 and 100');
  }
  if (o.measurements !== undefined && o.measurements !== null) {
    if (!Array.isArray(o.measurements)) throw refused(['measurements'], 'must be a list', 'list_type');
    if (o.measurements.length > MAX_MEASUREMENTS) throw refused(['measurements'], `must hold at most ${MAX_MEASUREMENTS} items`, 'too_long');
  }
  for (const key of ['childLabel', 'title']) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== 'string') throw refused([key], 'must be a string', 'string_type');
  }
  for (const key of ['messages', 'theme', 'midParentalHeight']) {
    if (o[key] !== undefined && o[key] !== null && !isObject(o[key])) throw refused([key], 'must be an object', 'dict_type');
  }
  // Error entries of a bulk result (no plottable data) are skipped; anything that claims plottable data must hold it.
  const measurements = (o.measurements ?? []).map((m, index) => ({ m, index })).filter(({ m }) => isObject(m) && m.plottable_data !== undefined && m.plottable_data !== null);
  for (const { m, index } of measurements) {
    if (!isObject(m.plottable_data)) throw refused(['measurements', index, 'plottable_data'], 'must be an object', 'dict_type');
    checkMeasurement(m, index);
  }
  const messages = { ...MESSAGES, ...o.messages };
  const theme = { ...THEME, ...o.theme, methods: { ...THEME.methods, ...o.theme?.methods } };
  return {
    reference: o.reference,
    sex: o.sex,
    method: o.measurement_method,
    kind: o.kind === 'sds' ? 'sds' : 'centile',
    age: ['chronological', 'corrected', 'both'].includes(o.age) ? o.age : 'both',
    centiles: o.centiles ?? 'cole-nine-centiles',
    /** The measurements that can be drawn (not a bulk result's errors), with their index in `measurements`. */
    measurements,
    mph: o.midParentalHeight ?? null,
    width: o.width ?? 720,
    height: o.height ?? 480,
    span: o.ageWindow ?? 'auto',
    imperial: Boolean(o.imperial),
    childLabel: o.childLabel ?? '',
    title: o.title ?? null,
    messages,
    theme,
  };
}

/** The ages each measurement is drawn at, by kind, as the chart shows them. */
function plotted(s) {
  const points = [];
  for (const { m, index } of s.measurements) {
    const method = m.child_observation_value.measurement_method;
    if (s.kind === 'centile' && method !== s.method) continue;
    const data = s.kind === 'sds' ? m.plottable_data.sds_data : m.plottable_data.centile_data;
    const chrono = data.chronological_decimal_age_data;
    const corr = data.corrected_decimal_age_data;
    const calc = m.measurement_calculated_values;
    const value = m.child_observation_value.observation_value;
    const point = (kind, x, y, centile, band, sds, partner) => ({ index, method, measurement: m, value, kind, x, y, centile, band, sds, partner });
    const same = Math.abs(chrono.x - corr.x) < 1e-9;
    const showChrono = s.age !== 'corrected' && chrono.y !== null;
    // A corrected age the reference has no data for has a null corrected value: only the chronological point is drawn.
    const showCorr = corr.y !== null && (s.age === 'corrected' || (s.age === 'both' && !same));
    const chronoPoint = showChrono
      ? point('chronological', chrono.x, chrono.y, calc.chronological_centile, calc.chronological_centile_band, calc.chronological_sds, null) : null;
    // On the SDS chart the corrected SDS is plotted against chronological age (labelled with the weeks premature).
    const corrPoint = showCorr
      ? point('corrected', s.kind === 'sds' ? chrono.x : corr.x, corr.y, calc.corrected_centile, calc.corrected_centile_band, calc.corrected_sds, chronoPoint)
      : null;
    if (chronoPoint) points.push(chronoPoint);
    if (corrPoint) points.push(corrPoint);
    const b = m.bone_age;
    if (s.kind === 'centile' && b && typeof b.bone_age === 'number') {
      points.push(point('bone', b.bone_age, value, b.bone_age_centile, b.bone_age_text, b.bone_age_sds, chronoPoint || corrPoint));
    }
  }
  return points;
}

/** The age window [from, to] in decimal years. */
function ageWindow(s, points, extent) {
  const [refMin, refMax] = extent;
  const clamp = ([a, b]) => [Math.max(a, refMin), Math.min(b, refMax)];
  if (Array.isArray(s.span)) return clamp(s.span);
  if (s.span === 'whole' || points.length === 0) return [refMin, refMax];
  const ages = points.map((p) => p.x);
  const lo = Math.min(...ages);
  const hi = Math.max(...ages);
  const from = lo < 0 ? refMin : lo >= 4 ? 4 : lo >= 2 ? 2 : 0;
  const to = [TERM_PLUS_TWO_WEEKS, 1, 2, 4, 8, 12, 18, refMax].find((t) => t >= hi && t > from) ?? refMax;
  return clamp([from, to]);
}

/** A centile line is dashed where the specification dashes the Cole nine: 0, ±1.33 and ±2.67 SD. */
const dashed = (sds) => [-8, -4, 0, 4, 8].some((k) => Math.abs(sds - k / 3) < 0.01);

/** The age ticks of [from, to]: gestation weeks below 42 weeks; weeks and months to 2 years; months and years to 4 years; years after. */
function ageTicks(from, to, pxPerYear, m) {
  const ticks = [];
  const add = (age, unit, label, minor) => {
    if (age >= from - 1e-9 && age <= to + 1e-9) ticks.push({ age, unit, label, minor });
  };
  const spaced = (step) => step * pxPerYear >= 6;
  const labelled = (step) => step * pxPerYear >= 36;
  // Gestation, 23 to 42 weeks (age before 2 weeks after the due date).
  const gStep = [1, 2].find((k) => spaced(k * WEEK)) ?? 4;
  const gEvery = [1, 2, 4, 8].find((k) => labelled(k * gStep * WEEK)) ?? 8;
  for (let w = 22 + ((40 - 22) % gStep); w <= 42; w += gStep) {
    const age = ((w - 40) * 7) / 365.25;
    if (age < TERM_PLUS_TWO_WEEKS - 1e-9) add(age, 'gestation-week', (w - 40) % (gEvery * gStep) === 0 ? `${w}` : '', false);
  }
  // 2 weeks to 2 years: weeks to 12 weeks, then months.
  if (spaced(WEEK * 2)) {
    const every = labelled(2 * WEEK) ? 2 : labelled(4 * WEEK) ? 4 : 0;
    for (let w = 2; w <= 12; w += 2) add(w * WEEK, 'week', every && w % every === 0 ? `${w}${m.weeks}` : '', false);
  }
  const monthStep = [1, 2, 3, 6, 12].find((k) => spaced(k / 12)) ?? 12;
  const monthLabel = [1, 2, 3, 6, 12].find((k) => labelled(k / 12)) ?? 24;
  for (let mo = monthStep; mo < 24; mo += monthStep) {
    if (mo < 3 && spaced(WEEK * 2)) continue;
    add(mo / 12, mo % 12 === 0 ? 'year' : 'month', mo % monthLabel === 0 ? (mo % 12 === 0 ? `${mo / 12}${m.years}` : `${mo}${m.months}`) : '', mo % monthLabel !== 0);
  }
  // 2 to 4 years: 3-monthly, labelled in years (and months where there is room).
  const quarter = spaced(0.25) ? 0.25 : spaced(0.5) ? 0.5 : 1;
  for (let q = 2; q < 4 - 1e-9; q += quarter) {
    const whole = Math.abs(q - Math.round(q)) < 1e-9;
    const text = whole ? `${Math.round(q)}${m.years}` : labelled(quarter) ? `${Math.round(q * 12)}${m.months}` : '';
    add(q, whole ? 'year' : 'month', text, !text);
  }
  // 4 years on: yearly, with 6-monthly ticks.
  const yearStep = [1, 2, 5].find((k) => labelled(k)) ?? 5;
  const half = spaced(0.5) ? 0.5 : spaced(1) ? 1 : 2;
  for (let a = 4; a <= to + 1e-9; a += half) {
    const whole = Math.abs(a - Math.round(a)) < 1e-9;
    add(a, 'year', whole && Math.round(a) % yearStep === 0 ? `${Math.round(a)}${m.years}` : '', !(whole && Math.round(a) % yearStep === 0));
  }
  ticks.sort((a, b) => a.age - b.age);
  // Labels never crowd: a label closer than 30 px to the previous one is dropped (its tick stays).
  let last = -Infinity;
  for (const t of ticks) {
    if (!t.label) continue;
    const at = t.age * pxPerYear;
    if (at - last < 30) t.label = '';
    else last = at;
  }
  return ticks;
}

/** Imperial equivalents of a metric value. */
const IMPERIAL = { height: 1 / 2.54, ofc: 1 / 2.54, weight: 2.2046226218 };

/**
 * The chart as an SVG string. See index.d.ts for the options.
 * @param {import('./index.js').ChartOptions} options
 * @returns {string}
 */
export function renderChart(options) {
  const s = settings(options);
  const { messages: m, theme: t } = s;
  const points = plotted(s);
  const info = buildInfo();

  // Centile lines (centile chart) or SDS lines (SDS chart).
  let segs = [];
  let extent;
  if (s.kind === 'centile') {
    segs = centileLines(s.reference, s.sex, s.method, s.centiles);
    const xs = segs.flatMap((g) => g.lines.flatMap((l) => (l.x.length ? [l.x[0], l.x[l.x.length - 1]] : [])));
    extent = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 20];
  } else {
    const ages = points.map((p) => p.x);
    extent = ages.length ? [Math.min(0, ...ages), Math.max(...ages)] : [0, 20];
    if (extent[1] - extent[0] < 0.25) extent = [extent[0], extent[0] + 0.25];
  }
  const [from, to] = ageWindow(s, points, extent);

  // Layout.
  const events = points.some((p) => p.kind !== 'bone' && p.measurement.events_data?.events_text?.length);
  const top = 34 + (events ? 26 : 0);
  const left = 56;
  const right = s.width - 56 - (s.imperial && IMPERIAL[s.method] && s.kind === 'centile' ? 44 : 0);
  // The footer: the neonatal weight-loss note (on weight charts showing the first two weeks after birth), the
  // reference's acknowledgement and the provenance, wrapped to the width.
  const ack = m.acknowledgement[s.reference === 'turner' ? 'turners-syndrome' : s.reference] ?? '';
  const provenance = fill(m.provenance, { version: info.version, fingerprint: info.reference_data_fingerprint.slice(0, 12) });
  const wrap = (text) => wrapText(text, Math.max(20, Math.floor((s.width - left - 8) / 5)));
  const notes = [];
  if (s.kind === 'centile' && s.method === 'weight' && from < TERM_PLUS_TWO_WEEKS && to > 0) {
    notes.push(...wrap(m.weightLoss).map((text) => ['weight-loss', text]));
  }
  notes.push(...wrap(ack).map((text) => ['acknowledgement', text]));
  notes.push(...wrap(`${s.childLabel ? `${s.childLabel} · ` : ''}${provenance}`).map((text) => ['provenance', text]));
  const footer = 8 + notes.length * 12;
  const bottom = s.height - footer - 40;

  // The y domain: the lines and points in the window.
  const inWindow = (x) => x >= from - 1e-9 && x <= to + 1e-9;
  const shown = points.filter((p) => inWindow(p.x));
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v) => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  if (s.kind === 'centile') {
    // Every vertex of every line in the window (thousands, on the first draw of a chart: see written out).
    for (const g of segs) {
      for (const l of g.lines) {
        const [a, b] = within(l.x, from, to);
        const ys = l.y;
        for (let i = a; i <= b; i++) {
          const y = ys[i];
          if (y !== y) continue;
          if (y < lo) lo = y;
          if (y > hi) hi = y;
        }
      }
    }
    const mph = s.mph && s.method === 'height' && to >= 18 ? [s.mph.mid_parental_height_lower_value, s.mph.mid_parental_height_upper_value] : [];
    for (const v of mph) if (typeof v === 'number') see(v);
  } else {
    see(-3);
    see(3);
  }
  for (const p of shown) see(p.y);
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const pad = (hi - lo) * 0.04 || 1;
  const step = niceStep(hi - lo + 2 * pad, Math.max(3, Math.round((bottom - top) / 48)));
  const y0 = s.kind === 'sds' ? Math.min(-3, Math.floor((lo - pad) / 0.5) * 0.5) : Math.floor((lo - pad) / step) * step;
  const y1 = s.kind === 'sds' ? Math.max(3, Math.ceil((hi + pad) / 0.5) * 0.5) : Math.ceil((hi + pad) / step) * step;
  const map = linearMap([from, to], [left, right], [y0, y1], [bottom, top]);
  const { x: xMap, y: yMap } = map;

  const out = [];
  const unit = s.kind === 'sds' ? m.unit.sds : m.unit[s.method];
  const title = s.title ?? (s.kind === 'sds'
    ? `${m.title.sds} · ${m.sex[s.sex] ?? s.sex}${s.childLabel ? ` · ${s.childLabel}` : ''}`
    : `${m.title[s.method]} (${unit}) · ${m.sex[s.sex] ?? s.sex}${s.childLabel ? ` · ${s.childLabel}` : ''}`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg"${attrs({
    viewBox: `0 0 ${s.width} ${s.height}`, width: s.width, height: s.height, role: 'figure', 'aria-label': title,
    'font-family': t.font, 'font-size': 11, class: 'centile-chart', 'data-kind': s.kind, 'data-reference': s.reference,
    'data-sex': s.sex, 'data-measurement-method': s.kind === 'centile' ? s.method : undefined,
    'data-centile-version': info.version, 'data-table-fingerprint': info.reference_data_fingerprint,
  })}>`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<metadata>${esc(JSON.stringify({ child: s.childLabel, reference: s.reference, centile: info.version,
    tables: info.reference_data_fingerprint, attribution: ack }))}</metadata>`);
  out.push(`<defs><clipPath id="centile-plot"><rect${attrs({ x: left, y: px(top), width: px(right - left), height: px(bottom - top) })}/></clipPath></defs>`);
  out.push(`<rect class="background" part="background" width="100%" height="100%"${attrs({ fill: t.background })}/>`);
  // On a narrow chart the visible title keeps what fits (about 8 px a character), whole parts at a time; the full
  // title stays the chart's name, and the child label is in the footer.
  const parts = title.split(' · ');
  while (parts.length > 1 && parts.join(' · ').length * 8 > s.width - left - 8) parts.pop();
  out.push(`<text class="title" x="${left}" y="20" font-size="14" font-weight="600"${attrs({ fill: t.text })}>${esc(parts.join(' · '))}</text>`);

  // The SDS chart's legend: each method drawn, in its colour.
  if (s.kind === 'sds') {
    let x = s.width - 8;
    const methods = ['bmi', 'ofc', 'weight', 'height'].filter((k) => points.some((p) => p.method === k));
    for (const k of methods) {
      x -= m.title[k].length * 6 + 20;
      out.push(`<g class="legend" data-method="${k}"><circle${attrs({ cx: px(x + 4), cy: 16, r: 3.5, fill: t.methods[k] })}/>`
        + `<text${attrs({ x: px(x + 11), y: 20, fill: t.text })}>${esc(m.title[k])}</text></g>`);
    }
  }

  // The plot area, with the linear map from values to pixels.
  out.push(`<g class="plot"${attrs({
    'data-x-domain': `${from} ${to}`, 'data-y-domain': `${y0} ${y1}`,
    'data-x-range': `${px(left)} ${px(right)}`, 'data-y-range': `${px(bottom)} ${px(top)}`,
  })}>`);

  // Context drawn first, under the lines: puberty ages (uk-who / UK90 height, on the child's own sex's chart only).
  if (s.kind === 'centile' && s.method === 'height' && s.reference === 'uk-who') {
    const [a, b] = s.sex === 'female' ? [8, 13] : [9, 14];
    if (b > from && a < to) {
      const xa = xMap(Math.max(a, from));
      const xb = xMap(Math.min(b, to));
      out.push(`<g class="puberty" data-puberty="${a} ${b}"><rect${attrs({ x: px(xa), y: px(top), width: px(xb - xa), height: px(bottom - top), fill: t.puberty })}/>`
        + `<title>${esc(m.puberty[s.sex])}</title>`
        + (m.puberty[s.sex].length * 5 <= xb - xa
          ? `<text${attrs({ x: px((xa + xb) / 2), y: px(bottom - 6), 'text-anchor': 'middle', fill: t.label, 'font-size': 10 })}>${esc(m.puberty[s.sex])}</text>` : '')
        + '</g>');
    }
  }

  if (s.kind === 'centile') {
    const key = [from, to, left, right, top, bottom, y0, y1].join(' ');
    const uses = [t.line, t.transition, t.label, m.transition, m.transitionLabel, m.ordinal];
    out.push(linesDrawn(segs, key, uses, () => centileBlock(segs, map, top, bottom, t, m)));
  } else {
    out.push('<g class="sds-lines">');
    for (const sds of SDS_LINES) {
      const y = yMap(sds);
      const label = String(Math.round(sds * 100) / 100);
      out.push(`<line${attrs({ class: 'sds-line', 'data-sds': label, x1: left, x2: px(right), y1: px(y), y2: px(y), stroke: t.line,
        'stroke-width': 1, 'stroke-dasharray': dashed(sds) ? DASH : undefined })}/>`
        + `<text${attrs({ class: 'sds-label', 'data-sds': label, x: left - 6, y: px(y + 3.5), 'text-anchor': 'end', fill: t.label })}>${esc(label)}</text>`);
    }
    out.push('</g>');
  }

  // Mid-parental height: its centile line and range near adult age, and a bar with its value at the right edge.
  if (s.kind === 'centile' && s.method === 'height' && s.mph && to >= 18) {
    const mph = s.mph;
    const parts = [['centile', mph.mid_parental_height_centile_data], ['lower', mph.mid_parental_height_lower_centile_data],
      ['upper', mph.mid_parental_height_upper_centile_data]];
    out.push('<g class="mid-parental" clip-path="url(#centile-plot)">');
    for (const [which, data] of parts) {
      for (const g of segments(data ?? [], s.sex, 'height')) {
        for (const l of g.lines) {
          let k = 0;
          while (k < l.x.length && !(l.x[k] >= 18)) k++;
          const d = pathFor({ x: l.x.slice(k), y: l.y.slice(k) }, map);
          if (d) out.push(`<path${attrs({ class: 'mid-parental-line', 'data-mid-parental': which, 'data-segment': g.name, d, fill: 'none',
            stroke: t.midParental, 'stroke-width': which === 'centile' ? 1.5 : 1, 'stroke-dasharray': which === 'centile' ? undefined : '2 3' })}/>`);
        }
      }
    }
    out.push('</g>');
    const { mid_parental_height: value, mid_parental_height_lower_value: a, mid_parental_height_upper_value: b } = mph;
    if (typeof value === 'number') {
      const x = right - 6;
      const text = `${m.midParental} ${formatValue(value)} ${unit} (${formatCentile(mph.mid_parental_height_centile)} ${m.centile})`
        + (typeof a === 'number' && typeof b === 'number' ? `, ${m.midParentalRange} ${formatValue(a)}–${formatValue(b)} ${unit}` : '');
      out.push(`<g class="mid-parental-height" data-value="${value}" data-centile="${mph.mid_parental_height_centile}" role="img" aria-label="${esc(text)}"><title>${esc(text)}</title>`
        + (typeof a === 'number' && typeof b === 'number'
          ? `<line${attrs({ x1: px(x), x2: px(x), y1: px(yMap(a)), y2: px(yMap(b)), stroke: t.midParental, 'stroke-width': 2 })}/>` : '')
        + `<circle${attrs({ cx: px(x), cy: px(yMap(value)), r: 3.5, fill: t.midParental })}/></g>`);
    }
  }

  // Axes (no gridlines): ticks and labels only.
  out.push(`<g class="axes"${attrs({ stroke: t.axis, fill: t.text })}>`);
  // The age axis; on the SDS chart it crosses the SDS axis at 0, as the specification asks (ticks stay below the plot).
  const axisY = s.kind === 'sds' ? yMap(0) : bottom;
  out.push(`<line${attrs({ class: 'age-axis', x1: left, x2: px(right), y1: px(axisY), y2: px(axisY), 'stroke-width': 1 })}/>`);
  out.push(`<line${attrs({ x1: left, x2: left, y1: px(top), y2: px(bottom), 'stroke-width': 1 })}/>`);
  // The ticks of each unit are one path (a short stroke down from the axis at each age, longer where labelled) naming
  // their ages; each label is a text naming its age and unit.
  const ticks = ageTicks(from, to, (right - left) / (to - from), m);
  const labels = [];
  for (const unit of ['gestation-week', 'week', 'month', 'year']) {
    let d = '';
    let ages = '';
    for (const tick of ticks) {
      if (tick.unit !== unit) continue;
      d += `M${px(xMap(tick.age))} ${px(bottom)}v${tick.label ? 5 : 3}`;
      ages += `${ages ? ' ' : ''}${tick.age}`;
      if (tick.label) labels.push(tick);
    }
    if (d) out.push(`<path class="age-ticks" data-unit="${unit}" data-decimal-ages="${ages}" d="${d}"/>`);
  }
  for (const tick of labels.sort((a, b) => a.age - b.age)) {
    out.push(`<text class="age-label" data-decimal-age="${tick.age}" data-unit="${tick.unit}"${attrs({ x: px(xMap(tick.age)), y: px(bottom + 16), 'text-anchor': 'middle', stroke: 'none' })}>${esc(tick.label)}</text>`);
  }
  if (s.kind === 'centile') {
    // The value ticks are one path (a short stroke left from the value axis at each value) naming their values; each
    // label is a text naming its value.
    const values = multiples(y0, y1, step);
    out.push(`<path class="value-ticks" data-values="${values.join(' ')}" d="${values.map((v) => `M${left - 4} ${px(yMap(v))}h4`).join('')}"/>`);
    for (const v of values) {
      out.push(`<text class="value-label" data-value="${v}"${attrs({ x: left - 6, y: px(yMap(v) + 3.5), 'text-anchor': 'end', stroke: 'none' })}>${esc(String(v))}</text>`);
    }
    const factor = IMPERIAL[s.method];
    if (s.imperial && factor) {
      const ax = s.width - 40;
      const istep = niceStep((y1 - y0) * factor, Math.max(3, Math.round((bottom - top) / 48)));
      out.push(`<g class="imperial-axis" data-unit="${esc(m.imperialUnit[s.method])}"><line${attrs({ x1: ax, x2: ax, y1: px(top), y2: px(bottom) })}/>`);
      for (const v of multiples(y0 * factor, y1 * factor, istep)) {
        const y = yMap(v / factor);
        out.push(`<g class="value-tick" data-imperial-value="${v}"><line${attrs({ x1: ax, x2: ax + 4, y1: px(y), y2: px(y) })}/>`
          + `<text${attrs({ x: ax + 6, y: px(y + 3.5), stroke: 'none' })}>${esc(String(v))}</text></g>`);
      }
      out.push(`<text${attrs({ x: ax, y: px(top - 6), 'text-anchor': 'middle', stroke: 'none' })}>${esc(m.imperialUnit[s.method])}</text></g>`);
    }
  }
  const xTitle = from < TERM_PLUS_TWO_WEEKS && to <= TERM_PLUS_TWO_WEEKS + 1e-9 ? m.gestation : `${m.age} (${from < 0 ? `${m.gestation}, ` : ''}${m.weeks} / ${m.months} / ${m.years})`;
  out.push(`<text class="axis-title" x="${px((left + right) / 2)}" y="${px(bottom + 32)}" text-anchor="middle" stroke="none">${esc(xTitle)}</text>`);
  const yTitle = s.kind === 'sds' ? m.sdsAxis : `${m.title[s.method]} (${unit})`;
  out.push(`<text class="axis-title" transform="translate(14 ${px((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" stroke="none">${esc(yTitle)}</text>`);
  out.push('</g>');


  // Points: links first (under the marks), then the marks. Points are never joined to each other.
  const inPlot = shown.filter((p) => p.y !== null && p.y >= y0 && p.y <= y1);
  const colour = (p) => (s.kind === 'sds' ? t.methods[p.method] : t[p.kind]);
  out.push('<g class="points">');
  for (const p of inPlot) {
    if (!p.partner || !inWindow(p.partner.x)) continue;
    const link = p.kind === 'bone' ? 'bone' : 'corrected';
    out.push(`<line${attrs({ class: `link link-${link}`, 'data-link': link, 'data-index': p.index, x1: px(xMap(p.partner.x)), y1: px(yMap(p.partner.y)),
      x2: px(xMap(p.x)), y2: px(yMap(p.y)), stroke: colour(p), 'stroke-width': 1, 'stroke-dasharray': p.kind === 'bone' ? '4 3' : undefined })}/>`);
  }
  const premature = prematureLabel(s, m);
  const labelled = new Set();
  for (const [i, p] of inPlot.entries()) {
    const x = xMap(p.x);
    const y = yMap(p.y);
    const label = esc(announce(p, s, m, unit));
    // One element per point, its mark, written directly (the chart's longest loop): it carries the data attributes,
    // and its sentence as its accessible name (aria-label), so the browser builds one element per point. Its 44 px
    // target, focus ring and tooltip are <centile-chart>'s (and CentileChart's), found by distance from the pointer.
    const data = ` class="point point-${p.kind}" part="point" tabindex="0" role="img" aria-label="${label}" data-point="${i}"`
      + ` data-index="${p.index}" data-method="${esc(p.method)}" data-age-kind="${p.kind}" data-decimal-age="${p.x}" data-value="${p.y}"`
      + ` data-centile="${p.centile ?? ''}"`;
    out.push(p.kind === 'chronological'
      ? `<circle${data} cx="${px(x)}" cy="${px(y)}" r="3.5" fill="${esc(colour(p))}"/>`
      : `<path${data} d="M${px(x - 4)} ${px(y - 4)}L${px(x + 4)} ${px(y + 4)}M${px(x - 4)} ${px(y + 4)}L${px(x + 4)} ${px(y - 4)}"`
        + ` stroke="${esc(colour(p))}" stroke-width="2" fill="none"/>`);
    if (s.kind === 'sds' && p.kind === 'corrected' && premature && !labelled.has(p.method)) {
      labelled.add(p.method);
      out.push(`<text${attrs({ class: 'premature-label', x: px(x + 6), y: px(y - 6), fill: colour(p), 'font-size': 10 })}>${esc(premature)}</text>`);
    }
  }
  out.push('</g>');

  // Events: arrows in the lane above the plot (outside the centiles), pointing down at the measurement's age.
  if (events) {
    out.push('<g class="events">');
    const marked = new Set();
    for (const p of shown) {
      const list = p.measurement.events_data?.events_text;
      if (p.kind === 'bone' || !list?.length || marked.has(p.index)) continue;
      marked.add(p.index);
      const x = px(xMap(p.x));
      const text = list.join('; ');
      out.push(`<g${attrs({ class: 'event', 'data-index': p.index, 'data-decimal-age': p.x, role: 'img', 'aria-label': text })}><title>${esc(text)}</title>`
        + `<line${attrs({ x1: x, x2: x, y1: px(top - 22), y2: px(top - 4), stroke: t.event, 'stroke-width': 1.5 })}/>`
        + `<path${attrs({ d: `M${px(xMap(p.x) - 4)} ${px(top - 9)}L${x} ${px(top - 3)}L${px(xMap(p.x) + 4)} ${px(top - 9)}`, fill: 'none', stroke: t.event, 'stroke-width': 1.5 })}/>`
        + `<text${attrs({ x: px(xMap(p.x) + 5), y: px(top - 14), fill: t.text, 'font-size': 10 })}>${esc(text.length > 28 ? `${text.slice(0, 27)}…` : text)}</text></g>`);
    }
    out.push('</g>');
  }
  out.push('</g>');

  if (shown.length === 0 && points.length > 0) {
    out.push(`<text${attrs({ class: 'no-data', x: px((left + right) / 2), y: px((top + bottom) / 2), 'text-anchor': 'middle', fill: t.text })}>${esc(m.noData)}</text>`);
  }
  // Acknowledgement and provenance.
  notes.forEach(([name, text], i) => {
    out.push(`<text${attrs({ class: name, x: left, y: s.height - footer + 12 * (i + 1), fill: t.text, 'font-size': name === 'weight-loss' ? 10 : 9 })}>${esc(text)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/**
 * The centile lines of the window, their transitions and labels, as SVG text. A pure function of its arguments,
 * kept for the last few windows of each line set (linesDrawn), so an edit of a visit does not write the lines again.
 */
function centileBlock(segs, map, top, bottom, t, m) {
  const { x: xMap, y: yMap, from, to } = map;
  const out = [];
  out.push('<g class="centile-lines" clip-path="url(#centile-plot)">');
  // Each line's element written directly (the attributes attrs would write, in its order: one per line and segment).
  const paint = ` fill="none" stroke="${esc(t.line)}" stroke-width="1"`;
  for (const g of segs) {
    const segment = esc(g.name);
    for (const l of g.lines) {
      const d = pathFor(l, map);
      if (!d) continue;
      out.push(`<path class="centile-line" data-centile="${l.centile}" data-sds="${l.sds}" data-segment="${segment}" d="${d}"${paint}`
        + `${dashed(l.sds) ? ` stroke-dasharray="${DASH}"` : ''}/>`);
    }
  }
  out.push('</g>');
  // Transitions between segments, signposted where they fall inside the window.
  const starts = segs.map((g) => ({ name: g.name, x: g.lines.find((l) => l.x.length)?.x[0] }));
  let free = -Infinity;
  for (let i = 1; i < starts.length; i++) {
    const at = starts[i].x;
    if (at === undefined || !(at > from && at < to)) continue;
    const previous = segs[i - 1].name;
    const which = previous === 'uk90_preterm' ? 'uk90_preterm'
      : previous === 'uk_who_infant' && starts[i].name === 'uk_who_child' ? 'lying'
        : previous === 'uk_who_child' ? 'uk_who_child' : 'generic';
    out.push(`<g class="transition" data-transition="${esc(`${previous} ${starts[i].name}`)}" data-decimal-age="${at}">`
      + `<title>${esc(m.transition[which])}</title>`
      + `<line${attrs({ x1: px(xMap(at)), x2: px(xMap(at)), y1: px(top), y2: px(top + 10), stroke: t.transition, 'stroke-width': 1 })}/>`
      + (xMap(at) >= free ? `<text${attrs({ x: px(xMap(at) + 3), y: px(top + 9), fill: t.label, 'font-size': 9 })}>${esc(m.transitionLabel[which])}</text>` : '')
      + '</g>');
    if (xMap(at) >= free) free = xMap(at) + 8 + m.transitionLabel[which].length * 5;
  }
  // Centile labels at the right end of each line in the window.
  const labels = new Map();
  for (const g of segs) {
    for (const l of g.lines) {
      const [a, b] = within(l.x, from, to);
      let i = b;
      while (i >= a && l.y[i] !== l.y[i]) i--;
      if (i >= a) labels.set(l.centile, { x: l.x[i], y: l.y[i] });
    }
  }
  // Each label beside its line's end, moved apart just enough not to overlap (10 px), in centile order.
  const placed = [...labels].map(([centile, p]) => ({ centile, x: xMap(p.x) + 4, y: yMap(p.y) }))
    .filter((l) => l.y >= top - 1 && l.y <= bottom + 1);
  const byY = [...placed].sort((a, b) => b.y - a.y);
  for (let i = 1; i < byY.length; i++) byY[i].y = Math.min(byY[i].y, byY[i - 1].y - 10);
  for (const l of placed) {
    out.push(`<text${attrs({ class: 'centile-label', 'data-centile': l.centile, x: px(l.x), y: px(l.y + 3.5), fill: t.label })}>${esc(ordinal(l.centile, m.ordinal))}</text>`);
  }
  return out.join('');
}

/**
 * centileBlock for `segs`, from the last few drawn for it when the geometry `key` is the same and so is each of
 * `uses` (the theme's colours and the messages it writes, compared by identity).
 */
const drawnBlocks = new WeakMap();
function linesDrawn(segs, key, uses, draw) {
  let kept = drawnBlocks.get(segs);
  if (!kept) drawnBlocks.set(segs, (kept = new Map()));
  const hit = kept.get(key);
  if (hit && hit.uses.every((u, i) => u === uses[i])) return hit.text;
  const text = draw();
  kept.delete(key);
  if (kept.size >= 4) kept.delete(kept.keys().next().value);
  kept.set(key, { uses, text });
  return text;
}

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrapText(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The plot's linear map from ages (`from`–`to`) and values (`y0`–`y1`) to pixels, as `x(age)` and `y(value)`, with
 * the numbers it is made of (pathFor does the same arithmetic without a call for each vertex).
 */
function linearMap([from, to], [left, right], [y0, y1], [bottom, top]) {
  const [ages, width, values, height] = [to - from, right - left, y1 - y0, bottom - top];
  return {
    from, to, left, ages, width, y0, bottom, values, height,
    x: (age) => left + ((age - from) / ages) * width,
    y: (v) => bottom - ((v - y0) / values) * height,
  };
}

/**
 * The first and last index of a line's ages `xs` in the window [from, to] (within 1e-9, as everywhere in the chart),
 * as [a, b], none when a > b: found from each end, as the ages along a line ascend.
 */
function within(xs, from, to) {
  const [first, last] = [from - 1e-9, to + 1e-9];
  let a = 0;
  while (a < xs.length && !(xs[a] >= first)) a++;
  let b = xs.length - 1;
  while (b >= a && !(xs[b] <= last)) b--;
  return [a, b];
}

/**
 * The path through a line's points in the window of `map` and one beyond each edge (clipped), a new run at each gap.
 * The chart's longest loop on a first draw (every vertex of every line): `map`'s x and y written out.
 */
function pathFor(line, map) {
  const { from, to, left, ages, width, y0, bottom, values, height } = map;
  const { x: xs, y: ys } = line;
  const [a, b] = within(xs, from, to);
  // One point beyond each edge: the last before `from` when the next is at or after it, the first after `to` when the
  // one before is at or before it.
  const start = a > 0 && a < xs.length && xs[a] >= from ? a - 1 : a;
  const end = b + 1 < xs.length && b >= 0 && xs[b] <= to ? b + 1 : b;
  let d = '';
  let open = false;
  for (let i = start; i <= end; i++) {
    const y = ys[i];
    if (y !== y) {
      open = false;
      continue;
    }
    d += (open ? 'L' : 'M') + px(left + ((xs[i] - from) / ages) * width) + ' ' + px(bottom - ((y - y0) / values) * height);
    open = true;
  }
  return d;
}

/** The SDS chart's label for corrected points: the weeks premature (40 weeks less the gestation). */
function prematureLabel(s, m) {
  const birth = s.measurements[0]?.m.birth_data;
  if (!birth) return '';
  const days = 280 - (birth.gestation_weeks * 7 + birth.gestation_days);
  if (days <= 0) return '';
  const weeks = Math.floor(days / 7);
  return fill(m.weeksPremature, { weeks: days % 7 ? `${weeks}+${days % 7}` : weeks });
}

/** A point's sentence: date, ages, value with unit, centile and band. */
function announce(p, s, m, unit) {
  const md = p.measurement.measurement_dates;
  const ages = [`${md.chronological_calendar_age} (${m.chronological})`];
  const gestation = md.corrected_gestational_age;
  if (md.corrected_calendar_age && md.corrected_calendar_age !== md.chronological_calendar_age) ages.push(`${md.corrected_calendar_age} (${m.corrected})`);
  // Before term the corrected age is a gestation.
  else if (!md.corrected_calendar_age && typeof gestation?.corrected_gestation_weeks === 'number') {
    ages.push(`${fill(m.gestationalAge, { weeks: gestation.corrected_gestation_weeks, days: gestation.corrected_gestation_days ?? 0 })} (${m.corrected})`);
  }
  if (p.kind === 'bone') ages.push(`${formatValue(p.x)} ${m.years} (${m.bone})`);
  const value = s.kind === 'sds'
    ? `${m.title[p.method]} ${formatValue(p.value)} ${m.unit[p.method]}, ${m.title.sds} ${(Math.round(p.y * 100) / 100).toFixed(2)}`
    : `${formatValue(p.value)} ${unit}`;
  const centile = p.centile === null || p.centile === undefined ? '' : `, ${formatCentile(p.centile)} ${m.centile}`;
  const kind = m[p.kind];
  // A flagged value (implausible, or without data at an age) is drawn with the reason it was flagged.
  const flag = p.measurement.child_observation_value.observation_value_error;
  return `${md.observation_date}, ${kind}: ${ages.join(', ')}; ${value}${centile}${p.band ? `. ${p.band}` : ''}${flag ? `. ${flag}` : ''}`;
}

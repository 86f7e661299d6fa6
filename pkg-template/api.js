// The public functions of the `centile` package around the raw wasm-bindgen exports. Each entry point
// (pkg-template/entries/: Node CommonJS, web, bundler, centile/js) inlines this file, so it uses no import or export,
// after pkg-template/protocol.js: the constants it shares with the wasm (codes, record slots, text kinds, names,
// defaults, and SHAPES, the fields each request reader reads), generated from the Rust definitions.
//
// `calculation` and `bulkCalculation` have a fast path for well-formed requests: the wasm writes the result as a
// row of numbers and text codes into its memory and this file assembles the dGC object, fetching each distinct
// sentence from the wasm once. Anything unusual, and every error, goes through the general path, which parses
// the request and serialises the object in Rust. Tests require both paths to give identical JSON.

/** Thrown for any input centile cannot use; `detail` has the dGC API's 422 shape; `status` is the API's (422, or
 * 404 for an unknown reference). */
class CentileError extends Error {
  constructor(message, detail, status = 422) {
    super(message);
    this.name = 'CentileError';
    this.status = status;
    this.detail = detail;
  }
}
// The Error whose stackTraceLimit V8 reads, whatever the global `Error` is when a CentileError is made.
const ErrorFunction = Error;

// Reading a caller's arguments. The wasm never sees a caller's object: every argument is first written here as
// text (JSON, plus NaN, Infinity, -Infinity, and `?` for a symbol, BigInt or function, which Rust rejects by type
// naming the field), so a throwing getter or a revoked Proxy throws here, in JavaScript, and the instance is never
// left mid-call. Only own enumerable properties are read, and of a request only the fields the API defines
// (others are ignored, as the API ignores them). Limits answer a 422 at once (docs/errors.md).
const LIMITS = { depth: 32, keys: 1000, items: 10000, size: 4000000, plainItems: 10000000 };
// Whether `key` is an own enumerable property of `o`: propertyIsEnumerable, unless other code had replaced it
// before this file loaded with one that does not tell own from inherited properties; then a copy made by spread
// syntax, which no code can replace, tells.
const isOwn = ((test) => (test.call({ a: 1 }, 'a') === true && test.call(Object.create({ a: 1 }), 'a') === false
  && test.call([0], 'length') === false ? Function.prototype.call.bind(test) : (o, key) => key in { __proto__: null, ...o }))(
  Object.prototype.propertyIsEnumerable);

/** The own enumerable property `key` of `o`, never an inherited one. */
const own = (o, key) => {
  const v = o[key];
  return v === undefined || isOwn(o, key) ? v : undefined;
};

// The builtins a call uses, captured at load (BUILTIN_LIST and ORIGINALS, written at the next line from the list
// in scripts/entries.mjs, with `unchanged()`): should other code replace, delete or redefine one later, a call
// puts the original back while it runs and the replacement back when it returns, so no such patch can change an
// answer.
/* centile:builtins */
const describe = Object.getOwnPropertyDescriptor, define = Object.defineProperty;

/** `holder[key]`, or undefined when a getter there throws. */
function current(holder, key) {
  try {
    return holder[key];
  } catch {
    return undefined;
  }
}

/** Puts back every builtin replaced since load; what undoes that (holder, key, descriptor, ...), or null. */
function pristine() {
  try {
    if (unchanged()) return null;
  } catch {
    // a builtin deleted, or a getter that throws: each is looked at below
  }
  let undo = null;
  for (let i = 0; i < BUILTIN_LIST.length; i++) {
    const holder = BUILTIN_LIST[i][0], key = BUILTIN_LIST[i][1];
    if (current(holder, key) === ORIGINALS[i]) continue;
    const replaced = describe(holder, key);
    try {
      define(holder, key, { value: ORIGINALS[i], writable: true, enumerable: false, configurable: true });
    } catch {
      continue; // made unconfigurable: nothing can be done
    }
    if (undo === null) undo = [];
    undo[undo.length] = holder;
    undo[undo.length] = key;
    undo[undo.length] = replaced;
  }
  return undo;
}

/** Undoes what `pristine` did. */
function restore(undo) {
  for (let i = undo.length - 3; i >= 0; i -= 3) {
    if (undo[i + 2] === undefined) delete undo[i][undo[i + 1]];
    else define(undo[i], undo[i + 1], undo[i + 2]);
  }
}

/** A CentileError for one problem at `loc`, worded as the wasm words its errors. */
function rejection(loc, msg, type) {
  const path = loc.slice(1).join('.');
  return new CentileError(path ? `${path}: ${msg}` : msg, [{ loc, msg, type, input: null }]);
}

/** `value` (located at `loc`, e.g. ['body']) as the text the wasm reads, following `shape` (see SHAPES). */
function encode(value, shape, loc) {
  let out = '';
  const path = loc.slice();
  const tooBig = (what) => rejection(path.slice(), what, 'too_large');
  const write = (s) => {
    out += s;
    if (out.length > LIMITS.size) throw rejection(loc.slice(0, 1), `The request is larger than ${LIMITS.size} characters`, 'too_large');
  };
  const list = (v, n, item, each) => {
    if (n > LIMITS.items) throw tooBig(`A list may have at most ${LIMITS.items} items`);
    write('[');
    for (let i = 0; i < n; i++) {
      if (i > 0) write(',');
      path.push(i);
      walk(each(v, i), item);
      path.pop();
    }
    write(']');
  };
  const walk = (v, shape) => {
    switch (typeof v) {
      case 'string': return write(JSON.stringify(v));
      case 'number': return write(String(v));
      case 'boolean': return write(v ? 'true' : 'false');
      case 'undefined': return write('null');
      case 'object': if (v === null) return write('null'); break;
      default: return write('?'); // symbol, bigint, function
    }
    if (path.length - loc.length >= LIMITS.depth) throw tooBig(`Nested more than ${LIMITS.depth} levels deep`);
    if (ArrayBuffer.isView(v)) {
      if (v instanceof DataView) return write('?');
      return list(v, v.length, 0, (a, i) => a[i]);
    }
    if (Array.isArray(v)) return list(v, v.length, Array.isArray(shape) ? shape[0] : 0, own);
    const generic = shape === 0 || Array.isArray(shape);
    const fields = Object.keys(generic ? v : shape);
    if (generic && fields.length > LIMITS.keys) throw tooBig(`An object may have at most ${LIMITS.keys} keys`);
    write('{');
    let first = true;
    for (const key of fields) {
      const member = generic ? v[key] : own(v, key);
      if (member === undefined && !generic) continue;
      if (!first) write(',');
      first = false;
      write(JSON.stringify(key));
      write(':');
      path.push(key);
      walk(member, generic ? 0 : shape[key]);
      path.pop();
    }
    write('}');
  };
  walk(value, shape);
  return out;
}

/** What `make` allocates; an allocation failure is a 422 naming `loc` (a stack overflow is a RangeError too, and stays one). */
function allocated(loc, make) {
  try {
    return make();
  } catch (e) {
    if (e instanceof RangeError && !/stack/i.test(e.message)) throw rejection(loc, 'There is not enough memory for a copy of the array', 'too_large');
    throw e;
  }
}

/**
 * `a` (a typed or plain array) as a Float64Array: `a` itself when it is one, otherwise a copy in which anything that
 * is not a number is NaN. A plain array has at most LIMITS.plainItems items; a copy there is no memory for is a 422.
 */
function numbers(a, name) {
  const loc = ['body', name];
  if (ArrayBuffer.isView(a)) {
    if (a instanceof DataView) throw rejection(loc, 'Input should be a Float64Array or an array of numbers', 'list_type');
    if (a.length === 0 && a.byteOffset === 0 && isDetached(a.buffer)) {
      throw rejection(loc, "The array's buffer has been detached (transferred elsewhere)", 'value_error');
    }
    if (a instanceof Float64Array) return a;
    return allocated(loc, () => Float64Array.from(a, (x) => (typeof x === 'number' ? x : NaN)));
  }
  if (!Array.isArray(a)) throw rejection(loc, 'Input should be a Float64Array or an array of numbers', 'list_type');
  const n = a.length;
  if (n > LIMITS.plainItems) throw rejection(loc, `A plain array may have at most ${LIMITS.plainItems} items (use a Float64Array)`, 'too_large');
  const out = allocated(loc, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const x = own(a, i);
    out[i] = typeof x === 'number' ? x : NaN;
  }
  return out;
}

function isDetached(buffer) {
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * The public functions around `engine`, the instance's glue functions and hooks (pkg-template/instance.js). The
 * keys of the object it returns are the package's exports, in this order (scripts/entries.mjs).
 */
function createApi(engine) {
  const raw = engine.raw;

  const REJECTION_PREFIX = `${REJECTION.loc.slice(1).join('.')}: `;
  // A 422 a calculation answered on the fast path, in the API's detail shape (as Rust's
  // `From<MeasurementError> for ValidationError` makes it).
  class Rejection {
    constructor(msg) {
      this.detail = { loc: REJECTION.loc.slice(), msg, type: REJECTION.type, input: null };
    }

    // The CentileError to throw. It is made without stack frames: capturing them costs several times the
    // calculation itself, and its detail already says what is wrong. (Errors of the general path keep theirs.)
    error() {
      const limit = ErrorFunction.stackTraceLimit;
      try {
        ErrorFunction.stackTraceLimit = 0;
      } catch {
        // a frozen Error: the stack is captured as usual
      }
      try {
        return new CentileError(`${REJECTION_PREFIX}${this.detail.msg}`, [this.detail]);
      } finally {
        if (ErrorFunction.stackTraceLimit !== limit) ErrorFunction.stackTraceLimit = limit;
      }
    }
  }

  // Every public function: it runs with the builtins found at load; an instance the call left with a large memory
  // is released. What it throws passes through as thrown, without a catch: throwing again from one would cost
  // each refused request a second throw. A Rejection it returns (the fast path's 422s) is thrown here, after the
  // finally: a throw through the finally is two (V8 walks the stack for each, about 2,600 instructions), and
  // nothing here needs the builtins (CentileError and ErrorFunction were captured at load). (Fixed arity: no
  // spread through the array iterator.)
  const exported = (fn) => (a, b, c, d, e) => {
    const undo = pristine();
    let result;
    try {
      result = fn(a, b, c, d, e);
    } finally {
      engine.settle();
      if (undo !== null) restore(undo);
    }
    if (result instanceof Rejection) throw result.error();
    return result;
  };

  // What is read from an instance is forgotten with it: its memory, and the texts (measurement-error codes are
  // the order the instance met them in).
  let memory = null;
  let view = null;
  const linear = () => {
    if (memory === null) memory = raw.linearMemory();
    return memory;
  };
  // The record, viewed anew when the memory has grown (instance.js's stale; `memory` is set while `view` is).
  const detaches = engine.detaches;
  const record = () => {
    if (stale(view, memory, detaches)) view = new Float64Array(linear().buffer, raw.recordOffset(), RECORD_LEN);
    return view;
  };
  // Texts by kind and code: codes 0-32767 in pages of 256 (128 a kind), each made on first use (an array of 32768
  // a kind is a large heap object, slow to allocate at every start); the rest (dates before 1970 or after 2059,
  // long calendar ages) in a map of at most SPARSE_TEXTS entries, emptied when full, so memory stays flat whatever
  // the dates. The list of pages has all its slots from the start.
  const SPARSE_TEXTS = 4096;
  const KINDS = Object.keys(TEXT).length; // a sparse text's key: code * KINDS + kind
  let pages = new Array(KINDS * 128), sparse = new Map();
  engine.onStart(() => {
    memory = null;
    view = null;
    pages = new Array(KINDS * 128);
    sparse = new Map();
  });
  // The common case, a text on a page already, is small enough for V8 to inline at each of the builder's calls.
  const text = (kind, code) => {
    if (code !== code) return null; // NaN: no text
    const page = code >= 0 && code < 32768 ? pages[kind * 128 + (code >> 8)] : undefined;
    const t = page === undefined ? undefined : page[code & 255];
    return t === undefined ? textMiss(kind, code) : t;
  };
  function textMiss(kind, code) {
    if (code >= 0 && code < 32768) {
      const page = pages[kind * 128 + (code >> 8)] || (pages[kind * 128 + (code >> 8)] = new Array(256));
      return (page[code & 255] = raw.text(kind, code));
    }
    let t = sparse.get(code * KINDS + kind);
    if (t === undefined) {
      t = raw.text(kind, code);
      if (sparse.size >= SPARSE_TEXTS) sparse.clear();
      sparse.set(code * KINDS + kind, t);
    }
    return t;
  }
  const num = (x) => (x !== x ? null : x);

  let provenanceInfo = null;
  const provenance = (reference) => {
    if (provenanceInfo === null) provenanceInfo = raw.buildInfo();
    const i = provenanceInfo;
    return {
      growth_reference: reference,
      calculation_engine: { name: i.name, version: i.version, commit: i.commit },
      reference_data: { source: i.reference_data, fingerprint: i.reference_data_fingerprint },
    };
  };

  // A YYYY-MM-DD string as the integer YYYYMMDD (the wasm checks it is a real date); -1 sends the request down
  // the general path, which reports the problem.
  const digits = (s) => {
    if (typeof s !== 'string' || s.length !== 10) return -1;
    let n = 0;
    for (let i = 0; i < 10; i++) {
      const c = s.charCodeAt(i);
      if (i === 4 || i === 7) {
        if (c !== 45) return -1;
      } else if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
      } else {
        return -1;
      }
    }
    return n;
  };
  // A whole number in range.lo..range.hi (range.default when absent); NaN, which sends the request to the general
  // path, otherwise.
  const whole = (x, range) =>
    (x === undefined || x === null ? range.default : Number.isInteger(x) && x >= range.lo && x <= range.hi ? x : NaN);

  // The object for one observation from the record the wasm just wrote (generated from Rust: src/wasm/contract.rs).
  const build = measurementBuilder(record, text, provenance);

  // The fields the fast path reads of a request or observation `o` (`keys`, its own enumerable keys, taken once
  // per object): the same properties `own` reads, each read once, by name (one site per field, so without a
  // generic lookup). `general` says a field only the general path handles is set.
  function fields(o, keys) {
    let birthDate, sex, method, weeks, days, date, value, general = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      switch (key) {
        case 'birth_date': birthDate = o.birth_date; break;
        case 'sex': sex = o.sex; break;
        case 'measurement_method': method = o.measurement_method; break;
        case 'gestation_weeks': weeks = o.gestation_weeks; break;
        case 'gestation_days': days = o.gestation_days; break;
        case 'observation_date': date = o.observation_date; break;
        case 'observation_value': value = o.observation_value; break;
        default: if (PASSTHROUGH.includes(key) && o[key] != null) general = true;
      }
    }
    return { general, birth_date: birthDate, sex, measurement_method: method, gestation_weeks: weeks,
      gestation_days: days, observation_date: date, observation_value: value };
  }

  // The birth details of a request (`f`, its fields) as the fast path's codes, or null to use the general path.
  // `birth` keeps what was read for the response.
  function birthCodes(referenceCode, f) {
    const weeks = whole(f.gestation_weeks, GESTATION_WEEKS);
    const days = whole(f.gestation_days, GESTATION_DAYS);
    const sex = sexCode(f.sex), method = methodCode(f.measurement_method), date = digits(f.birth_date);
    if (referenceCode === undefined || sex === undefined || method === undefined || date < 0 || weeks !== weeks || days !== days) return null;
    return { referenceCode, sex, method, date, weeks, days, birth: f };
  }

  // The fast path for one observation of a child (`f`, its fields, when already read): the object, a Rejection,
  // or undefined to use the general path.
  function fast(codes, observation, f = null) {
    if (f === null) {
      if (observation === null || typeof observation !== 'object') return undefined;
      const keys = Object.keys(observation);
      if (keys.length > LIMITS.keys) return undefined;
      f = fields(observation, keys);
    }
    if (f.general) return undefined;
    const value = f.observation_value, date = digits(f.observation_date);
    if (typeof value !== 'number' || date < 0) return undefined;
    const status = raw.calculationRecord(codes.referenceCode, codes.date, date, value, codes.sex, codes.method,
      codes.weeks, codes.days);
    if (status === STATUS.record) return build(REFERENCE_NAMES[codes.referenceCode], codes.birth, f, codes.weeks, codes.days);
    return status >= STATUS.rejected ? new Rejection(text(TEXT.measurementError, status - STATUS.rejected)) : undefined;
  }

  const path = (reference) => encode(reference, 0, ['path', 'reference']);
  // A FHIR bundle or list of resources, read whole (FHIR resources carry any elements).
  const fhirText = (bundle) => encode(bundle, 0, ['body']);

  const generalCalculation = (reference, request) =>
    raw.calculation(path(reference), encode(request, SHAPES.calculation, ['body']));

  // Strict mode (`{ strict: true }`): an answer carrying an error (a flagged value, an age without reference
  // data) becomes the 422 a rejected calculation gives, naming the first of them.
  const isStrict = (options) => options !== null && typeof options === 'object' && own(options, 'strict') === true;
  function strictly(m) {
    const values = m.measurement_calculated_values;
    const why = m.child_observation_value.observation_value_error ?? values.corrected_measurement_error
      ?? values.chronological_measurement_error;
    return why === null ? m : new Rejection(why);
  }

  // The measurement object, or the fast path's Rejection (which `exported` throws).
  function answer(reference, request) {
    if (request !== null && typeof request === 'object') {
      const keys = Object.keys(request);
      const f = keys.length > LIMITS.keys ? null : fields(request, keys);
      const codes = f === null ? null : birthCodes(referenceCode(reference), f);
      const result = codes === null ? undefined : fast(codes, request, f);
      if (result !== undefined) return result;
    }
    return generalCalculation(reference, request);
  }

  function calculation(reference, request, options) {
    const m = answer(reference, request);
    return m instanceof Rejection || !isStrict(options) ? m : strictly(m);
  }

  // One observation of a bulk request through the general path alone, its error locations at index `i`.
  function generalEntry(reference, request, observation, i) {
    const at = (detail) => {
      for (const d of detail) if (d.loc[1] === 'observations' && d.loc.length > 2) d.loc[2] = i;
      return detail;
    };
    const one = { observations: [observation] };
    for (const key of BIRTH_FIELDS) one[key] = own(request, key);
    try {
      const entry = raw.bulkCalculation(path(reference), encode(one, SHAPES.bulk, ['body'])).results[0];
      return entry.loc === undefined ? entry : at([entry])[0];
    } catch (e) {
      if (e && e.name === 'CentileError' && Array.isArray(e.detail)) at(e.detail);
      throw e;
    }
  }

  // Each observation takes the fast path, or the general path on its own, so the time is linear in the number of
  // observations whatever their errors.
  function bulkCalculation(reference, request, options) {
    const response = bulkAnswer(reference, request);
    if (isStrict(options)) {
      response.results = response.results.map((entry) => {
        if (entry.loc !== undefined) return entry;
        const result = strictly(entry);
        return result instanceof Rejection ? result.detail : result;
      });
    }
    return response;
  }

  function bulkAnswer(reference, request) {
    const observations = request !== null && typeof request === 'object' ? own(request, 'observations') : undefined;
    const n = Array.isArray(observations) ? observations.length : 0;
    // Implausible-value flags (beyond the dGC API) are added by the general path alone.
    const keys = n > 0 && n <= LIMITS.items && own(request, 'implausible_value_flags') == null ? Object.keys(request) : null;
    const codes = keys === null || keys.length > LIMITS.keys ? null : birthCodes(referenceCode(reference), fields(request, keys));
    if (codes === null) return raw.bulkCalculation(path(reference), encode(request, SHAPES.bulk, ['body']));
    const results = new Array(n);
    for (let i = 0; i < n; i++) {
      const observation = own(observations, i), result = fast(codes, observation);
      results[i] = result === undefined ? generalEntry(reference, request, observation, i)
        : result instanceof Rejection ? result.detail : result;
    }
    return { results };
  }

  // Charts arrive as one flat array (Rust `wasm::flat::segments`); this turns it back into dGC segments, shaped as
  // Rust's `SegmentLines` serialises them. With `flat` (centile/chart's lines), each line is instead
  // `{ sds, centile, x, y }`: its ages and values as views of the array, NaN where a value is null, without an
  // object per point (on a first draw, most of chartCoordinates' time was making them).
  function segments(f, at, flat) {
    let i = at;
    const count = f[i++];
    const out = new Array(count);
    for (let s = 0; s < count; s++) {
      const segment = SEGMENTS[f[i++]], sex = SEX_NAMES[f[i++]], method = METHOD_NAMES[f[i++]], lineCount = f[i++];
      const lines = new Array(lineCount);
      for (let l = 0; l < lineCount; l++) {
        const sds = f[i++], centile = f[i++], label = f[i++], n = f[i++];
        if (flat) {
          lines[l] = { sds, centile, x: f.subarray(i, i + n), y: f.subarray(i + n, i + 2 * n) };
          i += 2 * n;
          continue;
        }
        // A line without points is `data: []`, as rcpchgrowth and the server send it.
        const data = new Array(n);
        for (let p = 0; p < n; p++) {
          const y = f[i + n + p];
          data[p] = { l: label, x: f[i + p], y: y !== y ? null : y };
        }
        i += 2 * n;
        lines[l] = { sds, centile, data };
      }
      // Every key of the server's model: both sexes and all four methods, null where not drawn.
      const byMethod = { height: null, weight: null, ofc: null, bmi: null };
      byMethod[method] = lines;
      out[s] = { [segment]: sex === 'male' ? { male: byMethod, female: null } : { male: null, female: byMethod } };
    }
    return [out, i];
  }

  // Only centile/nutrition's build has it: the charts of the tables beyond the dGC API (null for a dGC request).
  const beyondChart = isOwn(raw, 'nutritionChartCoordinates') ? raw.nutritionChartCoordinates : null;

  // centile/chart passes CHART_LINES as a third argument for its lines as segments(f, 0, true) gives them.
  const CHART_LINES = Symbol.for('centile.chartLines');
  function chartCoordinates(reference, request, lines) {
    const r = path(reference), body = encode(request, SHAPES.chart, ['body']);
    const beyond = beyondChart === null ? null : beyondChart(r, body);
    return beyond !== null ? beyond : { centile_data: segments(raw.chartCoordinatesFlat(r, body), 0, lines === CHART_LINES)[0] };
  }

  function midParentalHeight(request) {
    const f = raw.midParentalHeightFlat(encode(request, SHAPES.midParental, ['body']));
    const [centileData, i] = segments(f, MID_PARENTAL_HEADER);
    const [lowerData, j] = segments(f, i);
    const [upperData] = segments(f, j);
    return {
      mid_parental_height: num(f[0]),
      mid_parental_height_sds: f[1],
      mid_parental_height_centile: f[2],
      mid_parental_height_centile_data: centileData,
      mid_parental_height_lower_centile_data: lowerData,
      mid_parental_height_upper_centile_data: upperData,
      mid_parental_height_lower_value: num(f[3]),
      mid_parental_height_upper_value: num(f[4]),
    };
  }

  // The observations come from the wasm; each becomes a measurement object through `calculation` (flagged ones
  // included, as rcpchgrowth gives them); one `calculation` refuses (an SDS that is not finite) is left out.
  function fictionalChildData(reference, request, options) {
    const f = raw.fictionalChildObservations(path(reference), encode(request, SHAPES.fictional, ['body']));
    const birth = { birth_date: FICTIONAL_BIRTH_DATE, gestation_weeks: f[0], gestation_days: f[1], sex: SEX_NAMES[f[2]], measurement_method: METHOD_NAMES[f[3]] };
    const out = [];
    let firstReason = null;
    for (let i = FICTIONAL_HEADER; i < f.length; i += 2) {
      const ymd = String(f[i]);
      const observation_date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
      let m, why = null;
      try {
        m = calculation(reference, { ...birth, observation_date, observation_value: f[i + 1] }, options);
        if (m instanceof Rejection) why = m.detail.msg;
      } catch (e) {
        if (!e || e.name !== 'CentileError') throw e;
        why = e.detail[0].msg;
      }
      if (why === null) out.push(m);
      else if (firstReason === null) firstReason = why;
    }
    // As Rust's api::no_fictional_observation: an empty series is an error that says why.
    if (out.length === 0 && firstReason !== null) {
      throw rejection(['body'], `${FICTIONAL_REJECTED}${firstReason}`, 'value_error');
    }
    return out;
  }

  const body = (shape) => (request) => encode(request, shape, ['body']);
  const sdsArgs = body(SHAPES.sds), measurementArgs = body(SHAPES.measurement);
  const bmiArgs = body(SHAPES.percentageMedianBmi), thriveArgs = body(SHAPES.thrive);
  const scalar = (name) => (value) => encode(value, 0, ['body', name]);
  const sdsText = scalar('sds'), centileText = scalar('centile'), heightText = scalar('height'), weightText = scalar('weight');
  const methodText = (method) => encode(method, 0, ['body', 'measurement_method']);
  const measurementsText = (measurements) => encode(measurements, SHAPES.measurements, ['body', 'measurements']);

  // Many SDS at once, in slices so the wasm's memory stays small: each slice of the caller's arrays is written
  // into the wasm's buffer, answered there, and its SDS copied into the array returned.
  const SLICE = 65536;
  function sdsForMeasurements(reference, measurementMethod, sex, ages, values) {
    const [r, m, s] = [path(reference), methodText(measurementMethod), encode(sex, 0, ['body', 'sex'])];
    const a = numbers(ages, 'ages'), v = numbers(values, 'values');
    if (a.length !== v.length) throw rejection(['body', 'values'], 'ages and values must have the same length', 'value_error');
    const out = allocated(['body', 'values'], () => new Float64Array(a.length));
    for (let i = 0; i === 0 || i < a.length; i += SLICE) {
      const n = Math.min(SLICE, a.length - i), at = raw.sdsBuffer(n);
      // Views made after each call, which may have grown the memory (a table read for the first time).
      const slice = new Float64Array(linear().buffer, at, 2 * n);
      slice.set(a.subarray(i, i + n));
      slice.set(v.subarray(i, i + n), n);
      raw.sdsForMeasurements(r, m, s, n);
      out.set(new Float64Array(memory.buffer, at + 8 * n, n), i);
    }
    return out;
  }

  return {
    calculation: exported(calculation),
    bulkCalculation: exported(bulkCalculation),
    chartCoordinates: exported(chartCoordinates),
    midParentalHeight: exported(midParentalHeight),
    fictionalChildData: exported(fictionalChildData),
    velocity: exported((method, measurements) => raw.velocity(methodText(method), measurementsText(measurements))),
    acceleration: exported((method, measurements) => raw.acceleration(methodText(method), measurementsText(measurements))),
    thriveLine: exported((request) => raw.thriveLine(thriveArgs(request))),
    sdsForMeasurement: exported((args) => raw.sdsForMeasurement(sdsArgs(args))),
    measurementFromSds: exported((args) => raw.measurementFromSds(measurementArgs(args))),
    sdsForMeasurements: exported(sdsForMeasurements),
    centileForSds: exported((sds) => raw.centileForSds(sdsText(sds))),
    sdsForCentile: exported((centile) => raw.sdsForCentile(centileText(centile))),
    bmiFromHeightWeight: exported((height, weight) => raw.bmiFromHeightWeight(heightText(height), weightText(weight))),
    percentageMedianBmi: exported((args) => raw.percentageMedianBmi(bmiArgs(args))),
    fromFhir: exported((bundle) => raw.fromFhir(fhirText(bundle))),
    toFhir: exported((measurement, options) => raw.toFhir(encode(measurement, SHAPES.fhirMeasurement, ['body']),
      encode(options, SHAPES.fhirOptions, ['options']))),
    fhirCalculation: exported((reference, bundle) => raw.fhirCalculation(path(reference), fhirText(bundle))),
    buildInfo: exported(() => raw.buildInfo()),
  };
}
// The public functions of the `centile` package around the raw wasm-bindgen exports. scripts/build-pkg.mjs
// inlines this file into each entry point (Node CommonJS, web, bundler), so it uses no import or export itself.
//
// `calculation` and `bulkCalculation` have a fast path for well-formed requests: the wasm writes the result as a
// row of numbers and text codes into its memory and this file assembles the dGC object, fetching each distinct
// sentence from the wasm once. Anything unusual, and every error, goes through the general path, which parses
// the request and serialises the object in Rust. Tests require both paths to give identical JSON.

/** Thrown for any input centile cannot use; `detail` has the dGC API's 422 shape. */
class CentileError extends Error {
  constructor(message, detail) {
    super(message);
    this.name = 'CentileError';
    this.status = 422;
    this.detail = detail;
  }
}

function createApi(raw) {
  const REFERENCE_CODES = { 'uk-who': 0, 'trisomy-21': 1, 'trisomy-21-aap': 2, 'turners-syndrome': 3, turner: 3, cdc: 4, who: 5 };
  const REFERENCE_NAMES = ['uk-who', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome', 'cdc', 'who'];
  const METHOD_CODES = { height: 0, weight: 1, ofc: 2, bmi: 3 };
  const SEX_CODES = { male: 0, female: 1 };
  const [BAND, COMMENT, CALENDAR, DATE_ISO, DATE_LONG, GESTATIONAL_AGE] = [0, 1, 2, 3, 4, 5];
  const OPTIONAL = ['bone_age', 'bone_age_type', 'bone_age_sds', 'bone_age_centile', 'bone_age_text', 'events_text'];

  // Errors from the wasm are plain Errors named CentileError: give them the exported class.
  const rethrow = (e) => {
    if (e && e.name === 'CentileError' && !(e instanceof CentileError)) throw new CentileError(e.message, e.detail);
    throw e;
  };
  const guarded = (fn) => function (...args) {
    try { return fn(...args); } catch (e) { return rethrow(e); }
  };

  let memory = null;
  let view = null;
  const record = () => {
    if (memory === null) memory = raw.linearMemory();
    if (view === null || view.buffer !== memory.buffer) view = new Float64Array(memory.buffer, raw.recordOffset(), 15);
    return view;
  };
  // Texts by kind and code: dense codes in arrays, the rest (dates) in maps.
  const texts = Array.from({ length: 6 }, () => ({ dense: new Array(32768), sparse: new Map() }));
  const text = (kind, code) => {
    if (code !== code) return null; // NaN: no text
    const cache = texts[kind];
    const dense = code >= 0 && code < 32768;
    let t = dense ? cache.dense[code] : cache.sparse.get(code);
    if (t === undefined) {
      t = raw.text(kind, code);
      if (dense) cache.dense[code] = t;
      else cache.sparse.set(code, t);
    }
    return t;
  };
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
  const whole = (x, fallback) => (x === undefined || x === null ? fallback : Number.isInteger(x) ? x : NaN);

  // The object for one observation from the record the wasm just wrote, in the key order of the Rust serialiser.
  function build(reference, birth, observation, weeks, days) {
    const r = record();
    const chronologicalAge = r[0], correctedAge = r[1], edd = r[2];
    const commentCode = r[4] * 4;
    const chronologicalCalendar = text(CALENDAR, r[5]), correctedCalendar = text(CALENDAR, r[6]);
    const gestationalAge = r[3] !== r[3] ? '' : text(GESTATIONAL_AGE, r[3]);
    const cSds = r[7], cCentile = r[8], cBand = text(BAND, r[9]), cPmb = num(r[10]);
    const hSds = r[11], hCentile = r[12], hBand = text(BAND, r[13]), hPmb = num(r[14]);
    const layCorrected = text(COMMENT, commentCode), clinicianCorrected = text(COMMENT, commentCode + 1);
    const layChronological = text(COMMENT, commentCode + 2), clinicianChronological = text(COMMENT, commentCode + 3);
    const value = observation.observation_value;
    const centilePoint = (x, centile, sds, ageType, calendar, lay, clinician, band) => ({
      x, y: value, b: null, centile, sds, events_text: null, bone_age_label: null, bone_age_type: null,
      bone_age_sds: null, bone_age_centile: null, observation_error: null, age_type: ageType,
      calendar_age: calendar, lay_comment: lay, clinician_comment: clinician, age_error: null, centile_band: band,
      observation_value_error: null,
    });
    const centileCorrectedPoint = () => ({
      x: correctedAge, y: value, b: null, centile: cCentile, sds: cSds, events_text: null, bone_age_label: null,
      bone_age_type: null, bone_age_sds: null, bone_age_centile: null, observation_error: null,
      age_type: 'corrected_age', corrected_gestational_age: gestationalAge, calendar_age: correctedCalendar,
      lay_comment: layCorrected, clinician_comment: clinicianCorrected, age_error: null, centile_band: cBand,
      observation_value_error: null,
    });
    const sdsPoint = (x, y, centile, ageType, calendar, lay, clinician, band) => ({
      x, y, b: null, centile, events_text: null, bone_age_label: null, bone_age_type: null, bone_age_sds: null,
      bone_age_centile: null, age_type: ageType, calendar_age: calendar, lay_comment: lay,
      clinician_comment: clinician, age_error: null, centile_band: band, observation_value_error: null,
    });
    const sdsCorrectedPoint = () => ({
      x: correctedAge, y: cSds, b: null, centile: cCentile, events_text: null, bone_age_label: null,
      bone_age_type: null, bone_age_sds: null, bone_age_centile: null, age_type: 'corrected_age',
      corrected_gestational_age: gestationalAge, calendar_age: correctedCalendar, lay_comment: layCorrected,
      clinician_comment: clinicianCorrected, age_error: null, centile_band: cBand, observation_value_error: null,
    });
    return {
      provenance: provenance(reference),
      birth_data: {
        birth_date: birth.birth_date, gestation_weeks: weeks, gestation_days: days,
        estimated_date_delivery: text(DATE_ISO, edd), estimated_date_delivery_string: text(DATE_LONG, edd),
        sex: birth.sex,
      },
      measurement_dates: {
        observation_date: observation.observation_date,
        chronological_decimal_age: chronologicalAge,
        corrected_decimal_age: correctedAge,
        chronological_calendar_age: chronologicalCalendar,
        corrected_calendar_age: correctedCalendar,
        corrected_gestational_age: {
          corrected_gestation_weeks: r[3] !== r[3] ? null : Math.floor(r[3] / 10),
          corrected_gestation_days: r[3] !== r[3] ? null : r[3] % 10,
        },
        comments: {
          clinician_corrected_decimal_age_comment: clinicianCorrected,
          lay_corrected_decimal_age_comment: layCorrected,
          clinician_chronological_decimal_age_comment: clinicianChronological,
          lay_chronological_decimal_age_comment: layChronological,
        },
        corrected_decimal_age_error: null,
        chronological_decimal_age_error: null,
      },
      child_observation_value: {
        measurement_method: birth.measurement_method, observation_value: value, observation_value_error: null,
      },
      measurement_calculated_values: {
        corrected_sds: cSds, corrected_centile: cCentile, corrected_centile_band: cBand,
        chronological_sds: hSds, chronological_centile: hCentile, chronological_centile_band: hBand,
        corrected_measurement_error: null, chronological_measurement_error: null,
        corrected_percentage_median_bmi: cPmb, chronological_percentage_median_bmi: hPmb,
      },
      plottable_data: {
        centile_data: {
          chronological_decimal_age_data: centilePoint(chronologicalAge, hCentile, hSds, 'chronological_age',
            chronologicalCalendar, layChronological, clinicianChronological, hBand),
          corrected_decimal_age_data: centileCorrectedPoint(),
        },
        sds_data: {
          chronological_decimal_age_data: sdsPoint(chronologicalAge, hSds, hCentile, 'chronological_age',
            chronologicalCalendar, layChronological, clinicianChronological, hBand),
          corrected_decimal_age_data: sdsCorrectedPoint(),
        },
      },
      bone_age: { bone_age: null, bone_age_type: null, bone_age_sds: null, bone_age_centile: null, bone_age_text: null },
      events_data: { events_text: null },
    };
  }

  // The birth details of a request as the fast path's codes, or null to use the general path.
  function birthCodes(referenceCode, birth) {
    const weeks = whole(birth.gestation_weeks, 40), days = whole(birth.gestation_days, 0);
    const sex = SEX_CODES[birth.sex], method = METHOD_CODES[birth.measurement_method], date = digits(birth.birth_date);
    if (referenceCode === undefined || sex === undefined || method === undefined || date < 0 || weeks !== weeks || days !== days) return null;
    return { referenceCode, sex, method, date, weeks, days };
  }

  // The fast path for one observation of a child: the object, or undefined to use the general path.
  function fast(codes, birth, observation) {
    if (observation === null || typeof observation !== 'object') return undefined;
    for (const key of OPTIONAL) if (observation[key] != null) return undefined;
    const value = observation.observation_value, date = digits(observation.observation_date);
    const ok = typeof value === 'number' && date >= 0 && raw.calculationRecord(codes.referenceCode, codes.date, date,
      value, codes.sex, codes.method, codes.weeks, codes.days);
    return ok ? build(REFERENCE_NAMES[codes.referenceCode], birth, observation, codes.weeks, codes.days) : undefined;
  }

  function calculation(reference, request) {
    if (request !== null && typeof request === 'object') {
      const codes = birthCodes(REFERENCE_CODES[reference], request);
      const result = codes === null ? undefined : fast(codes, request, request);
      if (result !== undefined) return result;
    }
    return raw.calculation(reference, request);
  }

  function bulkCalculation(reference, request) {
    const observations = request !== null && typeof request === 'object' ? request.observations : undefined;
    const codes = Array.isArray(observations) && observations.length > 0 ? birthCodes(REFERENCE_CODES[reference], request) : null;
    if (codes !== null) {
      const results = new Array(observations.length);
      let i = 0;
      for (; i < observations.length; i++) {
        const result = fast(codes, request, observations[i]);
        if (result === undefined) break;
        results[i] = result;
      }
      if (i === observations.length) return { results };
    }
    return raw.bulkCalculation(reference, request);
  }

  // Charts arrive as one flat array (Rust `Chart::flatten`); this turns it back into dGC segments.
  const SEGMENTS = ['uk90_preterm', 'uk_who_infant', 'uk_who_child', 'uk90_child', 'who_2006_infant', 'who_2006_child',
    'who_2007_child', 'fenton', 'cdc_infant', 'cdc_child', 'turners-syndrome', 'trisomy-21', 'trisomy_21_aap_infant',
    'trisomy_21_aap_child'];
  const SEX_NAMES = ['male', 'female'];
  const METHOD_NAMES = ['height', 'weight', 'ofc', 'bmi'];
  function segments(f, at) {
    let i = at;
    const count = f[i++];
    const out = new Array(count);
    for (let s = 0; s < count; s++) {
      const segment = SEGMENTS[f[i++]], sex = SEX_NAMES[f[i++]], method = METHOD_NAMES[f[i++]], lineCount = f[i++];
      const lines = new Array(lineCount);
      for (let l = 0; l < lineCount; l++) {
        const sds = f[i++], centile = f[i++], label = f[i++], n = f[i++];
        const data = new Array(n);
        for (let p = 0; p < n; p++) {
          const y = f[i + n + p];
          data[p] = { l: label, x: f[i + p], y: y !== y ? null : y };
        }
        i += 2 * n;
        lines[l] = { sds, centile, data };
      }
      out[s] = { [segment]: { [sex]: { [method]: lines } } };
    }
    return [out, i];
  }

  function chartCoordinates(reference, request) {
    return { centile_data: segments(raw.chartCoordinatesFlat(reference, request), 0)[0] };
  }

  function midParentalHeight(request) {
    const f = raw.midParentalHeightFlat(request);
    const [centileData, i] = segments(f, 5);
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

  // The observations come from the wasm; each becomes a measurement object through `calculation`, and any the
  // reference would reject is left out, as rcpchgrowth's Measurement would flag it.
  function fictionalChildData(reference, request) {
    const f = raw.fictionalChildObservations(reference, request);
    const birth = { birth_date: '1759-04-11', gestation_weeks: f[0], gestation_days: f[1], sex: SEX_NAMES[f[2]], measurement_method: METHOD_NAMES[f[3]] };
    const out = [];
    for (let i = 4; i < f.length; i += 2) {
      const ymd = String(f[i]);
      const observation_date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
      try {
        out.push(calculation(reference, { ...birth, observation_date, observation_value: f[i + 1] }));
      } catch (e) {
        if (!e || e.name !== 'CentileError') throw e;
      }
    }
    return out;
  }

  return {
    calculation: guarded(calculation),
    fictionalChildData: guarded(fictionalChildData),
    velocity: guarded(raw.velocity),
    acceleration: guarded(raw.acceleration),
    thriveLine: guarded(raw.thriveLine),
    chartCoordinates: guarded(chartCoordinates),
    midParentalHeight: guarded(midParentalHeight),
    bulkCalculation: guarded(bulkCalculation),
    sdsForMeasurement: guarded(raw.sdsForMeasurement),
    measurementFromSds: guarded(raw.measurementFromSds),
    sdsForMeasurements: guarded(raw.sdsForMeasurements),
    centileForSds: guarded(raw.centileForSds),
    sdsForCentile: guarded(raw.sdsForCentile),
    bmiFromHeightWeight: guarded(raw.bmiFromHeightWeight),
    percentageMedianBmi: guarded(raw.percentageMedianBmi),
    buildInfo: raw.buildInfo,
  };
}

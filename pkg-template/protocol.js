// The constants pkg-template/api.js shares with the wasm, generated from the Rust definitions by
// src/wasm/protocol.rs (documented there): do not edit. `make protocol` rewrites this file; `cargo test`
// fails while it differs from them.
const STATUS = { record: 0, general: 2, rejected: 3 };
const RECORD_LEN = 18;
const SLOT = { chronologicalAge: 0, correctedAge: 1, edd: 2, gestationalAge: 3, comment: 4, chronologicalCalendar: 5, correctedCalendar: 6, corrected: 7, chronological: 11, correctedError: 15, chronologicalError: 16, observationError: 17 };
const RESULT = { sds: 0, centile: 1, band: 2, percentageMedianBmi: 3 };
const TEXT = { band: 0, comment: 1, calendar: 2, dateIso: 3, dateLong: 4, gestationalAge: 5, measurementError: 6 };
const COMMENT_SENTENCES = 4;
const GESTATION_CODE = 10;
const REFERENCE_NAMES = ['uk-who', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome', 'cdc', 'who'];
const REFERENCE_CODES = { __proto__: null, 'uk-who': 0, 'trisomy-21': 1, 'trisomy-21-aap': 2, 'turners-syndrome': 3, cdc: 4, who: 5, turner: 3 };
const METHOD_NAMES = ['height', 'weight', 'ofc', 'bmi'];
const METHOD_CODES = { __proto__: null, height: 0, weight: 1, ofc: 2, bmi: 3 };
const SEX_NAMES = ['male', 'female'];
const SEX_CODES = { __proto__: null, male: 0, female: 1 };
const SEGMENTS = ['uk90_preterm', 'uk_who_infant', 'uk_who_child', 'uk90_child', 'who_2006_infant', 'who_2006_child', 'who_2007_child', 'fenton', 'cdc_infant', 'cdc_child', 'turners-syndrome', 'trisomy-21', 'trisomy_21_aap_infant', 'trisomy_21_aap_child'];
const GESTATION_WEEKS = { default: 40, lo: 22, hi: 44 };
const GESTATION_DAYS = { default: 0, lo: 0, hi: 6 };
const FICTIONAL_BIRTH_DATE = '1759-04-11';
const MID_PARENTAL_HEADER = 5;
const FICTIONAL_HEADER = 4;
const FICTIONAL_REJECTED = 'The reference rejects every observation of this series: ';
const REJECTION = { loc: ['body', 'observation_value'], type: 'value_error' };
const BIRTH_FIELDS = ['birth_date', 'gestation_weeks', 'gestation_days', 'sex', 'measurement_method'];
const PASSTHROUGH = ['bone_age', 'bone_age_type', 'bone_age_sds', 'bone_age_centile', 'bone_age_text', 'events_text'];
const SHAPES = {
  calculation: { birth_date: 0, gestation_weeks: 0, gestation_days: 0, sex: 0, measurement_method: 0, observation_date: 0, observation_value: 0, bone_age: 0, bone_age_type: 0, bone_age_sds: 0, bone_age_centile: 0, bone_age_text: 0, events_text: 0 },
  bulk: { birth_date: 0, gestation_weeks: 0, gestation_days: 0, sex: 0, measurement_method: 0, observations: [{ observation_date: 0, observation_value: 0, bone_age: 0, bone_age_type: 0, bone_age_sds: 0, bone_age_centile: 0, bone_age_text: 0, events_text: 0 }] },
  chart: { sex: 0, measurement_method: 0, centile_format: 0, is_sds: 0 },
  midParental: { height_maternal: 0, height_paternal: 0, sex: 0, reference: 0 },
  fictional: { measurement_method: 0, sex: 0, start_chronological_age: 0, end_age: 0, gestation_weeks: 0, gestation_days: 0, measurement_interval_type: 0, measurement_interval_number: 0, start_sds: 0, drift: 0, drift_range: 0, noise: 0, noise_range: 0, seed: 0, reference: 0 },
  sds: { reference: 0, measurement_method: 0, sex: 0, age: 0, observation_value: 0 },
  measurement: { reference: 0, measurement_method: 0, sex: 0, age: 0, sds: 0 },
  percentageMedianBmi: { reference: 0, sex: 0, age: 0, bmi: 0 },
  thrive: { sex: 0, start_sds: 0, months: 0, target_centile: 0 },
  measurements: [{ child_observation_value: { measurement_method: 0, observation_value: 0 }, measurement_dates: { chronological_decimal_age: 0 } }],
  fhirMeasurement: { provenance: { growth_reference: 0, calculation_engine: 0, reference_data: 0 }, child_observation_value: { measurement_method: 0, observation_value: 0 }, measurement_dates: { observation_date: 0, corrected_decimal_age: 0, chronological_decimal_age: 0 }, measurement_calculated_values: { corrected_sds: 0, corrected_centile: 0, chronological_sds: 0, chronological_centile: 0 } },
  fhirOptions: { subject: 0, derivedFrom: 0, growthReference: 0 },
};

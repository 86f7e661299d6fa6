// The constants and the measurement-object builder pkg-template/api.js shares with the wasm, generated from
// the Rust definitions by src/wasm/protocol.rs and contract.rs (documented there): do not edit.
// `make protocol` rewrites this file; `cargo test` fails while it differs from them.
const STATUS = { record: 0, general: 2, rejected: 3 };
const RECORD_LEN = 18;
const TEXT = { band: 0, comment: 1, calendar: 2, dateIso: 3, dateLong: 4, gestationalAge: 5, measurementError: 6 };
const COMMENT_SENTENCES = 4;
const GESTATION_CODE = 10;
const REFERENCE_NAMES = ['uk-who', 'trisomy-21', 'trisomy-21-aap', 'turners-syndrome', 'cdc', 'who'];
const referenceCode = (name) => { switch (name) { case 'uk-who': return 0; case 'trisomy-21': return 1; case 'trisomy-21-aap': return 2; case 'turners-syndrome': return 3; case 'cdc': return 4; case 'who': return 5; case 'turner': return 3; default: return undefined; } };
const METHOD_NAMES = ['height', 'weight', 'ofc', 'bmi'];
const methodCode = (name) => { switch (name) { case 'height': return 0; case 'weight': return 1; case 'ofc': return 2; case 'bmi': return 3; default: return undefined; } };
const SEX_NAMES = ['male', 'female'];
const sexCode = (name) => { switch (name) { case 'male': return 0; case 'female': return 1; default: return undefined; } };
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
  calculation: { birth_date: 0, gestation_weeks: 0, gestation_days: 0, sex: 0, measurement_method: 0, observation_date: 0, observation_value: 0, bone_age: 0, bone_age_type: 0, bone_age_sds: 0, bone_age_centile: 0, bone_age_text: 0, events_text: 0, length: 0, height: 0 },
  bulk: { birth_date: 0, gestation_weeks: 0, gestation_days: 0, sex: 0, measurement_method: 0, observations: [{ observation_date: 0, observation_value: 0, bone_age: 0, bone_age_type: 0, bone_age_sds: 0, bone_age_centile: 0, bone_age_text: 0, events_text: 0, length: 0, height: 0 }], implausible_value_flags: 0 },
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
function measurementBuilder(record, text, provenance) {
  return function build(reference, birth, observation, weeks, days) {
    const r = record();
    const n2 = r[2], n0 = r[0], n1 = r[1], n5 = r[5], n6 = r[6], n3 = r[3], n4 = r[4], n17 = r[17], n7 = r[7], n8 = r[8], n9 = r[9], n11 = r[11], n12 = r[12], n13 = r[13], n15 = r[15], n16 = r[16], n10 = r[10], n14 = r[14];
    const t0 = text(3, n2), t1 = text(4, n2), t2 = text(2, n5), t3 = text(2, n6), t4 = text(1, n4 * COMMENT_SENTENCES + 1), t5 = text(1, n4 * COMMENT_SENTENCES + 0), t6 = text(1, n4 * COMMENT_SENTENCES + 3), t7 = text(1, n4 * COMMENT_SENTENCES + 2), t8 = text(6, n17), t9 = text(0, n9), t10 = text(0, n13), t11 = text(6, n15), t12 = text(6, n16), t13 = text(5, n3);
    return {
      provenance: provenance(reference),
      birth_data: {
        birth_date: birth.birth_date,
        gestation_weeks: weeks,
        gestation_days: days,
        estimated_date_delivery: t0,
        estimated_date_delivery_string: t1,
        sex: birth.sex,
      },
      measurement_dates: {
        observation_date: observation.observation_date,
        chronological_decimal_age: n0,
        corrected_decimal_age: n1,
        chronological_calendar_age: t2,
        corrected_calendar_age: t3,
        corrected_gestational_age: {
          corrected_gestation_weeks: n3 !== n3 ? null : Math.floor(n3 / GESTATION_CODE),
          corrected_gestation_days: n3 !== n3 ? null : n3 % GESTATION_CODE,
        },
        comments: {
          clinician_corrected_decimal_age_comment: t4,
          lay_corrected_decimal_age_comment: t5,
          clinician_chronological_decimal_age_comment: t6,
          lay_chronological_decimal_age_comment: t7,
        },
        corrected_decimal_age_error: null,
        chronological_decimal_age_error: null,
      },
      child_observation_value: {
        measurement_method: birth.measurement_method,
        observation_value: observation.observation_value,
        observation_value_error: t8,
      },
      measurement_calculated_values: {
        corrected_sds: n7 !== n7 ? null : n7,
        corrected_centile: n8 !== n8 ? null : n8,
        corrected_centile_band: t9,
        chronological_sds: n11 !== n11 ? null : n11,
        chronological_centile: n12 !== n12 ? null : n12,
        chronological_centile_band: t10,
        corrected_measurement_error: t11,
        chronological_measurement_error: t12,
        corrected_percentage_median_bmi: n10 !== n10 ? null : n10,
        chronological_percentage_median_bmi: n14 !== n14 ? null : n14,
      },
      plottable_data: {
        centile_data: {
          chronological_decimal_age_data: {
            x: n0,
            y: observation.observation_value,
            b: null,
            centile: n12 !== n12 ? null : n12,
            sds: n11 !== n11 ? null : n11,
            events_text: null,
            bone_age_label: null,
            bone_age_type: null,
            bone_age_sds: null,
            bone_age_centile: null,
            observation_error: t8,
            age_type: 'chronological_age',
            calendar_age: t2,
            lay_comment: t7,
            clinician_comment: t6,
            age_error: null,
            centile_band: t10,
            observation_value_error: t12,
          },
          corrected_decimal_age_data: {
            x: n1,
            y: observation.observation_value,
            b: null,
            centile: n8 !== n8 ? null : n8,
            sds: n7 !== n7 ? null : n7,
            events_text: null,
            bone_age_label: null,
            bone_age_type: null,
            bone_age_sds: null,
            bone_age_centile: null,
            observation_error: t8,
            age_type: 'corrected_age',
            corrected_gestational_age: n3 !== n3 ? '' : t13,
            calendar_age: t3,
            lay_comment: t5,
            clinician_comment: t4,
            age_error: null,
            centile_band: t9,
            observation_value_error: t11,
          },
        },
        sds_data: {
          chronological_decimal_age_data: {
            x: n0,
            y: n11 !== n11 ? null : n11,
            b: null,
            centile: n12 !== n12 ? null : n12,
            sds: null,
            events_text: null,
            bone_age_label: null,
            bone_age_type: null,
            bone_age_sds: null,
            bone_age_centile: null,
            observation_error: null,
            age_type: 'chronological_age',
            calendar_age: t2,
            lay_comment: t7,
            clinician_comment: t6,
            age_error: null,
            centile_band: t10,
            observation_value_error: t12,
          },
          corrected_decimal_age_data: {
            x: n1,
            y: n7 !== n7 ? null : n7,
            b: null,
            centile: n8 !== n8 ? null : n8,
            sds: null,
            events_text: null,
            bone_age_label: null,
            bone_age_type: null,
            bone_age_sds: null,
            bone_age_centile: null,
            observation_error: null,
            age_type: 'corrected_age',
            corrected_gestational_age: n3 !== n3 ? '' : t13,
            calendar_age: t3,
            lay_comment: t5,
            clinician_comment: t4,
            age_error: null,
            centile_band: t9,
            observation_value_error: t11,
          },
        },
      },
      bone_age: {
        bone_age: null,
        bone_age_type: null,
        bone_age_sds: null,
        bone_age_centile: null,
        bone_age_text: null,
      },
      events_data: {
        events_text: null,
      },
    };
  };
}

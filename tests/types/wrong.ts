// Deliberately wrong uses of `centile`: tsc must reject every line marked `// expect TSxxxx text` with that code
// and a message containing the text, and report nothing else (tests/types/tsc.test.mjs).
import { bulkCalculation, calculation, chartCoordinates, fictionalChildData, measurementFromSds, midParentalHeight, sdsForMeasurements, thriveLine, velocity, CentileError } from 'centile';
import { initSync } from 'centile/web';

const ok = { birth_date: '2020-01-01', observation_date: '2021-01-01', observation_value: 75, sex: 'male', measurement_method: 'height' } as const;

calculation('uk-who', { ...ok, measurement_method: 'length' }); // expect TS2322 "length"
calculation('uk-who', { ...ok, birth_date: 20200101 }); // expect TS2322 'number' is not assignable to type 'string'
calculation('uk', ok); // expect TS2345 "uk"
calculation('uk-who', { ...ok, sex: 'M' }); // expect TS2322 "M"
calculation('uk-who', { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'male', measurement_method: 'height' }); // expect TS2345 observation_value
calculation('uk-who', { ...ok, observation_vlue: 75 }); // expect TS2561 observation_vlue
calculation('uk-who', { ...ok, gestation_weeks: '40' }); // expect TS2322 'string' is not assignable to type 'number'
calculation('uk-who', { ...ok, bone_age_type: 'greulich' }); // expect TS2322 "greulich"
calculation('uk-who', { ...ok, events_text: 'clinic' }); // expect TS2322 'string' is not assignable to type 'string[]'
calculation('uk-who', { ...ok, observation_value: '75' }); // expect TS2322 'string' is not assignable to type 'number'
const m = calculation('who', ok);
const sds: number = m.measurement_calculated_values.chronological_sds; // expect TS2322 'number | null'
const band: string = m.measurement_calculated_values.corrected_centile_band; // expect TS2322 'string | null'
const correctedSds: number = m.measurement_calculated_values.corrected_sds; // expect TS2322 'number | null'
const pointCentile: number = m.plottable_data.centile_data.corrected_decimal_age_data.centile; // expect TS2322 'number | null'
const noError: null = m.measurement_calculated_values.corrected_measurement_error; // expect TS2322 'string | null'
m.measurement_calculated_values.sds; // expect TS2339 'sds'
const ref: 'turner' = m.provenance.growth_reference; // expect TS2322 ReferenceName
bulkCalculation('uk-who', { birth_date: '2020-01-01', sex: 'male', measurement_method: 'height' }); // expect TS2345 observations
const first = bulkCalculation('uk-who', { birth_date: '2020-01-01', sex: 'male', measurement_method: 'height', observations: [] }).results[0];
first?.measurement_calculated_values; // expect TS2339 measurement_calculated_values
chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height', centile_format: 'nine-centiles' }); // expect TS2322 "nine-centiles"
chartCoordinates('uk-who', { sex: 'male', measurement_method: 'height', centile_format: ['2', '50'] }); // expect TS2322 'string' is not assignable to type 'number'
chartCoordinates({ sex: 'male', measurement_method: 'height' }); // expect TS2554 Expected 2 arguments
midParentalHeight({ height_maternal: 165, height_paternal: 180, sex: 'male', reference: 'trisomy-21' }); // expect TS2322 "trisomy-21"
midParentalHeight({ height_maternal: '165cm', height_paternal: 180, sex: 'male' }); // expect TS2322 'string' is not assignable to type 'number'
const heightText: string = measurementFromSds({ reference: 'uk-who', measurement_method: 'height', sex: 'male', age: 2, sds: 0 }); // expect TS2322 'number' is not assignable to type 'string'
sdsForMeasurements('uk-who', 'height', 'male', ['1'], [80]); // expect TS2322 'string' is not assignable to type 'number'
const status: 400 = new CentileError('x', []).status; // expect TS2322 '404 | 422 | 503'
initSync(); // expect TS2554 Expected 1 arguments
fictionalChildData('uk-who', { measurement_method: 'height', sex: 'female', measurement_interval_type: 'fortnight' }); // expect TS2322 "fortnight"
velocity('height', [m.measurement_dates]); // expect TS2739 child_observation_value
const speed: string = velocity('height', [m]); // expect TS2322 'number' is not assignable to type 'string'
thriveLine({ sex: 'male', start_sds: 0, months: 6 }); // expect TS2322 'number' is not assignable to type 'readonly number[]'
console.log(sds, band, correctedSds, pointCentile, noError, ref, heightText, status, speed);

// centile/nutrition as a user calls it (type-checked with --strict by tsc.test.mjs): the package's functions, and
// the measurements beyond the dGC API with their `beyond_dgc` block.
import { calculation, bulkCalculation, chartCoordinates, toFhir, CentileError, type AcuteMalnutrition, type GrowthObservation, type NutritionChart, type NutritionMeasurementObject } from 'centile/nutrition';

const m: NutritionMeasurementObject = calculation('who', {
  birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'female',
  measurement_method: 'weight_for_length', observation_value: 6.5, length: 72,
});
export const observation: GrowthObservation = toFhir(m, { subject: 'Patient/1' });
export const grade: AcuteMalnutrition['classification'] | undefined = m.beyond_dgc?.acute_malnutrition?.classification;
export const category: string | undefined = calculation('iotf', {
  birth_date: '2010-01-01', observation_date: '2020-01-01', sex: 'male', measurement_method: 'bmi', observation_value: 22,
}).beyond_dgc?.iotf?.category;
export const flags = bulkCalculation('who', {
  birth_date: '2020-01-01', sex: 'male', measurement_method: 'arm_circumference', implausible_value_flags: true,
  observations: [{ observation_date: '2021-01-01', observation_value: 14 }],
}).results.map((r) => ('loc' in r ? null : r.beyond_dgc?.implausible_value_flags?.who?.flag));
export const lines = chartCoordinates('who', { sex: 'male', measurement_method: 'weight' });
export const byLength: NutritionChart = chartCoordinates('cdc', { sex: 'female', measurement_method: 'weight_for_length', centile_format: [3, 50, 97] });
export const lengths: number[] | undefined = byLength.centile_data[0].cdc_2000_weight_for_length?.female?.weight_for_length?.[0]?.data.map((p) => p.x);
export const iotfLines: NutritionChart = chartCoordinates('iotf', { sex: 'male', measurement_method: 'bmi', centile_format: [-2, 1, 2], is_sds: true });
// @ts-expect-error arm circumference is beyond the dGC API in the who reference only
chartCoordinates('cdc', { sex: 'male', measurement_method: 'arm_circumference' });
export const isError = (e: unknown): boolean => e instanceof CentileError;
// @ts-expect-error not a method of the package, nor beyond the dGC API
calculation('who', { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'male', measurement_method: 'waist', observation_value: 1 });

// centile/nutrition as a user calls it (type-checked with --strict by tsc.test.mjs): the package's functions, and
// the measurements beyond the dGC API with their `beyond_dgc` block.
import { calculation, bulkCalculation, chartCoordinates, CentileError, type AcuteMalnutrition, type NutritionMeasurementObject } from 'centile/nutrition';

const m: NutritionMeasurementObject = calculation('who', {
  birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'female',
  measurement_method: 'weight_for_length', observation_value: 6.5, length: 72,
});
export const grade: AcuteMalnutrition['classification'] | undefined = m.beyond_dgc?.acute_malnutrition?.classification;
export const category: string | undefined = calculation('iotf', {
  birth_date: '2010-01-01', observation_date: '2020-01-01', sex: 'male', measurement_method: 'bmi', observation_value: 22,
}).beyond_dgc?.iotf?.category;
export const flags = bulkCalculation('who', {
  birth_date: '2020-01-01', sex: 'male', measurement_method: 'arm_circumference', implausible_value_flags: true,
  observations: [{ observation_date: '2021-01-01', observation_value: 14 }],
}).results.map((r) => ('loc' in r ? null : r.beyond_dgc?.implausible_value_flags?.who?.flag));
export const lines = chartCoordinates('who', { sex: 'male', measurement_method: 'weight' });
export const isError = (e: unknown): boolean => e instanceof CentileError;
// @ts-expect-error not a method of the package, nor beyond the dGC API
calculation('who', { birth_date: '2020-01-01', observation_date: '2021-01-01', sex: 'male', measurement_method: 'waist', observation_value: 1 });
